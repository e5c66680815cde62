#!/usr/bin/env python3
"""Check the gold strings of a question file against the archive-b articles.

Usage: python3 tests/archive/check-b.py tests/archive/qa/b-all.jsonl

FAIL: a gold string does not occur (case-insensitive) in the named article.
WARN: a gold string also occurs in another article of the same topic group
      (so a reply quoting the wrong article could still pass).
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")
GROUPS = {
    "gempa": ["gempa-cianjur-2022-11-21-radarbandung", "gempa-cianjur-2022-11-24-tribunnews", "gempa-sumedang-2024-01-03-inews"],
    "ump": ["ump-dki-2024-2023-11-21-keuanganonline", "ump-dki-2025-2024-12-14-okezone", "ump-dki-2026-2025-12-24-okezone"],
    "timnas": ["timnas-timor-leste-2022-01-27-tribunnews", "timnas-turkmenistan-2023-09-08-radarbangsa", "timnas-brunei-2023-10-18-okezone"],
    "data": ["data-sim-bjorka-2022-09-01-detik", "bsi-lockbit-2023-05-17-kompas", "pdn-ransomware-2024-06-24-memoindonesia"],
    "pilpres": ["pilpres-rekapitulasi-kpu-2024-03-20-forumkeadilan", "pilpres-penetapan-kpu-2024-04-24-katamerdeka"],
    "demak": ["banjir-demak-2024-02-09-ipol", "banjir-demak-2024-03-16-delik"],
    "badminton": ["indonesia-open-2021-11-28-pariwarajambi", "indonesia-open-2023-06-19-suara"],
    "mudik": ["mudik-lebaran-2021-05-15-idntimes", "mudik-lebaran-2025-03-27-mevin"],
    "longsor": ["longsor-garut-2024-04-26-detik", "longsor-blitar-2024-07-03-liputan6"],
    "kereta": ["tarif-krl-2012-10-01-viva", "tiket-kereta-lebaran-2015-07-07-tempo"],
}

def load(slug):
    with open(os.path.join(ART, slug + ".txt"), encoding="utf-8") as f:
        return f.read().lower()

def main(path):
    texts = {fn[:-4]: load(fn[:-4]) for fn in os.listdir(ART) if fn.endswith(".txt")}
    group_of = {s: g for g, ss in GROUPS.items() for s in ss}
    fails = warns = 0
    for i, line in enumerate(open(path, encoding="utf-8"), 1):
        d = json.loads(line)
        if not d.get("answered"):
            if d.get("article") or d.get("any") or d.get("all"):
                print(f"FAIL line {i}: unanswered question carries gold: {d['q']}"); fails += 1
            continue
        slug = d.get("article")
        if slug not in texts:
            print(f"FAIL line {i}: unknown article {slug}"); fails += 1; continue
        golds = (d.get("any") or []) + (d.get("all") or [])
        if not golds:
            print(f"FAIL line {i}: no gold strings: {d['q']}"); fails += 1
        for g in golds:
            if g.lower() not in texts[slug]:
                print(f"FAIL line {i}: {g!r} not in {slug}: {d['q']}"); fails += 1
            others = [s for s in GROUPS.get(group_of.get(slug), []) if s != slug and g.lower() in texts[s]]
            if others:
                print(f"WARN line {i}: {g!r} also in {others}: {d['q']}"); warns += 1
    print(f"{fails} failures, {warns} warnings")
    return 1 if fails else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "qa", "b-all.jsonl")))
