"""The app's CSS (kept in Python so it installs with the package, no data files).

Colours come from viz.theme as CSS variables (``var(--kb-accent)``); none is written here.
"""

from .theme import css_variables

CSS = css_variables() + """
/* Kolaborasi app styles: calm colours, large readable type, cards on a light background. */

.kb-app { background: var(--kb-page); min-height: 100vh; color: var(--kb-text);
  font-family: Roboto, "Helvetica Neue", Arial, sans-serif; }
.kb-app .v-application--wrap { min-height: auto; }

/* header */
.kb-header { display: flex; align-items: center; gap: 24px; padding: 10px 24px;
  background: linear-gradient(90deg, var(--kb-accent-dark), var(--kb-accent) 60%,
    var(--kb-accent-light)); color: white;
  box-shadow: 0 2px 6px rgba(0,0,0,.18); flex-wrap: wrap; }
.kb-brand { display: flex; flex-direction: column; min-width: 240px; }
.kb-brand-title { font-size: 24px; font-weight: 700; letter-spacing: .5px; }
.kb-brand-sub { font-size: 13px; opacity: .88; max-width: 460px; line-height: 1.3; }
.kb-nav { display: flex; gap: 4px; flex: 1; }
.kb-header .v-btn.kb-nav-button { color: white !important; font-size: 15px; letter-spacing: .3px;
  text-transform: none; font-weight: 500; border-radius: 6px; height: 40px !important; }
.kb-header .v-btn.kb-nav-button.kb-active { background: rgba(255,255,255,.2); font-weight: 700; }
.kb-lang { display: flex; background: rgba(255,255,255,.12); border-radius: 8px; padding: 3px; }
.kb-header .v-btn.kb-lang-button { color: white !important; text-transform: none; font-size: 13px;
  height: 32px !important; border-radius: 6px; }
.kb-header .v-btn.kb-lang-button.kb-active { background: white;
  color: var(--kb-accent-dark) !important;
  font-weight: 700; }

.kb-content .v-sheet.d-flex { background-color: transparent !important; }
.kb-content { padding: 18px 24px 40px; max-width: 1680px; margin: 0 auto; }
.kb-page-title { font-size: 26px; font-weight: 600; color: var(--kb-heading); display: block; }
.kb-intro { font-size: 15px; color: var(--kb-text-mid); display: block; margin-bottom: 10px;
  max-width: 980px; line-height: 1.45; }
.kb-note { font-size: 12.5px; color: var(--kb-muted); display: block; line-height: 1.4; }
.kb-muted { color: var(--kb-muted-light); font-size: 13px; }

/* cards */
.kb-card { background: white; border-radius: 10px; padding: 12px 14px;
  box-shadow: 0 1px 3px rgba(0,0,0,.08), 0 1px 2px rgba(0,0,0,.04); }
.kb-card-title { font-size: 16px; font-weight: 600; color: var(--kb-ink); display: block;
  margin-bottom: 6px; }
.kb-svg svg { width: 100%; height: auto; display: block; }
.kb-live .kb-card, .kb-net-row > div, .kb-charts > div { min-width: 0; }
.kb-net-card .kb-note { margin-top: 4px; }

/* explore */
.kb-explore { display: grid; grid-template-columns: 350px minmax(0, 1fr); gap: 18px;
  align-items: start; }
.kb-sidebar { background: white; border-radius: 10px; padding: 14px 16px;
  box-shadow: 0 1px 3px rgba(0,0,0,.08); }
.kb-scenario-text { font-size: 13px; color: var(--kb-text-soft); line-height: 1.4; display: block; }
.kb-chip { display: inline-block; font-size: 12px; background: var(--kb-accent-tint);
  color: var(--kb-accent-dark);
  border-radius: 10px; padding: 1px 8px; width: fit-content; }
.kb-section-title { font-size: 15px; font-weight: 700; color: var(--kb-heading); margin-top: 6px;
  display: block; }
.kb-group-title { font-size: 13px; font-weight: 700; color: var(--kb-accent);
  text-transform: uppercase;
  letter-spacing: .4px; margin-top: 10px; display: block; }
.kb-lever { padding: 2px 0 6px; border-bottom: 1px solid var(--kb-divider); }
.kb-lever-head { display: flex; justify-content: space-between; align-items: baseline;
  gap: 6px; margin: 0 !important; }
.kb-range-ends { display: flex; justify-content: space-between; font-size: 11px;
  color: var(--kb-muted-light); margin: -4px 4px 0; }
.kb-lever-label { font-size: 13.5px; font-weight: 500; color: var(--kb-text); }
.kb-lever-value { font-size: 13.5px; font-weight: 700; color: var(--kb-accent-dark);
  white-space: nowrap; }
.kb-lever-help { font-size: 11.5px; color: var(--kb-muted-light); display: block;
  line-height: 1.3; }
.kb-slider { margin: 0 4px !important; }
.kb-switch { margin-top: 2px !important; }
.kb-switch .v-label { font-size: 13.5px; color: var(--kb-text); }
.v-btn.kb-play { min-width: 104px !important; }
.kb-speed .v-btn { font-size: 12px !important; text-transform: none; padding: 0 10px !important; }
.kb-speed-label { font-size: 12.5px; color: var(--kb-muted); }
.kb-advanced-toggle { text-transform: none !important; color: var(--kb-accent-dark) !important; }
.kb-advanced .v-input { font-size: 13px; }
.kb-message { margin: 4px 0 !important; }
.kb-main { min-width: 0; }

.kb-kpis { display: grid; grid-template-columns: repeat(8, minmax(0, 1fr)); gap: 10px; }
.kb-kpi { background: white; border-radius: 8px; padding: 8px 10px 9px;
  box-shadow: 0 1px 3px rgba(0,0,0,.08); display: flex; flex-direction: column; }
.kb-kpi-title { font-size: 12.5px; font-weight: 600; color: var(--kb-text-soft); }
.kb-kpi-value { font-size: 26px; font-weight: 700; color: var(--kb-text-strong); line-height: 1.2; }
.kb-kpi-sub { font-size: 11px; color: var(--kb-faint); line-height: 1.25; }
.kb-net-row { display: grid; grid-template-columns: minmax(0, 2.7fr) minmax(270px, 1fr);
  gap: 14px; }
.kb-legend { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 12px;
  color: var(--kb-text-mid);
  margin: 6px 0; }
.kb-legend-item { display: inline-flex; align-items: center; gap: 5px; }
.kb-dot { width: 11px; height: 11px; border-radius: 50%; display: inline-block; }
.kb-square { width: 13px; height: 10px; border: 2.5px solid; border-radius: 3px;
  display: inline-block; }
.kb-bar { width: 20px; height: 4px; border-radius: 2px; display: inline-block; }
.kb-trust-bar { height: 6px; }
.kb-flows { display: flex; flex-direction: column; gap: 9px; margin-top: 6px; }
.kb-flow-row { display: grid; grid-template-columns: 47% 1fr; gap: 8px; align-items: center; }
.kb-flow-label { font-size: 13px; color: var(--kb-ink); line-height: 1.2; }
.kb-flow-track { position: relative; height: 22px; background: var(--kb-track);
  border-radius: 4px; }
.kb-flow-fill { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 4px; }
.kb-flow-num { position: absolute; right: 6px; top: 2px; font-size: 13px; font-weight: 700;
  color: var(--kb-text); }
.kb-charts { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 12px; }
.kb-chart-card { padding: 8px 10px; }
.kb-downloads { gap: 8px; flex-wrap: wrap; }
.kb-downloads .v-btn { text-transform: none; }

/* compare */
.kb-sides { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) 330px;
  gap: 14px; align-items: start; }
.kb-side .v-select { margin: 6px 0 !important; }
.kb-run-card { display: flex; flex-direction: column; gap: 14px; }
.kb-run-card .v-input__slider .v-label { font-size: 13px; }
.kb-verdict { border-left: 6px solid var(--kb-accent); }
.kb-headline { font-size: 19px; font-weight: 600; color: var(--kb-heading); display: block;
  line-height: 1.4; margin: 2px 0 8px; }
.kb-verdict-list { margin: 0 0 8px 0; padding-left: 20px; font-size: 14.5px; line-height: 1.6; }
.kb-progress-text { font-size: 13px; color: var(--kb-text-soft); }
.kb-none-yet { max-width: 900px; }

/* teach */
.kb-teach { max-width: 1500px; margin: 0 auto; }
.kb-teach-steps { display: flex; flex-wrap: wrap; gap: 6px; }
.kb-teach-steps .v-btn { text-transform: none; font-size: 14px;
  color: var(--kb-accent-dark) !important; }
.kb-teach-steps .v-btn.kb-current { font-weight: 700; background: var(--kb-accent-tint); }
.kb-teach-title { font-size: 34px; font-weight: 700; color: var(--kb-heading); display: block;
  line-height: 1.2; }
.kb-teach-intro { padding: 28px 32px; max-width: 1000px; }
.kb-teach-para { font-size: 19px; line-height: 1.55; color: var(--kb-text); display: block;
  margin-top: 6px; }
.kb-teach-body { display: grid; grid-template-columns: minmax(0, 0.8fr) minmax(0, 1.45fr);
  gap: 18px; align-items: start; }
.kb-teach-text { display: flex; flex-direction: column; gap: 12px; }
.kb-teach-block { background: white; border-radius: 10px; padding: 14px 18px;
  box-shadow: 0 1px 3px rgba(0,0,0,.08); }
.kb-teach-ask { background: var(--kb-amber-tint); border-left: 6px solid var(--kb-amber); }
.kb-label .v-icon { color: var(--kb-accent); margin-right: 4px; }
.kb-label { font-size: 14px; font-weight: 700; color: var(--kb-accent); text-transform: uppercase;
  letter-spacing: .5px; display: block; }
.kb-experiment { display: flex; flex-direction: column; gap: 12px; padding: 16px 18px; }
.kb-arm { display: inline-block; border-left: 6px solid; padding: 3px 10px; margin-right: 14px;
  font-size: 16px; font-weight: 600; background: var(--kb-surface-alt); border-radius: 4px; }
.kb-teach-charts { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
.kb-result { background: var(--kb-green-tint); border-radius: 8px; padding: 12px 16px; }
.kb-result-text { font-size: 19px; line-height: 1.5; display: block; color: var(--kb-green-dark);
  font-weight: 500; }
.kb-waiting { font-size: 17px; color: var(--kb-muted-light); display: block; padding: 30px 0;
  text-align: center; }
.kb-teach-nav { position: sticky; top: 0; display: flex; gap: 12px;
  justify-content: space-between; padding: 8px 12px; background: rgba(255,255,255,.96);
  border-radius: 10px; box-shadow: 0 2px 8px rgba(0,0,0,.1); z-index: 5; }
.kb-teach-nav .v-btn { min-width: 200px !important; font-size: 20px !important;
  text-transform: none; }
.v-btn.kb-teach-run { text-transform: none; font-size: 18px !important; }

/* about and documents */
.kb-about-grid { display: grid; grid-template-columns: 1.2fr 1fr; gap: 16px; align-items: start; }
.kb-about-card .v-btn { text-transform: none; }
.kb-prose { font-size: 15px; line-height: 1.55; color: var(--kb-text); }
.kb-prose ul { padding-left: 22px; }
.kb-prose li { margin-bottom: 5px; }
.kb-doc-body { background: white; border-radius: 10px; padding: 18px 28px; max-width: 1100px;
  box-shadow: 0 1px 3px rgba(0,0,0,.08); }
.kb-doc-body table { border-collapse: collapse; margin: 10px 0; font-size: 13px; }
.kb-doc-body th, .kb-doc-body td { border: 1px solid var(--kb-grid); padding: 4px 8px;
  vertical-align: top; }
.kb-doc-body th { background: var(--kb-accent-wash); }
.kb-doc-body code { background: var(--kb-surface-alt); padding: 0 3px; border-radius: 3px;
  font-size: 12.5px; }
.kb-doc-body pre { background: var(--kb-surface-alt); padding: 8px; overflow-x: auto; }
.kb-doc-body h1, .kb-doc-body h2, .kb-doc-body h3 { color: var(--kb-heading); margin-top: 18px; }

/* sliders with their minimum and maximum */
.kb-range-row { display: flex; align-items: center; gap: 4px; }
.kb-range-row .kb-slider { flex: 1; min-width: 0; }
.kb-range-end { font-size: 11px; color: var(--kb-muted-light); white-space: nowrap; }
.kb-range { padding: 2px 0 4px; }

/* controls and headline numbers stay on screen */
.kb-sidebar { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow-y: auto;
  overscroll-behavior: contain; }
.kb-sticky-controls { position: sticky; top: -14px; z-index: 4; background: white;
  margin: -14px -16px 0; padding: 14px 16px 8px; border-bottom: 1px solid var(--kb-track); }
.kb-live { display: flex; flex-direction: column; gap: 14px; }
.kb-live > .kb-kpis { position: sticky; top: 0; z-index: 4; background: var(--kb-page);
  padding: 4px 0 6px; }
.kb-kpi-title, .kb-kpi-sub { display: block; }
/* what is scrolled to (a link, find in page, Tab) stops below the bars that stay on screen:
   the headline numbers (the page) and the run buttons (the sidebar); tests/test_viz_layout.py */
html:has(.kb-live) { scroll-padding-top: 150px; }
.kb-sidebar { scroll-padding-top: 215px; }
.kb-keys-note { margin-top: 2px; }

/* changes made during a run (numbered as on the charts) */
.kb-change-list { margin: 2px 0 0; padding-left: 0; list-style: none; font-size: 12.5px; }
.kb-change-list li { display: flex; gap: 6px; align-items: baseline; margin-bottom: 3px; }
.kb-change-no { background: var(--kb-event); color: white; border-radius: 3px; font-size: 11px;
  padding: 0 5px; font-weight: 700; }
.kb-mark { cursor: pointer; outline: none; }

/* a network node's details on tap, click or Tab (focus), in the strip above the drawing */
.kb-node { outline: none; cursor: pointer; }
.kb-node-tip, .kb-net-hint { font-size: 22px; fill: var(--kb-text); }
.kb-net-hint { fill: var(--kb-muted-light); }
.kb-node-tip { display: none; font-weight: 600; }
.kb-node:focus .kb-node-tip { display: inline; }
.kb-network:has(.kb-node:focus) .kb-net-hint { display: none; }
.kb-node:focus > :is(circle, rect):first-of-type { stroke: var(--kb-text); stroke-width: 3px; }

/* values of a chart on hover and on tap (focus) */
.kb-hit { outline: none; }
.kb-hit .kb-tip { visibility: hidden; pointer-events: none; }
.kb-hit:hover .kb-tip, .kb-hit:focus .kb-tip { visibility: visible; }
.kb-hit:hover .kb-cursor, .kb-hit:focus .kb-cursor { stroke: var(--kb-faint); }
.kb-more-note { font-size: 14px; color: var(--kb-accent-dark); display: block; margin-bottom: 6px; }
.v-btn.kb-more-runs { text-transform: none; }

@media (max-width: 1250px) {
  .kb-kpis { grid-template-columns: repeat(4, minmax(0, 1fr)); }
  .kb-charts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .kb-net-row, .kb-sides, .kb-teach-body, .kb-about-grid { grid-template-columns: 1fr; }
}
@media (max-width: 900px) {
  .kb-explore { grid-template-columns: minmax(0, 1fr); }
  .kb-sidebar { position: static; max-height: none; overflow: visible; }
  .kb-sticky-controls { top: 0; margin: -14px -16px 0; }
}
@media (max-width: 1250px) {
  .kb-net-row, .kb-sides, .kb-teach-body, .kb-about-grid { grid-template-columns: minmax(0, 1fr); }
  .kb-sides > *, .kb-about-grid > * { min-width: 0; }
}
@media (max-width: 1250px) {
  html:has(.kb-live) { scroll-padding-top: 245px; }
}
@media (max-width: 600px) {
  .kb-content { padding: 10px 8px 40px; }
  html:has(.kb-live) { scroll-padding-top: 0; }
  .kb-header { padding: 8px 10px; gap: 8px; }
  .kb-brand { min-width: 0; }
  .kb-kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 6px; }
  .kb-live > .kb-kpis { position: static; }
  .kb-kpi-value { font-size: 20px; }
  .kb-charts, .kb-teach-charts { grid-template-columns: minmax(0, 1fr); }
  .kb-node-tip, .kb-net-hint { font-size: 30px; }
  .kb-teach-nav { padding: 8px 10px; }
  .kb-teach-nav .v-btn { min-width: 0 !important; font-size: 16px !important; }
  .kb-teach-title { font-size: 26px; }
  .kb-teach-para { font-size: 16px; }
  .kb-page .v-btn, .kb-about-card .v-btn { max-width: 100%; height: auto !important;
    min-height: 36px; white-space: normal; }
  .kb-page .v-btn .v-btn__content, .kb-about-card .v-btn .v-btn__content {
    white-space: normal; flex-shrink: 1; }
  .kb-headline { font-size: 16px; }
}
"""
