"""Line charts drawn as SVG text: fast enough to redraw on every weekly step.

A chart is a list of ``Line`` objects (a label, a colour, y values with NaN as gaps,
and optionally a lower and upper band) drawn over a shared x axis in years. Matplotlib
takes a third of a second for six panels, far too slow for live play; this takes a
few milliseconds. PNG files for download are made with matplotlib (viz.export).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from typing import Sequence

import numpy as np

from .i18n import compact, number, plain, significant
from .i18n import percent as percent_text
from .theme import AGENCY_COLOURS, PALETTE, UI  # noqa: F401  (re-exported for callers)


@dataclass
class Line:
    """One series: y values (NaN = gap), optional 95% band, colour, width and dash."""

    label: str
    color: str
    y: Sequence[float]
    lo: Sequence[float] | None = None
    hi: Sequence[float] | None = None
    width: float = 2.0
    dash: str | None = None


@dataclass(frozen=True)
class Marker:
    """A reported figure drawn as a point: calendar time, value, and what it is (on hover).

    ``span`` is the time before ``x`` the figure covers (a year for a yearly count):
    the point is drawn only on a chart whose run simulated all of it.
    """

    x: float
    y: float
    title: str
    span: float = 0.0

    def drawn_on(self, x_lo: float, x_hi: float) -> bool:
        """Whether a chart from ``x_lo`` to ``x_hi`` covers this figure's whole span."""
        return (x_lo - 1e-9 <= self.x - self.span and self.x <= x_hi + 1e-9
                and math.isfinite(self.y))


#: Colour of reported points: dark, apart from every line colour.
MARKER_COLOUR = PALETTE["reported"]


def _diamond(cx: float, cy: float, r: float = 5.0) -> str:
    return f"M{cx:.1f},{cy - r:.1f}l{r:g},{r:g}l-{r:g},{r:g}l-{r:g},-{r:g}z"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 times a power of ten) covering [low, high]."""
    if not math.isfinite(low) or not math.isfinite(high):
        return [0.0, 1.0]
    if high <= low:
        high = low + 1.0
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 0.5 and len(ticks) < 12:
        ticks.append(round(value, 10))
        value += step
    return ticks


def decimals(value: float) -> int:
    """How many decimals a round tick value needs (0 for 20, 2 for 0.25)."""
    text = f"{value:.6g}"
    return len(text.split(".")[1]) if "." in text and "e" not in text else 0


def _fmt_tick(value: float, percent: bool, lang: str = "en") -> str:
    """A y axis label in ``lang``'s format, by Babel: 25%, 1.5 (1,5), 2.5K (2,5 rb) for 2500."""
    if percent:
        return percent_text(value, lang, max(0, decimals(100 * value)))
    if abs(value) >= 1000:
        return compact(value, lang)
    return number(value, lang, decimals(value))


def label_width(text: str) -> float:
    """About how wide ``text`` is at the legend's 12.5 px (capitals and digits are wider)."""
    return sum(8.6 if c.isupper() or c.isdigit() else 4.0 if c in " ijlft.,:;'" else 7.2
               for c in text)


def _year_tick(value: float, lang: str) -> str:
    """An x axis label: a calendar year (2027, never grouped) or a fraction of one (0,25)."""
    return plain(value, lang, decimals(value))


def _segments(xs: np.ndarray, ys: np.ndarray):
    """Runs of consecutive finite points, as index arrays."""
    finite = np.isfinite(np.asarray(ys, dtype=float))
    if finite.all():
        return [np.arange(len(finite))] if len(finite) else []
    edges = np.flatnonzero(np.diff(np.concatenate([[0], finite.astype(np.int8), [0]])))
    return [np.arange(start, stop) for start, stop in zip(edges[::2], edges[1::2])]


