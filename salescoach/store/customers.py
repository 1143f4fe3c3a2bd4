"""The customers of the book: adding, editing, finding and listing them, and their tags.

Names are matched in one form, :func:`name_key`, kept in its own indexed column: finding "park sora" or a name
typed in decomposed Hangul is an index seek, whichever way in the name came.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date

from salescoach.core.records import Customer
from salescoach.errors import NotFound
from salescoach.i18n import _
from salescoach.store.base import StoreBase
from salescoach.store.rows import CUSTOMER_COLUMNS, customer_record, text_day

EDITABLE_CUSTOMER_FIELDS = ("name", "honorific", "company", "playbook", "phone", "email", "city", "tier", "stage")


def name_key(name: str) -> str:
    """The form names are matched in: Unicode-normalised (so composed and decomposed Hangul agree) and casefolded."""
    return unicodedata.normalize("NFC", name).casefold()


class CustomerQueries(StoreBase):
    def add_customer(self, customer: Customer) -> Customer:
        """Insert a customer (its ``id`` is ignored) and return it as stored."""
        return self.customer(self._insert_customer(customer._asdict()))

    def _insert_customer(self, customer: Mapping) -> int:
        """Insert a customer given as a :class:`~salescoach.core.records.Customer`'s fields or as exported JSON
        (``name`` and ``created`` required, ``last_contact`` a date or ISO text), with its tags; returns its id."""
        customer_id = self._insert(
            "INSERT INTO customers (name, name_key, honorific, company, playbook, phone, email, city, tier, stage,"
            " created, last_contact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                customer["name"],
                name_key(customer["name"]),
                customer.get("honorific"),
                customer.get("company"),
                customer.get("playbook"),
                customer.get("phone"),
                customer.get("email"),
                customer.get("city"),
                customer.get("tier"),
                customer.get("stage"),
                customer["created"],
                text_day(customer.get("last_contact")),
            ),
        )
        self.set_tags(customer_id, customer.get("tags", ()))
        return customer_id

    def update_customer(self, customer_id: int, **changes: object) -> Customer:
        """Change some of a customer's fields (see ``EDITABLE_CUSTOMER_FIELDS``)."""
        unknown = set(changes) - set(EDITABLE_CUSTOMER_FIELDS)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        if changes:
            columns = dict(changes)
            if "name" in columns:
                columns["name_key"] = name_key(str(columns["name"]))
            assignments = ", ".join(f"{column} = ?" for column in columns)
            self._write(f"UPDATE customers SET {assignments} WHERE id = ?", (*columns.values(), customer_id))
        return self.customer(customer_id)

    def set_tags(self, customer_id: int, tags: Sequence[str]) -> None:
        self._write("DELETE FROM customer_tags WHERE customer_id = ?", (customer_id,))
        self._many(
            "INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?)",
            [(customer_id, tag) for tag in dict.fromkeys(tags)],
        )

    def touch_contact(self, customer_id: int, day: date) -> None:
        """Record a contact on ``day`` unless a later one is already known: it resets the keep-in-touch clock."""
        self._write(
            "UPDATE customers SET last_contact = ? WHERE id = ? AND (last_contact IS NULL OR last_contact < ?)",
            (day.isoformat(), customer_id, day.isoformat()),
        )

    def remove_customer(self, customer_id: int) -> None:
        """Delete a customer and, through the foreign keys, everything recorded about them."""
        self._write("DELETE FROM customers WHERE id = ?", (customer_id,))

    def customer(self, customer_id: int) -> Customer:
        rows = self._read(f"SELECT {CUSTOMER_COLUMNS} FROM customers c WHERE c.id = ?", (customer_id,))
        if not rows:
            raise NotFound(_("no customer with id {id}").format(id=customer_id))
        return customer_record(rows[0])

    def customers_named(self, name: str) -> list[Customer]:
        """Customers whose name matches exactly, ignoring case."""
        rows = self._read(
            f"SELECT {CUSTOMER_COLUMNS} FROM customers c WHERE c.name_key = ? ORDER BY c.id", (name_key(name),)
        )
        return [customer_record(row) for row in rows]

    def customers_starting(self, prefix: str, limit: int = 20) -> list[Customer]:
        """Customers whose name starts with ``prefix``, ignoring case (an index range scan, not a LIKE)."""
        key = name_key(prefix)
        rows = self._read(
            f"SELECT {CUSTOMER_COLUMNS} FROM customers c WHERE c.name_key >= ? AND c.name_key < ?"
            " ORDER BY c.name_key, c.id LIMIT ?",
            (key, key + "\U0010ffff", limit),
        )
        return [customer_record(row) for row in rows]

    def list_customers(self, tier: str | None = None, tags: Sequence[str] = ()) -> list[Customer]:
        """All customers, by name, optionally of one tier and carrying every one of ``tags``."""
        where, parameters = [], []
        if tier:
            where.append("c.tier = ?")
            parameters.append(tier)
        for tag in tags:
            where.append("EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = ?)")
            parameters.append(tag)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        rows = self._read(f"SELECT {CUSTOMER_COLUMNS} FROM customers c{clause} ORDER BY c.name_key, c.id", parameters)
        return [customer_record(row) for row in rows]

    def count_customers(self) -> int:
        return self._read("SELECT count(*) FROM customers")[0][0]

    def last_customer_id(self) -> int:
        return self._read("SELECT max(id) FROM customers")[0][0]

    def customer_ids(self) -> list[int]:
        return [row[0] for row in self._read("SELECT id FROM customers ORDER BY id")]
