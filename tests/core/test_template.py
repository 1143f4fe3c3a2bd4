import pytest
from hypothesis import given
from hypothesis import strategies as st

from salescoach.playbook.template import TemplateError, check_template_list, fill, fill_best, placeholders


def test_fills_known_placeholders_and_literal_braces():
    assert fill("Hello {address}, {{not a blank}}", {"address": "Ms. Lee"}) == "Hello Ms. Lee, {not a blank}"


def test_missing_value_shows_a_visible_blank():
    assert fill("Hi {address}, I am {rep}", {"address": "Ms. Lee"}) == "Hi Ms. Lee, I am ‹rep›"


@pytest.mark.parametrize("template", ["{nmae}", "{0.__class__}", "{name.__class__}", "{name[0]}", "{}", "a { b"])
def test_rejects_anything_but_documented_names(template):
    with pytest.raises(TemplateError):
        placeholders(template)


def test_list_errors_name_the_item():
    with pytest.raises(TemplateError) as caught:
        check_template_list(["{name}", "{nmae}"])
    assert (caught.value.index, caught.value.token, caught.value.unknown) == (1, "nmae", True)
    with pytest.raises(TemplateError) as caught:
        check_template_list(["a { b"])
    assert (caught.value.index, caught.value.token, caught.value.unknown) == (0, "{", False)


def test_fill_best_prefers_the_first_complete_line():
    lines = ["How is {detail}?", "How are you, {address}?"]
    assert fill_best(lines, {"address": "Mr. Park"}) == "How are you, Mr. Park?"
    assert fill_best(lines, {"address": "Mr. Park", "detail": "the new shop"}) == "How is the new shop?"


@given(st.text())
def test_values_are_never_reinterpreted(value):
    assert fill("<{name}>", {"name": value or "x"}) == f"<{value or 'x'}>"
