#!/usr/bin/env python3
"""Builds lexicon/id/wordlist-hunspell.txt from the Debian package hunspell-id (LibreOffice dictionaries).

Source: usr/share/hunspell/id_ID.dic (+ id_ID.aff), encoding per the .aff `SET` line (ISO8859-1).
Each .dic line is a stem with optional affix flags (`abai/DkMkPaTka0k0`, FLAG long = two characters
each). The stems are Indonesian root words, plus loans and technical terms that take no affixes.

Output: one word per line, lowercase, letters a-z only (sorted, deduplicated). Dropped: proper nouns
(capitalised stems), hyphenated reduplications (`aba-aba`), anything with digits or other characters.

Quality check (printed, not applied): the .aff prefix/suffix rules are expanded over all flagged stems
(twofold: a rule's continuation flags are applied once more, circumfix constraints ignored, so this
over-generates) to count kept words that are also an affixed form of another stem (`pemerintah` from
`perintah`): such words are listed by the dictionary in their own right, so they stay in the list.

Python 3.11 standard library only. Re-run from the .deb:
    python3 scripts/lexicon/hunspell_id.py /work/debs/hunspell-id_1%3a7.5.0-1_all.deb
(an extracted directory holding usr/share/hunspell/ also works).
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

WORD = re.compile(r"^[a-z]+$")
SPOT = ("harga naik turun gempa gaji tutup beli jual usaha pesan bocor menteri pilih emas tiket "
        "makan minum kerja perintah pemerintah berita").split()


def split_flags(s, long_flags):
    return [s[i:i + 2] for i in range(0, len(s), 2)] if long_flags else list(s)


def read_aff(path):
    raw = open(path, "rb").read()
    m = re.search(rb"^SET\s+(\S+)", raw, re.M)
    enc = m.group(1).decode() if m else "utf-8"
    enc = {"ISO8859-1": "iso-8859-1"}.get(enc, enc)
    text = raw.decode(enc)
    long_flags = bool(re.search(r"^FLAG\s+long", text, re.M))
    rules = {}  # flag -> (kind, [(strip, add, cont_flags, regex)])
    for line in text.split("\n"):
        f = line.split("#")[0].split()
        if len(f) < 4 or f[0] not in ("PFX", "SFX"):
            continue
        if f[1] not in rules:  # header line: PFX flag cross count
            rules[f[1]] = (f[0], [])
            continue
        strip, add = ("" if f[2] == "0" else f[2]), f[3]
        add, _, cont = add.partition("/")
        add = "" if add == "0" else add
        cond = f[4] if len(f) > 4 else "."
        rx = re.compile(("^" + cond) if f[0] == "PFX" else (cond + "$"))
        rules[f[1]][1].append((strip, add, split_flags(cont, long_flags), rx))
    return rules, enc, long_flags


def apply(rules, word, flag):
    kind, rs = rules.get(flag, (None, []))
    for strip, add, cont, rx in rs:
        if not rx.search(word):
            continue
        if kind == "PFX" and word.startswith(strip):
            yield add + word[len(strip):], cont
        elif kind == "SFX" and word.endswith(strip):
            yield word[:len(word) - len(strip)] + add, cont


def expand(rules, stem, flags):
    """Affixed forms of one stem: one rule, then the rule's continuation flags once more."""
    out = set()
    for fl in flags:
        for w1, cont in apply(rules, stem, fl):
            out.add(w1)
            for fl2 in cont + ([f for f in flags if rules.get(f, ("",))[0] == "PFX"] if rules.get(fl, ("",))[0] == "SFX" else []):
                for w2, _ in apply(rules, w1, fl2):
                    out.add(w2)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("deb", help="hunspell-id_*.deb or an extracted directory")
    ap.add_argument("-o", "--out", default=os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../lexicon/id/wordlist-hunspell.txt")))
    a = ap.parse_args()
    d, version, tmp = extract(a.deb, "usr/share/hunspell")
    rules, enc, long_flags = read_aff(os.path.join(d, "id_ID.aff"))
    lines = open(os.path.join(d, "id_ID.dic"), encoding=enc).read().split("\n")

    words, stems = set(), []
    n = n_proper = n_hyphen = n_other = 0
    for i, line in enumerate(lines):
        line = line.strip()
        if not line or (i == 0 and line.isdigit()):
            continue
        n += 1
        stem, _, fl = line.partition("/")
        stems.append((stem, split_flags(fl, long_flags)))
        if stem[:1].isupper():
            n_proper += 1
        elif "-" in stem:
            n_hyphen += 1
        elif not WORD.match(stem):
            n_other += 1
        else:
            words.add(stem)

    derived = set()
    for stem, fl in stems:
        if fl:
            derived |= expand(rules, stem.lower(), fl)
    also_derived = sorted(w for w in words if w in derived)

    header = (f"# Indonesian stems from hunspell-id (id_ID.dic), Debian package hunspell-id {version} (LibreOffice dictionaries), "
              f"LGPL-3, Copyright (C) 2017 Ali Ahmadi; see lexicon/LICENSES.md.\n"
              f"# Format: one word per line, lowercase a-z; root words plus loans and terms the dictionary lists as stems. "
              f"Built by scripts/lexicon/hunspell_id.py; do not edit.\n")
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(header + "".join(w + "\n" for w in sorted(words)))

    print(f"package {version}, .dic encoding {enc}, {len(rules)} affix flags", file=sys.stderr)
    print(f"stems {n}; proper nouns dropped {n_proper}; hyphenated dropped {n_hyphen}; other characters dropped {n_other}", file=sys.stderr)
    print(f"words written {len(words)} -> {a.out}", file=sys.stderr)
    print(f"check: .aff rules generate {len(derived)} affixed forms; {len(also_derived)} kept words are also an affixed "
          f"form of another stem (kept), e.g. {' '.join(also_derived[::max(1, len(also_derived) // 15)][:15])}", file=sys.stderr)
    print("spot check (in list?): " + " ".join(f"{w}={'yes' if w in words else 'NO'}" for w in SPOT), file=sys.stderr)
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
