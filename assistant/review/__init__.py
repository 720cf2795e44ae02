"""Review and approval over the store: workflow (statuses, approvals), comments, history with restore."""

from assistant.review import comments, history, workflow

__all__ = ["comments", "history", "workflow"]
