"""The team commands, for people: what the administrator's commands did, the members, and the manager's report."""

from __future__ import annotations

from salescoach.i18n import _, customer_count
from salescoach.render.page import Page
from salescoach.render.stats import percent


def setup_message(setup) -> str:
    if setup.migrations_run == 0:
        return _("The team database is already at schema version {version}; grants and policies renewed.").format(
            version=setup.version
        )
    if setup.migrations_run == setup.version:
        return _("Team schema created at version {version}, with its grants and policies.").format(
            version=setup.version
        )
    return _("Team schema upgraded from version {old} to {version}; grants and policies renewed.").format(
        old=setup.version - setup.migrations_run, version=setup.version
    )


def shell_quoted(text: str) -> str:
    """``text`` as one word of a POSIX shell, in single quotes (a quote inside is closed, escaped and reopened):
    the rep pastes the line, and an address may hold a quote (libpq takes ``/team's`` as it is)."""
    return "'" + text.replace("'", "'\\''") + "'"


def enrolled_page(enrolled) -> Page:
    """What was done, and how the rep connects: the administrator passes it on."""
    page = Page()
    if enrolled.new:
        done = _("Added {rep} to the team.").format(rep=enrolled.rep)
    else:
        done = _("{rep} was already in the team.").format(rep=enrolled.rep)
    if enrolled.manager:
        done += " " + _("Manager: {manager}.").format(manager=enrolled.manager)
    page.line((done, "bold"))
    page.line(
        (
            _("{rep} connects with either of these (in their own shell, or once in their config):").format(
                rep=enrolled.rep
            ),
            "",
        )
    )
    url = shell_quoted(enrolled.url)
    page.line((f"export SALESCOACH_DATABASE_URL={url}", ""), lead="  ", wrap=False)
    page.line((f"salescoach config set database.url {url}", ""), lead="  ", wrap=False)
    page.line(
        (
            _(
                "The password is never in the address. Set one as the administrator (in psql: ALTER ROLE {rep}"
                " PASSWORD '...') and {rep} keeps it in ~/.pgpass or PGPASSWORD; or let the server know them"
                " another way (peer or certificate authentication in pg_hba.conf)."
            ).format(rep=enrolled.rep),
            "",
        )
    )
    return page


def moved_message(rep: str, manager: str | None) -> str:
    if manager is None:
        return _("{rep} has no manager now.").format(rep=rep)
    return _("{rep} is managed by {manager} now.").format(rep=rep, manager=manager)


def removal_question(rep: str, customers: int, to: str | None) -> str:
    if to is None:
        return _(
            "Take {rep} out of the team? Their book ({customers}) stays in the database under {rep}, seen"
            " only by the administrator."
        ).format(rep=rep, customers=customer_count(customers))
    return _("Take {rep} out of the team and make their book ({customers}) {to}'s?").format(
        rep=rep, customers=customer_count(customers), to=to
    )


def removed_message(removed) -> str:
    if removed is None:
        return _("Kept; nothing was changed.")
    if removed.to is None:
        return _(
            "Took {rep} out of the team. Their book ({customers}) stays in the database under {rep}: only the"
            " administrator sees it, and `salescoach team rep add {rep}` gives it back."
        ).format(rep=removed.rep, customers=customer_count(removed.customers))
    return _("Took {rep} out of the team; their book ({customers}) is {to}'s now.").format(
        rep=removed.rep, customers=customer_count(removed.customers), to=removed.to
    )


def members_page(members) -> Page:
    page = Page()
    if not members:
        page.line((_("No reps yet. Add one with `salescoach team rep add NAME`."), ""))
        return page
    page.columns(
        (_("Rep"), _("Manager"), _("Added"), _("Customers")),
        [(member.rep, member.manager or "—", member.added, member.customers) for member in members],
    )
    return page


def report_page(report) -> Page:
    """One row per rep and one for the team; then the habit each rep is to work on."""
    page = Page()
    page.line((_("Team report on {today}, as {viewer}").format(today=report.today, viewer=report.viewer), "bold"))
    if not report.reps:
        page.line((_("No reps to show: the report shows you and the reps you manage."), ""))
        return page
    team = _("Team")
    page.heading(_("Books today"))
    page.columns(
        (
            _("Rep"),
            _("Manager"),
            _("Customers"),
            _("Hot/warm/general"),
            _("At risk"),
            _("Follow-ups today"),
            _("Overdue"),
            _("Contacts (30 days)"),
        ),
        [*(_book(rep.rep, rep.manager or "—", rep.figures) for rep in report.reps), _book(team, "", report.totals)],
    )
    page.heading(_("On time and scored, {start} – {end}").format(start=report.start, end=report.end))
    page.columns(
        (_("Rep"), _("Follow-ups on time"), _("Promises kept on time"), _("Bank"), _("Score (visits)")),
        [*(_habits(rep.rep, rep.figures) for rep in report.reps), _habits(team, report.totals)],
    )
    weak = [rep for rep in report.reps if rep.weakest]
    if weak:
        page.heading(_("Habit to work on"))
        for rep in weak:
            page.bullet(rep.rep, f"{rep.weakest.label} ({rep.weakest.recent:.0%}): {rep.weakest.habit}")
    return page


def _book(name: str, manager: str, figures) -> tuple:
    tiers = figures.by_tier
    return (
        name,
        manager,
        figures.customers,
        f"{tiers['hot']}/{tiers['warm']}/{tiers['general']}",
        figures.at_risk,
        figures.followups_due_today,
        figures.followups_overdue,
        figures.contacts_30_days,
    )


def _habits(name: str, figures) -> tuple:
    return (
        name,
        percent(figures.followups_on_time, figures.followups_due),
        percent(figures.promises_on_time, figures.promises_due),
        f"{figures.bank_balance:+d}",
        "—" if figures.score_average is None else f"{figures.score_average} ({figures.scored_visits})",
    )
