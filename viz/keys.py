"""Keyboard control: a presenter's clicker or arrow keys in Teach, space and → in Explore.

``KeyListener`` is a tiny Vue component that listens to the whole page's keyboard.
It is given a map from key names (``event.key``: "PageDown", "ArrowRight", " ") to
action names; each press of a mapped key sends "action:count" to Python, where
the page acts. Keys typed into a field or used on a slider are left alone, and
space on a focused button is left to the button (which it presses anyway).
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
    this.kbCount = 0;
    this.kbHandler = (e) => {
      const t = e.target || {};
      const tag = (t.tagName || "").toLowerCase();
      const role = t.getAttribute ? t.getAttribute("role") : null;
      if (["input", "textarea", "select"].includes(tag) || role === "slider"
          || role === "listbox" || role === "combobox") return;
      if (e.key === " " && (tag === "button" || tag === "a")) return;
      const action = (this.key_map || {})[e.key];
      if (!action || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      this.kbCount = this.kbCount + 1;
      this.pressed = action + ":" + this.kbCount;
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
    """Reports presses of the mapped keys anywhere on the page as "action:count"."""

    template = traitlets.Unicode(_TEMPLATE).tag(sync=True)
    key_map = traitlets.Dict({}).tag(sync=True)
    pressed = traitlets.Unicode("").tag(sync=True)


@solara.component
def Keys(actions: dict[str, tuple[tuple[str, ...], Callable[[], None]]]):
    """``actions``: name -> (keys, function); calls the function when one of its keys is pressed."""
    keys = {key: name for name, (names, _) in actions.items() for key in names}

    def pressed(value: str) -> None:
        name = value.split(":", 1)[0]
        if name in actions:
            actions[name][1]()

    return KeyListener.element(key_map=keys, on_pressed=pressed)


@solara.component
def PageKeys(on_next: Callable[[], None], on_back: Callable[[], None]):
    """Calls ``on_next`` (PageDown, →) or ``on_back`` (PageUp, ←) when the presenter presses."""
    return Keys({"next": (("PageDown", "ArrowRight"), on_next),
                 "back": (("PageUp", "ArrowLeft"), on_back)})
