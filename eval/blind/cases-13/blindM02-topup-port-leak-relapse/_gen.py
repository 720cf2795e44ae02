#!/usr/bin/env python3
"""Generator for blindM02 (relapse: two impact windows; Vietnamese team, Asia/Ho_Chi_Minh).

Writes:
  discord_incident-prod.json      DiscordChatExporter JSON export of #incident-prod (timestamps +07:00)
  wallet-topup.zap.log            Go service logs, zap production JSON encoder ("ts" = epoch float seconds)
  opsgenie_alerts_2026-04-15.json Opsgenie alerts (API shape) with their activity logs
  Sự cố nạp tiền 15-04 ... .md    Notion page exported to Markdown (responders' notes)
  gold.json
Then checks gold against the inputs and prints OK.  Python 3 stdlib only, seeded.
"""
import datetime as dt
import random

UTC = dt.timezone.utc
CAP = 28232 - 130  # usable ephemeral ports towards one dest ip:port
TICK = 10  # seconds
SLOT_W = {0: 1.06, 1: 0.95, 2: 0.99}


def U(h, m, s=0, ms=0):
    return dt.datetime(2026, 4, 15, h, m, s, ms * 1000, tzinfo=UTC)


def rate_per_min(t, rng):
    """Topup requests per minute per pod slot."""
    h = t.hour + t.minute / 60.0
    if h < 2.0:
        base = 330 + (h - 1.5) * 200
    elif h < 6.0:
        base = 430 + 60 * (h - 2.0) / 4.0
    elif h < 6.25:
        base = 490 + (h - 6.0) * 4 * 380  # flash sale 13:00 ICT ramps
    elif h < 9.5:
        base = 870 + 60 * min(1.0, (h - 6.25))
    else:
        base = 930 - (h - 9.5) * 300
    return max(50.0, base * rng.uniform(0.93, 1.07))


def p429(t):
    h = t.hour + t.minute / 60.0
    if h < 6.0:
        return 0.152
    if h < 6.25:
        return 0.152 + (h - 6.0) * 4 * 0.20
    if h < 7.0:
        return 0.345
    return 0.41


class Pod:
    def __init__(self, name, version, rs, start, ready, slot, rng):
        self.name = name
        self.version = version
        self.rs = rs
        self.start = start
        self.ready = ready
        self.end = None  # termination (removed from endpoints)
        self.exit = None
        self.slot = slot
        self.leaked = 0.0
        self.exhausted_at = None
        self.rng = rng
        self.win = self._zero()
        self.win_start = ready
        self.stats = []  # (t, dict)
        self.errors = []  # times of logged error lines
        self.err_minutes = set()
        self.dropped = 0
        self.fail_ticks = []  # (t, failed_dial)

    @staticmethod
    def _zero():
        return dict(requests=0, ok=0, failed_dial=0, failed_other=0, bank_429=0, dropped=0)


def simulate(seed):
    rng = random.Random(seed)
    pods = []

    def mk(suffix, version, rs, start, ready, slot):
        p = Pod("wallet-topup-%s-%s" % (rs, suffix), version, rs, start, ready, slot, rng)
        pods.append(p)
        return p

    RS_OLD = "7b9f6d4c8"
    RS_NEW = "5c8d7f9b6"
    RS_RESTART = "69c4b7d5f8"
    # initial v2.30.4 pods (started the previous day)
    slots = {}
    for i, suf in enumerate(["h4zqn", "p8wfd", "x2r7m"]):
        p = mk(suf, "v2.30.4", RS_OLD, dt.datetime(2026, 4, 14, 3, 2 + i, 11 + i * 7, tzinfo=UTC),
               dt.datetime(2026, 4, 14, 3, 2 + i, 31 + i * 7, tzinfo=UTC), i)
        p.win_start = U(1, 25, 0) - dt.timedelta(seconds=95 - i * 41)
        slots[i] = p
    events = []  # (t, kind, payload)

    def rollout(t0, version, rs, suffixes, kind):
        t = t0
        out = []
        for i in range(3):
            start = t + dt.timedelta(seconds=2 + rng.randint(0, 3))
            ready = start + dt.timedelta(seconds=rng.randint(14, 22))
            out.append((ready, i, mk(suffixes[i], version, rs, start, ready, i)))
            t = ready + dt.timedelta(seconds=rng.randint(8, 40))
        events.append((t0, kind, out))
        return out

    R1 = rollout(U(2, 12, 40), "v2.31.0", RS_NEW, ["2kq9x", "7mxlp", "tz4rw"], "deploy")
    R2 = rollout(U(7, 18, 20), "v2.31.0", RS_RESTART, ["b6vnh", "kd2sp", "wq84t"], "restart")
    R3 = rollout(U(8, 46, 31), "v2.30.4", RS_OLD, ["c5tgm", "jr9xe", "n3lwq"], "rollback")
    switches = sorted([x for r in (R1, R2, R3) for x in r], key=lambda x: x[0])

    t = U(1, 25, 0)
    end = U(10, 30, 0)
    si = 0
    while t < end:
        # apply switches
        while si < len(switches) and switches[si][0] <= t:
            ready, slot, newp = switches[si]
            old = slots[slot]
            old.end = ready
            old.exit = ready + dt.timedelta(seconds=rng.randint(6, 11))
            slots[slot] = newp
            newp.win_start = ready
            si += 1
        for slot, p in slots.items():
            r = rate_per_min(t, rng) * TICK / 60.0 * SLOT_W[slot]
            n = int(round(r))
            n429 = int(round(n * p429(t) * rng.uniform(0.9, 1.1)))
            other = 1 if rng.random() < n * 0.003 else 0
            w = p.win
            w["requests"] += n
            if p.exhausted_at is None:
                w["bank_429"] += n429
                if p.version == "v2.31.0":
                    before = p.leaked
                    p.leaked += n429
                    if p.leaked >= CAP:
                        frac = (CAP - before) / max(1, n429)
                        p.exhausted_at = t + dt.timedelta(seconds=TICK * frac, milliseconds=rng.randint(0, 999))
                        p.leaked = CAP
                w["ok"] += n - other
                w["failed_other"] += other
            else:
                fd = int(round(n * rng.uniform(0.935, 0.965)))
                ok = n - fd - other
                w["ok"] += ok
                w["failed_dial"] += fd
                w["failed_other"] += other
                w["bank_429"] += int(round(ok * 0.4))
                p.fail_ticks.append((t, fd))
                # zap sampler: first entry per wall-clock minute is logged, rest dropped
                minute = t.replace(second=0, microsecond=0)
                if minute not in p.err_minutes:
                    p.err_minutes.add(minute)
                    et = max(t, p.exhausted_at) + dt.timedelta(milliseconds=rng.randint(5, 900))
                    p.errors.append(et)
                    w["dropped"] += fd - 1
                else:
                    w["dropped"] += fd
            # stats ticker every 300 s since ready
            if (t + dt.timedelta(seconds=TICK) - p.win_start).total_seconds() >= 300:
                st = p.win_start + dt.timedelta(seconds=300, milliseconds=rng.randint(0, 40))
                p.stats.append((st, dict(p.win), 300, p.leaked))
                p.win = Pod._zero()
                p.win_start = p.win_start + dt.timedelta(seconds=300)
        t += dt.timedelta(seconds=TICK)
    # final partial windows for terminated pods
    for p in pods:
        if p.end is not None and p.end >= U(1, 30) and any(v for v in p.win.values()):
            el = (p.end - p.win_start).total_seconds()
            p.stats.append((p.exit - dt.timedelta(seconds=1), dict(p.win), int(max(1, el)), p.leaked))
            p.win = Pod._zero()
    return pods, events


# ====================== generation ======================
import json
import os

from zoneinfo import ZoneInfo

SEED = 150402
HERE = os.path.dirname(os.path.abspath(__file__))
CASE = "blindM02-topup-port-leak-relapse"
ICT = ZoneInfo("Asia/Ho_Chi_Minh")
rng = random.Random(SEED + 1)

PODS, ROLLOUTS = simulate(SEED)
POD = {p.name: p for p in PODS}
W1 = [p for p in PODS if p.rs == "5c8d7f9b6"]
W2 = [p for p in PODS if p.rs == "69c4b7d5f8"]
START = min(p.errors[0] for p in W1)
W1_END = max(p.end for p in W1)
RELAPSE = min(p.errors[0] for p in W2)
MITIGATED = max(p.end for p in W2)
W1_FAILED = sum(f for p in W1 for _, f in p.fail_ticks)
W2_FAILED = sum(f for p in W2 for _, f in p.fail_ticks)
DEPLOY_T = [e[0] for e in ROLLOUTS if e[1] == "deploy"][0]
RESTART_T = [e[0] for e in ROLLOUTS if e[1] == "restart"][0]
ROLLBACK_T = [e[0] for e in ROLLOUTS if e[1] == "rollback"][0]
FIRST_V231 = min(p.start for p in W1)


