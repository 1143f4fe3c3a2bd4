"""Industry packs change what a rep sees, and merging them with core loses nothing."""

import re

import pytest

from salescoach.paths import locations
from salescoach.playbook.loader import all_sources, load, shipped_folder

PACKS = ("bank", "auto", "real_estate", "insurance")


def paths(value, prefix=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*prefix, key)
            yield from paths(item, (*prefix, key))


@pytest.mark.parametrize("pack", PACKS)
def test_merge_with_core_loses_nothing(pack):
    core, merged = load("core", "en", locations()), load(pack, "en", locations())
    assert set(paths(core)) <= set(paths(merged))
    assert merged["extends"] == "core" and merged["name"] == pack
    assert merged["topics"]["deepening"] != core["topics"]["deepening"]


def test_bank_deepening_follows_the_method():
    areas = load("bank", "en", locations())["topics"]["deepening"]["areas"]
    assert "education" in areas["family"]["leads_to"].lower()
    assert "income stability" in areas["work"]["leads_to"].lower()
    assert "retirement" in areas["leisure"]["leads_to"].lower()
    assert "risk" in areas["information"]["leads_to"].lower()


def test_auto_closing_carries_the_method_example_as_method_not_as_a_line():
    """The method's car FBO ("admit your answer on acceleration was weak") is the example; a line to say confesses
    no weakness that never happened, nor promises acceleration data to everyone."""
    for language in ("en", "ko"):
        closing = load("auto", language, locations())["topics"]["closing"]
        lines = [*closing["feedback"], *closing["benefit"], *sum(closing["benefit_by_stage"].values(), [])]
        acceleration = {"en": "acceleration", "ko": "가속"}[language]
        assert acceleration in " ".join(closing["example"]) and not any(acceleration in line for line in lines)
        assert "card" in closing["opportunity"][-1] or "명함" in closing["opportunity"][-1]


@pytest.mark.parametrize("pack", PACKS)
def test_each_pack_changes_prep_and_followup(cli, pack):
    cli("customer", "add", "Core Kim")
    cli("customer", "add", "Pack Kim", "--playbook", pack)
    for name in ("Core Kim", "Pack Kim"):
        cli("followup", "add", name, "--on", "today", "--type", "info")
    core_brief, pack_brief = cli.json("prep", "Core Kim"), cli.json("prep", "Pack Kim")
    assert pack_brief["header"]["playbook"] == pack
    assert pack_brief["plan"][1] != core_brief["plan"][1]  # deepening
    assert pack_brief["tactics"] != core_brief["tactics"]  # the pack's own refusal answers
    scripts = {item["customer"]: item["script"] for item in cli.json("followup")["items"]}
    assert scripts["Pack Kim"].replace("Pack", "Core") != scripts["Core Kim"]
    overridden = cli.json("prep", "Core Kim", "--playbook", pack)["plan"][1]["items"]
    assert [item["label"] for item in overridden] == [item["label"] for item in pack_brief["plan"][1]["items"]]


def placeholders(text: str) -> list[str]:
    return sorted(set(re.findall(r"\{([\w.]+)(?:\|[^{}]*)?\}", text)))


def mirror(english, korean, where=""):
    if where == ".address":
        return  # each language's own address format; the Korean one also honours the customer's family
    if isinstance(english, dict):
        assert isinstance(korean, dict) and set(english) == set(korean), f"{where}: keys differ"
        for key in english:
            mirror(english[key], korean[key], f"{where}.{key}")
    elif isinstance(english, list) and where.startswith(".message_check."):
        assert isinstance(korean, list) and korean, f"{where}: empty"  # each language has its own pushy words
    elif isinstance(english, list):
        assert isinstance(korean, list) and len(english) == len(korean), f"{where}: counts differ"
        for index, (a, b) in enumerate(zip(english, korean, strict=True)):
            mirror(a, b, f"{where}[{index}]")
    elif isinstance(english, str) and not where.startswith((".address", ".name", ".language", ".title")):
        assert placeholders(english) == placeholders(korean), f"{where}: placeholders differ"
    elif not isinstance(english, str):
        assert english == korean, f"{where}: {english!r} != {korean!r}"


KOREAN = sorted(source.name for source in all_sources(locations()) if source.language == "ko")


@pytest.mark.parametrize("name", KOREAN)
def test_each_korean_playbook_mirrors_its_english_twin(name):
    import yaml

    english = yaml.safe_load((shipped_folder() / f"{name}.yaml").read_text(encoding="utf-8"))
    korean = yaml.safe_load((shipped_folder() / f"{name}.ko.yaml").read_text(encoding="utf-8"))
    assert korean["language"] == "ko" and english["language"] == "en"
    mirror(
        {k: v for k, v in english.items() if k not in ("language",)},
        {k: v for k, v in korean.items() if k not in ("language",)},
    )
    assert load(name, "ko", locations())["language"] == "ko"
