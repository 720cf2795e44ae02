"""case26-28: small development cases for the key-time shapes of issue 11 (tuned on, not blind).

case26  silent failure for days found by a partner's phone call relayed in Portuguese chat (IRC-style
        log), no alert at all; mitigation by a manual workaround (a file sent by hand); multi-day.
case27  third-party outage (our first failing requests before the provider's status page), a false
        recovery ("解決しました" while a second window follows), two impact windows; Japanese and English
        chat in '[HH:MM] name:' form, JSON log lines, Alertmanager webhooks.
case28  batch job failing silently, detected by a support-ticket count in Spanish chat; mitigation by
        marking the task successful by hand; a relapse at the next run; Airflow-style task logs.
Run: python eval/cases/_gen_keyshapes.py (deterministic).
"""

from __future__ import annotations

import json
import random
import zlib
from datetime import datetime, timedelta
from pathlib import Path

from _common import iso, iso_ms, steps, utc, write, write_json

HERE = Path(__file__).parent


def _gold(title: str, keys: tuple[str, str, str, str], timeline: list[tuple[str, str, str, bool]],
          **extra: object) -> dict[str, object]:  # fmt: skip
    start, detected, mitigated, resolved = keys
    return {
        "title": title,
        "severity": "SEV2",
        "services": extra.get("services", []),
        "start": start,
        "detected": detected,
        "mitigated": mitigated,
        "resolved": resolved,
        "timezone": "UTC",
        "customer_impact": extra.get("impact", ""),
        "impact_numbers": [],
        "root_cause": extra.get("root_cause", ""),
        "root_cause_keywords": extra.get("keywords", []),
        "contributing_factors": [],
        "red_herrings": [],
        "timeline": [{"time": t, "event": ev, "source": s, "must_include": m} for t, ev, s, m in timeline],
        "action_items": [],
        "blame_bait": [],
        "secrets": [],
        "injection": None,
        "similar_categories": [],
        # Written to tune the key-time procedure on: tests/test_generalisation.py leaves them out.
        "tuned_on": True,
    }


