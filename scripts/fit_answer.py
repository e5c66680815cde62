#!/usr/bin/env python3
"""Fit the answer-or-refuse model in config/default.toml's [answer] section.

For every question of the tuning sets, `newsdesk ask --json --features` prints the features measured
for the best passage and the reply it would give if answered ("candidate"). A question teaches the
model when the decision matters for it:
  - an unanswerable question: answering is wrong (label 0);
  - an answerable one whose candidate holds the gold strings: answering is right (label 1).
(An answerable question whose candidate is wrong fails either way and is left out.)

A logistic regression (plain gradient descent with a small L2 penalty, 0.001: five-fold cross-validation
on the tuning rows decided 326/351 right against 323 at 0.01, whose weights stayed too soft for a
date the article never names; no third-party packages) is
fitted to these rows, the threshold is the one that maximises the tuning accuracy (the middle of the
best interval), and the [answer] section's threshold, bias and weights are rewritten in place.

Tuning sets: every set of scripts/fitting.py's SETS (the archive's tuning and probe sets, each over
the articles it was written for, and the single-article sets tests/qa/{tune,fresh,blind2}.jsonl).
Never the holdouts.

Usage: scripts/fit_answer.py --bin target/release/newsdesk [--cache DIR] [--write]
"""
import argparse, math, re, sys

from fitting import SETS, dumps, holds_gold, rewrite_section

FEATURES = ["score", "margin", "coverage", "salient_missing", "salient_absent", "rare_absent", "unknown", "type_match",
            "sentence_share", "date", "date_absent", "date_conflict", "english", "checks",
            "absent", "failed_coverage", "figure_absent", "phrase_absent", "untranslated"]
# period_absent (a numbered part of a series the report never writes) is printed too but is a veto
# in src/nlu/decide/, not weighed: its weight stays at its default 0.
# definition_unmet (a question asking what a thing is, of an article defining it nowhere) is a
# veto too, likewise printed and not weighed.


def sigmoid(z):
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def fit(xs, ys, l2=0.001, steps=8000, lr=0.5):
    n, d = len(xs), len(xs[0])
    w, b = [0.0] * d, 0.0
    for _ in range(steps):
        gw, gb = [l2 * wi for wi in w], 0.0
        for x, y in zip(xs, ys):
            e = sigmoid(b + sum(wi * xi for wi, xi in zip(w, x))) - y
            gb += e / n
            for j in range(d):
                gw[j] += e * x[j] / n
        b -= lr * gb
        w = [wi - lr * g for wi, g in zip(w, gw)]
    return w, b


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--write", action="store_true", help="rewrite config/default.toml's [answer]")
    ap.add_argument("--archive-only", action="store_true", help="fit on the archive's tuning set alone")
    ap.add_argument("--leave-out", default="", help="skip the tuning sets whose path holds this (to check a fit on them)")
    ap.add_argument("--cache", default="", help="keep the dumps in this folder and reuse them (while only the fit changes)")
    a = ap.parse_args()
    xs, ys, fixed_pass, total = [], [], 0, 0
    sets = [(data, imports) for data, imports in (SETS[:1] if a.archive_only else SETS)
            if not (a.leave_out and a.leave_out in data)]
    for _, cases, outs in dumps(a.bin, "--features", a.cache, sets):
        for c, o in zip(cases, outs):
            total += 1
            if "features" not in o:
                # Small talk, ticker: not the article decision; counts as it stands.
                fixed_pass += int(bool(o.get("answered")) == c["answered"] and
                                  (not c["answered"] or holds_gold(c, o.get("text", ""))))
                continue
            x = [float(o["features"][k]) for k in FEATURES]
            if not c["answered"]:
                xs.append(x); ys.append(0)
            elif holds_gold(c, o["candidate"]):
                xs.append(x); ys.append(1)
    w, b = fit(xs, ys)
    probs = sorted((sigmoid(b + sum(wi * xi for wi, xi in zip(w, x))), y) for x, y in zip(xs, ys))
    # Threshold: answer when p >= t. Scan the gaps between sorted probabilities.
    best, best_t = -1, 0.5
    cands = [0.0] + [(probs[i][0] + probs[i + 1][0]) / 2 for i in range(len(probs) - 1)] + [1.0]
    for t in cands:
        right = sum(1 for p, y in probs if (p >= t) == (y == 1))
        if right > best:
            best, best_t = right, t
    # The middle of the run of equally good thresholds, for a margin on both sides.
    good = [t for t in cands if sum(1 for p, y in probs if (p >= t) == (y == 1)) == best]
    best_t = good[len(good) // 2]
    print(f"rows {len(xs)} (answer {sum(ys)}, refuse {len(ys) - sum(ys)}); decided right {best}/{len(xs)}")
    print(f"threshold {best_t:.3f} bias {b:.3f}")
    for k, wi in zip(FEATURES, w):
        print(f"  {k:16s} {wi:+.3f}")
    if a.write:
        weights = ", ".join(f"{k} = {wi:.3f}" for k, wi in zip(FEATURES, w))

        def edit(sec):
            sec = re.sub(r"(?m)^threshold = .*$", f"threshold = {best_t:.3f}", sec, count=1)
            sec = re.sub(r"(?m)^bias = .*$", f"bias = {b:.3f}", sec, count=1)
            return re.sub(r"(?m)^weights = .*$", f"weights = {{ {weights} }}", sec, count=1)

        path = rewrite_section("answer", edit)
        print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
