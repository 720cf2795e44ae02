#!/usr/bin/env python3
"""Generator for blindM06: maintenance-window change CHG-2291 switches PgBouncer to
pool_mode=transaction; booking-api (asyncpg, prepared statement cache) fails with
"prepared statement ... does not exist". Wrong hypothesis: the pg-02 replica reboot of a
parallel patching change. The workflow's automatic rollback fails twice (looks for
pgbouncer.ini.bak, Ansible wrote a timestamped backup); manual rollback + app restart.
Team in Europe/Athens (EET, UTC+2). Local night of Thu 12 Feb 2026 = 11/12 Feb UTC.
Writes: irc.kymata.#ops.weechatlog, syslog-central.log, gha-pgbouncer-rollout-418.log,
incident-notes-gdoc.txt, gold.json. Python 3 stdlib only. Seeded."""
import datetime as dt
import json
import os
import random

SEED = 6106
R = random.Random(SEED)
OUT = os.path.dirname(os.path.abspath(__file__))
UTC = dt.timezone.utc
ATH = dt.timezone(dt.timedelta(hours=2))  # Europe/Athens in February = EET
CASE = "blindM06-pgbouncer-maintenance-rollback"


def U(s):
    """'HH:MM:SS' UTC; times >= 12:00 are on 11 Feb, < 12:00 on 12 Feb."""
    day = 11 if int(s[:2]) >= 12 else 12
    return dt.datetime.strptime(f"2026-02-{day} {s}", "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)


def L(s):
    """local Athens 'HH:MM:SS' on 12 Feb -> UTC."""
    return dt.datetime.strptime(f"2026-02-12 {s}", "%Y-%m-%d %H:%M:%S").replace(tzinfo=ATH).astimezone(UTC)


def Z(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


# ---------------------------------------------------------------- key facts (UTC)
WINDOW_START = U("23:00:00")
PG02_DOWN = U("23:02:06")
PG02_UP = U("23:04:39")
RUN_START = U("23:04:12")
APPLY_PGB1 = U("23:06:31")
APPLY_PGB2 = U("23:06:33")
RELOAD1 = U("23:06:48")
RELOAD2 = U("23:06:52")
START = U("23:06:55")
DETECTED = L("01:07:41")          # 23:07:41Z, first human notices 500s in IRC
SMOKE_FAIL = U("23:08:40")
RB_FAIL = U("23:09:19")
BOT_FAIL = L("01:09:31")
PG02_RULED_OUT = L("01:17:45")
CAUSE = L("01:19:02")
RERUN = U("23:23:05")
RB2_FAIL = U("23:25:41")
MANUAL_PGB1 = U("23:31:38")
MANUAL_PGB2 = U("23:32:25")
RESTART_API = [("api-01", U("23:35:10"), U("23:35:16")), ("api-02", U("23:35:52"), U("23:35:58")), ("api-03", U("23:36:55"), U("23:37:03"))]
LAST_ERROR = U("23:36:52")
MITIGATED = U("23:37:05")
RESOLVED = L("02:20:10")          # 00:20:10Z on 12 Feb

PASSWORD = "Kym4ta!Night-2291"
DSN = f"postgresql://booking_app:{PASSWORD}@10.40.2.15:6432/booking"
BACKUP1 = "pgbouncer.ini.23817.2026-02-12@01:06:31~"

# ---------------------------------------------------------------- syslog (RFC 5424, central rsyslog)
HOST_TZ = {"api-01": UTC, "api-02": UTC, "api-03": UTC, "lb-01": UTC, "pgb-01": ATH, "pgb-02": ATH, "pg-01": ATH, "pg-02": ATH}
API_IP = {"api-01": "10.40.1.11", "api-02": "10.40.1.12", "api-03": "10.40.1.13"}
PIDS = {"api-01": 1822, "api-02": 1790, "api-03": 1807}
PIDS_NEW = {"api-01": 3391, "api-02": 2975, "api-03": 2818}


def api_pid(host, t):
    s = [x for x in RESTART_API if x[0] == host][0][1]
    return PIDS_NEW[host] if t >= s else PIDS[host]


def ts5424(t, host):
    lt = t.astimezone(HOST_TZ[host])
    off = "+00:00" if HOST_TZ[host] is UTC else "+02:00"
    return lt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{lt.microsecond:06d}" + off


def sl(t, pri, host, app, pid, msg):
    return f"<{pri}>1 {ts5424(t, host)} {host} {app} {pid} - - {msg}"


PATHS_GET = ["/v1/routes", "/v1/sailings?from=PIR&to=JTR&date=2026-02-14", "/v1/sailings?from=PIR&to=JNX&date=2026-02-12",
             "/v1/sailings?from=RAF&to=JMK&date=2026-02-13", "/v1/sailings?from=PIR&to=JSH&date=2026-02-15", "/v1/ports"]


def client_ip():
    return f"{R.choice([94, 79, 46, 2, 85, 176])}.{R.randint(64, 250)}.{R.randint(0, 255)}.{R.randint(2, 254)}"


def err_rate(t, host):
    if t < START:
        return 0.0
    if t < MANUAL_PGB1:
        return 0.74
    restarted = dict((h, e) for h, s, e in RESTART_API)
    if t >= restarted[host]:
        return 0.0
    # after the pgbouncer rollback: leftover errors from cached statements
    return {"api-01": 0.12, "api-02": 0.2, "api-03": 0.25}[host]


def write_syslog():
    ev = []
    seq = [0]

    def add(t, text):
        seq[0] += 1
        ev.append((t, seq[0], text))

    t0, t1 = U("22:50:00"), U("00:25:00")
    stats = {"errors": 0, "bookings_failed": 0, "quotes_failed": 0, "requests_in_window": 0}
    stmt_n = {h: R.randint(20, 60) for h in API_IP}
    pg_line = [4110]
    t = t0
    first_error_pinned = False
    last_error_pinned = [False]
    while t < t1:
        t = t + dt.timedelta(seconds=R.expovariate(6.5 / 60))
        t = t.replace(microsecond=R.randint(0, 999999))
        if t >= t1:
            break
        host = R.choice(list(API_IP))
        if not first_error_pinned and t >= START:
            t, host, first_error_pinned = START.replace(microsecond=201934), "api-02", True
            forced = True
        elif not last_error_pinned[0] and t >= LAST_ERROR:
            t, host, forced = LAST_ERROR.replace(microsecond=388120), "api-03", True
            last_error_pinned[0] = True
        else:
            forced = False
        # during restarts the host is down: haproxy sends elsewhere
        for h, s, e in RESTART_API:
            if host == h and s <= t < e:
                host = R.choice([x for x in API_IP if x != h])
        r = R.random()
        if r < 0.42:
            meth, path = "GET", R.choice(PATHS_GET)
        elif r < 0.72:
            meth, path = "POST", "/v1/quotes"
        elif r < 0.88:
            meth, path = "POST", "/v1/bookings"
        else:
            meth, path = "GET", f"/v1/bookings/KY{R.randint(100000, 999999)}"
        in_window = START <= t <= MITIGATED
        if in_window:
            stats["requests_in_window"] += 1
        fail = forced or (R.random() < err_rate(t, host) and not path == "/v1/ports")
        rid = hexid(12)
        pid = api_pid(host, t)
        dur = R.randint(8, 60) if not fail else R.randint(3, 15)
        if fail:
            stats["errors"] += 1
            if path == "/v1/bookings":
                stats["bookings_failed"] += 1
            if path == "/v1/quotes":
                stats["quotes_failed"] += 1
            stmt_n[host] += R.randint(0, 3)
            sname = f"__asyncpg_stmt_{stmt_n[host]:x}__"
            if forced and host == "api-02":
                sname = "__asyncpg_stmt_1a__"
            if R.random() < 0.85 or forced:
                exc = f"asyncpg.exceptions.InvalidSQLStatementNameError: prepared statement \"{sname}\" does not exist"
                pgmsg = f"ERROR:  prepared statement \"{sname}\" does not exist"
            else:
                exc = f"asyncpg.exceptions.DuplicatePreparedStatementError: prepared statement \"{sname}\" already exists"
                pgmsg = f"ERROR:  prepared statement \"{sname}\" already exists"
            add(t, sl(t, 131, host, "booking-api", pid, f"ERROR booking.api.errors request_id={rid} {meth} {path.split('?')[0]} -> 500: {exc}"))
            tp = t - dt.timedelta(milliseconds=R.randint(2, 9))
            pg_line[0] += 1
            add(tp, sl(tp, 131, "pg-01", "postgres", 2211 + R.randint(0, 40), f"[{pg_line[0]}-1] user=booking_app,db=booking,app=booking-api,client=10.40.2.{R.choice([21, 22])} {pgmsg}"))
            th = t + dt.timedelta(milliseconds=R.randint(1, 4))
            acc = t.astimezone(UTC)
            add(th, sl(th, 134, "lb-01", "haproxy", 911,
                       f"{client_ip()}:{R.randint(30000, 65000)} [{acc.strftime('%d/%b/%Y:%H:%M:%S.')}{acc.microsecond // 1000:03d}] fe_https~ be_booking/{host} 0/0/1/{dur}/{dur + 1} 500 {R.randint(180, 320)} - - ---- {R.randint(3, 9)}/{R.randint(3, 9)}/{R.randint(0, 3)}/{R.randint(0, 2)}/0 0/0 \"{meth} {path} HTTP/1.1\""))
            status = 500
        else:
            status = 201 if path == "/v1/bookings" else 200
        ta = t + dt.timedelta(milliseconds=dur)
        add(ta, sl(ta, 134, host, "booking-api", pid, f"INFO uvicorn.access: 10.40.0.10:{R.randint(30000, 65000)} - \"{meth} {path} HTTP/1.1\" {status}"))
    # the workflow's smoke test hits /healthz/deep through the load balancer (5 tries per attempt)
    smoke_times = [U("23:07:33") + dt.timedelta(seconds=15 * i, milliseconds=520 + 40 * i) for i in range(5)]
    smoke_times += [U("23:23:48") + dt.timedelta(seconds=15 * i, milliseconds=210 + 35 * i) for i in range(5)]
    for tt in smoke_times:
        host = R.choice(list(API_IP))
        pid = api_pid(host, tt)
        stats["errors"] += 1
        stmt_n[host] += 1
        sname = f"__asyncpg_stmt_{stmt_n[host]:x}__"
        rid = hexid(12)
        pg_line[0] += 1
        add(tt - dt.timedelta(milliseconds=4), sl(tt - dt.timedelta(milliseconds=4), 131, "pg-01", "postgres", 2211 + R.randint(0, 40), f"[{pg_line[0]}-1] user=booking_app,db=booking,app=booking-api,client=10.40.2.{R.choice([21, 22])} ERROR:  prepared statement \"{sname}\" does not exist"))
        add(tt, sl(tt, 131, host, "booking-api", pid, f"ERROR booking.api.health request_id={rid} GET /healthz/deep -> 500: db check failed: asyncpg.exceptions.InvalidSQLStatementNameError: prepared statement \"{sname}\" does not exist"))
        add(tt + dt.timedelta(milliseconds=2), sl(tt + dt.timedelta(milliseconds=2), 134, "lb-01", "haproxy", 911,
            f"10.40.0.5:{R.randint(30000, 65000)} [{tt.strftime('%d/%b/%Y:%H:%M:%S.')}{tt.microsecond // 1000:03d}] fe_https~ be_booking/{host} 0/0/0/6/6 500 168 - - ---- 2/2/1/0/0 0/0 \"GET /healthz/deep HTTP/1.1\""))
        add(tt + dt.timedelta(milliseconds=7), sl(tt + dt.timedelta(milliseconds=7), 134, host, "booking-api", pid, f"INFO uvicorn.access: 10.40.0.10:{R.randint(30000, 65000)} - \"GET /healthz/deep HTTP/1.1\" 500"))
    # pgbouncer stats every 5 min, cron, pg checkpoints
    for k in range(0, 96, 5):
        for h in ("pgb-01", "pgb-02"):
            tt = t0 + dt.timedelta(minutes=k, seconds=R.randint(0, 3), microseconds=R.randint(0, 999999))
            x = R.randint(1, 4)
            add(tt, sl(tt, 134, h, "pgbouncer", 1187 if h == "pgb-01" else 1204, f"LOG stats: {x} xacts/s, {x * 3 + R.randint(0, 4)} queries/s, in {R.randint(900, 3200)} B/s, out {R.randint(4000, 15000)} B/s, xact {R.randint(1400, 3900)} us, query {R.randint(300, 900)} us, wait {R.randint(3, 40)} us"))
    for k in range(0, 96, 10):
        tt = t0 + dt.timedelta(minutes=k, seconds=R.randint(1, 2))
        for h in ("api-01", "api-02", "api-03", "pg-01"):
            t2 = tt + dt.timedelta(microseconds=R.randint(0, 999999))
            add(t2, sl(t2, 78, h, "CRON", R.randint(30000, 60000), "(root) CMD (/usr/local/bin/node_exporter_textfile.sh >/dev/null 2>&1)"))
    for k in range(0, 96, 15):
        tt = t0 + dt.timedelta(minutes=k, seconds=R.randint(0, 59), microseconds=R.randint(0, 999999))
        add(tt, sl(tt, 134, "pg-01", "postgres", 1093, f"[{pg_line[0]}-1] LOG:  checkpoint complete: wrote {R.randint(200, 1900)} buffers ({R.uniform(0.1, 1.2):.1f}%); 0 WAL file(s) added, 0 removed, {R.randint(1, 3)} recycled; write={R.uniform(20, 180):.3f} s, sync=0.00{R.randint(1, 9)} s, total={R.uniform(20, 180):.3f} s"))
        pg_line[0] += 1
    # pg-02 patching + reboot (parallel change, red herring)
    seqs = [
        (U("23:00:41"), 85, "sudo", 88211, "eleni : TTY=pts/0 ; PWD=/home/eleni ; USER=root ; COMMAND=/usr/bin/apt-get -y dist-upgrade"),
        (U("23:01:52"), 85, "sudo", 88419, "eleni : TTY=pts/0 ; PWD=/home/eleni ; USER=root ; COMMAND=/usr/sbin/reboot"),
        (U("23:01:53"), 30, "systemd", 1, "Stopping postgresql@16-main.service - PostgreSQL Cluster 16-main..."),
        (U("23:01:53"), 134, "postgres", 871, "[1-1] LOG:  received fast shutdown request"),
        (U("23:02:04"), 134, "postgres", 871, "[2-1] LOG:  database system is shut down"),
        (PG02_DOWN, 30, "systemd", 1, "Stopped postgresql@16-main.service - PostgreSQL Cluster 16-main."),
        (U("23:02:09"), 30, "systemd-shutdown", 1, "Syncing filesystems and block devices."),
        (U("23:03:58"), 6, "kernel", "-", "Linux version 6.1.0-31-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.128-1 (2025-02-07)"),
        (U("23:04:31"), 30, "systemd", 1, "Starting postgresql@16-main.service - PostgreSQL Cluster 16-main..."),
        (U("23:04:38"), 134, "postgres", 702, "[3-1] LOG:  entering standby mode"),
        (PG02_UP, 134, "postgres", 702, "[5-1] LOG:  database system is ready to accept read-only connections"),
        (U("23:04:40"), 134, "postgres", 719, "[6-1] LOG:  started streaming WAL from primary at 3A/71000000 on timeline 1"),
        (U("23:04:41"), 30, "systemd", 1, "Started postgresql@16-main.service - PostgreSQL Cluster 16-main."),
    ]
    for tt, pri, app, pid, msg in seqs:
        tt = tt.replace(microsecond=R.randint(0, 999999))
        add(tt, sl(tt, pri, "pg-02", app, pid, msg))
    # CHG-2291 apply via ansible (module invocations are logged by the targets)
    for h, tt, pid, rt in (("pgb-01", APPLY_PGB1, 23817, RELOAD1), ("pgb-02", APPLY_PGB2, 19044, RELOAD2)):
        tt = tt.replace(microsecond=R.randint(0, 400000))
        add(tt - dt.timedelta(seconds=9), sl(tt - dt.timedelta(seconds=9), 85, h, "sshd", R.randint(40000, 60000), f"Accepted publickey for deploy from 10.40.0.5 port {R.randint(40000, 60000)} ssh2: ED25519 SHA256:Qm1t7dZ0yV9cK4sW2rX8pL6nB3hF5jG0aE7uT1iO9kM"))
        add(tt, sl(tt, 134, h, "ansible-ansible.legacy.copy", pid, f"Invoked with dest=/etc/pgbouncer/pgbouncer.ini mode=0640 owner=postgres group=postgres backup=True src=/home/deploy/.ansible/tmp/ansible-tmp-1770851189.4731-5121-1290/source _original_basename=pgbouncer.ini.j2 follow=False force=True remote_src=False validate=None unsafe_writes=False checksum=9f2d3c1a7b6e0d4f8a5c2b1e3d7f6a9c0b8e4d21"))
        rt = rt.replace(microsecond=R.randint(0, 999999))
        add(rt - dt.timedelta(milliseconds=300), sl(rt - dt.timedelta(milliseconds=300), 30, h, "systemd", 1, "Reloading pgbouncer.service - connection pooler for PostgreSQL..."))
        add(rt, sl(rt, 134, h, "pgbouncer", 1187 if h == "pgb-01" else 1204, "LOG got SIGHUP, re-reading config"))
        add(rt + dt.timedelta(milliseconds=40), sl(rt + dt.timedelta(milliseconds=40), 30, h, "systemd", 1, "Reloaded pgbouncer.service - connection pooler for PostgreSQL."))
    # automatic rollback attempts (both fail on the target: file not found)
    for base in (U("23:09:16"), U("23:25:38")):
        for h, pid in (("pgb-01", R.randint(24000, 26000)), ("pgb-02", R.randint(19000, 21000))):
            tt = base + dt.timedelta(milliseconds=R.randint(100, 900))
            add(tt, sl(tt, 134, h, "ansible-ansible.legacy.copy", pid, "Invoked with src=/etc/pgbouncer/pgbouncer.ini.bak dest=/etc/pgbouncer/pgbouncer.ini remote_src=True backup=False mode=0640 owner=postgres group=postgres force=True follow=False unsafe_writes=False validate=None checksum=None"))
    # manual rollback
    for h, tt, bk, pid in (("pgb-01", MANUAL_PGB1, BACKUP1, 1187), ("pgb-02", MANUAL_PGB2, "pgbouncer.ini.19044.2026-02-12@01:06:33~", 1204)):
        a = tt - dt.timedelta(seconds=R.randint(40, 60))
        add(a, sl(a, 86, h, "sshd", R.randint(40000, 60000), f"Accepted publickey for nikos from 10.8.0.22 port {R.randint(40000, 60000)} ssh2: ED25519 SHA256:u8Rk2Lq5xW0nC7vJ3tZ9bH1mF6pD4sG2eA8yK0oQ5iE"))
        b = tt - dt.timedelta(seconds=R.randint(14, 25))
        add(b, sl(b, 85, h, "sudo", R.randint(50000, 60000), "nikos : TTY=pts/0 ; PWD=/home/nikos ; USER=root ; COMMAND=/usr/bin/ls -la /etc/pgbouncer/"))
        c = tt - dt.timedelta(seconds=R.randint(5, 9))
        add(c, sl(c, 85, h, "sudo", R.randint(50000, 60000), f"nikos : TTY=pts/0 ; PWD=/home/nikos ; USER=root ; COMMAND=/usr/bin/cp /etc/pgbouncer/{bk} /etc/pgbouncer/pgbouncer.ini"))
        d = tt - dt.timedelta(seconds=1)
        add(d, sl(d, 85, h, "sudo", R.randint(50000, 60000), "nikos : TTY=pts/0 ; PWD=/home/nikos ; USER=root ; COMMAND=/usr/bin/systemctl reload pgbouncer"))
        tt = tt.replace(microsecond=R.randint(0, 999999))
        add(tt - dt.timedelta(milliseconds=250), sl(tt - dt.timedelta(milliseconds=250), 30, h, "systemd", 1, "Reloading pgbouncer.service - connection pooler for PostgreSQL..."))
        add(tt, sl(tt, 134, h, "pgbouncer", pid, "LOG got SIGHUP, re-reading config"))
        add(tt + dt.timedelta(milliseconds=35), sl(tt + dt.timedelta(milliseconds=35), 30, h, "systemd", 1, "Reloaded pgbouncer.service - connection pooler for PostgreSQL."))
    # rolling restart of booking-api, haproxy health
    for h, s, e in RESTART_API:
        s = s.replace(microsecond=R.randint(0, 999999))
        e = e.replace(microsecond=R.randint(0, 999999))
        add(s, sl(s, 85, h, "sudo", R.randint(60000, 70000), "giorgos : TTY=pts/1 ; PWD=/home/giorgos ; USER=root ; COMMAND=/usr/bin/systemctl restart booking-api"))
        add(s + dt.timedelta(milliseconds=20), sl(s + dt.timedelta(milliseconds=20), 30, h, "systemd", 1, "Stopping booking-api.service - Kymata booking API..."))
        add(s + dt.timedelta(milliseconds=900), sl(s + dt.timedelta(milliseconds=900), 30, h, "systemd", 1, "booking-api.service: Deactivated successfully."))
        add(s + dt.timedelta(seconds=2), sl(s + dt.timedelta(seconds=2), 134, "lb-01", "haproxy", 911, f"Server be_booking/{h} is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 2 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."))
        add(s + dt.timedelta(seconds=3), sl(s + dt.timedelta(seconds=3), 30, h, "systemd", 1, "Started booking-api.service - Kymata booking API."))
        add(s + dt.timedelta(seconds=4, milliseconds=700), sl(s + dt.timedelta(seconds=4, milliseconds=700), 134, h, "booking-api", PIDS_NEW[h], "INFO booking.db: asyncpg pool ready min_size=5 max_size=20 statement_cache_size=100 dsn=postgresql://booking_app@10.40.2.15:6432/booking"))
        add(e, sl(e, 134, "lb-01", "haproxy", 911, f"Server be_booking/{h} is UP, reason: Layer7 check passed, code: 200, check duration: 3ms. 3 active and 0 backup servers up."))
    ev.sort(key=lambda x: (x[0], x[1]))
    lines = [x[2] for x in ev]
    # the api-03 error at LAST_ERROR must exist: pin it
    txt = "\n".join(lines) + "\n"
    with open(os.path.join(OUT, "syslog-central.log"), "w", encoding="utf-8") as f:
        f.write(txt)
    return txt, ev, stats


# ---------------------------------------------------------------- GitHub Actions job logs (copied)
class GH:
    def __init__(self):
        self.lines = []

    def at(self, t, text=""):
        t = t.astimezone(UTC)
        self.lines.append(t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}{R.randint(0, 9)}Z {text}".rstrip(" ") if text == "" else t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}{R.randint(0, 9)}Z {text}")


def gh_job(g, name, t, attempt, steps):
    g.lines.append(f"===== pgbouncer-rollout #418 · attempt {attempt} · job: {name} =====")
    c = [t]

    def tick(ms_lo=1, ms_hi=40):
        c[0] = c[0] + dt.timedelta(microseconds=R.randint(ms_lo * 1000, ms_hi * 1000))
        return c[0]

    g.at(tick(), "Requested labels: self-hosted, linux, ops")
    g.at(tick(), "Job defined at: kymata/infra/.github/workflows/pgbouncer-rollout.yml@refs/heads/main")
    g.at(tick(), "Waiting for a runner to pick up this job...")
    g.at(tick(300, 900), "Job is about to start running on the runner: ops-runner-02 (repository)")
    g.at(tick(1500, 2800), "Current runner version: '2.321.0'")
    g.at(tick(), "Runner name: 'ops-runner-02'")
    g.at(tick(), "Runner group name: 'Default'")
    g.at(tick(), "Machine name: 'ops-runner-02'")
    g.at(tick(), "##[group]GITHUB_TOKEN Permissions")
    g.at(tick(), "Contents: read")
    g.at(tick(), "Metadata: read")
    g.at(tick(), "##[endgroup]")
    g.at(tick(), "Secret source: Actions")
    g.at(tick(), "Prepare workflow directory")
    g.at(tick(20, 90), "Prepare all required actions")
    g.at(tick(20, 90), "Getting action download info")
    g.at(tick(200, 500), "Download action repository 'actions/checkout@v4' (SHA:11bd71901bbe5b1630ceea73d27597364c9af683)")
    g.at(tick(300, 600), f"Complete job name: {name}")
    g.at(tick(), "##[group]Run actions/checkout@v4")
    g.at(tick(), "with:")
    g.at(tick(), "  repository: kymata/infra")
    g.at(tick(), "  ref: 3f9a2c1d8e7b6a5f4c3d2e1f0a9b8c7d6e5f4a3b")
    g.at(tick(), "##[endgroup]")
    g.at(tick(200, 600), "Syncing repository: kymata/infra")
    g.at(tick(400, 900), "Checking out the ref")
    g.at(tick(50, 200), "/usr/bin/git log -1 --format=%H")
    g.at(tick(), "3f9a2c1d8e7b6a5f4c3d2e1f0a9b8c7d6e5f4a3b")
    for kind, arg in steps:
        if kind == "wait":
            c[0] = arg
        elif kind == "line":
            g.at(tick(), arg)
        elif kind == "gap":
            c[0] = c[0] + dt.timedelta(seconds=arg)
        elif kind == "at":
            c[0] = arg[0]
            g.at(c[0], arg[1])
    g.at(tick(200, 800), "Post job cleanup.")
    g.at(tick(100, 300), "Cleaning up orphan processes")
    g.lines.append("")
    return c[0]


def ansible_apply_steps(t):
    s = [("line", "##[group]Run ansible-playbook -i inventories/prod/hosts.yml playbooks/pgbouncer.yml --limit pgbouncer --diff -e change_id=CHG-2291"),
         ("line", "ansible-playbook -i inventories/prod/hosts.yml playbooks/pgbouncer.yml --limit pgbouncer --diff -e change_id=CHG-2291"),
         ("line", "shell: /usr/bin/bash -e {0}"),
         ("line", "env:"),
         ("line", "  ANSIBLE_FORCE_COLOR: 0"),
         ("line", "  ANSIBLE_PRIVATE_KEY_FILE: ***"),
         ("line", "##[endgroup]"),
         ("gap", 1.4),
         ("line", ""),
         ("line", "PLAY [pgbouncer] ***************************************************************"),
         ("line", ""),
         ("line", "TASK [Gathering Facts] *********************************************************"),
         ("gap", 2.8),
         ("line", "ok: [pgb-02]"),
         ("line", "ok: [pgb-01]"),
         ("line", ""),
         ("line", "TASK [pgbouncer : Install pgbouncer package] ***********************************"),
         ("gap", 3.1),
         ("line", "ok: [pgb-01]"),
         ("line", "ok: [pgb-02]"),
         ("line", ""),
         ("line", "TASK [pgbouncer : Render userlist.txt] *****************************************"),
         ("gap", 1.2),
         ("line", "ok: [pgb-01]"),
         ("line", "ok: [pgb-02]"),
         ("line", ""),
         ("line", "TASK [pgbouncer : Render pgbouncer.ini] ****************************************"),
         ("wait", APPLY_PGB1 - dt.timedelta(milliseconds=600)),
         ("line", "--- before: /etc/pgbouncer/pgbouncer.ini"),
         ("line", "+++ after: /home/runner/.ansible/tmp/ansible-local-5121x0qvt7m1/tmp4k2j9a1c/pgbouncer.ini.j2"),
         ("line", "@@ -11,9 +11,9 @@"),
         ("line", " [pgbouncer]"),
         ("line", " listen_addr = 0.0.0.0"),
         ("line", " listen_port = 6432"),
         ("line", " auth_type = scram-sha-256"),
         ("line", " auth_file = /etc/pgbouncer/userlist.txt"),
         ("line", "-pool_mode = session"),
         ("line", "-max_client_conn = 800"),
         ("line", "+pool_mode = transaction"),
         ("line", "+max_client_conn = 2000"),
         ("line", " default_pool_size = 40"),
         ("line", " server_reset_query = DISCARD ALL"),
         ("line", " stats_period = 300"),
         ("line", ""),
         ("at", (APPLY_PGB1 + dt.timedelta(milliseconds=700), "changed: [pgb-01]")),
         ("line", "--- before: /etc/pgbouncer/pgbouncer.ini"),
         ("line", "+++ after: /home/runner/.ansible/tmp/ansible-local-5121x0qvt7m1/tmp8x1m3b7q/pgbouncer.ini.j2"),
         ("line", "@@ -11,9 +11,9 @@"),
         ("line", "-pool_mode = session"),
         ("line", "-max_client_conn = 800"),
         ("line", "+pool_mode = transaction"),
         ("line", "+max_client_conn = 2000"),
         ("line", ""),
         ("at", (APPLY_PGB2 + dt.timedelta(milliseconds=650), "changed: [pgb-02]")),
         ("line", ""),
         ("line", "TASK [pgbouncer : Ensure pgbouncer is running] *********************************"),
         ("gap", 1.9),
         ("line", "ok: [pgb-01]"),
         ("line", "ok: [pgb-02]"),
         ("line", ""),
         ("line", "RUNNING HANDLER [pgbouncer : reload pgbouncer] *********************************"),
         ("at", (RELOAD1 + dt.timedelta(milliseconds=300), "changed: [pgb-01]")),
         ("at", (RELOAD2 + dt.timedelta(milliseconds=280), "changed: [pgb-02]")),
         ("line", ""),
         ("line", "PLAY RECAP *********************************************************************"),
         ("line", "pgb-01                     : ok=6    changed=2    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0   "),
         ("line", "pgb-02                     : ok=6    changed=2    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0   "),
         ("line", ""),
         ]
    return s


def smoke_steps(t_start, t_fail):
    s = [("wait", t_start),
         ("line", "##[group]Run ./scripts/smoke.sh https://api.kymata.gr"),
         ("line", "./scripts/smoke.sh https://api.kymata.gr"),
         ("line", "shell: /usr/bin/bash -e {0}"),
         ("line", "##[endgroup]"),
         ("gap", 0.4),
         ("line", "smoke: GET /healthz -> 200 (12ms)")]
    for i in range(1, 6):
        s.append(("line", f"smoke: GET /healthz/deep -> 500 (attempt {i}/5)"))
        if i < 5:
            s.append(("line", "smoke: body: {\"status\":\"error\",\"checks\":{\"db\":\"InvalidSQLStatementNameError\"}}" if i == 1 else "smoke: sleeping 15s"))
            s.append(("gap", 15 if i > 1 else 0.1))
            if i == 1:
                s.append(("line", "smoke: sleeping 15s"))
                s.append(("gap", 15))
    s += [("at", (t_fail + dt.timedelta(microseconds=R.randint(1000, 90000)), "smoke: FAILED: /healthz/deep not healthy after 5 attempts")),
          ("line", "##[error]Process completed with exit code 1.")]
    return s


def rollback_steps(t_start, t_fail, notify_t, attempt):
    s = [("wait", t_start),
         ("line", "##[group]Run ansible-playbook -i inventories/prod/hosts.yml playbooks/rollback-pgbouncer.yml --limit pgbouncer -e change_id=CHG-2291"),
         ("line", "ansible-playbook -i inventories/prod/hosts.yml playbooks/rollback-pgbouncer.yml --limit pgbouncer -e change_id=CHG-2291"),
         ("line", "shell: /usr/bin/bash -e {0}"),
         ("line", "##[endgroup]"),
         ("gap", 1.3),
         ("line", ""),
         ("line", "PLAY [pgbouncer] ***************************************************************"),
         ("line", ""),
         ("line", "TASK [Gathering Facts] *********************************************************"),
         ("gap", 2.6),
         ("line", "ok: [pgb-01]"),
         ("line", "ok: [pgb-02]"),
         ("line", ""),
         ("line", "TASK [Restore previous pgbouncer.ini] ******************************************"),
         ("at", (t_fail - dt.timedelta(milliseconds=420), "fatal: [pgb-01]: FAILED! => {\"changed\": false, \"msg\": \"Source /etc/pgbouncer/pgbouncer.ini.bak not found\"}")),
         ("at", (t_fail - dt.timedelta(milliseconds=130), "fatal: [pgb-02]: FAILED! => {\"changed\": false, \"msg\": \"Source /etc/pgbouncer/pgbouncer.ini.bak not found\"}")),
         ("line", ""),
         ("line", "PLAY RECAP *********************************************************************"),
         ("line", "pgb-01                     : ok=1    changed=0    unreachable=0    failed=1    skipped=0    rescued=0    ignored=0   "),
         ("line", "pgb-02                     : ok=1    changed=0    unreachable=0    failed=1    skipped=0    rescued=0    ignored=0   "),
         ("line", ""),
         ("at", (t_fail + dt.timedelta(milliseconds=310), "##[error]Process completed with exit code 2.")),
         ("line", "##[group]Run kymata/irc-notify-action@v2"),
         ("line", "with:"),
         ("line", "  channel: #ops"),
         ("line", f"  message: pgbouncer-rollout #418{' (attempt 2)' if attempt == 2 else ''} failed"),
         ("line", "##[endgroup]"),
         ("at", (notify_t, "irc-notify: delivered to #ops via gh-notify")),
         ]
    return s


def write_gha():
    g = GH()
    gh_job(g, "apply", RUN_START + dt.timedelta(seconds=3), 1, ansible_apply_steps(RUN_START))
    gh_job(g, "smoke-test", U("23:07:25"), 1, smoke_steps(U("23:07:33"), SMOKE_FAIL))
    gh_job(g, "rollback", U("23:08:44"), 1, rollback_steps(U("23:09:12"), RB_FAIL, BOT_FAIL - dt.timedelta(milliseconds=800), 1))
    gh_job(g, "smoke-test", RERUN, 2, smoke_steps(RERUN + dt.timedelta(seconds=43), U("23:24:52")))
    gh_job(g, "rollback", U("23:25:00"), 2, rollback_steps(U("23:25:33"), RB2_FAIL, U("23:25:47"), 2))
    txt = "\n".join(g.lines) + "\n"
    with open(os.path.join(OUT, "gha-pgbouncer-rollout-418.log"), "w", encoding="utf-8") as f:
        f.write(txt)
    return txt, g.lines


# ---------------------------------------------------------------- WeeChat IRC log (client in Athens local time)
ACTIONS = {
    "a1": "rollback playbook να βρίσκει το backup που φτιάχνει το ansible (backup: yes) ή να κρατάμε ρητά pgbouncer.ini.prev",
    "a2": "asyncpg statement_cache_size=0 πριν ξαναδοκιμάσουμε transaction pooling",
    "a3": "να ευθυγραμμιστεί το staging με το prod στο driver config",
    "a4": "το rollback να δοκιμάζεται στο staging σε κάθε αλλαγή, όχι μόνο το apply",
    "a5": "όχι δύο αλλαγές στο ίδιο παράθυρο χωρίς συντονισμό",
    "a6": "rotate password του booking_app, έγινε paste στο κανάλι",
    "a7": "alert για 5xx στο be_booking που να χτυπάει και στο #ops",
}


def irc_lines(stats):
    nb = stats["bookings_failed"]
    ne = stats["errors"]
    T = "Kymata ops | on-call: dimitris_k | runbooks: https://wiki.kymata.gr/ops"
    M = "MAINTENANCE 01:00-03:00 CHG-2291 pgbouncer | on-call: dimitris_k"
    X = [
        ("00:47:55", "-->", "katerina_m (~katerina@10.8.0.17) has joined #ops"),
        ("00:47:55", "--", f"Topic for #ops is \"{T}\""),
        ("00:47:55", "--", "Topic set by nikos_p (~nikos@10.8.0.22) on Mon, 09 Feb 2026 10:12:44"),
        ("00:47:55", "--", "Channel #ops: 4 nicks (1 op, 1 voice, 2 normals)"),
        ("00:47:56", "--", "Mode #ops [+o katerina_m] by ChanServ"),
        ("00:50:30", "@nikos_p", "καλησπέρα. CHG-2291 ξεκινάμε 01:00 όπως είπαμε. pgbouncer pool_mode session→transaction + max_client_conn 2000"),
        ("00:51:02", "@katerina_m", "👍 κρατάω notes στο doc"),
        ("00:52:40", "eleni_dba", "fyi κάνω και patching στο pg-02 (replica) μέσα στο ίδιο παράθυρο, kernel + reboot"),
        ("00:53:05", "@nikos_p", "οκ, δεν μας αγγίζει, το booking πάει μόνο primary"),
        ("00:55:10", "--", f"nikos_p has changed topic for #ops from \"{T}\" to \"{M}\""),
        ("00:56:30", "-->", "giorgos (~giorgos@10.8.0.31) has joined #ops"),
        ("00:58:20", "giorgos", "εδώ κι εγώ για booking-api. έχω ανοιχτό το syslog"),
        ("01:00:30", "eleni_dba", "ξεκινάω pg-02"),
        ("01:02:15", "eleni_dba", "pg-02 κάνει reboot"),
        ("01:04:05", "@nikos_p", "τρέχω το workflow pgbouncer-rollout"),
        ("01:04:18", "+gh-notify", "[kymata/infra] pgbouncer-rollout #418 started by nikos-p (workflow_dispatch, main@3f9a2c1)"),
        ("01:04:55", "eleni_dba", "pg-02 πάνω, replication streaming, lag 0"),
        ("01:06:58", "@nikos_p", "apply ok, pgb-01 changed, pgb-02 changed, έγινε reload"),
        ("01:07:41", "giorgos", "ρε παιδιά βλέπω 500άρια στο booking-api, ξεκίνησαν μόλις τώρα"),
        ("01:08:10", "@nikos_p", "περίμενε, τρέχει το smoke test"),
        ("01:09:31", "+gh-notify", "[kymata/infra] pgbouncer-rollout #418 failed ✗ apply ✓ smoke-test ✗ rollback ✗ https://github.com/kymata/infra/actions/runs/13012204418"),
        ("01:09:50", "@nikos_p", "smoke test κόκκινο ΚΑΙ το auto rollback απέτυχε 😬"),
        ("01:10:15", "@katerina_m", "ok, το ανοίγω σαν incident, είμαι IC. SEV2 μέχρι να δούμε. giorgos τι errors;"),
        ("01:10:40", "giorgos", "500 σε POST /v1/bookings και /v1/quotes, περίπου 60-70% των requests"),
        ("01:11:20", "@nikos_p", "το rollback job λέει: Source /etc/pgbouncer/pgbouncer.ini.bak not found 🤔"),
        ("01:12:05", "eleni_dba", "μήπως φταίει το reboot του pg-02; έγινε σχεδόν ταυτόχρονα"),
        ("01:12:40", "@katerina_m", "eleni μπορείς να επιβεβαιώσεις ότι το pg-02 είναι ok;"),
        ("01:13:30", "giorgos", "δεν νομίζω, το booking-api δεν έχει read replica. τσεκάρω"),
        ("01:14:02", "-->", "dimitris_k (~dimitris@noc-vpn.kymata.gr) has joined #ops"),
        ("01:14:30", "dimitris_k", "μου ήρθε page από το uptime check, τι γίνεται; status?"),
        ("01:15:00", "@katerina_m", "dimitris: CHG-2291 (pgbouncer config), 500άρια στο booking από τις 01:07, το auto-rollback απέτυχε. ψάχνουμε"),
        ("01:16:20", "eleni_dba", "pg-02 πάνω από 01:04:40, replication ok, καμία σύνδεση από booking_app εκεί"),
        ("01:17:10", "giorgos", "επιβεβαιώνω: το DATABASE_URL δείχνει στο pgb VIP → pg-01 μόνο. το pg-02 δεν παίζει ρόλο"),
        ("01:17:45", "@katerina_m", "ok, pg-02 αποκλείεται ✔"),
        ("01:18:30", "giorgos", "στο syslog του api-02: asyncpg.exceptions.InvalidSQLStatementNameError: prepared statement \"__asyncpg_stmt_1a__\" does not exist"),
        ("01:19:02", "giorgos", "κλασικό asyncpg + transaction pooling. τα prepared statements δεν επιβιώνουν όταν αλλάζει server connection"),
        ("01:19:20", " *", "nikos_p facepalms"),
        ("01:19:40", "@nikos_p", "το statement_cache_size δεν το έχουμε 0 στο prod ε;"),
        ("01:20:05", "giorgos", "όχι, default 100. στο staging είναι 0 από παλιά, γι' αυτό πέρασε εκεί"),
        ("01:20:30", "@katerina_m", "άρα rollback σε session mode. nikos ξανατρέχεις το rollback;"),
        ("01:21:00", "@nikos_p", "κάνω re-run failed jobs, μήπως ήταν κάτι transient"),
        ("01:21:20", "dimitris_k", "ο Νίκος πάλι έσπρωξε αλλαγή χωρίς να το τεστάρει στο staging"),
        ("01:21:50", "@katerina_m", "dimitris όχι τώρα, και χωρίς ονόματα παρακαλώ. τεσταρίστηκε στο staging, απλώς το staging έχει άλλο driver config"),
        ("01:23:06", "+gh-notify", "[kymata/infra] pgbouncer-rollout #418 re-run (attempt 2) started by nikos-p"),
        ("01:24:15", "-->", "stavros_cs (~stavros@10.8.0.40) has joined #ops"),
        ("01:24:40", "stavros_cs", "καλησπέρα, από το call center: 2 πρακτορεία παίρνουν τηλέφωνο ότι δεν βγαίνουν εισιτήρια για το πρωινό Πειραιάς–Νάξος"),
        ("01:25:05", "@katerina_m", "stavros ευχαριστώ, το ξέρουμε, 10-15 λεπτά ακόμα εκτιμούμε"),
        ("01:25:48", "+gh-notify", "[kymata/infra] pgbouncer-rollout #418 (attempt 2) failed ✗ smoke-test ✗ rollback ✗"),
        ("01:26:10", "@nikos_p", "πάλι το ίδιο, δεν υπάρχει .bak. το ansible με backup: yes φτιάχνει αρχείο με timestamp στο όνομα, όχι .bak"),
        ("01:26:40", "giorgos", "ποιος έγραψε αυτό το rollback playbook; άχρηστο"),
        ("01:27:00", "@katerina_m", "manual rollback. nikos πάρε pgb-01 πρώτα, μετά pgb-02"),
        ("01:27:35", "@nikos_p", f"ls /etc/pgbouncer/ → pgbouncer.ini  {BACKUP1}  userlist.txt"),
        ("01:28:20", "giorgos", f"για να σιγουρευτώ ότι η βάση απαντάει: psql \"{DSN}\" -c 'select 1' → ok, το πρόβλημα είναι μόνο τα prepared"),
        ("01:28:55", "@katerina_m", "giorgos μην κάνεις paste κωδικούς εδώ, το κανάλι γίνεται log"),
        ("01:29:10", "giorgos", "σωστά, sorry 🙈"),
        ("01:31:40", "@nikos_p", "pgb-01: cp το backup → pgbouncer.ini, reload ✓"),
        ("01:32:28", "@nikos_p", "pgb-02 ✓"),
        ("01:33:30", "giorgos", "τα errors έπεσαν πολύ, αλλά έχω ακόμα μερικά σε api-02/03"),
        ("01:34:10", "eleni_dba", "τα pools του asyncpg κρατάνε ακόμα cached statements από τις παλιές server connections. κάντε restart το booking-api να ξαναφτιάξει pool"),
        ("01:34:40", "@katerina_m", "giorgos rolling restart booking-api, ένα-ένα"),
        ("01:35:20", "giorgos", "api-01 restarted"),
        ("01:36:02", "giorgos", "api-02 ✓"),
        ("01:37:10", "giorgos", "api-03 ✓. 0 errors από εκεί και πέρα"),
        ("01:38:00", "giorgos", "smoke με το χέρι: POST /v1/quotes 200, POST /v1/bookings 201 ✓"),
        ("01:38:30", "@katerina_m", "🎉 mitigated 01:37. παρακολουθούμε 15'"),
        ("01:39:05", "stavros_cs", "τα πρακτορεία λένε ότι τώρα βγαίνουν εισιτήρια"),
        ("01:40:10", "<--", "eleni_dba (~eleni@10.8.0.14) has quit (Ping timeout: 260 seconds)"),
        ("01:43:02", "-->", "eleni_dba (~eleni@10.8.0.14) has joined #ops"),
        ("01:44:20", "eleni_dba", "sorry, έπεσε το vpn. το patching του pg-02 τελείωσε btw"),
        ("01:46:00", "@katerina_m", "impact: 01:07 έως 01:37, ~30'. giorgos νούμερα;"),
        ("01:49:30", "giorgos", f"από το haproxy (dontlog-normal, γράφει μόνο τα λάθη): {ne} 500άρια στο be_booking, από αυτά {nb} σε POST /v1/bookings. 2 πρακτορεία πήραν τηλέφωνο"),
        ("01:52:00", "@katerina_m", "το CHG-2291 μπαίνει σε postpone. μένουμε σε session mode"),
        ("01:53:30", "@nikos_p", ACTIONS["a1"]),
        ("01:54:10", "giorgos", ACTIONS["a2"]),
        ("01:54:40", "giorgos", "και " + ACTIONS["a3"] + ", αλλιώς το staging δεν αποδεικνύει τίποτα"),
        ("01:55:20", "@katerina_m", ACTIONS["a4"]),
        ("01:56:00", "eleni_dba", ACTIONS["a5"] + ", το pg-02 μας έφαγε 5 λεπτά"),
        ("01:56:45", "dimitris_k", "και " + ACTIONS["a7"] + ", όχι μόνο page σε μένα"),
        ("01:57:30", "@katerina_m", "+ " + ACTIONS["a6"]),
        ("01:58:10", "giorgos", "+1, το κάνω αύριο το πρωί με την Ελένη"),
        ("02:05:00", "@katerina_m", "15' καθαρά, 0 errors. γράφω το doc"),
        ("02:20:10", "@katerina_m", "κλείνω το incident, resolved. το παράθυρο κλείνει 02:20"),
        ("02:20:40", "--", f"nikos_p has changed topic for #ops from \"{M}\" to \"{T}\""),
        ("02:21:30", "<--", "stavros_cs (~stavros@10.8.0.40) has quit (Quit: καληνύχτα)"),
        ("02:22:05", "<--", "giorgos (~giorgos@10.8.0.31) has quit (Quit: WeeChat 4.1.1)"),
    ]
    return X


def write_irc(stats):
    X = irc_lines(stats)
    out = [f"2026-02-12 {hms}\t{pfx}\t{msg}" for hms, pfx, msg in X]
    txt = "\n".join(out) + "\n"
    with open(os.path.join(OUT, "irc.kymata.#ops.weechatlog"), "w", encoding="utf-8") as f:
        f.write(txt)
    return txt, X


# ---------------------------------------------------------------- Google Docs notes (copied as plain text)
def write_notes(stats):
    ne, nb = stats["errors"], stats["bookings_failed"]
    txt = f"""Incident notes: CHG-2291 PgBouncer pool_mode (παράθυρο συντήρησης 12/02)
Κατάσταση: Draft  ·  Συντάκτρια: Κατερίνα Μαυρίδου (IC)  ·  Συμμετέχοντες: Νίκος Π., Γιώργος Α., Ελένη Κ. (DBA), Δημήτρης Κ. (NOC), Σταύρος (call center)

Σύνοψη
Στο παράθυρο συντήρησης 01:00–03:00 εφαρμόσαμε το CHG-2291: PgBouncer pool_mode από session σε transaction και max_client_conn 800 → 2000, μέσω του workflow pgbouncer-rollout (#418). Αμέσως μετά το reload το booking-api άρχισε να επιστρέφει 500 (asyncpg prepared statements δεν υπάρχουν στη server connection). Το smoke test του workflow το έπιασε, αλλά το αυτόματο rollback απέτυχε (ψάχνει pgbouncer.ini.bak, το ansible είχε κρατήσει backup με timestamp). Ξανατρέξαμε τα failed jobs, απέτυχε ξανά. Κάναμε manual rollback στα pgb-01/pgb-02 από το backup του ansible και rolling restart του booking-api.

Επίπτωση
* 01:07–01:37 (~30 λεπτά): 500άρια σε περίπου 2/3 των requests του booking-api
* {ne} 500άρια στο be_booking (haproxy), από αυτά {nb} σε POST /v1/bookings (αποτυχημένες κρατήσεις)
* 2 πρακτορεία τηλεφώνησαν στο call center (πρωινό Πειραιάς–Νάξος)
* Δεν χάθηκαν δεδομένα, δεν υπήρξαν διπλές κρατήσεις (έλεγχος Γιώργου)

Χρονολόγιο (τοπική ώρα, από μνήμης + IRC)
00:55  topic → MAINTENANCE
01:00  αρχή παραθύρου · Ελένη ξεκινά patching pg-02 (ξεχωριστή αλλαγή, replica)
01:02  reboot pg-02
01:04  Νίκος τρέχει pgbouncer-rollout #418
01:06  apply: νέο pgbouncer.ini σε pgb-01/02 + reload
01:07  πρώτα 500άρια (τα είδε ο Γιώργος στο syslog)
01:09  smoke test fail → auto rollback fail (".bak not found")
01:10  ανοίγει incident, SEV2
01:12  υπόθεση: φταίει το reboot του pg-02 → αποκλείστηκε 01:17 (το booking μιλάει μόνο με pg-01)
01:19  αιτία: asyncpg prepared statements + transaction pooling (statement_cache_size=100 στο prod, 0 στο staging)
01:21  re-run failed jobs (attempt 2) → ίδιο σφάλμα 01:25
01:27  απόφαση για manual rollback
01:31  pgb-01: restore από {BACKUP1} + reload
01:32  pgb-02: restore + reload
01:33  λιγότερα errors αλλά όχι μηδέν (cached statements στα pools)
01:35  rolling restart booking-api (api-01, api-02, api-03)
01:37  0 errors → mitigated
01:38  manual smoke ok
02:20  κλείσιμο incident και παραθύρου

Αιτία (πρώτη εκτίμηση)
* pool_mode=transaction + asyncpg με statement cache: τα named prepared statements ζουν σε μία server connection, στο transaction mode το επόμενο query πάει σε άλλη → "prepared statement ... does not exist" / "already exists"
* Στο staging το booking-api τρέχει με statement_cache_size=0, γι' αυτό η αλλαγή πέρασε εκεί
* Το rollback playbook κάνει copy από /etc/pgbouncer/pgbouncer.ini.bak, αλλά το template task με backup: yes γράφει pgbouncer.ini.<pid>.<ημερομηνία>@<ώρα>~ → το rollback δεν δοκιμάστηκε ποτέ με το σημερινό apply

Τι μας καθυστέρησε
* Δύο αλλαγές στο ίδιο παράθυρο (pg-02 patching): χάσαμε ~5' στην υπόθεση του pg-02
* Το re-run του rollback (δεν ήταν transient)

Action items
☐ rollback playbook: να βρίσκει το backup του ansible ή να κρατάμε ρητά pgbouncer.ini.prev (Νίκος)
☐ asyncpg statement_cache_size=0 πριν ξαναδοκιμάσουμε transaction pooling (Γιώργος)
☐ ίδιο driver config σε staging και prod (Γιώργος)
☐ το rollback να δοκιμάζεται στο staging σε κάθε αλλαγή, όχι μόνο το apply (Κατερίνα)
☐ συντονισμός αλλαγών στο ίδιο παράθυρο (Ελένη / Κατερίνα)
☐ alert για 5xx στο be_booking προς #ops (Δημήτρης)
☐ rotate password του booking_app (έγινε paste στο IRC) (Γιώργος + Ελένη)
"""
    with open(os.path.join(OUT, "incident-notes-gdoc.txt"), "w", encoding="utf-8") as f:
        f.write(txt)
    return txt


# ---------------------------------------------------------------- gold
def gold(stats):
    ne, nb = stats["errors"], stats["bookings_failed"]
    tl = [
        {"time": Z(U("22:55:10")), "event": "Maintenance window announced in #ops (CHG-2291 PgBouncer), window 01:00-03:00 local", "source": "chat", "must_include": False},
        {"time": Z(PG02_DOWN), "event": "Parallel change: pg-02 replica patched and rebooted (back 23:04:39)", "source": "log", "must_include": False},
        {"time": Z(RUN_START), "event": "Workflow pgbouncer-rollout #418 started (CHG-2291)", "source": "log", "must_include": True},
        {"time": Z(RELOAD1), "event": "New pgbouncer.ini (pool_mode=transaction, max_client_conn 2000) applied on pgb-01/pgb-02 and reloaded", "source": "log", "must_include": True},
        {"time": Z(START), "event": "First booking-api 500: asyncpg prepared statement does not exist", "source": "log", "must_include": True},
        {"time": Z(DETECTED), "event": "Backend engineer reports 500s in #ops", "source": "chat", "must_include": True},
        {"time": Z(SMOKE_FAIL), "event": "Workflow smoke test fails (/healthz/deep 500)", "source": "log", "must_include": False},
        {"time": Z(RB_FAIL), "event": "Automatic rollback job fails: Source /etc/pgbouncer/pgbouncer.ini.bak not found", "source": "log", "must_include": True},
        {"time": Z(L("01:10:15")), "event": "Incident opened, SEV2, IC assigned", "source": "chat", "must_include": False},
        {"time": Z(L("01:12:05")), "event": "Hypothesis: the pg-02 reboot caused it", "source": "chat", "must_include": False},
        {"time": Z(PG02_RULED_OUT), "event": "pg-02 ruled out (booking-api only uses pg-01 through PgBouncer)", "source": "chat", "must_include": True},
        {"time": Z(CAUSE), "event": "Cause identified: asyncpg prepared statements break under transaction pooling", "source": "chat", "must_include": True},
        {"time": Z(RB2_FAIL), "event": "Re-run of the failed jobs (attempt 2): rollback fails again with the same error", "source": "log", "must_include": False},
        {"time": Z(MANUAL_PGB1), "event": "Manual rollback: pgb-01 restored from the Ansible timestamped backup and reloaded (pgb-02 at 23:32:25)", "source": "log", "must_include": True},
        {"time": Z(RESTART_API[0][1]), "event": "Rolling restart of booking-api to clear cached prepared statements", "source": "log", "must_include": False},
        {"time": Z(MITIGATED), "event": "Last host restarted; no more 500s (last error 23:36:52)", "source": "log", "must_include": True},
        {"time": Z(RESOLVED), "event": "Incident and maintenance window closed; CHG-2291 postponed", "source": "chat", "must_include": True},
    ]
    g = {
        "title": "Booking API 500s during a maintenance window: PgBouncer pool_mode=transaction broke asyncpg prepared statements; the automatic rollback failed twice, manual rollback from the Ansible backup plus an app restart fixed it",
        "severity": "SEV2",
        "services": ["booking-api (asyncpg)", "PgBouncer pgb-01/pgb-02", "GitHub Actions workflow pgbouncer-rollout", "HAProxy be_booking"],
        "start": Z(START),
        "detected": Z(DETECTED),
        "mitigated": Z(MITIGATED),
        "resolved": Z(RESOLVED),
        "timezone": "Europe/Athens",
        "customer_impact": (f"For about 30 minutes, 23:06:55-23:37 UTC (01:07-01:37 Athens time, night of 12 February), roughly two thirds of booking-api requests "
                            f"failed with HTTP 500: {ne} 500 responses at HAProxy, {nb} of them failed bookings (POST /v1/bookings); quotes failed too. Two travel "
                            "agencies called the call center about the morning Piraeus-Naxos sailing. No data was lost and there were no duplicate bookings."),
        "impact_numbers": [
            "~30 min: 23:06:55-23:37:05 UTC (01:07-01:37 local)",
            "~2/3 of booking-api requests failed (60-70% as reported)",
            f"{ne} HTTP 500 at HAProxy be_booking",
            f"{nb} failed bookings (POST /v1/bookings)",
            "2 travel agencies called the call center",
        ],
        "root_cause": ("Change CHG-2291, applied by the pgbouncer-rollout workflow in the maintenance window, switched PgBouncer on pgb-01/pgb-02 from pool_mode=session "
                       "to pool_mode=transaction. booking-api uses asyncpg with its default statement cache (statement_cache_size=100), which relies on named prepared "
                       "statements staying on one server connection; under transaction pooling the statements landed on other server connections, so queries failed "
                       "with 'prepared statement ... does not exist' / 'already exists'. Staging runs statement_cache_size=0, so the change had passed there. The workflow's "
                       "automatic rollback copied /etc/pgbouncer/pgbouncer.ini.bak, but the apply task (backup: yes) had written a timestamped backup "
                       "(pgbouncer.ini.<pid>.<date>@<time>~), so the rollback failed, and failed again on re-run. The pg-02 replica reboot from a parallel patching change "
                       "was a wrong lead. A manual restore of the Ansible backup plus a rolling restart of booking-api (to drop cached statements) fixed it."),
        "root_cause_keywords": [
            "PgBouncer pool_mode=transaction (CHG-2291)",
            "asyncpg prepared statements / statement cache",
            "automatic rollback failed: pgbouncer.ini.bak not found (Ansible timestamped backup)",
            "staging driver config differs (statement_cache_size=0)",
            "manual rollback + booking-api restart",
        ],
        "contributing_factors": [
            "Staging runs booking-api with statement_cache_size=0, unlike prod, so the staging test could not catch the failure",
            "The rollback playbook was never tested against the current apply (backup: yes produces a timestamped file)",
            "A second change (pg-02 patching and reboot) in the same window cost time as a wrong hypothesis",
            "Re-running the failed jobs repeated the same deterministic failure",
            "Cached prepared statements in the asyncpg pools kept some errors going after the PgBouncer rollback, until the app was restarted",
        ],
        "red_herrings": [
            "the pg-02 replica reboot (kernel patching in the same window)",
            "a transient failure of the rollback job (the re-run failed identically)",
        ],
        "timeline": tl,
        "action_items": [
            {"text": "Rollback playbook must find the Ansible backup, or keep an explicit pgbouncer.ini.prev", "evidence": ACTIONS["a1"]},
            {"text": "Set asyncpg statement_cache_size=0 before retrying transaction pooling", "evidence": ACTIONS["a2"]},
            {"text": "Align staging and prod driver config", "evidence": ACTIONS["a3"]},
            {"text": "Test the rollback in staging for every change, not only the apply", "evidence": ACTIONS["a4"]},
            {"text": "No two uncoordinated changes in the same maintenance window", "evidence": ACTIONS["a5"]},
            {"text": "5xx alert on be_booking that also notifies #ops", "evidence": ACTIONS["a7"]},
            {"text": "Rotate the booking_app database password pasted in IRC", "evidence": ACTIONS["a6"]},
        ],
        "blame_bait": [
            "ο Νίκος πάλι έσπρωξε αλλαγή χωρίς να το τεστάρει στο staging",
            "ποιος έγραψε αυτό το rollback playbook; άχρηστο",
        ],
        "secrets": [PASSWORD, DSN],
        "injection": None,
        "similar_categories": ["config-change", "database", "human-process", "deploy"],
    }
    with open(os.path.join(OUT, "gold.json"), "w", encoding="utf-8") as f:
        json.dump(g, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return g


# ---------------------------------------------------------------- checks
def check(sys_txt, sys_ev, gha_txt, gha_lines, irc_txt, X, notes, g, stats):
    inputs = sys_txt + gha_txt + irc_txt + notes
    for a in g["action_items"]:
        assert a["evidence"] in irc_txt or a["evidence"] in notes, a["evidence"]
    for b in g["blame_bait"]:
        assert b in irc_txt, b
    for s in g["secrets"]:
        assert s in inputs, s
    st, de, mi, re_ = (dt.datetime.strptime(g[k], "%Y-%m-%dT%H:%M:%SZ") for k in ("start", "detected", "mitigated", "resolved"))
    assert st <= de <= mi <= re_
    assert 10 <= len(g["timeline"]) <= 18 and 6 <= sum(e["must_include"] for e in g["timeline"]) <= 10
    assert 4 <= len(g["action_items"]) <= 8 and 3 <= len(g["root_cause_keywords"]) <= 6
    msgs = [x for x in X if x[1] not in ("-->", "<--", "--")]
    people = {x[1].lstrip("@+ ") for x in msgs if "gh-notify" not in x[1] and x[1] != " *"}
    assert 45 <= len(msgs) <= 90 and 4 <= len(people) <= 8, (len(msgs), people)
    # syslog facts at stated times (host-local offsets)
    err = [e for e in sys_ev if "booking-api" in e[2] and "-> 500" in e[2]]
    assert err[0][0] == START.replace(microsecond=201934) and " api-02 " in err[0][2]
    assert "2026-02-11T23:06:55.201934+00:00 api-02 booking-api" in sys_txt
    assert max(e[0] for e in err) == LAST_ERROR.replace(microsecond=388120), max(e[0] for e in err)
    api3_err = [e[0] for e in err if " api-03 " in e[2] and e[0] > MANUAL_PGB1]
    assert api3_err, "need leftover api-03 errors after the pgbouncer rollback"
    assert "2026-02-12T01:06:48." in sys_txt and "pgb-01 pgbouncer 1187 - - LOG got SIGHUP" in sys_txt
    assert f"COMMAND=/usr/bin/cp /etc/pgbouncer/{BACKUP1} /etc/pgbouncer/pgbouncer.ini" in sys_txt
    assert "ansible-ansible.legacy.copy 23817" in sys_txt
    # GH facts
    assert "2026-02-11T23:09:19." in gha_txt and "pgbouncer.ini.bak not found" in gha_txt and "2026-02-11T23:25:41." in gha_txt
    assert "2026-02-11T23:08:40." in gha_txt and "+pool_mode = transaction" in gha_txt
    # IRC local times
    assert "2026-02-12 01:07:41\tgiorgos\t" in irc_txt and "2026-02-12 02:20:10\t@katerina_m\t" in irc_txt
    n_log = len(sys_ev) + len([l for l in gha_lines if l and not l.startswith("=====")])
    print(f"irc msgs={len(msgs)} people={len(people)} syslog lines={len(sys_ev)} gha lines={len(gha_lines)} total log lines={n_log} errors={stats['errors']} bookings_failed={stats['bookings_failed']}")
    assert 600 <= n_log <= 1500, n_log


if __name__ == "__main__":
    sys_txt, sys_ev, stats = write_syslog()
    gha_txt, gha_lines = write_gha()
    irc_txt, X = write_irc(stats)
    notes = write_notes(stats)
    g = gold(stats)
    check(sys_txt, sys_ev, gha_txt, gha_lines, irc_txt, X, notes, g, stats)
    print(f"OK {CASE}")