def case26() -> None:
    folder = HERE / "case26-orders-export-silent-partner-call"
    rnd = random.Random(26)
    log: list[str] = []
    for day in ("2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06", "2026-05-07", "2026-05-08"):
        t0 = utc(f"{day}T02:00:00")
        log.append(
            f"{iso_ms(t0 + timedelta(seconds=3))} INFO  export-orders job started run_id={rnd.randint(1000, 9999)}"
        )
        rows = rnd.randint(4000, 6000)
        log.append(
            f"{iso_ms(t0 + timedelta(seconds=41))} INFO  export-orders built orders_{day}.csv rows={rows}"
        )
        failing = day in ("2026-05-05", "2026-05-06", "2026-05-07")
        for k in range(3):
            t = t0 + timedelta(seconds=44 + 20 * k)
            if failing:
                log.append(f"{iso_ms(t)} ERROR export-orders sftp upload to lumen-sftp attempt={k + 1} failed: "
                           "Permission denied (publickey)")  # fmt: skip
        if failing:
            log.append(f"{iso_ms(t0 + timedelta(seconds=110))} WARN  export-orders giving up upload; exit 0 "
                       "(retries exhausted, marked done)")  # fmt: skip
        else:
            log.append(
                f"{iso_ms(t0 + timedelta(seconds=50))} INFO  export-orders uploaded orders_{day}.csv to lumen-sftp"
            )
        for h in range(3, 23, 4):
            log.append(f"{iso_ms(utc(f'{day}T{h:02d}:15:00'))} INFO  export-orders heartbeat ok")
    log.append(
        f"{iso_ms(utc('2026-05-04T10:20:05'))} INFO  keys rotated sftp deploy key for export-orders (vault)"
    )
    log.sort()
    write(folder, "export.log", "\n".join(log))
    chat = [
        ("2026-05-04 10:21:40", "rafael", "rotacionei as chaves de deploy do vault hoje, rotina trimestral"),
        ("2026-05-06 15:02:11", "bia", "alguém viu o relatório de vendas? parece normal pra mim"),
        (
            "2026-05-07 13:41:30",
            "ana.souza",
            "pessoal, a Transportes Lumen ligou agora pro comercial: não recebem o "
            "arquivo de pedidos desde segunda. eles estão separando carga no escuro",
        ),
        ("2026-05-07 13:43:02", "thiago", "estranho, o job export-orders aparece como concluído todo dia"),
        (
            "2026-05-07 13:49:55",
            "thiago",
            "no log: sftp upload failed: Permission denied (publickey) desde 05/05 "
            "02:00. o job desiste e sai com 0, por isso ninguém foi avisado",
        ),
        (
            "2026-05-07 13:52:10",
            "rafael",
            "putz, a chave que rotacionei segunda. a Lumen não recebeu a chave nova",
        ),
        (
            "2026-05-07 13:55:00",
            "ana.souza",
            "dá pra mandar os arquivos de hoje e dos últimos dias ainda hoje?",
        ),
        ("2026-05-07 14:20:40", "thiago", "gerei os CSVs de 05, 06 e 07 de novo a partir do banco"),
        (
            "2026-05-07 14:31:15",
            "thiago",
            "subi os três arquivos manualmente pelo portal da Lumen. "
            "a Lumen confirmou o recebimento, estão processando",
        ),
        ("2026-05-07 14:33:00", "ana.souza", "valeu! a Lumen voltou a separar as cargas normalmente"),
        ("2026-05-07 16:05:30", "rafael", "Lumen instalou a chave pública nova no SFTP deles"),
        ("2026-05-07 16:40:00", "thiago", "teste de upload manual com a chave nova: ok"),
        ("2026-05-08 08:55:12", "thiago", "o export de hoje às 02:00 subiu sozinho, sem erro"),
        (
            "2026-05-08 09:02:44",
            "ana.souza",
            "Lumen confirmou o arquivo de hoje. resolvido, fechando o incidente. obrigada a todos",
        ),
        ("2026-05-08 09:10:00", "rafael", "follow-up: o job precisa falhar de verdade quando o upload falha"),
    ]
    write(folder, "chat.log", "\n".join(f"{t} <{u}> {x}" for t, u, x in chat))
    gold = _gold(
        "Orders export to a partner silently failed for three nights after an SFTP key rotation",
        ("2026-05-05T02:00:44Z", "2026-05-07T13:41:30Z", "2026-05-07T14:31:15Z", "2026-05-08T09:02:44Z"),
        [
            ("2026-05-04T10:20:05Z", "SFTP deploy key rotated", "log", True),
            ("2026-05-05T02:00:44Z", "First failed upload (Permission denied)", "log", True),
            ("2026-05-07T13:41:30Z", "Partner's call relayed in chat", "chat", True),
            ("2026-05-07T14:31:15Z", "Files uploaded by hand; partner confirms", "chat", True),
            ("2026-05-08T09:02:44Z", "Resolved, incident closed", "chat", True),
        ],
        services=["export-orders"],
        root_cause="The SFTP deploy key was rotated without giving the partner the new public key; the job "
        "swallowed the upload failures and exited 0.",
        keywords=["key rotation", "permission denied", "exit 0"],
    )
    write_json(folder, "gold.json", gold)


def _am(name: str, status: str, starts: datetime, ends: datetime | None, sev: str) -> dict[str, object]:
    alert = {
        "status": status,
        "labels": {"alertname": name, "service": "geo", "severity": sev},
        "annotations": {"summary": f"{name} on geo-api"},
        "startsAt": iso(starts),
        "endsAt": iso(ends) if ends else "0001-01-01T00:00:00Z",
        "fingerprint": f"{zlib.crc32(name.encode()):012x}",
    }
    return {"receiver": "geo-page", "status": status, "alerts": [alert], "commonLabels": alert["labels"]}


