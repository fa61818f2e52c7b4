"""Train the rules' word models (src/postcheck/text/*_model.tsv) on tests/moderation_cases*.yml, and measure them on
batches they have not seen.

Usage:
  python bench/word_models.py             retrain both models and write them
  python bench/word_models.py --measure   measure only: for each batch of moderation_cases_unseen.yml (M104 from the
                                          15th, M105 from the 10th), train on the cases written before it and score
                                          the rule's cases of that batch, as first contact

The models: M104's reads whether a reply advises on a medical matter (its Bad replies against its Good ones and every
other M rule's posts; replies that point to a GP, NHS 111... are left out, as M104 never asks about them); M105's
whether a text asks the reader for personal data in public (its Bad posts against every other M case).
L2-regularised logistic regression (numpy, Newton steps with conjugate gradients) over postcheck's own features
(`postcheck.text.word_model.features`) as tf-idf: 1 + log of the count, times a smoothed idf, rows scaled to unit
length; features seen in fewer than MIN_DF texts are left out. Deterministic: the same cases give the same file.
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
from postcheck.text import APOSTROPHES, advice, data_requests, unwrap, word_model  # noqa: E402
from postcheck.text.word_model import MIN_FEATURES, Model, features, read, strongest_sentence, tf_idf  # noqa: E402

CASES = (ROOT / "tests" / "moderation_cases.yml", ROOT / "tests" / "moderation_cases_unseen.yml")
C = 16.0  # the inverse of the L2 penalty, chosen with the rules' thresholds by --measure
MIN_DF = 2
_BATCH = re.compile(r"\s*# Batch (\d+)\b")
# Each rule's model: its file, the first batch --measure scores, and the rule's thresholds (from where the model alone
# reports, and below which it overrules the patterns, if it does). A model learns to find its rule's Bad cases.
MODELS = {
    "M104": (word_model.ADVICE, 15, advice.REPORT_FROM, advice.OVERRULE_BELOW),
    "M105": (word_model.REQUESTS, 10, data_requests.REPORT_FROM, None),
}


def load_cases(rule: str) -> list[tuple[str, int, int, str]]:
    """(text, 1 for what the model finds or 0, batch, rule) for every case `rule`'s model learns from, in file order.
    The first file's batch is 0."""
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
                if rule == "M104" and key.value == "M104" and item.get("kind", "post") != "reply":
                    continue
                for verdict in ("bad", "good"):
                    post = item.get(verdict)
                    if post and not (rule == "M104" and advice.signposts(unwrap(post.translate(APOSTROPHES)))):
                        label = int(key.value == rule and verdict == "bad")
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


def asked(rule: str, text: str) -> bool:
    """Whether the rule asks its model about this text: M104 about every reply left in its cases, M105 only about a
    text that names personal data and no private channel alone."""
    return rule == "M104" or data_requests.named_openly(text) is not None


def measure(rule: str, cases: list[tuple[str, int, int, str]]) -> None:
    """First contact, batch by batch of the rule's unseen cases that its model is asked about, the model trained on
    every case of the batches before: at each threshold, the Bad cases found and the Good ones reported; for M104, how
    much of each the model would overrule (the text and each of its sentences below the rule's threshold). As in the
    rules, a model has no say on a text with fewer than MIN_FEATURES features it knows."""
    _, first, report_from, overrule_below = MODELS[rule]
    thresholds = sorted({0.5, report_from, 0.7, 0.8})
    scored = []
    for batch in sorted({b for _, _, b, r in cases if b >= first and r == rule}):
        seen = [(t, y) for t, y, b, _ in cases if b < batch]
        model = fit([t for t, _ in seen], [y for _, y in seen])
        test = [
            (*read(t, model), strongest_sentence(t, model)[2], y)
            for t, y, b, r in cases
            if b == batch and r == rule and asked(rule, t)
        ]
        scored += test
        bad = sum(y for *_, y in test)
        found = [sum(p >= t and k >= MIN_FEATURES for p, k, _, y in test if y) for t in thresholds]
        false = [sum(p >= t and k >= MIN_FEATURES for p, k, _, y in test if not y) for t in thresholds]
        cells = [f"{f}/{bad} found, {g}/{len(test) - bad} false" for f, g in zip(found, false, strict=True)]
        print(f"{rule} batch {batch:2d} (trained on {len(seen):4d}): " + " | ".join(cells))
    bad = [(p, k, q) for p, k, q, y in scored if y]
    good = [(p, k, q) for p, k, q, y in scored if not y]
    for t in thresholds:
        found = sum(p >= t and k >= MIN_FEATURES for p, k, _ in bad)
        false = sum(p >= t and k >= MIN_FEATURES for p, k, _ in good)
        print(
            f"{rule} from {t}: found {found / len(bad):.3f} ({found} of {len(bad)}),"
            f" Good reported {false} of {len(good)}"
        )
    if overrule_below is not None:
        overruled = [
            sum(max(p, q) < overrule_below and k >= MIN_FEATURES for p, k, q in group) / len(group)
            for group in (bad, good)
        ]
        print(f"{rule} overruled (below {overrule_below}): Bad {overruled[0]:.3f}, Good {overruled[1]:.3f}")


WHAT = {"M104": "replies that advise on a medical matter", "M105": "texts that ask for personal data in public"}


def write(rule: str, cases: list[tuple[str, int, int, str]]) -> None:
    path = MODELS[rule][0]
    intercept, idf, weight = fit([t for t, _, _, _ in cases], [y for _, y, _, _ in cases])
    bad = sum(y for _, y, _, _ in cases)
    lines = [
        f"# {rule} word model: written by bench/word_models.py; do not edit. Trained on {bad} {WHAT[rule]} and"
        f" {len(cases) - bad} texts that are not, C {C}, features in at least {MIN_DF} of them.",
        f"# cases {digest(cases)}",
        f"<intercept>\t0\t{intercept:.6g}",
        *(f"{f}\t{idf[f]:.5g}\t{weight[f]:.5g}" for f in sorted(idf)),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {len(idf)} features from {len(cases)} texts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", action="store_true", help="measure on unseen batches; do not write the models")
    parser.add_argument("rules", nargs="*", metavar="RULE", help="M104, M105 (default: both)")
    args = parser.parse_args()
    if set(args.rules) - set(MODELS):
        parser.error(f"no model for {', '.join(sorted(set(args.rules) - set(MODELS)))}: M104 or M105")
    for rule in args.rules or MODELS:
        cases = load_cases(rule)
        if args.measure:
            measure(rule, cases)
        else:
            write(rule, cases)


if __name__ == "__main__":
    main()
