"""Every interface string has a Korean translation, and the compiled catalogue is the one the .po says."""

import gettext
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import salescoach

PACKAGE = Path(salescoach.__file__).parent
SOURCE = Path(__file__).parents[2] / "salescoach"


def interface_strings() -> set[str]:
    import typer.main

    from salescoach.cli import app, help_texts

    root = SOURCE if SOURCE.is_dir() else PACKAGE
    messages = {message for _, _, message, _, _ in extract_from_dir(root, keywords={"_": None}) if message}
    return messages | set(help_texts(typer.main.get_command(app)))


def test_every_interface_string_is_translated_to_korean():
    catalogue = read_po(
        (SOURCE if SOURCE.is_dir() else PACKAGE).joinpath("locale", "ko", "LC_MESSAGES", "salescoach.po").open("rb")
    )
    translated = {message.id for message in catalogue if message.id and message.string}
    missing = interface_strings() - translated
    assert not missing, f"untranslated: {sorted(missing)}"


def test_the_installed_catalogue_is_compiled_from_the_po():
    catalogue = read_po((PACKAGE / "locale" / "ko" / "LC_MESSAGES" / "salescoach.po").open("rb"))
    installed = gettext.translation("salescoach", PACKAGE / "locale", languages=["ko"])
    for message in catalogue:
        if message.id:
            assert installed.gettext(message.id) == message.string, message.id


def test_korean_interface(cli):
    result = cli("--lang", "ko", "customer", "show", "아무개", code=1)
    assert result.stderr.splitlines()[0] == "오류: '아무개'에 맞는 고객이 없습니다"
    assert "고객이 속으로 묻는 여섯 가지 질문" in cli("--lang", "ko", "prep", "이서연", "--full").stdout


def test_help_in_korean(run, isolated):
    result = run("--lang", "ko", "--help")
    assert result.returncode == 0 and "현장 영업을 위한 세일즈 코치" in result.stdout
    bare = run("--lang", "ko")  # no command: the help, in the language asked for
    assert bare.returncode == 0 and "현장 영업을 위한 세일즈 코치" in bare.stdout
    result = run("followup", "done", "--help", env={"LANG": "ko_KR.UTF-8"})
    assert "다음 연락을 계획하지 않습니다." in result.stdout
    assert "이 도움말을 보여 주고 끝냅니다." in result.stdout and "Show this message" not in result.stdout
    english = run("--help").stdout
    assert "Today's follow-ups" in english and "Show this message and exit." in english
    commands = [line.split()[0] for line in english.split("Commands:")[1].splitlines() if line.strip()]
    assert commands[:3] == ["prep", "debrief", "followup"]  # the daily three first
