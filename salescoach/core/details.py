"""What the rep knows, as the values a playbook line can be filled with.

One function gathers them, so a prep brief, a follow-up script and a reconnect line all address the customer the
same way and use the same latest detail.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from salescoach.core.records import Customer, Note, Profile, Visit
from salescoach.core.vocabulary import PERSONAL_NOTE_KINDS
from salescoach.playbook.template import fill


def latest(notes: Iterable[Note], kinds: Iterable[str]) -> Note | None:
    """The most recently noted detail of one of ``kinds``."""
    wanted = set(kinds)
    found = [note for note in notes if note.kind in wanted]
    return max(found, key=lambda note: (note.noted_on, note.id)) if found else None


def address(playbook: dict, name: str, honorific: str | None) -> str:
    """How to address the customer, in the playbook's language (``Mr. Lee``, ``이 사장님``)."""
    formats = playbook["address"]
    template = formats["with_honorific"] if honorific else formats["plain"]
    return fill(template, {"name": name, "honorific": honorific})


def template_values(
    playbook: dict,
    customer: Customer | None,
    name: str,
    notes: Iterable[Note] = (),
    last_visit: Visit | None = None,
    profile: Profile | None = None,
    extra: dict[str, str | None] | None = None,
) -> dict[str, str | None]:
    """The placeholder values for one customer; missing facts are None (the filler shows them as blanks)."""
    notes = list(notes)
    profile = profile or Profile()
    honorific = customer.honorific if customer else None

    def text(kinds: Iterable[str]) -> str | None:
        note = latest(notes, kinds)
        return note.text if note else None

    last_contact: date | None = customer.last_contact if customer else None
    values = {
        "name": name,
        "address": address(playbook, name, honorific),
        "honorific": honorific,
        "company": customer.company if customer else None,
        "city": customer.city if customer else None,
        "rep": profile.name,
        "rep_company": profile.company,
        "rep_title": profile.title,
        "last_visit": last_contact.isoformat() if last_contact else None,
        "detail": text(PERSONAL_NOTE_KINDS),
        "need": text(("need",)),
        "pain": text(("pain",)),
        "interest": text(("interest",)),  # an investment or product interest; a hobby is a leisure note
        "feedback": last_visit.feedback if last_visit else None,
        "benefit": last_visit.benefit if last_visit else None,
        "opportunity": last_visit.opportunity if last_visit else None,
        "promise": None,
        "event": None,
    }
    values.update(extra or {})
    return values
