"""The project installs like a package: a plain (non-editable) wheel in a fresh venv can draft."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # Build from a clean copy: an in-tree build/ folder would carry stale modules into the wheel.
    src = tmp_path_factory.mktemp("src") / "project"
    skip = shutil.ignore_patterns(
        ".git", ".venv", "build", "*.egg-info", "test-output", "__pycache__", ".*_cache"
    )
    shutil.copytree(ROOT, src, symlinks=True, ignore=skip)
    # No build isolation: the build backend comes from the test venv, so nothing is downloaded.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            str(src),
            "-w",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("postmortem_assistant-*.whl")
    return found


def test_wheel_ships_one_package_with_prompts_and_no_eval_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"assistant"}
    assert "assistant/prompts/summary.j2" in names
    assert "assistant/examples/incident/chat.txt" in names
    assert "assistant/tone/semantic_weights.json" in names
    assert "assistant/tone/semantic_bank.npz" in names  # the tone check's neighbour vote
    assert "assistant/team_templates/builtin/google-sre.md" in names  # built-in templates load from the wheel
    assert "assistant/store/migrations/env.py" in names  # the database migrates from the wheel
    assert "assistant/store/migrations/versions/0001_initial.py" in names
    assert not [n for n in names if "/eval/cases/" in n or "/eval/data/" in n or "/eval/blind/" in n]
    assert not [n for n in names if "/eval/bench/" in n or "_gen" in n or "eval-out" in n]


def test_wheel_installed_in_a_fresh_venv_drafts_the_bundled_example(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(py),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # The dependencies come from the test venv's site-packages (a plain path entry: its editable
    # finder is not loaded), so only the project itself is the installed wheel.
    site = Path(
        subprocess.check_output(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    (site / "_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env |= {"POSTMORTEM_HOME": str(tmp_path / "home"), "POSTMORTEM_PROVIDER": "offline"}
    where = subprocess.check_output(
        [str(py), "-c", "import assistant; print(assistant.__file__)"], text=True, cwd=tmp_path, env=env
    )
    assert where.startswith(str(site))
    out = tmp_path / "draft.md"
    run = subprocess.run(
        [str(venv / "bin" / "postmortem"), "draft", str(ROOT / "examples" / "incident"), "-o", str(out)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    text = out.read_text()
    assert "## Root cause" in text or "Root cause" in text
    assert "## Timeline" in text or "Timeline" in text
