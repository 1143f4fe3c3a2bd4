"""Keeping the book of customers: add, find, list, show, edit, note, remove."""

from __future__ import annotations

from datetime import datetime

from salescoach.core import fields as fields_rules
from salescoach.core.dates import DateError, calendar_day
from salescoach.core.occasions import date_name
from salescoach.core.records import Customer, CustomerFile, ImportantDate, Note
from salescoach.core.vocabulary import DATE_KINDS, MAX_LEAD_DAYS, NOTE_KINDS, TIERS
from salescoach.errors import Ambiguous, InvalidInput, NotFound
from salescoach.i18n import _
from salescoach.usecases.app import App
from salescoach.usecases.dates import date_problem


def clean_text(value: str | None, field: str, required: bool = False) -> str | None:
    """Free text from a rep, by the one rule for text (:func:`salescoach.core.fields.text`); e-mail and phone by
    theirs."""
    rule = {"email": fields_rules.email, "phone": fields_rules.phone}.get(field)
    return rule(value, field) if rule else fields_rules.text(value, field, required)


def check_choice(value: str | None, choices: tuple, field: str) -> str | None:
    if value is not None and value not in choices:
        raise InvalidInput(
            _("{field}: {value!r} is not one of {choices}").format(
                field=field, value=value, choices=", ".join(map(str, choices))
            )
        )
    return value


def find(store, reference: str) -> Customer:
    """A customer by id, exact name (any case), or a unique name prefix.

    Several matches are an error listing them (exit 2); none is an error with a hint (exit 1).
    """
    reference = reference.strip()
    number = fields_rules.record_id(reference)
    if number is not None:
        try:
            return store.customer(number)
        except NotFound:
            pass
    exact = store.customers_named(reference)
    if len(exact) == 1:
        return exact[0]
    candidates = exact or store.customers_starting(reference, limit=11)
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        listed = ", ".join(f"{customer.name} (#{customer.id})" for customer in candidates[:10])
        more = " …" if len(candidates) > 10 else ""
        raise Ambiguous(
            _("{reference!r} matches several customers: {listed}").format(reference=reference, listed=listed + more),
            hint=_("they share the name: use the id") if exact else _("use the id or the full name"),
        )
    raise NotFound(
        _("no customer matches {reference!r}").format(reference=reference),
        hint=_("`salescoach customer list` shows the book"),
    )


def find_or_none(store, reference: str) -> Customer | None:
    """Like :func:`find`, but a name nobody matches is a new customer (None); ambiguity is still an error."""
    try:
        return find(store, reference)
    except Ambiguous:
        raise
    except NotFound:
        return None


def playbook_title(app: App, name: str | None) -> str | None:
    """The title a customer's playbook goes by in the rep's language ("관계 금융"), as the rep reads it; its name
    when it no longer loads, so a broken pack still shows which it was."""
    if not name:
        return None
    try:
        return app.playbook(name)["title"]
    except (NotFound, InvalidInput, OSError):
        return name


def check_playbook(app: App, name: str | None) -> str | None:
    if name is not None:
        app.playbook(name)
    return name


def add(app: App, name: str, tags: list[str], **fields: str | None) -> tuple[Customer, list[Customer]]:
    """Add a customer; also returns those already in the book under the same name.

    Two customers may share a name (there are many Kim Minsus), so a namesake is no error; but a rep who adds
    someone twice by mistake should hear of it at once, not when `prep` finds two.
    """
    name = clean_text(name, "name", required=True)
    check_choice(fields.get("tier"), TIERS, "tier")
    check_playbook(app, fields.get("playbook"))
    details = {key: clean_text(value, key) for key, value in fields.items()}
    details["tier"] = details.get("tier") or "general"
    customer = Customer(
        id=0,
        name=name,
        tags=tuple(clean_text(tag, "tag", True) for tag in tags),
        created=datetime.now().isoformat(timespec="seconds"),
        **details,
    )
    with app.store() as store, store.transaction():
        namesakes = store.customers_named(name)
        return store.add_customer(customer), namesakes


