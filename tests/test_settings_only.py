"""Library code reads and writes the environment only through ``assistant.config.Settings``."""

from __future__ import annotations

import ast
from pathlib import Path

from assistant.config import Settings, get_settings, using_settings

PACKAGE = Path(__file__).resolve().parents[1] / "assistant"
# Linked folders that are not library code: eval cases, data and blind sets are data; benchmarks and
# training scripts are command-line tools that set thread counts for the libraries they load.
NOT_LIBRARY = ("eval/cases", "eval/data", "eval/blind", "eval/bench", "eval/train_")
_ENV_NAMES = ("environ", "getenv", "putenv", "unsetenv")


def _library_files() -> list[Path]:
    files = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel == "config.py" or rel.startswith(NOT_LIBRARY):
            continue
        files.append(path)
    return files


def _environment_uses(tree: ast.AST) -> list[int]:
    """Lines that touch ``os.environ``/``os.getenv``/``os.putenv`` (or the names imported from os)."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in _ENV_NAMES:
            if isinstance(node.value, ast.Name) and node.value.id == "os":
                lines.append(node.lineno)
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module == "os"
            and any(a.name in _ENV_NAMES for a in node.names)
        ):
            lines.append(node.lineno)
    return lines


def test_library_code_touches_the_environment_only_in_config() -> None:
    files = _library_files()
    assert len(files) > 100  # the scan sees the whole package, links included
    found = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in files
        for line in _environment_uses(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == [], "read settings through assistant.config.Settings instead: " + ", ".join(found)


def test_the_scan_finds_environment_reads_and_writes() -> None:
    source = "import os\nfrom os import getenv\nos.environ['X'] = '1'\nos.getenv('Y')\n"
    assert _environment_uses(ast.parse(source)) == [2, 3, 4]


def test_switches_read_their_words_like_before(monkeypatch) -> None:
    monkeypatch.setenv("POSTMORTEM_TONE_SEMANTIC", "off")
    monkeypatch.setenv("POSTMORTEM_TONE_SYNTAX", "anything")
    monkeypatch.setenv("POSTMORTEM_PROGRESS", "maybe")
    s = Settings()
    assert s.tone_semantic is False and s.tone_syntax is True and s.progress is None
    monkeypatch.setenv("POSTMORTEM_PROGRESS", "0")
    assert Settings().progress is False


def test_using_settings_overrides_and_restores_the_process_settings(tmp_path: Path) -> None:
    before = get_settings()
    with using_settings(before.model_copy(update={"home": tmp_path, "provider": "offline"})):
        assert get_settings().home == tmp_path and get_settings().resolved_provider == "offline"
    assert get_settings() is before
