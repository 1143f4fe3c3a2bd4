from datetime import date

from salescoach.core.occasions import due_in_window, next_unhandled, occurrence, occurrence_days
from salescoach.core.records import ImportantDate


def event(month, day, lead=0, year=None, yearly=True):
    return ImportantDate(
        id=1, customer_id=1, kind="birthday", month=month, day=day, year=year, yearly=yearly, lead_days=lead
    )


def test_yearly_dates_roll_over_to_next_year():
    assert occurrence(event(1, 5), date(2026, 11, 25)) == date(2027, 1, 5)
    assert occurrence(event(11, 25), date(2026, 11, 25)) == date(2026, 11, 25)


def test_leap_day_falls_on_the_28th_in_other_years():
    assert occurrence(event(2, 29), date(2027, 1, 1)) == date(2027, 2, 28)
    assert (2, 29, date(2027, 2, 28)) in occurrence_days(date(2027, 2, 27), date(2027, 3, 1))
    assert (2, 28, date(2028, 2, 28)) in occurrence_days(date(2028, 2, 27), date(2028, 3, 1))
    assert (2, 29, date(2028, 2, 28)) not in occurrence_days(date(2028, 2, 27), date(2028, 3, 1))


def test_one_off_dates_pass():
    assert occurrence(event(3, 1, year=2027, yearly=False), date(2026, 11, 25)) == date(2027, 3, 1)
    assert occurrence(event(3, 1, year=2026, yearly=False), date(2026, 11, 25)) is None


def test_lead_time_brings_the_reminder_forward():
    today = date(2026, 11, 25)
    assert due_in_window(event(11, 30, lead=5), today, today) == date(2026, 11, 30)
    assert due_in_window(event(11, 30, lead=4), today, today) is None
    assert due_in_window(event(11, 30, lead=0), today, date(2026, 11, 30)) == date(2026, 11, 30)


def test_a_handled_occurrence_rests_until_the_next_one():
    today = date(2026, 11, 25)
    birthday = event(11, 30, lead=5)._replace(handled=date(2026, 11, 30))
    assert due_in_window(birthday, today, today) is None
    assert due_in_window(birthday, today, date(2027, 11, 30)) == date(2027, 11, 30)
    assert next_unhandled(birthday, date(2026, 12, 1)) == date(2027, 11, 30)
    renewal = event(12, 20, lead=30, year=2026, yearly=False)._replace(handled=date(2026, 12, 20))
    assert next_unhandled(renewal, today) is None
    assert due_in_window(event(11, 30, lead=5)._replace(handled=date(2025, 11, 30)), today, today) == date(2026, 11, 30)
