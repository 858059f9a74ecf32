"""Classroom rooms: a teacher, up to 60 students, their roles, tokens and rounds, in memory only.

A ``Room`` is the one place the rules of a class live: who may do what (every student
action names a token and the role it acts for; every teacher action needs the teacher's
token), when a round advances (everyone present has submitted, the teacher presses
next, or the timer runs out), who counts as gone (not seen for ``LEAVE_SECONDS``:
her role goes back to the model's rules until she returns) and when the room ends (the
teacher ends it, or nothing happened for ``IDLE_SECONDS``). Rooms live in the server's
memory only, in ``REGISTRY``; nothing is written anywhere, and an ended room is dropped.

Every change bumps ``version`` and wakes ``wait_for_change``, which is how the pages of
the teacher and students follow the room without polling the model.
"""

from __future__ import annotations

import csv
import io
import secrets
import threading
import time
import unicodedata
from dataclasses import dataclass, field

from model.workers import ACTIVITIES

from .engine import ClassRun, DecisionError, RoundResult, check_decision

MAX_PARTICIPANTS = 60
NAME_MAX = 24                     # characters in a nickname
IDLE_SECONDS = 4 * 3600           # a room with no action for this long ends
LEAVE_SECONDS = 45.0              # a student not seen for this long hands her role back
TIMER_CHOICES = (0, 30, 60, 90, 120, 180, 300)   # seconds per round; 0 = no timer
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"   # no 0/O, 1/I/L: easy to read aloud
CODE_LENGTH = 5
MAX_ROUNDS = 12 * 5


class RoomError(Exception):
    """An action the room refuses; ``key`` and ``values`` give the translated message."""

    def __init__(self, key: str, message: str, **values):
        super().__init__(message)
        self.key = key
        self.values = values


def clean_name(text) -> str:
    """A nickname as shown: printable characters, single spaces; RoomError if empty or long."""
    text = "" if text is None else str(text)
    if len(text) > 4 * NAME_MAX:
        raise RoomError("error.name_long", f"the name is longer than {NAME_MAX} characters",
                        n=NAME_MAX)
    kept = "".join(c if unicodedata.category(c)[0] not in "CZ" else " " for c in text)
    name = " ".join(kept.split())
    if not name:
        raise RoomError("error.name_empty", "the name is empty")
    if len(name) > NAME_MAX:
        raise RoomError("error.name_long", f"the name is longer than {NAME_MAX} characters",
                        n=NAME_MAX)
    return name


@dataclass
class Player:
    """A student in a room: her nickname, secret token and role."""

    id: str
    name: str
    token: str
    role: str
    last_seen: float
    submitted_round: int = -1


@dataclass
class Submission:
    """One decision sent by a student (every one is kept for the CSV export)."""

    round: int
    player: str
    role: str
    decision: dict
    seconds: float                 # seconds after the round opened
    applied: bool = False


