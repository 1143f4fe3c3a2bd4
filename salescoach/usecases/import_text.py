"""An import file's bytes and text: read within a size limit, in the encoding its exporter wrote.

Contacts come out of Excel (UTF-8 with a BOM, or CP949 in Korea, Windows-1252 in the West), Japanese phones
(Shift_JIS), Outlook and Windows tools (UTF-16, with or without a BOM). The encoding is not written down in a CSV,
so the candidates that decode the bytes are scored by what their text looks like: a CP949 file read as Shift_JIS
decodes too, but into rare characters no one writes.
"""

from __future__ import annotations

import re
from pathlib import Path

from salescoach.errors import InvalidInput
from salescoach.i18n import _

MAX_BYTES = 64 * 1024 * 1024  # a 100,000-customer JSON export is well under this; /dev/zero is refused by it
_LEGACY = ("cp949", "shift_jis", "cp1252")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def read_limited(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes by the one rule for files the rep names (:func:`salescoach.documents.read_limited`: at
    most ``limit + 1`` bytes, so a device or an endless pipe is refused; a missing or unreadable file is a usage
    error, exit 2), with an import's larger limit."""
    from salescoach.documents import PlaybookInvalid
    from salescoach.documents import read_limited as read

    limit = MAX_BYTES if limit is None else limit
    try:
        return read(path, limit)
    except OSError as error:
        reason = error.strerror or str(error)
        raise InvalidInput(_("{path}: cannot read: {reason}").format(path=path, reason=reason)) from None
    except PlaybookInvalid:
        raise InvalidInput(
            _("{path}: larger than {limit:,} bytes; split it and import the parts").format(path=path, limit=limit)
        ) from None


def utf16_order(raw: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` for UTF-16 text with or without a BOM, else None."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = raw[:65536]
    if b"\x00" not in sample:
        return None  # no text in any 8-bit encoding holds NUL; UTF-16 writes one in every ASCII character
    return "utf-16-le" if sample[1::2].count(0) >= sample[0::2].count(0) else "utf-16-be"


def encoding_of(raw: bytes) -> str:
    """The encoding ``raw`` was most likely written in (see the module's docstring)."""
    utf16 = utf16_order(raw)
    if utf16:
        return utf16
    try:
        raw.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    scored = []
    for encoding in _LEGACY:
        try:
            scored.append((_plausibility(raw.decode(encoding)), -len(scored), encoding))
        except UnicodeDecodeError:
            continue
    if not scored:
        return ""
    return max(scored)[2]


def decode(raw: bytes, path: Path) -> str:
    """The text of an import file; a file no candidate encoding reads is refused."""
    encoding = encoding_of(raw)
    if not encoding:
        raise InvalidInput(_("{path}: not text in UTF-8, UTF-16, CP949, Shift_JIS or Windows-1252").format(path=path))
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise InvalidInput(_("{path}: not valid {encoding} text").format(path=path, encoding=encoding)) from None


def _plausibility(text: str) -> float:
    """How much ``text``'s non-ASCII characters look like what people write: common Hangul (the KS X 1001 set),
    kana and kanji, Latin letters with accents; control characters and rare syllables count against."""
    score = 0.0
    for char in _NON_ASCII.findall(text):
        code = ord(char)
        if 0xAC00 <= code <= 0xD7A3:
            score += 2 if _common_hangul(char) else -4
        elif 0x3040 <= code <= 0x30FF or 0x4E00 <= code <= 0x9FFF:
            score += 1.5
        elif 0xC0 <= code <= 0xFF and code not in (0xD7, 0xF7):
            score += 1
        elif 0xFF61 <= code <= 0xFF9F:
            continue  # half-width katakana: Japanese phones write them, and a wrong guess makes them too
        elif 0x80 <= code < 0xA0 or 0xE000 <= code <= 0xF8FF:
            score -= 3  # C1 controls and private use: what a wrong guess makes
        else:
            score -= 0.5
    return score


def _common_hangul(char: str) -> bool:
    try:
        return len(char.encode("euc_kr")) == 2  # the rest it writes as an 8-byte make-up sequence
    except UnicodeEncodeError:
        return False
