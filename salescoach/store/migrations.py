"""The schema, as an ordered list of named migrations.

Each migration runs once, inside the transaction that records its name, so a store is always at a known version.
``PRAGMA user_version`` holds how many have run: a store made by a newer salescoach is refused, not mangled.
Never edit a migration that has shipped; add the next one.
"""

from __future__ import annotations

M001_INITIAL = """
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    honorific TEXT,
    company TEXT,
    playbook TEXT,
    phone TEXT,
    email TEXT,
    city TEXT,
    tier TEXT CHECK (tier IN ('hot', 'warm', 'general')),
    stage INTEGER CHECK (stage IN (1, 2, 3)),
    created TEXT NOT NULL,
    last_contact TEXT
);
CREATE INDEX customers_name_key ON customers (name_key);
CREATE INDEX customers_contact ON customers (tier, last_contact);

CREATE TABLE customer_tags (
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (customer_id, tag)
);
CREATE INDEX customer_tags_tag ON customer_tags (tag);

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    noted_on TEXT NOT NULL
);
CREATE INDEX notes_customer ON notes (customer_id);

CREATE TABLE visits (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    channel TEXT NOT NULL,
    topics TEXT NOT NULL DEFAULT '[]',
    feedback TEXT,
    benefit TEXT,
    opportunity TEXT,
    outcome TEXT NOT NULL DEFAULT 'none',
    amount REAL,
    lost_reason TEXT,
    tier TEXT,
    stage INTEGER,
    answered TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX visits_customer ON visits (customer_id, date);

CREATE TABLE promises (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    visit_id INTEGER REFERENCES visits (id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    made_on TEXT NOT NULL,
    due TEXT NOT NULL,
    kept_on TEXT
);
CREATE INDEX promises_customer ON promises (customer_id);
CREATE INDEX promises_open_due ON promises (due) WHERE kept_on IS NULL;

CREATE TABLE followups (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    visit_id INTEGER REFERENCES visits (id) ON DELETE SET NULL,
    due TEXT NOT NULL,
    channel TEXT NOT NULL,
    type TEXT NOT NULL,
    note TEXT,
    done_on TEXT,
    done_note TEXT
);
CREATE INDEX followups_customer ON followups (customer_id);
CREATE INDEX followups_open_due ON followups (due) WHERE done_on IS NULL;

CREATE TABLE purchases (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    visit_id INTEGER REFERENCES visits (id) ON DELETE SET NULL,
    date TEXT NOT NULL,
    amount REAL NOT NULL,
    product TEXT
);
CREATE INDEX purchases_customer ON purchases (customer_id);

CREATE TABLE profile (
    key TEXT PRIMARY KEY,
    value TEXT
);
"""

M002_IMPORTANT_DATES = """
CREATE TABLE important_dates (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    label TEXT,
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
    year INTEGER,
    yearly INTEGER NOT NULL DEFAULT 1,
    lead_days INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX important_dates_month_day ON important_dates (month, day);
CREATE INDEX important_dates_customer ON important_dates (customer_id);
"""
"""Birthdays, anniversaries, renewals: dated events that make a reason to get in touch (the "why now")."""

M003_RANKING_INDEXES = """
DROP INDEX followups_open_due;
CREATE INDEX followups_open_due ON followups (due, customer_id, done_on) WHERE done_on IS NULL;
DROP INDEX promises_open_due;
CREATE INDEX promises_open_due ON promises (due, customer_id, kept_on) WHERE kept_on IS NULL;
CREATE INDEX customers_playbook ON customers (playbook);
"""
"""The morning list ranks every open item in SQL: the open-item indexes now cover what the ranking reads (half the
page reads on a big book), and the playbooks in use are found by seeking an index, not by reading the book."""

M004_DATES_HANDLED = """
ALTER TABLE important_dates ADD COLUMN handled TEXT;
CREATE INDEX important_dates_due ON important_dates (month, day, yearly, year, handled, lead_days);
UPDATE important_dates SET yearly = 1 WHERE yearly = 0 AND year IS NULL;
"""
"""The last occurrence of an important date the rep has handled (``followup done d3``), so a renewal with 30 days
of lead time leaves the morning list once the call is made, and comes back for the next occurrence. The index
covers what finding the dates due reads, so the morning list never reads the dates' rows to count them. A
one-off date without a year (only an old import could make one) was shown every year: it becomes yearly, as
it behaved."""

M006_NOTE_PHRASES = """
ALTER TABLE notes ADD COLUMN say TEXT;
ALTER TABLE promises ADD COLUMN say TEXT;
"""
"""The rep's own short phrase for speaking of a note ("your son starting university", with ``customer note
--say`` or at the debrief) or of what a promise delivers ("the fee table"): a line may splice it where the raw
note or the rep's to-do would not read."""

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("m001_initial", M001_INITIAL),
    ("m002_important_dates", M002_IMPORTANT_DATES),
    ("m003_ranking_indexes", M003_RANKING_INDEXES),
    ("m004_dates_handled", M004_DATES_HANDLED),
    ("m006_note_phrases", M006_NOTE_PHRASES),
)
"""(name, SQL script) in the order they run."""
