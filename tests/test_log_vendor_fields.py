"""Levels and messages the vendors document, read by the learned header (issue 10 item 4).

Samples written from the documentation: PostgreSQL ``csvlog`` (columns log_time, user_name,
database_name, process_id, connection_from, session_id, session_line_num, command_tag,
session_start_time, virtual_transaction_id, transaction_id, error_severity, sql_state_code,
message, detail, hint, internal_query, internal_query_pos, context, query, query_pos, location,
application_name, backend_type, leader_pid, query_id); Redis (``pid:role dd Mon yyyy hh:mm:ss.mmm
<level> message`` with ``.`` debug, ``-`` verbose, ``*`` notice, ``#`` warning and roles X/C/S/M);
HAProxy ``option httplog`` (status code after the Tq/Tw/Tc/Tr/Tt timers).
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli.app import app
from assistant.ingest import read_text
from assistant.ingest._levels import level_in_text

CSVLOG = (
    '2026-03-14 09:12:01.123 UTC,"app","shop",12345,"10.0.0.5:51234",65f2c1a1.3039,7,"SELECT",'
    '2026-03-14 09:10:00 UTC,3/1234,0,ERROR,57014,"canceling statement due to statement timeout",,,,,,'
    '"SELECT * FROM orders WHERE id = 42",,,"psql","client backend",,0\n'
    "2026-03-14 09:12:02.456 UTC,,,2211,,65f2c0f0.8a3,1,,2026-03-14 09:00:00 UTC,,0,LOG,00000,"
    '"checkpoint starting: time",,,,,,,,,"","checkpointer",,0\n'
    '2026-03-14 09:12:03.789 UTC,"app","shop",12346,"10.0.0.6:40000",65f2c1a2.303a,2,"idle",'
    '2026-03-14 09:11:00 UTC,,0,FATAL,53300,"sorry, too many clients already",,,,,,,,,"","client backend",,0\n'
    '2026-03-14 09:12:04.001 UTC,"app","shop",12347,"10.0.0.7:40001",65f2c1a3.303b,3,"UPDATE",'
    '2026-03-14 09:11:00 UTC,4/99,0,DEBUG2,00000,"StartTransaction(1) name: unnamed; blockState: DEFAULT",'
    ',,,,,,,,"","client backend",,0\n'
)
REDIS = (
    "1:C 14 Mar 2026 09:12:01.123 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n"
    "1:M 14 Mar 2026 09:12:01.130 * Running mode=standalone, port=6379.\n"
    "1:M 14 Mar 2026 09:12:01.131 # WARNING overcommit_memory is set to 0!\n"
    "1:M 14 Mar 2026 09:12:02.000 - Accepted 10.0.0.5:51234\n"
    "1:M 14 Mar 2026 09:12:02.500 . Client closed connection\n"
    "26:S 14 Mar 2026 09:12:03.000 * MASTER <-> REPLICA sync started\n"
)
HAPROXY = (
    "Mar 14 09:12:01 lb-1 haproxy[14389]: 10.0.1.2:33317 [14/Mar/2026:09:12:01.655] http-in static/srv1 "
    '10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 "GET /index.html HTTP/1.1"\n'
    "Mar 14 09:12:02 lb-1 haproxy[14389]: 10.0.1.3:33318 [14/Mar/2026:09:12:02.100] http-in static/srv2 "
    '10/0/-1/-1/3001 503 212 - - SC-- 1/1/1/1/0 0/0 "GET /api/orders HTTP/1.1"\n'
    "Mar 14 09:12:03 lb-1 haproxy[14389]: 10.0.1.4:33319 [14/Mar/2026:09:12:03.200] http-in static/srv1 "
    '10/0/30/69/+109 404 120 - - ---- 1/1/1/1/0 0/0 "GET /missing HTTP/1.1"\n'
)


def _records(text: str, name: str) -> list[tuple[str | None, str | None, str]]:
    [src] = read_text(text, name=name).sources
    return [(r.attrs.get("level"), r.actor, r.text) for r in src.records]


def test_postgres_csvlog_reads_severity_and_message_columns() -> None:
    assert _records(CSVLOG, "postgresql.csv") == [
        ("error", None, "canceling statement due to statement timeout"),
        ("info", None, "checkpoint starting: time"),
        ("critical", None, "sorry, too many clients already"),
        ("debug", None, "StartTransaction(1) name: unnamed; blockState: DEFAULT"),
    ]


def test_redis_level_symbols_and_roles() -> None:
    got = _records(REDIS, "redis.log")
    assert [lvl for lvl, _, _ in got] == ["warning", "info", "warning", "debug", "debug", "info"]
    assert [who for _, who, _ in got] == ["child", "master", "master", "master", "master", "replica"]
    assert got[1][2] == "Running mode=standalone, port=6379."


def test_haproxy_http_log_status_codes_are_levels() -> None:
    assert [lvl for lvl, _, _ in _records(HAPROXY, "haproxy.log")] == ["info", "error", "warning"]
    assert level_in_text("1.2.3.4:5 [x] fe be/srv 0/0/1/2/3 200 10 - - ---- 1/1/1/1/0 0/0") == "info"


def test_logs_verb_gives_the_same_levels(tmp_path: Path) -> None:
    for name, text, levels in (
        ("postgresql.csv", CSVLOG, ["error", "info", "critical", "debug"]),
        ("redis.log", REDIS, ["warning", "info", "warning", "debug", "debug", "info"]),
        ("haproxy.log", HAPROXY, ["info", "error", "warning"]),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        res = CliRunner().invoke(app, ["logs", str(path), "--json"])
        assert res.exit_code == 0, res.output
        rows = [json.loads(x) for x in res.output.splitlines() if x.strip()]
        assert [r["level"] for r in rows if r["kind"] == "record"] == levels, name


# log4j's documented ``%d - %p [%t:%C{1}@%L] - %m%n`` pattern: the " - " after the stamp separates,
# it is not Redis's one-symbol verbose level.
DASHED = (
    "2026-03-14 09:12:01,101 - INFO  [main:QuorumPeerMain@127] - Starting quorum peer\n"
    "2026-03-14 09:12:01,202 - WARN  [SendWorker:188978561024:QuorumCnxManager@679] - Send worker leaving\n"
    "2026-03-14 09:12:02,303 - ERROR [LearnerHandler-/10.10.34.13:58447:LearnerHandler@562] - Unexpected exception\n"
    "2026-03-14 09:12:03,404 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@1001] - Closed socket\n"
)


def test_a_dash_separator_after_the_stamp_is_not_a_symbol_level() -> None:
    assert [lvl for lvl, _, _ in _records(DASHED, "quorum.log")] == ["info", "warning", "error", "info"]


# Windows Event Viewer "Save All Events As… CSV": the level is the first column, before the stamp, in the
# language of the exporting machine (documented level names: Information, Warning, Error, Critical).
EVENT_CSV_EN = """Level,Date and Time,Source,Event ID,Task Category
Error,10/20/2026 1:35:00 PM,Application Error,1000,(100),"Faulting application name: w3wp.exe"
Information,10/20/2026 1:36:00 PM,Service Control Manager,7036,None,"The service entered the running state."
Warning,10/20/2026 1:37:00 PM,Disk,153,None,"The IO operation at logical block address 0x3f was retried."
"""
EVENT_CSV_DE = """Ebene,Datum und Uhrzeit,Quelle,Ereignis-ID,Aufgabenkategorie
Fehler,20.10.2026 13:35:00,Application Error,1000,(100),"Name der fehlerhaften Anwendung: w3wp.exe"
Informationen,20.10.2026 13:36:00,Service Control Manager,7036,Keine,"Der Dienst wurde gestartet."
Kritisch,20.10.2026 13:37:00,Kernel-Power,41,(63),"Das System wurde neu gestartet."
"""


def test_event_viewer_csv_levels_come_from_the_first_column_in_any_language() -> None:
    assert [lvl for lvl, _, _ in _records(EVENT_CSV_EN, "application.csv")] == ["error", "info", "warning"]
    assert [lvl for lvl, _, _ in _records(EVENT_CSV_DE, "anwendung.csv")] == ["error", "info", "critical"]


def test_json_access_log_status_codes_are_levels() -> None:
    # Envoy's JSON access log (response_code), an ALB-style record (elb_status_code) and GCP's
    # httpRequest.status carry no level field: the status says whether the request failed.
    lines = [
        {"start_time": "2026-06-10T12:40:06.342Z", "method": "POST", "path": "/v1/pay", "response_code": 200},
        {
            "start_time": "2026-06-10T12:47:49.182Z",
            "path": "/v3/quotes",
            "response_code": 504,
            "response_flags": "UT",
        },
        {"timestamp": "2026-06-10T12:48:00Z", "request": "GET /x", "elb_status_code": "502"},
        {"timestamp": "2026-06-10T12:48:05Z", "httpRequest": {"requestUrl": "/y", "status": 429}},
        {"timestamp": "2026-06-10T12:48:09Z", "msg": "job done", "status": "ok"},
    ]
    text = "\n".join(json.dumps(x) for x in lines) + "\n"
    assert [lvl for lvl, _, _ in _records(text, "envoy.log")] == ["info", "error", "error", "warning", None]
