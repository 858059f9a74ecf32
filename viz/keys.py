"""Keyboard control for the classroom: a presenter's clicker (PageDown/PageUp) or arrow keys.

``KeyListener`` is a tiny Vue component that listens to the whole page's keyboard and
counts presses of "next" keys (PageDown, Right arrow) and "back" keys (PageUp, Left
arrow); the counts sync to Python, where the page moves on. Keys typed into a field
or used on a slider are left alone.
"""

from __future__ import annotations

from typing import Callable

import ipyvuetify as v
import solara
import traitlets

_TEMPLATE = """
<template><span style="display: none"></span></template>
<script>
module.exports = {
  mounted() {
    this.kbHandler = (e) => {
      const t = e.target || {};
      const tag = (t.tagName || "").toLowerCase();
      const role = t.getAttribute ? t.getAttribute("role") : null;
      if (["input", "textarea", "select"].includes(tag) || role === "slider") return;
      if (e.key === "PageDown" || e.key === "ArrowRight") {
        e.preventDefault();
        this.next_presses = this.next_presses + 1;
      } else if (e.key === "PageUp" || e.key === "ArrowLeft") {
        e.preventDefault();
        this.back_presses = this.back_presses + 1;
      }
    };
    window.addEventListener("keydown", this.kbHandler);
  },
  destroyed() {
    window.removeEventListener("keydown", this.kbHandler);
  },
};
</script>
"""


class KeyListener(v.VuetifyTemplate):
    """Counts "next" and "back" key presses anywhere on the page."""

    template = traitlets.Unicode(_TEMPLATE).tag(sync=True)
    next_presses = traitlets.Int(0).tag(sync=True)
    back_presses = traitlets.Int(0).tag(sync=True)


@solara.component
def PageKeys(on_next: Callable[[], None], on_back: Callable[[], None]):
    """Calls ``on_next`` or ``on_back`` when the presenter presses a key."""
    return KeyListener.element(on_next_presses=lambda _n: on_next(),
                               on_back_presses=lambda _n: on_back())
