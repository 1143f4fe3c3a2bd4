import pytest

from salescoach.settings import choose_language


def test_set_and_get(cli):
    cli("config", "set", "language", "ko")
    cli("config", "set", "profile.name", "Kim Minsu")
    cli("config", "set", "profile.years", "7")
    settings = cli.json("config", "get")
    assert (settings["language"], settings["playbook"], settings["profile.name"], settings["profile.years"]) == (
        "ko",
        None,
        "Kim Minsu",
        7,
    )
    assert cli.json("profile")["name"] == "Kim Minsu"
    cli("config", "set", "language", "")
    assert cli.json("config", "get", "language") == {"language": None}
    assert cli("config", "set", "profile.years", "many", code=2).stderr.startswith("Error: profile.years")


def test_bad_settings_are_refused(cli):
    assert cli("config", "set", "language", "fr", code=2).stderr.startswith("Error: language")
    assert cli("config", "set", "colour", "red", code=2).stderr.startswith("Error: unknown setting")
    assert cli("config", "set", "playbook", "nonesuch", code=1).stderr.startswith("Error: no playbook")


@pytest.mark.parametrize(
    ("flag", "env", "config", "locale", "expected"),
    [
        ("ko", "en", "en", "en_US.UTF-8", "ko"),
        (None, "ko", "en", "en_US.UTF-8", "ko"),
        (None, None, "ko", "en_US.UTF-8", "ko"),
        (None, None, None, "ko_KR.UTF-8", "ko"),
        (None, None, None, "C.UTF-8", "en"),
        (None, None, None, None, "en"),
    ],
)
def test_language_order(monkeypatch, flag, env, config, locale, expected):
    if env:
        monkeypatch.setenv("SALESCOACH_LANG", env)
    if locale:
        monkeypatch.setenv("LANG", locale)
    assert choose_language(flag, {"language": config} if config else {}) == expected