def Z(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def LT(h, m, s=0, ms=None):
    if ms is None:
        ms = rng.randint(0, 999)
    return dt.datetime(2026, 4, 15, h, m, s, ms * 1000, tzinfo=ICT)


def vn(n):
    return "{:,}".format(n).replace(",", ".")


# --------------------------------------------------------------------------------------
# zap logs
# --------------------------------------------------------------------------------------
LOG = []  # (t, dict)


def zap(t, level, caller, msg, logger=None, **fields):
    d = {"level": level, "ts": float("%.6f" % t.timestamp())}
    if logger:
        d["logger"] = logger
    d["caller"] = caller
    d["msg"] = msg
    st = fields.pop("stacktrace", None)
    d.update(fields)
    if st:
        d["stacktrace"] = st
    LOG.append((t, d))


STACK = ("github.com/vixanh/wallet-topup/internal/topup.(*Handler).Create\n\t/src/internal/topup/handler.go:142\n"
         "net/http.HandlerFunc.ServeHTTP\n\t/usr/local/go/src/net/http/server.go:2166\n"
         "github.com/go-chi/chi/v5.(*Mux).routeHTTP\n\t/go/pkg/mod/github.com/go-chi/chi/v5@v5.0.12/mux.go:459\n"
         "net/http.HandlerFunc.ServeHTTP\n\t/usr/local/go/src/net/http/server.go:2166\n"
         "github.com/go-chi/chi/v5.(*Mux).ServeHTTP\n\t/go/pkg/mod/github.com/go-chi/chi/v5@v5.0.12/mux.go:90\n"
         "net/http.serverHandler.ServeHTTP\n\t/usr/local/go/src/net/http/server.go:3137\n"
         "net/http.(*conn).serve\n\t/usr/local/go/src/net/http/server.go:2039")
ULID_CH = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def ulid(t):
    ms = int(t.timestamp() * 1000)
    s = ""
    for _ in range(10):
        s = ULID_CH[ms % 32] + s
        ms //= 32
    return s + "".join(rng.choice(ULID_CH) for _ in range(16))


WINDOW_LOG_START = dt.datetime(2026, 4, 15, 1, 30, tzinfo=UTC)
WINDOW_LOG_END = dt.datetime(2026, 4, 15, 10, 30, tzinfo=UTC)
COMMIT = {"v2.31.0": "a91c3e2", "v2.30.4": "5f0b7d1"}
for p in PODS:
    if p.start >= WINDOW_LOG_START:
        t = p.start + dt.timedelta(milliseconds=rng.randint(300, 900))
        zap(t, "info", "cmd/wallet-topup/main.go:58", "starting wallet-topup", version=p.version, commit=COMMIT[p.version],
            go="go1.22.2", pod=p.name)
        cfg = dict(base_url="https://bank-gw.payments.svc.cluster.local:8443", timeout="8s", max_idle_conns_per_host=2)
        if p.version == "v2.31.0":
            cfg.update(retry_on_429=True, max_retries=3)
        else:
            cfg.update(retry_on_429=False)
        zap(t + dt.timedelta(milliseconds=rng.randint(20, 60)), "info", "bankgw/client.go:71", "bank-gw client configured", logger="bankgw", pod=p.name, **cfg)
        zap(t + dt.timedelta(milliseconds=rng.randint(200, 500)), "info", "store/postgres.go:41", "postgres pool ready", logger="store",
            pod=p.name, host="pg-wallet-rw.payments.svc", max_conns=40)
        zap(p.ready - dt.timedelta(milliseconds=rng.randint(100, 900)), "info", "cmd/wallet-topup/main.go:97", "http server listening",
            addr=":8080", pod=p.name)
    if p.end is not None and p.end >= WINDOW_LOG_START:
        zap(p.end, "info", "cmd/wallet-topup/main.go:121", "shutdown signal received, draining", signal="terminated", pod=p.name)
        zap(p.exit, "info", "cmd/wallet-topup/main.go:133", "http server stopped", pod=p.name, inflight_drained=rng.randint(3, 40))
    for (st, w, win_s, leaked) in p.stats:
        if st < WINDOW_LOG_START or st > WINDOW_LOG_END:
            continue
        failed = w["failed_dial"] + w["failed_other"]
        reasons = {}
        if w["failed_dial"]:
            reasons["dial_error"] = w["failed_dial"]
        if w["failed_other"]:
            reasons["bank_declined"] = w["failed_other"]
        zap(st, "info", "topup/stats.go:64", "topup stats", logger="topup", pod=p.name, version=p.version, window_s=win_s,
            requests=w["requests"], ok=w["ok"], failed=failed, failed_by_reason=reasons, bank_429=w["bank_429"], log_dropped=w["dropped"])
        fds = int(leaked) + rng.randint(31, 48)
        zap(st + dt.timedelta(milliseconds=rng.randint(1, 9)), "info", "diag/runtime.go:39", "runtime stats", logger="diag", pod=p.name,
            goroutines=2 * int(leaked) + rng.randint(70, 110), open_fds=fds, heap_alloc_mb=round(38 + leaked * 0.0061 + rng.uniform(-3, 3), 1),
            num_gc=rng.randint(100, 9000))
    for et in p.errors:
        zap(et, "error", "topup/handler.go:142", "topup failed", logger="topup", pod=p.name, request_id=ulid(et),
            user_id="u_%d" % rng.randint(10000000, 99999999), bank=rng.choice(["VCB", "VCB", "TCB", "MB", "ACB", "BIDV"]),
            amount_vnd=rng.choice([50000, 100000, 100000, 200000, 200000, 500000, 1000000]), attempt=1,
            error='bankgw: credit: Post "https://bank-gw.payments.svc.cluster.local:8443/v1/credit": dial tcp 10.20.3.14:8443: connect: cannot assign requested address',
            stacktrace=STACK)

# noise: slow queries, kafka retries
t = WINDOW_LOG_START
while t < WINDOW_LOG_END:
    t += dt.timedelta(seconds=rng.randint(300, 1500))
    alive = [p for p in PODS if p.ready <= t and (p.end is None or p.end > t)]
    if not alive:
        continue
    p = rng.choice(alive)
    if rng.random() < 0.6:
        zap(t, "warn", "store/postgres.go:88", "slow query", logger="store", pod=p.name,
            query=rng.choice(["UpdateTopupStatus", "InsertTopupRequest", "GetWalletForUpdate"]), elapsed="%.2fs" % rng.uniform(1.0, 2.4))
    else:
        zap(t, "warn", "events/kafka.go:133", "kafka produce retry", logger="events", pod=p.name, topic="wallet.topup.completed",
            attempt=1, err="kafka server: Not Leader For Partition: the client attempted to send messages to a replica that is not the leader for some partition")

LOG.sort(key=lambda e: e[0])
LOG = [e for e in LOG if WINDOW_LOG_START <= e[0] <= WINDOW_LOG_END]
with open(os.path.join(HERE, "wallet-topup.zap.log"), "w", encoding="utf-8") as f:
    for _, d in LOG:
        f.write(json.dumps(d, ensure_ascii=False, separators=(",", ":")) + "\n")


def runtime_at(podname, t):
    best = None
    for (tt, d) in LOG:
        if d.get("msg") == "runtime stats" and d["pod"] == podname and tt <= t:
            best = (tt, d)
    return best


# --------------------------------------------------------------------------------------
# Opsgenie alerts
# --------------------------------------------------------------------------------------


def ogt(t):
    t = t.astimezone(UTC)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def uuid4():
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[rng.randint(0, 3)], h[17:20], h[20:32])


def offset(t):
    ms = int(t.timestamp() * 1000)
    return "%d_%d" % (ms, ms * 1000000 + rng.randint(0, 999999))


TEAM_SRE = {"type": "team", "id": uuid4()}
TEAM_PAY = {"type": "team", "id": uuid4()}
TEAM_PLAT = {"type": "team", "id": uuid4()}
INTEG_AM = {"id": uuid4(), "name": "Alertmanager-prod", "type": "Prometheus"}
INTEG_CERT = {"id": uuid4(), "name": "cert-exporter", "type": "API"}
HUNG = "hung.tran@vixanh.vn"
THU = "thu.vo@vixanh.vn"
ALERT_P1_1 = dict(created=dt.datetime(2026, 4, 15, 6, 46, 2, 311000, tzinfo=UTC), ack=dt.datetime(2026, 4, 15, 6, 48, 40, 905000, tzinfo=UTC),
                  closed=dt.datetime(2026, 4, 15, 7, 26, 10, 448000, tzinfo=UTC))
ALERT_P1_2 = dict(created=dt.datetime(2026, 4, 15, 8, 33, 14, 52000, tzinfo=UTC), ack=dt.datetime(2026, 4, 15, 8, 34, 2, 617000, tzinfo=UTC),
                  closed=dt.datetime(2026, 4, 15, 8, 54, 50, 120000, tzinfo=UTC))
P429_CREATED = dt.datetime(2026, 4, 15, 6, 17, 12, 774000, tzinfo=UTC)


