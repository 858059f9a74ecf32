"""The findings registry: each finding once, in both languages, with settings the model takes."""

import pytest

from experiments.findings import FINDINGS, finding, findings_of
from experiments.patterns import PATTERNS
from model import PARAMETERS, validate

KEYS = ("1", "2.1", "2.2", "2.3", "2.4", "community")


def test_the_study_findings_are_all_there_once():
    assert tuple(f.key for f in FINDINGS) == KEYS


@pytest.mark.parametrize("f", FINDINGS, ids=lambda f: f.key)
def test_each_finding_has_a_claim_in_english_and_indonesian_and_a_source(f):
    assert f.claim["en"] and f.claim["id"] and f.claim["en"] != f.claim["id"]
    assert f.title["en"] and f.title["id"]
    assert "6.1" in f.source


@pytest.mark.parametrize("f", FINDINGS, ids=lambda f: f.key)
def test_switch_and_contrast_are_valid_model_settings(f):
    for settings in (f.switch, f.high, f.low):
        assert settings and set(settings) <= set(PARAMETERS)
        validate(**settings)
    assert f.high != f.low


def test_habitus_findings_are_switched_by_their_use_flag():
    for key, flag in (("2.1", "use_skill"), ("2.2", "use_volunteerism"),
                      ("2.3", "use_accountability"), ("2.4", "use_commitment")):
        assert finding(key).switch == {flag: False}


def test_every_pattern_tests_a_finding_and_uses_its_contrast():
    keys = {p.key for p in PATTERNS}
    assert {k for f in FINDINGS for k in f.patterns} == keys
    arms = {(p.key, a.name): a.params for p in PATTERNS for a in p.arms}
    assert arms[("P4", "skilled")] == finding("2.1").high
    assert arms[("P3", "lapsing")] == finding("2.3").low
    assert arms[("P7", "no outreach")] == finding("community").switch
    assert findings_of("P8") == (finding("1"),)


def test_unknown_finding_is_a_clear_error():
    with pytest.raises(KeyError, match="no finding '9'"):
        finding("9")
