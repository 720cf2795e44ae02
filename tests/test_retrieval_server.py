"""Server mode: the library against a real `chroma run` server on a free loopback port."""

from __future__ import annotations

from pathlib import Path

import pytest
from _retrieval_helpers import CHROMA, chroma_server, postmortem_md, write
from conftest import TEST_OUTPUT

from assistant.config import get_settings
from assistant.retrieval.library import Library

pytestmark = pytest.mark.server


def test_library_indexes_and_searches_through_a_chroma_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not CHROMA.exists():
        pytest.skip(f"{CHROMA} not found (chromadb's `chroma` script)")
    folder = tmp_path / "lib"
    write(
        folder,
        "cert.md",
        postmortem_md("srv-cert", "Certificate expired on the edge", "TLS handshakes failed."),
    )
    write(
        folder,
        "pool.md",
        postmortem_md("srv-pool", "Connection pool exhausted", "Postgres max_connections hit."),
    )
    TEST_OUTPUT.mkdir(exist_ok=True)
    with chroma_server(tmp_path / "server-data", TEST_OUTPUT / "chroma-server.log") as port:
        monkeypatch.setenv("POSTMORTEM_CHROMA_HOST", "127.0.0.1")
        monkeypatch.setenv("POSTMORTEM_CHROMA_PORT", str(port))
        settings = get_settings(fresh=True)
        lib = Library.open(settings)
        assert lib.index_folder(folder).added == 2
        assert lib.similar("too many database connections", k=1)[0].id == "srv-pool"
        # The vectors live in the server, not in the embedded store.
        assert not settings.chroma_dir.exists()
        again = Library.open(get_settings(fresh=True))
        assert again.index_folder(folder).unchanged == 2
        assert again.similar("expired TLS certificate", k=1)[0].id == "srv-cert"


def test_unreachable_server_is_a_library_error_naming_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    from _retrieval_helpers import free_port

    from assistant.errors import LibraryError

    monkeypatch.setenv("POSTMORTEM_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("POSTMORTEM_CHROMA_PORT", str(free_port()))
    with pytest.raises(LibraryError, match="POSTMORTEM_CHROMA_HOST"):
        Library.open(get_settings(fresh=True))
