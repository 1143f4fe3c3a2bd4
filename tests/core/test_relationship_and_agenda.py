"""The pure core, called directly: stage rule, emotional bank account, priority, ranking, brief."""

from datetime import date

import pytest

from salescoach.core.agenda import CustomerContext, Due, rank, score
from salescoach.core.brief import Item, build_brief, good_reason
from salescoach.core.records import Customer, CustomerFile, Note, Profile, Promise, Purchase, Visit
from salescoach.core.relationship import bank_balance, bank_ledger, derive_stage
from salescoach.paths import locations
from salescoach.playbook.loader import load

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def core():
    return load("core", "en", locations())


def book(visits=(), notes=(), purchases=(), promises=(), tags=()):
    customer = Customer(id=1, name="Lee Jiwoo", honorific="Ms.", tags=tags, tier="warm")
    return CustomerFile(
        customer, notes=tuple(notes), visits=tuple(visits), purchases=tuple(purchases), promises=tuple(promises)
    )


def visit(day, outcome="none", feedback=None, stage=None, answered=()):
    return Visit(
        id=day,
        customer_id=1,
        date=date(2026, 11, day),
        channel="visit",
        outcome=outcome,
        feedback=feedback,
        stage=stage,
        answered=answered,
    )


def test_stage_rule():
    assert derive_stage(None).stage == 1
    assert derive_stage(book([visit(1)])).stage == 1
    assert derive_stage(book([visit(1), visit(2, "progress")])) == (2, "repeat_progress")
    assert derive_stage(book([visit(1)], notes=[Note(1, 1, "pain", "costs", TODAY)])) == (3, "shared_pain")
    assert derive_stage(book([visit(1)], purchases=[Purchase(1, 1, TODAY, 10.0)])) == (3, "bought")
    assert derive_stage(book([visit(1, stage=2)])) == (2, "recorded")
    assert derive_stage(book([visit(1, stage=2)]), override=3) == (3, "override")


def test_emotional_bank_account():
    promises = [
        Promise(1, 1, "on time", date(2026, 11, 1), date(2026, 11, 5), kept_on=date(2026, 11, 5)),
        Promise(2, 1, "late", date(2026, 11, 1), date(2026, 11, 5), kept_on=date(2026, 11, 9)),
        Promise(3, 1, "overdue", date(2026, 11, 1), date(2026, 11, 20)),
        Promise(4, 1, "open", date(2026, 11, 1), date(2026, 11, 30)),
    ]
    assert [(entry.amount, entry.balance) for entry in bank_ledger(promises, TODAY)] == [(1, 1), (-1, 0), (-1, -1)]
    assert bank_balance(promises, TODAY) == -1


def test_priority_terms(core):
    hot = Customer(id=1, name="A", tier="hot", stage=1, last_contact=date(2026, 10, 1))
    points, why = score("promise", 3, CustomerContext(hot, core), TODAY)
    assert {term.term: term.points for term in why} == {
        "promise": 200,
        "overdue": 6,
        "tier": 30,
        "stage": 10,
        "churn_risk": 20,
    }
    assert points == 266


def test_rank_puts_promises_and_overdue_first(core):
    rows = [
        Due("followup", 1, 1, date(2026, 11, 25), "hot", 3, TODAY, None),
        Due("followup", 2, 2, date(2026, 11, 15), "general", 3, TODAY, None),
        Due("promise", 3, 3, date(2026, 11, 25), "general", 3, TODAY, None),
    ]
    ranked = rank(TODAY, TODAY, rows, [], lambda name: core)
    assert [(item.kind, item.record.id) for item in ranked] == [("promise", 3), ("followup", 1), ("followup", 2)]


def test_brief_tailors_to_what_is_known(core):
    known = book(
        [visit(1, "progress", feedback="liked it", answered=("who", "trust"))],
        notes=[Note(1, 1, "family", "twins start school", TODAY), Note(2, 1, "hometown", "Busan", TODAY)],
    )
    brief = build_brief(core, "Lee Jiwoo", known, Profile(name="Kim"), TODAY)
    assert brief.agenda[-2:] == ("who", "trust")
    assert brief.plan[0].items[0].text == brief.opener.line  # one opener for one visit, its note beside it
    assert brief.plan[0].items[1] == Item("twins start school", "remember")
    assert brief.plan[1].items[0].label == "Family and children"  # the area the rep knows about comes first
    assert [item.text for item in brief.commonalities] == ["Busan"]
    assert brief.save_command is None and brief.header.stage == 1
    first = build_brief(core, "New Person", None, Profile(), TODAY)
    assert first.save_command == "salescoach customer add 'New Person'" and first.header.visits == 0


def test_each_deepening_area_asks_about_its_own_notes(core):
    later = date(2026, 11, 30)
    known = book(notes=[Note(1, 1, "family", "twins start school", TODAY), Note(2, 1, "leisure", "golf", later)])
    deepen = {prompt.topic: prompt for prompt in build_brief(core, "Lee", known, Profile(), later).deepen}
    assert deepen["Family and children"].cue == "twins start school"
    assert "golf" not in deepen["Family and children"].line + deepen["Family and children"].cue
    alone = book(notes=[Note(2, 1, "leisure", "golf", later)])
    items = build_brief(core, "Lee", alone, Profile(), later).plan[1].items
    family = next(index for index, item in enumerate(items) if item.label == "Family and children")
    assert "golf" not in items[family].text and "family" in items[family].text
    assert items[family + 1].label != "remember"  # no cue of another kind under it


def test_good_reason_rule():
    assert good_reason(None) == "advice"
    assert good_reason(book(purchases=[Purchase(1, 1, TODAY, 1.0)])) == "thanks"
    assert good_reason(book(notes=[Note(1, 1, "need", "a loan", TODAY)])) == "help"
    assert good_reason(book(tags=("referral",))) == "referral"


def test_brief_answers_why_now_with_the_next_important_date(core):
    from salescoach.core.records import ImportantDate

    renewal = ImportantDate(1, 1, "renewal", month=12, day=20, label="fleet insurance")
    known = CustomerFile(Customer(id=1, name="Lee", tier="warm"), dates=(renewal,))
    brief = build_brief(core, "Lee", known, Profile(), TODAY)
    now = next(question for question in brief.questions if question.id == "now")
    assert "fleet insurance (2026-12-20)" in now.lines[0]
