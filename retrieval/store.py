"""The Chroma side of the library: an embedded PersistentClient, or a server when one is configured.

Embedded: data in ``settings.chroma_dir`` (under POSTMORTEM_HOME). Server: POSTMORTEM_CHROMA_HOST
and POSTMORTEM_CHROMA_PORT. Telemetry is off, and Chroma's habit of reading a ``.env`` file from
the current directory is switched off so the working directory cannot change where data goes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.config import Settings
from assistant.datadir import private_dir, tighten_tree
from assistant.errors import LibraryError

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection


def _chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    # _env_file=None: never read ./.env (pydantic-settings would otherwise pick it up).
    return ChromaSettings(_env_file=None, anonymized_telemetry=False, allow_reset=False)  # type: ignore[call-arg]


def make_client(settings: Settings) -> ClientAPI:
    """A Chroma client: HttpClient when ``chroma_host`` is set, else PersistentClient at ``chroma_dir``."""
    import chromadb

    if settings.chroma_host:
        try:
            client = chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=_chroma_settings()
            )
            client.heartbeat()
        except Exception as exc:  # chromadb raises plain ValueError/httpx errors here
            raise LibraryError(
                f"cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} "
                f"({exc}); start it (`chroma run --path DIR --port {settings.chroma_port}`) or unset "
                "POSTMORTEM_CHROMA_HOST to use the embedded store"
            ) from exc
        return client
    path = settings.chroma_dir
    try:
        private_dir(settings.home)  # the store holds past incidents: readable by the user only
        private_dir(path)
        client = chromadb.PersistentClient(path=str(path), settings=_chroma_settings())
        tighten_tree(path)
        return client
    except Exception as exc:
        raise LibraryError(
            f"cannot open the Chroma store at {path} ({exc}); check that POSTMORTEM_HOME is writable"
        ) from exc


def open_collection(client: ClientAPI, name: str) -> Collection:
    """Get or create the library collection with our offline embedding function (cosine space)."""
    from assistant.retrieval.embed import MiniLMEmbeddingFunction

    if not 3 <= len(name) <= 512:
        raise LibraryError(
            f"collection name {name!r} must be 3-512 characters: set POSTMORTEM_LIBRARY_COLLECTION"
        )
    try:
        return client.get_or_create_collection(
            name=name,
            embedding_function=MiniLMEmbeddingFunction(),  # type: ignore[arg-type]
            configuration={"hnsw": {"space": "cosine"}},
        )
    except Exception as exc:
        raise LibraryError(f"cannot open Chroma collection {name!r}: {exc}") from exc


def state_dir(settings: Settings) -> Path:
    """Where the lexical index and the file manifest live, next to the Chroma data.

    One folder per store (embedded, or each server) and collection, so switching stores never
    mixes their manifests.
    """
    if settings.chroma_host:
        key = hashlib.sha1(f"{settings.chroma_host}:{settings.chroma_port}".encode()).hexdigest()[:10]
        where = f"server-{key}"
    else:
        where = "local"
    private_dir(settings.home)
    path = private_dir(settings.home / "library-index" / f"{where}-{settings.library_collection}")
    return path
