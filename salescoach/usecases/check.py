"""`salescoach check`: a drafted message read against the pack's rules, for the customer it is meant for."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, NamedTuple

from salescoach.core.message_check import Addressee, Finding, check_message, name_forms
from salescoach.errors import InvalidInput
from salescoach.i18n import _
from salescoach.usecases.app import App

MAX_MESSAGE_BYTES = 100_000
"""A message is an SMS or an e-mail; anything longer is a mistake (a wrong file, a device), not a draft."""


class CheckResult(NamedTuple):
    playbook: str  # its title, as the rep reads it ("Relationship banking", "관계 금융")
    customer: str | None
    findings: tuple[Finding, ...]
    labels: dict[str, str]  # rule or detail id → the playbook's label for it


def read_message(text: str | None, path: Path | None, stdin: BinaryIO | None = None) -> str:
    """The draft from the argument, a file or standard input; at most :data:`MAX_MESSAGE_BYTES`, read as UTF-8.

    Reading stops one byte past the limit, so a device or an endless pipe is refused instead of filling memory.
    """
    if text is not None and path is not None:
        raise InvalidInput(_("give the message as TEXT or with --file, not both"))
    if text is not None and text != "-":
        message = text
    else:
        from salescoach.documents import PlaybookInvalid, read_limited

        where = str(path) if path is not None else _("standard input")
        too_big = _("{path}: a message may be at most {limit:,} bytes").format(path=where, limit=MAX_MESSAGE_BYTES)
        try:
            if path is not None:
                raw = read_limited(path, MAX_MESSAGE_BYTES)  # the one rule for files the rep names
            else:
                raw = (stdin or sys.stdin.buffer).read(MAX_MESSAGE_BYTES + 1)
        except OSError as error:
            reason = error.strerror or str(error)
            raise InvalidInput(_("{path}: cannot read: {reason}").format(path=where, reason=reason)) from None
        except PlaybookInvalid:
            raise InvalidInput(too_big) from None
        if len(raw) > MAX_MESSAGE_BYTES:
            raise InvalidInput(too_big)
        try:
            message = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidInput(_("{path}: not UTF-8 text").format(path=where)) from None
    if not message.strip():
        raise InvalidInput(_("the message is empty"), hint=_('salescoach check "Ms. Park, thank you for ..."'))
    return message


def check(app: App, message: str, playbook: str | None = None, customer: str | None = None) -> CheckResult:
    """Findings for ``message`` under the rules of ``playbook``, or of the customer's own playbook."""
    addressee = found = None
    if customer is not None:
        from salescoach.usecases.customers import find

        with app.store() as store:
            found = find(store, customer)
        if playbook is None:
            playbook = found.playbook
    data = app.customer_playbook(playbook).data if customer is not None else app.playbook(playbook)
    if found is not None:
        from salescoach.core.details import address

        addressee = Addressee(found.name, tuple(name_forms(found.name)), address(data, found.name, found.honorific))
    rules = data["message_check"]
    findings = check_message(message, rules["rules"], rules["details"], addressee)
    labels = {key: item["label"] for section in ("rules", "details") for key, item in rules[section].items()}
    return CheckResult(data["title"], found.name if found else None, tuple(findings), labels)
