"""Drafting in the background, for slow local models: the draft outlives the page, and the page hears from it.

A model on a laptop can take minutes per section. So the drafting thread, not the page's request,
writes each section into the stored draft as it arrives: closing the page loses nothing, and
reopening the draft shows what is done. People may keep editing meanwhile: a section someone changed
since the drafter last wrote it is left as they wrote it (the drafter writes only over its own text).

The page's handler relays the sections and, while the model is thinking, sends a status every few
seconds (``HEARTBEAT_S``) saying how long the current wait has lasted against the per-call timeout
(``POSTMORTEM_LLM_TIMEOUT_S``). That keeps the page informed and keeps the stream open through
proxies that close idle connections (60 s is a common limit), so a slow draft never ends as a
bare 504. When the model fails for good, its own error text reaches the page (``ui.handlers``).
"""

from __future__ import annotations

import copy
import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from pydantic import BaseModel

from assistant.domain import Timeline
from assistant.store.drafts import DraftStore
from assistant.ui.partial import merge_section

HEARTBEAT_S = 5.0
_UNSET = object()

Event = tuple[str, Any, Any]  # ("section", name, draft) | ("done", Postmortem, draft) | ("error", exc, None)
Finish = Callable[[Any, dict[str, Any]], dict[str, Any]]  # (Postmortem, stored draft) -> values to write


class DraftJob:
    """One draft being written by a background thread into the store, merging with people's edits."""

    def __init__(self, store: DraftStore, draft_id: str, draft: dict[str, Any], tl: Timeline) -> None:
        """A job for ``draft_id``; ``draft`` is what the page shows now, ``tl`` the incident's timeline."""
        self.store = store
        self.draft_id = draft_id
        self.tl = tl
        self.events: queue.Queue[Event] = queue.Queue()
        self.started = time.monotonic()
        self.last_news = self.started
        self._lock = threading.Lock()
        self._local = copy.deepcopy(draft)  # the drafter's own view, sections merged as they come
        rec = store.get(draft_id)
        stored = rec.draft if rec is not None and rec.draft else draft
        self._written: dict[str, Any] = copy.deepcopy(stored)  # what the drafter last wrote, per key

    def write(self, values: dict[str, Any]) -> dict[str, Any]:
        """Store ``values`` key by key, except keys people edited since the drafter last wrote them."""

        def change(d: dict[str, Any]) -> None:
            for key, value in values.items():
                mine = self._written.get(key, _UNSET)
                if key in d and mine is not _UNSET and d[key] != mine:
                    continue  # edited by a person meanwhile: theirs stands
                if key in d and mine is _UNSET and d[key] not in (None, "", [], {}):
                    continue  # written by a person before the drafter got there
                d[key] = copy.deepcopy(value)
                self._written[key] = copy.deepcopy(value)

        with self._lock:
            return self.store.update_draft(self.draft_id, change)

    def on_section(self, name: str, model: BaseModel) -> None:
        """The pipeline's section callback (from its worker threads): store the section, tell the page."""
        with self._lock:
            before = copy.deepcopy(self._local)
            merge_section(self._local, name, model, self.tl)
            changed = {k: v for k, v in self._local.items() if before.get(k, _UNSET) != v}
        merged = self.write(changed)
        self.events.put(("section", name, merged))

    def run(self, draft: Callable[[Callable[[str, BaseModel], None]], Any], finish: Finish) -> None:
        """Start drafting in a daemon thread: ``draft(on_section)`` returns the Postmortem; ``finish``
        turns it into the values to store (the page may be gone by then: the store still gets them)."""

        def work() -> None:
            try:
                pm = draft(self.on_section)
                rec = self.store.get(self.draft_id)
                values = finish(pm, copy.deepcopy(rec.draft if rec is not None and rec.draft else {}))
                self.events.put(("done", pm, self.write(values)))
            except BaseException as exc:  # noqa: BLE001 — handed to the page, which shows the error's own text
                self.events.put(("error", exc, None))

        threading.Thread(target=work, name=f"draft-{self.draft_id}", daemon=True).start()

    def relay(
        self, heartbeat: Callable[[float], Any], *, every: float | None = None
    ) -> Iterator[Event | Any]:
        """Events as they come; ``heartbeat(seconds since the last news)`` whenever ``every`` passes quietly."""
        while True:
            try:
                event = self.events.get(timeout=every or HEARTBEAT_S)
            except queue.Empty:
                yield heartbeat(time.monotonic() - self.last_news)
                continue
            self.last_news = time.monotonic()
            yield event
            if event[0] in ("done", "error"):
                return


def waiting_line(seconds: float, timeout_s: float | None, done: Sequence[str], total: int) -> str:
    """``⏳ waiting for the model: 1 min 05 s (per-call timeout 300 s); 3 of 11 sections drafted``."""
    mins, secs = divmod(int(seconds), 60)
    waited = f"{mins} min {secs:02d} s" if mins else f"{secs} s"
    limit = f" (per-call timeout {timeout_s:g} s, POSTMORTEM_LLM_TIMEOUT_S)" if timeout_s else ""
    return f"⏳ waiting for the model: {waited}{limit}; {len(done)} of {total} sections drafted"
