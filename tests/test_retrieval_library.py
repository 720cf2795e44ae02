"""The library: incremental indexing, formats, reopening in a fresh process, publishing, the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from _retrieval_helpers import postmortem_md, write

from assistant.config import get_settings
from assistant.retrieval.library import Library

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "library"

CERT = postmortem_md(
    "acme-cert",
    "API down after the TLS certificate expired",
    "## Summary\nThe TLS certificate on the load balancer expired at midnight; every handshake failed.\n\n"
    "## Action items\n- [x] Alert 14 days before certificate expiry\n- [ ] Automate certificate renewal (OPS-101)\n",
    services="[api-gateway]",
)
DISK = postmortem_md(
    "acme-disk",
    "Indexer stopped when the disk filled with logs",
    "## Summary\nDebug logs filled the data volume to 100% and the indexer could not write.\n",
)


def test_reindex_skips_unchanged_updates_changed_and_removes_deleted(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    write(folder, "cert.md", CERT)
    disk = write(folder, "disk.md", DISK)
    lib = Library.open()
    first = lib.index_folder(folder)
    assert (first.added, first.updated, first.removed, first.unchanged) == (2, 0, 0, 0)

    again = lib.index_folder(folder)
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 2)

    write(folder, "cert.md", CERT.replace("at midnight", "at midnight after the renewal cron job broke"))
    disk.unlink()
    write(
        folder,
        "dns.txt",
        "Resolver outage\n\nSummary:\nCoreDNS pods were evicted and lookups failed with SERVFAIL.\n",
    )
    third = lib.index_folder(folder)
    assert (third.added, third.updated, third.removed, third.unchanged) == (1, 1, 1, 0)
    assert len(lib) == 2
    ids = [m.id for m in lib.similar("log files filled the volume and writes failed", k=5)]
    assert "acme-disk" not in ids
    top = lib.similar("renewal cron job broke and the certificate expired", k=1)[0]
    assert top.id == "acme-cert"
    assert lib.similar("SERVFAIL from the resolver", k=1)[0].id == "dns"  # plain text: id is the file stem


def test_collection_reopens_in_a_fresh_process(tmp_path: Path) -> None:
    write(tmp_path / "lib", "cert.md", CERT)
    write(tmp_path / "lib", "disk.md", DISK)
    Library.open().index_folder(tmp_path / "lib")
    # A new interpreter that never imported our embedding function before opening the collection.
    code = (
        "import json, chromadb\n"
        "from chromadb.config import Settings\n"
        "from assistant.config import get_settings\n"
        "from assistant.retrieval.library import Library\n"
        "lib = Library.open()\n"
        "print(json.dumps([m.id for m in lib.similar('certificate expired, handshakes failing', k=2)]))\n"
        "import assistant.retrieval.embed  # registered with Chroma by import\n"
        "client = chromadb.PersistentClient(path=str(get_settings().chroma_dir),"
        " settings=Settings(anonymized_telemetry=False))\n"
        "col = client.get_collection('postmortems')\n"
        "res = col.query(query_texts=['disk full of logs'], n_results=1)\n"
        "print(res['metadatas'][0][0]['doc_id'])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        cwd=tmp_path,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.strip().splitlines()
    assert json.loads(lines[0])[0] == "acme-cert"
    assert lines[1] == "acme-disk"


def test_example_library_indexes_every_format_with_front_matter_ids() -> None:
    lib = Library.open()
    report = lib.index_folder(EXAMPLES)
    assert report.problems == []
    assert report.added == len([p for p in EXAMPLES.iterdir() if p.name != "README.md"])
    json_draft = lib.similar("clients retried with no backoff and overloaded the identity service", k=1)[0]
    assert json_draft.id == "harbourline-2024-09-30-retry-storm"
    assert {i.status for i in json_draft.seen_before} <= {"done", "in progress", "open"}
    text_file = lib.similar("debug logs filled the volume the index lives on", k=1)[0]
    assert text_file.id == "2024-05-19-disk-full"


def test_similar_lists_seen_before_items_with_status() -> None:
    lib = Library.open()
    lib.index_folder(EXAMPLES)
    top = lib.similar(
        "Checkout pods waited on PgBouncer; Postgres max_connections reached after autoscaling", k=1
    )[0]
    assert top.id == "orbitcart-2023-06-02-db-pool"
    assert "pgbouncer" in top.why.lower()
    statuses = {i.text: i.status for i in top.seen_before}
    assert statuses["Alert on PgBouncer cl_waiting above 50 for 2 minutes"] == "done"
    assert any(s == "open" for s in statuses.values())


def test_add_postmortem_writes_markdown_to_library_dir_and_indexes_it() -> None:
    lib = Library.open()
    draft = {
        "title": "Webhook delivery stalled behind a poison payload",
        "summary": "One malformed webhook payload made the delivery worker crash-loop on the same job.",
        "root_cause": "No dead-letter queue for payloads that fail repeatedly.",
        "action_items": [
            {"description": "Dead-letter payloads after 3 failures", "owner": "platform", "status": "done"}
        ],
    }
    doc_id = lib.add_postmortem(draft, id="webhooks-2025-01-05")
    path = get_settings().library_dir / "webhooks-2025-01-05.md"
    text = path.read_text()
    assert text.startswith("---\nid: webhooks-2025-01-05\n")
    assert "- [x] Dead-letter payloads after 3 failures" in text
    top = lib.similar("a malformed payload crash-looped the worker", k=1)[0]
    assert (doc_id, top.id) == ("webhooks-2025-01-05", "webhooks-2025-01-05")
    assert top.seen_before and top.seen_before[0].status == "done"
    # Publishing again replaces, never duplicates.
    lib.add_postmortem(
        "# Webhook delivery stalled\n\nWorker crash-looped on a malformed payload.\n", id=doc_id
    )
    assert len(lib) == 1


def test_cli_batch_similar_writes_one_json_line_per_query(tmp_path: Path) -> None:
    env = {**os.environ, "POSTMORTEM_HOME": str(get_settings().home)}
    cli = [str(Path(sys.executable).parent / "postmortem")]
    done = subprocess.run(
        [*cli, "index", str(EXAMPLES)], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "added 10" in done.stdout
    queries = tmp_path / "q.jsonl"
    queries.write_text(
        json.dumps({"qid": "a", "query": "edge certificate expired and TLS handshakes failed"})
        + "\n"
        + json.dumps({"qid": "b", "query": "BGP routes withdrawn, one data centre isolated"})
        + "\n"
    )
    out = subprocess.run(
        [*cli, "similar", "--queries", str(queries), "--json", "-k", "3"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert [x["qid"] for x in lines] == ["a", "b"]
    assert lines[0]["results"][0]["id"] == "lumenpay-2023-03-14-cert-expiry"
    assert lines[1]["results"][0]["id"] == "corvid-2024-02-28-network-partition"
    assert set(lines[0]["results"][0]) == {"id", "title", "score", "why"}
    assert len(lines[0]["results"]) == 3
