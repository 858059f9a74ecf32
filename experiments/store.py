"""The results folder of a sweep: a manifest, the run plan, and one Parquet part per run.

Layout of ``DIR``::

    manifest.json        spec, spec hash, versions, code version, counts, each run's status
    plan.parquet         every run: run_id, point, replicate, seed and the swept parameters
    runs/run-NNNNNN.parquet   one row per finished run: plan columns, status, error, metrics
    steps/run-NNNNNN.parquet  the recorded steps of that run (kept outputs only)

Each part is written to a hidden temporary file and renamed into place, and the
run's row in ``runs/`` is written last: a run counts as done only when that row
exists, so a sweep killed at any moment (even by SIGKILL mid-write) resumes
without losing or repeating a finished run. Read the results with
``pandas.read_parquet(DIR / "runs")`` and ``pandas.read_parquet(DIR / "steps")``.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from model import DEFAULTS, PARAMETERS

from .design import Run
from .runner import METRICS
from .single import versions
from .spec import SpecError, Sweep

ROOT = Path(__file__).resolve().parent.parent


def code_version() -> str:
    """The git commit of the code (with '+dirty' for uncommitted changes), if known."""
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return (commit + ("+dirty" if dirty else "")) if commit else "unknown"


def _atomic_write(df: pd.DataFrame | pa.Table, target: Path) -> None:
    """Write a Parquet file under a hidden temporary name, then rename it into place.

    The rename is atomic, so a process killed at any moment leaves either the whole
    file or none (a leftover temporary file is removed when the folder is reopened).
    """
    table = df if isinstance(df, pa.Table) else pa.Table.from_pandas(df, preserve_index=False)
    tmp = target.with_name(f".tmp-{os.getpid()}-{target.name}")
    pq.write_table(table, tmp)
    os.replace(tmp, target)


def part_name(run_id: int) -> str:
    return f"run-{run_id:06d}.parquet"


def write_result(folder: Path, row: dict, result: dict) -> None:
    """Store one run in ``folder``: its steps first, then its summary row (which marks
    it done). Used by the sweep process, or by a local worker process itself."""
    folder = Path(folder)
    name = part_name(row["run_id"])
    if result["steps"] is not None:
        steps = result["steps"].copy()
        steps.insert(0, "run_id", row["run_id"])
        _atomic_write(steps, folder / "steps" / name)
    row = {**row, "status": result["status"], "error": result["error"],
           "seconds": float(result["seconds"])}
    row.update({m: float(result["metrics"][m]) for m in METRICS})
    _atomic_write(pa.Table.from_pylist([row]), folder / "runs" / name)


def _atomic_text(text: str, target: Path) -> None:
    tmp = target.with_name(f".tmp-{os.getpid()}-{target.name}")
    tmp.write_text(text)
    os.replace(tmp, target)


class ResultStore:
    """Where a sweep's results go, run by run."""

    #: What a sweep puts in its folder (a folder holding only these is a sweep's).
    _OWN = {"manifest.json", "plan.parquet", "runs", "steps"}

    def __init__(self, folder: Path, sweep: Sweep, runs: list[Run]):
        self.folder = Path(folder)
        self.sweep = sweep
        self.runs = runs
        self.runs_dir = self.folder / "runs"
        self.steps_dir = self.folder / "steps"
        self.factor_names = sorted({k for r in runs for k in r.params})

    # --- opening ----------------------------------------------------------------------
    def open(self) -> set[int]:
        """Create the folder or check it holds this sweep; return ids of finished runs."""
        manifest = self.folder / "manifest.json"
        try:
            if manifest.exists():
                held = json.loads(manifest.read_text())
                if held.get("spec_hash") != self.sweep.spec_hash:
                    raise SpecError(
                        f"{self.folder} holds results of a different sweep "
                        f"(spec {held.get('spec_file')}, hash {held.get('spec_hash')}; this "
                        f"spec {self.sweep.path} has hash {self.sweep.spec_hash}). "
                        "Use another --out folder, or delete that one to start afresh.")
            elif self.folder.exists() and any(p.name not in self._OWN and not
                                              p.name.startswith(".tmp-")
                                              for p in self.folder.iterdir()):
                raise SpecError(f"{self.folder} is not empty and holds no sweep manifest; "
                                "use another --out folder")
            self.folder.mkdir(parents=True, exist_ok=True)
            if not manifest.exists():      # the manifest first: it marks the folder as ours
                self.write_manifest(done=set(), failed={})
            self.runs_dir.mkdir(exist_ok=True)
            self.steps_dir.mkdir(exist_ok=True)
            for leftover in list(self.runs_dir.glob(".tmp-*")) + \
                    list(self.steps_dir.glob(".tmp-*")) + list(self.folder.glob(".tmp-*")):
                leftover.unlink()
            if not (self.folder / "plan.parquet").exists():
                _atomic_write(self.plan_frame(), self.folder / "plan.parquet")
        except OSError as err:
            raise SpecError(f"output folder {self.folder} cannot be written: "
                            f"{err.strerror or err}") from None
        return self.finished()

    def plan_row(self, run: Run) -> dict:
        """A run's identity and settings: every parameter any run sets, at its
        effective value (the default where this run leaves it), with its own type."""
        row = {"run_id": run.run_id, "point": run.point, "replicate": run.replicate,
               "seed": run.seed}
        for name in self.factor_names:
            value = run.params.get(name, DEFAULTS[name])
            row[name] = PARAMETERS[name].kind(value)
        if self.sweep.scenarios:
            row["scenario"] = self.sweep.scenarios[run.point]
        return row

    def plan_frame(self) -> pd.DataFrame:
        return pd.DataFrame([self.plan_row(run) for run in self.runs])

    def statuses(self) -> dict[int, str]:
        """The status of every run whose summary row is on disk.

        Read part by part: one read of the whole folder is faster, but Arrow keeps the
        memory it took, and a sweep's memory must not grow with its size.
        """
        found = {}
        for path in self.runs_dir.glob("run-*.parquet"):
            table = pq.read_table(path, columns=["run_id", "status"])
            found[table.column("run_id")[0].as_py()] = table.column("status")[0].as_py()
        return found

    def finished(self) -> set[int]:
        """Runs whose summary row is on disk and that succeeded."""
        return {run_id for run_id, status in self.statuses().items() if status == "done"}

    # --- writing -------------------------------------------------------------------------
    def write(self, run: Run, result: dict) -> None:
        """Store one finished (or failed) run: its steps first, then its summary row."""
        write_result(self.folder, self.plan_row(run), result)

    def write_manifest(self, done: set[int], failed: dict) -> None:
        """The manifest: what was asked, with which code, and where each run stands."""
        status = {str(r.run_id): ("done" if r.run_id in done else
                                  "failed" if r.run_id in failed else "pending")
                  for r in self.runs}
        manifest = {
            "spec_file": str(self.sweep.path),
            "spec_hash": self.sweep.spec_hash,
            "spec": self.sweep.raw,
            "title": self.sweep.title,
            "design": self.sweep.design,
            "factors": {k: list(v) for k, v in self.sweep.factors.items()},
            "scenarios": list(self.sweep.scenarios),
            "fixed": self.sweep.base,
            "replications": self.sweep.replications,
            "years": self.sweep.years,
            "root_seed": self.sweep.seed,
            "outputs": list(self.sweep.outputs),
            "runs_total": len(self.runs),
            "runs_done": len(done),
            "runs_failed": len(failed),
            "failed": [{"run_id": k, **v} for k, v in sorted(failed.items())],
            "run_status": status,
            "versions": versions(),
            "code_version": code_version(),
            "updated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        _atomic_text(json.dumps(manifest, indent=1, default=str) + "\n",
                     self.folder / "manifest.json")


def load_runs(folder: Path) -> pd.DataFrame:
    """The per-run summary table of a results folder."""
    return pd.read_parquet(Path(folder) / "runs").sort_values("run_id").reset_index(drop=True)


def load_steps(folder: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """The recorded steps of every finished run."""
    return pd.read_parquet(Path(folder) / "steps", columns=columns)


def load_manifest(folder: Path) -> dict:
    path = Path(folder) / "manifest.json"
    if not path.exists():
        raise SpecError(f"{folder} holds no sweep results (no manifest.json)")
    return json.loads(path.read_text())
