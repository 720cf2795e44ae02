"""Long incident texts become one short, informative query window for the embedding model."""

from __future__ import annotations

from pathlib import Path

from _retrieval_helpers import postmortem_md, write

from assistant.config import Settings
from assistant.retrieval.library import Library
from assistant.retrieval.query import focus, piece_counter, query_vector

_CHATTER = ["ok", "looking", "+1", "on it", "thanks", "anyone else seeing this?", "brb", "ack"]


def _incident(n_chatter: int) -> str:
    lines = [_CHATTER[i % len(_CHATTER)] + "." for i in range(n_chatter)]
    lines.insert(
        n_chatter // 3,
        "[FIRING] TLSHandshakeErrors on edge-lb: the certificate for api.example.com expired at 07:12.",
    )
    lines.insert(
        2 * n_chatter // 3, "Root cause: the renewal job failed because its DNS challenge record was removed."
    )
    return "\n".join(lines)


def test_short_text_is_its_own_query_window() -> None:
    text = "Clients retried with no backoff and knocked the service over again"
    assert focus(text, words=180) == text


def test_long_incident_keeps_alert_and_cause_lines_in_order_and_drops_chatter() -> None:
    text = _incident(400)
    window = focus(text, words=40)
    assert len(window.split()) <= 40
    assert window.index("certificate for api.example.com expired") < window.index("renewal job failed")
    assert "brb" not in window and "+1" not in window


def test_word_piece_budget_bounds_what_the_model_reads() -> None:
    count = piece_counter()
    window = focus(_incident(600), words=64, size=count)
    assert 0 < count(window) <= 64
    assert "expired" in window


def test_repeated_query_reuses_its_vector() -> None:
    first = query_vector("disk full on the log volume")
    assert query_vector("disk full on the log volume") is first
    assert abs(float((first * first).sum()) - 1.0) < 1e-4


def test_long_incident_text_finds_the_matching_postmortem(tmp_path: Path) -> None:
    lib = Library.open(Settings(home=tmp_path / "home"))
    folder = tmp_path / "lib"
    write(
        folder,
        "cert.md",
        postmortem_md(
            "cert-1",
            "Expired TLS certificate on the edge",
            "## Summary\nThe TLS certificate expired and handshakes failed; renewal had failed silently.",
        ),
    )
    write(
        folder,
        "disk.md",
        postmortem_md(
            "disk-1",
            "Log volume filled up",
            "## Summary\nDebug logging filled the disk to 100% and writes failed.",
        ),
    )
    write(
        folder,
        "flag.md",
        postmortem_md(
            "flag-1",
            "Feature flag emptied search",
            "## Summary\nA flag enabled for all tenants made search return nothing.",
        ),
    )
    lib.index_folder(folder)
    matches = lib.similar(_incident(500), k=3)
    assert matches[0].id == "cert-1"
    assert matches[0].section is None or isinstance(matches[0].section, str)
    lib.close()


def test_warm_up_runs_a_long_query_and_leaves_no_cached_vector(tmp_path: Path) -> None:
    lib = Library.open(Settings(home=tmp_path / "home"))
    write(
        tmp_path / "lib",
        "pool.md",
        postmortem_md("pool-1", "Connection pool exhausted", "## Summary\nThe pool ran out."),
    )
    lib.index_folder(tmp_path / "lib")
    query_vector.cache_clear()
    lib.warm_up()
    assert query_vector.cache_info().currsize == 0
    lib.close()
