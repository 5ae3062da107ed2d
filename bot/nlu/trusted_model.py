"""Load a scikit-learn model stored with skops, trusting only the types we expect.

skops refuses types it does not trust by itself; a fitted TF-IDF keeps its weights as a sparse
matrix, the one extra type our models hold. Anything else fails loudly (Rasa's own loader would
quietly return an untrained classifier instead).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import skops.io as sio

SPARSE_MATRIX = "scipy.sparse._csr.csr_matrix"


def load_trusted(path: Path, trusted: frozenset[str] = frozenset({SPARSE_MATRIX})) -> Any:
    untrusted = set(sio.get_untrusted_types(file=path))
    if not untrusted <= trusted:
        raise ValueError(f"{path.name} holds unexpected types: {sorted(untrusted - trusted)}")
    return sio.load(path, trusted=sorted(untrusted))
