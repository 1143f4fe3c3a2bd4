import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.usefixtures("backend")  # the contract: the same on SQLite and PostgreSQL


def test_add_list_show_edit_note_remove(cli):
    cli(
        "customer",
        "add",
        "Lee Jiwoo",
        "--company",
        "Hanbit Motors",
        "--honorific",
        "Ms.",
        "--tier",
        "warm",
        "--tag",
        "fleet",
        "--phone",
        "010-1234-5678",
    )
    listed = cli.json("customer", "list")
    assert [(c["id"], c["name"], c["tier"], c["tags"]) for c in listed] == [(1, "Lee Jiwoo", "warm", ["fleet"])]
    cli("customer", "edit", "lee", "--tier", "hot", "--tag", "vip", "--untag", "fleet", "--stage", "2")
    cli("customer", "note", "Lee Jiwoo", "family", "daughter needs an English tutor")
    shown = cli.json("customer", "show", "1")
    assert shown["customer"]["tier"] == "hot"
    assert shown["customer"]["stage"] == 2
    assert shown["customer"]["tags"] == ["vip"]
    assert [(n["kind"], n["text"]) for n in shown["notes"]] == [("family", "daughter needs an English tutor")]
    cli("customer", "remove", "Lee", input="n\n")
    assert len(cli.json("customer", "list")) == 1
    cli("customer", "remove", "Lee", "--yes")
    assert cli.json("customer", "list") == []


def test_list_filters_by_tier_and_tag(cli):
    cli("customer", "add", "A", "--tier", "hot", "--tag", "x")
    cli("customer", "add", "B", "--tier", "hot")
    cli("customer", "add", "C", "--tag", "x")
    assert [c["name"] for c in cli.json("customer", "list", "--tier", "hot")] == ["A", "B"]
    assert [c["name"] for c in cli.json("customer", "list", "--tag", "x")] == ["A", "C"]
    assert [c["name"] for c in cli.json("customer", "list", "--tier", "hot", "--tag", "x")] == ["A"]


def test_list_json_is_one_customer_per_line(cli):
    for name in ("이서연", "Line\nbreak", '"Quoted", [bold]', "Para\u2029graph\u2028line\x85next"):
        cli("customer", "add", name)
    lines = cli("customer", "list", "--json").stdout.splitlines()  # splits on U+2028 and U+0085 too
    assert (lines[0], lines[-1]) == ("[", "]")
    items = [json.loads(line.strip().rstrip(",")) for line in lines[1:-1]]
    assert [item["name"] for item in items] == [
        '"Quoted", [bold]',
        "Line\nbreak",
        "Para\u2029graph\u2028line\x85next",
        "이서연",
    ]
    assert cli.json("customer", "list", "--tier", "hot") == []


def test_ambiguous_prefix_lists_candidates_and_exits_2(cli):
    cli("customer", "add", "Park Minji")
    cli("customer", "add", "Park Minho")
    result = cli("customer", "show", "park", code=2)
    assert "Park Minji (#1)" in result.stderr and "Park Minho (#2)" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[1] == "Hint: use the id or the full name"


def test_a_namesake_is_added_with_a_note_and_then_told_apart_by_id(cli):
    assert "already" not in cli("customer", "add", "Kim Minsu").stderr
    said = cli("customer", "add", "kim minsu", "--company", "Mirae Print", "--honorific", "Mr.").stderr.splitlines()
    assert said == [
        "Added #2. Next: salescoach prep 2",
        "Note: kim minsu was already in your book (#1); tell them apart by id.",
    ]
    result = cli("prep", "Kim Minsu", code=2)
    assert result.stderr.splitlines() == [
        "Error: 'Kim Minsu' matches several customers: Kim Minsu (#1), kim minsu (#2)",
        "Hint: they share the name: use the id",
    ]
    assert cli.json("prep", "2")["header"]["customer_id"] == 2


def test_unknown_customer_exits_1_with_a_hint(cli):
    result = cli("customer", "show", "Nobody", code=1)
    assert result.stderr.splitlines()[0] == "Error: no customer matches 'Nobody'"
    assert "customer list" in result.stderr


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["customer", "add", "X", "--tier", "lukewarm"], "tier"),
        (["customer", "add", ""], "name"),
        (["customer", "add", "X", "--playbook", "nonesuch"], "playbook"),
        (["customer", "note", "X", "hobby", "golf"], "kind"),
    ],
)
def test_bad_values_are_one_line_errors(cli, args, field):
    cli("customer", "add", "X")
    code = 1 if field == "playbook" else 2
    result = cli(*args, code=code)
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.stderr


def test_markup_in_names_prints_literally(cli):
    cli("customer", "add", "[bold]Kim[/bold]", "--company", "[red]Evil\x1b[31m")
    out = cli("customer", "list").stdout
    assert "[bold]Kim[/bold]" in out
    assert "\x1b" not in out and "\\x1b" in out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40
    ).filter(lambda s: s.strip() and not s.strip().isdigit() and not s.startswith("-"))
)
def test_any_name_round_trips_through_the_cli(cli, name):
    cli("customer", "add", name)
    listed = cli.json("customer", "list")
    assert listed[-1]["name"] == name
    cli("customer", "remove", str(listed[-1]["id"]), "--yes")


def test_a_customer_added_without_a_title_is_told_how_lines_will_call_them(cli):
    said = cli("customer", "add", "Choi Jaewon").stderr.splitlines()
    assert (
        said[1] == "No title: lines will call them Choi Jaewon. To add one: salescoach customer edit 1 --honorific Ms."
    )
    cli("customer", "edit", "1", "--honorific", "Mr.")
    assert "Mr. Choi" in cli("prep", "1").stdout
    assert "No title" not in cli("customer", "add", "Park Minji", "--honorific", "Ms.").stderr
    assert "No title" not in cli("customer", "add", "Lee Jiwoo", "--json").stderr