def alert(tiny, alias, message, priority, created, status, source, integ, responders, tags, description, details,
          acked=None, acked_by=None, closed=None, closed_by=None, count=1, last=None, logs=None, owner=""):
    a = {
        "id": uuid4(),
        "tinyId": str(tiny),
        "alias": alias,
        "message": message,
        "status": status,
        "acknowledged": acked is not None,
        "isSeen": acked is not None,
        "tags": tags,
        "snoozed": False,
        "count": count,
        "lastOccurredAt": ogt(last or created),
        "createdAt": ogt(created),
        "updatedAt": ogt(closed or acked or created),
        "source": source,
        "owner": owner,
        "priority": priority,
        "teams": [{"id": r["id"]} for r in responders],
        "responders": responders,
        "integration": integ,
        "report": {},
        "actions": [],
        "entity": "",
        "description": description,
        "details": details,
    }
    if acked:
        a["report"]["ackTime"] = int((acked - created).total_seconds() * 1000)
        a["report"]["acknowledgedBy"] = acked_by
    if closed:
        a["report"]["closeTime"] = int((closed - created).total_seconds() * 1000)
        a["report"]["closedBy"] = closed_by
    a["logs"] = [{"log": l, "type": ty, "owner": ow, "createdAt": ogt(t), "offset": offset(t)} for (t, l, ty, ow) in (logs or [])]
    return a


def ms(t, s):
    return t + dt.timedelta(milliseconds=s)


ALERTS = []
c0 = dt.datetime(2026, 4, 15, 1, 0, 5, 120000, tzinfo=UTC)
ALERTS.append(alert(1779, "cert-expiry-bank-gw.payments.svc", "Certificate bank-gw.payments.svc.cluster.local expires in 21 days", "P5",
                    c0, "open", "cert-exporter", INTEG_CERT, [TEAM_PLAT], ["cert", "prod"],
                    "Certificate CN=bank-gw.payments.svc.cluster.local (issuer vixanh-internal-ca) expires 2026-05-06T00:00:00Z.",
                    {"namespace": "payments", "secret": "bank-gw-tls", "days_left": "21"},
                    logs=[(c0, "Alert created via cert-exporter[API] with tinyId [1779]", "system", "System"),
                          (ms(c0, 210), "Alert routed to team [platform] by routing rule [low-priority-email]", "system", "System"),
                          (ms(c0, 1900), "Sent [Email] notification to [quang.bui@vixanh.vn]", "alertRecipient", "quang.bui@vixanh.vn")]))
c1 = dt.datetime(2026, 4, 15, 3, 20, 41, 407000, tzinfo=UTC)
a1 = dt.datetime(2026, 4, 15, 3, 42, 10, 16000, tzinfo=UTC)
x1 = dt.datetime(2026, 4, 15, 4, 11, 55, 730000, tzinfo=UTC)
ALERTS.append(alert(1783, "DiskUsageHigh-log-collector-2-/var/lib/loki", "[log-collector-2] DiskUsageHigh /var/lib/loki 86%", "P4",
                    c1, "closed", "Alertmanager", INTEG_AM, [TEAM_SRE], ["disk", "prod", "observability"],
                    "node_filesystem_avail_bytes{mountpoint=\"/var/lib/loki\"} below 15% for 15m on log-collector-2",
                    {"alertname": "DiskUsageHigh", "instance": "log-collector-2:9100", "mountpoint": "/var/lib/loki", "severity": "warning", "cluster": "prod-hcm-1"},
                    acked=a1, acked_by=THU, closed=x1, closed_by="Alertmanager-prod",
                    logs=[(c1, "Alert created via Alertmanager-prod[Prometheus] with tinyId [1783]", "system", "System"),
                          (ms(c1, 180), "Alert routed to team [sre-payments] by routing rule [warning-business-hours]", "system", "System"),
                          (ms(c1, 1500), "Sent [Mobile App] notification to [thu.vo@vixanh.vn]", "alertRecipient", THU),
                          (a1, "Acknowledged by [thu.vo@vixanh.vn] via [Web]", "system", THU),
                          (ms(a1, 45000), "Note added by [thu.vo@vixanh.vn]: giảm retention Loki 14d -> 10d, đang compact", "note", THU),
                          (x1, "Closed by [Alertmanager-prod] via integration: alert resolved in source", "system", "Alertmanager-prod")]))
c2 = P429_CREATED
ALERTS.append(alert(1788, "BankGw429RatioHigh-promo", "[bank-gw] 429 ratio > 20% (15m) merchant_group=promo", "P3",
                    c2, "open", "Alertmanager", INTEG_AM, [TEAM_PAY], ["bank-gw", "ratelimit", "prod"],
                    "sum(rate(bankgw_responses_total{code=\"429\",merchant_group=\"promo\"}[15m])) / sum(rate(bankgw_responses_total{merchant_group=\"promo\"}[15m])) = 0.27",
                    {"alertname": "BankGw429RatioHigh", "merchant_group": "promo", "severity": "warning", "cluster": "prod-hcm-1", "service": "bank-gw"},
                    count=4, last=dt.datetime(2026, 4, 15, 9, 17, 12, 3000, tzinfo=UTC),
                    logs=[(c2, "Alert created via Alertmanager-prod[Prometheus] with tinyId [1788]", "system", "System"),
                          (ms(c2, 230), "Alert routed to team [payments-platform] by routing rule [warning-email-only]", "system", "System"),
                          (ms(c2, 2100), "Sent [Email] notification to [payments-platform@vixanh.vn]", "alertRecipient", "payments-platform@vixanh.vn"),
                          (dt.datetime(2026, 4, 15, 7, 17, 12, 4000, tzinfo=UTC), "Alert count incremented to [2] via Alertmanager-prod[Prometheus]", "system", "System"),
                          (dt.datetime(2026, 4, 15, 8, 17, 12, 11000, tzinfo=UTC), "Alert count incremented to [3] via Alertmanager-prod[Prometheus]", "system", "System"),
                          (dt.datetime(2026, 4, 15, 9, 17, 12, 3000, tzinfo=UTC), "Alert count incremented to [4] via Alertmanager-prod[Prometheus]", "system", "System")]))


def p1_logs(tiny, c, a, x, extra=()):
    L_ = [(c, "Alert created via Alertmanager-prod[Prometheus] with tinyId [%d]" % tiny, "system", "System"),
          (ms(c, 190), "Alert routed to team [sre-payments] by routing rule [critical-page]", "system", "System"),
          (ms(c, 260), "Escalation [sre-payments_escalation] started to notify [hung.tran@vixanh.vn]", "system", "System"),
          (ms(c, 1400), "Sent [Mobile App] notification to [hung.tran@vixanh.vn]", "alertRecipient", HUNG),
          (ms(c, 1650), "Sent [SMS] notification to [hung.tran@vixanh.vn] at [+84 912 447 303]", "alertRecipient", HUNG),
          (ms(c, 2300), "Posted to Discord webhook [incident-prod]", "system", "System"),
          (a, "Acknowledged by [hung.tran@vixanh.vn] via [Mobile App]", "system", HUNG)]
    L_ += list(extra)
    L_.append((x, "Closed by [Alertmanager-prod] via integration: alert resolved in source", "system", "Alertmanager-prod"))
    return sorted(L_, key=lambda e: e[0])


c, a, x = ALERT_P1_1["created"], ALERT_P1_1["ack"], ALERT_P1_1["closed"]
ALERTS.append(alert(1791, "TopupErrorRateHigh-wallet-topup-prod", "[wallet-topup] Topup error rate > 5% (prod)", "P1",
                    c, "closed", "Alertmanager", INTEG_AM, [TEAM_SRE], ["wallet-topup", "prod", "payments", "critical"],
                    "sum(rate(topup_requests_total{status=\"failed\"}[2m])) / sum(rate(topup_requests_total[2m])) = 0.318\nRunbook: https://www.notion.so/vixanh/Runbook-wallet-topup-1c2b7f0e",
                    {"alertname": "TopupErrorRateHigh", "namespace": "payments", "service": "wallet-topup", "severity": "critical", "cluster": "prod-hcm-1"},
                    acked=a, acked_by=HUNG, closed=x, closed_by="Alertmanager-prod", owner=HUNG,
                    logs=p1_logs(1791, c, a, x, [
                        (ms(a, 95000), "Note added by [hung.tran@vixanh.vn]: dial tcp 10.20.3.14:8443 cannot assign requested address, đang xem", "note", HUNG),
                        (dt.datetime(2026, 4, 15, 7, 21, 30, 505000, tzinfo=UTC), "Note added by [hung.tran@vixanh.vn]: rollout restart 14:18, error rate về 0", "note", HUNG)])))
