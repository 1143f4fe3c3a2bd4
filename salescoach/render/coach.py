"""The rep's habits, for people: each phase and check with its recent rate, the change, a bar, and the habit to
work on."""

from __future__ import annotations

from salescoach.i18n import _
from salescoach.render.page import Page

BAR = 10


def _bar(rate: float | None) -> str:
    if rate is None:
        return "·" * BAR
    filled = round(rate * BAR)
    return "█" * filled + "░" * (BAR - filled)


def _rate(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


def _change(habit) -> str:
    if habit.recent is None or habit.before is None:
        return ""
    delta = round((habit.recent - habit.before) * 100)
    return f"{delta:+d}" if delta else "±0"


def level_word(level: str | None) -> str:
    words = {
        "needs_work": _("needs work"),
        "developing": _("developing"),
        "proficient": _("proficient"),
        "excellent": _("excellent"),
    }
    return words.get(level, "") if level else ""


def coach_page(result) -> Page:
    page = Page()
    title = _("Your habits, {start} – {end}").format(start=result.start, end=result.end)
    if result.customer:
        title += f" · {result.customer}"
    page.line((title, "bold"))
    if not result.visits:
        page.line(
            (_("No scored visits yet: each debrief scores the visit; run `salescoach debrief` after a contact."), "dim")
        )
        return page
    if result.visits == 1:
        average = _("1 scored visit, score {average}%").format(average=result.average)
    else:
        average = _("{visits} scored visits, average score {average}%").format(
            visits=result.visits, average=result.average
        )
    page.line((average, ""))
    if result.weakest:
        page.line(
            (_("Your habit to work on: "), "bold yellow"),
            (result.weakest.habit, "yellow"),
            (f" ({result.weakest.label}: {_rate(result.weakest.recent)})", "dim"),
        )
        page.line((_("Tip: "), "bold"), (result.weakest.tip, ""), lead="  ")
        page.line((_("Practise it: `salescoach drill` puts its cards first."), "cyan"), lead="  ")
    page.heading(_window(result.visits))
    for phase in result.phases:
        page.line(*_row(phase, "bold"))
        for check in (c for c in result.checks if c.phase == phase.id):
            page.line(*_row(check, ""), lead="    ")
    if result.months:
        page.heading(_("Score by month"))
        for month in result.months:
            page.line(
                (f"{month.month}  {_bar(month.average / 100)} {month.average}%  ", ""),
                (_("1 visit") if month.visits == 1 else _("{visits} visits").format(visits=month.visits), "dim"),
            )
    return page


def _window(visits: int) -> str:
    """What the rates below are read from: the last five visits and the five before, or as many as there are."""
    if visits == 1:
        return _("Your one scored visit")
    if visits <= 5:
        return _("Your last {visits} visits").format(visits=visits)
    return _("Last 5 visits, and the change from the {before} before").format(before=min(5, visits - 5))


def _row(habit, style: str) -> tuple:
    return (
        (f"{_bar(habit.recent)} {_rate(habit.recent):>4} {_change(habit):>4}  ", ""),
        (habit.label, style),
        (f"  {level_word(habit.level)}", "dim"),
    )
