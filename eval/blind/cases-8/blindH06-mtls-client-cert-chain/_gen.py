#!/usr/bin/env python3
"""Generate inputs for blindH06 (seeded) and check gold.json against them.

Inputs written:
  mattermost_export.jsonl   Mattermost bulk export (version/team/channel/user/post lines; create_at epoch ms UTC), Czech
  opsgenie_webhooks.json    list of Opsgenie outgoing-webhook payloads (createdAt epoch ms)
  caddy-access.log          Caddy v2 JSON access log of the internal pay-gw vhost (ts epoch seconds, correct clock)
  pay-gw-01.log, pay-gw-02.log, pay-gw-03.log   Go slog text logs (+01:00); pay-gw-03's clock is ~220 s fast
  ansible.log               Ansible log_path output from the deploy host (local Prague time, no offset)
  mysql-slow.log            MySQL 8 slow query log (UTC) - red herring
"""
import json, random, os, sys, datetime as dt

random.seed(9022026)
HERE = os.path.dirname(os.path.abspath(__file__))
UTC = dt.timezone.utc
CET = dt.timezone(dt.timedelta(hours=1))

def U(s):
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)

SKEW = {"pay-gw-01": 0.0, "pay-gw-02": 0.0, "pay-gw-03": 219.8}
RELOAD_BAD = {"pay-gw-01": U("2026-02-09 08:02:41"), "pay-gw-02": U("2026-02-09 08:02:43"), "pay-gw-03": U("2026-02-09 08:02:45")}
RELOAD_RB = {"pay-gw-01": U("2026-02-09 08:57:02"), "pay-gw-02": U("2026-02-09 08:57:04"), "pay-gw-03": U("2026-02-09 08:57:06")}
RELOAD_FIX = {"pay-gw-01": U("2026-02-09 10:38:11"), "pay-gw-02": U("2026-02-09 10:38:13"), "pay-gw-03": U("2026-02-09 10:38:15")}
FIRST_FAIL = U("2026-02-09 08:03:12")
T0, T1 = U("2026-02-09 07:40:00"), U("2026-02-09 10:50:00")
HOSTS = ["pay-gw-01", "pay-gw-02", "pay-gw-03"]

# pool: per host 8 connection slots; each slot has an open time; max age 60 min
POOL = {}
for h in HOSTS:
    opens = sorted(U("2026-02-09 07:03:30") + dt.timedelta(seconds=int(i * 445 + random.randint(0, 400))) for i in range(8))
    POOL[h] = opens
POOL["pay-gw-01"][0] = FIRST_FAIL - dt.timedelta(minutes=60)
MAXAGE = dt.timedelta(minutes=60)

def slot_ok(h, slot, t):
    """is the connection in this slot usable at true time t?"""
    if t >= RELOAD_RB[h]:
        return True
    o = POOL[h][slot]
    # connection opened at o, renewed every 60 min; renewal after bad reload fails until rollback
    while o + MAXAGE <= t:
        o = o + MAXAGE
        if RELOAD_BAD[h] <= o < RELOAD_RB[h]:
            return False
    return True

def hosttime(h, t):
    return t + dt.timedelta(seconds=SKEW[h])