def _points(px: np.ndarray, py: np.ndarray) -> str:
    """"x,y x,y ..." with one decimal, for polylines and polygons."""
    pairs = np.empty(2 * len(px))
    pairs[0::2], pairs[1::2] = px, py
    return " ".join(["%.1f,%.1f"] * len(px)) % tuple(pairs.tolist())


def line_chart(title: str, x: Sequence[float], lines: Sequence[Line], *, y_min=None,
               y_max=None, percent: bool = False, x_label: str = "", width: int = 400,
               height: int = 260, note: str = "", marks: Sequence[tuple[float, str]] = (),
               markers: Sequence[Marker] = (), marker_label: str = "",
               lang: str = "en") -> str:
    """An SVG line chart; x is in (calendar) years. Returns the SVG markup as text.

    ``marks`` are (x, label) pairs drawn as dashed vertical lines with a numbered
    flag (a change made during the run); the label shows on hover and on tap.
    ``markers`` (reported figures) are drawn as diamonds where the x span covers
    them, with one legend entry ``marker_label`` when at least one is drawn.
    """
    xs = np.asarray(x, dtype=float)
    x_lo = float(xs[0]) if xs.size else 0.0
    x_hi = float(xs[-1]) if xs.size else 1.0
    shown = [m for m in markers if m.drawn_on(x_lo, x_hi)]
    # legend under the title, wrapping; the plot starts below it
    entries = [ln for ln in lines if ln.label][:10]
    if shown:
        entries.append(Line(marker_label, MARKER_COLOUR, (), dash="marker"))
    legend, lx, ly = [], 4.0, 38.0
    for line in entries:
        w = 22 + label_width(line.label)
        if lx + w > width - 4 and lx > 4:
            lx, ly = 4.0, ly + 15
        legend.append((lx, ly, line))
        lx += w
    left, right, top, bottom = 50, 20, int(ly) + 16, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    values = []
    for line in lines:
        for arr in (line.y, line.lo, line.hi):
            if arr is not None and len(arr):
                a = np.asarray(arr, dtype=float)
                values.append(a[np.isfinite(a)])
    values.append(np.array([m.y for m in shown], dtype=float))
    data = np.concatenate(values)
    lo = float(data.min()) if data.size else 0.0
    hi = float(data.max()) if data.size else 1.0
    lo = lo if y_min is None else y_min
    hi = hi if y_max is None else max(hi, y_max)
    if y_min is None and lo > 0 and lo < hi * 0.5:
        lo = 0.0
    if hi - lo < 1e-9:
        hi = lo + (1.0 if not percent else 0.1)
    yticks = nice_ticks(lo, hi)
    lo, hi = min(lo, yticks[0]), max(hi, yticks[-1])
    if x_hi - x_lo < 1e-9:
        x_hi = x_lo + 1.0

    def px(v):
        return left + (v - x_lo) / (x_hi - x_lo) * plot_w

    def py(v):
        return top + plot_h - (v - lo) / (hi - lo) * plot_h

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'class="kb-chart" role="img" aria-label="{escape(title)}" '
           'font-family="Roboto, Helvetica, Arial, sans-serif">',
           f'<text x="4" y="18" font-size="16" font-weight="600" fill="{UI["text"]}">'
           f'{escape(title)}</text>']
    for lx, ly, line in legend:
        if line.dash == "marker":
            out.append(f'<g class="kb-chart-legend kb-reported-legend"><path '
                       f'd="{_diamond(lx + 6, ly - 4, 4.5)}" fill="{line.color}"/>'
                       f'<text x="{lx + 15}" y="{ly}" font-size="12.5" '
                       f'fill="{UI["text_mid"]}">{escape(line.label)}</text></g>')
            continue
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        out.append(f'<g class="kb-chart-legend"><line x1="{lx}" y1="{ly - 4}" x2="{lx + 12}" '
                   f'y2="{ly - 4}" stroke="{line.color}" stroke-width="3"{dash}/>'
                   f'<text x="{lx + 15}" y="{ly}" font-size="12.5" fill="{UI["text_mid"]}">'
                   f'{escape(line.label)}</text></g>')
    # grid and axes
    for tick in yticks:
        y = py(tick)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
                   f'stroke="{UI["grid"]}" stroke-width="1"/>'
                   f'<text x="{left - 5}" y="{y + 4:.1f}" font-size="12" fill="{UI["muted"]}" '
                   f'text-anchor="end">{_fmt_tick(tick, percent, lang)}</text>')
    span = x_hi - x_lo
    step = 1 if span <= 6 else 2 if span <= 12 else 5 if span <= 30 else 10
    if span < 1.5:
        step = 0.25 if x_lo < 1000 else 1      # calendar years: whole years only
    tick = math.ceil(x_lo / step) * step
    while tick <= x_hi + 1e-9:
        x = px(tick)
        out.append(f'<line x1="{x:.1f}" y1="{top + plot_h}" x2="{x:.1f}" y2="{top + plot_h + 4}" '
                   f'stroke="{UI["faint"]}"/>'
                   f'<text x="{x:.1f}" y="{top + plot_h + 17}" font-size="12" fill="{UI["muted"]}" '
                   f'text-anchor="middle">{_year_tick(tick, lang)}</text>')
        tick += step
    out.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
               f'stroke="{UI["faint"]}"/>')
    if x_label:
        out.append(f'<text x="{width - right}" y="{height - 2}" font-size="12" '
                   f'fill="{UI["muted"]}" text-anchor="end">{escape(x_label)}</text>')
    if note:
        out.append(f'<text x="{left + plot_w / 2:.0f}" y="{top + plot_h / 2:.0f}" font-size="13" '
                   f'fill="{UI["faint"]}" text-anchor="middle">{escape(note)}</text>')
    for i, (mx, label) in enumerate(marks, start=1):
        if not x_lo <= mx <= x_hi:
            continue
        x = px(mx)
        out.append(f'<g class="kb-mark" tabindex="0"><title>{escape(label)}</title>'
                   f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" '
                   f'stroke="{PALETTE["event"]}" stroke-width="1.5" stroke-dasharray="4 3"/>'
                   f'<rect x="{x - 8:.1f}" y="{top - 2}" width="16" height="15" rx="3" '
                   f'fill="{PALETTE["event"]}"/><text x="{x:.1f}" y="{top + 10}" font-size="11" '
                   f'fill="white" text-anchor="middle">{i}</text></g>')
    # bands, then lines
    for line in lines:
        if line.lo is None or line.hi is None:
            continue
        lo_a = np.asarray(line.lo, dtype=float)
        hi_a = np.asarray(line.hi, dtype=float)
        ok = np.isfinite(lo_a) & np.isfinite(hi_a)
        for run in _segments(xs, np.where(ok, 0.0, np.nan)):
            if len(run) < 2:
                continue
            upper = _points(px(xs[run]), py(hi_a[run]))
            lower = _points(px(xs[run[::-1]]), py(lo_a[run[::-1]]))
            out.append(f'<polygon points="{upper} {lower}" fill="{line.color}" '
                       'fill-opacity="0.18" stroke="none"/>')
    for line in lines:
        ys = np.asarray(line.y, dtype=float)
        if ys.size != xs.size:
            continue
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        for run in _segments(xs, ys):
            if len(run) == 1:
                i = run[0]
                out.append(f'<circle cx="{px(xs[i]):.1f}" cy="{py(ys[i]):.1f}" r="2" '
                           f'fill="{line.color}"/>')
                continue
            points = _points(px(xs[run]), py(ys[run]))
            out.append(f'<polyline points="{points}" fill="none" stroke="{line.color}" '
                       f'stroke-width="{line.width}" stroke-linejoin="round"{dash}>'
                       f'<title>{escape(line.label)}</title></polyline>')
    out.extend(_hover_values(xs, lines, px, top, plot_h, left, plot_w, percent, lang))
    for m in shown:      # over the hover columns, so that their own title shows
        out.append(f'<g class="kb-reported" tabindex="0"><title>{escape(m.title)}</title>'
                   f'<path d="{_diamond(px(m.x), py(m.y))}" fill="{MARKER_COLOUR}" '
                   'stroke="white" stroke-width="1"/></g>')
    out.append("</svg>")
    return "".join(out)


