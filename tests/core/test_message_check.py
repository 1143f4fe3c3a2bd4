"""The message check's matching rules, on the shipped rule lists: spans, word edges, particles, missing details."""

from hypothesis import given, settings
from hypothesis import strategies as st

from salescoach.core.message_check import Addressee, check_message, name_forms, phrase_pattern
from salescoach.paths import locations
from salescoach.playbook.loader import load


def rules_of(name: str, language: str) -> tuple[dict, dict]:
    data = load(name, language, locations())["message_check"]
    return data["rules"], data["details"]


def test_a_pushy_english_draft_names_each_phrase_with_its_exact_span():
    rules, details = rules_of("core", "en")
    text = "Dear Ms. Park, thank you! Last chance: you must sign today, or tomorrow at the latest."
    findings = check_message(text, rules, details)
    assert [(f.rule, f.text) for f in findings] == [
        ("urgency", "Last chance"),
        ("pressure", "you must"),
        ("pressure", "sign today"),
    ]
    assert all(text[f.start : f.end] == f.text for f in findings)
    assert findings[0].rewrite == "whenever the timing suits you"


def test_whole_words_for_latin_letters_and_particles_allowed_in_korean():
    assert not phrase_pattern("or").search("please order")
    assert phrase_pattern("or").search("Monday or Friday")
    assert phrase_pattern("last chance").search("LAST\n  chance")
    assert phrase_pattern("원금 보장").search("원금 보장이 되는 상품")
    rules, details = rules_of("bank", "ko")
    findings = check_message(
        "박소연 님, 감사합니다. 원금보장에 확정 수익입니다. 화요일 또는 목요일 어떠세요?", rules, details
    )
    assert [(f.rule, f.text) for f in findings] == [("guarantee", "원금보장"), ("guarantee", "확정 수익")]


def test_a_courteous_neutral_draft_has_no_findings():
    rules, details = rules_of("core", "en")
    text = "Ms. Park, thank you for your time. Would Tuesday or Thursday suit you to look at the figures?"
    assert check_message(text, rules, details) == []


def test_missing_details_come_last_and_a_no_needs_its_reason():
    rules, details = rules_of("core", "en")
    findings = check_message("We can't change the rate.", rules, details)
    assert [f.rule for f in findings] == ["name", "thanks", "options", "reason"]
    assert findings[-1].text == "can't" and findings[0].start is None
    explained = check_message("We can't change the rate because head office sets it.", rules, details)
    assert "reason" not in [f.rule for f in explained]


def test_the_customers_own_name_counts_as_using_their_name():
    rules, details = rules_of("core", "ko")
    assert "소연" in name_forms("박소연") and name_forms("Park Soyeon") == ["Park Soyeon", "Park", "Soyeon"]
    soyeon = Addressee("박소연", tuple(name_forms("박소연")), "박소연 님")
    findings = check_message("소연 씨, 감사합니다. 화요일 또는 목요일?", rules, details, soyeon)
    assert findings == []


@settings(deadline=None)  # the first example loads the packs and compiles their phrases
@given(st.text(max_size=300))
def test_any_text_is_checked_without_error_and_every_span_is_its_text(text):
    for language in ("en", "ko"):
        rules, details = rules_of("insurance", language)
        jiwoo = Addressee("Lee Jiwoo", tuple(name_forms("Lee Jiwoo")), "Ms. Lee")
        for finding in check_message(text, rules, details, jiwoo):
            if finding.start is not None:
                assert text[finding.start : finding.end] == finding.text
