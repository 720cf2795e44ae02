"""`postmortem lint`: linter output format, exit codes, --json, --jsonl batch mode."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from assistant.cli.lint import register

ROOT = Path(__file__).resolve().parents[1]


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.callback()
    def _root() -> None:  # keeps `lint` a sub-command like in the real CLI
        pass

    return app


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(_app(), ["lint", *args])
    return result.exit_code, result.stdout, result.stderr


def test_clean_markdown_exits_zero(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text("# Summary\n\nAt 14:02 Alice rolled back the release.\n", encoding="utf-8")
    code, out, _ = _run(str(doc))
    assert (code, out) == (0, "")


def test_findings_print_file_line_col_and_suggestion(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text("# Root cause\n\n- The cause was human error.\n", encoding="utf-8")
    code, out, _ = _run(str(doc))
    assert code == 1
    first, second = out.splitlines()[:2]
    assert re.match(rf"{re.escape(str(doc))}:3:17 human-error-label: .+", first)
    assert second.startswith("    suggestion: ") and "human error" not in second.lower()


def test_code_blocks_and_inline_code_are_not_linted(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text(
        "Run `grep 'human error' app.log` to see it.\n\n```\nroot cause: human error\n```\n", encoding="utf-8"
    )
    assert _run(str(doc))[0] == 0


def test_json_output_lists_findings(tmp_path: Path) -> None:
    doc = tmp_path / "notes.txt"
    doc.write_text("ok.\nThe engineer involved needs to be disciplined.\n", encoding="utf-8")
    code, out, _ = _run(str(doc), "--json")
    assert code == 1
    rows = json.loads(out)
    # the punitive call, and (parse stage) the one person it is aimed at
    punitive = next(r for r in rows if r["category"] == "punitive")
    assert punitive["file"] == str(doc) and punitive["line"] == 2
    assert all(r["text"] in doc.read_text() for r in rows)


def test_missing_file_exits_two_with_message(tmp_path: Path) -> None:
    code, _, err = _run(str(tmp_path / "nope.md"))
    assert code == 2
    assert "nope.md" in err and "not found" in err


def test_jsonl_batch_mode_writes_one_line_per_item(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    items = [
        {"id": "a", "text": "The database team failed to notice the lag."},
        {"id": "b", "text": "The health check failed at 10:02."},
    ]
    src.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    code, out, _ = _run("--jsonl", str(src))
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["blameful"] is True and rows[1] == {"id": "b", "blameful": False, "findings": []}
    f = rows[0]["findings"][0]
    assert set(f) == {"start", "end", "text", "category", "suggestion"}
    assert items[0]["text"][f["start"] : f["end"]] == f["text"]


def test_jsonl_bad_line_exits_two_naming_the_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "fine"}\n{not json\n', encoding="utf-8")
    code, _, err = _run("--jsonl", str(src))
    assert code == 2
    assert "in.jsonl:2" in err


def test_installed_command_lints_from_the_shell(tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text("whoever pushed this at 5pm should be fired tbh\n", encoding="utf-8")
    exe = Path(sys.executable).with_name("postmortem")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "assistant"]
    result = subprocess.run([*cmd, "lint", str(doc)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1
    assert f"{doc}:1:" in result.stdout and "punitive" in result.stdout


def test_pre_commit_hook_is_declared() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "postmortem-lint")
    assert hook["entry"] == "postmortem lint" and hook["language"] == "python"


def test_lint_on_a_binary_file_says_it_is_binary_not_an_encoding_problem(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from assistant.cli.app import app

    binary = tmp_path / "ls.md"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    result = CliRunner().invoke(app, ["lint", str(binary)])
    assert result.exit_code == 2
    assert "binary" in result.output and "UTF-8" not in result.output
