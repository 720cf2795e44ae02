from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from assistant.domain import Event, KeyTimes, Metrics, SourceKind, SourceRef


def test_event_rejects_naive_time() -> None:
    with pytest.raises(ValidationError):
        Event(
            id="E1",
            time=datetime(2026, 1, 1, 12, 0),
            source=SourceKind.chat,
            text="x",
            refs=[SourceRef(file="chat.txt", line=1)],
        )


def test_metrics_are_durations_from_start() -> None:
    t0 = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    kt = KeyTimes(start=t0, detected=t0 + timedelta(minutes=5), resolved=t0 + timedelta(hours=1))
    m = Metrics.from_key_times(kt)
    assert m.time_to_detect_s == 300
    assert m.time_to_mitigate_s is None
    assert m.time_to_resolve_s == 3600


def test_source_ref_prints_file_and_line() -> None:
    assert str(SourceRef(file="logs/app.log", line=42)) == "logs/app.log:42"
