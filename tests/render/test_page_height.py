"""Page.height counts the rows a terminal shows, so the one-screen prep brief can fill exactly what is left."""

import io

from hypothesis import given
from hypothesis import strategies as st

from salescoach.render.page import Page, write

words = st.text(st.sampled_from("ab 가나 .·\n"), max_size=120)


@given(texts=st.lists(words, max_size=8), width=st.integers(min_value=10, max_value=120))
def test_height_is_the_number_of_rows_written(texts, width):
    page = Page()
    for number, text in enumerate(texts):
        page.bullet("label" if number % 2 else None, text)
    page.heading("Heading")
    out = io.StringIO()
    write(page, out, width)
    assert page.height(width) == len(out.getvalue().splitlines())


def test_a_line_that_does_not_wrap_is_counted_as_the_terminal_breaks_it():
    page = Page()
    page.line(("salescoach customer add '" + "x" * 90 + "'", "bold"), lead="  ", wrap=False)
    assert page.height(100) == 2 and page.height(200) == 1
