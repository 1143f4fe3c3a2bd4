"""The follow-up list as an RFC 5545 calendar, for the phone or desktop calendar a rep already uses.

Each follow-up, promise and important date is an all-day event with the script in its description. UIDs are
stable (``f12@salescoach``), so importing a newer export updates events instead of duplicating them.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from salescoach.core.agenda import Agenda


def agenda_ics(agenda: Agenda) -> bytes:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//salescoach//follow-up//EN")
    calendar.add("version", "2.0")
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    for item in agenda.items:
        event = Event()
        uid = f"{item.id}-{item.due.year}" if item.kind == "date" else item.id
        event.add("uid", f"{uid}@salescoach")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + timedelta(days=1))
        event.add("summary", f"{item.customer} — {item.type} ({item.channel})")
        event.add("description", item.script if not item.note else f"{item.note}\n\n{item.script}")
        calendar.add_component(event)
    return calendar.to_ical()
