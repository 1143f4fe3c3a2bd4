"""Interface text in the rep's language, through gettext message catalogues.

Every heading, label, prompt and error the tool itself writes goes through :func:`_`; coaching text comes from the
playbooks. Catalogues live in ``salescoach/locale/<lang>/LC_MESSAGES/salescoach.mo``; a missing one falls back to
English.
"""

from __future__ import annotations

import gettext
from pathlib import Path

_LOCALE = Path(__file__).with_name("locale")
_current = gettext.NullTranslations()


def use_language(language: str) -> None:
    """Switch the interface language for the rest of this process."""
    global _current
    _current = gettext.translation("salescoach", _LOCALE, languages=[language], fallback=True)


def _(message: str) -> str:
    return _current.gettext(message)


def customer_count(count: int) -> str:
    """ "1 customer", "3 customers" (고객 1명): for a message that names a book's size."""
    return _("1 customer") if count == 1 else _("{count} customers").format(count=count)