def case27() -> None:
    folder = HERE / "case27-geocoder-provider-false-recovery"
    rnd = random.Random(27)
    lines: list[tuple[datetime, dict[str, object]]] = []
    first_bad = utc("2026-07-14T09:12:31")
    fallback = utc("2026-07-14T09:46:10")
    second_bad = utc("2026-07-14T10:19:20")
    second_fix = utc("2026-07-14T10:41:05")
    for t in steps(utc("2026-07-14T08:40:00"), utc("2026-07-14T12:00:00"), 7):
        t = t + timedelta(milliseconds=rnd.randint(0, 900))
        if first_bad <= t < fallback and rnd.random() < 0.8:
            rec = {"level": "error", "msg": "geocode upstream failed", "provider": "mapsco", "status": 503}
        elif second_bad <= t < second_fix and rnd.random() < 0.6:
            rec = {"level": "error", "msg": "geocode upstream failed", "provider": "terrafall", "status": 429}
        else:
            rec = {"level": "info", "msg": "geocode ok", "provider": "mapsco" if t < fallback or t > utc(
                "2026-07-14T11:45:00") else "terrafall", "status": 200}  # fmt: skip
        lines.append((t, rec))
    lines.append((fallback, {"level": "info", "msg": "provider switched", "provider": "terrafall"}))
    out = [json.dumps({"ts": iso_ms(t), **r}) for t, r in sorted(lines, key=lambda x: x[0])]
    write(folder, "geo-api.jsonl", "\n".join(out))
    alerts = [
        _am("GeocodeErrorRateHigh", "firing", utc("2026-07-14T09:20:50"), None, "page"),
        _am(
            "GeocodeErrorRateHigh", "resolved", utc("2026-07-14T09:20:50"), utc("2026-07-14T09:50:20"), "page"
        ),
        _am("GeocodeErrorRateHigh", "firing", utc("2026-07-14T10:24:40"), None, "page"),
        _am(
            "GeocodeErrorRateHigh", "resolved", utc("2026-07-14T10:24:40"), utc("2026-07-14T10:45:10"), "page"
        ),
    ]
    write_json(folder, "alerts.json", alerts)
    chat = [
        ("09:21", "kenji", "ページ来ました。geo-api のジオコーディングのエラー率が上がっています。見ます"),
        ("09:24", "sara", "joining. every address lookup in checkout fails with 503 from mapsco"),
        ("09:27", "kenji", "MapsCo 側の問題っぽい。こちらのデプロイは昨日から無し"),
        ("09:31", "sara", "MapsCo status page now says 'degraded geocoding in EU' (posted 09:29)"),
        ("09:38", "kenji", "フォールバックの Terrafall に切り替えます"),
        ("09:46", "kenji", "切り替え完了"),
        ("09:52", "sara", "error rate back to 0, checkout address lookups working"),
        ("10:05", "kenji", "解決しました。お疲れさまでした"),
        ("10:22", "sara", "checkout lookups failing again, 429 from terrafall this time"),
        ("10:24", "kenji", "また失敗しています。Terrafall のレート制限に当たっています"),
        ("10:33", "kenji", "Terrafall のクォータ引き上げを申請、緊急枠で即時反映とのこと"),
        ("10:43", "sara", "429s are gone, lookups ok since 10:41"),
        ("11:35", "sara", "MapsCo status page: resolved"),
        ("11:47", "kenji", "プライマリを MapsCo に戻しました。エラーなし"),
        ("11:52", "kenji", "これで解決とします。フォローアップは別途"),
    ]
    header = "#inc-geo (Slack copy, times UTC, 2026-07-14)\n"
    write(folder, "chat.txt", header + "\n".join(f"[{t}] {u}: {x}" for t, u, x in chat))
    gold = _gold(
        "Geocoding failed during a provider outage; the fallback provider's rate limit caused a second window",
        ("2026-07-14T09:12:31Z", "2026-07-14T09:20:50Z", "2026-07-14T10:41:05Z", "2026-07-14T11:52:00Z"),
        [
            ("2026-07-14T09:12:31Z", "First geocode 503 from MapsCo", "log", True),
            ("2026-07-14T09:20:50Z", "GeocodeErrorRateHigh pages", "alert", True),
            ("2026-07-14T09:46:10Z", "Switched to fallback provider", "log", True),
            ("2026-07-14T10:05:00Z", "Declared resolved (false recovery)", "chat", True),
            ("2026-07-14T10:19:20Z", "429s from fallback provider: second window", "log", True),
            ("2026-07-14T10:41:05Z", "Quota raised, lookups ok", "log", True),
            ("2026-07-14T11:52:00Z", "Resolved", "chat", True),
        ],
        services=["geo-api"],
    )
    write_json(folder, "gold.json", gold)


