"""Property checks: the coach never raises, spans stay inside the text, results are deterministic."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalcoach.coach import Feedback, analyse

PHRASES = ["I think I might", "um,", "like,", "in five years", "your team", "because", "[/]",
           "[@click=app.quit]x[/]", "don’t want to leave", "“quoted”", "'maybe'", "\x00", "\u0130", "ß", "\n\n",
           "CEO", "as a result we cut costs by 20%", "next September", "I completed my MSc", "—", "İİİ"]

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(PHRASES), st.text(max_size=12)), max_size=40).map(" ".join),
)


def _check_spans(fb: Feedback, text: str) -> None:
    n = len(text)
    for result in fb.elements.values():
        assert result.present == bool(result.evidence)
        for s in result.evidence:
            assert 0 <= s.start < s.end <= n
    for issue in fb.issues:
        assert 0 <= issue.start <= issue.end <= n
        for s in issue.spans:
            assert 0 <= s.start < s.end <= n
    if fb.longest_sentence:
        assert 0 <= fb.longest_sentence.start <= fb.longest_sentence.end <= n


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_is_analysed_safely_and_deterministically(text):
    fb = analyse(text)
    _check_spans(fb, text)
    assert 0 <= fb.score <= 100
    assert fb.quality in ("strong", "adequate", "weak")
    assert len(fb.elements) == 9
    assert analyse(text).to_dict() == fb.to_dict()


def test_a_100_kb_answer_is_quick_and_bounded():
    base = ("Um, in five years I'd like to lead your data team, because I love it; I'm doing the AWS exam "
            "this year and my boss is useless. ")
    text = (base * (100_000 // len(base) + 1))[:100_000]
    start = time.perf_counter()
    fb = analyse(text)
    assert time.perf_counter() - start < 5  # generous: shared CI machines vary
    _check_spans(fb, text)
    assert fb.words > 15_000 and "too_long" in fb.issue_codes
