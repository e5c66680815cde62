#!/usr/bin/env python3
"""Builds lexicon/en/bilingual-freedict.tsv from the Debian package dict-freedict-eng-ind.

FreeDict eng-ind is a WikDict dictionary (Wiktionary via DBnary), CC BY-SA 3.0, shipped in dictd
format (`freedict-eng-ind.index` + `freedict-eng-ind.dict.dz`, gzip-readable). Each entry is

    headword /IPA/ <pos>
    N. translation, translation M.      <- a sense: Indonesian translations, comma separated
    English gloss                       <- glosses and sub-sense numbers (" 3.") follow
    N+1. translation, ...

Output: one line per English headword (lowercase; single words and two-word phrases),
TAB, up to MAX_TRANSLATIONS Indonesian translations separated by `|`, in dictionary order
(sense 1 first, entries of the same headword in the order the dictionary gives them).
Translations are lowercased and deduplicated; wiki links, parentheses, affixes (`ke-`, `-an`),
exclamations/questions (phrasebook rows) and translations longer than MAX_WORDS words are dropped.
The Indonesian side is written as the dictionary gives it (often affixed: `menutup`); the engine
stems it on load.

Python 3.11 standard library only. Re-run from the .deb:
    python3 scripts/lexicon/freedict_eng_ind.py /work/debs/dict-freedict-eng-ind_2022.12.07-2_all.deb
(an extracted directory holding usr/share/dictd/ also works). Prints counts and a spot check.
"""
import argparse
import glob
import gzip
import os
import re
import subprocess
import sys
import tempfile

from debsrc import extract

MAX_TRANSLATIONS = 6
MAX_WORDS = 3  # longer translations are descriptions, not words
MAX_BYTES = 1_000_000
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
HEADWORD = re.compile(r"^[a-z]+(?:-[a-z]+)*(?: [a-z]+(?:-[a-z]+)*)?$")
TRANSLATION = re.compile(r"^[a-z]+(?:-[a-z]+)*(?: [a-z]+(?:-[a-z]+)*)*$")
SENSE = re.compile(r"^(\d+)\. (.*)$")
SKIP_POS = {"suffix", "prefix", "infix", "interfix", "affix", "circumfix"}
SPOT = ("commodity inflation price earthquake goal wage rate interest gold exchange scored died privacy "
        "leak fare ticket minister election why who weaken strengthen increase decrease close buy sell "
        "company users message").split()


def b64(s):
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def clean(t):
    t = re.sub(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]", r"\1", t)  # [[target|shown]] -> shown
    t = re.sub(r"\([^)]*\)", " ", t)  # (orang) brengsek, mengemudi(kan)
    t = " ".join(t.split()).lower()
    if not TRANSLATION.match(t) or len(t.split()) > MAX_WORDS:
        return None  # affixes (ke-, -an), numbers, ? ! / phrasebook rows, descriptions
    return t


def parse_entry(text):
    """Yields translations of one dictd entry in order."""
    lines = text.split("\n")
    head = lines[0]
    pos = re.search(r"<([^>]*)>\s*$", head)
    if pos and pos.group(1) in SKIP_POS:
        return
    expected = 1
    for i, line in enumerate(lines[1:]):
        m = SENSE.match(line)
        if m and int(m.group(1)) == expected:
            body, expected = m.group(2), expected + 1
        elif i == 0 and not line.startswith(" "):
            body = line  # single-sense entry without numbering
        else:
            continue  # gloss, example or sub-sense number
        body = re.sub(r"\s*\d+\.\s*$", "", body)  # trailing sub-sense number "tutup 2."
        for part in body.split(", "):
            t = clean(part)
            if t:
                yield t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("deb", help="dict-freedict-eng-ind_*.deb or an extracted directory")
    ap.add_argument("-o", "--out", default=os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../lexicon/en/bilingual-freedict.tsv")))
    a = ap.parse_args()
    dictd, version, tmp = extract(a.deb, "usr/share/dictd")
    data = gzip.open(os.path.join(dictd, "freedict-eng-ind.dict.dz")).read()
    edition = re.search(rb"Edition: (\S+)", data)
    edition = edition.group(1).decode() if edition else "unknown"

    rows = {}  # headword -> list of translations, insertion order = dictionary order
    n_index = n_bad_head = 0
    for line in open(os.path.join(dictd, "freedict-eng-ind.index"), encoding="utf-8"):
        head, off, size = line.rstrip("\n").split("\t")
        if head.startswith("00database"):
            continue
        n_index += 1
        if not HEADWORD.match(head):
            n_bad_head += 1
            continue
        entry = data[b64(off):b64(off) + b64(size)].decode("utf-8")
        tr = rows.setdefault(head, [])
        for t in parse_entry(entry):
            if t not in tr:
                tr.append(t)
    n_empty = sum(1 for v in rows.values() if not v)
    rows = {h: v[:MAX_TRANSLATIONS] for h, v in rows.items() if v}

    header = (f"# English->Indonesian, from FreeDict eng-ind (WikDict/Wiktionary) edition {edition}, Debian package "
              f"dict-freedict-eng-ind {version}; CC BY-SA 3.0 (c) 2000-2022 FreeDict contributors, see lexicon/LICENSES.md.\n"
              f"# Format: english<TAB>indonesian|indonesian|... (lowercase; at most {MAX_TRANSLATIONS}, dictionary order; "
              f"Indonesian as written in the dictionary, not stemmed). Built by scripts/lexicon/freedict_eng_ind.py; do not edit.\n")
    body = "".join(f"{h}\t{'|'.join(v)}\n" for h, v in sorted(rows.items()))
    pruned = 0
    if len((header + body).encode()) > MAX_BYTES:  # keep rows with at least one single-word translation
        keep = {h: v for h, v in rows.items() if any(" " not in t for t in v)}
        pruned = len(rows) - len(keep)
        rows = keep
        body = "".join(f"{h}\t{'|'.join(v)}\n" for h, v in sorted(rows.items()))
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(header + body)

    n_tr = sum(len(v) for v in rows.values())
    print(f"edition {edition}, package {version}", file=sys.stderr)
    print(f"index entries {n_index}; headwords skipped (not 1-2 plain words) {n_bad_head}; "
          f"headwords without a usable translation {n_empty}; pruned for size {pruned}", file=sys.stderr)
    print(f"rows written {len(rows)} ({sum(1 for h in rows if ' ' in h)} two-word), translations {n_tr}, "
          f"bytes {len((header + body).encode())} -> {a.out}", file=sys.stderr)
    print("spot check:", file=sys.stderr)
    for w in SPOT:
        print(f"  {w:12} {'|'.join(rows.get(w, [])) or '-- MISSING --'}", file=sys.stderr)
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
