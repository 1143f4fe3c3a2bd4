"""Drill cards are whole phrases a rep can say aloud (§10 of the read-aloud review): not the check's match stems
("내일부터 오릅"), and not one phrase twice in two spellings ("원금 보장"/"원금보장", "only today"/"today only")."""

from __future__ import annotations

import pytest
from test_lines_read_well import PLAYBOOKS

from salescoach.core.drills import cards_of
from salescoach.core.message_check import check_message, phrase_pattern
from salescoach.paths import locations
from salescoach.playbook.loader import load

STEM_ENDINGS = set("릅옵없갑마야해실")
"""Last syllables of a Korean verb cut before its ending (오릅, 나옵, 없, 마, 하셔야, 후회하실): no word a rep says."""


def _neutral_cards(pack: str, language: str):
    playbook = load(pack, language, locations())
    return playbook, [card for card in cards_of(pack, playbook, {}) if card.kind == "neutral"]


def _words(text: str) -> tuple[str, ...]:
    """A phrase's words, however ordered and spaced, singular: "today only" is "only today"."""
    return tuple(sorted(word.casefold().removesuffix("s") for word in text.replace(" ", " ").split()))


@pytest.mark.parametrize("language", ("en", "ko"))
@pytest.mark.parametrize("pack", PLAYBOOKS)
def test_every_neutral_card_is_a_phrase_the_check_flags_under_its_rule(pack, language):
    playbook, cards = _neutral_cards(pack, language)
    rules = playbook["message_check"]
    for card in cards:
        phrase = card.front.strip("\u201c\u201d")
        rule = card.id.split(".")[2]
        found = check_message(phrase, {rule: rules["rules"][rule]}, {})
        assert found and all(finding.rule == rule for finding in found), card.id
        if language == "ko":
            assert phrase[-1] not in STEM_ENDINGS, (card.id, phrase)


@pytest.mark.parametrize("language", ("en", "ko"))
@pytest.mark.parametrize("pack", PLAYBOOKS)
def test_no_two_neutral_cards_drill_one_phrase(pack, language):
    playbook, cards = _neutral_cards(pack, language)
    phrases = {
        f"{rule_id}.{index}": [item["text"], *item["also"]]
        for rule_id, rule in playbook["message_check"]["rules"].items()
        for index, item in enumerate(rule["phrases"])
    }
    for card in cards:
        front = card.front.strip("\u201c\u201d")
        own = card.id.split(".", 2)[2]
        for other, spellings in phrases.items():
            if other != own:
                assert not any(phrase_pattern(spelling).search(front) for spelling in spellings), (card.id, other)
                assert _words(front) not in {_words(spelling) for spelling in spellings}, (card.id, other)


def test_the_old_stems_are_no_cards_and_one_card_covers_both_spellings(cli):
    cli("customer", "add", "박소연", "--playbook", "bank")
    listed = cli("--lang", "ko", "drill", "list").stdout
    for stem in (
        "“내일부터 오릅”",
        "“다시 안 나옵”",
        "“다시는 없”",
        "“고민할 필요 없”",
        "“손해 볼 일 없”",
        "“원금보장”",
    ):
        assert stem not in listed
    assert "“금리가 내일부터 오릅니다”" in listed and listed.count("“원금 보장 상품입니다”") == 1
