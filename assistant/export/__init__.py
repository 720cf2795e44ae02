"""Exports beyond Markdown and JSON: issue trackers (Jira, Linear) and wikis (Confluence, Word)."""