@dataclass(eq=False)    # a room is itself: compared by identity, never by its fields
class Room:
    """One class: its code, teacher token, run, players and the round in progress."""

    code: str
    seed: int
    clock: object = time.monotonic
    params: dict = field(default_factory=dict)

    def __post_init__(self):
        self.teacher_token = secrets.token_urlsafe(24)
        self.run = ClassRun(self.seed, self.params)
        self.players: dict[str, Player] = {}          # token -> player, in order of joining
        self.pending: dict[str, Submission] = {}      # role -> latest submission this round
        self.log: list[Submission] = []
        self.cond = threading.Condition(threading.RLock())
        self.version = 0
        self.paused = False
        self.timer = 0
        self.ended = False
        self.debrief = None
        now = self.clock()
        self.opened = now
        self.last_action = now
        self.deadline = None
        self.remaining = None
        self.opened_round_at = now
        self.known: dict[str, str] = {}               # player id -> nickname, for the debrief
        self._ids = 0

    # --- bookkeeping ----------------------------------------------------------------------
    @property
    def round(self) -> int:
        """The round in progress (0-based)."""
        return len(self.run.rounds)

    def _changed(self, action: bool = True) -> None:
        if action:
            self.last_action = self.clock()
        self.version += 1
        self.cond.notify_all()

    def wait_for_change(self, version: int, timeout: float) -> int:
        """Block until the room's version differs from ``version`` (or timeout); the version."""
        with self.cond:
            if self.version == version:
                self.cond.wait(timeout)
            return self.version

    def _player(self, token) -> Player:
        player = self.players.get(token) if isinstance(token, str) else None
        if player is None:
            raise RoomError("error.token", "this link does not belong to a player of this room")
        return player

    def _teacher(self, token) -> None:
        if not (isinstance(token, str) and secrets.compare_digest(token, self.teacher_token)):
            raise RoomError("error.teacher", "only the teacher can do this")

    def _open(self) -> None:
        if self.ended:
            raise RoomError("error.ended", "this class has ended")

    def present(self, player: Player) -> bool:
        """Seen within LEAVE_SECONDS (a student who left hands her role back to the model)."""
        return self.clock() - player.last_seen <= LEAVE_SECONDS

    # --- students ---------------------------------------------------------------------------
    def join(self, name) -> Player:
        """A new student: a checked nickname, a secret token and the least-taken role."""
        with self.cond:
            self._open()
            name = clean_name(name)
            if len(self.players) >= MAX_PARTICIPANTS:
                raise RoomError("error.full", f"this class is full ({MAX_PARTICIPANTS} "
                                "participants); ask your teacher", n=MAX_PARTICIPANTS)
            if any(p.name.casefold() == name.casefold() for p in self.players.values()):
                raise RoomError("error.name_taken", "another student already uses this name")
            holders = {r.key: 0 for r in self.run.roles}
            for p in self.players.values():
                holders[p.role] += 1
            role = min(self.run.roles, key=lambda r: holders[r.key]).key   # first of the fewest
            self._ids += 1
            player = Player(f"p{self._ids}", name, secrets.token_urlsafe(24), role, self.clock())
            self.players[player.token] = player
            self.known[player.id] = name
            self._changed()
            return player

    def rejoin(self, token) -> Player:
        """The student of ``token`` is back (after a reload): same name, same role."""
        with self.cond:
            self._open()
            player = self._player(token)
            player.last_seen = self.clock()
            self._changed()
            return player

    def seen(self, token) -> None:
        """The student's page is still open (called by her page about once a second)."""
        with self.cond:
            player = self.players.get(token)
            if player is not None and not self.ended:
                was_present = self.present(player)
                player.last_seen = self.clock()
                if not was_present:
                    self._changed(action=False)

    def submit(self, token, role: str, decision: dict) -> None:
        """The student's decision for this round, for her own role only."""
        with self.cond:
            self._open()
            player = self._player(token)
            if role != player.role:
                raise RoomError("error.not_your_role", "this role belongs to another student")
            try:
                clean = check_decision(self.run.role_by_key[role], decision,
                                       self.run.weekly_hours)
            except DecisionError as err:
                raise RoomError("error.decision", str(err), detail=str(err)) from None
            entry = Submission(self.round, player.id, role, clean,
                               round(self.clock() - self.opened_round_at, 1))
            self.log.append(entry)
            self.pending[role] = entry
            player.submitted_round = self.round
            player.last_seen = self.clock()
            self._changed()
            if not self.paused and self.everyone_submitted():
                self._advance()

    # --- rounds -------------------------------------------------------------------------------
    def waited_roles(self) -> list[str]:
        """Roles the round waits for: those with a student present."""
        roles = []
        for p in self.players.values():
            if p.role not in roles and self.present(p):
                roles.append(p.role)
        return roles

    def everyone_submitted(self) -> bool:
        waited = self.waited_roles()
        return bool(waited) and all(role in self.pending for role in waited)

    def _advance(self) -> RoundResult:
        decisions = {role: s.decision for role, s in self.pending.items()}
        deciders = {role: s.player for role, s in self.pending.items()}
        for s in self.pending.values():
            s.applied = True
        result = self.run.play_round(decisions, deciders)
        self.pending = {}
        self.opened_round_at = self.clock()
        self.deadline = self.opened_round_at + self.timer if self.timer and not self.paused else None
        if self.round >= MAX_ROUNDS:
            self._finish()
        self._changed()
        return result

    def tick(self) -> None:
        """Advance when the timer ran out or when those still present have all submitted."""
        with self.cond:
            if self.ended or self.paused:
                return
            now = self.clock()
            if self.deadline is not None and now >= self.deadline:
                self._advance()
            elif self.pending and self.everyone_submitted():
                self._advance()   # the last one missing left: her role goes to the model

    # --- the teacher ------------------------------------------------------------------------
    def next_round(self, token) -> RoundResult:
        with self.cond:
            self._teacher(token)
            self._open()
            return self._advance()

    def set_paused(self, token, paused: bool) -> None:
        with self.cond:
            self._teacher(token)
            self._open()
            now = self.clock()
            if paused and not self.paused:
                self.remaining = None if self.deadline is None else max(0.0, self.deadline - now)
                self.deadline = None
            elif not paused and self.paused:
                if self.remaining is not None:
                    self.deadline = now + self.remaining
                self.remaining = None
            self.paused = bool(paused)
            self._changed()

    def set_timer(self, token, seconds: int) -> None:
        """Seconds per round (one of TIMER_CHOICES; 0 turns the timer off), from now."""
        with self.cond:
            self._teacher(token)
            self._open()
            if seconds not in TIMER_CHOICES:
                raise RoomError("error.timer", f"the timer must be one of {TIMER_CHOICES}")
            self.timer = int(seconds)
            if self.paused:
                self.remaining = float(seconds) if seconds else None
            else:
                self.deadline = self.clock() + seconds if seconds else None
            self._changed()

    def seconds_left(self) -> float | None:
        if self.paused:
            return self.remaining
        return None if self.deadline is None else max(0.0, self.deadline - self.clock())

    def remove(self, token, player_id: str) -> None:
        """Take a student out of the class; her token stops working, her role goes back."""
        with self.cond:
            self._teacher(token)
            self._open()
            for key, p in list(self.players.items()):
                if p.id == player_id:
                    del self.players[key]
                    pending = self.pending.get(p.role)
                    if pending is not None and pending.player == p.id:
                        del self.pending[p.role]
                    self._changed()
                    return
            raise RoomError("error.no_player", "no such student in this class")

    def end(self, token):
        """End the class: the debrief is computed and the room leaves the registry."""
        with self.cond:
            self._teacher(token)
            self._open()
            self._finish()
            self._changed()
            return self.debrief

    def _finish(self) -> None:
        from .debrief import make_debrief

        self.debrief = make_debrief(self)
        self.ended = True
        self.deadline = None

    def expire(self) -> None:
        """End for lack of activity (no teacher token needed: the room's own rule)."""
        with self.cond:
            if not self.ended:
                self.ended = True
                self.deadline = None
                self._changed(action=False)

    # --- views ---------------------------------------------------------------------------------
    def decisions_csv(self, token) -> str:
        """Every decision sent, one row each (teacher only)."""
        with self.cond:
            self._teacher(token)
            names = self.known
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["room", "round", "year", "month", "player", "name", "role",
                             *ACTIVITIES, "meet_with", "extra_case", "refers",
                             "seconds_into_round", "applied"])
            start_year = self.run.model.p.start_year
            for s in self.log:
                d = s.decision
                writer.writerow([self.code, s.round + 1, start_year + s.round // 12,
                                 s.round % 12 + 1, s.player, names.get(s.player, ""), s.role,
                                 *(d.get(a, "") for a in ACTIVITIES), d.get("meet_with", ""),
                                 d.get("extra_case", ""), d.get("refers", ""), s.seconds,
                                 s.applied])
            return out.getvalue()


