#!/usr/bin/env python3
"""Check the gold strings of the set C questions against the articles.

usage: python3 tests/archive/check_gold_c.py [tests/archive/qa/blind-c.jsonl]

The evaluation of set C imports articles/ and articles-c/ together, so an answerable question may
name an article in either directory; set D's articles are not imported for it and are left out.
The checks (FAIL/WARN) and topic groups are those of check_gold_d.py.
"""
import os
import sys

from check_gold_d import DIRS, HERE, main

if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "qa", "blind-c.jsonl")
    sys.exit(main(path, dirs=DIRS[:2]))
