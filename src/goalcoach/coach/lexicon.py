"""Phrase lists from content/lexicon/*.toml, compiled once into word-bounded regexes.

Patterns run on the folded text (see text.fold): lower-case, straight apostrophes and quotes,
same length as the original so match offsets are offsets into the answer as given.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Iterable

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

# Every file the coach reads and the keys it understands (anything else is reported).
SCHEMA: dict[str, set[str]] = {
    "hedges": {"phrases", "noun_determiners"},
    "fillers": {"phrases", "regex", "pause_words", "not_after", "case_sensitive_skip"},
    "money": {"phrases", "regex", "balance", "balance_framing"},
    "negative": {"harsh", "targets", "standalone"},
    "misaligned": {"phrases", "regex"},
    "unrealistic": {"top_roles", "absolute", "senior_roles", "junior_signals"},
    "time": {"near", "far", "far_sequence", "vague", "dated", "past", "duration", "anchors"},
    "motivation": {"phrases", "regex", "not_after"},
    "action": {"steps", "exclude", "regex", "acronym_verbs", "done_verbs", "live_verbs"},
    "alignment": {"org_nouns", "your_generic", "phrases", "here_not_after"},
    "adaptability": {"phrases", "exclude"},
    "star": {"results", "regex", "outcomes", "plan_verbs", "past_irregular", "future_markers"},
    "acknowledgement": {"phrases"},
    "targets": {"roles", "frames", "vague_objects", "vague_phrases", "past_markers", "acronym_stop"},
    "stopwords": {"words"},
    "spelling": {"pairs"},
}

_NUM_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty ninety hundred"
).split()
NUM = r"(?:\d+(?:\.\d+)?|a\s+couple\s+of|couple\s+of|half\s+a|" + "|".join(_NUM_WORDS) + r"|an?)"
MACROS = {
    "num": NUM,
    "unit": r"(?:years?|months?|weeks?|days?|quarters?|decades?)",
    "any": r"[\w'\-]+",
    "pct": r"\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)",
}
# Between the words of a phrase: spaces, a hyphen or a comma ("long-term", "right now, I want").
SEP = r"(?:\s*[,\-]\s*|\s+)"


# What a placeholder can look like as the first word of a phrase.
_MACRO_FIRST = {
    "num": r"(?:\d+(?:\.\d+)?|a|an|couple|half|" + "|".join(_NUM_WORDS) + ")",
    "unit": MACROS["unit"],
    "any": r"[\w']+",
    "pct": r"\d+(?:\.\d+)?",
}
WORD_START = re.compile(r"[\w']+")


class LexiconError(ValueError):
    """A lexicon file is missing, unreadable or has a bad key or phrase."""


def _esc(s: str) -> str:
    out = []
    for c in s:
        if c == "'":
            out.append("'?")
        elif c == "-":
            out.append(r"[\s\-]?")
        else:
            out.append(re.escape(c))
    return "".join(out)


# British spellings written in the lexicon also match their American forms.
_SUFFIX_RULES = (
    (re.compile(r"^(.{3,}?)i[sz](e|ed|es|ing|ation|ations|er|ers|)$"), r"i[sz]"),
    (re.compile(r"^(.{2,}?)y[sz](e|ed|es|ing)$"), r"y[sz]"),
    (re.compile(r"^(.{3,}?)our(s|ed|ing|ite|ites|able|)$"), r"ou?r"),
    (re.compile(r"^(.{3,}?)tre(s|)$"), r"t(?:re|er)"),
    (re.compile(r"^(.{3,}[aeiou])ll(ing|ed|er|ers)$"), r"ll?"),
)


def _variant_re(word: str) -> str:
    for rule, frag in _SUFFIX_RULES:
        m = rule.match(word)
        if m and "'" not in word:
            return _esc(m.group(1)) + frag + _esc(m.group(2))
    return _esc(word)


class Lexicon:
    """The loaded lexicon: raw lists plus compiled patterns, built lazily and cached."""

    def __init__(self, folder: Path, tables: dict[str, dict]):
        self.folder = folder
        self._tables = tables
        self._patterns: dict[tuple, re.Pattern[str]] = {}
        self._scanners: dict[tuple, tuple[int, re.Pattern[str], re.Pattern[str] | None]] = {}
        self._first: list[re.Pattern[str]] = []  # per scanner id: which words can start a phrase
        self._word_cache: dict[str, tuple[int, ...]] = {}
        self._misc: dict[object, object] = {}
        self._lock = threading.Lock()
        self._spelling: dict[str, list[str]] = {}
        for pair in tables.get("spelling", {}).get("pairs", []):
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
                raise LexiconError(f"{folder / 'spelling.toml'}: key 'pairs': each entry must be two strings")
            a, b = pair[0].lower(), pair[1].lower()
            self._spelling.setdefault(a, []).append(b)
            self._spelling.setdefault(b, []).append(a)

    def words(self, name: str, key: str) -> tuple[str, ...]:
        return tuple(self._tables[name].get(key, ()))

    def keys(self, name: str) -> tuple[str, ...]:
        return tuple(k for k, v in self._tables.get(name, {}).items() if isinstance(v, list))

    def wordset(self, name: str, key: str) -> frozenset[str]:
        return self.cached(("wordset", name, key), lambda: frozenset(w.lower() for w in self.words(name, key)))

    def _where(self, name: str, key: str) -> str:
        return f"{self.folder / (name + '.toml')}: key {key!r}"

    def _word_re(self, word: str, name: str, key: str) -> str:
        star = word.endswith("*")
        word = word.rstrip("*")
        if not word:
            raise LexiconError(f"{self._where(name, key)}: empty word in a phrase")
        alts = [word] + self._spelling.get(word, [])
        body = "|".join(_variant_re(a) for a in alts)
        return f"(?:{body})" + (r"[\w']*" if star else "")

    def phrase_re(self, phrase: str, name: str, key: str) -> str:
        tokens = phrase.lower().split()
        if not tokens:
            raise LexiconError(f"{self._where(name, key)}: empty phrase")
        parts: list[tuple[str, bool]] = []
        for tok in tokens:
            optional = len(tok) > 1 and tok.endswith("?")
            tok = tok[:-1] if optional else tok
            if tok.startswith("{") and tok.endswith("}"):
                if tok[1:-1] not in MACROS:
                    raise LexiconError(f"{self._where(name, key)}: unknown placeholder {tok} in {phrase!r}")
                part = MACROS[tok[1:-1]]
            else:
                part = "(?:" + "|".join(self._word_re(a, name, key) for a in tok.split("|")) + ")"
            parts.append((part, optional))
        pieces = []
        for i, (part, optional) in enumerate(parts):
            if i == 0:
                pieces.append(f"(?:{part}{SEP})?" if optional else part)
                continue
            sep = "" if (i == 1 and parts[0][1]) else SEP  # an optional first word carries its separator
            pieces.append(f"(?:{sep}{part})?" if optional else sep + part)
        return "".join(pieces)

    def cached(self, key: object, build):
        """A value built once per lexicon (compiled helper regexes and the like)."""
        try:
            return self._misc[key]
        except KeyError:
            value = self._misc[key] = build()
            return value

    def _first_word_re(self, phrase: str, name: str, key: str) -> list[str]:
        tokens = phrase.lower().split()
        firsts = []
        for i, tok in enumerate(tokens):
            optional = len(tok) > 1 and tok.endswith("?")
            tok = tok[:-1] if optional else tok
            if tok.startswith("{") and tok.endswith("}"):
                firsts.append(_MACRO_FIRST[tok[1:-1]])
            else:
                alts = []
                for a in tok.split("|"):
                    head = a.split("-")[0] or a
                    alts.append(self._word_re(head if head != a else a, name, key) if head else a)
                firsts.append("(?:" + "|".join(alts) + ")")
            if not optional or i == len(tokens) - 1:
                break
        return firsts

    def scan(self, folded: str, starts: list[tuple[int, str]], name: str, *keys: str):
        """Matches of the phrase lists under keys, tried only at word starts that can begin one.

        Same results as pattern(...).finditer(folded) for phrase lists, much faster on long lists;
        `regex` entries are scanned the ordinary way.
        """
        entry = self._scanners.get((name, keys))
        if entry is None:
            phrase_keys = tuple(k for k in keys if k != "regex")
            full = self.pattern(name, *phrase_keys)
            raw = self.pattern(name, "regex") if "regex" in keys else None
            firsts: list[str] = []
            for key in phrase_keys:
                for phrase in self._tables[name].get(key, ()):
                    firsts.extend(self._first_word_re(phrase, name, key))
            with self._lock:
                sid = len(self._first)
                self._first.append(re.compile("|".join(f"(?:{f})" for f in firsts) or r"(?!x)x"))
                self._word_cache.clear()
                entry = self._scanners[(name, keys)] = (sid, full, raw)
        sid, full, raw = entry
        out = []
        last_end = 0
        for pos in self._candidates(folded, starts).get(sid, ()):
            if pos >= last_end:
                m = full.match(folded, pos)
                if m:
                    out.append(m)
                    last_end = m.end()
        if raw is not None:
            out.extend(raw.finditer(folded))
            out.sort(key=lambda m: m.start())
        return out

    def _candidates(self, folded: str, starts: list[tuple[int, str]]) -> dict[int, list[int]]:
        """Per phrase list, the word starts where one of its phrases could begin (cached per text)."""
        key = (id(starts), len(self._first))
        hit = self._misc.get("candidates")
        if hit is not None and hit[0] == key and hit[1] is starts:
            return hit[2]
        cache = self._word_cache
        if len(cache) > 50_000:
            cache.clear()
        firsts = self._first
        cand: dict[int, list[int]] = {}
        for pos, word in starts:
            ids = cache.get(word)
            if ids is None:
                ids = cache[word] = tuple(i for i, f in enumerate(firsts) if f.fullmatch(word))
            for i in ids:
                lst = cand.get(i)
                if lst is None:
                    cand[i] = [pos]
                else:
                    lst.append(pos)
        self._misc["candidates"] = (key, starts, cand)
        return cand

    def pattern(self, name: str, *keys: str) -> re.Pattern[str]:
        """One combined, word-bounded pattern for the phrase lists (and `regex` lists) under keys."""
        cache_key = (name, keys)
        pat = self._patterns.get(cache_key)
        if pat is not None:
            return pat
        with self._lock:
            alts: list[tuple[int, str]] = []
            for key in keys:
                for entry in self._tables[name].get(key, ()):
                    if key == "regex":
                        try:
                            re.compile(entry)
                        except re.error as exc:
                            raise LexiconError(f"{self._where(name, key)}: bad regex {entry!r}: {exc}") from None
                        alts.append((10_000, entry))
                    else:
                        alts.append((len(entry), self.phrase_re(entry, name, key)))
            alts.sort(key=lambda a: -a[0])  # longest first: leftmost-longest among alternatives
            body = "|".join(f"(?:{a})" for _, a in alts) or r"(?!x)x"
            pat = re.compile(rf"(?<!\w)(?:{body})(?!\w)")
            self._patterns[cache_key] = pat
        return pat


def _load_table(path: Path, name: str) -> dict:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise LexiconError(f"{path}: lexicon file is missing") from None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read lexicon file: {exc}") from None
    allowed = SCHEMA[name] | {"description"}
    for key, value in data.items():
        if key not in allowed:
            raise LexiconError(f"{path}: key {key!r}: unknown key (known: {', '.join(sorted(allowed))})")
        if key == "description":
            continue
        if not isinstance(value, list):
            raise LexiconError(f"{path}: key {key!r}: expected a list")
        if key != "pairs" and not all(isinstance(v, str) and v.strip() for v in value):
            raise LexiconError(f"{path}: key {key!r}: every entry must be a non-empty string")
    return data


def load(folder: Path | None = None, names: Iterable[str] | None = None) -> Lexicon:
    """Read and validate every lexicon file in folder (default: content/lexicon)."""
    if folder is None:
        from goalcoach.paths import content_dir

        folder = content_dir() / "lexicon"
    tables = {name: _load_table(folder / f"{name}.toml", name) for name in (names or SCHEMA)}
    return Lexicon(folder, tables)


@lru_cache(maxsize=1)
def get() -> Lexicon:
    """The default lexicon, loaded once per process."""
    return load()
