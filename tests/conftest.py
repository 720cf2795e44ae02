"""Shared fixtures: an isolated data directory, the shared data sets, and no network."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("POSTMORTEM_SHARED_DATA", ROOT.parent / "shared" / "data"))
TEST_OUTPUT = ROOT / "test-output"

# Never reach the internet from a test: gradio and huggingface clients honour these.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
for _var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "POSTMORTEM_PROVIDER", "POSTMORTEM_MODEL"):
    os.environ.pop(_var, None)


def shared_dir(*parts: str) -> Path:
    """A folder of ../shared/data, or skip the test with the reason when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found at {path} (set POSTMORTEM_SHARED_DATA to run this test)")
    return path


def incident_cases() -> list[Path]:
    """The dev incident case folders, or [] when the shared data is absent."""
    base = SHARED_DATA / "incidents"
    if not base.exists():
        return []
    return sorted(p for p in base.iterdir() if (p / "gold.json").exists())


@pytest.fixture(autouse=True)
def no_remote_model_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never reach a model that is not on this machine (opt in with ``allow_model_requests``)."""
    from assistant.llm import base

    monkeypatch.setattr(base, "ALLOW_MODEL_REQUESTS", False)


@pytest.fixture
def allow_model_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opt a test in to model requests beyond this machine."""
    from assistant.llm import base

    monkeypatch.setattr(base, "ALLOW_MODEL_REQUESTS", True)


@pytest.fixture(autouse=True)
def postmortem_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own data directory (POSTMORTEM_HOME)."""
    home = tmp_path / "pm-home"
    home.mkdir()
    monkeypatch.setenv("POSTMORTEM_HOME", str(home))
    # Tests of section drafting predate the single-call mode that ``auto`` picks for small windows
    # (the test server's unknown model); tests of that mode set it themselves.
    monkeypatch.setenv("POSTMORTEM_DRAFT_CALLS", "sections")
    from assistant.config import get_settings

    get_settings(fresh=True)
    yield home
    get_settings(fresh=True)
