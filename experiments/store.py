"""The results folder of a sweep: a manifest, the run plan, and one Parquet part per run.

Layout of ``DIR``::

    manifest.json        spec, spec hash, versions, code version, run counts, failed runs
    plan.parquet         every run: run_id, point, replicate, seed and the swept parameters
    runs/run-NNNNNN.parquet   one row per finished run: plan columns, status, error, metrics
    steps/run-NNNNNN.parquet  the recorded steps of that run (kept outputs only)

Each part is written to a hidden temporary file, flushed to disk (fsync) and renamed
into place, and the folder is flushed too; the run's row in ``runs/`` is written
last: a run counts as done only when that row exists, so a sweep killed at any
moment (even by SIGKILL mid-write) resumes without losing or repeating a finished
run. A part damaged afterwards (a truncated copy, a full disk) is found when the
sweep resumes, removed, and its run done again. Read the results with
``pandas.read_parquet(DIR / "runs")`` and ``pandas.read_parquet(DIR / "steps")``.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from model import DEFAULTS, PARAMETERS

from .design import Run, iter_runs, plan_size
from .runner import METRICS, execute
from .single import versions
from .spec import SpecError, Sweep, read_text

ROOT = Path(__file__).resolve().parent.parent
#: Rows of plan.parquet built in memory at a time.
PLAN_CHUNK = 10_000
#: The key under which plan.parquet records the spec hash of its sweep.
HASH_KEY = b"kolaborasi_spec_hash"


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


def _fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename) to disk."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace_durably(tmp: Path, target: Path) -> None:
    """Rename a flushed temporary file into place and flush the folder."""
    os.replace(tmp, target)
    _fsync_folder(target.parent)


def _atomic_write(df: pd.DataFrame | pa.Table, target: Path) -> None:
    """Write a Parquet file under a hidden temporary name, flush it, rename it into place.

    The rename is atomic, so a process killed at any moment leaves either the whole
    file or none (a leftover temporary file is removed when the folder is reopened);
    the fsyncs make the file survive a crash of the machine too.
    """
    table = df if isinstance(df, pa.Table) else pa.Table.from_pandas(df, preserve_index=False)
    tmp = target.with_name(f".tmp-{os.getpid()}-{target.name}")
    with open(tmp, "wb") as f:
        pq.write_table(table, f)
        f.flush()
        os.fsync(f.fileno())
    _replace_durably(tmp, target)


def _atomic_text(text: str, target: Path) -> None:
    tmp = target.with_name(f".tmp-{os.getpid()}-{target.name}")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    _replace_durably(tmp, target)


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


def execute_and_store(task: dict) -> dict:
    """Run one simulation and write it into the results folder from this (worker) process.

    Local workers store their own runs, so the sweep process only keeps count; the
    returned result carries no steps.
    """
    result = execute(task)
    write_result(task["store"], task["row"], result)
    return {**result, "steps": None, "stored": True}


def _readable_part(path: Path, columns=None) -> pa.Table | None:
    """A Parquet part's table (or only its footer when ``columns`` is None), or None when
    the file is damaged (truncated, not Parquet)."""
    try:
        if columns is None:
            pq.read_metadata(path)
            return pa.table({})
        return pq.read_table(path, columns=columns)
    except (OSError, pa.ArrowException, ValueError):
        return None


class ResultStore:
    """Where a sweep's results go, run by run. The plan is streamed, never held whole."""

    #: What a sweep puts in its folder (a folder holding only these is a sweep's).
    _OWN = {"manifest.json", "plan.parquet", "runs", "steps"}

    def __init__(self, folder: Path, sweep: Sweep):
        self.folder = Path(folder)
        self.sweep = sweep
        self.total = plan_size(sweep)
        self.runs_dir = self.folder / "runs"
        self.steps_dir = self.folder / "steps"
        names = set(sweep.base) | set(sweep.factors)
        for params in sweep.scenario_params:
            names |= set(params)
        self.factor_names = sorted(names)
        #: Parts found damaged (and removed) when the folder was opened.
        self.damaged: list[Path] = []

    # --- opening ----------------------------------------------------------------------
    def open(self) -> np.ndarray:
        """Create the folder or check it holds this sweep; return which runs are done
        (a boolean array indexed by run_id)."""
        manifest = self.folder / "manifest.json"
        try:
            if manifest.exists():
                self._check_manifest(manifest)
            elif self.folder.exists() and any(p.name not in self._OWN and not
                                              p.name.startswith(".tmp-")
                                              for p in self.folder.iterdir()):
                raise SpecError(f"{self.folder} is not empty and holds no sweep manifest; "
                                "use another --out folder")
            self.folder.mkdir(parents=True, exist_ok=True)
            if not manifest.exists():      # the manifest first: it marks the folder as ours
                self.write_manifest(done=0, failed={})
            self.runs_dir.mkdir(exist_ok=True)
            self.steps_dir.mkdir(exist_ok=True)
            for leftover in list(self.runs_dir.glob(".tmp-*")) + \
                    list(self.steps_dir.glob(".tmp-*")) + list(self.folder.glob(".tmp-*")):
                leftover.unlink()
            if self._plan_hash() != self.sweep.spec_hash.encode():
                self.write_plan()
        except OSError as err:
            raise SpecError(f"output folder {self.folder} cannot be written: "
                            f"{err.strerror or err}") from None
        return self.finished()

    def _check_manifest(self, manifest: Path) -> None:
        """The manifest must be this sweep's. A damaged one is rebuilt when plan.parquet
        shows the folder holds this sweep; otherwise the folder is refused."""
        try:
            held = json.loads(read_text(manifest, "a JSON file"))
            if not isinstance(held, dict):
                raise ValueError("not a JSON object")
        except (SpecError, ValueError) as err:
            if self._plan_hash() == self.sweep.spec_hash.encode():
                self.write_manifest(done=0, failed={})   # rebuilt; counts follow at the end
                return
            reason = str(err).removeprefix(f"{manifest}: ")
            raise SpecError(f"{manifest} is damaged ({reason}) and plan.parquet does not "
                            "show which sweep this folder holds; use another --out folder, "
                            "or delete this one to start afresh") from None
        if held.get("spec_hash") != self.sweep.spec_hash:
            raise SpecError(
                f"{self.folder} holds results of a different sweep "
                f"(spec {held.get('spec_file')}, hash {held.get('spec_hash')}; this "
                f"spec {self.sweep.path} has hash {self.sweep.spec_hash}). "
                "Use another --out folder, or delete that one to start afresh.")

    def _plan_hash(self) -> bytes | None:
        """The spec hash recorded in plan.parquet, or None (missing or damaged)."""
        try:
            meta = pq.read_schema(self.folder / "plan.parquet").metadata or {}
        except (OSError, pa.ArrowException, ValueError):
            return None
        return meta.get(HASH_KEY)

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

    def write_plan(self) -> None:
        """plan.parquet, written chunk by chunk (memory stays flat for any plan size),
        with the spec hash in its metadata."""
        target = self.folder / "plan.parquet"
        tmp = target.with_name(f".tmp-{os.getpid()}-{target.name}")
        writer = None
        chunk = []

        def flush():
            nonlocal writer
            table = pa.Table.from_pylist(chunk)
            if writer is None:
                schema = table.schema.with_metadata({HASH_KEY: self.sweep.spec_hash.encode()})
                writer = pq.ParquetWriter(tmp, schema)
            writer.write_table(table.cast(writer.schema))
            chunk.clear()

        try:
            for run in iter_runs(self.sweep):
                chunk.append(self.plan_row(run))
                if len(chunk) >= PLAN_CHUNK:
                    flush()
            if chunk or writer is None:
                flush()
        finally:
            if writer is not None:
                writer.close()
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        _replace_durably(tmp, target)

    def finished(self) -> np.ndarray:
        """Which runs are done: their summary row is on disk, readable, says 'done', and
        their steps part (if the sweep keeps steps) is readable too. Damaged parts are
        removed, so their runs are done again; they are listed in ``self.damaged``.

        Read part by part: one read of the whole folder is faster, but Arrow keeps the
        memory it took, and a sweep's memory must not grow with its size.
        """
        done = np.zeros(self.total, dtype=bool)
        for path in self.runs_dir.glob("run-*.parquet"):
            table = _readable_part(path, ["run_id", "status"])
            steps = self.steps_dir / path.name
            if table is None or table.num_rows != 1:
                self._discard(path, steps)
                continue
            run_id, status = (table.column(c)[0].as_py() for c in ("run_id", "status"))
            if not (isinstance(run_id, int) and 0 <= run_id < self.total):
                self._discard(path, steps)
                continue
            if status == "done":
                if _readable_part(steps) is None:   # missing or damaged steps
                    self._discard(steps, path)
                    continue
                done[run_id] = True
        return done

    def _discard(self, bad: Path, *others: Path) -> None:
        """Remove a damaged part (listed in ``damaged``) and the other parts of its run."""
        self.damaged.append(bad)
        for path in (bad, *others):
            path.unlink(missing_ok=True)

    # --- writing -------------------------------------------------------------------------
    def write(self, row: dict, result: dict) -> None:
        """Store one finished (or failed) run: its steps first, then its summary row."""
        write_result(self.folder, row, result)

    def write_manifest(self, done: int, failed: dict) -> None:
        """The manifest: what was asked, with which code, and how many runs stand where."""
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
            "runs_total": self.total,
            "runs_done": int(done),
            "runs_failed": len(failed),
            "runs_pending": self.total - int(done) - len(failed),
            "failed": [{"run_id": k, **v} for k, v in sorted(failed.items())],
            "versions": versions(),
            "code_version": code_version(),
            "updated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        _atomic_text(json.dumps(manifest, indent=1, default=str) + "\n",
                     self.folder / "manifest.json")


