"""Fail when the cross-validated intent macro-F1 falls below the floor.

Rasa reports scores but never fails on them. This reads the report `rasa test nlu
--cross-validation` wrote and turns it into a pass/fail for CI, and prints the weakest
intents so a failing run says where to add training data.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# The goal of issue #2 is 0.90, and CI fails below it. Measured on 2026-11-29: 0.908 over 38
# scored intents and 12,317 examples (0.760 with 4,145 examples that morning; 0.859 with 9,835
# and logistic regression; 0.888 with the SVM on per-featurizer TF-IDF blocks and more data; then
# danger marked next to a recognised situation instead of replacing it, and a third round of
# data). The split is seeded and training deterministic, so the same data gives the same score.
TARGET = 0.90
FLOOR = TARGET


def main(report_dir: str = "reports/nlu_cv") -> int:
    report = json.loads((Path(report_dir) / "intent_report.json").read_text())
    macro_f1 = report["macro avg"]["f1-score"]
    intents = {name: scores for name, scores in report.items() if isinstance(scores, dict) and "support" in scores}
    weakest = sorted(
        ((name, scores["f1-score"]) for name, scores in intents.items() if not name.endswith("avg")),
        key=lambda item: item[1],
    )[:5]
    print(f"intent macro-F1 (cross-validation): {macro_f1:.3f} (floor {FLOOR:.2f}, target {TARGET:.2f})")
    print("weakest intents: " + ", ".join(f"{name} {f1:.2f}" for name, f1 in weakest))
    return 0 if macro_f1 >= FLOOR else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
