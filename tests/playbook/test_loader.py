"""Loading playbooks: user overrides, the extends merge, and errors that name file, line and field."""

import textwrap

import pytest

from salescoach.documents import MAX_BYTES, PlaybookInvalid
from salescoach.paths import locations
from salescoach.playbook.loader import load, load_model, merge, validate_file


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_merge_rule_mappings_merge_lists_and_values_replace():
    parent = {"a": {"x": 1, "y": [1, 2]}, "b": "keep"}
    child = {"a": {"y": [3]}, "c": "new"}
    assert merge(parent, child) == {"a": {"x": 1, "y": [3]}, "b": "keep", "c": "new"}


def test_a_pack_overrides_one_item_and_loses_nothing_else():
    where = locations()
    write(
        where.playbooks / "mine.yaml",
        """
        name: mine
        title: My pack
        language: en
        version: 1
        extends: core
        stages:
          stage1:
            refusals:
              no_time:
                label: "Too busy"
                identity: "Two minutes only, {address}."
                relationship: "Your neighbour sent me, {address}."
                benefit: "Two minutes could save you money, {address}."
        """,
    )
    core = load("core", "en", where)
    mine = load("mine", "en", where)
    assert mine["stages"]["stage1"]["refusals"]["no_time"]["label"] == "Too busy"
    assert mine["stages"]["stage1"]["refusals"]["no_need"] == core["stages"]["stage1"]["refusals"]["no_need"]
    assert mine["questions"] == core["questions"]
    assert mine["extends"] == "core" and mine["name"] == "mine"


def test_a_user_file_overrides_the_shipped_one_and_the_cache_follows_it():
    where = locations()
    shipped = load("core", "en", where)
    override = write(where.playbooks / "core.yaml", "")
    import yaml

    data = dict(shipped, title="My own core")
    override.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert load("core", "en", where)["title"] == "My own core"
    override.unlink()
    assert load("core", "en", where)["title"] == shipped["title"]


def test_unknown_placeholder_names_file_line_and_field():
    where = locations()
    path = write(
        where.playbooks / "broken.yaml",
        """
        name: broken
        title: Broken
        language: en
        version: 1
        extends: core
        topics:
          closing:
            benefit:
              - "Next time I will bring it. (Promised: {benefit})"
              - "See you, {nmae}."
        """,
    )
    with pytest.raises(PlaybookInvalid) as caught:
        validate_file(path, where)
    assert caught.value.problems == [f"{path}:11: topics.closing.benefit[1]: unknown placeholder {{nmae}}"]


def test_unknown_and_missing_fields_are_named():
    where = locations()
    path = write(
        where.playbooks / "bad.yaml",
        """
        name: bad
        title: Bad
        language: en
        version: 1
        extends: core
        churn:
          rfm:
            hot:
              recency_days: 14
              min_contacts_per_year: 24
              monetary_note: "x"
              colour: red
        """,
    )
    with pytest.raises(PlaybookInvalid) as caught:
        validate_file(path, where)
    assert caught.value.problems == [f"{path}:13: churn.rfm.hot.colour: unknown field"]


def test_a_field_of_an_earlier_version_says_where_it_went():
    where = locations()
    path = write(
        where.playbooks / "old.yaml",
        """
        name: old
        language: en
        extends: core
        topics:
          followup:
            event: ["{address}, hello"]
        """,
    )
    with pytest.raises(PlaybookInvalid) as caught:
        validate_file(path, where)
    assert caught.value.problems == [
        f"{path}:7: topics.followup.event: unknown field (now topics.followup.dates, "
        "a label and templates for each kind of date)"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: &x [1]\nb: *x\n", "anchors and aliases are not allowed"),
        ("a: !!python/object/apply:os.system ['echo hi']\n", "is not allowed"),
        ("a: !!python/name:os.system\n", "is not allowed"),
        ("- just\n- a list\n", "must be a YAML mapping"),
        ("a: [unclosed\n", "expected"),
    ],
)
def test_unsafe_or_malformed_yaml_is_refused(text, message):
    where = locations()
    path = write(where.playbooks / "evil.yaml", text)
    with pytest.raises(PlaybookInvalid, match=message):
        validate_file(path, where)


def test_alias_bomb_is_refused_quickly():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    where = locations()
    path = write(where.playbooks / "bomb.yaml", bomb)
    with pytest.raises(PlaybookInvalid, match="anchors and aliases"):
        validate_file(path, where)


def test_huge_files_are_refused():
    where = locations()
    path = where.playbooks / "huge.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("a: " + "x" * (MAX_BYTES + 1))
    with pytest.raises(PlaybookInvalid, match="at most"):
        validate_file(path, where)


def test_extends_cycle_is_an_error():
    where = locations()
    write(where.playbooks / "one.yaml", "name: one\nextends: two\n")
    write(where.playbooks / "two.yaml", "name: two\nextends: one\n")
    with pytest.raises(PlaybookInvalid, match="cycle"):
        load_model("one", "en", where)


def test_a_note_inside_a_sentence_names_file_line_and_field():
    where = locations()
    path = write(
        where.playbooks / "spliced.yaml",
        """
        name: spliced
        title: Spliced
        language: en
        version: 1
        extends: core
        churn:
          reconnect:
            templates:
              - "{address}, how is {detail}?"
              - "{address}, it's been too long."
        topics:
          followup:
            promise:
              - "{address}, here is {promise|을}."
            types:
              care:
                label: "Care"
                summary: "Care."
                templates:
                  - "You enjoy {leisure.say}."
              info:
                templates:
                  - "{address}, here is the analysis. (Your note: {interest})"
                  - "{address}, here it is."
        """,
    )
    with pytest.raises(PlaybookInvalid) as caught:
        validate_file(path, where)
    assert caught.value.problems == [
        f"{path}:24: topics.followup.types.info.templates[0]: {{interest}} would be said or sent with the line; it is"
        " shown beside it, so leave it out",
        f"{path}:21: topics.followup.types.care.templates[0]: every alternative needs a note, the rep's profile or the"
        " customer's company; add one that needs none, for customers and reps without them",
        f"{path}:15: topics.followup.promise[0]: {{promise}} holds the rep's own words, so no particle can follow it;"
        " use the .say form",
        f"{path}:10: churn.reconnect.templates[0]: {{detail}} holds the rep's own words and may stand only alone, after"
        " a label and colon or dash, or in quotes (or use {detail.say}, the rep's phrase for speaking)",
    ]


def test_a_file_whose_name_no_playbook_could_have_is_not_listed(cli, isolated):
    (isolated / "playbooks").mkdir(parents=True)
    for name in ("evil.[red].yaml", "a.b.c.yaml", "mine.xx.yaml"):
        (isolated / "playbooks" / name).write_text("name: x\nlanguage: en\nextends: core\n", encoding="utf-8")
    (isolated / "playbooks" / "mine.yaml").write_text("name: mine\nlanguage: en\nextends: core\n", encoding="utf-8")
    listed = {(item["name"], item["language"]) for item in cli.json("playbook", "list")}
    assert ("mine", "en") in listed and not {name for name, _ in listed} & {"evil", "a"}
    assert ("mine", "xx") not in listed
