"""The classroom pages: /class for the teacher, /join for students, and the debrief.

The pages only wire: every rule (tokens, roles, rounds, timers) is the room's
(viz.classroom.room). Each page follows its room with a thread that waits on the
room's change signal and redraws within a second; a student's page also tells the
room she is still there. Tokens live in the page's address (``?code=...&token=...``),
so a reload or a lost connection comes back to the same role. Nicknames are shown
through Solara's text components (escaped); the only HTML built here escapes them.
"""

from __future__ import annotations

import math
from html import escape

import reacton.ipyvuetify as rv
import solara

from model import AGENCY_KEYS, WEEKS_PER_YEAR
from model.workers import ACTIVITIES

from ..i18n import number
from ..i18n import t as app_t
from ..network_view import NetworkLayout, network_svg
from ..session import use_session
from ..theme import UI
from ..widgets import Svg
from .address import base_url, join_url, qr_data_uri
from .debrief import RULES
from .engine import default_decision
from .room import REGISTRY, TIMER_CHOICES, Room, RoomError
from .style import CSS
from .text import role_name, t

MONTHS = {"en": ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"),
          "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                 "September", "Oktober", "November", "Desember")}


def query(search: str | None) -> dict:
    """The address's query values (``code``, ``name``, ``token``, ...), first of each."""
    from urllib.parse import parse_qsl

    out = {}
    for key, value in parse_qsl(search or "", keep_blank_values=True):
        out.setdefault(key, value)
    return out


def round_label(room: Room, lang: str) -> str:
    start = room.run.model.p.start_year
    r = room.round
    return t("class.round", lang, n=r + 1, month=MONTHS[lang][r % 12], year=start + r // 12)


def timer_text(room: Room, lang: str) -> str:
    """Paused, seconds left in the round, or no timer."""
    left = room.seconds_left()
    if room.paused:
        return t("class.paused", lang)
    if left is None:
        return t("class.no_timer", lang)
    return t("class.seconds_left", lang, n=int(left + 0.999))


def error_text(err: RoomError, lang: str) -> str:
    return t(err.key, lang, **err.values)


def Label(text: str, classes: list[str] | None = None, test_id: str = ""):
    """A span of text (escaped) with a test id."""
    return rv.Html(tag="span", class_=" ".join(classes or []), children=[text],
                   attributes={"data-testid": test_id} if test_id else {})


@solara.component
def Problem(text: str):
    """A refusal or bad input, in words, where the tests look for it."""
    with solara.Div(attributes={"data-testid": "error"}) as main:
        solara.Error(text)
    return main


@solara.component
def Action(label: str, on_click, test_id: str, color: str = UI["accent"], disabled: bool = False,
           outlined: bool = False, small: bool = False):
    """A button with a test id (what the tests and the students press)."""
    btn = rv.Btn(children=[label], color=color, disabled=disabled, outlined=outlined,
                 small=small, dark=not (disabled or outlined), class_="kb-class-btn",
                 attributes={"data-testid": test_id})
    rv.use_event(btn, "click", lambda *_: on_click())
    return btn


def page_connected():
    """A function telling whether this session's browser page is connected now.

    A phone that loses its connection leaves its session on the server (Solara keeps it
    to reconnect), so a student counts as present only while her page is connected.
    """
    from solara.server import kernel_context

    if not kernel_context.has_current_context():
        return lambda: True
    context = kernel_context.get_current_context()
    connected = kernel_context.PageStatus.CONNECTED
    return lambda: connected in list(context.page_status.values())


def use_room_follow(room: Room | None, token: str | None = None, watch=None) -> tuple:
    """Redraw when the room changes (checked at least once a second); students say 'here'.

    ``watch(room)`` picks what this page shows (default: everything, the room's version):
    a student's page redraws when her round, her role's decision or the room's state
    changes, not at every classmate's submission. Nothing is redrawn and nobody is marked
    present while the page is disconnected. Returns (room version, seconds left): pass it
    on to the components that draw the room, so that they redraw when it changes.
    """
    version, set_version = solara.use_state(0)
    second, set_second = solara.use_state(None)    # the countdown, while a timer runs
    connected = solara.use_memo(page_connected, [])

    def follow(cancel):
        if room is None:
            return
        seen = -1
        last_shown = [object()]
        while not cancel.is_set():
            if not connected():
                cancel.wait(1.0)
                continue
            now = room.wait_for_change(seen, 1.0)
            if token:
                room.seen(token)
            if now != seen:
                seen = now
                shown = watch(room) if watch else now
                if shown != last_shown[0]:
                    last_shown[0] = shown
                    set_version(now)
            left = room.seconds_left()
            set_second(None if left is None or room.paused else int(left))

    solara.use_thread(follow, dependencies=[room, token], intrusive_cancel=False)
    return version, second


# --- the teacher's page ------------------------------------------------------------------------
@solara.component
def TeacherPage():
    """/class: start a room, show the code and QR, run the rounds, end with the debrief."""
    session = use_session()
    lang = session.lang.value
    router = solara.use_router()
    args = query(router.search)
    room, set_room = solara.use_state(None)
    message, set_message = solara.use_state("")
    seed_text, set_seed_text = solara.use_state("")
    version = use_room_follow(room)

    def reconnect():   # a reload of the teacher's page finds her room again
        if room is None and args.get("code") and args.get("teacher"):
            try:
                found = REGISTRY.get(args["code"])
            except RoomError as err:
                set_message(error_text(err, lang))
                return
            if found.teacher_token == args["teacher"]:
                set_room(found)
    solara.use_effect(reconnect, [])
    REGISTRY.start_ticker()

    def start():
        text = seed_text.strip()
        if text and not (text.isdigit() and len(text) <= 9):
            set_message(t("error.seed", lang))
            return
        new = REGISTRY.create(seed=int(text) if text else None)
        set_message("")
        set_room(new)
        router.push(f"/class?code={new.code}&teacher={new.teacher_token}"
                    + (f"&lang={lang}" if lang != "en" else ""))

    with solara.Column(gap="14px", classes=["kb-classroom"]) as main:
        solara.Style(CSS)
        solara.Text(t("class.title", lang), classes=["kb-page-title"])
        if message:
            Problem(message)
        if room is None:
            solara.Text(t("class.intro", lang), classes=["kb-intro"])
            with solara.Row(style={"align-items": "center"}):
                solara.InputText(t("class.seed", lang), value=seed_text,
                                 on_value=set_seed_text, style={"max-width": "260px"})
                Action(t("class.start", lang), start, "start-room")
        elif room.ended:
            Debrief(room, lang)
        else:
            TeacherRoom(room, lang, version)
    return main


@solara.component
def TeacherRoom(room: Room, lang: str, version: tuple):
    """The running class: join card, controls, players, and the state of the model."""
    message, set_message = solara.use_state("")
    token = room.teacher_token

    def act(fn, *a):
        def handler():
            try:
                fn(token, *a)
                set_message("")
            except RoomError as err:
                set_message(error_text(err, lang))
        return handler

    url = join_url(room.code)
    with solara.Column(gap="14px") as main:
        with solara.Div(classes=["kb-class-top"]):
            with solara.Div(classes=["kb-card", "kb-join-card"]):
                solara.Text(t("class.code", lang), classes=["kb-card-title"])
                Label(room.code, classes=["kb-room-code"], test_id="room-code")
                solara.Text(t("class.join_at", lang), classes=["kb-muted"])
                Label(url, classes=["kb-join-url"], test_id="join-url")
                solara.HTML(tag="img", attributes={"src": qr_data_uri(url), "alt": url,
                                                   "data-testid": "qr",
                                                   "class": "kb-qr"})
            with solara.Div(classes=["kb-card", "kb-round-card"]):
                Label(round_label(room, lang), classes=["kb-round"], test_id="round")
                Label(timer_text(room, lang), classes=["kb-muted", "kb-line"], test_id="timer")
                waited = room.waited_roles()
                done = [r for r in waited if r in room.pending]
                Label(t("class.submitted", lang, n=len(done), total=len(waited)),
                      classes=["kb-line"], test_id="submitted-count")
                with solara.Row(style={"flex-wrap": "wrap", "align-items": "center"}):
                    Action(t("class.next", lang), act(room.next_round), "next")
                    if room.paused:
                        Action(t("class.resume", lang), act(room.set_paused, False), "pause")
                    else:
                        Action(t("class.pause", lang), act(room.set_paused, True), "pause",
                               outlined=True)
                    Action(t("class.end", lang), act(room.end), "end", color=UI["danger"])
                choices = {t("class.timer_off", lang) if s == 0 else
                           t("class.timer_s", lang, n=s): s for s in TIMER_CHOICES}
                current = next(k for k, v in choices.items() if v == room.timer)
                solara.Select(t("class.timer", lang), values=list(choices), value=current,
                              on_value=lambda k: act(room.set_timer, choices[k])(),
                              style={"max-width": "220px"}, classes=["kb-timer-select"])
                if message:
                    solara.Error(message)
        Players(room, lang, act, version)
        ModelState(room, lang, version)
    return main


@solara.component
def Players(room: Room, lang: str, act, version: tuple):
    """Every student: nickname, role, submitted or not, present or gone, and remove."""
    with solara.Div(classes=["kb-card"]) as main:
        solara.Text(t("class.players", lang, n=len(room.players)), classes=["kb-card-title"])
        if not room.players:
            solara.Text(t("class.no_players", lang), classes=["kb-muted"])
        with solara.Div(classes=["kb-players"]):
            for p in list(room.players.values()):
                submitted = room.pending.get(p.role) is not None
                status = ("class.gone" if not room.present(p) else
                          "class.done" if submitted else "class.thinking")
                with solara.Div(classes=["kb-player", f"kb-{status.split('.')[1]}"],
                                attributes={"data-testid": "player", "data-status":
                                            status.split(".")[1]}):
                    solara.Text(p.name, classes=["kb-player-name"])
                    solara.Text(role_name(room.run.role_by_key[p.role], lang),
                                classes=["kb-muted"])
                    solara.Text(t(status, lang), classes=["kb-player-status"])
                    Action("×", act(room.remove, p.id), f"remove-{p.id}", color=UI["muted_light"],
                           outlined=True, small=True)
        free = [r for r in room.run.roles if r.key not in {p.role for p in room.players.values()}]
        solara.Text(t("class.by_rules", lang, n=len(free)), classes=["kb-muted"])
    return main


@solara.component
def ModelState(room: Room, lang: str, version: tuple):
    """The network, trust and referrals by agency, cases, funds and the last round's events."""
    layout = solara.use_memo(NetworkLayout, [room])
    model = room.run.model
    last = room.run.rounds[-1] if room.run.rounds else None
    labels = {k: app_t(f"net.{k}", lang) for k in
              ("province", "city", "community", "center", "trust", "referred", "in_service",
               "waiting", "free_cadres", "staff", "volunteer", "group", "cadre")}
    labels["agency_names"] = {k: app_t(f"agency.{k}", lang)
                              for k in ("uptd_ppa", "dinsos", "dp3ap2kb", "police")}
    total_refs = {a.key: a.referrals_made for a in model.agency_list}
    brought = model.datacollector.model_vars["entry_community"][1:][-WEEKS_PER_YEAR:]
    labels["brought"] = app_t("net.brought", lang, n=int(sum(brought)))
    svg = solara.use_memo(lambda: network_svg(model.network(), layout, labels, total_refs,
                                              model.record), [room.round, lang])
    rec = model.record
    rows = "".join(
        f"<tr><td>{escape(role_name_for_agency(k, lang))}</td>"
        f"<td>{number(model.agencies[k].trust, lang, 2)}</td>"
        f"<td>{model.agencies[k].referrals_made}</td>"
        f"<td>{(last.flows[f'referrals_{k}'] if last else 0)}</td></tr>" for k in AGENCY_KEYS)
    table = (f"<table class='kb-class-table'><tr><th>{t('class.agency', lang)}</th>"
             f"<th>{t('class.trust', lang)}</th><th>{t('class.referrals_total', lang)}</th>"
             f"<th>{t('class.referrals_round', lang)}</th></tr>{rows}</table>")
    with solara.Div(classes=["kb-class-state"]) as main:
        with solara.Div(classes=["kb-card", "kb-net-card"]):
            solara.Text(t("class.network", lang), classes=["kb-card-title"])
            Svg(svg, test_id="network")
        with solara.Column(gap="10px"):
            with solara.Div(classes=["kb-card"], attributes={"data-testid": "numbers"}):
                for key, value in (
                        ("class.cases", f"{last.flows['intake'] if last else 0}"),
                        ("class.in_service", f"{rec['in_service']}"),
                        ("class.waiting", f"{rec['waiting']}"),
                        ("class.funds", number(rec["funds"], lang)),
                        ("class.staff_vol", f"{rec['staff']} / {rec['volunteers']}"),
                        ("class.mean_trust", number(rec["mean_trust"], lang, 2))):
                    with solara.Row(style={"justify-content": "space-between"}):
                        solara.Text(t(key, lang))
                        solara.Text(value, classes=["kb-strong"])
            with solara.Div(classes=["kb-card"]):
                solara.HTML(tag="div", unsafe_innerHTML=table,
                            attributes={"data-testid": "trust-table"})
            with solara.Div(classes=["kb-card"], attributes={"data-testid": "events"}):
                solara.Text(t("class.events", lang), classes=["kb-card-title"])
                events = last.events if last else []
                if not events:
                    solara.Text(t("class.no_events", lang), classes=["kb-muted"])
                for key, values in events:
                    if "role" in values:
                        values = {**values, "role": role_name(room.run.role_by_key[values["role"]],
                                                              lang)}
                    Line("• " + t(key, lang, **values))
    return main


def role_name_for_agency(key: str, lang: str) -> str:
    kind, field = key.rsplit("_", 1)
    return f"{app_t(f'agency.{kind}', lang)} ({app_t(f'net.{field}', lang).lower()})"


# --- the debrief ---------------------------------------------------------------------------------
@solara.component
def Debrief(room: Room, lang: str, player_id: str | None = None, version: tuple = ()):
    """The class against the model's rules, contributions, findings; CSV for the teacher."""
    d = room.debrief
    if d is None:   # ended for lack of activity
        return solara.Text(t("class.expired", lang), classes=["kb-intro"])
    with solara.Column(gap="12px", classes=["kb-debrief"]) as main:
        solara.Text(t("debrief.title", lang), classes=["kb-page-title"])
        solara.Text(t("debrief.intro", lang, rounds=d.rounds, weeks=d.weeks, seed=d.seed),
                    classes=["kb-intro"])
        rows = "".join(
            f"<tr><td>{escape(t(f'metric.{name}', lang))}</td><td>{fmt(a, lang)}</td>"
            f"<td>{fmt(b, lang)}</td><td>{fmt(a - b, lang, sign=True)}</td></tr>"
            for name, a, b in d.compared)
        solara.HTML(tag="div", attributes={"data-testid": "debrief-compare"}, unsafe_innerHTML=(
            f"<table class='kb-class-table'><tr><th></th><th>{t('debrief.class', lang)}</th>"
            f"<th>{t('debrief.rules', lang)}</th><th>{t('debrief.difference', lang)}</th></tr>"
            f"{rows}</table>"))
        with solara.Div(classes=["kb-card"], attributes={"data-testid": "findings"}):
            solara.Text(t("debrief.findings", lang), classes=["kb-card-title"])
            for f in d.findings:
                verdict = ("debrief.showed" if f.showed else "debrief.not_showed"
                           if f.showed is not None else "debrief.no_data")
                values = {k: number_text(v, lang) for k, v in f.values.items()}
                Line(f"{t(verdict, lang)} — {t(f'finding.{f.key}', lang, **values)}")
        shown = [c for c in d.contributions if player_id is None or c[0] == player_id]
        head = "".join(f"<th>{t(f'debrief.{k}', lang)}</th>"
                       for k in ("player", "role", "meetings", "ties", "referrals", "cases"))
        body = "".join(
            f"<tr><td>{escape(t('debrief.by_rules', lang) if who == RULES else name)}</td>"
            f"<td>{escape(role_name(room.run.role_by_key[role], lang))}</td>"
            f"<td>{number(v['meetings'], lang)}</td><td>{number(v['ties'], lang, 2, sign=True)}"
            f"</td><td>{number(v['referrals'], lang)}</td><td>{number(v['cases'], lang)}</td>"
            "</tr>" for who, name, role, v in shown)
        solara.HTML(tag="div", attributes={"data-testid": "contributions"},
                    unsafe_innerHTML=f"<table class='kb-class-table'><tr>{head}</tr>{body}</table>")
        if player_id is None:
            solara.FileDownload(lambda: room.decisions_csv(room.teacher_token),
                                filename=f"kolaborasi-class-{room.code}-decisions.csv",
                                label=t("debrief.csv", lang), mime_type="text/csv")
    return main


def fmt(x: float, lang: str, sign: bool = False) -> str:
    """A number with at most two decimals (no "-0"), in ``lang``'s format (Babel)."""
    if abs(x) < 0.005:
        return "0"
    x = round(float(x), 2)
    digits = 0 if x.is_integer() else 1 if round(x, 1) == x else 2
    return number(x, lang, digits, sign=sign)


def number_text(value, lang: str) -> str:
    """A finding's value as shown: two decimals for fractions, a dash when not computed."""
    if isinstance(value, float):
        return "–" if math.isnan(value) else number(value, lang, 2)
    return str(value)


def Line(text: str, classes: list[str] | None = None):
    """A line of text on its own row."""
    return solara.Text(text, classes=["kb-line"] + (classes or []))


# --- the student's page --------------------------------------------------------------------------
@solara.component
def JoinPage():
    """/join: code and nickname (or from the address), then the role and the decision form."""
    session = use_session()
    lang = session.lang.value
    router = solara.use_router()
    args = query(router.search)
    joined, set_joined = solara.use_state(None)     # (room, player) once joined
    message, set_message = solara.use_state("")
    code, set_code = solara.use_state(args.get("code", ""))
    name, set_name = solara.use_state(args.get("name", ""))
    REGISTRY.start_ticker()

    def go(player_room, player):
        set_joined((player_room, player))
        set_message("")

    def keep_token_in_address():   # a reload then comes back to the same role
        if joined is not None and args.get("token") != joined[1].token:
            router.push(f"/join?code={joined[0].code}&token={joined[1].token}"
                        + (f"&lang={lang}" if lang != "en" else ""))
    solara.use_effect(keep_token_in_address, [joined, router.search])

    def join(code_text, name_text):
        try:
            room = REGISTRY.get(code_text)
            go(room, room.join(name_text))
        except RoomError as err:
            set_message(error_text(err, lang))

    def from_address():
        if joined is not None:
            return
        if args.get("token"):
            try:
                room = REGISTRY.get(args.get("code"))
                go(room, room.rejoin(args["token"]))
            except RoomError as err:
                set_message(error_text(err, lang))
        elif args.get("code") and args.get("name"):
            join(args["code"], args["name"])
    solara.use_effect(from_address, [])

    with solara.Column(gap="12px", classes=["kb-classroom", "kb-student"]) as main:
        solara.Style(CSS)
        if message:
            Problem(message)
        if joined is None:
            solara.Text(t("join.title", lang), classes=["kb-page-title"])
            solara.Text(t("join.intro", lang), classes=["kb-intro"])
            solara.InputText(t("join.code", lang), value=code, on_value=set_code,
                             classes=["kb-join-code"])
            solara.InputText(t("join.name", lang), value=name, on_value=set_name,
                             classes=["kb-join-name"])
            Action(t("join.button", lang), lambda: join(code, name), "join")
        else:
            StudentRoom(*joined, lang)
    return main


def student_view(room: Room, player) -> tuple:
    """What a student's page shows from the room: a change of it redraws her page."""
    pending = room.pending.get(player.role)
    team = tuple(p.name for p in room.players.values() if p.role == player.role)
    return (room.round, room.ended, room.paused, room.timer, player.token in room.players,
            pending.player if pending else None, team)


@solara.component
def StudentRoom(room: Room, player, lang: str):
    """The student's role, what she knows, her decision for this round, and the end."""
    version = use_room_follow(room, player.token, watch=lambda r: student_view(r, player))
    if player.token not in room.players and not room.ended:
        return Problem(t("join.removed", lang))
    role = room.run.role_by_key[player.role]
    with solara.Column(gap="10px") as main:
        with solara.Div(classes=["kb-card"]):
            solara.Text(t("join.you_are", lang, name=player.name), classes=["kb-muted"])
            Label(role_name(role, lang), classes=["kb-role"], test_id="role")
            solara.Text(t(f"role.{role.kind}.about", lang), classes=["kb-note"])
            mates = [p.name for p in room.players.values()
                     if p.role == player.role and p.id != player.id]
            if mates:
                solara.Text(t("join.team", lang, names=", ".join(mates)), classes=["kb-muted"])
        if room.ended:
            Label(t("join.ended", lang), classes=["kb-intro"], test_id="ended")
            if room.debrief is not None:
                Debrief(room, lang, player_id=player.id, version=version)
            return main
        Label(round_label(room, lang), classes=["kb-round"], test_id="round")
        if room.paused or room.seconds_left() is not None:
            Label(timer_text(room, lang), classes=["kb-muted"], test_id="timer")
        Knowledge(room, role, lang, version)
        DecisionForm(room, player, role, lang, version)
    return main


@solara.component
def Knowledge(room: Room, role, lang: str, version: tuple):
    """What this actor may know now (an agency contact: only her tie, trust and request)."""
    k = room.run.knowledge(role)
    with solara.Div(classes=["kb-card"], attributes={"data-testid": "knowledge"}) as main:
        if not k["present"]:
            Line(t("join.vacant", lang))
        elif role.kind == "agency":
            Line(t("know.tie", lang, v=number(k["tie"], lang, 2)))
            Line(t("know.trust", lang, v=number(k["trust"], lang, 2)))
            Line(t("know.request_met" if k["request_met"] else "know.request_unmet", lang))
            Line(t("know.referrals", lang, n=k["referrals"]))
        elif role.kind == "staff":
            ties = ", ".join(f"{role_name_for_agency(a, lang)} {number(v, lang, 2)}"
                             for a, v in k["ties"].items() if v >= 0.01)
            Line(t("know.ties", lang, ties=ties or t("know.none", lang)))
            Line(t("know.caseload", lang, n=k["caseload"]))
        else:
            Line(t("know.caseload", lang, n=k["caseload"]))
            Line(t("know.burnout", lang, v=number(k["burnout"], lang, 2)))
    return main


@solara.component
def DecisionForm(room: Room, player, role, lang: str, version: tuple):
    """This round's decision: hours by activity and whom to meet, or yes/no; then submit."""
    hours = room.run.weekly_hours
    base = default_decision(role, hours)
    decision, set_decision = solara.use_state(base, key=f"{role.key}")
    message, set_message = solara.use_state("")
    pending = room.pending.get(role.key)
    sent_now = pending is not None and pending.player == player.id

    def put(key, value):
        set_decision({**decision, key: value})

    def send():
        try:
            room.submit(player.token, role.key, decision)
            set_message("")
        except RoomError as err:
            set_message(error_text(err, lang))

    with solara.Div(classes=["kb-card", "kb-decision"]) as main:
        solara.Text(t(f"role.{role.kind}.ask", lang), classes=["kb-card-title"])
        if role.kind == "staff":
            for activity in ACTIVITIES:
                Line(t("join.hours", lang, activity=t(f"activity.{activity}", lang),
                       n=int(decision[activity])), classes=["kb-slider-label"])
                with solara.Div(classes=[f"kb-hours-{activity}"]):
                    solara.SliderInt("", value=int(decision[activity]), min=0, max=int(hours),
                                     on_value=lambda v, a=activity: put(a, v))
            total = sum(decision[a] for a in ACTIVITIES)
            Label(t("join.hours_total", lang, n=total, max=f"{hours:g}"),
                        classes=["kb-muted"], test_id="hours-total")
            names = {t("join.meet_any", lang): ""} | {
                role_name_for_agency(k, lang): k for k in AGENCY_KEYS}
            current = next(n for n, k in names.items() if k == (decision.get("meet_with") or ""))
            solara.Select(t("join.meet_with", lang), values=list(names), value=current,
                          on_value=lambda n: put("meet_with", names[n]))
        else:
            field = "extra_case" if role.kind == "volunteer" else "refers"
            yes, no = app_t("common.yes", lang), app_t("common.no", lang)
            solara.ToggleButtonsSingle(value=yes if decision[field] else no, values=[yes, no],
                                       on_value=lambda v: put(field, v == yes))
        if message:
            solara.Error(message)
        Action(t("join.submit", lang), send, "submit")
        if pending is not None:
            who = t("join.sent_by_you", lang) if sent_now else t("join.sent_by_team", lang)
            Label(who, classes=["kb-muted"], test_id="status")
        else:
            Label(t("join.not_sent", lang), classes=["kb-muted"], test_id="status")
    return main


__all__ = ["JoinPage", "TeacherPage", "base_url"]
