"""The class's run: months of weeks, decisions on the model's hooks, the debrief on the same seed."""

import math

import pandas as pd

from model import AGENCY_KEYS
from viz.classroom.debrief import RULES, make_debrief
from viz.classroom.engine import ClassRun, make_roles, round_weeks
from viz.classroom.room import Registry
from viz.classroom.text import TEXT


def test_twelve_rounds_make_a_year_of_52_weeks_in_months_of_4_or_5():
    weeks = [round_weeks(i) for i in range(24)]
    assert sum(weeks[:12]) == 52 and sum(weeks[12:]) == 52
    assert set(weeks) == {4, 5}


def test_roles_cover_every_staff_member_volunteer_and_agency_once():
    roles = make_roles(3, 2)
    keys = [r.key for r in roles]
    assert len(keys) == len(set(keys)) == 3 + 2 + len(AGENCY_KEYS)
    assert [r.kind for r in roles[:3]] == ["staff", "agency", "volunteer"]


def test_a_class_that_decides_nothing_is_the_model_with_its_own_rules():
    run = ClassRun(seed=21)
    for _ in range(6):
        run.play_round({})
    played = run.model.datacollector.get_model_vars_dataframe()
    rules = run.rules_twin().datacollector.get_model_vars_dataframe()
    pd.testing.assert_frame_equal(played, rules)


def test_an_agency_contact_who_never_refers_sends_nobody():
    run = ClassRun(seed=22)
    key = "police_city"
    for _ in range(12):
        run.play_round({f"agency-{key}": {"refers": False}})
    assert run.model.agencies[key].referrals_made == 0
    assert sum(r.flows[f"referrals_{key}"] for r in run.rounds) == 0
    assert sum(r.flows["referred"] for r in run.rounds) > 0   # the others still refer


def test_a_staff_plan_sets_her_meetings_and_whom_she_meets():
    def play(meeting_hours):
        run = ClassRun(seed=23)
        plan = {"casework": 8, "meetings": meeting_hours, "forums": 0, "proposals": 0,
                "outreach": 0, "reports": 0, "meet_with": "dinsos_city"}
        member = run.agent(run.role_by_key["staff-1"])
        result = run.play_round({"staff-1": plan}, {"staff-1": "p1"})
        assert member.plan is None and member.meet_with is None     # hooks handed back
        tie = member.ties[run.model.agencies["dinsos_city"].index]
        return result.contributions["staff-1"]["meetings"], tie

    busy, idle = play(24), play(0)
    assert busy[0] >= idle[0] + 4 * 4       # at least four more meetings a week of 4 weeks
    assert busy[1] > idle[1]


def test_the_same_seed_and_decisions_give_the_same_class_run():
    def play():
        run = ClassRun(seed=24)
        for i in range(5):
            run.play_round({"volunteer-1": {"extra_case": i % 2 == 0},
                            "agency-uptd_ppa_city": {"refers": True}})
        return run.model.datacollector.get_model_vars_dataframe()

    pd.testing.assert_frame_equal(play(), play())


def test_the_debrief_credits_each_player_and_the_rules_for_the_rest():
    room = Registry().create(seed=25)
    ani = room.join("Ani")
    room.submit(ani.token, ani.role, {"casework": 10, "meetings": 12, "forums": 0,
                                      "proposals": 0, "outreach": 0, "reports": 0,
                                      "meet_with": ""})
    room.next_round(room.teacher_token)          # round 2: Ani did not decide
    debrief = make_debrief(room)
    mine = [c for c in debrief.contributions if c[0] == ani.id]
    assert [(c[1], c[2]) for c in mine] == [("Ani", ani.role)]
    assert mine[0][3]["meetings"] > 0
    assert any(c[0] == RULES and c[2] == ani.role for c in debrief.contributions)
    assert debrief.weeks == round_weeks(0) + round_weeks(1) and debrief.rounds == 2


def test_findings_follow_the_numbers_they_describe():
    room = Registry().create(seed=26)
    for _ in range(12):
        room.run.play_round({f"agency-{k}": {"refers": k.endswith("city")} for k in AGENCY_KEYS})
    debrief = make_debrief(room)
    findings = {f.key: f for f in debrief.findings}
    for f in findings.values():
        if f.showed is not None:
            assert not any(math.isnan(v) for v in f.values.values())   # no NaN behind a verdict
    community = findings["community"]
    assert community.showed == (community.values["groups"] > 0 or community.values["brought"] > 0)
    referred = {name: (a, b) for name, a, b in debrief.compared}["referred"]
    assert referred[0] == sum(r.flows["referred"] for r in room.run.rounds)


def test_every_classroom_text_has_both_languages_with_the_same_placeholders():
    import string

    def fields(text):
        return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)

    for key, entry in TEXT.items():
        assert set(entry) == {"en", "id"}, key
        assert entry["en"].strip() and entry["id"].strip(), key
        assert fields(entry["en"]) == fields(entry["id"]), key


def test_every_classroom_text_the_pages_ask_for_exists():
    import ast
    from pathlib import Path

    import viz.classroom

    used = set()
    for path in Path(viz.classroom.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                used.add(node.args[0].value)
    from viz.classroom.room import RoomError  # noqa: F401 (its keys are checked below)

    room_keys = {"error.code", "error.name_empty", "error.name_long", "error.name_taken",
                 "error.full", "error.token", "error.teacher", "error.ended",
                 "error.not_your_role", "error.decision", "error.timer", "error.no_player"}
    assert used and (used | room_keys) - set(TEXT) == set()
