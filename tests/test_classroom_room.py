"""Classroom rooms at their API: tokens, roles, rounds, timers, limits, expiry (no browser)."""

import pytest

from viz.classroom import room as rooms
from viz.classroom.room import MAX_PARTICIPANTS, NAME_MAX, Registry, RoomError

STAFF = {"casework": 16, "meetings": 9, "forums": 0, "proposals": 2, "outreach": 3,
         "reports": 2, "meet_with": "police_city"}


class Clock:
    """A clock the test moves by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def decision_for(room, player):
    kind = room.run.role_by_key[player.role].kind
    return {"staff": STAFF, "volunteer": {"extra_case": True}, "agency": {"refers": False}}[kind]


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def registry(clock):
    return Registry(clock=clock)


def test_an_action_on_another_students_role_is_refused(registry):
    room = registry.create(seed=1)
    ani, budi = room.join("Ani"), room.join("Budi")
    with pytest.raises(RoomError) as err:
        room.submit(ani.token, budi.role, decision_for(room, budi))
    assert err.value.key == "error.not_your_role"
    assert room.pending == {}


def test_a_made_up_token_can_do_nothing(registry):
    room = registry.create(seed=1)
    ani = room.join("Ani")
    for token in ("", "x" * 32, None, room.teacher_token):
        with pytest.raises(RoomError) as err:
            room.submit(token, ani.role, decision_for(room, ani))
        assert err.value.key == "error.token"


def test_teacher_actions_need_the_teacher_token(registry):
    room = registry.create(seed=1)
    ani = room.join("Ani")
    for action in (lambda tok: room.next_round(tok), lambda tok: room.set_paused(tok, True),
                   lambda tok: room.set_timer(tok, 60), lambda tok: room.remove(tok, ani.id),
                   lambda tok: room.end(tok), lambda tok: room.decisions_csv(tok)):
        for token in (ani.token, "", None):
            with pytest.raises(RoomError) as err:
                action(token)
            assert err.value.key == "error.teacher"
    assert room.round == 0 and not room.paused and not room.ended and len(room.players) == 1


def test_the_round_advances_when_every_role_present_has_decided(registry):
    room = registry.create(seed=2)
    players = [room.join(f"S{i}") for i in range(5)]
    for p in players[:-1]:
        room.submit(p.token, p.role, decision_for(room, p))
        assert room.round == 0
    room.submit(players[-1].token, players[-1].role, decision_for(room, players[-1]))
    assert room.round == 1 and room.pending == {}


def test_more_students_than_roles_share_roles_in_teams(registry):
    room = registry.create(seed=3)
    n_roles = len(room.run.roles)
    players = [room.join(f"S{i}") for i in range(n_roles + 5)]
    counts = {}
    for p in players:
        counts[p.role] = counts.get(p.role, 0) + 1
    assert set(counts) == {r.key for r in room.run.roles}
    assert max(counts.values()) - min(counts.values()) <= 1
    # one decision per team is enough; the round then waits for no one else
    first_of_each = {}
    for p in players:
        first_of_each.setdefault(p.role, p)
    for p in first_of_each.values():
        room.submit(p.token, p.role, decision_for(room, p))
    assert room.round == 1


def test_the_61st_student_gets_a_clear_refusal(registry):
    room = registry.create(seed=4)
    for i in range(MAX_PARTICIPANTS):
        room.join(f"S{i}")
    with pytest.raises(RoomError) as err:
        room.join("One too many")
    assert err.value.key == "error.full" and str(MAX_PARTICIPANTS) in str(err.value)
    assert len(room.players) == MAX_PARTICIPANTS


@pytest.mark.parametrize("name, key", [("", "error.name_empty"), ("   \n\t ", "error.name_empty"),
                                       ("x" * 10_240, "error.name_long"),
                                       ("y" * (NAME_MAX + 1), "error.name_long")])
def test_bad_nicknames_are_refused_by_name(registry, name, key):
    room = registry.create(seed=5)
    with pytest.raises(RoomError) as err:
        room.join(name)
    assert err.value.key == key and room.players == {}


def test_a_nickname_keeps_its_characters_but_not_control_characters(registry):
    room = registry.create(seed=5)
    p = room.join("  <b>Siti</b>\x00\u202e  ")
    assert p.name == "<b>Siti</b>"     # shown escaped by the page, never as markup


def test_a_wrong_code_names_the_problem(registry):
    registry.create(seed=6)
    with pytest.raises(RoomError) as err:
        registry.get("NOPE1")
    assert err.value.key == "error.code"


def test_codes_are_read_in_any_case_and_with_spaces(registry):
    room = registry.create(seed=6)
    code = room.code.lower()
    assert registry.get(f" {code[:2]} {code[2:]} ") is room


def test_rejoining_with_the_token_gives_the_same_role(registry):
    room = registry.create(seed=7)
    first = room.join("Ani")
    again = room.rejoin(first.token)
    assert (again.id, again.role, again.name) == (first.id, first.role, first.name)
    assert len(room.players) == 1


def test_a_student_who_left_hands_her_role_back_after_the_timeout(registry, clock):
    room = registry.create(seed=8)
    stays, leaves = room.join("Ani"), room.join("Budi")
    room.submit(stays.token, stays.role, decision_for(room, stays))
    assert room.round == 0                     # still waiting for Budi
    clock.now += rooms.LEAVE_SECONDS + 1
    room.seen(stays.token)
    room.tick()
    assert room.round == 1                     # Budi's role went to the model's rules
    assert room.run.rounds[0].deciders == {stays.role: stays.id}
    room.seen(leaves.token)                    # back again: waited for once more
    assert leaves.role in room.waited_roles()


def test_the_timer_advances_the_round_and_pause_stops_it(registry, clock):
    room = registry.create(seed=9)
    room.join("Ani")
    room.set_timer(room.teacher_token, 60)
    clock.now += 30
    room.set_paused(room.teacher_token, True)
    clock.now += 600
    room.tick()
    assert room.round == 0 and room.seconds_left() == pytest.approx(30)
    room.set_paused(room.teacher_token, False)
    clock.now += 31
    room.tick()
    assert room.round == 1


def test_removing_a_student_voids_her_token(registry):
    room = registry.create(seed=10)
    ani = room.join("Ani")
    room.remove(room.teacher_token, ani.id)
    with pytest.raises(RoomError) as err:
        room.rejoin(ani.token)
    assert err.value.key == "error.token"


def test_a_room_idle_for_four_hours_ends_and_is_forgotten(registry, clock):
    room = registry.create(seed=11)
    room.join("Ani")
    clock.now += rooms.IDLE_SECONDS - 1
    registry.tick()
    assert registry.get(room.code) is room
    clock.now += 2
    registry.tick()
    assert room.ended and registry.rooms == {}
    with pytest.raises(RoomError):
        registry.get(room.code)


def test_an_ended_room_refuses_actions_and_leaves_the_registry(registry):
    room = registry.create(seed=12)
    ani = room.join("Ani")
    room.next_round(room.teacher_token)
    debrief = room.end(room.teacher_token)
    assert debrief.rounds == 1
    with pytest.raises(RoomError) as err:
        room.submit(ani.token, ani.role, decision_for(room, ani))
    assert err.value.key == "error.ended"
    registry.tick()
    assert room.code not in registry.rooms


def test_two_rooms_share_nothing(registry):
    a, b = registry.create(seed=13), registry.create(seed=13)
    assert a.code != b.code and a.teacher_token != b.teacher_token
    assert a.run.model is not b.run.model
    ani = a.join("Ani")
    with pytest.raises(RoomError):
        b.rejoin(ani.token)                   # a token of room A means nothing in room B
    with pytest.raises(RoomError):
        b.next_round(a.teacher_token)
    a.submit(ani.token, ani.role, decision_for(a, ani))
    assert a.round == 1 and b.round == 0 and b.players == {}
    b.join("Ani")                              # the same nickname is free in another room


def test_a_decision_out_of_bounds_names_the_field(registry):
    room = registry.create(seed=14)
    players = [room.join(f"S{i}") for i in range(3)]
    staff = next(p for p in players if p.role.startswith("staff"))
    with pytest.raises(RoomError) as err:
        room.submit(staff.token, staff.role, {**STAFF, "meetings": 999})
    assert "meetings" in str(err.value)
    agency = next(p for p in players if p.role.startswith("agency"))
    with pytest.raises(RoomError) as err:
        room.submit(agency.token, agency.role, {"refers": "maybe"})
    assert "refers" in str(err.value)


def test_the_csv_export_has_every_decision_sent(registry):
    room = registry.create(seed=15)
    ani, budi = room.join("Ani"), room.join("Budi, \"the\" tester")
    room.submit(ani.token, ani.role, decision_for(room, ani))
    room.submit(ani.token, ani.role, decision_for(room, ani) | {"casework": 10})
    room.submit(budi.token, budi.role, decision_for(room, budi))
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(room.decisions_csv(room.teacher_token))))
    assert len(rows) == 3
    assert [r["name"] for r in rows] == ["Ani", "Ani", "Budi, \"the\" tester"]
    assert [r["applied"] for r in rows] == ["False", "True", "True"]
    assert rows[1]["casework"] == "10.0" and rows[0]["round"] == "1"