def read_parts(directory: Path, columns=None) -> pd.DataFrame:
    """All run-*.parquet parts of runs/ or steps/ as one table; a damaged part is a
    SpecError naming it.

    Reads the folder as one dataset when the parts share a schema, else part by part: a
    scenario sweep's parts can disagree (a parameter one scenario leaves at its default
    is stored as null there and as a number elsewhere), which a dataset read refuses.
    """
    directory = Path(directory)
    try:
        return pd.read_parquet(directory, columns=columns)
    except Exception:  # pyarrow schema conflicts and damaged parts come in several types
        pass
    frames = []
    for part in sorted(directory.glob("run-*.parquet")):
        try:
            frames.append(pd.read_parquet(part, columns=columns))
        except Exception as err:  # pyarrow reports damage in several exception types
            reason = str(err).splitlines()[0] if str(err) else type(err).__name__
            raise SpecError(f"{part}: damaged results file ({reason}); re-run the sweep "
                            "command on this folder to run it again") from None
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)


def load_runs(folder: Path) -> pd.DataFrame:
    """The per-run summary table of a results folder."""
    return read_parts(Path(folder) / "runs").sort_values("run_id").reset_index(drop=True)


def load_steps(folder: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """The recorded steps of every finished run."""
    return read_parts(Path(folder) / "steps", columns=columns)


def load_manifest(folder: Path) -> dict:
    """A results folder's manifest; a missing or damaged one is a SpecError naming it."""
    path = Path(folder) / "manifest.json"
    if not path.exists():
        raise SpecError(f"{folder} holds no sweep results (no manifest.json)")
    try:
        manifest = json.loads(read_text(path, "a JSON file"))
    except ValueError as err:
        raise SpecError(f"{path}: damaged manifest (not valid JSON: {err}); re-run the "
                        "sweep command on this folder to rebuild it") from None
    needed = ("runs_total", "replications", "design")
    if not isinstance(manifest, dict) or any(k not in manifest for k in needed):
        raise SpecError(f"{path}: damaged manifest (it lacks runs_total, replications or "
                        "design); re-run the sweep command on this folder to rebuild it")
    return manifest
