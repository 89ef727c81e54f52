#!/usr/bin/env python3
"""import --merge of a backup with 2,000 answer versions and 2,000 attempts, into a profile holding
10,000 attempts, as one transaction.

In-process, fsync included. The reference is the cost of saving the versions one by one (what
merge used to do: one fsynced rewrite of the profile per version), measured on the first 200
and scaled to 2,000 by the square law it follows. Target: the whole merge ≤ 2 s.
"""

from __future__ import annotations

import sys
import time

import benchlib as bl

FIGURE, TARGET = "import --merge: 2,000 versions + 2,000 attempts", "≤ 2 s"
COUNT = 2_000


def measure(quick: bool) -> list[bl.Row]:
    from goalcoach.domain import transfer
    from goalcoach.profile import Profile

    count = 200 if quick else COUNT
    created = "2026-01-01T00:00:00+00:00"
    versions = [{"id": f"v{n}", "name": f"v{n}", "text": bl.SAMPLE_ANSWER, "created": created} for n in range(count)]
    attempts = [{"id": f"a{n}", "created": created, "kind": "practice", "text": bl.SAMPLE_ANSWER, "score": 60}
                for n in range(count)]
    snapshot = {"versions": versions, "attempts": attempts}

    data = bl.fresh_profile_dir("merge")
    bl.seed_attempts(data, 10_000)
    profile = Profile.open(data)
    t0 = time.perf_counter()
    added = transfer.merge_into(profile, snapshot)
    merged = time.perf_counter() - t0
    assert added == (count, count), added

    one_by_one = Profile.open(bl.fresh_profile_dir("merge-ref"))
    sample = 200 if not quick else 50
    t0 = time.perf_counter()
    for version in versions[:sample]:
        one_by_one.add_version(version["name"], version["text"])
    per_sample = time.perf_counter() - t0
    reference = per_sample * (count / sample) ** 2  # each save rewrites every version before it
    return [bl.Row(FIGURE, f"{merged:.2f} s", f"{reference:.1f} s (one save per version)",
                   f"{merged / reference:.3f}", TARGET, merged <= 2,
                   f"{count:,} of each; one transaction; reference scaled from {sample} single saves ({per_sample:.2f} s)",
                   {"merge_s": merged, "reference_s": reference, "count": count})]


if __name__ == "__main__":
    args = bl.parser(__doc__).parse_args()
    sys.exit(bl.finish(measure(args.quick), args))
