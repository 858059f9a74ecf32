"""The classroom pages' CSS: a code and QR readable from the back of a room, phone-sized forms.

Colours come from viz.theme as CSS variables (``var(--kb-accent-dark)``).
"""

from ..theme import css_variables

CSS = css_variables() + """
.kb-class-top { display: grid; grid-template-columns: minmax(320px, 1fr) minmax(320px, 1fr);
  gap: 14px; }
.kb-join-card { display: flex; flex-direction: column; align-items: center; gap: 6px; }
.kb-room-code { font-size: 72px; font-weight: 800; letter-spacing: 10px;
  color: var(--kb-accent-dark);
  font-family: "DejaVu Sans Mono", monospace; line-height: 1.1; }
.kb-join-url { font-size: 20px; font-weight: 600; word-break: break-all; }
.kb-qr { width: min(360px, 80vw); height: auto; image-rendering: pixelated; }
.kb-round { font-size: 28px; font-weight: 700; color: var(--kb-heading); display: block; }
.kb-class-btn { margin: 4px; text-transform: none !important; }
.kb-players { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.kb-player { display: flex; flex-direction: column; border-radius: 8px; padding: 6px 10px;
  background: var(--kb-orange-tint); border-left: 5px solid var(--kb-orange); min-width: 150px; }
.kb-player.kb-done { background: var(--kb-green-tint); border-left-color: var(--kb-green); }
.kb-player.kb-gone { background: var(--kb-track); border-left-color: var(--kb-faint);
  opacity: .75; }
.kb-player-name { font-weight: 700; }
.kb-player-status { font-size: 13px; }
.kb-class-state { display: grid; grid-template-columns: 2fr 1fr; gap: 14px; }
.kb-class-table { border-collapse: collapse; width: 100%; font-size: 14px; }
.kb-class-table th, .kb-class-table td { padding: 4px 8px; border-bottom: 1px solid var(--kb-grid);
  text-align: right; }
.kb-class-table th:first-child, .kb-class-table td:first-child { text-align: left; }
.kb-line { display: block; margin: 2px 0; }
.kb-slider-label { margin: 6px 0 -10px; font-size: 15px; }
.kb-strong { font-weight: 700; }
.kb-role { font-size: 26px; font-weight: 700; color: var(--kb-accent-dark); display: block; }
.kb-student { max-width: 640px; margin: 0 auto; }
@media (max-width: 900px) {
  .kb-class-top, .kb-class-state { grid-template-columns: 1fr; }
}
"""
