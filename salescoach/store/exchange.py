"""Books coming in and being matched: whole customers with their histories at once (demo books, JSON imports),
the contact details imports find duplicates by, and merging what an import knows into a customer.

A customer and each of its records go in through the same statements the rep's own commands use
(:meth:`~salescoach.store.customers.CustomerQueries._insert_customer` and the ``INSERT_*`` of
:mod:`salescoach.store.visits`), so an import cannot store a record differently from a debrief. They go as one
batch (:meth:`~salescoach.store.base.StoreBase._batched`): on a team server a customer costs three round trips
(its id, its visits' ids, the rest), not one per record.
"""

from __future__ import annotations

from collections.abc import Sequence

from salescoach.core.records import Customer
from salescoach.store.base import StoreBase
from salescoach.store.rows import text_day
from salescoach.store.visits import (
    INSERT_DATE,
    INSERT_FOLLOWUP,
    INSERT_NOTE,
    INSERT_PROMISE,
    INSERT_PURCHASE,
    INSERT_VISIT,
    visit_row,
)


class ExchangeQueries(StoreBase):
    def insert_book(self, customers: list[dict]) -> dict[str, int]:
        """Insert many customers with their histories at once (demo books, imports); returns row counts.

        Each customer is the shape ``salescoach export --format json`` writes: customer fields plus lists
        ``notes``, ``visits``, ``promises``, ``purchases``, ``followups`` and ``dates`` (all optional). Promises,
        purchases and follow-ups name their visit by its index in ``visits``. Dates may be ISO text or dates.
        """
        counts = dict.fromkeys(("notes", "visits", "promises", "purchases", "followups", "dates"), 0)
        with self._batched():
            for row in customers:
                customer_id = self._insert_customer({**row, "tier": row.get("tier") or "general"})
                primaries = (row.get("phone"), row.get("email"))
                self._keep_points(customer_id, primaries, row.get("phones", ()), row.get("emails", ()))
                visits = [visit_row(customer_id, visit) for visit in row.get("visits", ())]
                visit_ids = self._insert_many(INSERT_VISIT, visits)

                def visit_of(item: dict, visit_ids: list[int] = visit_ids) -> int | None:
                    return None if item.get("visit") is None else visit_ids[item["visit"]]

                self._many(
                    INSERT_NOTE,
                    [
                        (customer_id, n["kind"], n["text"], text_day(n["noted_on"]), n.get("say"))
                        for n in row.get("notes", ())
                    ],
                )
                self._many(
                    INSERT_PROMISE,
                    [
                        (
                            customer_id,
                            visit_of(p),
                            p["text"],
                            text_day(p["made_on"]),
                            text_day(p["due"]),
                            text_day(p.get("kept_on")),
                            p.get("say"),
                        )
                        for p in row.get("promises", ())
                    ],
                )
                self._many(
                    INSERT_PURCHASE,
                    [
                        (customer_id, visit_of(p), text_day(p["date"]), p["amount"], p.get("product"))
                        for p in row.get("purchases", ())
                    ],
                )
                self._many(
                    INSERT_FOLLOWUP,
                    [
                        (
                            customer_id,
                            visit_of(f),
                            text_day(f["due"]),
                            f["channel"],
                            f["type"],
                            f.get("note"),
                            text_day(f.get("done_on")),
                            f.get("done_note"),
                        )
                        for f in row.get("followups", ())
                    ],
                )
                self._many(
                    INSERT_DATE,
                    [
                        (
                            customer_id,
                            d["kind"],
                            d.get("label"),
                            d["month"],
                            d["day"],
                            d.get("year"),
                            int(d.get("yearly", True)),
                            d.get("lead_days", 0),
                            text_day(d.get("handled")),
                        )
                        for d in row.get("dates", ())
                    ],
                )
                for key in counts:
                    counts[key] += len(row.get(key, ()))
        return counts

    def contact_details(self) -> list[tuple]:
        """(id, name, company, phones, emails) of every customer, primary first: what imports match duplicates on."""
        rows = self._read(
            "SELECT c.id, c.name, c.company, c.phone, c.email, p.kind, p.value FROM customers c"
            " LEFT JOIN contact_points p ON p.customer_id = c.id ORDER BY c.id, p.id"
        )
        details: dict[int, tuple] = {}
        for customer_id, name, company, phone, email, kind, value in rows:
            if customer_id not in details:
                details[customer_id] = (customer_id, name, company, [phone] if phone else [], [email] if email else [])
            if kind:
                details[customer_id][3 if kind == "phone" else 4].append(value)
        return list(details.values())

    def add_contact_points(self, customer_id: int, phones: Sequence[str], emails: Sequence[str]) -> None:
        """Keep ``phones`` and ``emails`` beside the customer's primary ones; those already kept are left alone."""
        primaries = self._read("SELECT phone, email FROM customers WHERE id = ?", (customer_id,))[0]
        self._keep_points(customer_id, primaries, phones, emails)

    def _keep_points(
        self, customer_id: int, primaries: Sequence[str | None], phones: Sequence[str], emails: Sequence[str]
    ) -> None:
        """The phones and e-mails other than the customer's (phone, email) ``primaries``, kept once each."""
        self._many(
            "INSERT INTO contact_points (customer_id, kind, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [
                (customer_id, kind, value)
                for kind, values, primary in (("phone", phones, primaries[0]), ("email", emails, primaries[1]))
                for value in values
                if value != primary
            ],
        )

    def merge_customer(self, customer_id: int, fields: dict, tags: Sequence[str]) -> Customer:
        """Fill a customer's empty fields from ``fields`` and add ``tags``: an import never overwrites."""
        current = self.customer(customer_id)
        changes = {key: value for key, value in fields.items() if value and not getattr(current, key)}
        if tags:
            self.set_tags(customer_id, [*current.tags, *tags])
        return self.update_customer(customer_id, **changes)
