"""Labels a rep reads on Korean screens and the score line after a debrief (§10, §11 of the read-aloud review):
no pack id, no memo ending or jargon, no English inside Korean prompts, and a score that says what to do next."""

from __future__ import annotations

import pytest

from salescoach.core.vocabulary import QUESTIONS
from salescoach.paths import locations
from salescoach.playbook.loader import load

FLAGS = (
    "--no-input --channel visit --topic family --feedback liked --benefit fee-table --opportunity call-Thursday"
    " --note family:son-at-university --next-date +5d --tier warm --outcome none --date today".split()
)


@pytest.mark.parametrize(("language", "title", "promises"), [("en", "Relationship banking", "Open promises"),
                                                             ("ko", "관계 금융", "남은 약속")])  # fmt: skip
def test_customer_show_names_the_playbook_by_its_title_and_promises_as_open(cli, language, title, promises):
    added = cli("--lang", language, "customer", "add", "박소연", "--playbook", "bank").stdout
    cli("debrief", "1", *FLAGS, "--promise", "the fee table@+2d")
    shown = cli("--lang", language, "customer", "show", "1").stdout
    for page in (added, shown):
        assert title in page and "bank" not in page.split(title)[0].splitlines()[-1]
    assert promises in shown and "지키지 않은" not in shown
    assert cli.json("customer", "show", "1")["customer"]["playbook"] == "bank"  # JSON keeps the id


def test_the_six_questions_in_korean_are_the_customers_thoughts_not_당신():
    questions = load("core", "ko", locations())["questions"]
    for key in QUESTIONS:
        said = questions[key]["question"]
        assert "당신" not in said and "합니까" not in said and said.endswith("?"), said


def test_korean_prep_labels_are_plain_spoken_words(cli):
    cli("customer", "add", "박소연", "--honorific", "사장", "--playbook", "bank")
    full = cli("--lang", "ko", "prep", "1", "--full").stdout
    assert "누구세요?" in full and "[아직 답변 전]" in full
    for old in ("미답", "당신은 누구", "지금인 이유", "털어놓음"):
        assert old not in full


@pytest.mark.parametrize(("language", "score", "work_on", "tip"), [
    ("en", "Score ", "To work on: no pressure, ", ". Tip: "),
    ("ko", "점. ", "다음에 챙길 것: 압박 없이, ", ". 도움말: "),
])  # fmt: skip
def test_the_score_line_reads_forwards_with_a_short_label_per_check(cli, language, score, work_on, tip):
    cli("customer", "add", "Park Soyeon")
    page = cli("--lang", language, "debrief", "Park Soyeon", *FLAGS, "--check", "thanks").stdout
    line = next(line for line in page.splitlines() if score in line)
    assert work_on in line and tip in line
    assert "missed" not in line and "놓친 것" not in line and "Put on" not in line and "않았다" not in line


@pytest.mark.parametrize("language", ("en", "ko"))
def test_every_check_has_a_short_label_that_is_not_the_checklist_statement(language):
    scorecard = load("core", language, locations())["scorecard"]
    for phase in scorecard.values():
        for check in phase["checks"].values():
            assert check["work_on"] != check["label"] and len(check["work_on"]) <= 30


def test_the_korean_interactive_debrief_shows_its_default_day_and_choice_error_in_korean(cli):
    cli("customer", "add", "이지우", "--honorific", "과장")
    answers = ["", "우편", "전화", "", "", "", "", "", "", "", "", "", "", "진행", "의향", ""] + [""] * 14
    result = cli("--lang", "ko", "debrief", "이지우", input="\n".join(answers) + "\n")
    asked = result.stderr + result.stdout
    assert "날짜 (오늘)" in asked and "(today)" not in asked
    assert "방문/전화/" in asked and "중에서 골라 주세요" in asked
    assert "Please select" not in asked
