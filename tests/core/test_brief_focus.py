"""The one-screen brief stays one screen whatever the rep wrote, and loses no note: each is shown or counted."""

import re
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from salescoach.core.brief import build_brief
from salescoach.core.records import Customer, CustomerFile, Note, Profile, Promise, Visit
from salescoach.core.vocabulary import NOTE_KINDS
from salescoach.i18n import _, use_language
from salescoach.paths import Locations
from salescoach.playbook.loader import load
from salescoach.render.brief import SCREEN_ROWS, brief_page
from salescoach.render.page import cells

TODAY = date(2026, 11, 25)
WIDTH = 100

note_texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp")), min_size=1)
pad_texts = st.text(  # as reps write on a pad: Latin or Hangul, digits, punctuation, up to 40 characters
    st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E), st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
    ),
    min_size=1,
    max_size=40,
)
notes = st.lists(st.tuples(st.sampled_from(NOTE_KINDS), pad_texts), max_size=40)


def customer_file(written: list[tuple[str, str]], said: str = "liked it") -> CustomerFile:
    """A year of monthly visits, three open promises and the notes ``written``, the last the newest."""
    visits = tuple(
        Visit(n, 1, TODAY - timedelta(days=30 * (12 - n)), "visit", feedback=said, benefit=said, opportunity=said)
        for n in range(12)
    )
    promises = tuple(Promise(n, 1, said, TODAY - timedelta(days=20), TODAY + timedelta(days=n - 1)) for n in range(3))
    return CustomerFile(
        customer=Customer(1, "Park Soyeon", "Ms.", "Hanbit Logistics", tier="warm", last_contact=visits[-1].date),
        notes=tuple(
            Note(n, 1, kind, text, TODAY - timedelta(days=len(written) - n)) for n, (kind, text) in enumerate(written)
        ),
        visits=visits,
        promises=promises,
    )


@pytest.fixture(scope="module", params=["en", "ko"])
def language_playbook(request, tmp_path_factory):
    return request.param, load("bank", request.param, Locations(tmp_path_factory.mktemp("home")))


@pytest.fixture
def playbook(language_playbook):
    """The bank pack, with the interface in its language (the autouse isolation sets English for each test)."""
    language, playbook = language_playbook
    use_language(language)
    return playbook


def page_text(page) -> str:
    return "\n".join("".join(text for text, _style in line.spans) for line in page.lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(written=notes, said=pad_texts)
@example(written=[(kind, f"{kind} note {n} ".ljust(40, "x")) for n in range(4) for kind in NOTE_KINDS], said="a" * 40)
@example(written=[(kind, "가" * 40) for kind in NOTE_KINDS], said="나" * 40)
def test_whatever_is_written_the_brief_fits_and_every_note_is_shown_or_counted(playbook, written, said):
    brief = build_brief(playbook, "Park Soyeon", customer_file(written, said), Profile(), TODAY)
    page = brief_page(brief, WIDTH)
    assert page.height(WIDTH) <= SCREEN_ROWS
    text = page_text(page)
    counted = sum(int(count) for count in re.findall(r"(\d+)", " ".join(re.findall(r"(?:and|외) \d+", text))))
    distinct = {(kind, text) for kind, text in written}
    shown = {(kind, note) for kind, note in distinct if note in text or note[:99].rstrip() in text}
    assert len(shown) + counted >= len(distinct)


def test_a_dozen_short_notes_all_show(playbook):
    written = [(kind, f"{kind} fact {n}") for n, kind in enumerate(NOTE_KINDS + ("family", "leisure"))]
    page = brief_page(build_brief(playbook, "Park Soyeon", customer_file(written), Profile(), TODAY), WIDTH)
    text = page_text(page)
    assert all(note in text for _kind, note in written)
    rows = text.splitlines()
    packed = rows[rows.index(_("What you know")) + 1 : -1]
    assert len(packed) < len(written) / 2  # short kinds share a line, and the line stays one row
    assert all(cells("  • " + row) <= WIDTH for row in packed)
