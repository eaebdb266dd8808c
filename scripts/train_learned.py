"""Train the learned flow reader (fighterflows/extract/assembly/learned.py) offline.

    python -m scripts.train_learned            # writes fighterflows/data/learned_flow.json
    python -m scripts.train_learned --report   # also prints the split's measures

Examples are OUR OWN sentences only: the extraction case tables tests/cases/extract*.tsv
(each figure of people the assembly reaches, labelled with the flow its row expects, or
`none` where the row expects no estimate for it) and the bundled sample corpus with its hand
gold (fighterflows/data/sample-gold.yaml). The blind tables (tests/cases/blind) are kept out:
they measure the extractor, so they must not teach it. Nothing is downloaded.

The threshold is decided on a split of the examples (a fifth of the rows, chosen by a hash of
their ids): a model trained on the other four fifths must reach a precision of at least
`TARGET` on the split's figures at that threshold. The shipped weights are then trained on all
rows. Training is deterministic (sorted inputs, a fixed seed, rounded weights), so running
this again reproduces the data file byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import zlib
from collections import Counter
from pathlib import Path

from fighterflows.extract import extract
from fighterflows.extract.assembly import learned
from fighterflows.model import Flow
from fighterflows.yamldata import parse

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted((ROOT / "tests" / "cases").glob("extract*.tsv"))
SAMPLE = ROOT / "fighterflows" / "data" / "sample"
SAMPLE_GOLD = ROOT / "fighterflows" / "data" / "sample-gold.yaml"
OUT = ROOT / "fighterflows" / "data" / "learned_flow.json"

CLASSES = (learned.NONE, *(f.value for f in Flow))
SEED = 11
EPOCHS = 6
RATE = 0.2
MIN_COUNT = 5  # a feature seen fewer times is dropped
# The model is asked only about figures that reach the fallback: those examples stand for the
# cases it will meet, so each counts as many times as this.
REACHED_WEIGHT = 10.0
TARGET = 0.9  # precision the threshold must keep on the figures that reach the fallback
FOLDS = 5

Figure = tuple[float | None, float | None, float | None]
Example = tuple[str, list[str], str, bool]  # (row id, features, label, reached the fallback)


def _figure(field: str) -> Figure:
    """(value, low, high) of a case table's figure: "300", "200-250", "20-~"."""
    if "-" in field[1:]:
        low, high = field.split("-", 1) if not field.startswith("-") else (field, "~")
        return None, (None if low == "~" else float(low)), (None if high == "~" else float(high))
    return float(field), None, None


def _agrees(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-6)


def _label(note: learned.Note, expected: list[tuple[str, str, Figure]]) -> str:
    _, _, _, value, low, high, population, _, _ = note
    fits = []
    for flow, people, (v, lo, hi) in expected:
        point = v is not None and value is not None and _agrees(v, value)
        if point or (v is None and _agrees(lo, low) and _agrees(hi, high)):
            fits.append((flow, people))
    for flow, people in fits:
        if people == population:
            return flow
    return fits[0][0] if fits else learned.NONE


def _notes(text: str, date: str) -> list[learned.Note]:
    """The figures of people the assembly reached in `text`, each once (reached = any)."""
    with learned.collect() as notes:
        extract(text, date, "case")
    merged: dict[tuple[str, int, int], learned.Note] = {}
    for n in notes:
        key = (n[0], n[1], n[2])
        if key in merged and merged[key][8]:
            continue
        merged[key] = n
    return list(merged.values())


def _case_examples() -> list[Example]:
    out: list[Example] = []
    for path in CASES:
        with path.open(encoding="utf-8") as f:
            lines = [line for line in f if line.strip() and not line.startswith("#")]
        for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            group, name, text, wanted = row[:4]
            expected: list[tuple[str, str, Figure]] = []
            if wanted.strip() != "-":
                for item in wanted.split(" | "):
                    parts = item.split()
                    expected.append((parts[1], parts[2], _figure(parts[4])))
            for n in _notes(text.replace("\\n", "\n"), "2020-01-01"):
                feats = learned.features(n[0], n[1], n[2], n[6], n[7])
                out.append((f"{path.stem}/{group}-{name}", feats, _label(n, expected), n[8]))
    return out


def _sample_examples() -> list[Example]:
    gold = parse(SAMPLE_GOLD.read_text("utf-8"))
    assert isinstance(gold, dict)
    out: list[Example] = []
    for name, entry in sorted(gold["files"].items()):
        raw = (SAMPLE / name).read_text("utf-8")
        date = raw.split("date:", 1)[1].split()[0] if "date:" in raw else "2020-01-01"
        quotes: dict[str, list[str]] = {}
        for e in entry.get("estimates") or []:
            quotes.setdefault(str(e["quote"]), []).append(str(e["flow"]))
        for n in _notes(raw, date):
            said = n[0][n[1] : n[2]]
            flows = quotes.get(said) or []
            label = flows.pop(0) if flows else learned.NONE
            feats = learned.features(n[0], n[1], n[2], n[6], n[7])
            out.append((f"sample/{name}", feats, label, n[8]))
    return out


