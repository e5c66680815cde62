#!/usr/bin/env python3
"""Check the gold strings of the set E questions (probe-16) against all four article directories.

usage: python3 tests/archive/check_gold_e.py [tests/archive/qa/probe-16.jsonl]

Set E is scored importing articles/, articles-c/, articles-d/ and articles-e/ together, so an
answerable question may name an article in any of them, and the same-group warning looks across
all four (set E extends the archive's rupiah and emas-antam groups). The checks (FAIL/WARN) and
topic groups are those of check_gold_d.py; this equals
`check_gold_d.py qa/probe-16.jsonl articles articles-c articles-d articles-e`.
"""
import os
import sys

from check_gold_d import ALL_DIRS, HERE, main

if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "qa", "probe-16.jsonl")
    sys.exit(main(path, dirs=ALL_DIRS))