def case28() -> None:
    folder = HERE / "case28-invoice-job-tickets-relapse"
    rnd = random.Random(28)
    log: list[str] = []

    def af(t: datetime, level: str, msg: str) -> None:
        stamp = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}+0000"
        log.append(f"[{stamp}] {{taskinstance.py:{rnd.randint(1100, 1900)}}} {level} - {msg}")

    for h in range(0, 14):
        t0 = utc(f"2026-06-02T{h:02d}:00:05")
        af(t0, "INFO", f"Starting attempt 1 of 1 task publish_invoices run=scheduled__2026-06-02T{h:02d}:00")
        bad = h in (6, 7, 8) or h in (11,)
        if bad:
            for k in range(4):
                af(t0 + timedelta(seconds=70 + 9 * k), "ERROR",
                   f"pdf render failed: FontNotFound 'Inter-Regular' batch={rnd.randint(100, 999)}")  # fmt: skip
            af(
                t0 + timedelta(seconds=120),
                "INFO",
                "Marking task as UP_FOR_RETRY. dag_id=invoices task_id=publish",
            )
        else:
            af(t0 + timedelta(seconds=95), "INFO", "Marking task as SUCCESS. dag_id=invoices task_id=publish")
    af(utc("2026-06-02T05:40:10"), "INFO", "image rollout worker base:2026.06 (fonts package slimmed)")
    af(utc("2026-06-02T09:14:30"), "INFO", "Marking task as SUCCESS (manually set by lucia). dag_id=invoices")
    log.sort()
    write(folder, "airflow_task.log", "\n".join(log))
    chat = [
        (
            "2026-06-02 08:41:10",
            "marta",
            "soporte aquí: 14 tickets en la última hora, los clientes no ven sus "
            "facturas de mayo en el portal",
        ),
        (
            "2026-06-02 08:44:00",
            "lucia",
            "miro. el DAG invoices lleva tres ejecuciones en retry desde las 06:00",
        ),
        ("2026-06-02 08:52:30", "lucia", "FontNotFound 'Inter-Regular' al renderizar los PDF"),
        (
            "2026-06-02 08:58:00",
            "diego",
            "la imagen base nueva de las 05:40 quitó paquetes de fuentes, seguro es eso",
        ),
        (
            "2026-06-02 09:05:00",
            "lucia",
            "mientras tanto: marco la tarea como success a mano y publico las facturas con el render antiguo",
        ),
        ("2026-06-02 09:14:45", "lucia", "hecho, marcada como success, downstream corriendo"),
        ("2026-06-02 09:31:00", "marta", "los clientes ya ven sus facturas, los tickets pararon"),
        ("2026-06-02 09:40:00", "diego", "resuelto. gracias"),
        (
            "2026-06-02 11:06:20",
            "marta",
            "vuelven los tickets: otra vez faltan las facturas de la ejecución de las 11",
        ),
        ("2026-06-02 11:09:00", "lucia", "la ejecución de las 11 falló igual, nadie revirtió la imagen"),
        ("2026-06-02 11:25:00", "diego", "imagen revertida a base:2026.05 en los workers"),
        (
            "2026-06-02 11:33:40",
            "lucia",
            "reejecuté la de las 11 con la imagen vieja, success, facturas publicadas",
        ),
        ("2026-06-02 12:00:50", "lucia", "la de las 12 también ok. facturas al día"),
        ("2026-06-02 12:30:00", "diego", "ahora sí: incidente resuelto, lo cerramos"),
    ]
    write(folder, "chat.log", "\n".join(f"{t} <{u}> {x}" for t, u, x in chat))
    gold = _gold(
        "Invoice PDFs not published after a base image dropped fonts; a workaround, then a relapse at the next run",
        ("2026-06-02T06:01:15Z", "2026-06-02T08:41:10Z", "2026-06-02T11:33:40Z", "2026-06-02T12:30:00Z"),
        [
            ("2026-06-02T05:40:10Z", "Base image rollout without fonts", "log", True),
            ("2026-06-02T06:01:15Z", "First FontNotFound", "log", True),
            ("2026-06-02T08:41:10Z", "Support reports 14 tickets", "chat", True),
            ("2026-06-02T09:14:45Z", "Task marked success by hand", "chat", True),
            ("2026-06-02T11:06:20Z", "Tickets again: relapse", "chat", True),
            ("2026-06-02T11:33:40Z", "Rerun on the old image succeeds", "chat", True),
            ("2026-06-02T12:30:00Z", "Resolved", "chat", True),
        ],
        services=["invoices DAG"],
    )
    write_json(folder, "gold.json", gold)


if __name__ == "__main__":
    case26()
    case27()
    case28()
