"""The interactive drill: one card at a time, each rating saved before the next card is shown."""

import sys

from salescoach.cli.context import fail
from salescoach.errors import EXIT_INTERRUPTED, EXIT_RUNTIME

KEYS = {"1": "again", "2": "hard", "3": "good", "4": "easy"}


def run_session(app, limit: int, pack: str | None) -> None:
    from salescoach.i18n import _
    from salescoach.render.drill import answers_page, due_page, front_page, rated_line
    from salescoach.render.page import show
    from salescoach.usecases.drill import RATINGS, due_today, rate

    result = due_today(app, pack, limit)
    if not result.cards:
        show(due_page(result))
        return
    if result.focus:
        sys.stdout.write(_("First, the habit to work on: ") + result.focus + "\n")
    done = 0
    try:
        for number, card in enumerate(result.cards, 1):
            sys.stdout.write("\n")
            show(front_page(card, number, len(result.cards)))
            _ask(_("Your answer (or think it, then Enter): "))
            show(answers_page(card))
            while True:
                answer = _ask(_("Rate yourself: 1 again, 2 hard, 3 good, 4 easy: ")).strip().lower()
                rating = KEYS.get(answer, answer)
                if rating in RATINGS:
                    break
            sys.stdout.write(rated_line(rate(app, card.id, rating)) + "\n")
            done += 1
    except KeyboardInterrupt:
        raise fail(
            _("interrupted; the {count} reviews done are saved").format(count=done), None, EXIT_INTERRUPTED
        ) from None
    except EOFError:
        raise fail(
            _("input ended; the {count} reviews done are saved").format(count=done), None, EXIT_RUNTIME
        ) from None
    sys.stdout.write(_("Cards practised: {count}.").format(count=done) + "\n")


def _ask(prompt: str) -> str:
    sys.stdout.write(prompt)
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line
