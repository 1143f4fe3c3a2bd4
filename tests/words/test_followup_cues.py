"""The morning list's scripts, as the read-aloud review heard them (§1, §3, §4): a line to say is sent word for word,
so the rep's note never rides along in it ("(Your note: ...)"); the note it speaks of is a cue beside it; a
follow-up speaks of its own note, a debrief's Benefit notes only unfinished business, and a late promise owns the
delay."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from test_lines_read_well import PLAYBOOKS

from salescoach.core.agenda import CustomerContext, followup_script, promise_script, reconnect_reason
from salescoach.core.records import Customer, Followup, Note, Profile, Promise, Visit
from salescoach.core.vocabulary import FOLLOWUP_TYPES
from salescoach.paths import locations
from salescoach.playbook.loader import load
from salescoach.playbook.template import fill

LANGUAGES = ("en", "ko")
DAY = date(2026, 11, 25)
RAW = re.compile(r"«[^»]*»")
STAGE_DIRECTION = re.compile(r"\((Your note|메모|Date|날짜):")


def context_with(playbook: dict, *notes: tuple[str, str | None]) -> CustomerContext:
    """A customer met once, with notes of the kinds given (text marked «kind», and the phrase ~kind~ when asked)."""
    customer = Customer(1, "Park Soyeon", "Ms.", tier="warm", last_contact=DAY - timedelta(days=200))
    made = tuple(
        Note(index, 1, kind, f"«{kind}»", DAY - timedelta(days=10 - index), say)
        for index, (kind, say) in enumerate(notes)
    )
    return CustomerContext(customer, playbook, made, Visit(1, 1, DAY - timedelta(days=200), "visit"))


def everything_said(playbook: dict, context: CustomerContext):
    """Every script the morning list can give this customer: each type with and without its own note, a promise on
    time and late, with and without a phrase, and the line to reconnect."""
    for type_ in FOLLOWUP_TYPES:
        for note in (None, "«own note»"):
            yield followup_script(Followup(1, 1, DAY, "sms", type_, note), context, Profile())
    for late in (False, True):
        for say in (None, "~the fee table~"):
            yield promise_script(Promise(1, 1, "«email the fee table»", DAY, DAY, say=say), context, Profile(), late)
    yield reconnect_reason(context, Profile())


NOTE_SETS = (
    (),
    (("family", None), ("need", None), ("interest", None)),
    (("family", "~family~"), ("need", "~need~"), ("interest", "~interest~")),
    (("work", None),),
)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_a_line_to_say_never_carries_the_reps_note(name, language):
    """§1: whatever is recorded, the rep's raw words are never in the line (the SMS), only in its cue."""
    playbook = load(name, language, locations())
    bad = []
    for notes in NOTE_SETS:
        context = context_with(playbook, *notes)
        for said in everything_said(playbook, context):
            if RAW.search(said.line) or STAGE_DIRECTION.search(said.line) or "‹" in said.line:  # or a ‹blank›
                bad.append(said.line)
            if said.cue is not None and not RAW.fullmatch(said.cue):
                bad.append(f"cue {said.cue!r} beside {said.line}")
    assert not bad, "\n".join(bad[:10])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_a_note_without_a_phrase_gets_a_line_that_points_at_it(name, language):
    """§1: a need, an interest or a detail noted without a phrase is cued beside the `noted` line, which speaks of
    it, not beside the general line that ignores it; with a phrase, the spliced line and the same note."""
    playbook = load(name, language, locations())
    scripts = {**playbook["topics"]["followup"]["types"], "reconnect": playbook["churn"]["reconnect"]}
    for kinds in (("need",), ("interest",), ("family",), ("work",)):
        bare = context_with(playbook, (kinds[0], None))
        phrased = context_with(playbook, (kinds[0], f"~{kinds[0]}~"))
        for key, script in scripts.items():
            said = reconnect_reason(bare, Profile()) if key == "reconnect" else followup_script(
                Followup(1, 1, DAY, "sms", key), bare, Profile()
            )  # fmt: skip
            if said.cue is None:
                continue  # this type speaks of another kind of note
            assert said.cue == f"«{kinds[0]}»"
            assert said.line == fill(script["noted"], {"address": said.line.split(",")[0]}), (key, said.line)
            spliced = reconnect_reason(phrased, Profile()) if key == "reconnect" else followup_script(
                Followup(1, 1, DAY, "sms", key), phrased, Profile()
            )  # fmt: skip
            assert f"~{kinds[0]}~" in spliced.line, spliced.line
            assert spliced.cue == said.cue


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_a_followup_with_its_own_note_speaks_of_it_not_of_the_customers_interest(name, language):
    """§4: "new rates" is not sent as "our latest market analysis" because the customer follows the markets."""
    playbook = load(name, language, locations())
    context = context_with(playbook, ("interest", "~interest~"), ("need", "~need~"), ("family", "~family~"))
    for type_ in FOLLOWUP_TYPES:
        said = followup_script(Followup(1, 1, DAY, "sms", type_, "«new rates»"), context, Profile())
        expected = fill(playbook["topics"]["followup"]["types"][type_]["own_note"], {"address": "x"})
        assert said.line.endswith(expected.removeprefix("x")) and "~" not in said.line, said.line
        assert said.cue == "«new rates»"


