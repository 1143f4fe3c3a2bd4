"""`salescoach check` through the CLI: text, file and standard input; the customer's pack; JSON; clean errors."""

import json


def test_check_flags_a_pushy_draft_with_rewrites(cli):
    result = cli("check", "Last chance: you must sign today!")
    assert "False urgency" in result.stdout and "Try: whenever the timing suits you" in result.stdout
    assert "Their name: missing" in result.stdout


def test_check_json_shape(cli):
    payload = cli.json("check", "-p", "insurance", "Dear Mr. Choi, thanks! This plan covers everything. Mon or Fri?")
    assert payload == {
        "findings": [
            {
                "start": 33,
                "end": 50,
                "text": "covers everything",
                "rule": "guarantee",
                "why": payload["findings"][0]["why"],
                "rewrite": "covers what the policy terms list, and here is what it does not",
            }
        ]
    }


def test_the_customers_pack_and_name_apply(cli):
    cli("customer", "add", "박소연", "--playbook", "bank")
    payload = cli.json(
        "--lang",
        "ko",
        "check",
        "--customer",
        "박소연",
        "소연 님, 감사합니다. 원금 보장 상품이라 화요일이나 목요일 중 언제가 편하세요?",
    )
    assert [(f["rule"], f["text"]) for f in payload["findings"]] == [("guarantee", "원금 보장")]
    assert cli("--lang", "ko", "check", "고객님, 오늘만 가능합니다").stdout.count("•") >= 2


def test_file_and_standard_input(cli, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Hurry, Ms. Park!", encoding="utf-8")
    from_file = cli.json("check", "--file", str(draft))
    from_stdin = json.loads(cli("check", "--json", input="Hurry, Ms. Park!").stdout)
    assert from_file == from_stdin and from_file["findings"][0]["text"] == "Hurry"


def test_clean_errors(cli, tmp_path):
    assert "empty" in cli("check", "   ", code=2).stderr
    assert "cannot read" in cli("check", "--file", str(tmp_path / "missing.txt"), code=2).stderr
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 100_001)
    assert "at most 100,000 bytes" in cli("check", "--file", str(big), code=2).stderr
    assert "not both" in cli("check", "x", "--file", str(big), code=2).stderr
    cli("check", "x", "--customer", "nobody", code=1)


def test_a_device_is_refused_not_read_forever(run):
    result = run("check", "--file", "/dev/zero")
    assert result.returncode == 2 and "Traceback" not in result.stderr
