"""How a customer is addressed in each language, whatever language their title was typed in: a title goes
where its own language puts it, and Korean has no "Ms." to put anywhere."""

from __future__ import annotations

import pytest

from salescoach.core.details import address
from salescoach.paths import locations
from salescoach.playbook.loader import load


@pytest.fixture
def core():
    where = locations()
    return {language: load("core", language, where) for language in ("en", "ko")}


@pytest.mark.parametrize(
    ("name", "title", "english", "korean"),
    [
        ("Park Minji", "Ms.", "Ms. Park", "Park Minji 님"),
        ("Sarah Jones", "mr", "mr Jones", "Sarah Jones 님"),
        ("Cho Hana", "Dr.", "Dr. Cho", "Cho 박사님"),
        ("Cho Hana", "DR", "DR Cho", "Cho 박사님"),
        ("Lee Jiwoo", "Professor", "Professor Lee", "Lee 교수님"),
        ("Kim Doyun", "사장님", "Kim 사장님", "Kim 사장님"),
        ("Lee Jiwoo", "과장", "Lee 과장님", "Lee 과장님"),
        ("이서연", "사장님", "이 사장님", "이 사장님"),
        ("이서연", "과장", "이 과장님", "이 과장님"),
        ("이서연", "Ms.", "Ms. 이", "이서연 님"),
        ("Park Minji", None, "Park Minji", "Park Minji 님"),
    ],
)
def test_a_title_goes_where_its_own_language_puts_it(core, name, title, english, korean):
    assert address(core["en"], name, title) == english
    assert address(core["ko"], name, title) == korean


def test_a_korean_line_keeps_its_question_for_an_english_title(cli):
    cli("customer", "add", "Park Minji", "--honorific", "Ms.")
    out = cli("--lang", "ko", "prep", "1").output
    assert "Park Minji 님?" in out and "Ms." not in out