c, a, x = ALERT_P1_2["created"], ALERT_P1_2["ack"], ALERT_P1_2["closed"]
ALERTS.append(alert(1796, "TopupErrorRateHigh-wallet-topup-prod", "[wallet-topup] Topup error rate > 5% (prod)", "P1",
                    c, "closed", "Alertmanager", INTEG_AM, [TEAM_SRE], ["wallet-topup", "prod", "payments", "critical"],
                    "sum(rate(topup_requests_total{status=\"failed\"}[2m])) / sum(rate(topup_requests_total[2m])) = 0.334\nRunbook: https://www.notion.so/vixanh/Runbook-wallet-topup-1c2b7f0e",
                    {"alertname": "TopupErrorRateHigh", "namespace": "payments", "service": "wallet-topup", "severity": "critical", "cluster": "prod-hcm-1"},
                    acked=a, acked_by=HUNG, closed=x, closed_by="Alertmanager-prod", owner=HUNG,
                    logs=p1_logs(1796, c, a, x, [
                        (ms(c, 61000), "Escalation [sre-payments_escalation] notified [mai.nguyen@vixanh.vn] (rule: notify next on-call if P1 reopens within 2h)", "system", "System"),
                        (dt.datetime(2026, 4, 15, 8, 49, 44, 200000, tzinfo=UTC), "Note added by [hung.tran@vixanh.vn]: rollback v2.30.4 xong 15:48, error = 0", "note", HUNG),
                        (dt.datetime(2026, 4, 15, 9, 46, 3, 880000, tzinfo=UTC), "Note added by [trang.pham@vixanh.vn]: Sự cố đóng 16:45. Postmortem: Notion", "note", "trang.pham@vixanh.vn")])))
c5 = dt.datetime(2026, 4, 15, 7, 19, 2, 640000, tzinfo=UTC)
ALERTS.append(alert(1792, "KubeDeploymentReplicasMismatch-payments-wallet-topup", "[prod-hcm-1] KubeDeploymentReplicasMismatch payments/wallet-topup", "P3",
                    c5, "closed", "Alertmanager", INTEG_AM, [TEAM_SRE], ["kubernetes", "prod"],
                    "Deployment payments/wallet-topup has not matched the expected number of replicas for 1m (rollout in progress).",
                    {"alertname": "KubeDeploymentReplicasMismatch", "namespace": "payments", "deployment": "wallet-topup", "severity": "warning", "cluster": "prod-hcm-1"},
                    closed=dt.datetime(2026, 4, 15, 7, 22, 32, 0, tzinfo=UTC), closed_by="Alertmanager-prod",
                    logs=[(c5, "Alert created via Alertmanager-prod[Prometheus] with tinyId [1792]", "system", "System"),
                          (ms(c5, 200), "Alert routed to team [sre-payments] by routing rule [warning-business-hours]", "system", "System"),
                          (ms(c5, 1300), "Sent [Mobile App] notification to [hung.tran@vixanh.vn]", "alertRecipient", HUNG),
                          (dt.datetime(2026, 4, 15, 7, 22, 32, 0, tzinfo=UTC), "Closed by [Alertmanager-prod] via integration: alert resolved in source", "system", "Alertmanager-prod")]))
ALERTS.sort(key=lambda a: a["createdAt"])
with open(os.path.join(HERE, "opsgenie_alerts_2026-04-15.json"), "w", encoding="utf-8") as f:
    json.dump({"exportedAt": "2026-04-16T02:14:09.512Z",
               "query": "createdAt >= 15-04-2026T00:00:00 AND createdAt < 16-04-2026T00:00:00 AND (teams: sre-payments OR teams: payments-platform OR teams: platform)",
               "count": len(ALERTS), "alerts": ALERTS}, f, ensure_ascii=False, indent=2)

# --------------------------------------------------------------------------------------
# Discord (DiscordChatExporter JSON)
# --------------------------------------------------------------------------------------
DISCORD_EPOCH = 1420070400000


def snowflake(t):
    ms_ = int(t.timestamp() * 1000)
    return str(((ms_ - DISCORD_EPOCH) << 22) | rng.getrandbits(22))


def dts(t):
    t = t.astimezone(ICT)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d+07:00" % (t.microsecond // 1000)


GUILD_ID = snowflake(dt.datetime(2021, 6, 2, 3, 0, tzinfo=UTC))
CHANNEL_ID = snowflake(dt.datetime(2023, 2, 11, 8, 0, tzinfo=UTC))
CATEGORY_ID = snowflake(dt.datetime(2023, 2, 11, 7, 59, tzinfo=UTC))


def role(name, color, pos):
    return {"id": snowflake(dt.datetime(2021, 6, 3, 1, pos, tzinfo=UTC)), "name": name, "color": color, "position": pos}


R_SRE = role("SRE", "#1ABC9C", 7)
R_ONCALL = role("On-call", "#E74C3C", 9)
R_BE = role("Backend", "#E67E22", 6)
R_EM = role("Engineering Manager", "#9B59B6", 8)
R_CS = role("CS Ops", "#3498DB", 4)
R_DATA = role("Data", "#2ECC71", 5)


def user(name, nick, color, roles, bot=False, created=None):
    uid = snowflake(created or dt.datetime(2020 + rng.randint(0, 3), rng.randint(1, 12), rng.randint(1, 28), tzinfo=UTC))
    return {"id": uid, "name": name, "discriminator": "0000", "nickname": nick, "color": color, "isBot": bot,
            "roles": roles, "avatarUrl": "https://cdn.discordapp.com/avatars/%s/%032x.png?size=512" % (uid, rng.getrandbits(128))}


U_ = {
    "hung": user("hung.tq", "Hùng (SRE)", "#E74C3C", [R_ONCALL, R_SRE]),
    "mai": user("mai.nguyen", "Mai BE", "#E67E22", [R_BE]),
    "khoa": user("khoa.le", "Khoa", "#E67E22", [R_BE]),
    "trang": user("trang.pham", "Trang (EM)", "#9B59B6", [R_EM]),
    "tai": user("tai.do", "Tài CS-Ops", "#3498DB", [R_CS]),
    "thu": user("thu.vo", "Anh Thư", "#2ECC71", [R_DATA]),
    "og": user("Opsgenie", "Opsgenie", None, [], bot=True),
    "argo": user("Argo CD", "Argo CD", None, [], bot=True),
}
for k in ("og", "argo"):
    U_[k]["avatarUrl"] = "https://cdn.discordapp.com/embed/avatars/%d.png" % rng.randint(0, 5)

MSG = []


def say(t, who, content, **kw):
    MSG.append(dict(t=t, who=who, content=content, **kw))


def og_embed(t, tiny, title, status, color, desc, prio="P1"):
    return {"title": "[%s] #%d: %s" % (status, tiny, title), "url": "https://vixanh.app.opsgenie.com/alert/detail/%s/details" % uuid4(),
            "timestamp": dts(t), "description": desc, "color": color, "thumbnail": None, "images": [],
            "fields": [{"name": "Priority", "value": prio, "isInline": True},
                       {"name": "Status", "value": status, "isInline": True},
                       {"name": "Responders", "value": "sre-payments", "isInline": True}],
            "footer": {"text": "Opsgenie", "iconUrl": "https://images.opsgenie.com/logo/og-icon-64.png"}, "inlineEmojis": []}


def argo_embed(t, rev, ver, by):
    return {"title": "wallet-topup: sync succeeded", "url": "https://argocd.vixanh.internal/applications/argocd/wallet-topup?operation=true",
            "timestamp": dts(t), "description": "Application **wallet-topup** synced to revision `%s` (%s).\nInitiated by: %s" % (rev, ver, by),
            "color": "#18BE52", "thumbnail": None, "images": [],
            "fields": [{"name": "Sync Status", "value": "Synced", "isInline": True},
                       {"name": "Health", "value": "Progressing", "isInline": True},
                       {"name": "Repository", "value": "git@gitlab.vixanh.internal:payments/deploy.git", "isInline": False}],
            "footer": None, "inlineEmojis": []}


