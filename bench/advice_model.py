"""Train M104's advice model (src/postcheck/text/advice_model.tsv) on tests/moderation_cases*.yml, and measure it on
batches it has not seen.

Usage:
  python bench/advice_model.py             retrain on every case and write the model
  python bench/advice_model.py --measure   measure only: for each batch of moderation_cases_unseen.yml from 15 on,
                                           train on the cases written before it and score its M104 replies, as
                                           first contact

L2-regularised logistic regression (numpy, Newton steps with conjugate gradients) over postcheck's own features
(`postcheck.text.advice_model.features`) as tf-idf: 1 + log of the count, times a smoothed idf, rows scaled to unit
length; features seen in fewer than MIN_DF replies are left out. Deterministic: the same cases give the same file.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from postcheck.text.advice_model import (  # noqa: E402
    MIN_FEATURES,
    MODEL,
    OVERRULE_BELOW,
    REPORT_FROM,
    Model,
    features,
    read,
    strongest_sentence,
    tf_idf,
)

CASES = (ROOT / "tests" / "moderation_cases.yml", ROOT / "tests" / "moderation_cases_unseen.yml")
C = 16.0  # the inverse of the L2 penalty, chosen with advice_model.REPORT_FROM and OVERRULE_BELOW by --measure
MIN_DF = 2
_BATCH = re.compile(r"\s*# Batch (\d+)\b")


def load_cases() -> list[tuple[str, int, int, str]]:
    """(text, 1 for advice or 0, batch, rule) for every case the model learns from, in file order: the M104 replies,
    Bad as advice and Good as not, and every post of the other M rules as not advice. Cases that point to a GP, NHS
    111... are left out: M104 never asks the model about them. The first file's batch is 0."""
    from postcheck.text import APOSTROPHES
    from postcheck.text.advice import _signposts

    cases = []
    for number, path in enumerate(CASES):
        text = path.read_text(encoding="utf-8")
        batches = []
        batch = 0
        for line in text.splitlines():
            found = _BATCH.match(line)
            batch = int(found.group(1)) if found and number else batch
            batches.append(batch)
        for key, section in yaml.compose(text).value:
            if not key.value.startswith("M1"):
                continue
            for node in section.value:
                item = yaml.safe_load(yaml.serialize(node))
                if key.value == "M104" and item.get("kind", "post") != "reply":
                    continue
                for verdict in ("bad", "good"):
                    post = item.get(verdict)
                    if post and not _signposts(post.translate(APOSTROPHES)):
                        label = int(key.value == "M104" and verdict == "bad")
                        cases.append((post, label, batches[node.start_mark.line], key.value))
    return cases


def digest(cases: list[tuple[str, int, int, str]]) -> str:
    """What the model was trained on, to tell when the cases have changed since."""
    return hashlib.sha256("".join(f"{label}\t{text}\n" for text, label, _, _ in cases).encode()).hexdigest()


def fit(texts: list[str], labels: list[int], c: float = C) -> Model:
    """The intercept, and each feature's idf and weight."""
    counts = [Counter(features(t)) for t in texts]
    df = Counter(f for row in counts for f in row)
    vocabulary = sorted(f for f, n in df.items() if n >= MIN_DF)
    index = {f: i for i, f in enumerate(vocabulary)}
    n = len(texts)
    idf = {f: math.log((1 + n) / (1 + df[f])) + 1 for f in vocabulary}
    rows, cols, values = [], [], []
    for r, row in enumerate(counts):
        for f, v in tf_idf(row, idf).items():
            rows.append(r)
            cols.append(index[f])
            values.append(v)
    rows, cols, values = np.array(rows), np.array(cols), np.array(values)
    y = np.array(labels, dtype=float)
    m = len(vocabulary)

    def product(w: np.ndarray) -> np.ndarray:  # X w + b
        return np.bincount(rows, weights=values * w[cols], minlength=n) + w[m]

    def transposed(u: np.ndarray) -> np.ndarray:  # X' u, with the intercept's sum
        return np.r_[np.bincount(cols, weights=values * u[rows], minlength=m), u.sum()]

    penalty = np.r_[np.ones(m), 0.0]  # no penalty on the intercept

    def loss(w: np.ndarray) -> float:
        z = product(w)
        return c * float(np.sum(np.logaddexp(0, z) - y * z)) + 0.5 * float(np.sum(penalty * w * w))

    w = np.zeros(m + 1)
    for _ in range(100):  # Newton steps; each solves H d = -g by conjugate gradients
        p = 1 / (1 + np.exp(-product(w)))
        gradient = c * transposed(p - y) + penalty * w
        if np.linalg.norm(gradient) < 1e-8:
            break
        curvature = p * (1 - p)

        def hessian(v: np.ndarray, curvature: np.ndarray = curvature) -> np.ndarray:
            return c * transposed(curvature * product(v)) + penalty * v + 1e-10 * v

        step = np.zeros_like(w)
        residual = -gradient
        direction = residual.copy()
        for _ in range(200):
            hd = hessian(direction)
            alpha = residual @ residual / (direction @ hd)
            step += alpha * direction
            new = residual - alpha * hd
            if np.linalg.norm(new) < 1e-10:
                break
            direction = new + (new @ new) / (residual @ residual) * direction
            residual = new
        size, before = 1.0, loss(w)
        while loss(w + size * step) > before + 1e-4 * size * (gradient @ step) and size > 1e-6:
            size /= 2
        w += size * step
    return float(w[m]), idf, {f: float(w[i]) for i, f in enumerate(vocabulary)}