#: Columns of a chart that show their values on hover or tap.
HIT_COLUMNS = 20


def _value_text(value: float, percent: bool, lang: str) -> str:
    """A value shown on hover or tap, in ``lang``'s format (Babel): 25%, 0.42, 1,234."""
    if not math.isfinite(value):
        return "–"
    return percent_text(value, lang) if percent else significant(value, lang)


def _hover_values(xs, lines, px, top, plot_h, left, plot_w, percent, lang) -> list[str]:
    """Invisible columns that show the lines' values at that time on hover or tap (focus).

    Pure SVG and CSS (viz.style: ``.kb-hit``), so it works on touch screens and costs
    no script; a tapped column takes the focus and shows its values until the next tap.
    """
    labelled = [ln for ln in lines if ln.label and len(ln.y) == len(xs)][:6]
    if len(xs) < 2 or not labelled:
        return []
    count = min(HIT_COLUMNS, len(xs))
    edges = np.linspace(0, len(xs), count + 1).astype(int)
    picks = np.maximum(edges[:-1], np.minimum(edges[1:] - 1, (edges[:-1] + edges[1:]) // 2))
    lefts = px(xs[edges[:-1]])
    rights = px(xs[np.minimum(edges[1:], len(xs) - 1)])
    centres = px(xs[picks])
    names = [escape(ln.label[:28]) for ln in labelled]
    values = [[_value_text(float(v), percent, lang) for v in np.asarray(ln.y, float)[picks]]
              for ln in labelled]
    when = [plain(round(float(x), 1), lang, 1) for x in xs[picks]]
    out = []
    for k in range(count):
        rows = [when[k]] + [f"{names[j]}: {values[j][k]}" for j in range(len(labelled))]
        box_w = 12 + 6.6 * max(len(r) for r in rows)
        x = centres[k]
        bx = x + 8 if x + 8 + box_w <= left + plot_w else x - 8 - box_w
        texts = "".join(f'<text x="{bx + 6:.1f}" y="{top + 16 + 14 * j}" font-size="12">{r}'
                        f"</text>" for j, r in enumerate(rows))
        out.append(f'<g class="kb-hit" tabindex="0"><rect x="{lefts[k]:.1f}" y="{top}" '
                   f'width="{max(rights[k] - lefts[k], 1):.1f}" height="{plot_h}" '
                   f'fill="transparent"/><line class="kb-cursor" x1="{x:.1f}" y1="{top}" '
                   f'x2="{x:.1f}" y2="{top + plot_h}" stroke="none"/><g class="kb-tip">'
                   f'<rect x="{bx:.1f}" y="{top + 2}" width="{box_w:.0f}" '
                   f'height="{6 + 14 * len(rows)}" rx="4" fill="white" stroke="{UI["line"]}"/>'
                   f'{texts}</g></g>')
    return out


def rolling_sum(values: Sequence[float], window: int) -> np.ndarray:
    """Sum over the last ``window`` values (fewer at the start)."""
    a = np.nan_to_num(np.asarray(values, dtype=float))
    c = np.concatenate([[0.0], np.cumsum(a)])
    idx = np.arange(1, len(a) + 1)
    return c[idx] - c[np.maximum(idx - window, 0)]


def rolling_ratio(num: Sequence[float], den: Sequence[float], window: int) -> np.ndarray:
    """sum(num)/sum(den) over the last ``window`` values; NaN where the denominator is 0."""
    n = rolling_sum(num, window)
    d = rolling_sum(den, window)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(d > 0, n / np.where(d > 0, d, 1.0), np.nan)
