"""The large-log path (weighted samples per line shape and five minutes) condenses like the per-line path."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from assistant.domain import Event
from assistant.ingest import _io, logs, read_sources
from assistant.timeline import build_timeline

_T0 = datetime(2026, 3, 4, 6, 0, tzinfo=UTC)


def _write_log(path: Path, n: int = 4000, seed: int = 3) -> list[str]:
    """A mixed ISO log: frequent templates, a rare deploy, an error burst after a quiet gap,
    a pool line that changes state once, a traceback, blank lines and 5xx access lines."""
    rnd = random.Random(seed)
    out: list[str] = []
    t = _T0
    for i in range(n):
        t += timedelta(milliseconds=rnd.randint(50, 400))
        if i == n // 2:
            t += timedelta(minutes=20)  # quiet gap: bursts split here
        stamp = t.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        r = rnd.random()
        if i == 700:
            line = "orders-api-2 INFO deploy orders-api v4.12.0 started by ci"
        elif i in (1500, 1501):
            out.append(f"{stamp} orders-api-1 ERROR unhandled exception in worker")
            out.append("Traceback (most recent call last):")
            out.append('  File "worker.py", line 42, in run')
            continue
        elif i % 97 == 0:
            out.append("")
            continue
        elif r < 0.35:
            status = 503 if n // 2 < i < n // 2 + 300 and r < 0.1 else 200
            line = (
                f"gateway-{rnd.randint(1, 4)} INFO 10.0.{rnd.randint(0, 255)}.{rnd.randint(1, 254)} "
                f'"GET /v1/orders/{rnd.randint(10**6, 10**7)} HTTP/1.1" {status} {rnd.randint(100, 900)}'
            )
        elif r < 0.6:
            line = f"orders-api-{rnd.randint(1, 3)} INFO request completed id={rnd.getrandbits(40):x} ms={rnd.randint(1, 99)}"
        elif r < 0.8:
            active = 20 if i < 3000 else 0
            line = f"pool-monitor INFO pool stats total=20 active={active}"
        elif r < 0.82 and i > n // 2:
            line = f"orders-api-1 ERROR db timeout after {rnd.randint(1, 30)}s order=D-{rnd.randint(10**6, 10**7)}"
        else:
            line = f"notify-worker WARN slow supplier latencyMs={rnd.randint(600, 3000)}"
        out.append(f"{stamp} {line}")
    path.write_text("\n".join(out) + "\n")
    return out


def _timeline(path: Path, monkeypatch: pytest.MonkeyPatch, *, large: bool) -> list[Event]:
    monkeypatch.setattr(logs, "LARGE_BYTES", 0 if large else 10**12)
    monkeypatch.setattr(_io, "CHUNK_CHARS", 7_000)  # many pieces: carries across piece edges get exercised
    res = read_sources([path])
    assert not res.problems
    return build_timeline(res).events


def _summary(e: Event) -> dict[str, Any]:
    a = e.attrs
    return {
        "time": e.time,
        "text": e.text,
        "refs": [str(r) for r in e.refs],
        "template": a.get("template"),
        "count": a.get("count"),
        "first": a.get("first"),
        "last": a.get("last"),
        "level": a.get("level"),
        "service": a.get("service"),
        "state_change": a.get("state_change", False),
    }


def test_large_path_gives_the_same_templates_counts_first_last_and_refs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "app.log"
    _write_log(path)
    small = _timeline(path, monkeypatch, large=False)
    large = _timeline(path, monkeypatch, large=True)
    assert [_summary(e) for e in large] == [_summary(e) for e in small]
    assert sum(e.attrs["count"] for e in large if not e.attrs.get("state_change")) == 4000 - 4000 // 97 - 1
    # The first burst of every template shows the same examples on both paths.
    firsts: dict[str, list[str]] = {}
    for e in small:
        firsts.setdefault(e.attrs["template"], e.attrs.get("examples", []))
    for e in large:
        if e.attrs["template"] in firsts and e.attrs.get("examples") is not None:
            assert e.attrs["examples"] == firsts.pop(e.attrs["template"])


def test_large_path_refs_point_at_real_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "app.log"
    lines = _write_log(path)
    events = _timeline(path, monkeypatch, large=True)
    assert 10 < len(events) < 300
    for e in events:
        for ref in e.refs:
            line = lines[ref.line - 1]
            assert line[:24] == e.time.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z" or ref != e.refs[0]
            assert line.endswith(e.text.split("\n")[0].split("  [x")[0][-30:]) or ref != e.refs[0]
    traceback = next(e for e in events if "unhandled exception" in e.text)
    assert "Traceback (most recent call last):" in traceback.text
    deploy = next(e for e in events if "deploy orders-api" in e.text)
    assert deploy.attrs["count"] == 1 and lines[deploy.refs[0].line - 1].endswith("started by ci")


def test_access_log_5xx_lines_stay_apart_from_2xx_on_both_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rnd = random.Random(5)
    t = _T0
    out = []
    for i in range(3000):
        t += timedelta(milliseconds=rnd.randint(100, 900))
        status = 502 if 1200 < i < 1500 and rnd.random() < 0.5 else 200
        out.append(
            f'10.0.0.{rnd.randint(1, 9)} - - [{t:%d/%b/%Y:%H:%M:%S} +0000] "GET /v1/cart/{rnd.randint(1, 99999)} '
            f'HTTP/1.1" {status} {rnd.randint(100, 999)} "-" "curl/8.{rnd.randint(0, 9)}"'
        )
    path = tmp_path / "access.log"
    path.write_text("\n".join(out) + "\n")
    small = _timeline(path, monkeypatch, large=False)
    large = _timeline(path, monkeypatch, large=True)
    assert [_summary(e) for e in large] == [_summary(e) for e in small]
    errors = [e for e in large if e.attrs.get("level") == "error"]
    assert errors and all(" 502 " in e.text for e in errors)
    assert sum(e.attrs["count"] for e in errors) == sum(1 for ln in out if '" 502 ' in ln)


def test_log_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.log"
    with big.open("wb") as fh:  # sparse: 200 MB on paper
        fh.truncate(200 * 1024 * 1024)
    res = read_sources([big], max_bytes=100 * 1024 * 1024)
    assert not res.sources and "over the 100 MB limit" in res.problems[0].message
