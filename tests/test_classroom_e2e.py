"""Classroom mode in a real browser: a teacher and her students on the app server (127.0.0.1).

Skipped without Debian's chromium or the app's packages. One server serves the file;
every person has her own browser context (her own session), as on her own phone. Where
what is checked is the server with a full class (30 or 60 students), a few students use
real pages and the others are seated through the rooms' own API on the same server
(tests/app_with_control.py), which is what their pages would call.

The file keeps its browser contexts (tests/browser.py ``Phones``): when a test ends, each of
its people leaves the app and her context's cookies are cleared, and the next test hands
that context to a new person (a new session, as on a phone handed on). The tests that need only
an open room and a join form share one room and one student page (the ``join_screen``
fixture); a refused student tries the next input in the same page.
"""

import os

import pytest

from browser import CHROMIUM, Phones, people, served_app_with_control

if not os.path.exists(CHROMIUM):
    pytest.skip(f"end-to-end tests need Debian's chromium at {CHROMIUM}", allow_module_level=True)
pytest.importorskip("solara", reason="the app's packages (solara) are not installed")
pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

from viz.classroom.engine import ClassRun
from viz.classroom.room import MAX_PARTICIPANTS

TIMEOUT = 60_000   # ms: the sessions share two cores with the other tests
STUDENTS = 30
ON_PAGES = 5       # of the 30, those with their own browser page (one of each kind and more)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with served_app_with_control(tmp_path_factory.mktemp("classroom") / "server.log") as both:
        yield both


@pytest.fixture(scope="module")
def app_url(served):
    return served[0]


@pytest.fixture(scope="module")
def control(served):
    """Calls into the server's rooms: control("join", code, name), ("submit", code, token),
    ("roles", code), ("later", code, seconds)."""
    return served[1]


@pytest.fixture(scope="module")
def browser(chromium):
    """The chromium the browser files share (tests/conftest.py)."""
    return chromium


@pytest.fixture(scope="module")
def phones(browser, app_url):
    pool = Phones(browser, app_url, TIMEOUT, viewport={"width": 800, "height": 900})
    yield pool
    pool.close()


@pytest.fixture
def person(phones):
    """Opens a new person's page (a context of her own) at a path, for this test."""
    with people(phones) as open_page:
        yield open_page


def start_room(person):
    teacher = person("/class")
    teacher.locator("[data-testid=start-room]").click()
    code = teacher.locator("[data-testid=room-code]").inner_text().strip()
    return teacher, code


def start_rooms_at_once(person, n):
    """Teachers who open the class page at the same moment; (page, code) of each room."""
    teachers = [person("/class", wait=False) for _ in range(n)]
    for teacher in teachers:
        teacher.locator("[data-testid=start-room]").click()
    return [(t, t.locator("[data-testid=room-code]").inner_text().strip()) for t in teachers]


def join(person, code, name):
    page = person(f"/join?code={code}&name={name}")
    page.locator("[data-testid=role]").wait_for()
    return page


def join_at_once(person, *seats):
    """Students who open their join links, (room code, name) each, at the same moment;
    their pages once seated."""
    pages = [person(f"/join?code={code}&name={name}", wait=False) for code, name in seats]
    for page in pages:
        page.locator("[data-testid=role]").wait_for()
    return pages


