"""Typed records of the library: parsed postmortems, matches, past action items, index reports."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr


class PastActionItem(BaseModel):
    """An action item promised in a past postmortem, with its status where the source states it."""

    model_config = ConfigDict(extra="forbid")

    text: str
    status: str | None = Field(default=None, description="done | open | in progress | wontfix | None")
    source: str = Field(description="where it was found: '<doc id> § <section>' or 'path:line'")
    doc_id: str = ""
    ticket: str | None = None
    raw_status: str | None = Field(default=None, description="the status exactly as written")


class Section(BaseModel):
    """One section of a postmortem (heading as written, text without the heading)."""

    model_config = ConfigDict(extra="forbid")

    heading: str
    text: str
    line: int = 1


class PostmortemMeta(BaseModel):
    """What identifies and describes a past postmortem: id, title, file and front matter."""

    model_config = ConfigDict(extra="forbid")

    id: str
    title: str
    path: str
    date: str | None = None
    severity: str | None = None
    services: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    url: str | None = None
    company: str | None = None


class CatalogRecord(PostmortemMeta):
    """What the library's catalog keeps of one indexed postmortem: its text and past action items."""

    text: str
    items: list[PastActionItem] = Field(default_factory=list)


class ParsedPostmortem(PostmortemMeta):
    """A past postmortem as read from one file."""

    sections: list[Section] = Field(default_factory=list)
    action_items: list[PastActionItem] = Field(default_factory=list)

    def full_text(self) -> str:
        """Title and every section, for lexical search and term overlap."""
        parts = [self.title]
        parts += [f"{s.heading}\n{s.text}" for s in self.sections]
        return "\n\n".join(parts)


class Match(BaseModel):
    """One similar past postmortem, with the reason it matched and what was promised last time."""

    model_config = ConfigDict(extra="forbid")

    id: str
    title: str
    score: float
    why: str
    url: str | None = None
    date: str | None = None
    path: str | None = None
    severity: str | None = None
    services: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    section: str | None = Field(default=None, description="the section that matched best")
    excerpt: str = ""
    seen_before: list[PastActionItem] = Field(default_factory=list)
    _items: list[PastActionItem] | None = PrivateAttr(default=None)

    def action_items_cache(self) -> list[PastActionItem] | None:
        """Every action item of the matched postmortem when the library attached them, else None."""
        return self._items

    def attach_action_items(self, items: list[PastActionItem]) -> None:
        """Keep the matched postmortem's action items for :func:`retrieval.seen_before.seen_before`."""
        self._items = list(items)


class IndexReport(BaseModel):
    """What one indexing run did."""

    model_config = ConfigDict(extra="forbid")

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    chunks: int = 0
    problems: list[str] = Field(default_factory=list)
    skipped: list[str] = Field(default_factory=list, description="files not indexed, each 'path: why'")
    seconds: float = 0.0

    @property
    def changed(self) -> int:
        """How many documents were added, updated or removed."""
        return self.added + self.updated + self.removed

    def summary(self) -> str:
        """One line for people."""
        return (
            f"added {self.added}, updated {self.updated}, removed {self.removed}, "
            f"unchanged {self.unchanged}, skipped {len(self.skipped) + len(self.problems)} ({self.chunks} chunks, {self.seconds:.1f} s)"
        )
