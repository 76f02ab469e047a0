"""The normal form of a text, and its identity (SHA-256 of that form).

Two copies of a text that differ only in line endings, trailing spaces or Unicode composition are the
same document; everything else (case, inner spacing, punctuation) is content and stays.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_TRAILING_SPACE = re.compile(r"[^\S\n]+$", re.MULTILINE)


def normalise_text(text: str) -> str:
    """NFC, LF line ends, no trailing whitespace on any line, no leading/trailing blank space overall."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING_SPACE.sub("", text)
    return text.strip()


def sha256_text(normalised: str) -> str:
    """The document identity; call on normalised text."""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