class Registry:
    """Every open room of this server, by code; rooms end after IDLE_SECONDS without action."""

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.rooms: dict[str, Room] = {}
        self.lock = threading.Lock()
        self._ticker: threading.Thread | None = None

    def create(self, seed: int | None = None, params: dict | None = None) -> Room:
        """A new room with a fresh code (seed: a random one when not given)."""
        with self.lock:
            self._sweep()
            while True:
                code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
                if code not in self.rooms:
                    break
            seed = secrets.randbelow(10**6) if seed is None else int(seed)
            room = Room(code, seed, clock=self.clock, params=dict(params or {}))
            self.rooms[code] = room
            return room

    def get(self, code) -> Room:
        """The open room of ``code`` (any case, spaces ignored), or RoomError."""
        key = "".join(str(code or "").split()).upper()[:CODE_LENGTH + 5]
        with self.lock:
            self._sweep()
            room = self.rooms.get(key)
        if room is None:
            raise RoomError("error.code", "there is no open class with this code")
        return room

    def _sweep(self) -> None:
        now = self.clock()
        for code, room in list(self.rooms.items()):
            if not room.ended and now - room.last_action >= IDLE_SECONDS:
                room.expire()
            if room.ended:
                del self.rooms[code]

    def tick(self) -> None:
        """Timers, departures and idle rooms: called about four times a second."""
        with self.lock:
            self._sweep()
            rooms = list(self.rooms.values())
        for room in rooms:
            room.tick()

    def start_ticker(self, interval: float = 0.25) -> None:
        """Run ``tick`` in a daemon thread (once per process)."""
        with self.lock:
            if self._ticker is not None:
                return

            def loop():
                while True:
                    time.sleep(interval)
                    try:
                        self.tick()
                    except Exception as err:  # noqa: BLE001 (one room must not stop the others' clocks)
                        print(f"classroom ticker: {type(err).__name__}: {err}", flush=True)

            self._ticker = threading.Thread(target=loop, daemon=True, name="classroom-ticker")
            self._ticker.start()


#: The rooms of this server process (pages of every browser tab share it).
REGISTRY = Registry()
