"""Train the Rasa model only when its inputs changed (content hash, not file times)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

MODEL_NAME = "wegwijzer"
# Everything `rasa train` reads (the place extractor stores the directory's names in the model, the
# danger detector trains on data/danger), and the code of what it stores.
TRAINING_INPUTS = ("config.yml", "domain.yml", "data", "bot/nlu", "bot/danger_classifier.py", "bot/directory")


def training_hash(root: Path) -> str:
    """SHA-256 over the paths and contents of all training inputs under ``root``."""
    digest = hashlib.sha256()
    for entry in TRAINING_INPUTS:
        path = root / entry
        # A folder git has no files in does not exist in a fresh clone.
        files = sorted(f for f in path.rglob("*") if _is_input(f)) if path.is_dir() else [path] if path.exists() else []
        for file in files:
            digest.update(str(file.relative_to(root)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def _is_input(path: Path) -> bool:
    return path.is_file() and path.suffix in {".yml", ".yaml", ".csv", ".md", ".py"}


def model_path(root: Path) -> Path:
    return root / "models" / f"{MODEL_NAME}.tar.gz"


def is_stale(root: Path) -> bool:
    stamp = root / "models" / f"{MODEL_NAME}.sha256"
    return not model_path(root).exists() or not stamp.exists() or stamp.read_text().strip() != training_hash(root)


def train_if_stale(root: Path, *, force: bool = False) -> bool:
    """Train when needed; return whether a model was trained."""
    if not force and not is_stale(root):
        print(f"model up to date: {model_path(root).relative_to(root)}")
        return False
    current = training_hash(root)
    subprocess.run(
        [sys.executable, "-m", "rasa", "train", "--fixed-model-name", MODEL_NAME, "--out", "models"],
        cwd=root,
        check=True,
    )
    (root / "models" / f"{MODEL_NAME}.sha256").write_text(current + "\n")
    return True
