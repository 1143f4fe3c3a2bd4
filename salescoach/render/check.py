"""What the message check found, for people: each finding with where it is, why, and what to write instead."""

from __future__ import annotations

from salescoach.i18n import _
from salescoach.render.page import Page


def check_page(result) -> Page:
    page = Page()
    if not result.findings:
        page.line(
            (
                _("No findings: the message is neutral and has the details the {playbook} playbook looks for.").format(
                    playbook=result.playbook
                ),
                "green",
            )
        )
        return page
    page.line(
        (
            _("{count} to change ({playbook} playbook)").format(count=len(result.findings), playbook=result.playbook),
            "bold",
        )
    )
    for finding in result.findings:
        label = result.labels.get(finding.rule, finding.rule)
        if finding.start is None:
            page.bullet(label, _("missing"), "yellow")
        else:
            page.bullet(label, f"\u201c{finding.text}\u201d ({finding.start}\u2013{finding.end})", "yellow")
        page.line((finding.why, "dim"), lead="    ")
        page.line((_("Try: "), "bold"), (finding.rewrite, "green"), lead="    ")
    return page
