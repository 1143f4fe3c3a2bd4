"""The whole visit loop in Korean: playbooks, interface, date input, Hangul names and wide-character tables."""

import re
import textwrap

import pytest
from rich.cells import cell_len

from salescoach.paths import locations
from salescoach.playbook.loader import all_sources

DEBRIEF = """
customer: 이서연
date: 오늘
channel: visit
notes: [{kind: family, text: "딸이 영어 과외 선생님을 찾는 중"}]
feedback: "연비는 마음에 들어 하시고 가속 성능은 고민하심"
benefit: "정리한 가속 성능 자료"
opportunity: "다음 주 화요일 시승"
outcome: progress
tier: warm
answered: [who]
promises: [{text: "가속 성능 자료 보내기", due: 모레}]
next: {date: 내일, channel: phone, type: unfinished}
"""


def test_every_english_playbook_has_a_korean_twin():
    sources = all_sources(locations())
    english = {source.name for source in sources if source.language == "en"}
    korean = {source.name for source in sources if source.language == "ko"}
    assert english == korean == {"core", "bank", "auto", "real_estate", "insurance"}


def test_the_visit_loop_in_korean(cli, tmp_path):
    cli(
        "--lang",
        "ko",
        "customer",
        "add",
        "이서연",
        "--honorific",
        "사장님",
        "--company",
        "한빛물류",
        "--playbook",
        "auto",
    )
    cli("--lang", "ko", "customer", "add", "이서준")
    said = cli("--lang", "ko", "customer", "date", "이서연", "anniversary", "05-20").stderr
    assert said == "이서연 고객의 날짜를 기록했습니다: 기념일 05-20\n"
    first = cli("--lang", "ko", "prep", "이서연", "--full").stdout
    assert "고객이 속으로 묻는 여섯 가지 질문" in first and "누구세요?" in first
    assert "이 사장님" in first and "1단계 전술" in first
    assert cli("--lang", "ko", "prep", "이서", code=2).stderr.startswith("오류: '이서'에 맞는 고객이 여럿입니다")

    path = tmp_path / "방문.yaml"
    path.write_text(textwrap.dedent(DEBRIEF), encoding="utf-8")
    saved = cli.json("--lang", "ko", "debrief", "--from-file", str(path))
    assert (saved["next"]["due"], saved["promises"][0]["due"]) == ("2026-11-26", "2026-11-27")

    day = cli.json("--lang", "ko", "followup", "--date", "내일")
    script, cue = day["items"][0]["script"], day["items"][0]["cue"]
    assert script.startswith("이 사장님") and "가속 성능 자료" not in script and cue == "정리한 가속 성능 자료"
    out = cli("--lang", "ko", "followup", "--days", "7", "--why", today="2026-11-26").stdout
    assert "후속 조치" in out and "말하기" in out
    assert "약속" in out

    cli("--lang", "ko", "followup", "done", "p1", today="2026-11-28")
    history = cli.json("--lang", "ko", "history", "이서연", today="2026-11-28")
    assert history["balance"] == -1
    brief = cli("--lang", "ko", "prep", "이서연", today="2026-11-28").stdout
    assert "딸이 영어 과외 선생님을 찾는 중" in brief and "지난 FBO" in brief


def test_korean_tables_stay_aligned_at_80_columns(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    for name in ("김민준", "이서연 사장님 댁", "Park Minji"):
        cli("customer", "add", name, "--company", "한빛물류 주식회사")
        cli("followup", "add", name, "--on", "today", "--note", "금리 비교표를 보내 드리기로 함")
    lines = [
        line for line in cli("--lang", "ko", "history", "김민준").stdout.splitlines() if line and line[0] in "┏┃┡│└"
    ]
    widths = {cell_len(line) for line in lines}
    assert len(widths) == 1 and widths.pop() <= 80, widths
    header, *rows = cli("--lang", "ko", "customer", "list").stdout.splitlines()
    starts = {cell_len(row[: row.index("한빛물류")]) for row in rows}  # after names of 6, 16 and 10 cells
    assert len(rows) == 3 and starts == {cell_len(header[: header.index("회사")])}


def test_a_korean_debrief_offers_its_choices_in_korean_and_takes_them(cli):
    """The prompts' choices read as the page does (방문, 가족, 의향), and a Korean answer is the same as its id."""
    cli("customer", "add", "이지우", "--honorific", "과장")
    answers = ["", "전화", "", "가족", "쌍둥이 다섯 살", "", "", "", "", "", "", "", "", "진행", "의향", ""]
    answers += ["", "", "", ""] + [""] * 10
    result = cli("--lang", "ko", "debrief", "이지우", input="\n".join(answers) + "\n")
    asked = result.stderr + result.stdout
    assert "[방문/전화/" in asked and "가족/" in asked and "[의향/유망/일반]" in asked
    assert not re.search(r"\[(visit|family|hot)/", asked)
    history = cli.json("history", "이지우")
    visit = next(event for event in history["events"] if event["kind"] == "visit")
    assert visit["text"] == "phone"
    notes = [(event["status"], event["text"]) for event in history["events"] if event["kind"] == "note"]
    assert notes == [("family", "쌍둥이 다섯 살")]
    assert cli.json("customer", "show", "이지우")["customer"]["tier"] == "hot"


@pytest.mark.parametrize(("lang", "contact", "phone"), [((), "contact", "phone"), (("--lang", "ko"), "접촉", "전화")])
def test_a_call_in_the_history_is_a_contact_by_phone_not_a_visit(cli, lang, contact, phone):
    cli("customer", "add", "이지우")
    cli("debrief", "이지우", "--no-input", "--channel", "phone")
    row = next(line for line in cli(*lang, "history", "이지우").stdout.splitlines() if line.startswith("│ 2026"))
    assert [cell.strip() for cell in row.split("│")[2:4]] == [contact, phone]