@pytest.mark.parametrize(("language", "late", "on_time"), [
    ("en", "Ms. Kim, I'm sorry this took longer than I said. Here is the acceleration data, as I promised.",
     "Ms. Kim, here is the acceleration data, as I promised."),
    ("ko", "김다나 님, 말씀드린 날보다 늦어져 죄송합니다. 약속드린 가속 성능 자료, 여기 있습니다.",
     "김다나 님, 약속드린 가속 성능 자료, 여기 있습니다."),
])  # fmt: skip
def test_a_promise_kept_late_owns_the_delay(cli, tmp_path, language, late, on_time):
    """§4, through the command: on its day the promise is delivered; after it, with an apology first."""
    name, say = ("Kim Dana", "the acceleration data") if language == "en" else ("김다나", "가속 성능 자료")
    cli("customer", "add", name, *(("--honorific", "Ms.") if language == "en" else ()))
    visit = tmp_path / "visit.yaml"
    visit.write_text(
        f"customer: {name}\ndate: 2026-11-25\nchannel: visit\n"
        f"promises: [{{text: send acceleration data, due: 2026-11-28, say: {say}}}]\n",
        encoding="utf-8",
    )
    cli("debrief", "--from-file", str(visit))
    scripts = {}
    for day in ("2026-11-28", "2026-12-02"):
        items = cli.json("--lang", language, "followup", today=day)["items"]
        scripts[day] = next(item["script"] for item in items if item["kind"] == "promise")
    assert scripts == {"2026-11-28": on_time, "2026-12-02": late}


@pytest.mark.parametrize("language", LANGUAGES)
def test_followup_shows_the_note_beside_the_line_and_json_gives_it_apart(cli, language):
    """§1, through the command: the Say line is whole, `Remember:` carries the note, JSON has `script` and `cue`;
    an at-risk customer's reason likewise."""
    cli("customer", "add", "Park Soyeon", "--honorific", "Ms.", "--playbook", "bank", "--tier", "warm")
    cli("debrief", "Park", "--no-input", "--channel", "phone", "--date", "2026-05-01", "--next-date", "2026-05-08")
    cli("customer", "note", "Park", "need", "wants lower monthly payments")
    cli("followup", "add", "Park", "--on", "today", "--type", "help", "--channel", "sms")
    cli("customer", "add", "Choi Jaewon", "--honorific", "Mr.", "--tier", "warm")
    cli("debrief", "Choi", "--no-input", "--channel", "phone", "--date", "2026-05-01", "--next-date", "2026-05-08")
    cli("customer", "note", "Choi", "work", "promoted to branch manager")
    listing = cli.json("--lang", language, "followup")
    item = next(item for item in listing["items"] if item["type"] == "help")
    assert item["cue"] == "wants lower monthly payments" and item["note"] is None
    assert "monthly payments" not in item["script"] and not STAGE_DIRECTION.search(item["script"])
    risk = listing["at_risk"][0]
    assert risk["cue"] == "promoted to branch manager" and "promoted" not in risk["reason"]
    shown = cli("--lang", language, "followup").stdout.splitlines()
    say = next(index for index, line in enumerate(shown) if item["script"][:20] in line)
    remember = "Remember:" if language == "en" else "기억할 것:"
    assert shown[say + 1].strip() == f"{remember} wants lower monthly payments"
    assert f"{remember} promoted to branch manager" in [line.strip() for line in shown]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_debriefs_benefit_notes_only_unfinished_business(cli, language):
    """§3: a care touch planned by a debrief is not "about" the comparison promised for the next visit, and the
    Benefit, memo words read on a later day, is a cue beside the unfinished-business line, never inside it."""
    benefit = "a comparison of three plans next week"
    for type_ in ("care", "unfinished", "help", "info"):
        name = f"Lee Minho {type_}"
        cli("customer", "add", name, "--honorific", "Dr.", "--playbook", "insurance")
        cli("customer", "note", name, "family", "twins start school in March")
        cli("debrief", name, "--no-input", "--channel", "visit", "--benefit", benefit, "--next-type", type_,
            "--next-date", "2026-11-26")  # fmt: skip
        items = cli.json("--lang", language, "followup", today="2026-11-26")["items"]
        item = next(item for item in items if item["customer"] == name)
        assert item["type"] == type_
        assert item["note"] == (benefit if type_ == "unfinished" else None)
        assert "comparison" not in item["script"] and "—" not in item["script"]
        if type_ == "care":
            assert item["cue"] == "twins start school in March"
        if type_ == "unfinished":
            assert item["cue"] == benefit
            about = cli("--lang", language, "followup", today="2026-11-26").stdout
            assert about.count(benefit) == 1  # on the About line, not repeated as a cue
    assert len(items) == 4
