"""The Explore page's model for one browser session: settings, the run, play and step.

``LiveRun`` owns one ``CollaborationModel``. A lever moved during a run is an
intervention: it applies from the coming week (``model.change``), nothing is
replayed, Play goes on, and the change is logged and marked on the charts. At week
0 a lever simply changes the run's starting settings. A new scenario or seed starts
a new run at week 0; Reset goes back to week 0 with the starting settings (and
forgets the interventions). After each change the run publishes an immutable
``Frame`` (the numbers the page draws), so drawing never reads a model that the play
thread is stepping. Bad input (a seed that is not a number, a value the model
refuses) leaves the run as it was and sets ``message``.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field, replace

import numpy as np
import solara

from model import AGENCY_KEYS, FLOWS, STOCKS, WEEKS_PER_YEAR, CollaborationModel, ParameterError

from experiments.events import apply_events

from .levers import changed_only, full_parameters
from .network_view import NetworkLayout

#: Longest run the page plays (years).
MAX_YEARS = 40
MAX_WEEKS = MAX_YEARS * WEEKS_PER_YEAR
#: Play speeds offered (simulated weeks per second): slowest, default, fastest.
SPEEDS = (1, 8, 52)
#: Most frames Play publishes per second (the page redraws once per frame).
FRAMES_PER_SECOND = 6


@dataclass(frozen=True)
class Settings:
    """What a run is built from: a scenario name, changes on top of it, and the seed text."""

    scenario: str = "baseline"
    changes: dict = field(default_factory=dict)
    seed_text: str = "42"
    events: tuple = ()        # experiments.events.Event of the scenario file

    @classmethod
    def of_scenario(cls, name: str, seed_text: str = "42") -> "Settings":
        """A named scenario's settings and events, unedited."""
        from experiments.spec import load_scenario

        scenario = load_scenario(name)
        return cls(name, dict(scenario.parameters), seed_text, scenario.events)

    @property
    def parameters(self) -> dict:
        """Every parameter value (defaults, then the changes)."""
        return full_parameters(self.changes)


@dataclass(frozen=True)
class Frame:
    """A snapshot of the run to draw: the week, its record, weekly columns and the network."""

    week: int
    record: dict
    columns: dict          # reporter name -> numpy array over weeks 0..week
    graph: object          # networkx graph of the collaboration network
    seed: int
    settings: Settings
    build: int             # counts rebuilds, so views can tell a new run from a step
    params: dict = field(default_factory=dict)    # the values in force now
    changes: tuple = ()    # model.change_log entries: step, year, changes, label
    year: int = 0          # calendar year of the last simulated week
    start_year: int = 0

    @property
    def years(self) -> np.ndarray:
        """Calendar time of each week (the start year at week 0)."""
        return self.start_year + np.arange(self.week + 1) / WEEKS_PER_YEAR

    def last(self, name: str, weeks: int) -> float:
        """Sum of a weekly flow over the last ``weeks`` weeks (week 0 excluded)."""
        values = self.columns[name][1:]
        return float(np.nansum(values[-weeks:])) if len(values) else 0.0

    def referrals_by_agency(self, weeks: int = WEEKS_PER_YEAR) -> dict:
        return {k: int(self.last(f"referrals_{k}", weeks)) for k in AGENCY_KEYS}


def parse_seed(text) -> int:
    """The seed as a whole number >= 0, or ValueError."""
    value = int(str(text).strip())
    if value < 0:
        raise ValueError(text)
    return value


def _same(a, b) -> bool:
    return a is b


