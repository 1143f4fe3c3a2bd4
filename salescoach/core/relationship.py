"""Where a relationship stands: its stage, and the emotional bank account.

Stage rule (the method's path from familiarity to trust):

1. **Remove wariness** — no contact yet, or only one.
2. **Good impression** — repeat contact (two or more) that has made progress: at least one contact ended in
   progress or a sale, or the customer gave feedback.
3. **Trust** — the customer has shared a pain point with the rep, or has bought.

The stage the rep recorded at their latest debrief wins over the rule (the rep was there); ``prep --stage``
overrides both for one brief.

Emotional bank account: each promise kept on or before its due date is a deposit (+1); one kept late, or still
open past its due date, is a withdrawal (−1). The balance is their sum.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from salescoach.core.records import CustomerFile, Promise


class StageJudgement(NamedTuple):
    stage: int
    reason: str  # first_contact, repeat_progress, shared_pain, bought, recorded or override


def derive_stage(book: CustomerFile | None, override: int | None = None) -> StageJudgement:
    """The relationship stage of a customer, and which rule decided it."""
    if override:
        return StageJudgement(override, "override")
    if book is None:
        return StageJudgement(1, "first_contact")
    recorded = next((visit.stage for visit in reversed(book.visits) if visit.stage), None)
    if recorded:
        return StageJudgement(recorded, "recorded")
    if book.purchases or any(visit.outcome == "sale" for visit in book.visits):
        return StageJudgement(3, "bought")
    if any(note.kind == "pain" for note in book.notes):
        return StageJudgement(3, "shared_pain")
    warm = any(visit.outcome in ("progress", "sale") or visit.feedback for visit in book.visits)
    if len(book.visits) >= 2 and warm:
        return StageJudgement(2, "repeat_progress")
    return StageJudgement(1, "first_contact")


class BankEntry(NamedTuple):
    """One deposit or withdrawal in the emotional bank account."""

    on: date
    amount: int
    promise: str
    kind: str  # kept_on_time | kept_late | overdue
    balance: int = 0


def promise_status(promise: Promise, today: date) -> str:
    """``kept_on_time``, ``kept_late``, ``overdue`` (open past due) or ``open``."""
    if promise.kept_on is not None:
        return "kept_on_time" if promise.kept_on <= promise.due else "kept_late"
    return "overdue" if promise.due < today else "open"


def bank_ledger(promises: tuple[Promise, ...] | list[Promise], today: date) -> list[BankEntry]:
    """Deposits and withdrawals in date order, each with the running balance."""
    entries = []
    for promise in promises:
        status = promise_status(promise, today)
        if status == "open":
            continue
        on = promise.kept_on if promise.kept_on is not None else promise.due
        entries.append((on, 1 if status == "kept_on_time" else -1, promise.text, status))
    ledger, balance = [], 0
    for on, amount, text, kind in sorted(entries, key=lambda entry: entry[0]):
        balance += amount
        ledger.append(BankEntry(on=on, amount=amount, promise=text, kind=kind, balance=balance))
    return ledger


def counted_balance(kept_on_time: int, kept_late: int, overdue: int) -> int:
    """The emotional bank balance from counts of promises rather than the promises themselves (a book's or a
    rep's, counted in the store): a deposit for each kept on time, a withdrawal for each kept late or open past
    its day, as :func:`bank_ledger` books them one by one."""
    return kept_on_time - kept_late - overdue


def bank_balance(promises: tuple[Promise, ...] | list[Promise], today: date) -> int:
    ledger = bank_ledger(promises, today)
    return ledger[-1].balance if ledger else 0
