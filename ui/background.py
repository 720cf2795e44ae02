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

import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

from pydantic import BaseModel

from assistant.domain import Timeline
from assistant.draft.schema import Postmortem
from assistant.draft.working import WorkingDraft
from assistant.store.drafts import DraftStore
from assistant.ui import drafts
from assistant.ui.partial import merge_section

HEARTBEAT_S = 5.0
_UNSET = object()

# ("section", name, draft) | ("done", Postmortem, draft) | ("error", exc, None); drafts are WorkingDraft
Event = tuple[str, Any, Any]


class Finished(NamedTuple):
    """What the drafter writes at the end: the final postmortem, and which of its keys (None: all)."""

    postmortem: Postmortem
    keys: frozenset[str] | None


Finish = Callable[[Postmortem], Finished]


class DraftJob:
    """One draft being written by a background thread into the store, merging with people's edits."""

    def __init__(self, store: DraftStore, draft_id: str, draft: WorkingDraft, tl: Timeline) -> None:
        """A job for ``draft_id``; ``draft`` is what the page shows now, ``tl`` the incident's timeline."""
        self.store = store
        self.draft_id = draft_id
        self.tl = tl
        self.events: queue.Queue[Event] = queue.Queue()
        self.started = time.monotonic()
        self.last_news = self.started
        self._lock = threading.Lock()
        self._local = draft  # the drafter's own view, sections merged as they come
        rec = store.get(draft_id)
        stored = drafts.of(rec) if rec is not None and rec.draft else draft
        # what the drafter last wrote, per key of the postmortem
        self._written: dict[str, object] = {k: getattr(stored.postmortem, k) for k in _held(stored)}

    def write(self, source: Postmortem, keys: frozenset[str] | None) -> WorkingDraft:
        """Store ``keys`` of ``source`` (all: the draft is finished), except keys people edited since
        the drafter last wrote them."""

        def change(d: WorkingDraft) -> WorkingDraft:
            take: dict[str, object] = {}
            held = _held(d)
            for key in Postmortem.model_fields if keys is None else keys:
                theirs, mine = getattr(d.postmortem, key), self._written.get(key, _UNSET)
                if key in held and mine is not _UNSET and theirs != mine:
                    continue  # edited by a person meanwhile: theirs stands
                if key in held and mine is _UNSET and theirs not in (None, "", [], {}):
                    continue  # written by a person before the drafter got there
                take[key] = self._written[key] = getattr(source, key)
            d = d.revise(**take)
            return d.model_copy(update={"drafted": True}) if keys is None else d

        with self._lock:
            return drafts.update(self.store, self.draft_id, change)

    def on_section(self, name: str, model: BaseModel) -> None:
        """The pipeline's section callback (from its worker threads): store the section, tell the page."""
        with self._lock:
            before = self._local
            self._local = merge_section(before, name, model, self.tl)
            changed = frozenset(
                k
                for k in _held(self._local)
                if k not in _held(before)
                or getattr(before.postmortem, k) != getattr(self._local.postmortem, k)
            )
        merged = self.write(self._local.postmortem, changed)
        self.events.put(("section", name, merged))

    def run(self, draft: Callable[[Callable[[str, BaseModel], None]], Postmortem], finish: Finish) -> None:
        """Start drafting in a daemon thread: ``draft(on_section)`` returns the Postmortem; ``finish``
        says what of it to store (the page may be gone by then: the store still gets it)."""

        def work() -> None:
            try:
                pm = draft(self.on_section)
                done = finish(pm)
                self.events.put(("done", pm, self.write(done.postmortem, done.keys)))
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


def _held(draft: WorkingDraft) -> set[str]:
    """The postmortem keys the stored draft holds (a draft in the making holds only those written)."""
    return set(draft.postmortem.model_fields_set) - ({"provenance"} if not draft.drafted else set())


def waiting_line(seconds: float, timeout_s: float | None, done: Sequence[str], total: int) -> str:
    """``⏳ waiting for the model: 1 min 05 s (per-call timeout 300 s); 3 of 11 sections drafted``."""
    mins, secs = divmod(int(seconds), 60)
    waited = f"{mins} min {secs:02d} s" if mins else f"{secs} s"
    limit = f" (per-call timeout {timeout_s:g} s, POSTMORTEM_LLM_TIMEOUT_S)" if timeout_s else ""
    return f"⏳ waiting for the model: {waited}{limit}; {len(done)} of {total} sections drafted"
