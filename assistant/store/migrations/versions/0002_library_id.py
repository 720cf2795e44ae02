"""Drafts remember the library id they were published as, so a later similar incident can show
which of their action items are still open.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the library id of a published draft, indexed."""
    op.add_column("drafts", sa.Column("library_id", sa.String(200), nullable=True))
    op.create_index("ix_drafts_library_id", "drafts", ["library_id"])


def downgrade() -> None:
    """Drop the library id column and its index."""
    op.drop_index("ix_drafts_library_id", table_name="drafts")
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("library_id")
