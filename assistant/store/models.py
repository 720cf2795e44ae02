"""The tables behind drafts, reviews, comments, edit history and action items (SQLAlchemy 2).

One schema for SQLite and PostgreSQL; the migrations in ``migrations/versions`` create it, and
``tests/test_store_*`` check that the migrated database matches these models.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from assistant.store._types import UtcDateTime

ReviewStatus = Literal["draft", "in_review", "approved", "published"]
REVIEW_STATUSES: tuple[ReviewStatus, ...] = ("draft", "in_review", "approved", "published")

ActionStatus = Literal["open", "in_progress", "done", "wont_do"]
ACTION_STATUSES: tuple[ActionStatus, ...] = ("open", "in_progress", "done", "wont_do")
OPEN_ACTION_STATUSES: tuple[ActionStatus, ...] = ("open", "in_progress")

CommentStatus = Literal["open", "resolved"]

# Named constraints, so migrations can refer to them on every backend (SQLite batch mode needs names).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with the naming convention above."""

    metadata = MetaData(naming_convention=NAMING)


class DraftRow(Base):
    """A postmortem draft: its JSON, what it was made from, and where it stands in review."""

    __tablename__ = "drafts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="", server_default="")
    created: Mapped[datetime] = mapped_column(UtcDateTime)
    updated: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    draft: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    timeline: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    status: Mapped[str] = mapped_column(String(20), default="draft", server_default="draft")
    author: Mapped[str | None] = mapped_column(String(200), nullable=True)
    approved_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    published_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    library_id: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)


class RevisionRow(Base):
    """One saved change: who, when, which section, and the whole draft after it (for restore)."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    draft_id: Mapped[str] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(String(100))
    user: Mapped[str | None] = mapped_column(String(200), nullable=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    draft: Mapped[dict[str, Any]] = mapped_column(JSON)


class CommentRow(Base):
    """A reviewer's comment on one section, open until someone resolves it."""

    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    draft_id: Mapped[str] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    section: Mapped[str] = mapped_column(String(100))
    author: Mapped[str | None] = mapped_column(String(200), nullable=True)
    body: Mapped[str] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(20), default="open", server_default="open")
    resolved_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class ReviewEventRow(Base):
    """A status change of a draft (submitted, approved, published, sent back) and who made it."""

    __tablename__ = "review_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    draft_id: Mapped[str] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    user: Mapped[str | None] = mapped_column(String(200), nullable=True)
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class ActionItemRow(Base):
    """A follow-up tracked beyond the export: status, owner, due date and its postmortem."""

    __tablename__ = "action_items"
    __table_args__ = (Index("ix_action_items_status_due", "status", "due"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    draft_id: Mapped[str] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    due_text: Mapped[str | None] = mapped_column(String(200), nullable=True)
    priority: Mapped[str] = mapped_column(String(20), default="medium", server_default="medium")
    kind: Mapped[str] = mapped_column(String(20), default="prevent", server_default="prevent")
    status: Mapped[str] = mapped_column(String(20), default="open", server_default="open")
    refs: Mapped[list[str]] = mapped_column(JSON, default=list)
    created: Mapped[datetime] = mapped_column(UtcDateTime)
    updated: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
