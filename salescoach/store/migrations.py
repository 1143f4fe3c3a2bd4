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

M005_CONTACT_POINTS = """
CREATE TABLE contact_points (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('phone', 'email')),
    value TEXT NOT NULL,
    UNIQUE (customer_id, kind, value)
);
"""
"""A customer's other phones and e-mails, beyond the primary ones ``customers.phone`` and ``customers.email``
still hold (where every command that calls or writes reads them): a phone's contact has a mobile, an office and a
home number, and an import keeps them all. Every phone and e-mail already stored stays where it is."""

M006_NOTE_PHRASES = """
ALTER TABLE notes ADD COLUMN say TEXT;
ALTER TABLE promises ADD COLUMN say TEXT;
"""
"""The rep's own short phrase for speaking of a note ("your son starting university", with ``customer note
--say`` or at the debrief) or of what a promise delivers ("the fee table"): a line may splice it where the raw
note or the rep's to-do would not read."""

M007_VISIT_CHECKS = """
ALTER TABLE visits ADD COLUMN checks TEXT NOT NULL DEFAULT '{}';
ALTER TABLE visits ADD COLUMN score INTEGER CHECK (score BETWEEN 0 AND 100);
CREATE INDEX visits_scored ON visits (date, score) WHERE score IS NOT NULL;
"""
"""The visit scorecard: each check judged for a visit (id → passed, as JSON beside the visit's topics and answered
questions) and the score it made under the playbook's weights then, so a score stays what it was when the visit
was debriefed, `coach` can follow each habit, and its months and average are one indexed query."""

M008_DRILLS = """
CREATE TABLE drill_cards (
    card_id TEXT PRIMARY KEY,
    due TEXT NOT NULL,
    state TEXT NOT NULL,
    reviews INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_cards_due ON drill_cards (due);
CREATE TABLE drill_reviews (
    id INTEGER PRIMARY KEY,
    card_id TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('again', 'hard', 'good', 'easy')),
    reviewed_on TEXT NOT NULL
);
CREATE INDEX drill_reviews_day ON drill_reviews (reviewed_on);
"""
"""Practice: each card's spaced-repetition state (the scheduler's own record, as JSON, and the day it is due) and
every review, for retention and streaks. Cards themselves are made from the playbooks and never stored."""

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("m001_initial", M001_INITIAL),
    ("m002_important_dates", M002_IMPORTANT_DATES),
    ("m003_ranking_indexes", M003_RANKING_INDEXES),
    ("m004_dates_handled", M004_DATES_HANDLED),
    ("m005_contact_points", M005_CONTACT_POINTS),
    ("m006_note_phrases", M006_NOTE_PHRASES),
    ("m007_visit_checks", M007_VISIT_CHECKS),
    ("m008_drills", M008_DRILLS),
)
"""(name, SQL script) in the order they run."""
