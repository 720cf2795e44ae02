"""Drafts, revisions, comments, review events and action items.

A data directory written by the first drafts store (one ``drafts`` table, no Alembic) is adopted:
its table gains the review columns and keeps every draft.

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

from assistant.store._types import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_REVIEW_COLUMNS: tuple[tuple[str, Callable[[], sa.Column[Any]]], ...] = (
    ("version", lambda: sa.Column("version", sa.Integer(), nullable=False, server_default="1")),
    ("status", lambda: sa.Column("status", sa.String(20), nullable=False, server_default="draft")),
    ("author", lambda: sa.Column("author", sa.String(200), nullable=True)),
    ("approved_by", lambda: sa.Column("approved_by", sa.String(200), nullable=True)),
    ("approved_at", lambda: sa.Column("approved_at", UtcDateTime(), nullable=True)),
    ("published_at", lambda: sa.Column("published_at", UtcDateTime(), nullable=True)),
)


def _draft_fk() -> sa.Column[Any]:
    return sa.Column(
        "draft_id",
        sa.String(32),
        sa.ForeignKey("drafts.id", name=None, ondelete="CASCADE"),
        nullable=False,
    )


def upgrade() -> None:
    """Create the drafts, revisions, comments, review and action-item tables (or add columns to an old SQLite store)."""
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    if "drafts" in inspector.get_table_names():  # written by the first SQLite store
        have = {c["name"] for c in inspector.get_columns("drafts")}
        for name, make in _REVIEW_COLUMNS:
            if name not in have:
                op.add_column("drafts", make())
        if "drafts_updated" in {i["name"] for i in inspector.get_indexes("drafts")}:
            op.drop_index("drafts_updated", table_name="drafts")
    else:
        op.create_table(
            "drafts",
            sa.Column("id", sa.String(32), primary_key=True),
            sa.Column("title", sa.Text(), nullable=False, server_default=""),
            sa.Column("created", UtcDateTime(), nullable=False),
            sa.Column("updated", UtcDateTime(), nullable=False),
            sa.Column("draft", sa.JSON(), nullable=False),
            sa.Column("inputs", sa.JSON(), nullable=False),
            sa.Column("timeline", sa.JSON(), nullable=True),
            *(make() for _, make in _REVIEW_COLUMNS),
        )
    op.create_index("ix_drafts_updated", "drafts", ["updated"])

    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _draft_fk(),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(100), nullable=False),
        sa.Column("user", sa.String(200), nullable=True),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("draft", sa.JSON(), nullable=False),
    )
    op.create_index("ix_revisions_draft_id", "revisions", ["draft_id"])

    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _draft_fk(),
        sa.Column("section", sa.String(100), nullable=False),
        sa.Column("author", sa.String(200), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created", UtcDateTime(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, server_default="open"),
        sa.Column("resolved_by", sa.String(200), nullable=True),
        sa.Column("resolved_at", UtcDateTime(), nullable=True),
    )
    op.create_index("ix_comments_draft_id", "comments", ["draft_id"])

    op.create_table(
        "review_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _draft_fk(),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("user", sa.String(200), nullable=True),
        sa.Column("from_status", sa.String(20), nullable=False),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_review_events_draft_id", "review_events", ["draft_id"])

    op.create_table(
        "action_items",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _draft_fk(),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(200), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("due_text", sa.String(200), nullable=True),
        sa.Column("priority", sa.String(20), nullable=False, server_default="medium"),
        sa.Column("kind", sa.String(20), nullable=False, server_default="prevent"),
        sa.Column("status", sa.String(20), nullable=False, server_default="open"),
        sa.Column("refs", sa.JSON(), nullable=False),
        sa.Column("created", UtcDateTime(), nullable=False),
        sa.Column("updated", UtcDateTime(), nullable=False),
        sa.Column("closed_at", UtcDateTime(), nullable=True),
    )
    op.create_index("ix_action_items_draft_id", "action_items", ["draft_id"])
    op.create_index("ix_action_items_owner", "action_items", ["owner"])
    op.create_index("ix_action_items_status_due", "action_items", ["status", "due"])


def downgrade() -> None:
    """Drop every table this revision created."""
    for table in ("action_items", "review_events", "comments", "revisions"):
        op.drop_table(table)
    op.drop_index("ix_drafts_updated", table_name="drafts")
    op.drop_table("drafts")
