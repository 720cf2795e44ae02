"""Settings: one pydantic-settings object, read from the environment.

``POSTMORTEM_HOME`` overrides the data directory (drafts database, Chroma library, caches);
tests point it at a temporary folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_OFF = frozenset({"0", "false", "no", "off"})
_ON = frozenset({"1", "true", "yes", "on"})


def _default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "postmortem"


class Settings(BaseSettings):
    """Everything configurable, with the environment variable that sets it."""

    model_config = SettingsConfigDict(env_prefix="POSTMORTEM_", extra="ignore", env_file=None)

    home: Path = Field(default_factory=_default_home, description="data directory (POSTMORTEM_HOME)")
    provider: Literal["offline", "openai"] | None = Field(
        default=None,
        description="LLM provider; unset means openai when OPENAI_BASE_URL/OPENAI_API_KEY is set",
    )
    model: str = Field(default="gpt-4o-mini", description="model name for the openai provider")
    openai_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_API_KEY", "POSTMORTEM_OPENAI_API_KEY")
    )
    openai_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_BASE_URL", "POSTMORTEM_OPENAI_BASE_URL")
    )
    llm_timeout_s: float | None = Field(
        default=None,
        description="per-call timeout for the openai provider; unset: 50 s for remote endpoints (below the "
        "60 s that common proxies and load balancers allow) and 300 s for a model on this machine",
    )
    llm_max_retries: int = Field(default=3, description="retries on 429/5xx/timeouts")
    llm_reasks: int = Field(default=1, description="re-asks after invalid structured output")
    context_tokens: int | None = Field(
        default=None,
        description="the model's context window in tokens (POSTMORTEM_CONTEXT_TOKENS); unset: the model family's",
    )
    tokenizer: str | None = Field(
        default=None,
        description="tokenizer for sizing prompts: a tokenizer.json, a .gguf file or a cached tiktoken encoding; "
        "unset: tiktoken when cached for OpenAI models, else an estimate",
    )
    team_timezone: str | None = Field(
        default=None,
        description="the team's IANA zone (e.g. Europe/Madrid) for times in prompts; unset: the chat's zone when read",
    )
    redact_customers: bool = Field(
        default=False,
        description="also replace customer ids and company names (they identify organisations, not people)",
    )
    draft_calls: Literal["auto", "sections", "single"] = Field(
        default="auto",
        description="one call per section, or all sections in one call; auto: single when the window is 16k or less",
    )
    llm_concurrency: int = Field(default=12, description="sections drafted at once (one worker per section)")
    alias_names: bool | None = Field(
        default=None,
        description="replace people's names by roles before sending; default on for remote providers",
    )
    chroma_host: str | None = Field(default=None, description="Chroma server host; unset means embedded")
    chroma_port: int = Field(default=8000)
    library_collection: str = Field(default="postmortems")
    max_input_bytes: int = Field(default=256 * 1024 * 1024, description="per-file size limit")
    ui_max_upload_mb: int = Field(default=50)
    store_redacted: bool = Field(
        default=False,
        description="store UI drafts, pasted text and timelines with secrets and personal data redacted",
    )
    database_url: SecretStr | None = Field(
        default=None,
        description="SQLAlchemy URL of a shared database (postgresql://user:pass@host/db); unset means SQLite in home",
    )
    approver_must_differ: bool = Field(
        default=True, description="publishing needs an approver other than the draft's author"
    )
    review_required: bool = Field(
        default=False, description="the UI publishes only drafts approved in review (teams turn this on)"
    )
    ui_users: SecretStr | None = Field(
        default=None, description="more UI logins for a team: 'dana:password,erin:password'"
    )
    ui_user_header: str | None = Field(
        default=None,
        description="trust this header (e.g. X-Forwarded-User) from a reverse proxy as the user's name",
    )
    ui_user: str | None = None
    ui_password: SecretStr | None = None
    azure_openai_endpoint: str | None = Field(
        default=None, validation_alias=AliasChoices("AZURE_OPENAI_ENDPOINT")
    )
    openai_api_version: str | None = Field(default=None, validation_alias=AliasChoices("OPENAI_API_VERSION"))
    progress: bool | None = Field(
        default=None,
        description="progress bars on stderr (POSTMORTEM_PROGRESS): 1 forces them, 0 turns them off; "
        "unset: only on a terminal",
    )
    tone_semantic: bool = Field(
        default=True, description="the tone checker's learned stage (POSTMORTEM_TONE_SEMANTIC=0 turns it off)"
    )
    tone_syntax: bool = Field(
        default=True, description="the tone checker's parse stage (POSTMORTEM_TONE_SYNTAX=0 turns it off)"
    )
    tiktoken_cache_dir: str | None = Field(
        default=None,
        validation_alias=AliasChoices("TIKTOKEN_CACHE_DIR", "DATA_GYM_CACHE_DIR"),
        description="where tiktoken keeps its encodings (tiktoken's own variables); unset: its default",
    )
    shared_data: Path | None = Field(
        default=None,
        description="the shared dev data folder for `postmortem eval gate` (POSTMORTEM_SHARED_DATA)",
    )

    @field_validator("progress", mode="before")
    @classmethod
    def _tri_state(cls, value: Any) -> Any:
        """A switch word, else unset (the old reading: anything else meant "decide by the terminal")."""
        if isinstance(value, str):
            word = value.strip().lower()
            return False if word in _OFF else True if word in _ON else None
        return value

    @field_validator("tone_semantic", "tone_syntax", mode="before")
    @classmethod
    def _on_unless_off(cls, value: Any) -> Any:
        """On unless the value is an off word (0/false/no/off), as these switches always read."""
        if isinstance(value, str):
            return value.strip().lower() not in _OFF
        return value

    @property
    def resolved_provider(self) -> Literal["offline", "openai"]:
        """The provider to use: explicit setting, else openai when an endpoint or key is set, else offline."""
        if self.provider:
            return self.provider
        if self.openai_base_url or self.openai_api_key:
            return "openai"
        return "offline"

    @property
    def chroma_dir(self) -> Path:
        """The embedded Chroma library's folder in the data directory."""
        return self.home / "chroma"

    @property
    def drafts_db(self) -> Path:
        """The SQLite drafts database in the data directory."""
        return self.home / "drafts.sqlite3"

    @property
    def ui_logins(self) -> list[tuple[str, str]]:
        """Every basic-auth login: POSTMORTEM_UI_USER/PASSWORD plus POSTMORTEM_UI_USERS."""
        from assistant.errors import ConfigError

        logins: list[tuple[str, str]] = []
        if self.ui_user and self.ui_password:
            logins.append((self.ui_user, self.ui_password.get_secret_value()))
        for pair in (self.ui_users.get_secret_value() if self.ui_users else "").split(","):
            if not pair.strip():
                continue
            name, sep, password = pair.strip().partition(":")
            if not sep or not name.strip() or not password:
                raise ConfigError("POSTMORTEM_UI_USERS holds 'name:password' pairs separated by commas")
            logins.append((name.strip(), password))
        return logins

    @property
    def database(self) -> str:
        """The database to open: POSTMORTEM_DATABASE_URL, else the SQLite file in the data directory."""
        if self.database_url is not None and self.database_url.get_secret_value().strip():
            return self.database_url.get_secret_value().strip()
        return f"sqlite:///{self.drafts_db}"

    @property
    def library_dir(self) -> Path:
        """Where published postmortems are written as Markdown."""
        return self.home / "library"


@lru_cache(maxsize=1)
def _cached() -> Settings:
    return Settings()


_overrides: list[Settings] = []


def get_settings(*, fresh: bool = False) -> Settings:
    """The process settings; ``fresh=True`` re-reads the environment (tests change it)."""
    if fresh:
        _cached.cache_clear()
    if _overrides:
        return _overrides[-1]
    return _cached()


@contextmanager
def using_settings(settings: Settings) -> Iterator[Settings]:
    """``get_settings()`` returns ``settings`` inside the block (process-wide, for every thread).

    For commands that run the library under other settings (the eval gate's own data directory
    and offline provider) without writing them into ``os.environ``.
    """
    _overrides.append(settings)
    try:
        yield settings
    finally:
        _overrides.remove(settings)
