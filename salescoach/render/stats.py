"""Stats, for people: tables and month-by-month bar charts drawn with block characters."""

from __future__ import annotations

from salescoach.core.vocabulary import word
from salescoach.i18n import _
from salescoach.render.widgets import heading, pairs, table, text

BAR_WIDTH = 20


def bar(value: float, largest: float) -> str:
    """A horizontal bar in eighths of a character, scaled to the largest value."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / largest * BAR_WIDTH * 8))
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]


def percent(part: int, whole: int) -> str:
    """A share with its counts, rounded down: 252 of 253 on time is 99%, never a perfect score it is not."""
    return f"{part * 100 // whole}% ({part}/{whole})" if whole else "—"


def render_stats(result):
    def render(console) -> None:
        console.print(text(_("Stats {start} – {end}").format(start=result.start, end=result.end), "bold"))
        grid = table(_("Tier"), _("Stage 1"), _("Stage 2"), _("Stage 3"), _("At risk"))
        for tier, stages in result.by_tier_and_stage.items():  # hot, warm, general: the method's order
            grid.add_row(
                word(tier), *(str(stages.get(stage, 0)) for stage in ("1", "2", "3")), str(result.at_risk.get(tier, 0))
            )
        console.print(grid)
        perf = result.performance
        console.print(heading(_("Relationships")))
        console.print(
            pairs(
                [
                    (_("Follow-ups done on time"), percent(result.followups_on_time, result.followups_due)),
                    (_("Promises kept on time"), percent(result.promises_on_time, result.promises_due)),
                    (_("Emotional bank balance"), f"{result.bank_balance:+d}"),
                    (
                        _("Lost, by cause"),
                        ", ".join(f"{cause} {count}" for cause, count in result.lost_by_cause.items()) or "—",
                    ),
                ]
            )
        )
        console.print(heading(_("Performance = traffic × conversion × average order × repurchase × margin")))
        console.print(
            pairs(
                [
                    (_("Traffic (contacts)"), perf.traffic),
                    (_("Conversion rate"), f"{perf.conversion_rate:.1%}"),
                    (_("Average order"), f"{perf.average_order:,.0f}"),
                    (_("Repurchase rate"), f"{perf.repurchase_rate:.1%}"),
                    (_("Margin"), f"{perf.margin:.0%}" if perf.margin is not None else _("not given (--margin)")),
                    (_("Performance"), f"{perf.result:,.0f}"),
                ]
            )
        )
        if result.months:
            console.print(heading(_("Month by month")))
            most_contacts = max(month.contacts for month in result.months)
            most_amount = max(month.amount for month in result.months)
            grid = table(_("Month"), _("Contacts"), "", _("Sales"), _("Amount"), "")
            for month in result.months:
                grid.add_row(
                    month.month,
                    str(month.contacts),
                    text(bar(month.contacts, most_contacts), "cyan"),
                    str(month.sales),
                    f"{month.amount:,.0f}",
                    text(bar(month.amount, most_amount), "green"),
                )
            console.print(grid)

    return render
