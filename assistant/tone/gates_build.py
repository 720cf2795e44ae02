"""Writes ``gates_table.py``: the literal gate (``gate.literal_gate``) of every tone rule pattern.

Run ``python -m assistant.tone.gates_build`` after changing a rule; a test checks the table is current.
"""

from __future__ import annotations

from assistant.tone.gate import fingerprint, literal_gate
from assistant.tone.lexicon import META
from assistant.tone.rules import rule_rows


def table_source(patterns: list[str]) -> str:
    """Python source of ``gates_table.py`` for these patterns."""
    lines = [
        '"""Precomputed literal gates of the tone rules (generated: python -m assistant.tone.gates_build; do not edit)."""',
        "",
        "from __future__ import annotations",
        "",
        "GATES: dict[str, tuple[str, ...] | None] = {",
    ]
    for pattern in patterns:
        lines.append(f"    {fingerprint(pattern)!r}: {literal_gate(pattern)!r},")
    lines += [
        "}",
        "",
        "",
        "def gate_for(pattern: str) -> tuple[str, ...] | None:",
        '    """The gate of ``pattern``: from the table, else derived now (slow; regenerate the table)."""',
        "    from assistant.tone.gate import fingerprint, literal_gate",
        "",
        "    key = fingerprint(pattern)",
        "    return GATES[key] if key in GATES else literal_gate(pattern)",
        "",
    ]
    return "\n".join(lines)


def rule_patterns() -> list[str]:
    """Every rule pattern, in table order, then the blameless-policy pattern."""
    return [row[1] for row in rule_rows()] + [META]


if __name__ == "__main__":
    from pathlib import Path

    Path(__file__).with_name("gates_table.py").write_text(table_source(rule_patterns()), encoding="utf-8")
