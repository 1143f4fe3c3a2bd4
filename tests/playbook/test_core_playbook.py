"""The shipped core playbook holds the whole method of METHOD.md, sections 0–3."""

import pytest

from salescoach.core import vocabulary as v
from salescoach.paths import locations
from salescoach.playbook.loader import load_model


@pytest.fixture(scope="module")
def core():
    return load_model("core", "en", locations())


def filled(*texts):
    return all(isinstance(text, str) and text.strip() for text in texts)


def test_premise_and_the_six_questions(core):
    assert filled(core.premise.trust, core.premise.book_size, core.premise.ties)
    assert list(core.questions) == list(v.QUESTIONS)
    for question in core.questions.values():
        assert filled(question.question, question.really_asking, question.guidance, *question.prompts)


def test_relationship_values_and_the_emotional_bank(core):
    for kind in (core.values.functional, core.values.emotional, core.values.ideal):
        assert filled(kind.title, kind.summary, *kind.practices)
    assert len(core.values.bank.deposits) >= 8
    assert len(core.values.bank.withdrawals) >= 6
    assert filled(core.values.lasting)


def test_stage_one_neutral_phrasing_and_refusals(core):
    one = core.stages.stage1
    assert len(one.neutral_phrases) >= 4
    assert set(one.levers) == set(v.LEVERS)
    assert set(one.refusals) == set(v.REFUSALS)
    for refusal in one.refusals.values():
        assert filled(refusal.label, refusal.identity, refusal.relationship, refusal.benefit)
    assert len(one.interest) >= 3
    assert len(one.wariness) >= 2


def test_stage_two_five_goods_and_eight_good_reasons(core):
    two = core.stages.stage2
    assert list(two.goods) == list(v.GOODS)
    assert list(two.reasons) == list(v.GOOD_REASONS) and len(two.reasons) == 8
    for good in two.goods.values():
        assert filled(good.title, good.summary, *good.tips)
    assert len(two.commonalities) >= 6


def test_stage_three_trust_methods_and_frameworks(core):
    three = core.stages.stage3
    assert list(three.methods) == list(v.TRUST_METHODS)
    assert len(three.frameworks) >= 2
    assert filled(core.stages.speed, *core.stages.watch) and len(core.stages.watch) >= 5


def test_communication_details(core):
    assert list(core.communication) == list(v.COMMUNICATION)


def test_topic_phases(core):
    topics = core.topics
    assert list(topics.greeting.topics) == list(v.GREETING_TOPICS)
    assert list(topics.deepening.areas) == list(v.DEEPENING_AREAS)
    for area in topics.deepening.areas.values():
        assert filled(area.topic, area.leads_to, *area.prompts)
    for letter in (topics.closing.feedback, topics.closing.benefit, topics.closing.opportunity):
        assert filled(*letter)
    assert len(topics.closing.rules) >= 3 and topics.closing.example
    assert list(topics.followup.tiers) == list(v.TIERS)
    assert list(topics.followup.types) == list(v.FOLLOWUP_TYPES)
    for kind in topics.followup.types.values():
        assert filled(kind.label, kind.summary, *kind.templates)
    assert list(topics.followup.dates) == list(v.DATE_KINDS)
    for kind in topics.followup.dates.values():
        assert filled(kind.label, *kind.templates)


def test_maintenance_and_churn(core):
    assert list(core.maintenance.moves) == list(v.MAINTENANCE_MOVES)
    assert filled(core.maintenance.formula, core.maintenance.goal)
    assert list(core.churn.causes) == list(v.CHURN_CAUSES) and len(core.churn.causes) == 7
    assert list(core.churn.phases) == list(v.CHURN_PHASES)
    assert list(core.churn.rfm) == list(v.TIERS)
    assert (
        core.churn.rfm["hot"].recency_days
        < core.churn.rfm["warm"].recency_days
        < core.churn.rfm["general"].recency_days
    )


def test_every_template_list_ends_with_a_line_that_needs_nothing_but_the_address(core):
    from salescoach.playbook.template import placeholders

    def lists(value, path=""):
        if isinstance(value, dict):
            for key, item in value.items():
                yield from lists(item, f"{path}.{key}")
        elif isinstance(value, list) and value and all(isinstance(item, str) for item in value):
            yield path, value

    data = core.model_dump()
    checked = 0
    for path, lines in lists(data):
        if path == ".topics.closing.benefit":
            continue  # lines that speak of a fact, tried before the stage's own (which end this way)
        names = set(placeholders(lines[-1]))
        if any(placeholders(line) for line in lines):
            checked += 1
            assert names <= {"name", "address", "honorific"}, f"{path}: last line needs {names}"
    assert checked > 10
