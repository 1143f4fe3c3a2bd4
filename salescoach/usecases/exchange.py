"""Export the book in the formats a rep's other tools read: JSON (everything), CSV (spreadsheets), vCard (phones).

The JSON shape is the one ``import`` reads back: an export re-imported into an empty store reproduces it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from salescoach.core.records import CustomerFile
from salescoach.errors import InvalidInput
from salescoach.i18n import _
from salescoach.usecases.app import App

FORMATS = ("json", "csv", "vcf")
CSV_FIELDS = (
    "name",
    "honorific",
    "company",
    "playbook",
    "phone",
    "email",
    "city",
    "tier",
    "stage",
    "tags",
    "created",
    "last_contact",
)
BOOK_VERSION = 1


def customer_data(book: CustomerFile) -> dict:
    """One customer and everything recorded about them, as plain data (visits referred to by index)."""
    from salescoach.core.plain import jsonable

    customer = jsonable(book.customer)
    customer.pop("id")
    visit_index = {visit.id: index for index, visit in enumerate(book.visits)}

    def rows(records, drop=("id", "customer_id")) -> list[dict]:
        result = []
        for record in records:
            data = jsonable(record)
            if "visit_id" in data:
                data["visit"] = visit_index.get(data.pop("visit_id"))
            for key in drop:
                data.pop(key, None)
            result.append(data)
        return result

    return {
        **customer,
        "phones": list(book.phones),
        "emails": list(book.emails),
        "notes": rows(book.notes),
        "visits": rows(book.visits),
        "promises": rows(book.promises),
        "purchases": rows(book.purchases),
        "followups": rows(book.followups),
        "dates": rows(book.dates),
    }


def export(app: App, format_: str, progress: Callable[[int, int], None] = lambda done, total: None) -> str:
    """The whole book as text in ``format_``."""
    if format_ not in FORMATS:
        raise InvalidInput(
            _("{field}: {value!r} is not one of {choices}").format(
                field="--format", value=format_, choices=", ".join(FORMATS)
            )
        )
    with app.store() as store:
        ids = store.customer_ids()
        books = []
        for done, customer_id in enumerate(ids, 1):
            books.append(store.customer_file(customer_id))
            if done % 200 == 0 or done == len(ids):
                progress(done, len(ids))
        profile = store.profile()
    if format_ == "json":
        import json

        from salescoach.core.plain import inert_json, jsonable

        data = {
            "salescoach_book": BOOK_VERSION,
            "profile": jsonable(profile),
            "customers": [customer_data(book) for book in books],
        }
        return inert_json(json.dumps(data, ensure_ascii=False, indent=1)) + "\n"  # exact, and inert on a terminal
    if format_ == "csv":
        from salescoach.core.spreadsheet import neutralise

        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for book in books:
            row = customer_data(book)
            row["tags"] = ";".join(row["tags"])
            row["phone"], row["email"] = (" ::: ".join(values) for values in (book.phones, book.emails))
            writer.writerow({key: neutralise(value) if isinstance(value, str) else value for key, value in row.items()})
        return out.getvalue()
    return "".join(_vcard(book) for book in books)


def _vcard(book: CustomerFile) -> str:
    """A vCard 3.0 for one customer: name, organisation, every phone and e-mail, birthday and notes."""
    import vobject

    customer = book.customer
    card = vobject.vCard()
    card.add("fn").value = customer.name
    card.add("n").value = vobject.vcard.Name(family=customer.name)
    if customer.company:
        card.add("org").value = [customer.company]
    for phone in book.phones:  # the primary first, which phones take as the one to call
        card.add("tel").value = phone
    for email in book.emails:
        card.add("email").value = email
    if customer.honorific:
        card.add("title").value = customer.honorific
    birthday = next((event for event in book.dates if event.kind == "birthday"), None)
    if birthday:  # vCard writes a birthday of unknown year as --MM-DD
        year = f"{birthday.year:04d}" if birthday.year else "-"
        card.add("bday").value = f"{year}-{birthday.month:02d}-{birthday.day:02d}"
    if book.notes:
        card.add("note").value = "\n".join(f"{note.kind}: {note.text}" for note in book.notes)
    if customer.tags:
        card.add("categories").value = list(customer.tags)
    return card.serialize()
