"""An advert as plain lines: decoded from a file's bytes, then without HTML, entities, control
characters and runs of spaces."""

from __future__ import annotations

import html
import re

from goalcoach.domain.advert.proposal import AdvertError
from goalcoach.textsafety import clean_text

MAX_BYTES = 1_000_000  # a long advert is ~20 kB; anything near a megabyte is the wrong file


def decode(data: bytes) -> str:
    """The advert's text from a file's bytes, or AdvertError saying in one line why not."""
    if not data.strip():
        raise AdvertError("the advert is empty")
    if len(data) > MAX_BYTES:
        raise AdvertError(f"the advert is {len(data) // 1_000_000 or 1} MB; paste only the advert (under 1 MB)")
    if b"\x00" in data[:8192]:
        raise AdvertError("that is a binary file, not an advert's text (save the advert as plain text)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/div|/h[1-6]|/li|/ul|/ol|/tr|p|div|h[1-6]|ul|ol|tr)\b[^>]*>", re.I)
_LI_TAG = re.compile(r"<\s*li\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]{0,500}>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)


def tidy(text: str) -> str:
    """Plain lines: no tags, entities, control characters, tabs or runs of spaces and blank lines."""
    text = clean_text(text).replace("\r\n", "\n").replace("\r", "\n")
    if _ANY_TAG.search(text):
        text = _SCRIPT.sub(" ", text)
        text = _LI_TAG.sub("\n- ", text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _ANY_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    text = text.replace("\u00a0", " ").replace("\t", " ")
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
