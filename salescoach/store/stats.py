"""The rep's own record: how the book and the selling went (statistics, the coach's scored visits), the practice
drills and their schedule, and the rep's profile.

Read-mostly queries over whole tables, summed in the database; the drills' only write is an upsert.
"""

from __future__ import annotations

import json
from datetime import date

from salescoach.core.records import Profile
from salescoach.store.base import NO_LIMIT, StoreBase
from salescoach.store.rows import day_of


class StatsQueries(StoreBase):
    def book_counts(self) -> list[tuple[str, int, int]]:
        """(tier, stage, customers) for the whole book."""
        return self._read("SELECT tier, coalesce(stage, 1), count(*) FROM customers GROUP BY 1, 2 ORDER BY 1, 2")

    def visit_months(self, start: date, end: date) -> list[tuple]:
        """Per month: (month, contacts, sales, sales amount, lost) for contacts between two days."""
        return self._read(
            "SELECT substr(date, 1, 7), count(*), count(*) FILTER (WHERE outcome = 'sale'),"
            " coalesce(sum(amount) FILTER (WHERE outcome = 'sale'), 0), count(*) FILTER (WHERE outcome = 'lost')"
            " FROM visits WHERE date BETWEEN ? AND ? GROUP BY 1 ORDER BY 1",
            (start.isoformat(), end.isoformat()),
        )

    def lost_reasons(self, start: date, end: date) -> list[tuple[str, int]]:
        return self._read(
            "SELECT lost_reason, count(*) FROM visits WHERE outcome = 'lost' AND date BETWEEN ? AND ?"
            " GROUP BY 1 ORDER BY 2 DESC, 1",
            (start.isoformat(), end.isoformat()),
        )

    def on_time(self, table: str, start: date, end: date) -> tuple[int, int, int]:
        """(due in the span, done or kept on time, done or kept late) for follow-ups or promises."""
        closed = {"followups": "done_on", "promises": "kept_on"}[table]
        row = self._read(
            f"SELECT count(*), count(*) FILTER (WHERE {closed} <= due), count(*) FILTER (WHERE {closed} > due)"
            f" FROM {table} WHERE due BETWEEN ? AND ?",
            (start.isoformat(), end.isoformat()),
        )[0]
        return row[0], row[1], row[2]

    def buyers(self, start: date, end: date) -> tuple[int, int]:
        """(customers who bought in the span, of whom bought more than once)."""
        row = self._read(
            "SELECT count(*), count(*) FILTER (WHERE n > 1) FROM (SELECT customer_id, count(*) AS n FROM purchases"
            " WHERE date BETWEEN ? AND ? GROUP BY customer_id) AS bought",
            (start.isoformat(), end.isoformat()),
        )[0]
        return row[0], row[1]

    def scored_visits(
        self, start: date, end: date, customer_id: int | None = None, limit: int | None = None
    ) -> list[tuple[date, dict]]:
        """(day, checks) of the visits between two days that have a scorecard, newest first (the first ``limit``)."""
        of, parameters = self._of_customer(customer_id)
        rows = self._read(
            f"SELECT date, checks FROM visits WHERE date BETWEEN ? AND ? AND checks <> '{{}}'{of}"
            f" ORDER BY {self.NEWEST_FIRST}date DESC, id DESC LIMIT ?",
            (start.isoformat(), end.isoformat(), *parameters, NO_LIMIT if limit is None else limit),
        )
        return [(day_of(day), json.loads(checks)) for day, checks in rows]

    def score_months(self, start: date, end: date, customer_id: int | None = None) -> list[tuple[str, int, float]]:
        """(month, scored visits, their average score) between two days, read from the scored-visits index."""
        of, parameters = self._of_customer(customer_id)
        return self._read(
            "SELECT substr(date, 1, 7), count(*), avg(score) FROM visits WHERE date BETWEEN ? AND ?"
            f" AND score IS NOT NULL{of} GROUP BY 1 ORDER BY 1",
            (start.isoformat(), end.isoformat(), *parameters),
        )

    @staticmethod
    def _of_customer(customer_id: int | None) -> tuple[str, tuple]:
        """The clause and parameter keeping a query to one customer, or none (a NULL parameter has no type in
        PostgreSQL, so ``? IS NULL OR ...`` is not said)."""
        return ("", ()) if customer_id is None else (" AND customer_id = ?", (customer_id,))

    # -- practice ----------------------------------------------------------------------------------------------

    def drill_schedule(self) -> dict[str, date]:
        """The day each practised card is next due."""
        return {card: day_of(due) for card, due in self._read("SELECT card_id, due FROM drill_cards")}

    def drill_state(self, card_id: str) -> str | None:
        rows = self._read("SELECT state FROM drill_cards WHERE card_id = ?", (card_id,))
        return rows[0][0] if rows else None

    def save_review(self, card_id: str, state: str, due: date, rating: str, day: date) -> None:
        """A card's new scheduler state and the review that made it."""
        self._write(
            "INSERT INTO drill_cards (card_id, due, state, reviews, lapses) VALUES (?, ?, ?, 1, ?)"
            f" ON CONFLICT ({self.OWNED}card_id) DO UPDATE SET due = excluded.due, state = excluded.state,"
            " reviews = drill_cards.reviews + 1, lapses = drill_cards.lapses + excluded.lapses",
            (card_id, due.isoformat(), state, int(rating == "again")),
        )
        self._write(
            "INSERT INTO drill_reviews (card_id, rating, reviewed_on) VALUES (?, ?, ?)",
            (card_id, rating, day.isoformat()),
        )

    def review_days(self, since: date) -> list[tuple[date, int, int]]:
        """(day, reviews, of which 'again') for every day with a review since ``since``, newest first."""
        rows = self._read(
            "SELECT reviewed_on, count(*), count(*) FILTER (WHERE rating = 'again') FROM drill_reviews"
            " WHERE reviewed_on >= ? GROUP BY reviewed_on ORDER BY reviewed_on DESC",
            (since.isoformat(),),
        )
        return [(day_of(day), total, again) for day, total, again in rows]

    # -- the rep's profile -----------------------------------------------------------------------------------

    def profile(self) -> Profile:
        values = dict(self._read("SELECT key, value FROM profile"))
        known = {key: values.get(key) for key in Profile.FIELDS}
        for number in ("years", "customer_count"):
            if known[number] is not None:
                known[number] = int(known[number])
        return Profile(**known)

    def set_profile(self, **values: object) -> Profile:
        for key, value in values.items():
            if key not in Profile.FIELDS:
                raise ValueError(f"unknown profile field {key}")
            if value is None:
                self._write("DELETE FROM profile WHERE key = ?", (key,))
            else:
                self._write(
                    "INSERT INTO profile (key, value) VALUES (?, ?)"
                    f" ON CONFLICT ({self.OWNED}key) DO UPDATE SET value = ?",
                    (key, str(value), str(value)),
                )
        return self.profile()
