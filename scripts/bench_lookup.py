"""Benchmark of the place lookup (not a test): index build time and memory, resolve/find_mention latency.

    cd /work/main && PYTHONPATH=. .venv/bin/python scripts/bench_lookup.py [--repeat N]

Prints p50/p95/p99/max in milliseconds per input group and overall. Target: p99 <= 2 ms for both
``resolve`` and ``find_mention``; the exit code is 1 when the overall p99 misses it.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.directory.files import read_directory  # noqa: E402
from bot.directory.lookup import PlaceIndex  # noqa: E402
from tests.test_lookup import build_index, misspellings, nlu_examples  # noqa: E402

TARGET_P99_MS = 2.0
SEED = 7


def rss_kib() -> int:
    """Peak resident set size of this process so far (Linux: KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))]


def inputs(index: PlaceIndex) -> dict[str, list[str]]:
    data = read_directory()
    rng = random.Random(SEED)
    municipalities = [m.name for m in data.municipalities]
    towns = rng.sample(sorted({t.name for t in data.towns}), 1000)
    pc4s = sorted({p.pc4 for p in data.postcodes})
    postcodes = [
        rng.choice(("{}", "{} AB", "{}XY", "postcode {}", "ik woon op {} kx")).format(pc)
        for pc in rng.sample(pc4s, 500)
    ]
    misspelt = [wrong for wrong, _, _ in misspellings(data, index, count=300)]
    templates = (
        "ik woon in {}",
        "mijn zus woont in {} en ik maak me zorgen",
        "nee, ik bedoel {} in Limburg",
        "ik kom uit {}",
        "het gebeurt bij mijn buren in {}, wat moet ik doen?",
        "{}",
    )
    places = rng.sample(municipalities + towns, 100)
    sentences = [rng.choice(templates).format(p) for p in places]
    sentences += [text for _, text in rng.sample(nlu_examples(), 100)]
    nasty = [
        "",
        "   ",
        "\n\t\x00",
        "😀🏠💔" * 50,
        "<script>alert(1)</script>",
        "'; DROP TABLE town; --",
        "أنا أعيش في أمستردام",
        "我住在阿姆斯特丹",
        "99999999",
        "ß" * 500,
    ]
    nasty += ["a" * 10_000, "Zwolle " * 1_500, "in " * 3_000 + "Zwolle", "1" * 10_000, "x-" * 5_000]
    nasty += ["ik woon in " + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(n)) for n in range(35)]
    assert len(nasty) == 50
    return {
        "municipalities": municipalities,
        "towns": towns,
        "postcodes": postcodes,
        "misspellings": misspelt,
        "sentences": sentences,
        "nasty": nasty,
    }


def time_calls(method: Callable[[str], object], texts: list[str], repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        for text in texts:
            started = time.perf_counter_ns()
            method(text)
            timings.append((time.perf_counter_ns() - started) / 1e6)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the inputs (default 3)")
    args = parser.parse_args()

    rss_before = rss_kib()
    started = time.perf_counter()
    data = read_directory()
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    index = build_index(data)
    build_s = time.perf_counter() - started
    rss_after = rss_kib()

    del index
    gc.collect()
    tracemalloc.start()
    index = build_index(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"read data files:      {read_s * 1000:8.1f} ms")
    print(f"build PlaceIndex:     {build_s * 1000:8.1f} ms  ({len(index.names())} name keys)")
    print(f"tracemalloc peak:     {peak / 2**20:8.1f} MiB  (building the index from the rows)")
    print(f"peak RSS delta:       {(rss_after - rss_before) / 1024:8.1f} MiB  (reading + building; ru_maxrss)")

    groups = inputs(index)
    for text in [t for texts in groups.values() for t in texts][:200]:  # warm up caches and rapidfuzz
        index.resolve(text)
        index.find_mention(text)

    worst_p99 = 0.0
    for method in (index.resolve, index.find_mention):
        print(f"\n{method.__name__} (ms, {args.repeat} passes)")
        print(f"  {'group':<15}{'n':>6}{'mean':>9}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}")
        everything: list[float] = []
        for name, texts in [*groups.items(), ("ALL", None)]:
            timings = sorted(everything if texts is None else time_calls(method, texts, args.repeat))
            if texts is not None:
                everything.extend(timings)
            p50, p95, p99 = (percentile(timings, f) for f in (0.50, 0.95, 0.99))
            print(
                f"  {name:<15}{len(timings):>6}{statistics.fmean(timings):>9.3f}"
                f"{p50:>9.3f}{p95:>9.3f}{p99:>9.3f}{timings[-1]:>9.3f}"
            )
        worst_p99 = max(worst_p99, percentile(sorted(everything), 0.99))

    verdict = "OK" if worst_p99 <= TARGET_P99_MS else "MISSED"
    print(f"\noverall p99 {worst_p99:.3f} ms, target <= {TARGET_P99_MS} ms: {verdict}")
    return 0 if worst_p99 <= TARGET_P99_MS else 1


if __name__ == "__main__":
    sys.exit(main())
