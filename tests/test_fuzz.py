"""Fuzzed: random and mutated bytes through every parser, the timeline and the CLI entry points.

Seeds are the dev cases' and the project's own incident files (chat, Slack exports and workspace
zips, logs, alert JSON, k8s events, notes), cut to a few kilobytes; hypothesis truncates,
corrupts, re-encodes (UTF-16, Latin-1, BOMs), changes line endings and splices them, and also
sends plain random bytes. Nothing may raise: bad input is a problem naming the file, and the CLI
never exits 3 (the unexpected-error code).

Budget: ``POSTMORTEM_FUZZ_EXAMPLES`` examples per test (default 40, for the normal test run). The
nightly-style run sets it so the total passes 10,000, e.g.
``POSTMORTEM_FUZZ_EXAMPLES=3000 pytest tests/test_fuzz.py -p no:randomly -q -s``; each test prints
how many inputs it ran.
"""

from __future__ import annotations

import codecs
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from _cli_helpers import run_main
from conftest import ROOT, SHARED_DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.ingest import IngestResult, read_sources
from assistant.ingest._sources import parse_bytes
from assistant.timeline import build_timeline

EXAMPLES = int(os.environ.get("POSTMORTEM_FUZZ_EXAMPLES", "40"))
SEED_BYTES = 6 * 1024
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, database=None, derandomize=EXAMPLES <= 40,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)  # fmt: skip
COUNTS: dict[str, int] = {}
# A CLI run costs ~0.3 s here: the nightly budget needs more than the suite's 900 s per test.
pytestmark = pytest.mark.timeout(max(900, int(EXAMPLES * 0.6)))


def _seed_files() -> Iterator[Path]:
    folders = [ROOT / "examples" / "incident", *sorted((ROOT / "eval" / "cases").glob("case*"))]
    base = SHARED_DATA / "incidents"
    if base.exists():
        folders += sorted(p for p in base.iterdir() if p.is_dir())
    for folder in folders:
        for f in sorted(folder.iterdir()):
            if f.is_file() and f.name != "gold.json":
                yield f


def _head(data: bytes) -> bytes:
    if len(data) <= SEED_BYTES:
        return data
    cut = data.rfind(b"\n", 0, SEED_BYTES)
    return data[: cut + 1 if cut > 0 else SEED_BYTES]


SEEDS: list[tuple[str, bytes]] = []
ZIP_SEEDS: list[tuple[str, bytes]] = []
for _f in _seed_files():
    (ZIP_SEEDS if zipfile.is_zipfile(_f) else SEEDS).append(
        (_f.name, _head(_f.read_bytes()) if not zipfile.is_zipfile(_f) else _f.read_bytes())
    )


def _count(name: str) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + 1


@pytest.fixture(scope="module", autouse=True)
def _report_counts() -> Iterator[None]:
    yield
    total = sum(COUNTS.values())
    print(f"\nfuzz inputs run: {total} ({', '.join(f'{k} {v}' for k, v in sorted(COUNTS.items()))})")


@st.composite
def mutated(draw: st.DrawFn, seeds: list[tuple[str, bytes]] = SEEDS) -> tuple[str, bytes]:
    """A seed file, changed in one to three ways."""
    name, data = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 3))):
        op = draw(
            st.sampled_from(["truncate", "flip", "insert", "delete", "crlf", "cr", "encode", "splice", "dup"])
        )
        n = len(data)
        if op == "truncate" and n:
            data = data[: draw(st.integers(0, n))]
        elif op == "flip" and n:
            buf = bytearray(data)
            for _ in range(draw(st.integers(1, 16))):
                i = draw(st.integers(0, n - 1))
                buf[i] = draw(st.integers(0, 255))
            data = bytes(buf)
        elif op == "insert":
            i = draw(st.integers(0, n))
            data = data[:i] + draw(st.binary(max_size=64)) + data[i:]
        elif op == "delete" and n:
            i = draw(st.integers(0, n - 1))
            data = data[:i] + data[i + draw(st.integers(1, 200)) :]
        elif op == "crlf":
            data = data.replace(b"\n", b"\r\n")
        elif op == "cr":
            data = data.replace(b"\n", b"\r")
        elif op == "encode":
            text = data.decode("utf-8", errors="replace")
            enc = draw(
                st.sampled_from(
                    ["utf-16", "utf-16-le", "utf-16-be", "latin-1", "utf-8-sig", "cp1252", "utf-32"]
                )
            )
            data = text.encode(enc, errors="replace")
            if enc == "utf-16-le" and draw(st.booleans()):
                data = codecs.BOM_UTF16_LE + data
        elif op == "splice":
            _, other = draw(st.sampled_from(seeds))
            i, j = draw(st.integers(0, n)), draw(st.integers(0, len(other)))
            data = data[:i] + other[j:]
        elif op == "dup" and n:
            i = draw(st.integers(0, n - 1))
            data = data[:i] + data[i : i + 300] * draw(st.integers(2, 20)) + data[i:]
    return name, data


ANY_BYTES = st.one_of(
    mutated(),
    st.tuples(st.sampled_from(["x.txt", "x.json", "x.log"]), st.binary(max_size=2048)),
    st.tuples(
        st.just("t.txt"), st.text(max_size=600).map(lambda t: t.encode("utf-8", errors="surrogatepass"))
    ),
)


def _parse_all(name: str, data: bytes) -> IngestResult:
    sources, problems = parse_bytes(data, name, max_bytes=None)
    return IngestResult.model_construct(sources=sources, problems=problems)


@FUZZ
@given(ANY_BYTES)
def test_every_parser_and_the_timeline_take_any_bytes_without_raising(case: tuple[str, bytes]) -> None:
    name, data = case
    _count("parse+timeline")
    result = _parse_all(name, data)
    assert all(p.path for p in result.problems)
    build_timeline(result)


@FUZZ
@given(
    st.one_of(
        mutated(ZIP_SEEDS) if ZIP_SEEDS else st.nothing(),
        st.builds(lambda b: ("z.zip", b"PK\x03\x04" + b), st.binary(max_size=512)),
    )
)
def test_zip_archives_damaged_anywhere_never_raise(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, bytes]
) -> None:
    _count("zip")
    path = tmp_path_factory.mktemp("zip") / "export.zip"
    path.write_bytes(case[1])
    result = read_sources([path])
    assert result.sources or result.problems
    build_timeline(result)


@FUZZ
@given(ANY_BYTES, st.sampled_from([["timeline"], ["timeline", "--json"], ["redact"], ["redact", "--json"]]))
def test_cli_timeline_and_redact_never_exit_with_an_unexpected_error(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, bytes], verb: list[str]
) -> None:
    _count("cli " + verb[0])
    path = tmp_path_factory.mktemp("cli") / case[0]
    path.write_bytes(case[1])
    run = run_main(*verb, str(path))
    assert run.code in (0, 1, 2), run.err
    assert "Traceback" not in run.err


@settings(FUZZ, max_examples=max(5, EXAMPLES // 8))
@given(mutated())
def test_cli_draft_offline_never_exits_with_an_unexpected_error(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, bytes]
) -> None:
    _count("cli draft")
    path = tmp_path_factory.mktemp("draft") / case[0]
    path.write_bytes(case[1])
    run = run_main("draft", str(path), "--provider", "offline")
    assert run.code in (0, 2), run.err
    assert "Traceback" not in run.err
