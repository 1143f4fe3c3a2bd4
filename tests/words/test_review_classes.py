"""The classes of line a read-aloud review found a rep would not say, each held so it cannot come back: a cue of the
wrong kind, a care call that pitches, a to-do read aloud, one Benefit for everyone, a blank for the rep's own
profile, an English pack name in Korean, the six questions named two ways, Korean a rep would not say."""

from __future__ import annotations

import pytest
from test_lines_read_well import PLAYBOOKS

from salescoach.core.vocabulary import QUESTIONS
from salescoach.paths import locations
from salescoach.playbook.loader import load

LANGUAGES = ("en", "ko")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_six_questions_are_named_the_same_in_every_pack(language):
    core = load("core", language, locations())["questions"]
    for name in PLAYBOOKS:
        questions = load(name, language, locations())["questions"]
        assert {key: questions[key]["question"] for key in QUESTIONS} == {
            key: core[key]["question"] for key in QUESTIONS
        }, name


@pytest.mark.parametrize(("language", "now", "title"), [("en", "Why should I buy now?", "Relationship banking"),
                                                         ("ko", "왜 지금 사야 합니까?", "관계 금융")])  # fmt: skip
def test_prep_names_the_pack_by_its_title_and_the_questions_as_the_method_does(cli, language, now, title):
    cli("customer", "add", "Park Soyeon", "--playbook", "bank")
    full = cli("--lang", language, "prep", "Park Soyeon", "--full").stdout
    header = full.splitlines()[1]
    assert header.endswith(title)
    assert now in full
    short = cli("--lang", language, "prep", "Park Soyeon").stdout
    assert now in short  # "Still open" names them the same way