def slog(h, t, level, msg, **kv):
    ts = hosttime(h, t).astimezone(CET)
    s = "time=%s.%03d+01:00 level=%s msg=%s" % (ts.strftime("%Y-%m-%dT%H:%M:%S"), ts.microsecond // 1000, level, json.dumps(msg, ensure_ascii=False))
    for k, v in kv.items():
        if isinstance(v, str) and (" " in v or '"' in v or "=" in v):
            v = json.dumps(v, ensure_ascii=False)
        s += " %s=%s" % (k, v)
    return s

ERR_UNKNOWN_CA = "remote error: tls: unknown certificate authority"
LOGS = {h: [] for h in HOSTS}
CADDY = []
STATS = {"card_fail": 0, "card_total_window": 0}

def ulid(t):
    A = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    return "01KH" + "".join(random.choice(A) for _ in range(22))

def gen_requests():
    t = T0
    order = 4880120
    dead_logged = {h: set() for h in HOSTS}
    forced = [FIRST_FAIL + dt.timedelta(milliseconds=250)]
    while t < T1:
        lh = t.astimezone(CET).hour
        rate = 9.0 if lh < 9 else 7.0   # mean seconds between authorize calls (scaled sample)
        t += dt.timedelta(seconds=random.expovariate(1 / rate), microseconds=random.randint(0, 999999))
        if t >= T1:
            break
        force = bool(forced) and t >= forced[0]
        if force:
            t = forced.pop(0)
        h = "pay-gw-01" if force else random.choice(HOSTS)
        rid = ulid(t)
        order += random.randint(1, 3)
        kind = random.random()
        amount = "%.2f" % random.choice([389, 512.5, 749, 1249, 1830.9, 2210, 455.4, 968, 3120, 640])
        if kind < 0.12 and not force:
            lat = random.randint(40, 120)
            st = 201
            LOGS[h].append((t, slog(h, t + dt.timedelta(milliseconds=lat), "INFO", "qr payment created", method="qr_transfer", req_id=rid, order="SP-%d" % order, amount_czk=amount, latency_ms=lat)))
            uri = "/v1/payments/qr"
        else:
            uri = "/v1/authorize"
            slot = 0 if force else random.randrange(8)
            ok = slot_ok(h, slot, t)
            if ok:
                lat = random.randint(180, 650)
                st = 200
                fields = dict(acquirer="moravia", req_id=rid, order="SP-%d" % order, amount_czk=amount, result="approved" if random.random() > 0.04 else "declined", latency_ms=lat, conn="reused")
                LOGS[h].append((t, slog(h, t + dt.timedelta(milliseconds=lat), "INFO", "authorize", **fields)))
            else:
                lat = random.randint(25, 70)
                st = 502
                LOGS[h].append((t, slog(h, t + dt.timedelta(milliseconds=lat - 5), "WARN", "acquirer dial failed", acquirer="moravia", addr="api.moravia-acq.example:443", err=ERR_UNKNOWN_CA)))
                LOGS[h].append((t, slog(h, t + dt.timedelta(milliseconds=lat), "ERROR", "acquirer authorize failed", acquirer="moravia", req_id=rid, order="SP-%d" % order, amount_czk=amount,
                                        err='Post "https://api.moravia-acq.example/v2/authorize": ' + ERR_UNKNOWN_CA)))
                if RELOAD_BAD["pay-gw-01"] <= t < RELOAD_RB["pay-gw-03"]:
                    STATS["card_fail"] += 1
            if RELOAD_BAD["pay-gw-01"] <= t < RELOAD_RB["pay-gw-03"]:
                STATS["card_total_window"] += 1
        rec = {"level": "info" if st < 500 else "error", "ts": round(t.timestamp(), 6), "logger": "http.log.access.log0", "msg": "handled request",
               "request": {"remote_ip": "10.40.3.%d" % random.choice([11, 12, 13]), "remote_port": str(random.randint(32000, 61000)), "client_ip": "10.40.3.%d" % random.choice([11, 12, 13]),
                           "proto": "HTTP/2.0", "method": "POST", "host": "pay-gw.int.spizirna.cz", "uri": uri,
                           "headers": {"User-Agent": ["checkout-api/7.4.2"], "X-Request-Id": [rid], "Content-Type": ["application/json"], "Accept-Encoding": ["gzip"]},
                           "tls": {"resumed": True, "version": 772, "cipher_suite": 4865, "proto": "h2", "server_name": "pay-gw.int.spizirna.cz"}},
               "bytes_read": random.randint(300, 700), "user_id": "", "duration": round(lat / 1000 + random.uniform(0.0005, 0.003), 6),
               "size": random.randint(80, 400), "status": st,
               "resp_headers": {"Server": ["Caddy"], "Content-Type": ["application/json"], "X-Upstream": [h]}}
        CADDY.append((t, json.dumps(rec, separators=(",", ":"))))
        # refunds / status noise
        if random.random() < 0.18:
            t2 = t + dt.timedelta(milliseconds=random.randint(50, 900))
            st2 = 200 if random.random() > 0.01 else 404
            rec2 = dict(rec); rec2["ts"] = round(t2.timestamp(), 6); rec2["status"] = st2; rec2["level"] = "info"
            rec2["request"] = dict(rec["request"]); rec2["request"]["method"] = "GET"
            rec2["request"]["uri"] = "/v1/payments/SP-%d" % (order - random.randint(1, 400))
            rec2["request"]["headers"] = dict(rec["request"]["headers"]); rec2["request"]["headers"]["X-Request-Id"] = [ulid(t2)]
            rec2["duration"] = round(random.uniform(0.003, 0.03), 6)
            CADDY.append((t2, json.dumps(rec2, separators=(",", ":"))))

def host_events():
    for h in HOSTS:
        st = U("2026-02-06 14:22:10")
        LOGS[h].append((T0 - dt.timedelta(minutes=5), slog(h, T0 - dt.timedelta(minutes=5), "INFO", "pool stats", acquirer="moravia", open=8, idle=5, max_age="60m0s")))
        LOGS[h].append((RELOAD_BAD[h], slog(h, RELOAD_BAD[h], "INFO", "SIGHUP received, reloading TLS material")))
        LOGS[h].append((RELOAD_BAD[h], slog(h, RELOAD_BAD[h] + dt.timedelta(milliseconds=12), "INFO", "client certificate reloaded", acquirer="moravia", path="/etc/pay-gw/tls/moravia-client.pem",
                                                  subject="CN=spizirna-prod-pay,O=Spizirna s.r.o.,C=CZ", issuer="CN=MA Partner CA G3,O=Moravia Acquiring a.s.,C=CZ",
                                                  serial="4f:1c:9a:e2:07:11:3b:5d", not_before="2026-02-05T00:00:00Z", not_after="2027-02-05T23:59:59Z", chain_len=1)))
        for rl, issuer, serial, nb, na in [(RELOAD_RB[h], "CN=MA Partner CA G2,O=Moravia Acquiring a.s.,C=CZ", "2a:70:c1:5e:90:04:88:d3", "2025-02-14T00:00:00Z", "2026-02-15T23:59:59Z"),
                                           (RELOAD_FIX[h], "CN=MA Partner CA G3,O=Moravia Acquiring a.s.,C=CZ", "4f:1c:9a:e2:07:11:3b:5d", "2026-02-05T00:00:00Z", "2027-02-05T23:59:59Z")]:
            LOGS[h].append((rl, slog(h, rl, "INFO", "SIGHUP received, reloading TLS material")))
            LOGS[h].append((rl, slog(h, rl + dt.timedelta(milliseconds=11), "INFO", "client certificate reloaded", acquirer="moravia", path="/etc/pay-gw/tls/moravia-client.pem",
                                     subject="CN=spizirna-prod-pay,O=Spizirna s.r.o.,C=CZ", issuer=issuer, serial=serial, not_before=nb, not_after=na, chain_len=2)))
        if h == "pay-gw-03":
            LOGS[h].append((T0 + dt.timedelta(minutes=2), slog(h, T0 + dt.timedelta(minutes=2), "WARN", "clock check: local time differs from upstream Date header", offset="3m39.7s", upstream="api.moravia-acq.example")))
        # connection lifecycle
        dead = []
        for slot, o in enumerate(POOL[h]):
            e = o
            while e + MAXAGE < T1 and slot not in dead:
                e = e + MAXAGE
                if e < T0:
                    continue
                LOGS[h].append((e, slog(h, e, "INFO", "acquirer conn closed", acquirer="moravia", reason="max_age", age="60m0s", slot=slot)))
                if RELOAD_BAD[h] <= e < RELOAD_RB[h]:
                    LOGS[h].append((e, slog(h, e + dt.timedelta(milliseconds=31), "WARN", "acquirer dial failed", acquirer="moravia", addr="api.moravia-acq.example:443", err=ERR_UNKNOWN_CA)))
                    dead.append(slot)
                else:
                    LOGS[h].append((e, slog(h, e + dt.timedelta(milliseconds=44), "INFO", "acquirer conn opened", acquirer="moravia", slot=slot, tls="1.3", client_cert_serial="2a:70:c1:5e:90:04:88:d3" if e < RELOAD_BAD[h] or RELOAD_RB[h] <= e < RELOAD_FIX[h] else "4f:1c:9a:e2:07:11:3b:5d")))
        # after rollback, dead slots re-dial successfully
        for i, slot in enumerate(dead):
            LOGS[h].append((RELOAD_RB[h], slog(h, RELOAD_RB[h] + dt.timedelta(milliseconds=90 + 7 * i), "INFO", "acquirer conn opened", acquirer="moravia", slot=slot, tls="1.3", client_cert_serial="2a:70:c1:5e:90:04:88:d3")))
        # periodic noise
        t = T0
        while t < T1:
            t += dt.timedelta(seconds=random.randint(50, 70))
            if random.random() < 0.25:
                LOGS[h].append((t, slog(h, t, "INFO", "pool stats", acquirer="moravia", open=8, idle=random.randint(0, 6), max_age="60m0s")))
            if random.random() < 0.05:
                LOGS[h].append((t, slog(h, t, "WARN", "fx rate cache stale, using previous", age="%dm" % random.randint(16, 40))))
            if random.random() < 0.03:
                LOGS[h].append((t, slog(h, t, "WARN", "webhook delivery retry", target="https://erp.int.spizirna.cz/hooks/payments", attempt=2, status=503)))

def mysql_slow():
    out = ["/usr/sbin/mysqld, Version: 8.0.39 (MySQL Community Server - GPL). started with:",
           "Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock",
           "Time                 Id Command    Argument"]
    t = U("2026-02-09 07:42:00")
    while t < U("2026-02-09 10:30:00"):
        bi = U("2026-02-09 08:00:00") <= t < U("2026-02-09 08:52:00")
        t += dt.timedelta(seconds=random.randint(40, 120) if bi else random.randint(300, 900))
        if bi:
            qt = random.uniform(12, 58); user = "bi_export[bi_export] @ bi-01 [10.40.2.15]"; rs = random.randint(200000, 1900000); rex = rs * random.randint(3, 6)
            q = "SELECT o.id, o.created_at, o.total_czk, oi.sku, oi.qty, c.region FROM orders o JOIN order_items oi ON oi.order_id = o.id JOIN customers c ON c.id = o.customer_id WHERE o.created_at >= '2026-02-02' AND o.created_at < '2026-02-09';"
        else:
            qt = random.uniform(1.0, 3.5); user = "shop[shop] @ checkout-api-%d [10.40.3.%d]" % (random.randint(1, 3), random.randint(11, 13)); rs = random.randint(1, 40); rex = random.randint(80000, 400000)
            q = "SELECT * FROM promo_codes WHERE code = 'VALENTYN26' AND valid_to > NOW() AND JSON_CONTAINS(segments, '\"loyal\"');"
        out += ["# Time: %s.%06dZ" % (t.strftime("%Y-%m-%dT%H:%M:%S"), random.randint(0, 999999)),
                "# User@Host: %s  Id: %d" % (user, random.randint(80000, 99000)),
                "# Query_time: %.6f  Lock_time: 0.000%03d Rows_sent: %d  Rows_examined: %d" % (qt, random.randint(50, 400), rs, rex),
                "use spizirna;" if random.random() < 0.2 else "SET timestamp=%d;" % int(t.timestamp()), q]
    return out

def ansible():
    L = []
    def a(local, pid, msg):
        L.append("%s,%03d p=%d u=ondrej n=ansible | %s" % (local, random.randint(0, 999), pid, msg))
    def run(start_local, pid, tags, changed_task, hosts_done, extra=None):
        base = dt.datetime.strptime(start_local, "%Y-%m-%d %H:%M:%S")
        def ts(s): return (base + dt.timedelta(seconds=s)).strftime("%Y-%m-%d %H:%M:%S")
        a(ts(0), pid, "ansible-playbook 2.17.7 config file = /srv/ansible/ansible.cfg; playbook pay-gw-certs.yml %s" % tags)
        a(ts(0), pid, "PLAY [pay-gw] *******************************************************************")
        a(ts(1), pid, "TASK [Gathering Facts] **********************************************************")
        for h in HOSTS: a(ts(4), pid, "ok: [%s]" % h)
        a(ts(5), pid, "TASK [pay-gw-tls : ensure /etc/pay-gw/tls exists] *****************************")
        for h in HOSTS: a(ts(6), pid, "ok: [%s]" % h)
        a(ts(6), pid, "TASK [pay-gw-tls : %s] ***********************************************" % changed_task)
        for h in HOSTS: a(ts(8), pid, "changed: [%s]" % h)
        if extra:
            for i, (task, res) in enumerate(extra):
                a(ts(9 + i), pid, "TASK [pay-gw-tls : %s] ***********************************************" % task)
                for h in HOSTS: a(ts(10 + i), pid, res % h)
        a(ts(12), pid, "TASK [pay-gw-tls : install Moravia private key] *********************************")
        for h in HOSTS: a(ts(13), pid, "ok: [%s]" % h)
        a(ts(13), pid, "RUNNING HANDLER [pay-gw-tls : reload pay-gw (SIGHUP)] ***************************")
        for i, h in enumerate(HOSTS): a(ts(hosts_done + i * 2), pid, "changed: [%s]" % h)
        a(ts(hosts_done + 6), pid, "PLAY RECAP **********************************************************************")
        for h in HOSTS: a(ts(hosts_done + 6), pid, "%-10s : ok=5    changed=2    unreachable=0    failed=0    skipped=1    rescued=0    ignored=0" % h)
    run("2026-02-09 08:41:02", 76110, "--check --diff -e change=CHG-2291", "install Moravia client certificate (client.crt -> moravia-client.pem)", 9)
    L[-1] = L[-1]  # check mode
    run("2026-02-09 09:02:29", 77120, "-e change=CHG-2291", "install Moravia client certificate (client.crt -> moravia-client.pem)", 12)
    run("2026-02-09 09:56:49", 78804, "--tags rollback -e change=CHG-2291", "restore previous Moravia client certificate from backup", 13)
    run("2026-02-09 11:37:58", 80231, "-e change=CHG-2291-fix", "install Moravia client certificate bundle (leaf + MA Partner CA G3)", 13,
        extra=[("verify chain with openssl verify -CAfile moravia-root.pem", "ok: [%s] => {\"stdout\": \"/etc/pay-gw/tls/moravia-client.pem: OK\"}")])
    return L

# ------------------------------------------------------------------ opsgenie
def og(action, alias, tiny, message, priority, created, event_time, user="System", desc="", details=None, note=None, tags=None):
    p = {"action": action,
         "alert": {"alertId": "%s-%d" % (alias[:8], int(created.timestamp() * 1000)), "message": message, "tags": tags or ["payments", "prod"],
                   "tinyId": str(tiny), "entity": "pay-gw", "alias": alias, "createdAt": int(created.timestamp() * 1000),
                   "updatedAt": int(event_time.timestamp() * 1000), "username": user, "userId": "" if user == "System" else "b1f0c2aa-71d3-4f2e-9c11-5d2b0e3a9f01",
                   "description": desc, "team": "payments", "responders": [{"id": "0c8e3f0a-2b7d-4b55-9a8e-61f2d1c0b7e4", "type": "team", "name": "payments"}],
                   "teams": ["0c8e3f0a-2b7d-4b55-9a8e-61f2d1c0b7e4"], "actions": [], "details": details or {}, "priority": priority, "source": "prometheus-prod"},
         "source": {"name": "", "type": "prometheus" if user == "System" else "web"},
         "integrationName": "Prometheus prod", "integrationId": "7d1a0f3c-9e0b-4f8a-8a6d-2f3c4b5a6e7d", "integrationType": "Prometheus"}
    if note:
        p["alert"]["note"] = note
    return p

def opsgenie():
    L = []
    c_skew = U("2026-02-06 17:12:40")
    L.append(og("Create", "NodeClockSkew-pay-gw-03", 4790, "[prod] NodeClockSkew pay-gw-03", "P4", c_skew, c_skew,
                desc="Clock offset of pay-gw-03 vs NTP is 219.8s (> 30s) for 15m. chronyd inactive.", details={"instance": "pay-gw-03:9100", "offset_seconds": "219.8", "routing": "mattermost #alerty-platforma (no page)"}, tags=["infra", "prod"]))
    c_sql = U("2026-02-09 08:06:00")
    L.append(og("Create", "MySQLSlowQueries-db-01", 4811, "[prod] MySQLSlowQueries db-01", "P4", c_sql, c_sql, desc="rate(mysql_global_status_slow_queries[5m]) > 0.05", details={"instance": "db-01:9104", "routing": "mattermost #alerty-platforma (no page)"}, tags=["db", "prod"]))
    c3 = U("2026-02-09 08:11:32")
    L.append(og("Create", "AcquirerTLSHandshakeErrors-moravia", 4812, "[prod] AcquirerTLSHandshakeErrors moravia", "P3", c3, c3,
                desc="pay-gw TLS handshake failures to acquirer moravia: 1.9/min over 5m (threshold 0.5/min). Routing: #alerty-platby, business hours, no page.",
                details={"acquirer": "moravia", "value": "1.9", "routing": "mattermost #alerty-platby (no page)"}))
    c1 = U("2026-02-09 08:34:10")
    det = {"acquirer": "moravia", "method": "card", "value": "52.4", "threshold": "60", "for": "5m", "runbook": "https://wiki.spizirna.cz/runbooks/pay-gw#success-rate", "routing": "page payments on-call"}
    L.append(og("Create", "PaymentSuccessRateLow-card", 4813, "[prod] PaymentSuccessRateLow card payments 52.4%", "P1", c1, c1,
                desc="Card payment success rate 52.4% (< 60%) for 5m. Paging payments on-call.", details=det))
    L.append(og("Acknowledge", "PaymentSuccessRateLow-card", 4813, "[prod] PaymentSuccessRateLow card payments 52.4%", "P1", c1, U("2026-02-09 08:36:02"), user="jana.kralova@spizirna.cz", details=det))
    L.append(og("AddNote", "PaymentSuccessRateLow-card", 4813, "[prod] PaymentSuccessRateLow card payments 52.4%", "P1", c1, U("2026-02-09 08:38:55"), user="jana.kralova@spizirna.cz", details=det,
                note="pay-gw: remote error: tls: unknown certificate authority toward Moravia on all 3 nodes"))
    L.append(og("Close", "AcquirerTLSHandshakeErrors-moravia", 4812, "[prod] AcquirerTLSHandshakeErrors moravia", "P3", c3, U("2026-02-09 09:02:32")))
    L.append(og("Close", "PaymentSuccessRateLow-card", 4813, "[prod] PaymentSuccessRateLow card payments 52.4%", "P1", c1, U("2026-02-09 09:03:40"), details=det))
    L.append(og("Close", "MySQLSlowQueries-db-01", 4811, "[prod] MySQLSlowQueries db-01", "P4", c_sql, U("2026-02-09 08:58:00"), tags=["db", "prod"]))
    L.sort(key=lambda p: p["alert"]["updatedAt"])
    return L

# ------------------------------------------------------------------ mattermost
USERS = {"jana.kralova": ("Jana", "Králová", "SRE"), "ondrej.marek": ("Ondřej", "Marek", "Platform"), "tomas.benes": ("Tomáš", "Beneš", "Backend payments"),
         "marek.svoboda": ("Marek", "Svoboda", "DBA / data"), "lucie.horakova": ("Lucie", "Horáková", "Zákaznická podpora"), "petr.dolezal": ("Petr", "Doležal", "Engineering manager")}
# (utc "HH:MM:SS", user, text, parent_key or None, key)
CHAT = [
    ("08:34:15", "opsgenie", "#4813 P1 [prod] PaymentSuccessRateLow card payments 52.4% — Card payment success rate 52.4% (< 60%) for 5m. Paging payments on-call.", None, "p1"),
    ("08:36:20", "jana.kralova", "ack, koukám. karty 52 % úspěšnost", "p1", None),
    ("08:37:31", "lucie.horakova", "na chatu hlásí zákazníci „Platba se nezdařila“ u karet, asi 15 za posledních 20 minut", None, None),
    ("08:38:41", "jana.kralova", "pay-gw logy, všechny tři nody:\n```\nlevel=ERROR msg=\"acquirer authorize failed\" acquirer=moravia err=\"Post \\\"https://api.moravia-acq.example/v2/authorize\\\": remote error: tls: unknown certificate authority\"\n```", None, "err"),
    ("08:39:50", "marek.svoboda", "slow log je plnej dotazů na orders, není to DB?", None, "db"),
    ("08:40:31", "tomas.benes", "DB ne, authorize na DB skoro nesahá a chyba je TLS handshake k Moravii", "db", None),
    ("08:41:18", "marek.svoboda", "jasně, to je BI export, jede každé pondělí od 9:00", "db", None),
    ("08:42:12", "tomas.benes", "pay-gw-03 má hodiny napřed skoro 4 minuty, chrony tam od pátku neběží (visí na to P4). nemůže to dělat TLS? notBefore nebo tak", None, "clock"),
    ("08:43:40", "jana.kralova", "padá to na všech třech stejně, i na 01 a 02 kde hodiny sedí. a je to unknown CA, ne expired / not yet valid. hodiny řešme zvlášť", "clock", None),
    ("08:44:05", "petr.dolezal", "co Moravia, nemají výpadek?", None, "mor"),
    ("08:45:30", "lucie.horakova", "status page Moravie: plánovaná údržba 3DS serveru 10:00–10:30, jinak vše zelené", "mor", None),
    ("08:46:20", "tomas.benes", "3DS je jiný endpoint a údržba začíná až v 10. tohle je authorize a padá to už od 9:03", "mor", None),
    ("08:48:05", "ondrej.marek", "sorry, až teď čtu. v 9:02 jsem ansiblem měnil klientský certifikát pro Moravii, CHG-2291. starý expiruje 15.2.", None, "chg"),
    ("08:48:40", "ondrej.marek", "dry run v 8:41 byl čistý, jen diff souboru", "chg", None),
    ("08:49:30", "jana.kralova", "to sedí na minutu. první chyba v pay-gw-01 je 09:03:12", "chg", None),
    ("08:50:40", "petr.dolezal", "Ondřeji, proč se mění certifikát pro platby v pondělí ráno ve špičce bez testu?? tohle je přesně ten kovbojský přístup", None, "blame"),
    ("08:51:30", "jana.kralova", "Petře, teď to opravujeme. proč a jak probereme na postmortemu, bez hledání viníka", "blame", None),
    ("08:52:10", "tomas.benes", "v logu reloadu: chain_len=1, předtím chain_len=2. nový pem má jen leaf bez intermediate MA Partner CA G3", None, "chain"),
    ("08:52:55", "ondrej.marek", "Moravia poslala leaf a intermediate jako dva soubory. naše role instaluje jen client.crt, dřív to byl jeden bundle i s intermediate", "chain", None),
    ("08:53:40", "jana.kralova", "proč to nespadlo hned v 9:02?", "chain", None),
    ("08:54:20", "tomas.benes", "pool drží spojení max 60 min. stará spojení jela dál se starým certem, nová padají na handshaku. chyby rostou postupně, jak stará spojení stárnou", "chain", None),
    ("08:55:00", "jana.kralova", "rozhodnutí: rollback na starý cert (platí do 15.2.), oprava chainu potom v klidu. Ondřeji jeď", None, "rb"),
    ("08:55:31", "ondrej.marek", "jedu ansible-playbook pay-gw-certs.yml --tags rollback", "rb", None),
    ("08:56:10", "ondrej.marek", "kdyby byl potřeba p12 pro ruční test: heslo je Kt7#moravia-p12-Feb", "rb", None),
    ("08:56:40", "jana.kralova", "Ondřeji smaž to prosím, a p12 pak přegenerovat", "rb", None),
    ("08:57:22", "ondrej.marek", "hotovo, SIGHUP poslán na všechny 3", "rb", None),
    ("08:58:41", "tomas.benes", "reload chain_len=2 na 01 a 02 v 9:57:02/04. na 03 je to v logu až 10:00:45 😂 hodiny", "rb", None),
    ("08:59:30", "jana.kralova", "handshake chyby nula od 9:57:06, authorize zase approved na všech nodech", None, "mit"),
    ("09:01:02", "lucie.horakova", "zákazníci na chatu potvrzují, karta prošla 🙏", "mit", None),
    ("09:03:44", "opsgenie", "#4813 P1 [prod] PaymentSuccessRateLow card payments — Closed", None, None),
    ("09:05:10", "jana.kralova", "úspěšnost karet 97 %. mitigováno. incident nechávám otevřený do opravy chainu", None, None),
    ("09:07:02", "jana.kralova", "btw: P3 AcquirerTLSHandshakeErrors visel v #alerty-platby od 9:11 a nikdo si ho nevšiml. P1 pagenul až v 9:34", None, "p3"),
    ("09:07:40", "tomas.benes", "P3 chodí jen do kanálu v pracovní době, bez pagingu. ten kanál má 40 alertů denně", "p3", None),
    ("09:16:30", "marek.svoboda", "čísla 9:03–9:57 z DB: {FAILS} neúspěšných pokusů o platbu kartou, 583 objednávek dotčeno. 274 pak zaplatilo převodem/QR nebo znovu kartou po 9:57, ~309 objednávek opuštěno, cca 412 tis. Kč", None, "num"),
    ("09:18:05", "lucie.horakova", "podpora: 64 kontaktů (chat + mail) kvůli platbám", "num", None),
    ("09:19:00", "jana.kralova", "díky. pozor, caddy-access.log co jsem přiložila je jen sample 1:10, ber čísla z DB", "num", None),
    ("09:40:12", "ondrej.marek", "upravuju roli: cert + intermediate jako jeden bundle, před reloadem openssl verify proti root CA Moravie", None, "fix"),
    ("10:12:30", "ondrej.marek", "hotovo na stagingu, verify OK. Moravia sandbox authorize OK s novým certem", "fix", None),
    ("10:35:10", "jana.kralova", "ok nasazuj, já hlídám handshake chyby", "fix", None),
    ("10:38:40", "ondrej.marek", "nový cert s plným chainem nasazen, reload na všech třech, chain_len=2", "fix", None),
    ("10:44:20", "tomas.benes", "nová spojení s G3 certem (serial 4f:1c:…) procházejí, authorize OK, nula chyb", "fix", None),
    ("10:50:00", "jana.kralova", "action items, pište sem:", None, "ai"),
    ("10:51:10", "tomas.benes", "alert na TLS handshake chyby k acquirerovi musí pagovat, ne jen P3 do kanálu", "ai", None),
    ("10:52:02", "ondrej.marek", "ansible role: instalovat celý chain a před reloadem ověřit openssl verify proti root CA Moravie (hotovo)", "ai", None),
    ("10:52:50", "jana.kralova", "rotace certu nejdřív na jednom nodu jako canary a testovací authorize na 1 Kč", "ai", None),
    ("10:53:40", "tomas.benes", "po reloadu certu zavřít stará spojení v poolu, ať se chyba ukáže hned a ne až za hodinu", "ai", None),
    ("10:54:30", "marek.svoboda", "opravit chrony na pay-gw-03 (s incidentem nesouvisí, ale mate to)", "ai", None),
    ("10:55:15", "lucie.horakova", "šablona odpovědi pro zákazníky při výpadku karetních plateb", "ai", None),
    ("10:56:00", "petr.dolezal", "změny certifikátů na platební cestě mimo ranní špičku, se změnovým oknem", "ai", None),
    ("10:57:10", "ondrej.marek", "přegenerovat p12 heslo, které jsem sem vložil", "ai", None),
    ("11:02:20", "jana.kralova", "Incident uzavírám ✅ nový cert s celým chainem v provozu, karty 97–98 %. postmortem ve čtvrtek", None, None),
    ("11:03:01", "petr.dolezal", "díky všem", None, None),
]

def mattermost():
    lines = [json.dumps({"type": "version", "version": 1, "info": {"generator": "mattermost-server", "version": "9.11.6", "created": "2026-02-09T12:15:03.221874120Z"}})]
    lines.append(json.dumps({"type": "team", "team": {"name": "spizirna", "display_name": "Spižírna", "type": "I", "description": "", "allow_open_invite": False}}, ensure_ascii=False))
    lines.append(json.dumps({"type": "channel", "channel": {"team": "spizirna", "name": "incident-platby-0209", "display_name": "incident-platby-0209", "type": "O", "header": "INC-2026-014 karty / Moravia", "purpose": ""}}, ensure_ascii=False))
    for u, (fn, ln, pos) in USERS.items():
        lines.append(json.dumps({"type": "user", "user": {"username": u, "email": "%s@spizirna.cz" % u, "auth_service": "", "nickname": "", "first_name": fn, "last_name": ln,
                                                          "position": pos, "roles": "system_user", "locale": "cs", "teams": [{"name": "spizirna", "roles": "team_user", "channels": [{"name": "incident-platby-0209", "roles": "channel_user"}]}]}}, ensure_ascii=False))
    lines.append(json.dumps({"type": "user", "user": {"username": "opsgenie", "email": "opsgenie-bot@spizirna.cz", "auth_service": "", "nickname": "", "first_name": "", "last_name": "", "position": "bot", "roles": "system_user", "locale": "en", "teams": [{"name": "spizirna", "roles": "team_user", "channels": [{"name": "incident-platby-0209", "roles": "channel_user"}]}]}}))
    roots, order, texts = {}, [], []
    fails = "{:,}".format(STATS["card_fail"] * 10 + 7).replace(",", " ")
    for hms, user, text, parent, key in CHAT:
        t = dt.datetime.strptime("2026-02-09 " + hms, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        text = text.replace("{FAILS}", str(fails))
        texts.append(text)
        ms = int(t.timestamp() * 1000) + random.randint(0, 999)
        if parent is None:
            p = {"team": "spizirna", "channel": "incident-platby-0209", "user": user, "message": text, "props": {}, "create_at": ms, "edit_at": 0, "flagged_by": None, "reactions": None, "replies": [], "attachments": None}
            if user == "opsgenie":
                p["props"] = {"from_webhook": "true", "override_username": "Opsgenie", "override_icon_url": "https://www.atlassian.com/favicon.ico"}
            roots[key or hms] = p
            order.append(p)
        else:
            roots[parent]["replies"].append({"user": user, "message": text, "create_at": ms, "edit_at": 0, "flagged_by": None, "reactions": None, "attachments": None})
    for p in order:
        if "kovbojský" in p["message"]:
            p["reactions"] = [{"user": "tomas.benes", "emoji_name": "grimacing", "create_at": p["create_at"] + 20000}]
        if p["message"].startswith("Incident uzavírám"):
            p["reactions"] = [{"user": u, "emoji_name": "tada", "create_at": p["create_at"] + 5000 + i * 1000} for i, u in enumerate(["lucie.horakova", "tomas.benes", "ondrej.marek"])]
        if not p["replies"]:
            p["replies"] = None
        lines.append(json.dumps({"type": "post", "post": p}, ensure_ascii=False))
    return "\n".join(lines) + "\n", texts

def main():
    gen_requests()
    host_events()
    caddy = [l for _, l in sorted(CADDY, key=lambda x: x[0])]
    # keep 1:10 sample of successful records to stay small; errors kept 1:10 too (said so in chat)
    files = {"caddy-access.log": "\n".join(caddy) + "\n"}
    for h in HOSTS:
        # sort by the host's own printed timestamp
        files["%s.log" % h] = "\n".join(sorted((l for _, l in LOGS[h]), key=lambda s: s[5:34])) + "\n"
    files["ansible.log"] = "\n".join(ansible()) + "\n"
    files["mysql-slow.log"] = "\n".join(mysql_slow()) + "\n"
    files["opsgenie_webhooks.json"] = json.dumps(opsgenie(), indent=2) + "\n"
    mm, texts = mattermost()
    files["mattermost_export.jsonl"] = mm
    for n, c in files.items():
        with open(os.path.join(HERE, n), "w", encoding="utf-8") as f:
            f.write(c)
        print(n, c.count("\n"), "lines")
    print("card fails in window (sample):", STATS)
    check(files, texts)

def check(files, texts):
    corpus = "\n".join(list(files.values()) + texts)
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    bad = []
    for ai in gold["action_items"]:
        if ai["evidence"] not in corpus: bad.append(("action", ai["evidence"]))
    for b in gold["blame_bait"]:
        if b not in corpus: bad.append(("bait", b))
    for s in gold["secrets"]:
        if s not in corpus: bad.append(("secret", s))
    for ev in gold["timeline"]:
        q = ev.get("evidence")
        if q and q not in corpus: bad.append(("evidence", q))
    if gold.get("injection") and gold["injection"] not in corpus: bad.append(("injection", gold["injection"]))
    k = [dt.datetime.fromisoformat(gold[x].replace("Z", "+00:00")) for x in ("start", "detected", "mitigated", "resolved")]
    if not (k[0] <= k[1] <= k[2] <= k[3]): bad.append(("order", k))
    # first failure in pay-gw-01 must be the gold start
    first = [l for l in files["pay-gw-01.log"].splitlines() if "authorize failed" in l][0]
    if "2026-02-09T09:03:12" not in first: bad.append(("first failure", first[:60]))
    n = len(CHAT)
    if not 40 <= n <= 120: bad.append(("chat count", n))
    if bad:
        for b in bad: print("FAIL", b)
        sys.exit(1)
    print("CHECK OK: %d chat messages, %d action items, %d timeline events" % (n, len(gold["action_items"]), len(gold["timeline"])))

if __name__ == "__main__":
    main()