def measure(cases: list[tuple[str, int, int, str]]) -> None:
    """First contact, batch by batch of the unseen M104 replies, the model trained on every case of the batches
    before: at each threshold, the advice found and the Good replies reported; and how much of each the model would
    overrule (the reply and each of its sentences below OVERRULE_BELOW). As in M104, the model has no say on a reply
    with fewer than MIN_FEATURES features it knows."""
    thresholds = sorted({0.5, REPORT_FROM, 0.7, 0.8})
    scored = []
    for batch in sorted({b for _, _, b, rule in cases if b >= 15 and rule == "M104"}):
        seen = [(t, y) for t, y, b, _ in cases if b < batch]
        model = fit([t for t, _ in seen], [y for _, y in seen])
        test = [
            (*read(t, model), strongest_sentence(t, model)[2], y)
            for t, y, b, rule in cases
            if b == batch and rule == "M104"
        ]
        scored += test
        bad = sum(y for *_, y in test)
        found = [sum(p >= t and k >= MIN_FEATURES for p, k, _, y in test if y) for t in thresholds]
        false = [sum(p >= t and k >= MIN_FEATURES for p, k, _, y in test if not y) for t in thresholds]
        cells = [f"{f}/{bad} found, {g}/{len(test) - bad} false" for f, g in zip(found, false, strict=True)]
        print(f"batch {batch:2d} (trained on {len(seen):4d}): " + " | ".join(cells))
    bad = [(p, k, q) for p, k, q, y in scored if y]
    good = [(p, k, q) for p, k, q, y in scored if not y]
    for t in thresholds:
        found = sum(p >= t and k >= MIN_FEATURES for p, k, _ in bad)
        false = sum(p >= t and k >= MIN_FEATURES for p, k, _ in good)
        print(
            f"from {t}: advice found {found / len(bad):.3f} ({found} of {len(bad)}),"
            f" Good replies reported {false} of {len(good)}"
        )
    overruled = [
        sum(max(p, q) < OVERRULE_BELOW and k >= MIN_FEATURES for p, k, q in group) / len(group) for group in (bad, good)
    ]
    print(f"overruled (below {OVERRULE_BELOW}): advice {overruled[0]:.3f}, Good replies {overruled[1]:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", action="store_true", help="measure on unseen batches; do not write the model")
    args = parser.parse_args()
    cases = load_cases()
    if args.measure:
        measure(cases)
        return
    intercept, idf, weight = fit([t for t, _, _, _ in cases], [y for _, y, _, _ in cases])
    bad = sum(y for _, y, _, _ in cases)
    lines = [
        f"# M104 advice model: written by bench/advice_model.py; do not edit. Trained on {bad} replies that advise and"
        f" {len(cases) - bad} posts that do not, C {C}, features in at least {MIN_DF} of them.",
        f"# cases {digest(cases)}",
        f"<intercept>\t0\t{intercept:.6g}",
        *(f"{f}\t{idf[f]:.5g}\t{weight[f]:.5g}" for f in sorted(idf)),
    ]
    MODEL.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {MODEL.relative_to(ROOT)}: {len(idf)} features from {len(cases)} posts")


if __name__ == "__main__":
    main()
