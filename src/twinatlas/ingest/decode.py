"""Bytes to text: BOMs, UTF-8, a declared charset, then detection; binary data is refused.

Order matters: a BOM is certain, strict UTF-8 almost never decodes text that is not UTF-8, a declared
charset (HTTP header, <meta charset>) is usually right, and statistical detection is the last resort.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from twinatlas.errors import InvalidInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy code pages that detection prefers over the ones our languages use (Polish iso-8859-2 reads as
# Nordic iso-8859-10 or Baltic iso-8859-4 with equal scores) and that news sites in our languages
# practically never serve. Filtered from the ranked guesses rather than excluded up front, because the
# detector's early stopping then sometimes returns no guess at all.
_UNLIKELY_CODEPAGES = frozenset(
    {"iso8859_3", "iso8859_4", "iso8859_10", "iso8859_14", "iso8859_16", "mac_iceland", "mac_turkish", "mac_latin2"}
)
# Second pass when every first guess was an unlikely code page: the legacy encodings texts in our
# languages actually come in, with a more tolerant threshold.
_LIKELY_CODEPAGES = [
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic",  # Cyrillic
    "cp1250", "iso8859_2", "cp1252", "latin_1", "iso8859_15", "cp1257", "iso8859_13",  # Latin
    "cp1253", "iso8859_7", "cp1254", "iso8859_9", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr",
]  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}
MAX_CONTROL_SHARE = 0.01  # more control characters than this, and it is not a text


def html_declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first kilobytes, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> str:
    """The text of `data`; InvalidInput naming `name` when it is binary or in no encoding we can tell."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data, encoding, name), name)
    if b"\x00" in data:
        raise InvalidInput(f"{name}: looks like a binary file (it contains NUL bytes), not a text")
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return _checked(data.decode(declared), name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall through to detection
    guesses = [m for m in charset_normalizer.from_bytes(data) if m.encoding not in _UNLIKELY_CODEPAGES]
    best = guesses[0] if guesses else None
    if best is None:
        best = charset_normalizer.from_bytes(data, cp_isolation=_LIKELY_CODEPAGES, threshold=0.5).best()
    if best is None:
        raise InvalidInput(f"{name}: cannot tell its character encoding (not UTF-8; binary data?)")
    return _checked(str(best), name)


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{name}: starts with a {encoding} byte-order mark but is not {encoding}: {exc}") from exc


def _checked(text: str, name: str) -> str:
    """Refuse decodings that are mostly control characters: binary data that happened to decode."""
    if text:
        controls = sum(
            1 for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")
        )
        if controls / len(text) > MAX_CONTROL_SHARE:
            raise InvalidInput(f"{name}: looks like a binary file ({controls} control characters), not a text")
    return text