class LiveRun:
    """One session's live model (never shared between sessions)."""

    def __init__(self, settings: Settings | None = None):
        self.lock = threading.RLock()
        self.layout = NetworkLayout()
        self.settings = solara.reactive(settings or Settings(), equals=_same)
        self.frame = solara.reactive(None, equals=_same)
        self.message = solara.reactive(None)     # (i18n key, values) or None
        self.playing = solara.reactive(False)
        self.speed = solara.reactive(SPEEDS[1])  # simulated weeks per second
        # the values in force and the changes made so far: changes only when they do, so
        # the controls are not redrawn on every step
        self.applied = solara.reactive(({}, ()))
        self.model = None
        self._builds = 0
        self._stop: threading.Event | None = None
        self._build(self.settings.peek(), weeks=0)

    # --- building ------------------------------------------------------------------------------
    def _build(self, settings: Settings, weeks: int) -> bool:
        """Build a model from ``settings`` and run it ``weeks`` weeks; False if refused."""
        try:
            seed = parse_seed(settings.seed_text)
        except ValueError:
            self.message.value = ("error.seed", {"text": str(settings.seed_text)[:40]})
            return False
        try:
            model = CollaborationModel(rng=seed, **settings.parameters)
            apply_events(model, settings.events)
            for _ in range(weeks):
                model.step()
        except ParameterError as err:
            self.message.value = ("error.params", {"detail": str(err)})
            return False
        except Exception as err:  # an extreme combination the model cannot run
            self.message.value = ("error.model", {"detail": f"{type(err).__name__}: {err}"})
            return False
        with self.lock:
            self.model = model
            self.seed = seed
            self._builds += 1
            self.layout = NetworkLayout()
            frame = self._snapshot(settings)
        self.settings.value = settings
        self.message.value = None
        self.frame.value = frame
        self._publish_applied(frame)
        return True

    def _publish_applied(self, frame: Frame) -> None:
        self.applied.value = (frame.params, frame.changes)

    def _snapshot(self, settings: Settings) -> Frame:
        model = self.model
        cols = model.datacollector.model_vars
        columns = {k: np.asarray(cols[k], dtype=float) for k in FLOWS + STOCKS}
        return Frame(week=model.steps, record=dict(model.record), columns=columns,
                     graph=model.network(), seed=self.seed, settings=settings,
                     build=self._builds, params=model.p.as_dict(),
                     changes=tuple(dict(c) for c in model.change_log), year=model.year,
                     start_year=model.p.start_year)

    @property
    def week(self) -> int:
        return self.model.steps if self.model is not None else 0

    def apply(self, **changes) -> bool:
        """Start a new run at week 0 from changed scenario, changes, events or seed_text."""
        self.pause()
        new = replace(self.settings.peek(), **changes)
        return self._build(new, weeks=0)

    def select_scenario(self, name: str) -> bool:
        """A new run of scenario ``name`` with its own settings and events (also restores
        them when it is the current scenario)."""
        fresh = Settings.of_scenario(name, self.settings.peek().seed_text)
        return self.apply(scenario=name, changes=fresh.changes, events=fresh.events)

    def restore(self) -> bool:
        """Back to the current scenario's own settings, at week 0."""
        return self.select_scenario(self.settings.peek().scenario)

    def set_parameter(self, name: str, value) -> bool:
        """At week 0 a new starting value; during a run an intervention from the coming week."""
        if self.week > 0 or self.playing.peek():
            return self.intervene(**{name: value})
        changes = dict(self.settings.peek().changes)
        changes[name] = value
        return self.apply(changes=changed_only(full_parameters(changes)))

    def intervene(self, label: str = "", **changes) -> bool:
        """Change parameters from the coming week on, without replaying (Play goes on)."""
        with self.lock:
            try:
                self.model.change(label=label, **changes)
            except ParameterError as err:
                self.message.value = ("error.params", {"detail": str(err)})
                return False
            frame = self._snapshot(self.settings.peek())
        self.message.value = None
        self.frame.value = frame
        self._publish_applied(frame)
        return True

    def set_seed(self, text: str) -> bool:
        return self.apply(seed_text=text)

    def reset(self) -> bool:
        """Back to week 0 with the starting settings (interventions are dropped)."""
        self.pause()
        return self._build(self.settings.peek(), weeks=0)

    # --- stepping --------------------------------------------------------------------------------
    def step(self, weeks: int = 1, stop: threading.Event | None = None) -> None:
        """Advance ``weeks`` weeks (stops at MAX_WEEKS) and publish the new frame."""
        with self.lock:
            if stop is not None and stop.is_set():
                return
            try:
                for _ in range(weeks):
                    if self.model.steps >= MAX_WEEKS or (stop is not None and stop.is_set()):
                        break
                    self.model.step()
            except Exception as err:
                self.message.value = ("error.model", {"detail": f"{type(err).__name__}: {err}"})
                self._stop_flag()
                return
            frame = self._snapshot(self.settings.peek())
            # published under the lock: pause() (and so Reset or a new run) waits for it, and
            # a frame of the run being replaced never lands after the new run's first frame
            self.frame.value = frame
            if len(frame.changes) != len(self.applied.peek()[1]):   # a scheduled event
                self._publish_applied(frame)

    def play(self) -> None:
        """Step in a background thread at ``speed`` simulated weeks per second, until paused.

        The model steps as fast as the speed asks; the page is redrawn at most
        FRAMES_PER_SECOND times a second, with every week stepped since the last frame.
        """
        if self.playing.peek() or self.week >= MAX_WEEKS:
            return
        stop = threading.Event()
        self._stop = stop
        self.playing.value = True

        def loop():
            try:
                started, done = time.monotonic(), 0
                while not stop.is_set() and self.week < MAX_WEEKS:
                    tick = time.monotonic()
                    due = int((tick - started) * self.speed.peek()) - done
                    if due > 0:
                        self.step(due, stop)
                        done += due
                    now = time.monotonic()
                    next_week = started + (done + 1) / max(1, self.speed.peek())
                    stop.wait(max(next_week - now, 1 / FRAMES_PER_SECOND - (now - tick), 0.005))
            except Exception:  # the tab was closed while playing: just stop
                stop.set()
            finally:
                if self._stop is stop:
                    try:
                        self.playing.value = False
                    except Exception:
                        pass

        threading.Thread(target=loop, daemon=True, name="kolaborasi-play").start()

    def set_speed(self, weeks_per_second: float) -> None:
        """Play speed in simulated weeks per second (kept within SPEEDS)."""
        self.speed.value = int(min(max(round(weeks_per_second), SPEEDS[0]), SPEEDS[-1]))

    def _stop_flag(self) -> None:
        if self._stop is not None:
            self._stop.set()

    def pause(self) -> None:
        """Stop playing: once this returns, the week no longer changes until play or step."""
        self._stop_flag()
        self._stop = None
        with self.lock:     # a step under way stops after its current week; wait for it
            pass
        if self.playing.peek():
            self.playing.value = False

    # --- export ----------------------------------------------------------------------------------
    def csv_text(self) -> str:
        """The run's weekly time series as CSV (week, calendar year, every reported quantity),
        under a header with its seed, parameters, scenario edits, events and interventions."""
        from .provenance import csv_with_header, provenance

        with self.lock:
            series = self.model.datacollector.get_model_vars_dataframe()
            settings = self.settings.peek()
            info = provenance(settings, self.seed, settings.events,
                              interventions=[dict(c) for c in self.model.change_log],
                              weeks=self.model.steps)
            start = self.model.p.start_year
        series.index.name = "week"
        if "year" not in series:       # the model reports its calendar year itself
            series.insert(0, "year", start + np.maximum(0, series.index - 1) // WEEKS_PER_YEAR)
        else:
            series.insert(0, "year", series.pop("year"))
        return csv_with_header(series, {"kind": "Kolaborasi run", **info}, float_format="%.6g")
