"""The message check as the read-aloud review found it (§5): a message greeting another customer passed, and the
English and Korean rules flagged different things. Each class is held here for every pack and both twins."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_lines_read_well import PLAYBOOKS

from salescoach.core.details import address
from salescoach.core.message_check import Addressee, addressed_names, check_message, name_forms
from salescoach.paths import locations
from salescoach.playbook.loader import load


def _check(pack: str, language: str, text: str, customer: Addressee | None = None) -> list[str]:
    rules = load(pack, language, locations())["message_check"]
    return [finding.rule for finding in check_message(text, rules["rules"], rules["details"], customer)]


def _park(language: str) -> Addressee:
    name, honorific = ("Park Soyeon", "Ms.") if language == "en" else ("박소연", "사장")
    return Addressee(name, tuple(name_forms(name)), address(load("core", language, locations()), name, honorific))


PARALLEL = [
    # (English draft, its Korean twin, the rules both must flag), each a courteous draft but for what it tests
    ("Ms. Park, thank you. There are two options for you.", "박 사장님, 감사합니다. 두 가지 방법이 있습니다.", []),
    ("Ms. Park, thank you. Rates go up tomorrow: Monday or Friday?",
     "박 사장님, 감사합니다. 금리가 내일부터 오릅니다. 월요일이나 금요일 어떠세요?", ["urgency"]),
    ("Ms. Park, thank you. You should definitely do this. Monday or Friday?",
     "박 사장님, 감사합니다. 꼭 하셔야 합니다. 월요일이나 금요일 어떠세요?", ["pressure"]),
    ("Ms. Park, thank you. Sign today, Monday or Friday.",
     "박 사장님, 감사합니다. 오늘 계약하셔야 합니다. 월요일이나 금요일 중에 편하신 날요.", ["pressure"]),
    ("Ms. Park, thanks. It ends tonight, so Monday or Friday?",
     "박 사장님, 감사합니다. 오늘 밤 마감입니다. 월요일이나 금요일 어떠세요?", ["urgency"]),
    ("Ms. Park, thanks. Stock is limited: Monday or Friday?",
     "박 사장님, 감사합니다. 한정 수량입니다. 월요일이나 금요일 어떠세요?", ["urgency"]),
    ("Ms. Park, thanks. What are you waiting for? Monday or Friday?",
     "박 사장님, 감사합니다. 뭘 망설이세요? 월요일이나 금요일 어떠세요?", ["pressure"]),
    ("Ms. Park, thanks. Don't wait: Monday or Friday?",
     "박 사장님, 감사합니다. 기다리지 마세요. 월요일이나 금요일 어떠세요?", ["urgency"]),
    ("Ms. Park, thank you. We can no longer offer it. Monday or Friday?",
     "박 사장님, 감사합니다. 더 이상 드릴 수 없습니다. 월요일이나 금요일 어떠세요?", ["reason"]),
    ("Ms. Park, thank you. Everyone is doing it. Monday or Friday?",
     "박 사장님, 감사합니다. 다들 하고 계십니다. 월요일이나 금요일 어떠세요?", ["pressure"]),
]  # fmt: skip

PARALLEL_BY_PACK = {
    "bank": [
        ("Ms. Park, thanks. Principal guaranteed, Monday or Friday?",
         "박 사장님, 감사합니다. 원금보장 상품입니다. 월요일이나 금요일 어떠세요?", ["guarantee"]),
        ("Ms. Park, thanks. It is risk-free: Monday or Friday?",
         "박 사장님, 감사합니다. 위험이 없는 상품입니다. 월요일이나 금요일 어떠세요?", ["guarantee"]),
        ("Ms. Park, thanks. It will definitely go up. Monday or Friday?",
         "박 사장님, 감사합니다. 확실히 오릅니다. 월요일이나 금요일 어떠세요?", ["guarantee"]),
    ],
    "insurance": [
        ("Ms. Park, thanks. It is risk-free: Monday or Friday?",
         "박 사장님, 감사합니다. 위험이 없는 상품입니다. 월요일이나 금요일 어떠세요?", ["guarantee"]),
        ("Ms. Park, thanks. You're 100% covered: Monday or Friday?",
         "박 사장님, 감사합니다. 100% 보장됩니다. 월요일이나 금요일 어떠세요?", ["guarantee"]),
        ("Ms. Park, thanks. Your principal guaranteed. Monday or Friday?",
         "박 사장님, 감사합니다. 원금 보장 상품입니다. 월요일이나 금요일 어떠세요?", ["guarantee"]),
    ],
}  # fmt: skip


@pytest.mark.parametrize("pack", PLAYBOOKS)
def test_the_english_and_korean_rules_catch_the_same_things_in_every_pack(pack):
    for english, korean, rules in PARALLEL + PARALLEL_BY_PACK.get(pack, []):
        assert _check(pack, "en", english, _park("en")) == rules, (pack, english)
        assert _check(pack, "ko", korean, _park("ko")) == rules, (pack, korean)


@pytest.mark.parametrize("pack", PLAYBOOKS)
def test_the_twins_have_the_same_rules_and_details(pack):
    english, korean = (load(pack, language, locations())["message_check"] for language in ("en", "ko"))
    for section in ("rules", "details"):
        assert english[section].keys() == korean[section].keys(), (pack, section)
        for key, item in english[section].items():
            assert {field for field, value in item.items() if value} == {
                field for field, value in korean[section][key].items() if value
            }, (pack, key)


@pytest.mark.parametrize(
    ("language", "draft", "greeted"),
    [
        ("en", "Dear Mr. Kim, thanks. Tuesday or Thursday?", "Mr. Kim"),
        ("en", "Dr Lee, thank you. Tuesday or Thursday?", "Dr Lee"),
        ("ko", "김 과장님, 감사합니다. 화요일이나 목요일 중 편하신 날 알려 주세요.", "김 과장님"),
        ("ko", "김민수님, 감사합니다. 화요일이나 목요일 중 편하신 날 알려 주세요.", "김민수님"),
        ("ko", "김과장님, 감사합니다. 화요일이나 목요일 중 편하신 날 알려 주세요.", "김과장님"),
        ("ko", "지은 님, 감사합니다. 화요일이나 목요일 중 편하신 날 알려 주세요.", "지은 님"),
    ],
)
def test_a_message_greeting_another_name_is_a_finding_that_names_the_customer(cli, language, draft, greeted):
    name, honorific = ("Park Soyeon", "Ms.") if language == "en" else ("박소연", "사장")
    cli("customer", "add", name, "--honorific", honorific, "--playbook", "bank")
    findings = cli.json("--lang", language, "check", "--customer", "1", draft)["findings"]
    assert [(f["rule"], f["text"], f["rewrite"]) for f in findings] == [
        ("name", greeted, "Ms. Park" if language == "en" else "박 사장님")
    ]
    assert name in findings[0]["why"]
    page = cli("--lang", language, "check", "--customer", "1", draft).stdout
    assert greeted in page and name in page


@pytest.mark.parametrize(
    ("language", "draft"),
    [
        ("en", "Dear Ms. Park, thanks. Tuesday or Thursday?"),
        ("en", "Dear Soyeon, thanks. Tuesday or Thursday? Mr. Kim sends his regards."),
        ("ko", "박 사장님, 감사합니다. 화요일이나 목요일 중 편하신 날 알려 주세요."),
        ("ko", "박사장님, 감사합니다. 제 과장님과 부사장님께도 전했어요. 화요일이나 목요일 어떠세요?"),
        ("ko", "부사장님, 감사합니다. 화요일이나 목요일 어떠세요?"),
        ("ko", "박소연님, 감사합니다. 우리 과장님과 부사장님께도 전했어요. 화요일이나 목요일 어떠세요?"),
        ("ko", "고객님, 감사합니다. 사용자님 선생님 사모님 화요일이나 목요일 어떠세요?"),
        ("ko", "소연 님, 감사합니다. 김 과장님도 안부 전하셨어요. 화요일이나 목요일 어떠세요?"),
    ],
)
def test_the_customers_own_greeting_and_words_that_name_no_one_pass(language, draft):
    assert _check("bank", language, draft, _park(language)) == []


@settings(deadline=None)  # the first example loads the packs and compiles their phrases
@given(st.text(alphabet="김박이 과장사님소연고객 ,.Mr.DearKimPark", max_size=40))
def test_every_greeting_found_is_its_text_and_holds_the_name(text):
    for language in ("en", "ko"):
        titles = load("core", language, locations())["message_check"]["details"]["name"]["titles"]
        for start, end, name in addressed_names(text, titles):
            assert name in text[start:end]
        _check("core", language, text, _park(language))
