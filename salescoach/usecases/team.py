"""The team on its PostgreSQL server: setting it up, its reps and their managers, and the manager's report.

Each use case opens the team database in force through :func:`salescoach.store.team.open_team`, which says in one
line that a rep's own book has no team; none of them knows more about the backend than that. Every name a team
command takes meets one rule, :func:`salescoach.core.fields.role_name`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import NamedTuple

from salescoach.core import fields
from salescoach.core.agenda import silent_since_by_tier
from salescoach.core.relationship import counted_balance
from salescoach.core.vocabulary import TIERS
from salescoach.errors import InvalidInput, NotFound
from salescoach.i18n import _
from salescoach.usecases.app import App
from salescoach.usecases.coach import TREND_VISITS, Weakest, weakest_habit
from salescoach.usecases.dates import span


class Setup(NamedTuple):
    migrations_run: int
    version: int


class Enrolled(NamedTuple):
    rep: str
    manager: str | None
    new: bool
    url: str  # the address the rep connects with (no password: that is never in an address)


class Removed(NamedTuple):
    rep: str
    customers: int
    to: str | None  # the member whose book it became; None: it stays in the database under ``rep``


class Figures(NamedTuple):
    """One rep's figures, or the team's totals."""

    customers: int
    by_tier: dict[str, int]
    followups_due_today: int
    followups_overdue: int
    followups_due: int  # in the span
    followups_on_time: int
    promises_due: int  # in the span
    promises_on_time: int
    bank_balance: int
    at_risk: int
    contacts_30_days: int
    scored_visits: int
    score_average: int | None


class RepReport(NamedTuple):
    rep: str
    manager: str | None
    figures: Figures
    weakest: Weakest | None


class TeamReport(NamedTuple):
    viewer: str
    start: date
    end: date
    today: date
    reps: tuple[RepReport, ...]
    totals: Figures


@contextmanager
def _team(app: App) -> Iterator:
    from salescoach.store.team import open_team

    store = open_team(app.where)
    try:
        yield store
    finally:
        store.close()


def init(app: App) -> Setup:
    """Create or upgrade the schema and renew the team's grants and policies (safe to run again)."""
    with _team(app) as store:
        return Setup(*store.init())


def add_rep(app: App, name: str, manager: str | None) -> Enrolled:
    """Make ``name`` a rep of the team (and ``manager``, named, a member who manages them)."""
    name, manager = _names(name, manager, "--manager")
    with _team(app) as store:
        new = store.add_rep(name, manager, app.today)
        return Enrolled(name, manager, new, rep_url(store.url, name))


def move_rep(app: App, name: str, manager: str | None) -> None:
    """Give ``name`` another manager, or none."""
    name, manager = _names(name, manager, "--manager")
    with _team(app) as store:
        store.move_rep(name, manager, app.today)


def remove_rep(app: App, name: str, to: str | None, confirm: Callable[[int], bool]) -> Removed | None:
    """Take ``name`` out of the team once ``confirm(customers)`` says yes (None if it says no); their book
    stays in the database under their name, or becomes the book of ``to``.

    The question is asked before the removal's transaction (nobody waits on the administrator's answer), which
    then checks the members again and counts the customers it really moved or kept."""
    name, to = _names(name, to, "--to")
    with _team(app) as store:
        store.require_administrator()  # before the question
        with store.team_view():
            found = {member.rep: member for member in store.members()}
        for member in (name, to):
            if member is not None and member not in found:
                raise NotFound(_("{name} is not in the team (see `salescoach team rep list`)").format(name=member))
        if not confirm(found[name].customers):
            return None
        return Removed(name, store.remove_rep(name, to), to)


def members(app: App) -> list:
    """The members the caller sees (an administrator: all), each with their manager and customers."""
    with _team(app) as store, store.team_view():
        return store.members()