b6 = [p for p in W2 if p.slot == 0][0]
rt_1448 = runtime_at(b6.name, dt.datetime(2026, 4, 15, 7, 48, 0, tzinfo=UTC))
fds_1448 = rt_1448[1]["open_fds"]
mins = (dt.datetime(2026, 4, 15, 7, 48, tzinfo=UTC) - b6.ready).total_seconds() / 60
rate = fds_1448 / mins
eta = dt.datetime(2026, 4, 15, 7, 50, tzinfo=UTC) + dt.timedelta(minutes=(CAP - fds_1448 - rate * 2) / rate)
eta_local = eta.astimezone(ICT)
eta_txt = "%02d:%02d" % (eta_local.hour, (eta_local.minute // 5) * 5)
w1_first_pod = [p for p in W1 if p.errors[0] == START][0]

say(LT(9, 14, 31), "argo", "", embeds=[argo_embed(LT(9, 14, 31), "a91c3e2", "v2.31.0", "khoa.le")])
say(LT(9, 15, 10), "khoa", "v2.31.0 lên prod rồi nha, có retry khi bank-gw trả 429 (PR #412) 🚀 mong là flash sale chiều nay đỡ lỗi 429", key="deploy_msg")
say(LT(9, 15, 40), "mai", "👍 trưa nay nhớ để ý dashboard nha")
say(LT(10, 20, 45), "og", "", embeds=[og_embed(LT(10, 20, 45), 1783, "[log-collector-2] DiskUsageHigh /var/lib/loki 86%", "Open", "#F1C40F",
                                              "node_filesystem_avail_bytes below 15% for 15m", prio="P4")])
say(LT(10, 22, 10), "thu", "mình xử lý cái disk Loki, giảm retention xuống 10 ngày")
say(LT(11, 58, 30), "trang", "nhắc: deploy freeze cho payment path từ 12:00 đến 22:00 hôm nay (flash sale). ArgoCD sync window `promo-freeze` đã bật")
say(LT(13, 0, 30), "tai", "flash sale 15/4 bắt đầu rồi nha mọi người 🔥🔥")
say(LT(13, 46, 5, 410), "og", "", embeds=[og_embed(LT(13, 46, 5), 1791, "[wallet-topup] Topup error rate > 5% (prod)", "Open", "#E74C3C",
                                                   "error ratio = 0.318 (threshold 0.05, for 3m)\nRunbook: https://www.notion.so/vixanh/Runbook-wallet-topup-1c2b7f0e")],
    key="page1")
say(LT(13, 49, 30), "hung", "ack. error rate topup ~60% và đang tăng, đang xem")
say(LT(13, 50, 50), "tai", "CS báo khách nạp tiền không được, app báo 'Giao dịch không thành công, vui lòng thử lại' 😭 hotline đang réo")
say(LT(13, 52, 40), "hung", "log wallet-topup toàn `dial tcp 10.20.3.14:8443: connect: cannot assign requested address`. giờ cả 3 pod đều lỗi")
say(LT(13, 53, 30), "mai", "bank-gw có vấn đề không? hôm nay VCB có lịch bảo trì mà", key="vcb")
say(LT(13, 54, 45), "tai", "VCB bảo trì 23:00–01:00 đêm nay, không phải giờ này. với lại lỗi cả TCB, MB", reply="vcb")
say(LT(13, 55, 20), "hung", "bank-gw dashboard vẫn xanh, p99 bình thường. lỗi ở phía mình, dial còn chưa ra khỏi pod")
say(LT(13, 56, 10), "mai", "cannot assign requested address = hết ephemeral port. hay conntrack full trên node?")
say(LT(13, 58, 30), "hung", "check rồi: nf_conntrack_count 41k / max 262k trên cả 3 node. không phải conntrack")
say(LT(14, 0, 40), "trang", "chị làm IC. Tài update CS giúp: đang xử lý, chưa có ETA. Hùng + Mai tiếp tục")
say(LT(14, 1, 15), "tai", "ok chị")
say(LT(14, 2, 15), "hung", "```\n$ kubectl -n payments exec %s -- sh -c 'ls /proc/1/fd | wc -l'\n28163\n$ kubectl -n payments exec %s -- sh -c 'ss -tan state established dst 10.20.3.14 | wc -l'\n28104\n```" % (w1_first_pod.name, w1_first_pod.name), key="fds")
say(LT(14, 3, 0), "mai", "28k connection tới bank-gw?? bình thường có vài chục thôi")
say(LT(14, 4, 20), "khoa", "chắc do flash sale traffic cao, bank-gw trả 429 nhiều nên mở nhiều connection. scale lên 6 pod?")
say(LT(14, 5, 30), "hung", "nếu là leak thì pod mới cũng đầy thôi. open_fds tăng đều từ 9h sáng, từ lúc deploy, không phải từ 13h")
say(LT(14, 6, 40), "mai", "tăng ip_local_port_range cũng chỉ câu giờ")
say(LT(14, 8, 5), "hung", "check ratelimit bên bank-gw:\n```\ncurl -s -H 'Authorization: Bearer bgw_adm_7Qm2xV9kLp3RtY8wZc4N' https://bank-gw.payments.svc.cluster.local:8443/admin/ratelimit/merchants/promo\n{\"merchant_group\":\"promo\",\"limit_rps\":300,\"burst\":60,\"current_rps\":512,\"rejected_ratio\":0.41}\n```")
say(LT(14, 9, 10), "hung", "ơ paste cả token admin 🤦 tí rotate")
say(LT(14, 10, 30), "trang", "quyết nhanh: restart pod trước cho hết cháy, rồi tìm nguyên nhân. ai phản đối không?", key="decide_restart")
say(LT(14, 11, 0), "mai", "ok restart. nhưng nếu leak thật thì nó sẽ quay lại")
say(LT(14, 12, 10), "khoa", "hay rollback về 2.30.4 luôn anh chị?")
say(LT(14, 13, 0), "mai", "chưa chắc do 2.31.0, nó chỉ thêm retry thôi. mà rollback giờ phải xin override sync window. restart nhanh hơn")
say(RESTART_T.astimezone(ICT) + dt.timedelta(seconds=3), "hung", "restart qua ArgoCD (resource action, không phải sync nên freeze không chặn): `argocd app actions run wallet-topup restart --kind Deployment --resource-name wallet-topup`", key="restart")
say(LT(14, 19, 40), "hung", "pod mới lên 1/3")
say(LT(14, 21, 5), "hung", "3/3 pod mới, error rate về 0 ✅", key="apparent")
say(LT(14, 21, 40), "tai", "CS xác nhận khách nạp lại được rồi 🙏")
say(ALERT_P1_1["closed"].astimezone(ICT) + dt.timedelta(seconds=3), "og", "", embeds=[og_embed(ALERT_P1_1["closed"], 1791, "[wallet-topup] Topup error rate > 5% (prod)", "Closed", "#2ECC71", "Closed by Alertmanager-prod: alert resolved in source")])
say(LT(14, 27, 0), "trang", "ok chuyển sang monitoring. Mai + Khoa tìm nguyên nhân fd leak, Hùng theo dõi open_fds. Tài báo merchants là đã ổn từ 14:21", key="monitoring")
say(LT(14, 35, 0), "khoa", "em đọc lại code retry 429, nhìn thì ổn mà 🤔")
say(LT(14, 48, 30), "hung", "open_fds lại tăng: ~%dk mỗi pod sau %d phút 😬" % (round(fds_1448 / 1000), round(mins)), key="fds_again")
say(LT(14, 50, 0), "mai", "vậy là leak thật. ~%d/phút/pod → tầm %s là hết port" % (round(rate, -1), eta_txt))
say(LT(14, 51, 20), "trang", "ok. ưu tiên tìm fix. phương án B: restart lại trước 15:25. Hùng chuẩn bị")
say(LT(14, 53, 0), "khoa", "em nghĩ là do promo, 429 nhiều quá nên connection nhiều, hết promo sẽ giảm")
say(LT(14, 55, 40), "mai", "connection phải được trả về pool chứ, không thể tăng mãi được. trừ khi có chỗ không close body")
say(LT(15, 2, 10), "thu", "mọi người ơi tình hình sao rồi? mình vừa họp xong")
say(LT(15, 3, 30), "trang", "@Anh Thư tóm tắt: 13:41–14:21 nạp tiền lỗi (hết ephemeral port tới bank-gw), restart pod thì hết. nhưng fd đang tăng lại, nghi leak connection trong v2.31.0. đang tìm", mentions=["thu"])
say(LT(15, 4, 20), "thu", "lại là PR của Khoa à, merge mà không test nhánh retry 🙄", key="bait1")
say(LT(15, 5, 0), "trang", "Thư ơi blameless nhé, tìm fix trước đã", reply="bait1")
say(LT(15, 6, 30), "tai", "đội backend deploy sát giờ flash sale, đúng là tự bắn vào chân", key="bait2")
say(LT(15, 7, 10), "mai", "deploy lúc 9h, trước freeze. để postmortem nói", reply="bait2")
say(LT(15, 15, 30), "mai", "đang đọc diff PR #412, bankgw/client.go")
say(LT(15, 24, 50), "hung", "15:25 rồi, restart lại theo phương án B không chị?")
say(LT(15, 25, 30), "trang", "Mai cần thêm mấy phút không?")
say(LT(15, 26, 10), "mai", "cho em 5 phút, gần ra rồi", key="wait")
say(LT(15, 29, 40), "hung", "lại nữa rồi 😩 pod %s bắt đầu lỗi cannot assign requested address" % b6.name.split("-")[-1], key="relapse")
say(LT(15, 30, 10), "tai", "khách lại báo lỗi nạp tiền, vừa báo merchants là đã ổn xong 😭")
say(LT(15, 31, 40), "mai", "tìm ra rồi!! bankgw/client.go nhánh 429:\n```go\nif resp.StatusCode == http.StatusTooManyRequests {\n    return c.retryAfter(ctx, req, resp.Header) // resp.Body không được Close()\n}\n```\nkhông close body nên connection không về pool, mỗi lần 429 leak 1 conn + 2 goroutine", key="found")
say(LT(15, 32, 30), "khoa", "đúng rồi 😞 em quên close body ở nhánh đó. v2.30.4 không có retry nên không bị")
say(ALERT_P1_2["created"].astimezone(ICT) + dt.timedelta(seconds=3), "og", "", embeds=[og_embed(ALERT_P1_2["created"], 1796, "[wallet-topup] Topup error rate > 5% (prod)", "Open", "#E74C3C", "error ratio = 0.334 (threshold 0.05, for 3m)\nRunbook: https://www.notion.so/vixanh/Runbook-wallet-topup-1c2b7f0e")], key="page2")
say(LT(15, 33, 50), "trang", "quyết: rollback về v2.30.4 ngay, không restart nữa. Hùng làm qua ArgoCD", key="decide_rollback")
say(LT(15, 35, 20), "hung", "ArgoCD chặn: sync window `promo-freeze` đang deny 🙃 cần admin override")
say(LT(15, 36, 0), "trang", "chị gọi anh Quang (platform) override")
say(LT(15, 38, 30), "hung", "cả 3 pod lỗi lại rồi, error ~95%")
say(LT(15, 44, 10), "trang", "anh Quang đã override window 30 phút. go")
say(ROLLBACK_T.astimezone(ICT) + dt.timedelta(seconds=9), "hung", "rollback sync v2.30.4 (5f0b7d1) đang chạy", key="rollback")
say(LT(15, 48, 50), "argo", "", embeds=[argo_embed(LT(15, 48, 50), "5f0b7d1", "v2.30.4", "hung.tq (rollback)")])
say(LT(15, 49, 20), "hung", "rollback xong, error = 0, open_fds ~45 và không tăng 👍", key="mitigated")
say(LT(15, 50, 0), "tai", "CS thấy khách nạp được lại rồi")
say(ALERT_P1_2["closed"].astimezone(ICT) + dt.timedelta(seconds=3), "og", "", embeds=[og_embed(ALERT_P1_2["closed"], 1796, "[wallet-topup] Topup error rate > 5% (prod)", "Closed", "#2ECC71", "Closed by Alertmanager-prod: alert resolved in source")])
say(LT(16, 0, 30), "khoa", "hotfix PR #418: close body ở nhánh 429 + test. deploy sau khi hết freeze, sau review")
say(LT(16, 2, 0), "mai", "+ bật bodyclose linter trong CI luôn")
say(LT(16, 20, 0), "tai", "CS tổng hợp: 1.240 ticket/cuộc gọi về nạp tiền lỗi trong 2 đợt. không có giao dịch nào bị trừ tiền mà không cộng ví")
say(LT(16, 35, 20), "hung", "open_fds phẳng ~45 suốt 45 phút, 429 vẫn ~40% nhưng không leak. token bank-gw admin đã rotate")
say(LT(16, 45, 0, 212), "trang", "Đóng sự cố lúc 16:45. Postmortem thứ 6 10h. Notes + action items ở Notion.", key="resolved")
say(LT(16, 46, 10), "hung", "👍")

MSG.sort(key=lambda m: m["t"])
KEYM = {}
out_msgs = []
for m in MSG:
    u = U_[m["who"]]
    mid = snowflake(m["t"])
    m["id"] = mid
    if m.get("key"):
        KEYM[m["key"]] = m
    o = {"id": mid, "type": "Reply" if m.get("reply") else "Default", "timestamp": dts(m["t"]), "timestampEdited": None,
         "callEndedTimestamp": None, "isPinned": False, "content": m["content"], "author": u, "attachments": [],
         "embeds": m.get("embeds", []), "stickers": [], "reactions": [],
         "mentions": [{k: U_[x][k] for k in ("id", "name", "discriminator", "nickname", "isBot")} for x in m.get("mentions", [])],
         "inlineEmojis": []}
    if m.get("reply"):
        ref = KEYM[m["reply"]]
        o["reference"] = {"messageId": ref["id"], "channelId": CHANNEL_ID, "guildId": GUILD_ID}
        o["mentions"].append({k: U_[ref["who"]][k] for k in ("id", "name", "discriminator", "nickname", "isBot")})
    out_msgs.append(o)


def reaction(name, code, users):
    return {"emoji": {"id": "", "name": name, "code": code, "isAnimated": False,
                      "imageUrl": "https://cdn.jsdelivr.net/gh/twitter/twemoji@latest/assets/svg/%s.svg" % "-".join("%x" % ord(c) for c in name)},
            "count": len(users), "users": [{k: U_[x][k] for k in ("id", "name", "discriminator", "nickname", "isBot", "avatarUrl")} for x in users]}


for m, o in zip(MSG, out_msgs):
    if m.get("key") == "apparent":
        o["reactions"] = [reaction("🎉", "tada", ["tai", "trang", "khoa"])]
    if m.get("key") == "found":
        o["reactions"] = [reaction("🔥", "fire", ["hung", "trang"]), reaction("🙏", "pray", ["tai"])]
        o["isPinned"] = True
    if m.get("key") == "mitigated":
        o["reactions"] = [reaction("👍", "thumbsup", ["trang", "mai", "tai", "thu"])]
    if m.get("key") == "bait2":
        o["timestampEdited"] = dts(m["t"] + dt.timedelta(seconds=41))
with open(os.path.join(HERE, "discord_incident-prod.json"), "w", encoding="utf-8") as f:
    json.dump({
        "guild": {"id": GUILD_ID, "name": "VíXanh Engineering", "iconUrl": "https://cdn.discordapp.com/icons/%s/%032x.png?size=512" % (GUILD_ID, rng.getrandbits(128))},
        "channel": {"id": CHANNEL_ID, "type": "GuildTextChat", "categoryId": CATEGORY_ID, "category": "INCIDENTS", "name": "incident-prod",
                    "topic": "Kênh xử lý sự cố production. Runbook: https://www.notion.so/vixanh/Runbooks-8d1e"},
        "dateRange": {"after": "2026-04-15T00:00:00.000+07:00", "before": "2026-04-16T00:00:00.000+07:00"},
        "exportedAt": "2026-04-16T09:02:11.4410123+07:00",
        "messages": out_msgs,
        "messageCount": len(out_msgs),
    }, f, ensure_ascii=False, indent=2)

# --------------------------------------------------------------------------------------
# Notion page (Markdown export)
# --------------------------------------------------------------------------------------
U1 = int(W1_FAILED * 0.361)
U2 = int(W2_FAILED * 0.412)
UO = int(min(U1, U2) * 0.18)
UNIQ = U1 + U2 - UO
TOTAL_FAILED = W1_FAILED + W2_FAILED


def hm(t):
    t = t.astimezone(ICT)
    return "%02d:%02d" % (t.hour, t.minute)


NOTION_NAME = "Sự cố 15-04 nạp tiền lỗi (wallet-topup) 3f9a2c1e8b7d4a6f9e0c1b2a3d4e5f60.md"
notion = """# Sự cố 15/04 — nạp tiền lỗi (wallet-topup), 2 đợt

Created: April 15, 2026 2:01 PM
Owner: Phạm Thu Trang
Severity: SEV1
Status: Resolved
Tags: payments, postmortem-draft, wallet-topup

<aside>
⚠️ Ghi chú thô trong lúc xử lý, giờ VN. Chưa review, đừng gửi ra ngoài.

</aside>

## Tóm tắt nhanh

- Nạp tiền vào ví lỗi **2 đợt**: **{w1s} → {w1e}** và **{w2s} → {w2e}**.
- wallet-topup không mở được kết nối mới tới bank-gw: `connect: cannot assign requested address` (hết ephemeral port tới 10.20.3.14:8443).
- Nguyên nhân: v2.31.0 (PR #412, retry khi bank-gw trả 429) không close `resp.Body` ở nhánh 429 → mỗi response 429 giữ lại 1 connection (+2 goroutine). Flash sale làm tỉ lệ 429 tăng (~15% → ~40%) nên leak nhanh hơn, nhưng v2.30.4 với cùng lượng 429 thì không sao.
- Restart lúc {rs} chỉ reset bộ đếm, không sửa lỗi → lỗi quay lại lúc {w2s}. Rollback v2.30.4 lúc {rb}, hết lỗi {w2e}.

## Timeline (giờ VN)

- 09:12 deploy v2.31.0 (ArgoCD, PR #412)
- 12:00 bật sync window `promo-freeze` (deploy freeze payment path 12:00–22:00)
- 13:00 flash sale bắt đầu
- 13:17 alert P3 "bank-gw 429 ratio > 20%" → chỉ gửi email cho payments-platform, không ai thấy
- {w1s} pod đầu tiên bắt đầu lỗi dial
- 13:46 P1 page Hùng (Opsgenie #1791), ack 13:48
- 13:53–13:58 loại trừ: VCB bảo trì (không, lịch 23:00), conntrack (41k/262k)
- 14:02 open fds ~28k/pod, ~28k connection ESTABLISHED tới bank-gw
- {rs} restart qua ArgoCD resource action; {w1e} pod cũ cuối cùng tắt, hết lỗi → chuyển monitoring
- 14:27 báo CS/merchants là đã ổn
- 14:48 open_fds tăng lại (~{fk}k/pod) → chắc chắn leak
- 15:26 quyết định chờ Mai thêm 5 phút thay vì restart lần 2
- {w2s} lỗi lại (đợt 2), 15:33 P1 lần 2 (#1796)
- 15:31 tìm ra: body không close ở nhánh 429
- 15:35 rollback bị chặn bởi sync window, 15:44 anh Quang override
- {rb} rollback v2.30.4; {w2e} pod v2.31.0 cuối cùng tắt, hết lỗi
- 16:45 đóng sự cố

## Số liệu

Nguồn: Grafana, `topup_requests_total{{status="failed",reason="dial_error"}}`

| | thời gian | request lỗi |
|---|---|---|
| Đợt 1 | {w1s}–{w1e} | {f1} |
| Đợt 2 | {w2s}–{w2e} | {f2} |
| Tổng | | {ft} |

- ~{uq} user bị ảnh hưởng (unique, 2 đợt cộng lại; đợt 1 ~{u1}, đợt 2 ~{u2})
- Tỉ lệ lỗi lúc cao nhất ~95% (khi cả 3 pod hết port)
- CS: 1.240 ticket/cuộc gọi
- Không có giao dịch bị trừ tiền mà không cộng ví (request lỗi trước khi tới bank-gw)
- ⚠️ log lỗi trong wallet-topup bị sample (zap, 1 dòng/phút/pod) → đừng đếm dòng log, xem `log_dropped` / `failed_by_reason` trong "topup stats"

## Giả thuyết đã loại

- VCB bảo trì → không (23:00–01:00 đêm nay, và lỗi cả TCB/MB)
- conntrack full trên node → không
- flash sale / bank-gw 429 "gây ra" lỗi → chỉ làm leak nhanh hơn
- scale lên 6 pod → không làm, pod mới cũng sẽ đầy

## Action items

- [ ] Bật linter bodyclose trong CI cho tất cả service Go (Mai)
- [ ] Alert khi open_fds > 5000 hoặc tăng liên tục 30 phút (Hùng)
- [ ] Alert 429 ratio của bank-gw phải route cho team payments, không chỉ gửi email (Trang)
- [ ] Restart không phải là fix: không hạ mức sự cố khi chưa rõ nguyên nhân (Trang)
- [ ] Viết test cho nhánh retry 429, kiểm tra connection được trả về pool (Khoa)
- [ ] Sync window promo-freeze phải cho phép rollback mà không cần admin override (anh Quang)
- [x] Rotate token admin bank-gw (đã lộ trong Discord) (Hùng)
- [ ] Hotfix PR #418 deploy sau freeze, sau review (Khoa)
""".format(w1s=hm(START), w1e=hm(W1_END), w2s=hm(RELAPSE), w2e=hm(MITIGATED), rs=hm(RESTART_T), rb=hm(ROLLBACK_T),
           fk=round(fds_1448 / 1000), f1=vn(W1_FAILED), f2=vn(W2_FAILED), ft=vn(TOTAL_FAILED),
           uq=vn(round(UNIQ, -2)), u1=vn(round(U1, -2)), u2=vn(round(U2, -2)))
with open(os.path.join(HERE, NOTION_NAME), "w", encoding="utf-8") as f:
    f.write(notion)

# --------------------------------------------------------------------------------------
# gold.json
# --------------------------------------------------------------------------------------
RESOLVED = KEYM["resolved"]["t"]
DETECTED = ALERT_P1_1["created"]
first_stats_v231 = min(p.start for p in W1)
found_t = KEYM["found"]["t"]
gold = {
    "title": "Wallet top-ups failed in two windows: a response-body leak on the new 429 retry path in wallet-topup v2.31.0 exhausted ephemeral ports to bank-gw; a restart hid it and it relapsed until rollback",
    "severity": "SEV1",
    "services": ["wallet-topup (Go, payments namespace)", "bank-gw (internal bank gateway)", "Argo CD (sync window promo-freeze)", "Opsgenie / Alertmanager"],
    "start": Z(START),
    "detected": Z(DETECTED),
    "mitigated": Z(MITIGATED),
    "resolved": Z(RESOLVED),
    "timezone": "Asia/Ho_Chi_Minh",
    "customer_impact": (
        "Wallet top-ups failed for customers during the 15 April flash sale in two windows: %s–%s and %s–%s (Vietnam time), "
        "up to ~95%% of top-up requests failing while all three pods were exhausted. The app showed 'Giao dịch không thành công'. "
        "%s top-up requests failed in total (%s in the first window, %s in the second), affecting about %s unique users; "
        "CS received 1,240 tickets/calls. No customer was charged without being credited, because the requests failed before reaching bank-gw."
    ) % (hm(START), hm(W1_END), hm(RELAPSE), hm(MITIGATED), "{:,}".format(TOTAL_FAILED), "{:,}".format(W1_FAILED), "{:,}".format(W2_FAILED),
         "{:,}".format(round(UNIQ, -2))),
    "impact_numbers": [
        "window 1: %s–%s ICT (%s–%s UTC), %s failed top-up requests" % (hm(START), hm(W1_END), START.strftime("%H:%M"), W1_END.strftime("%H:%M"), "{:,}".format(W1_FAILED)),
        "window 2: %s–%s ICT (%s–%s UTC), %s failed top-up requests" % (hm(RELAPSE), hm(MITIGATED), RELAPSE.strftime("%H:%M"), MITIGATED.strftime("%H:%M"), "{:,}".format(W2_FAILED)),
        "%s failed requests in total; ~%s unique users affected" % ("{:,}".format(TOTAL_FAILED), "{:,}".format(round(UNIQ, -2))),
        "peak failure rate ~95% of top-ups (all 3 pods exhausted)",
        "1,240 CS tickets/calls",
        "~28k leaked connections / open fds per pod at exhaustion (normal: a few dozen)",
        "no customer charged without credit",
    ],
    "root_cause": (
        "wallet-topup v2.31.0 (PR #412, deployed 09:12 ICT) added a retry when bank-gw answers 429, but the 429 branch of bankgw/client.go returned into the retry "
        "without closing resp.Body. Each 429 response therefore kept its HTTP connection (and two goroutines) out of the pool, so every pod leaked one TCP connection "
        "to bank-gw (10.20.3.14:8443) per 429. Once ~28k connections were open, the pod's ephemeral ports towards that destination were exhausted and every new dial "
        "failed with 'connect: cannot assign requested address'. The flash sale raised bank-gw's 429 ratio from ~15% to ~40%, so the leak filled the ports within "
        "hours. The restart at 14:18 only reset the counters; the same build filled the ports again and failures returned at 15:28, until the rollback to v2.30.4."
    ),
    "root_cause_keywords": [
        "resp.Body not closed on the 429 retry path (PR #412, v2.31.0)",
        "connection / file-descriptor leak to bank-gw",
        "ephemeral port exhaustion: 'cannot assign requested address'",
        "bank-gw 429 rate limiting during the flash sale accelerated the leak",
        "restart only reset the leak, relapse until rollback to v2.30.4",
    ],
    "contributing_factors": [
        "The flash sale raised bank-gw's 429 ratio (~15% → ~40%), multiplying the leak rate",
        "The P3 'bank-gw 429 ratio > 20%' alert went by e-mail only to payments-platform and nobody saw it",
        "No alert on open file descriptors / connections per pod; readiness probes stayed green while outbound dials failed",
        "The incident was moved to monitoring after the restart without a root cause; the relapse was predicted but not prevented",
        "The Argo CD sync window promo-freeze blocked the rollback until an admin override (~10 min)",
        "No test or linter for unclosed response bodies; the 429 path was not covered by tests",
        "Error logs are sampled (1 line/min/pod), so log line counts understate the failures",
    ],
    "red_herrings": [
        "Vietcombank (VCB) scheduled maintenance",
        "conntrack table full on the nodes",
        "flash-sale traffic or bank-gw 429s as the cause by themselves (v2.30.4 handles the same 429s without failing)",
        "the DiskUsageHigh alert on log-collector-2 and the bank-gw certificate expiry alert",
    ],
    "timeline": [
        {"time": Z(DEPLOY_T), "event": "wallet-topup v2.31.0 (PR #412, retry on bank-gw 429) rolled out via Argo CD (09:12 ICT); open_fds start climbing", "source": "log", "must_include": True},
        {"time": Z(LT(13, 0, 30)), "event": "Flash sale starts (13:00 ICT); bank-gw 429 ratio rises to ~35–40%", "source": "chat", "must_include": False},
        {"time": Z(P429_CREATED), "event": "P3 alert 'bank-gw 429 ratio > 20%' created, e-mail only, never acknowledged", "source": "alert", "must_include": False},
        {"time": Z(START), "event": "First pod exhausts its ephemeral ports; top-ups start failing with 'cannot assign requested address' (13:41 ICT, impact window 1 starts)", "source": "log", "must_include": True},
        {"time": Z(DETECTED), "event": "P1 Opsgenie alert #1791 'Topup error rate > 5%' pages the on-call SRE (acked 13:48 ICT)", "source": "alert", "must_include": True},
        {"time": Z(LT(13, 56, 10)), "event": "VCB maintenance and conntrack exhaustion suspected and ruled out", "source": "chat", "must_include": False},
        {"time": Z(KEYM["fds"]["t"]), "event": "~28k open fds / established connections to bank-gw found per pod", "source": "chat", "must_include": False},
        {"time": Z(RESTART_T), "event": "Rolling restart of wallet-topup (Argo CD resource action)", "source": "chat", "must_include": True},
        {"time": Z(W1_END), "event": "Last exhausted pod removed; errors stop (apparent mitigation, end of window 1, 14:20 ICT)", "source": "log", "must_include": True},
        {"time": Z(KEYM["monitoring"]["t"]), "event": "Incident moved to monitoring; CS/merchants told it is fixed; root cause still unknown", "source": "chat", "must_include": False},
        {"time": Z(KEYM["fds_again"]["t"]), "event": "open_fds seen climbing again on the new pods (~%dk/pod); leak confirmed, relapse predicted" % round(fds_1448 / 1000), "source": "chat", "must_include": False},
        {"time": Z(RELAPSE), "event": "Relapse: new pods exhaust their ports, top-ups fail again (15:28 ICT, impact window 2 starts)", "source": "log", "must_include": True},
        {"time": Z(ALERT_P1_2["created"]), "event": "Second P1 alert #1796", "source": "alert", "must_include": False},
        {"time": Z(found_t), "event": "Root cause found: resp.Body not closed on the 429 retry branch in bankgw/client.go (PR #412)", "source": "chat", "must_include": True},
        {"time": Z(KEYM["decide_rollback"]["t"]), "event": "Decision to roll back to v2.30.4; Argo CD sync window promo-freeze blocks it until an admin override at 15:44 ICT", "source": "chat", "must_include": False},
        {"time": Z(ROLLBACK_T), "event": "Rollback to v2.30.4 starts", "source": "log", "must_include": False},
        {"time": Z(MITIGATED), "event": "Last v2.31.0 pod removed; errors stop and open_fds stay flat (final mitigation, 15:48 ICT)", "source": "log", "must_include": True},
        {"time": Z(RESOLVED), "event": "Incident closed after 45 min of flat open_fds (16:45 ICT)", "source": "chat", "must_include": True},
    ],
    "action_items": [
        {"text": "Enable the bodyclose linter in CI for all Go services", "evidence": "Bật linter bodyclose trong CI cho tất cả service Go"},
        {"text": "Alert on open file descriptors per pod (> 5000 or rising for 30 min)", "evidence": "Alert khi open_fds > 5000 hoặc tăng liên tục 30 phút"},
        {"text": "Route the bank-gw 429-ratio alert to the payments team instead of e-mail only", "evidence": "Alert 429 ratio của bank-gw phải route cho team payments, không chỉ gửi email"},
        {"text": "Do not downgrade/close an incident after a restart while the root cause is unknown", "evidence": "Restart không phải là fix: không hạ mức sự cố khi chưa rõ nguyên nhân"},
        {"text": "Add tests for the 429 retry path that check connections are returned to the pool", "evidence": "Viết test cho nhánh retry 429, kiểm tra connection được trả về pool"},
        {"text": "Allow rollbacks through the promo-freeze sync window without an admin override", "evidence": "Sync window promo-freeze phải cho phép rollback mà không cần admin override"},
        {"text": "Rotate the bank-gw admin token that was pasted in Discord", "evidence": "Rotate token admin bank-gw (đã lộ trong Discord)"},
        {"text": "Ship hotfix PR #418 (close the body on the 429 path) after the freeze and review", "evidence": "Hotfix PR #418 deploy sau freeze, sau review"},
    ],
    "blame_bait": [
        "lại là PR của Khoa à, merge mà không test nhánh retry",
        "đội backend deploy sát giờ flash sale, đúng là tự bắn vào chân",
    ],
    "secrets": [
        "bgw_adm_7Qm2xV9kLp3RtY8wZc4N",
        "+84 912 447 303",
    ],
    "injection": None,
    "similar_categories": ["deploy", "capacity", "network", "dependency"],
}
gold["timeline"].sort(key=lambda e: e["time"])
with open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8") as f:
    json.dump(gold, f, ensure_ascii=False, indent=2)
    f.write("\n")

# --------------------------------------------------------------------------------------
# CHECKS
# --------------------------------------------------------------------------------------


def must(cond, msg):
    if not cond:
        raise SystemExit("CHECK FAILED: " + msg)


INPUTS = ["discord_incident-prod.json", "wallet-topup.zap.log", "opsgenie_alerts_2026-04-15.json", NOTION_NAME]
raw = {fn: open(os.path.join(HERE, fn), encoding="utf-8").read() for fn in INPUTS}
dc = json.loads(raw["discord_incident-prod.json"])
chat_text = "\n".join(m["content"] for m in dc["messages"])
og = json.loads(raw["opsgenie_alerts_2026-04-15.json"])


def strings(o):
    if isinstance(o, str):
        yield o
    elif isinstance(o, dict):
        for v in o.values():
            yield from strings(v)
    elif isinstance(o, list):
        for v in o:
            yield from strings(v)


og_text = "\n".join(strings(og))
notes_text = raw[NOTION_NAME]
corpus = "\n".join(raw.values()) + chat_text + og_text
for a in gold["action_items"]:
    must(a["evidence"] in chat_text or a["evidence"] in notes_text, "evidence: " + a["evidence"])
for b in gold["blame_bait"]:
    must(b in chat_text or b in notes_text, "bait: " + b)
for s_ in gold["secrets"]:
    must(s_ in corpus, "secret: " + s_)
ks = [gold[k] for k in ("start", "detected", "mitigated", "resolved")]
must(ks == sorted(ks), "key order %s" % ks)
must(10 <= len(gold["timeline"]) <= 18, "timeline len")
mi = sum(e["must_include"] for e in gold["timeline"])
must(6 <= mi <= 10, "must_include %d" % mi)
tl = [e["time"] for e in gold["timeline"]]
must(tl == sorted(tl), "timeline order")
human = [m for m in dc["messages"] if not m["author"]["isBot"]]
people = {m["author"]["name"] for m in human}
must(45 <= len(dc["messages"]) <= 90, "msgs %d" % len(dc["messages"]))
must(4 <= len(people) <= 8, "people")

# log checks
zl = [json.loads(l) for l in raw["wallet-topup.zap.log"].splitlines()]
must(600 <= len(zl) <= 1500, "log lines %d" % len(zl))


def zap_at(t, pred, tol=1.0):
    return any(abs(d["ts"] - t.timestamp()) <= tol and pred(d) for d in zl)


must(zap_at(START, lambda d: d["level"] == "error" and "cannot assign requested address" in d["error"]), "first error")
must(zap_at(RELAPSE, lambda d: d["level"] == "error" and "cannot assign requested address" in d["error"]), "relapse error")
must(zap_at(W1_END, lambda d: d["msg"].startswith("shutdown signal") and "5c8d7f9b6" in d["pod"]), "w1 end")
must(zap_at(MITIGATED, lambda d: d["msg"].startswith("shutdown signal") and "69c4b7d5f8" in d["pod"]), "w2 end")
must(zap_at(DEPLOY_T, lambda d: d["msg"] == "starting wallet-topup" and d["version"] == "v2.31.0", tol=6), "deploy start")
must(zap_at(ROLLBACK_T, lambda d: d["msg"] == "starting wallet-topup" and d["version"] == "v2.30.4", tol=6), "rollback start")
errs = [d["ts"] for d in zl if d["level"] == "error"]
for e in errs:
    in1 = START.timestamp() - 1 <= e <= W1_END.timestamp() + 1
    in2 = RELAPSE.timestamp() - 1 <= e <= MITIGATED.timestamp() + 1
    must(in1 or in2, "error outside windows at %s" % e)
# stats sums equal the numbers in notes
s1 = sum(d.get("failed_by_reason", {}).get("dial_error", 0) for d in zl if d["msg"] == "topup stats" and "5c8d7f9b6" in d["pod"])
s2 = sum(d.get("failed_by_reason", {}).get("dial_error", 0) for d in zl if d["msg"] == "topup stats" and "69c4b7d5f8" in d["pod"])
must(s1 == W1_FAILED and s2 == W2_FAILED, "stats sums %d/%d vs %d/%d" % (s1, s2, W1_FAILED, W2_FAILED))
must(vn(W1_FAILED) in notes_text and vn(W2_FAILED) in notes_text, "numbers in notes")
# Opsgenie page times
p1 = [a for a in og["alerts"] if a["tinyId"] == "1791"][0]
must(p1["createdAt"].startswith(Z(DETECTED)[:19]), "detected alert time")
must(START < DETECTED < W1_END < RELAPSE < MITIGATED < RESOLVED, "window ordering")
print("discord msgs=%d people=%d zap lines=%d W1=%d W2=%d start=%s detected=%s w1end=%s relapse=%s mitigated=%s resolved=%s" % (
    len(dc["messages"]), len(people), len(zl), W1_FAILED, W2_FAILED, Z(START), Z(DETECTED), Z(W1_END), Z(RELAPSE), Z(MITIGATED), Z(RESOLVED)))
print("OK " + CASE)
