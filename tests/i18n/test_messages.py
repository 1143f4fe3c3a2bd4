"""Errors a rep can meet come out whole in their language: no Korean prefix before an English message."""


def first_line(result) -> str:
    return result.stderr.splitlines()[0]


def test_errors_are_in_korean_and_english_stays_as_it_was(cli):
    cli("demo", "--customers", "3")
    refused = cli("--lang", "ko", "demo", "--customers", "1", code=2)
    assert (
        first_line(refused) == "오류: 저장소에 이미 고객이 있습니다. 그래도 데모 장부를 추가하려면 --force를 붙이세요"
    )
    english = cli("demo", "--customers", "1", code=2)
    assert first_line(english) == "Error: the store already holds customers; pass --force to add a demo book anyway"

    # a date the pure core refuses, said in Korean by the layer that caught it
    not_a_date = cli("--lang", "ko", "followup", "snooze", "f1", "--to", "someday", code=2)
    assert first_line(not_a_date) == (
        "오류: --to: 날짜가 아닙니다: 'someday' (YYYY-MM-DD, 오늘, 내일, +3d, +2w 또는 요일로 쓰세요)"
    )

    # a debrief's own validator, through pydantic
    sale = cli(
        "--lang", "ko", "debrief", "Kim", "--no-input", "--create", "--channel", "visit", "--outcome", "sale", code=2
    )
    assert first_line(sale) == "오류: debrief: 판매에는 0보다 큰 금액(amount)이 필요합니다"
