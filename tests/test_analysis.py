"""`run.py analyze`: statistics, sensitivity indices, figures and the report, on real sweeps.

Four small sweeps are run once per module (a 2x2 factorial, a Sobol, a Morris and a
scenario comparison, a few seconds each) and every test reads their results.
"""

import contextlib
import io
import re
import shutil

import numpy as np
import pandas as pd
import pytest

from experiments.analysis import HEADLINE_METRICS, METRIC_INFO, analyze
from cli import main
from experiments.runner import METRICS
from experiments.spec import SpecError
from experiments.sweep import run_sweep

# Skill 0.1 vs 0.9 changes referral uptake and cases handled strongly: over 20 root seeds
# (checked while writing this test, on the rewritten model of issue 8) 16 paired runs of
# 2 years, skill 0.1 against 0.9, gave paired t = 14 for referral uptake and 12 for referrals
# a year; cases handled (t = 5) are bounded by capacity, so they are not the strong effect.
SPECS = {
    "factorial": """
title = "Skill x accountability (test)"
design = "factorial"
replications = 4
years = 2
seed = 2024
record_every = 4
outputs = ["referral_uptake", "intake", "funds"]
[parameters]
skill = [0.1, 0.9]
accountability = [0.2, 0.8]
""",
    "sobol": """
title = "Sobol (test)"
design = "sobol"
samples = 8
replications = 1
years = 1
seed = 7
record_every = 4
outputs = ["referral_uptake", "funds"]
[parameters]
skill = { min = 0.1, max = 0.9 }
accountability = { min = 0.2, max = 0.9 }
""",
    "morris": """
title = "Morris (test)"
design = "morris"
samples = 4
replications = 2
years = 1
seed = 8
record_every = 4
outputs = ["referral_uptake"]
[parameters]
skill = { min = 0.1, max = 0.9 }
accountability = { min = 0.2, max = 0.9 }
""",
    "scenarios": """
title = "Accountability lapses vs baseline (test)"
design = "scenarios"
scenarios = ["baseline", "accountability_lapses"]
replications = 4
years = 1
seed = 9
record_every = 4
outputs = ["mean_trust", "conflicts"]
""",
}
# The factorial report is limited to three metrics to save figures (and test time); the
# other reports use the default (headline) metrics.
REPORT_ARGS = {"factorial": ["--metrics", "referral_uptake,cases_handled_per_year,funds_end"]}
FACTORS = {"factorial": ["skill", "accountability"], "sobol": ["skill", "accountability"],
           "morris": ["skill", "accountability"], "scenarios": []}


@pytest.fixture(scope="module")
def sweep_dir(tmp_path_factory):
    """The results folder of a design's sweep, run on first use (on one local worker:
    results do not depend on the number, tests/test_sweep.py, and one process starts
    faster than two)."""
    made = {}

    def get(design):
        if design not in made:
            root = tmp_path_factory.mktemp(design)
            spec = root / f"{design}.toml"
            spec.write_text(SPECS[design])
            report = run_sweep(spec, root / "results", workers=1, progress=False)
            assert not report.failed
            made[design] = root / "results"
        return made[design]
    return get


@pytest.fixture(scope="module")
def report_of(sweep_dir, tmp_path_factory):
    """(report folder, stdout) of `run.py analyze DIR --out REPORT` for a design."""
    made = {}

    def get(design):
        if design not in made:
            out = tmp_path_factory.mktemp(f"{design}-report")
            stdout, stderr = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                code = main(["analyze", str(sweep_dir(design)), "--out", str(out),
                             "--no-progress", *REPORT_ARGS.get(design, [])])
            assert code == 0, stderr.getvalue()
            made[design] = (out, stdout.getvalue())
        return made[design]
    return get


@pytest.fixture(scope="module")
def analysis_of(sweep_dir):
    made = {}

    def get(design):
        if design not in made:
            made[design] = analyze(sweep_dir(design))
        return made[design]
    return get


# --- small statistics ---------------------------------------------------------------------
def test_headline_metrics_exist_and_every_metric_has_a_label():
    assert set(HEADLINE_METRICS) <= set(METRICS)
    assert set(METRICS) <= set(METRIC_INFO)


# --- per-point summaries and comparisons --------------------------------------------------
@pytest.mark.parametrize("design", ["factorial", "scenarios"])
def test_point_cis_contain_the_mean(analysis_of, design):
    points = analysis_of(design).points
    assert set(points["metric"]) == set(HEADLINE_METRICS)
    assert (points["n"] == 4).all()
    with_ci = points[points["ci_method"] != "none"]
    assert len(with_ci) == len(points)
    assert (with_ci["ci_low"] <= with_ci["ci_high"]).all()
    assert (with_ci["ci_low"] <= with_ci["mean"] + 1e-12).all()
    assert (with_ci["mean"] <= with_ci["ci_high"] + 1e-12).all()


