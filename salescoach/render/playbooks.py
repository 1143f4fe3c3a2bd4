"""Playbooks, for people."""

from __future__ import annotations

from salescoach.i18n import _
from salescoach.render.widgets import table, text


def render_listing(playbooks: list):
    def render(console) -> None:
        grid = table(_("Name"), _("Language"), _("Title"), _("Extends"), _("From"), _("Path"))
        for info in playbooks:
            grid.add_row(
                text(info.name, "bold"),
                info.language,
                text(info.title),
                text(info.extends or ""),
                info.origin,
                text(info.path),
            )
        console.print(grid)

    return render


def render_playbook(data: dict):
    def render(console) -> None:
        import yaml

        console.print(text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)))

    return render
