"""A damaged results folder: `analyze` names the damaged file and exits 2; resuming the
sweep runs the damaged or missing runs again; every write is flushed to disk."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from experiments.sweep import run_sweep

SPEC = """\
design = "factorial"
replications = 2
years = 1
seed = 3
outputs = ["intake", "referral_uptake"]

[parameters]
skill = [0.3, 0.7]
"""


@pytest.fixture(scope="module")
def finished(tmp_path_factory):
    """One small finished sweep (4 runs), copied by each test before damaging it."""
    tmp = tmp_path_factory.mktemp("damaged")
    spec = tmp / "spec.toml"
    spec.write_text(SPEC)
    report = run_sweep(spec, tmp / "out", workers=1, progress=False, stream=io.StringIO())
    assert report.done == report.total == 4
    return spec, tmp / "out"


@pytest.fixture
def copy(finished, tmp_path):
    import shutil

    spec, out = finished
    shutil.copytree(out, tmp_path / "out")
    return spec, tmp_path / "out"


def analyze(folder, capsys):
    from cli import main

    code = main(["analyze", str(folder), "--no-progress"])
    return code, capsys.readouterr()


def truncate(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("content", ["{not json", "", '{"spec_hash": "x"', "[]"])
def test_analyze_names_a_damaged_manifest(copy, capsys, content):
    _, out = copy
    (out / "manifest.json").write_text(content)
    code, printed = analyze(out, capsys)
    assert code == 2 and "Traceback" not in printed.err
    assert printed.err.startswith(f"error: {out / 'manifest.json'}: damaged manifest")


def test_analyze_names_a_binary_manifest(copy, capsys):
    _, out = copy
    (out / "manifest.json").write_bytes(b"\x00\xff\xfe garbage")
    code, printed = analyze(out, capsys)
    assert code == 2 and f"{out / 'manifest.json'}: a binary file" in printed.err


@pytest.mark.parametrize("folder", ["runs", "steps"])
def test_analyze_names_a_truncated_part(copy, capsys, folder):
    _, out = copy
    part = out / folder / "run-000002.parquet"
    truncate(part)
    code, printed = analyze(out, capsys)
    assert code == 2 and "Traceback" not in printed.err
    assert printed.err.startswith(f"error: {part}: damaged results file")


def test_resume_runs_truncated_and_missing_parts_again(copy):
    spec, out = copy
    before = pd.read_parquet(out / "runs").sort_values("run_id").reset_index(drop=True)
    truncate(out / "runs" / "run-000001.parquet")
    truncate(out / "steps" / "run-000002.parquet")
    (out / "runs" / "run-000003.parquet").unlink()
    stream = io.StringIO()
    report = run_sweep(spec, out, workers=1, progress=False, stream=stream)
    assert (report.skipped, report.done, report.damaged) == (1, 3, 2)
    assert "damaged result file(s) removed" in stream.getvalue()
    after = pd.read_parquet(out / "runs").sort_values("run_id").reset_index(drop=True)
    metrics = [c for c in before.columns if c not in ("seconds",)]
    pd.testing.assert_frame_equal(before[metrics], after[metrics])


def test_resume_rebuilds_a_damaged_manifest_of_this_sweep(copy):
    spec, out = copy
    (out / "manifest.json").write_text("{trunc")
    report = run_sweep(spec, out, workers=1, progress=False, stream=io.StringIO())
    assert (report.skipped, report.ran) == (4, 0)
    assert json.loads((out / "manifest.json").read_text())["runs_done"] == 4


def test_resume_refuses_a_damaged_manifest_it_cannot_vouch_for(copy):
    from experiments.spec import SpecError

    spec, out = copy
    (out / "manifest.json").write_text("{trunc")
    (out / "plan.parquet").write_bytes(b"PAR1")
    with pytest.raises(SpecError, match=rf"^{out / 'manifest.json'} is damaged"):
        run_sweep(spec, out, workers=1, progress=False, stream=io.StringIO())


def test_atomic_writes_flush_the_file_and_its_folder(tmp_path, monkeypatch):
    import os
    import stat

    from experiments import store

    flushed = []
    real = os.fsync

    def spy(fd):
        flushed.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real(fd)

    monkeypatch.setattr(store.os, "fsync", spy)
    store._atomic_write(pd.DataFrame({"a": [1]}), tmp_path / "x.parquet")
    assert flushed == ["file", "folder"]
    flushed.clear()
    store._atomic_text("{}", tmp_path / "m.json")
    assert flushed == ["file", "folder"]
