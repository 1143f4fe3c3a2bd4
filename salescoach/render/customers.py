"""Customers and the rep's profile, for people."""

from __future__ import annotations

from salescoach.core.records import Customer, CustomerFile, Profile
from salescoach.core.vocabulary import word
from salescoach.i18n import _
from salescoach.render.page import Page
from salescoach.render.widgets import heading, pairs, table, text


def customer_rows(customer: Customer, playbook: str | None = None) -> list[tuple[str, object]]:
    """A customer's fields; ``playbook`` is their playbook's title, shown for its id (the pack "bank" is "관계
    금융" to a Korean rep)."""
    return [
        (_("Id"), customer.id),
        (_("Name"), customer.name),
        (_("Honorific"), customer.honorific),
        (_("Company"), customer.company),
        (_("Playbook"), playbook or customer.playbook),
        (_("Phone"), customer.phone),
        (_("Email"), customer.email),
        (_("City"), customer.city),
        (_("Tier"), word(customer.tier) or None),
        (_("Stage"), customer.stage),
        (_("Tags"), ", ".join(customer.tags)),
        (_("Last contact"), customer.last_contact),
        (_("Created"), customer.created),
    ]


def render_customer(customer: Customer, playbook: str | None = None):
    def render(console) -> None:
        console.print(pairs(customer_rows(customer, playbook)))

    return render


def list_page(customers: list[Customer]) -> Page:
    page = Page()
    if not customers:
        page.line((_("No customers yet. Add one with `salescoach customer add NAME`."), ""))
        return page
    page.columns(
        (_("Id"), _("Name"), _("Company"), _("Tier"), _("Stage"), _("Last contact"), _("Tags")),
        [
            (
                customer.id,
                customer.name,
                customer.company or "",
                word(customer.tier),
                customer.stage or "",
                customer.last_contact or "",
                ", ".join(customer.tags),
            )
            for customer in customers
        ],
    )
    return page


def file_rows(book: CustomerFile, playbook: str | None = None) -> list[tuple[str, object]]:
    """A customer's fields with every other phone and e-mail beside the primary ones."""
    rows = customer_rows(book.customer, playbook)
    at = next(index for index, (label, _value) in enumerate(rows) if label == _("Email")) + 1
    rows[at:at] = [(_("Other phones"), ", ".join(book.phones[1:])), (_("Other emails"), ", ".join(book.emails[1:]))]
    return rows


def render_file(book: CustomerFile, playbook: str | None = None):
    def render(console) -> None:
        console.print(pairs(file_rows(book, playbook)))
        if book.notes:
            console.print(heading(_("Notes")))
            grid = table(_("Date"), _("Kind"), _("Note"))
            for note in book.notes:
                grid.add_row(str(note.noted_on), word(note.kind), text(note.text))
            console.print(grid)
        open_promises = [promise for promise in book.promises if promise.is_open]
        if open_promises:
            console.print(heading(_("Open promises")))
            for promise in open_promises:
                console.print(text(f"  p{promise.id}  {promise.due}  {promise.text}"))
        console.print(
            text(
                _("Contacts: {visits} · purchases: {purchases}. `salescoach history` shows the timeline.").format(
                    visits=len(book.visits), purchases=len(book.purchases)
                )
            )
        )

    return render


def render_profile(profile: Profile):
    def render(console) -> None:
        rows = [
            (_("Name"), profile.name),
            (_("Company"), profile.company),
            (_("Title"), profile.title),
            (_("Years"), profile.years),
            (_("Credentials"), profile.credentials),
            (_("Customers served"), profile.customer_count),
            (_("Reference customers"), profile.references),
        ]
        if not any(value for _label, value in rows):
            console.print(
                _("No profile yet. Set it with `salescoach profile set --name ... --company ...`."), markup=False
            )
            return
        console.print(pairs(rows))

    return render