def test_point_table_names_the_settings(analysis_of):
    points = analysis_of("factorial").points
    assert {"skill", "accountability"} <= set(points.columns)
    assert sorted(set(zip(points["skill"], points["accountability"]))) == \
        [(0.1, 0.2), (0.1, 0.8), (0.9, 0.2), (0.9, 0.8)]
    scen = analysis_of("scenarios").points
    assert list(dict.fromkeys(scen["scenario"])) == ["baseline", "accountability_lapses"]


def test_bootstrap_is_reproducible_whatever_metrics_are_asked(analysis_of, sweep_dir):
    full = analysis_of("factorial").points
    again = analyze(sweep_dir("factorial"), metrics=["funds_end"]).points
    mine = full[full["metric"] == "funds_end"].reset_index(drop=True)
    pd.testing.assert_frame_equal(mine, again.reset_index(drop=True))


@pytest.mark.parametrize("design", ["factorial", "scenarios"])
def test_comparisons_are_consistent(analysis_of, design):
    table = analysis_of(design).comparisons
    expected = 2 if design == "factorial" else 1
    assert len(table) == expected * len(HEADLINE_METRICS)
    for test in ("welch", "mw", "paired"):      # each test named in its columns
        assert f"{test}_p" in table and f"{test}_p_holm" in table
        ok = table[f"{test}_p"].notna()
        assert (table.loc[ok, f"{test}_p_holm"] >= table.loc[ok, f"{test}_p"] - 1e-12).all()
    finite = table[np.isfinite(table["hedges_g"]) & (table["diff"] != 0)]
    assert len(finite) > 0
    assert (np.sign(finite["hedges_g"]) == np.sign(finite["diff"])).all()
    ci = table[table["diff_low"].notna()]
    assert (ci["diff_low"] <= ci["diff"] + 1e-9).all()
    assert (ci["diff"] <= ci["diff_high"] + 1e-9).all()
    # common random numbers: every run has a partner with the same seed
    assert (table["n_pairs"] == (8 if design == "factorial" else 4)).all()
    assert np.allclose(table["paired_diff"], table["diff"])


def test_a_strong_effect_is_found(sweep_dir):
    table = analyze(sweep_dir("factorial"),
                    metrics=["referral_uptake", "referrals_per_year"]).comparisons
    skill = table[table["factor"] == "skill"].set_index("metric")
    for metric in ("referral_uptake", "referrals_per_year"):
        row = skill.loc[metric]
        assert (row["reference"], row["other"]) == (0.1, 0.9)
        assert row["diff"] > 0 and row["diff_low"] > 0
        assert row["welch_p_holm"] < 0.05 and row["paired_p_holm"] < 0.05
        assert row["hedges_g"] > 0


# --- sensitivity --------------------------------------------------------------------------
@pytest.mark.parametrize("design,columns", [
    ("sobol", ["S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high"]),
    ("morris", ["mu_star", "mu_star_low", "mu_star_high", "mu", "sigma"]),
])
def test_sensitivity_tables(analysis_of, design, columns):
    result = analysis_of(design)
    assert result.sensitivity_kind == design
    table = result.sensitivity
    assert {"referral_uptake", "cases_handled_per_year"} <= set(table["metric"])
    for metric, part in table.groupby("metric"):
        assert sorted(part["factor"]) == sorted(FACTORS[design]), metric
        assert np.isfinite(part[columns].to_numpy(float)).all(), metric
    # metrics left out are explained in a note (e.g. the same value at every point)
    for metric in set(HEADLINE_METRICS) - set(table["metric"]):
        assert any(metric in note for note in result.notes)


def test_morris_ranks_skill_first_for_referral_uptake(analysis_of):
    table = analysis_of("morris").sensitivity
    part = table[table["metric"] == "referral_uptake"].set_index("factor")
    assert part.loc["skill", "mu_star"] > part.loc["accountability", "mu_star"]