def report(app: App, start: date | None, end: date | None) -> TeamReport:
    """Every rep's book and habits that the caller may see, and the team's totals: the span (a year to today
    by default) is for the follow-ups and promises on time and the scores; the rest is as of today."""
    start, end = span(app.today, start, end)
    playbook = app.playbook(None)
    with _team(app) as store:
        viewer = store.role
        rows = store.report(start, end, app.today, silent_since_by_tier(playbook, app.today), TREND_VISITS)
    by_tier: dict[str, dict[str, int]] = {}
    for rep, tier, count in rows.tiers:
        by_tier.setdefault(rep, {})[tier] = count
    reps = []
    for rep, manager in rows.members:
        tiers = {tier: by_tier.get(rep, {}).get(tier, 0) for tier in TIERS}
        today_due, overdue, f_due, f_on_time = rows.followups.get(rep, (0, 0, 0, 0))
        p_due, p_on_time, p_late, p_open_overdue = rows.promises.get(rep, (0, 0, 0, 0))
        scored, average = rows.scores.get(rep, (0, None))
        figures = Figures(
            customers=sum(tiers.values()),
            by_tier=tiers,
            followups_due_today=today_due,
            followups_overdue=overdue,
            followups_due=f_due,
            followups_on_time=f_on_time,
            promises_due=p_due,
            promises_on_time=p_on_time,
            bank_balance=counted_balance(p_on_time, p_late, p_open_overdue),
            at_risk=rows.at_risk.get(rep, 0),
            contacts_30_days=rows.contacts.get(rep, 0),
            scored_visits=scored,
            score_average=round(average) if average is not None else None,
        )
        visits = rows.scored.get(rep)
        weakest = weakest_habit(visits, playbook["scorecard"]) if visits else None
        reps.append(RepReport(rep, manager, figures, weakest))
    shown = [rows.scores[rep] for rep, _manager in rows.members if rep in rows.scores]
    totals = _totals([rep.figures for rep in reps], shown)
    return TeamReport(viewer, start, end, app.today, tuple(reps), totals)


def _totals(each: list[Figures], scores: list[tuple[int, float]]) -> Figures:
    """The team's figures: every count summed, and the average score over all the team's scored visits (from
    each rep's unrounded average)."""
    scored = sum(count for count, _average in scores)
    points = sum(count * average for count, average in scores)
    counts = {
        field: sum(getattr(figures, field) for figures in each)
        for field in Figures._fields
        if field not in ("by_tier", "score_average")
    }
    by_tier = {tier: sum(figures.by_tier[tier] for figures in each) for tier in TIERS}
    return Figures(**counts, by_tier=by_tier, score_average=round(points / scored) if scored else None)


def rep_url(admin_url: str, rep: str) -> str:
    """The team database's address as ``rep`` connects to it: the administrator's, with the rep's name as its
    user, in the address or in its options (host, port, database and other options kept; an address never holds
    a password)."""
    from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

    parts = urlsplit(admin_url)
    host = parts.netloc.rpartition("@")[2]
    options = parse_qsl(parts.query, keep_blank_values=True)
    query = parts.query
    if any(key == "user" for key, _value in options):
        query = urlencode([(key, value) for key, value in options if key != "user"], safe="/", quote_via=quote)
    return urlunsplit((parts.scheme, f"{rep}@{host}", parts.path, query, parts.fragment))


def _names(name: str, other: str | None, field: str) -> tuple[str, str | None]:
    """A rep's name and the other member a command names (a manager, or who takes the book), by the one rule
    for team names; neither may be one of the team's group roles, nor the two the same member."""
    from salescoach.store.pg_schema import GROUP_ROLE, MANAGER_ROLE

    name = fields.role_name(name, "NAME")
    other = fields.role_name(other, field) if other is not None else None
    for given, value in (("NAME", name), (field, other)):
        if value in (GROUP_ROLE, MANAGER_ROLE):
            raise InvalidInput(
                _("{field}: {name} is the team's group role, not a member").format(field=given, name=value)
            )
    if other == name:
        raise InvalidInput(_("{field}: {name} is the rep themselves").format(field=field, name=name))
    return name, other
