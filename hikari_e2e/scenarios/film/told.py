"""What the page tells the film and the illustrated guide, without a round trip: the injected
scripts, and `Told`, the one listener that hands each kind of news to those who asked."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page

# What the page tells the film, on every page, as console.debug lines that start with TOLD: a
# line needs no answer, where a binding's call is answered (a third of the cost, measured). A
# moment is told at once (a change the film must not miss, even if the page goes next) and again
# two animation frames later, when it is on screen: by then the frame that shows it has been
# drawn, while one drawn just after the change may not have it yet. (The second is lost if the
# page has gone.)
TOLD = "hikari-film "
TELL_JS = f"""window.__hikariTell = (...what) =>
  console.debug({json.dumps(TOLD)} + JSON.stringify(what));
window.__hikariShown = (at) => requestAnimationFrame(() => requestAnimationFrame(
  () => window.__hikariTell("shown", at, performance.timeOrigin + performance.now())));"""
# Each sentence the softphone logs with its audio, when it was added.
SAID_JS = """new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) {
    if (node.dataset && node.dataset.audio) {
      const added = performance.timeOrigin + performance.now();
      window.__hikariTell("said", added, node.dataset.audio);
      window.__hikariShown(added);
    }
  }
}).observe(document, {childList: true, subtree: true});"""
# Each element a person would see used, where it is and when: a press (and when the screen it
# was pressed on is shown), or a change of value (a field filled, an option chosen: the frame
# before it) on an element not pressed just before. The outline goes round the control, not
# the text in it. `doc` (the document's time origin) tells one showing of a screen from another.
USED_JS = """(() => {
  const CONTROLS = "a,button,input,select,textarea,label,summary,[role=button],[role=link]," +
    "[role=checkbox],[role=radio],[role=option],[onclick]";
  let last = null, lastAt = 0;
  const note = (event) => {
    const start = event.composedPath()[0];
    if (!(start instanceof Element)) return;
    const target = start.closest(CONTROLS) || start;
    const at = performance.timeOrigin + event.timeStamp;
    if (event.type !== "pointerdown" && target === last && at - lastAt < 1000) return;
    last = target; lastAt = at;
    const r = target.getBoundingClientRect();
    window.__hikariTell("used", at,
      {x: r.x, y: r.y, width: r.width, height: r.height, doc: performance.timeOrigin});
    if (event.type === "pointerdown") window.__hikariShown(at);
  };
  for (const type of ["pointerdown", "input", "change"]) addEventListener(type, note, true);
})();"""


class Told:
    """Listen to what a page tells (TELL_JS): one console listener for a run, each kind of
    news ("used", "said", "shown") handed to whoever listens for it, the scripts that tell it
    added once. The film and the illustrated guide both learn from it what a step used."""

    def __init__(self, page: Page) -> None:
        self._page = page
        self._listeners: dict[str, list[Callable[[float, Any], None]]] = defaultdict(list)
        self._scripts: set[str] = set()
        page.on("console", self._on_console)
        self._add(TELL_JS)

    def listen(self, kind: str, callback: Callable[[float, Any], None], script: str = "") -> None:
        """Call callback(at, what) with each `kind` the page tells; script makes it tell it."""
        if script:
            self._add(script)
        self._listeners[kind].append(callback)

    def _add(self, script: str) -> None:
        if script not in self._scripts:
            self._scripts.add(script)
            self._page.add_init_script(script)

    def _on_console(self, message) -> None:
        if message.type != "debug" or not message.text.startswith(TOLD):
            return
        kind, at, what = json.loads(message.text[len(TOLD) :])
        for callback in self._listeners[kind]:
            callback(at, what)
