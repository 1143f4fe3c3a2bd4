"""CSV cells that a spreadsheet shows instead of running: formula injection neutralised, and undone on the way in.

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or a
carriage return before one) as a formula, so a customer named ``=HYPERLINK("http://evil.example", "Kim")`` or
``+cmd|' /C calc'!A0`` in a CSV export would become a link or a command. As OWASP recommends, such a cell is
written with a single quote in front, which a spreadsheet shows as text; the full-width forms (``＝＋－＠``)
are quoted too, since some spreadsheets read them as the ASCII ones. A phone number in international form
(``+82 10-1234-5678``) is quoted for the same reason (a spreadsheet would compute it).

CSV import undoes exactly this, so a CSV export imported again gives back the same names and phones. The quote
is added to a cell that already starts with a quote followed by what would be quoted (``'=x`` is written
``''=x``), so that undoing never takes a quote the user wrote: ``restore(neutralise(cell)) == cell`` always.
JSON exports are exact and never quoted.
"""

from __future__ import annotations

FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def _quoted_on_export(cell: str) -> bool:
    while cell[:1] == "'":
        cell = cell[1:]
    return cell[:1] in FORMULA_STARTS


def neutralise(cell: str) -> str:
    """``cell`` as a CSV export writes it: quoted if a spreadsheet would run it."""
    return "'" + cell if _quoted_on_export(cell) else cell


def restore(cell: str) -> str:
    """A CSV cell as import reads it: the quote :func:`neutralise` added, taken off again."""
    return cell[1:] if cell[:1] == "'" and _quoted_on_export(cell[1:]) else cell
