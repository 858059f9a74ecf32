"""Memory of planning a sweep: streamed plans stay flat as the plan grows (prints figures).

For plans of N and 10 N runs it measures, with tracemalloc, the peak Python memory of
what a sweep does before its first run (check every design point, then write
plan.parquet in chunks), and for comparison the peak of holding the whole plan as a
list (`plan_runs`, what sweeps did before plans streamed). It asserts nothing.

    python benchmarks/bench_plan.py            # N = 20,000 (about a minute)
    python benchmarks/bench_plan.py --runs 5000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from experiments.design import check_points, plan_runs  # noqa: E402
from experiments.spec import load_sweep  # noqa: E402
from experiments.store import ResultStore  # noqa: E402


def spec(tmp: Path, runs: int) -> Path:
    """A two-factor factorial of ``runs`` runs (100 skill levels x runs/100 replications)."""
    path = tmp / f"plan{runs}.toml"
    path.write_text("design = \"factorial\"\nyears = 1\n"
                    f"replications = {runs // 100}\n\n[parameters]\n"
                    "skill = { min = 0.0, max = 1.0, steps = 100 }\n")
    return path


def peak_mb(fn) -> tuple[float, float]:
    """(peak MB allocated while ``fn`` runs, seconds)."""
    tracemalloc.start()
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20_000, help="N (a multiple of 100)")
    n = parser.parse_args().runs
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for runs in (n, 10 * n):
            sweep = load_sweep(spec(tmp, runs))

            def streamed():
                check_points(sweep)
                ResultStore(tmp / f"out{runs}", sweep).open()

            stream_mb, stream_s = peak_mb(streamed)
            list_mb, list_s = peak_mb(lambda: plan_runs(sweep))
            rows.append((runs, stream_mb, stream_s, list_mb, list_s))
    print(f"{'runs':>9}  {'streamed: peak MB':>18}  {'s':>6}  {'as a list: peak MB':>19}  {'s':>6}")
    for runs, stream_mb, stream_s, list_mb, list_s in rows:
        print(f"{runs:>9,}  {stream_mb:>18.1f}  {stream_s:>6.1f}  {list_mb:>19.1f}  {list_s:>6.1f}")
    (small, s_mb, _, s_list, _), (big, b_mb, _, b_list, _) = rows
    print(f"Growth of peak memory from {small:,} to {big:,} runs: streamed x{b_mb / s_mb:.2f}, "
          f"as a list x{b_list / s_list:.2f} (flat is x1).")


if __name__ == "__main__":
    main()