# --- the report ---------------------------------------------------------------------------
@pytest.mark.parametrize("design", ["factorial", "sobol", "morris", "scenarios"])
def test_report_mentions_factors_and_links_existing_figures(report_of, design):
    out, stdout = report_of(design)
    report = out / "report.md"
    assert report.exists() and f"Report: {report}" in stdout
    text = report.read_text()
    for factor in FACTORS[design]:
        assert f"`{factor}`" in text
    if design == "scenarios":
        assert "baseline" in text and "accountability_lapses" in text
    pngs = re.findall(r"!\[[^]]*\]\(([^)]+\.png)\)", text)
    svgs = re.findall(r"\[SVG\]\(([^)]+\.svg)\)", text)
    assert pngs and len(pngs) == len(svgs)
    for link in pngs + svgs:
        assert not link.startswith("/")                 # relative links
        assert (out / link).stat().st_size > 0, link
    assert {p[:-4] for p in pngs} == {s[:-4] for s in svgs}
    expected = {"factorial": "heatmap_referral_uptake.png", "sobol": "sensitivity_sobol.png",
                "morris": "sensitivity_morris.png", "scenarios": "scenarios.png"}[design]
    assert f"figures/{expected}" in pngs
    assert (out / "tables" / "points.csv").exists()
    for heading in ("## What was run", "## Key findings", "## Results by design point",
                    "## Figures", "## Methods"):
        assert heading in text


def test_report_findings_come_from_the_tables(report_of, analysis_of):
    out, _ = report_of("factorial")
    text = (out / "report.md").read_text()
    for name in ("Welch", "Mann-Whitney", "paired t-test", "Holm", "Hedges"):
        assert name in text
    row = analysis_of("factorial").comparisons.set_index(["factor", "metric"]) \
        .loc[("skill", "referral_uptake")]
    sentence = next(line for line in text.splitlines()
                    if line.startswith("- Raising `skill` from 0.1 to 0.9 raises referral uptake"))
    assert f"Welch t = {row['welch_t']:.2f}" in sentence
    assert f"from {row['mean_ref']:.3f} to {row['mean_other']:.3f}" in sentence
    assert "4 replication(s)" in text and "root seed 2024" in text


def test_report_folder_defaults_to_the_results_folder(sweep_dir, tmp_path):
    results = tmp_path / "copy"
    shutil.copytree(sweep_dir("scenarios"), results)
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        assert main(["analyze", str(results), "--metrics", "mean_trust_end,conflicts_per_year",
                     "--no-progress"]) == 0
    text = (results / "report.md").read_text()
    assert "conflicts with agencies per year" in text and "funds at the end" not in text
    assert (results / "figures" / "scenarios.svg").exists()


# --- errors -------------------------------------------------------------------------------
def _analyze_error(args):
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        code = main(["analyze", *args, "--no-progress"])
    return code, stderr.getvalue()


def test_empty_or_missing_folder_is_a_clear_error(tmp_path):
    code, err = _analyze_error([str(tmp_path)])
    assert code == 2 and err.startswith("error: ") and "no manifest.json" in err
    code, err = _analyze_error([str(tmp_path / "nowhere")])
    assert code == 2 and "no such folder" in err
    assert "Traceback" not in err


def test_folder_without_finished_runs_is_a_clear_error(sweep_dir, tmp_path):
    shutil.copy(sweep_dir("scenarios") / "manifest.json", tmp_path / "manifest.json")
    code, err = _analyze_error([str(tmp_path)])
    assert code == 2 and "no finished runs" in err
    with pytest.raises(SpecError):
        analyze(tmp_path)


def test_unknown_metric_is_a_clear_error(sweep_dir):
    code, err = _analyze_error([str(sweep_dir("scenarios")), "--metrics", "happiness"])
    assert code == 2 and "unknown metric(s) happiness" in err


def test_range_effects_compare_the_extreme_fifths():
    from types import SimpleNamespace

    from experiments.analysis import range_effects

    rng = np.random.default_rng(0)
    x = rng.uniform(0, 10, 400)
    z = rng.uniform(0, 1, 400)
    done = pd.DataFrame({"a": x, "b": z, "m": 2.0 * x + rng.normal(0, 1, 400)})
    res = SimpleNamespace(manifest={"factors": {"a": [0, 10], "b": [0, 1]}}, metrics=["m"],
                          factors=["a", "b"], done=done)
    table = range_effects(res).set_index("factor")
    low, high = x <= 2, x >= 8
    assert table.loc["a", "diff"] == pytest.approx(done.m[high].mean() - done.m[low].mean())
    assert table.loc["a", "ci_low"] < table.loc["a", "diff"] < table.loc["a", "ci_high"]
    assert 14 < table.loc["a", "diff"] < 18 and table.loc["a", "p"] < 1e-6   # slope 2 x 8
    assert table.loc["b", "ci_low"] < 0 < table.loc["b", "ci_high"]         # b does nothing