def listing(app: App, tier: str | None, tags: list[str]) -> list[Customer]:
    check_choice(tier, TIERS, "tier")
    with app.store() as store:
        return store.list_customers(tier=tier, tags=tags)


def show(app: App, reference: str) -> CustomerFile:
    with app.store() as store:
        return store.customer_file(find(store, reference).id)


def edit(
    app: App, reference: str, tags: list[str], untags: list[str], stage: int | None, **changes: str | None
) -> Customer:
    check_choice(changes.get("tier"), TIERS, "tier")
    check_choice(stage, (1, 2, 3), "stage")
    check_playbook(app, changes.get("playbook"))
    values: dict = {
        key: clean_text(value, key, required=key == "name") for key, value in changes.items() if value is not None
    }
    if stage is not None:
        values["stage"] = stage
    with app.store() as store, store.transaction():
        customer = find(store, reference)
        if tags or untags:
            kept = [tag for tag in customer.tags if tag not in untags]
            store.set_tags(customer.id, kept + [clean_text(tag, "tag", True) for tag in tags])
        return store.update_customer(customer.id, **values)


def note(app: App, reference: str, kind: str, text: str, say: str | None = None) -> tuple[Customer, Note]:
    check_choice(kind, NOTE_KINDS, "kind")
    text = clean_text(text, "text", required=True)
    say = clean_text(say, "say")
    with app.store() as store, store.transaction():
        customer = find(store, reference)
        return customer, store.add_note(customer.id, kind, text, app.today, say)


def add_date(
    app: App, reference: str, kind: str, when: str, lead_days: int, label: str | None, yearly: bool
) -> tuple[Customer, ImportantDate, str]:
    """Record an important date: ``when`` is YYYY-MM-DD, or MM-DD for a yearly date whose year is unknown.

    Also returns what the customer's playbook calls the date, so the confirmation speaks the rep's language
    ("만기", not "renewal").
    """
    check_choice(kind, tuple(DATE_KINDS), "kind")
    if not 0 <= lead_days <= MAX_LEAD_DAYS:
        raise InvalidInput(_("--lead: must be between 0 and {limit}").format(limit=MAX_LEAD_DAYS))
    parts = when.strip().split("-")
    try:
        year, month, day = (
            (int(parts[0]), int(parts[1]), int(parts[2])) if len(parts) == 3 else (None, int(parts[0]), int(parts[1]))
        )
    except (ValueError, IndexError):
        raise InvalidInput(_("date: {when!r} is not YYYY-MM-DD or MM-DD").format(when=when)) from None
    try:
        calendar_day(year, month, day)
    except DateError as error:
        raise InvalidInput("date: " + date_problem(error, calendar=True)) from None
    if year is None and not yearly:
        raise InvalidInput(_("date: a one-off date needs a year (YYYY-MM-DD)"))
    label = clean_text(label, "label")
    with app.store() as store, store.transaction():
        customer = find(store, reference)
        event = ImportantDate(
            id=0,
            customer_id=customer.id,
            kind=kind,
            month=month,
            day=day,
            year=year,
            yearly=yearly,
            lead_days=lead_days,
            label=label,
        )
        event = store.add_important_date(event)
    return customer, event, date_name(event, app.customer_playbook(customer.playbook).data)


def remove(app: App, reference: str, confirm) -> Customer | None:
    """Delete a customer and their whole history once ``confirm(customer)`` says yes; None if it says no.

    The question is asked without holding the store (others need not wait for the rep's answer), so the
    customer is looked up again inside the transaction: of two removals at once, the second is told the
    customer is gone instead of reporting a removal that did not happen; and a customer added meanwhile under
    the freed id (a book's file gives the newest id again) is not the one the rep said yes to.
    """
    with app.store() as store:
        customer = find(store, reference)
        if not confirm(customer):
            return None
        with store.transaction():
            now = store.customer(customer.id)
            if (now.name, now.created) != (customer.name, customer.created):
                raise NotFound(_("no customer with id {id}").format(id=customer.id))
            store.remove_customer(customer.id)
        return customer