def test_a_teacher_and_30_students_play_rounds(person, control):
    teacher, code = start_room(person)
    assert teacher.locator("[data-testid=qr]").bounding_box()["width"] >= 300   # projector-sized
    names = [f"Student{i:02d}" for i in range(STUDENTS)]
    students = join_at_once(person, *[(code, name) for name in names[:ON_PAGES]])
    tokens = [control("join", code, name)[0] for name in names[ON_PAGES:]]
    teacher.locator("[data-testid=player]").nth(STUDENTS - 1).wait_for()
    assert teacher.locator("[data-testid=player]").count() == STUDENTS
    roles = control("roles", code)
    n_roles = len(ClassRun(seed=0).roles)     # the same default settings as the server's
    assert len(roles) == STUDENTS and len(set(roles)) == min(n_roles, STUDENTS)
    shown = [s.locator("[data-testid=role]").inner_text() for s in students]
    assert len(set(shown)) == ON_PAGES and "Staff member 1" in shown   # the first roles, named
    for round_no in (2, 3):
        for token in tokens:
            control("submit", code, token)
        for s in students:                   # the last click completes the round
            s.locator("[data-testid=submit]").click()
        teacher.locator("[data-testid=round]", has_text=f"Round {round_no}").wait_for()
        for s in students:
            s.locator("[data-testid=round]", has_text=f"Round {round_no}").wait_for()
    # the teacher's page shows what happened: trust by agency and the numbers
    assert teacher.locator("[data-testid=trust-table] tr").count() == 9
    teacher.locator("[data-testid=end]").click()
    teacher.locator("[data-testid=findings]").wait_for()
    # every role was decided by one of its students (teams: the last one to submit)
    text = teacher.locator("[data-testid=contributions]").inner_text()
    assert sum(f"{name}\t" in text for name in names) >= min(n_roles, STUDENTS)
    students[0].locator("[data-testid=ended]").wait_for()


def test_a_student_who_reloads_comes_back_with_her_role(person, control):
    teacher, code = start_room(person)
    ani = join(person, code, "Ani")
    budi, _ = control("join", code, "Budi")   # her classmate, seated through the room's API
    role = ani.locator("[data-testid=role]").inner_text()
    ani.wait_for_url("**token=**")
    ani.reload()
    assert ani.locator("[data-testid=role]").inner_text() == role
    teacher.locator("[data-testid=player]").nth(1).wait_for()
    assert teacher.locator("[data-testid=player]").count() == 2
    # and she still plays: her decision after the reload is taken, and the round, which
    # waits for both, moves on once Budi's comes too
    ani.locator("[data-testid=submit]").click()
    ani.locator("[data-testid=status]", has_text="Waiting for the others").wait_for()
    control("submit", code, budi)
    ani.locator("[data-testid=round]", has_text="Round 2").wait_for()


def test_the_teacher_removes_a_student_and_her_page_says_so(person):
    teacher, code = start_room(person)
    ani = join(person, code, "Ani")
    teacher.locator("[data-testid=player]").first.wait_for()
    teacher.locator("[data-testid=player] [data-testid^=remove-]").first.click()
    ani.locator("[data-testid=error]", has_text="took you out").wait_for()
    teacher.locator("[data-testid=player]").wait_for(state="detached")


def test_pause_stops_the_clock_and_shows_on_the_students_page(person):
    teacher, code = start_room(person)
    ani = join(person, code, "Ani")
    teacher.locator("[data-testid=pause]").click()
    teacher.locator("[data-testid=pause]", has_text="Resume").wait_for()
    ani.locator("[data-testid=timer]", has_text="Paused").wait_for()
    teacher.locator("[data-testid=pause]").click()
    ani.locator("[data-testid=timer]").wait_for(state="detached")


def test_when_the_timer_runs_out_the_round_moves_on_without_the_missing(person, control):
    teacher, code = start_room(person)
    ani = join(person, code, "Ani")
    teacher.locator(".kb-timer-select").click()
    teacher.locator(".v-menu__content .v-list-item", has_text="30 seconds").click()
    ani.locator("[data-testid=timer]", has_text="s left").wait_for()
    assert "Round 1" in teacher.locator("[data-testid=round]").inner_text()
    # the room's clock jumps 28 s (less than LEAVE_SECONDS: Ani is still present); Ani sends
    # nothing, and within the last 2 s of real time the server's ticker ends the round
    control("later", code, 28)
    teacher.locator("[data-testid=round]", has_text="Round 2").wait_for()
    ani.locator("[data-testid=round]", has_text="Round 2").wait_for()


def test_each_student_reads_her_own_language(person):
    _, code = start_room(person)
    ani, budi = join_at_once(person, (code, "Ani"), (code, "Budi"))
    ani.locator(".kb-lang-id").click()
    ani.locator("[data-testid=round]", has_text="Putaran 1").wait_for()
    assert "Round 1" in budi.locator("[data-testid=round]").inner_text()


