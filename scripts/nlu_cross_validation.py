"""Stratified k-fold cross-validation of the NLU pipeline, the folds trained side by side.

What `rasa test nlu --cross-validation` measures, with the same Rasa functions (train_nlu,
get_eval_data, evaluate_intents, so the report has the same format), but:
- it only predicts the test folds: Rasa also predicts every training fold for train metrics,
  which nobody reads and which took more than half of the time;
- the folds train in parallel processes, one per core;
- the split is seeded, so two runs on the same data give the same score.

Usage: python scripts/nlu_cross_validation.py [--folds 5] [--jobs 2] [--out reports/nlu_cv] [--config config.yml]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import multiprocessing
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 42


def _fold(fold: int, n_folds: int):  # type: ignore[no-untyped-def]
    """(training data, test data) of one fold: the same seeded split in every process."""
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.shared.nlu.training_data.training_data import TrainingData
    from sklearn.model_selection import StratifiedKFold

    data = load_data(str(ROOT / "data" / "nlu"))
    examples = data.intent_examples
    labels = [example.get_full_intent() for example in examples]
    splitter = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=SEED)
    train_index, test_index = list(splitter.split(examples, labels))[fold]
    return (
        TrainingData(training_examples=[examples[i] for i in train_index]),
        TrainingData(training_examples=[examples[i] for i in test_index]),
    )


def _run_fold(args: tuple[int, int, str]) -> list:  # type: ignore[type-arg]
    """Train on all folds but one and predict that one (in its own process)."""
    fold, n_folds, config = args
    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu
    from rasa.nlu.test import get_eval_data
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
    from rasa.utils.log_utils import configure_structlog

    # Rasa's structured debug log would print every parsed text.
    configure_structlog(logging.WARNING)
    logging.getLogger("rasa").setLevel(logging.WARNING)
    train, test = _fold(fold, n_folds)
    with tempfile.TemporaryDirectory() as directory:
        # Each fold its own training cache: folds training at once in one cache trip over each
        # other's temporary files (and a fold's cached parts are of no use to another fold).
        os.environ["RASA_CACHE_DIRECTORY"] = str(Path(directory) / "cache")
        data_file = Path(directory) / "training_data.yml"
        RasaYAMLWriter().dump(data_file, train)
        model = train_nlu(config, str(data_file), directory)
        processor = Agent.load(model).processor
        intent_results, _, _ = asyncio.run(get_eval_data(processor, test))
    print(f"fold {fold + 1}/{n_folds} done", flush=True)
    return intent_results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--out", default=str(ROOT / "reports" / "nlu_cv"))
    parser.add_argument("--config", default=str(ROOT / "config.yml"), help="the pipeline to measure")
    args = parser.parse_args()
    os.chdir(ROOT)  # config.yml names data/danger and data/directory relative to the project
    # spawn: TensorFlow (imported by Rasa) does not survive a fork.
    with multiprocessing.get_context("spawn").Pool(args.jobs) as pool:
        config = str(Path(args.config).resolve())
        per_fold = pool.map(_run_fold, [(fold, args.folds, config) for fold in range(args.folds)])
    from rasa.nlu.test import evaluate_intents

    Path(args.out).mkdir(parents=True, exist_ok=True)
    results = [result for fold in per_fold for result in fold]
    evaluate_intents(results, args.out, successes=False, errors=True, disable_plotting=True, report_as_dict=True)


if __name__ == "__main__":
    main()
