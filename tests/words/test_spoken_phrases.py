"""The rep's phrase for speaking of a note: asked for with the note, spliced into lines, carried by the store."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def met(cli, name: str) -> None:
    """A first contact, so the brief greets them as someone known (a stranger gets a stranger's greeting)."""
    cli("debrief", name, "--no-input", "--channel", "phone", "--date", "-30d")


def test_a_phrase_is_spoken_and_the_raw_note_only_shown(cli):
    cli("customer", "add", "Park Soyeon", "--honorific", "Ms.")
    met(cli, "Park")
    cli("customer", "note", "Park", "family", "Her son starts university in March.")
    greeting = cli.json("prep", "Park")["plan"][0]["items"][:2]
    assert greeting == [
        {"text": "Good to see you, Ms. Park. How have you been?", "label": "open_with"},
        {"text": "Her son starts university in March.", "label": "remember"},
    ]
    cli("customer", "note", "Park", "family", "son starts uni", "--say", "your son starting university")
    greeting = cli.json("prep", "Park")["plan"][0]["items"][0]["text"]
    assert greeting == "Ms. Park, last time you told me about your son starting university. How is that going?"


def test_korean_speaks_of_the_customers_family_with_honour(cli):
    cli("customer", "add", "이서연", "--honorific", "과장")
    met(cli, "이서연")
    cli(
        "--lang",
        "ko",
        "customer",
        "note",
        "이서연",
        "family",
        "딸이 영어 과외 선생님을 찾는 중",
        "--say",
        "딸 영어 과외",
    )
    cli("--lang", "ko", "customer", "note", "이서연", "leisure", "토요일마다 골프", "--say", "골프")
    brief = cli.json("--lang", "ko", "prep", "이서연")
    greeting = brief["plan"][0]["items"][0]["text"]
    assert greeting == "이 과장님, 지난번에 따님 영어 과외 이야기를 해 주셨지요. 요즘은 어떠세요?"
    leisure = next(item["text"] for item in brief["plan"][1]["items"] if item["text"].count("골프"))
    assert leisure.endswith("골프는 요즘도 즐기고 계세요, 이 과장님?")


def test_a_blank_phrase_is_no_phrase(cli):
    cli("customer", "add", "Lee")
    met(cli, "Lee")
    cli("customer", "note", "Lee", "leisure", "golf", "--say", "   ")
    greeting = cli.json("prep", "Lee")["plan"][0]["items"][:2]
    assert greeting == [
        {"text": "Good to see you, Lee. How have you been?", "label": "open_with"},
        {"text": "golf", "label": "remember"},
    ]


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)  # a new home each time
@given(say=st.text(min_size=1, max_size=40).filter(lambda text: text.strip() and "\x00" not in text))
def test_the_phrase_goes_out_and_back_exactly(cli, tmp_path_factory, monkeypatch, say):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SALESCOACH_HOME", str(home / "a"))
    cli("customer", "add", "Lee")
    cli("customer", "note", "Lee", "family", "twins", "--say", say)
    first = home / "book.json"
    cli("export", "--format", "json", "--out", str(first))
    assert json.loads(first.read_text())["customers"][0]["notes"][0]["say"] == say
    monkeypatch.setenv("SALESCOACH_HOME", str(home / "b"))
    cli.json("import", str(first))
    second = home / "again.json"
    cli("export", "--format", "json", "--out", str(second))
    assert json.loads(second.read_text()) == json.loads(first.read_text())


def test_a_promise_is_said_as_the_thing_delivered(cli, tmp_path, monkeypatch):
    cli("customer", "add", "이서연", "--honorific", "사장님")
    visit = tmp_path / "visit.yaml"
    visit.write_text(
        "customer: 이서연\nchannel: visit\noutcome: progress\nnext: null\n"
        'promises: [{text: "수수료표 메일로 보내기", due: 내일, say: "수수료표"},\n'
        '           {text: "금요일에 전화하기", due: 내일}]\n',
        encoding="utf-8",
    )
    cli("--lang", "ko", "debrief", "--from-file", str(visit))
    scripts = [item["script"] for item in cli.json("--lang", "ko", "followup", "--days", "3")["items"]]
    assert scripts == [
        "이 사장님, 약속드린 수수료표, 여기 있습니다.",
        "이 사장님, 지난번에 약속드린 건으로 연락드렸습니다.",
    ]
    first = tmp_path / "book.json"
    cli("export", "--format", "json", "--out", str(first))
    monkeypatch.setenv("SALESCOACH_HOME", str(tmp_path / "other"))
    cli.json("import", str(first))
    second = tmp_path / "again.json"
    cli("export", "--format", "json", "--out", str(second))
    assert json.loads(second.read_text()) == json.loads(first.read_text())
    assert [p.get("say") for p in json.loads(first.read_text())["customers"][0]["promises"]] == ["수수료표", None]
