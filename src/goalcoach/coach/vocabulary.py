"""Is a word English? wordfreq's small English list (about 29,000 words in everyday use),
plus the coach's own phrase lists, simple inflections and spelling variants.

wordfreq is loaded on first use (about 0.1 s and 14 MB once per process); its large list
would know more jargon but costs 60 MB, past the coach's memory budget.
"""

from __future__ import annotations

import re
import threading
from typing import Callable, Iterable

_lock = threading.Lock()
_verdicts: dict[str, bool] = {}  # word -> invented? (answers repeat most of their words)
_CONTRACTION = re.compile(r"(?:n't|'s|'re|'ll|'ve|'d|'m|s')$")
_known: frozenset[str] | None = None
_everyday: frozenset[str] | None = None  # the word list alone, without the coach's phrases
_SUFFIXES = ("'s", "s", "es", "ed", "d", "ing", "er", "ers", "est", "ly", "ment", "ments", "ation", "ations",
             "isation", "ization", "ise", "ize", "ised", "ized", "ising", "izing", "ist", "ists", "ship",
             "ships", "ness", "al", "ally", "ic", "ical", "ity", "ities", "able", "ful", "less", "ive", "ives",
             "ies", "ied", "ier", "y", "or", "ors", "an", "ans")
_PREFIXES = ("un", "re", "pre", "co", "non", "over", "under", "sub", "mis", "multi", "inter", "cross", "self",
             "up", "out", "de", "dis", "micro", "cyber", "e")


def _word_list() -> frozenset[str]:
    global _everyday
    if _everyday is None:
        _everyday = frozenset(_small_english())
    return _everyday


def everyday(word: str) -> bool:
    """Whether a word is in everyday English use ("next", "shape"); False without a word list."""
    with _lock:
        return word.lower() in _word_list()


def _load(extra: Callable[[], Iterable[str]]) -> frozenset[str]:
    global _known
    with _lock:
        if _known is None:
            words = set(_word_list())
            if not words:  # no word list: every word counts as known, so nothing is called invented
                return frozenset()
            words.update(extra())
            _known = frozenset(words)
        return _known


def _small_english() -> set[str]:
    """wordfreq's small English list. Read straight from its data file (the documented cBpack format:
    msgpack of a header then frequency buckets of words) when the layout is the expected one, because
    importing wordfreq itself pulls in 16 MB of language tools the coach does not need; otherwise
    through wordfreq's public API."""
    try:
        import gzip
        import importlib.util
        from pathlib import Path

        import msgpack  # a dependency of wordfreq

        spec = importlib.util.find_spec("wordfreq")
        if spec and spec.submodule_search_locations:
            path = Path(list(spec.submodule_search_locations)[0]) / "data" / "small_en.msgpack.gz"
            data = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
            if isinstance(data, list) and data and isinstance(data[0], dict) and data[0].get("format") == "cB":
                return {w for bucket in data[1:] for w in bucket}
    except Exception:
        pass
    try:
        from wordfreq import top_n_list  # noqa: PLC0415 - loaded only when needed

        return set(top_n_list("en", 50_000, wordlist="small"))
    except Exception:
        return set()


def unknown_words(words: list[tuple[int, str]], extra: Callable[[], Iterable[str]]) -> list[tuple[int, str]]:
    """(position, word) pairs that are in no English word list and are not a simple variant of one.

    Only lower-case words of five letters or more are judged: names, acronyms and short words
    are left alone. An empty list when the word list cannot be loaded.
    """
    known = _load(extra)
    if not known:
        return []
    out = []
    verdicts = _verdicts
    for pos, word in words:
        invented = verdicts.get(word)
        if invented is None:
            invented = _invented(word, known)
            if len(verdicts) > 50_000:  # a bound for long-running processes fed endless new words
                verdicts.clear()
            verdicts[word] = invented
        if invented:
            out.append((pos, word))
    return out


def _invented(word: str, known: frozenset[str]) -> bool:
    word = _CONTRACTION.sub("", word)
    if not _judged(word):
        return False
    return not all(_is_known(part, known) for part in re.split(r"[-']", word) if len(part) >= 3)


def _judged(word: str) -> bool:
    return len(word) >= 5 and word.replace("-", "").replace("'", "").isalpha()


def _is_known(word: str, known: frozenset[str]) -> bool:
    if word in known or len(word) < 5:
        return True
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if base in known or base + "e" in known or base + "y" in known or \
                    (len(base) > 3 and base[-1] == base[-2] and base[:-1] in known):
                return True
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4 and _is_known_simple(word[len(prefix):], known):
            return True
    # compounds: "skillset", "workstream", "healthcare"
    for i in range(4, len(word) - 3):
        if word[:i] in known and _is_known_simple(word[i:], known):
            return True
    return False


def _is_known_simple(word: str, known: frozenset[str]) -> bool:
    if word in known:
        return True
    for suffix in ("s", "es", "ed", "ing", "er", "ers", "ly", "ment", "al"):
        if word.endswith(suffix) and word[: -len(suffix)] in known:
            return True
    return False
