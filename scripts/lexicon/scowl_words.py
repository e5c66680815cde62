#!/usr/bin/env python3
"""Builds lexicon/en/words-scowl.txt from the Debian package wamerican-small (SCOWL size 35).

Source: usr/share/dict/american-english-small, one word a line (base and inflected forms, names,
possessives). Kept: words of lowercase letters a-z only (names, possessives, accented and hyphenated
forms dropped), in file order. The list tells the English reader which unknown words are real English
words the bridge lacks ("employers", "staple"): those are never typo-corrected into another bridge word.

Python 3.11 standard library only. Re-run from the .deb:
    python3 scripts/lexicon/scowl_words.py wamerican-small_2020.12.07-2_all.deb > lexicon/en/words-scowl.txt
(an extracted directory holding usr/share/dict/ also works). Prints the count on stderr.
"""
import os
import re
import sys

from debsrc import extract

WORD = re.compile(r"^[a-z]+$")


def main():
    src = sys.argv[1]
    folder, version, _tmp = extract(src, "usr/share/dict")
    path = os.path.join(folder, "american-english-small")
    words = []
    seen = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if WORD.match(w) and w not in seen:
                seen.add(w)
                words.append(w)
    print(f"# English words (lowercase a-z) from Debian wamerican-small {version} (SCOWL size 35, Kevin Atkinson et al.).")
    print("# Permissive SCOWL licence, notice in lexicon/LICENSE-SCOWL; built by scripts/lexicon/scowl_words.py, do not edit.")
    for w in words:
        print(w)
    print(f"{len(words)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