@pytest.fixture(scope="module")
def open_class(phones):
    """A room, its teacher's page and a student's page, for the tests of the join form: a
    refused student changes nothing in the room; the markup test seats one student."""
    with people(phones) as open_page:
        teacher, code = start_room(open_page)
        student = open_page("/join")
        student.locator("[data-testid=join]").wait_for()
        yield teacher, code, student


@pytest.fixture
def join_screen(open_class, app_url):
    """(teacher's page, room code, a student's page on the join form): the shared student's
    page as the last refusal left it (its message stays until the next attempt), or a new
    join form if a test before seated her."""
    teacher, code, student = open_class
    if student.locator("[data-testid=join]").count() == 0:
        student.goto(app_url + "/join")
        student.locator("[data-testid=join]").wait_for()
    return teacher, code, student


def send_join_form(page, code, name):
    """Types the code and the nickname into the join form and presses Join."""
    page.locator(".kb-join-code input").fill(code)
    page.locator(".kb-join-name input").fill(name)
    page.locator("[data-testid=join]").click()


def refusal(page, code, name, says):
    """Sends the join form; the page's message that should say ``says``, to wait for. The
    page must not say it before: a message left by an earlier attempt would pass for it."""
    message = page.locator("[data-testid=error]", has_text=says)
    assert message.count() == 0, f"the page says {says!r} before this attempt"
    send_join_form(page, code, name)
    return message


def test_a_wrong_code_gets_a_message(join_screen):
    _, _, page = join_screen
    refusal(page, "ZZZZ9", "Ani", "no open class with this code").wait_for()


@pytest.mark.parametrize("name, says", [("", "type a nickname"),
                                        ("x" * 10_240, "too long")])
def test_bad_names_get_a_message_and_no_role(join_screen, control, name, says):
    teacher, code, page = join_screen
    seated = control("roles", code)
    refusal(page, code, name, says).wait_for()
    assert page.locator("[data-testid=role]").count() == 0
    assert control("roles", code) == seated
    assert teacher.locator("[data-testid=player]").count() == len(seated)


def test_a_nickname_with_markup_is_shown_as_text(join_screen):
    teacher, code, page = join_screen
    name = "<b>Siti</b>"
    send_join_form(page, code, name)
    page.locator("[data-testid=role]").wait_for()
    player = teacher.locator("[data-testid=player]", has_text="Siti")
    player.wait_for()
    assert name in player.inner_text() and player.locator("b").count() == 0


def test_the_61st_student_is_told_the_class_is_full(person, control):
    teacher, code = start_room(person)
    for i in range(MAX_PARTICIPANTS):        # 60 students seated through the room's API
        control("join", code, f"S{i}")
    teacher.locator("[data-testid=player]").nth(MAX_PARTICIPANTS - 1).wait_for()
    late = person(f"/join?code={code}&name=Late")
    assert "class is full" in late.locator("[data-testid=error]").inner_text()
    assert late.locator("[data-testid=role]").count() == 0
    assert teacher.locator("[data-testid=player]").count() == MAX_PARTICIPANTS


def test_two_rooms_at_once_share_nothing(person, app_url):
    (teacher_a, code_a), (teacher_b, code_b) = start_rooms_at_once(person, 2)
    assert code_a != code_b
    ani, budi = join_at_once(person, (code_a, "Ani"), (code_b, "Ani"))   # same nickname
    ani.locator("[data-testid=submit]").click()
    teacher_a.locator("[data-testid=round]", has_text="Round 2").wait_for()
    ani.locator("[data-testid=round]", has_text="Round 2").wait_for()
    # room A advanced (synchronously, on Ani's submit); room B is where it was
    assert "Round 1" in teacher_b.locator("[data-testid=round]").inner_text()
    assert "Round 1" in budi.locator("[data-testid=round]").inner_text()
    assert teacher_b.locator("[data-testid=player]").count() == 1
    # a student's token from room A does not open room B: Ani edits her link to room B
    token = ani.url.split("token=")[1].split("&")[0]
    ani.goto(f"{app_url}/join?code={code_b}&token={token}")
    ani.locator("[data-testid=error]").wait_for()
    assert ani.locator("[data-testid=role]").count() == 0