def train(examples: list[Example]) -> dict[str, dict[str, float]]:
    counts = Counter(f for _, feats, _, _ in examples for f in set(feats))
    kept = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(kept)}
    k = len(CLASSES)
    w = [[0.0] * k for _ in kept]
    data = [
        (
            [index[f] for f in feats if f in index],
            CLASSES.index(label),
            REACHED_WEIGHT if reached else 1.0,
        )
        for _, feats, label, reached in examples
    ]
    order = list(range(len(data)))
    rng = random.Random(SEED)
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = RATE / (1 + epoch)
        for j in order:
            fs, y, weight = data[j]
            scores = [sum(w[f][c] for f in fs) for c in range(k)]
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            total = sum(exp)
            for c in range(k):
                g = weight * rate * ((exp[c] / total) - (1.0 if c == y else 0.0))
                if g:
                    for f in fs:
                        w[f][c] -= g
    weights: dict[str, dict[str, float]] = {}
    for name, row in zip(kept, w, strict=True):
        sparse = {CLASSES[c]: round(v, 2) for c, v in enumerate(row) if abs(round(v, 2)) >= 0.03}
        if sparse:
            weights[name] = sparse
    return weights


def _fold(row_id: str) -> int:
    return zlib.crc32(row_id.encode()) % FOLDS


def choose_threshold(
    examples: list[Example],
) -> tuple[float, list[tuple[float, dict[str, float]]]]:
    """The lowest threshold at which the model, trained without a fold of the rows, keeps a
    precision of TARGET on the figures of that fold that reach the fallback (every fold in
    turn); above 1 (never proposing) when none does."""
    scored: list[tuple[dict[str, float], str, bool]] = []
    for k in range(FOLDS):
        trial = learned.Model(True, 0.0, CLASSES, train([e for e in examples if _fold(e[0]) != k]))
        scored += [
            (trial.probabilities(f), label, r) for i, f, label, r in examples if _fold(i) == k
        ]
    measures = [(step / 20, _measure(scored, step / 20)) for step in range(10, 20)]
    fits = [t for t, m in measures if m["fallback_proposed"] and m["fallback_precision"] >= TARGET]
    return (min(fits) if fits else 1.01), measures


def _measure(
    scored: list[tuple[dict[str, float], str, bool]], threshold: float
) -> dict[str, float]:
    """Precision and recall of the proposals that are not `none` at a threshold: over all
    figures, and over those that reached the fallback."""
    out: dict[str, float] = {}
    for scope in ("all", "fallback"):
        chosen = [s for s in scored if scope == "all" or s[2]]
        proposed = right = wanted = 0
        for probs, label, _ in chosen:
            best = max(CLASSES, key=lambda c: (probs[c], c))
            wanted += label != learned.NONE
            if best != learned.NONE and probs[best] >= threshold:
                proposed += 1
                right += best == label
        out[f"{scope}_n"] = len(chosen)
        out[f"{scope}_proposed"] = proposed
        out[f"{scope}_precision"] = right / proposed if proposed else 1.0
        out[f"{scope}_recall"] = right / wanted if wanted else 0.0
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="print the split's measures")
    args = parser.parse_args()
    examples = sorted(_case_examples() + _sample_examples())
    threshold, measures = choose_threshold(examples)
    if args.report:
        for t, m in measures:
            print(f"t={t:.2f} " + " ".join(f"{k}={v:.3f}" for k, v in m.items()))
        labels = Counter(e[2] for e in examples)
        print(f"examples={len(examples)} reached={sum(e[3] for e in examples)} labels={labels}")
        print(f"threshold={threshold}")
    weights = train(examples)
    OUT.write_text(dump(threshold, weights), "utf-8")


def dump(threshold: float, weights: dict[str, dict[str, float]]) -> str:
    """The data file: its settings, then one line per feature (sorted) for review."""
    head = {
        "about": "learned-flow weights: trained by scripts/train_learned.py; do not edit by hand",
        "enabled": threshold <= 1.0,
        "threshold": threshold,
        "classes": list(CLASSES),
    }
    lines = [json.dumps(head, sort_keys=True)[:-1] + ', "weights": {']
    rows = [f"{json.dumps(f)}: {json.dumps(w, sort_keys=True)}" for f, w in sorted(weights.items())]
    lines.append(",\n".join(rows))
    lines.append("}}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
