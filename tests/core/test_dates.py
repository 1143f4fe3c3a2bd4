from datetime import date

import pytest

from salescoach.core.dates import DateError, calendar_day, parse_day

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", "2026-11-25"),
        ("tomorrow", "2026-11-26"),
        ("yesterday", "2026-11-24"),
        ("+3d", "2026-11-28"),
        ("+2w", "2026-12-09"),
        ("-2d", "2026-11-23"),
        ("friday", "2026-11-27"),
        ("wed", "2026-12-02"),
        ("Monday", "2026-11-30"),
        ("2026-12-02", "2026-12-02"),
        ("2026-12-02T09:30", "2026-12-02"),
        ("오늘", "2026-11-25"),
        ("내일", "2026-11-26"),
        ("모레", "2026-11-27"),
        ("3일 후", "2026-11-28"),
        ("2주 후", "2026-12-09"),
        ("다음 주 월요일", "2026-11-30"),
        ("금요일", "2026-11-27"),
    ],
)
def test_parses_what_reps_type(text, expected):
    assert parse_day(text, TODAY).isoformat() == expected


@pytest.mark.parametrize("text", ["", "someday", "2026-13-01", "+3x", "32/11"])
def test_rejects_anything_else(text):
    with pytest.raises(DateError) as caught:
        parse_day(text, TODAY)
    assert (caught.value.text, caught.value.out_of_range) == (text, False)


@pytest.mark.parametrize(
    ("year", "month", "day", "out_of_range"),
    [(None, 2, 30, False), (2027, 2, 29, False), (None, 13, 1, False), (1899, 12, 31, True), (3000, 1, 1, True)],
)
def test_an_important_date_must_be_a_real_day_in_range(year, month, day, out_of_range):
    with pytest.raises(DateError) as caught:
        calendar_day(year, month, day)
    assert caught.value.out_of_range == out_of_range
    assert calendar_day(None, 2, 29) == date(2000, 2, 29)
