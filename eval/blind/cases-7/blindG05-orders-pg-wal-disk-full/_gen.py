#!/usr/bin/env python3
"""blindG05 generator: Teams Graph export, RFC5424 syslog, Alertmanager webhooks; then checks gold.json.

Times in the scenario tables are Moscow time (UTC+3, no DST). Seeded and reproducible.
"""
import hashlib, json, os, random, sys
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
MSK = timezone(timedelta(hours=3))
UTC = timezone.utc
rnd = random.Random(1015)


def M(d, h, m, s=0, ms=0):
    return datetime(2026, 10, d, h, m, s, ms * 1000, tzinfo=MSK)


# ---------------------------------------------------------------- disk simulation
VOL1 = 500.0        # GB, original volume
PAUSE = M(13, 16, 38, 20)
CRASH1 = M(15, 22, 7, 41, 512)
CLEAN = M(15, 22, 21, 30)       # ~13.1 GB freed
PG_UP1 = M(15, 22, 26, 10)
CRASH2 = M(15, 22, 58, 12, 90)
EXTEND = M(15, 23, 41, 4)
PG_UP2 = M(15, 23, 45, 40)
DROP = M(16, 9, 43, 5)
CKPT = M(16, 9, 47, 31)
F = 0.8281


def wal_rate(t):
    """GB/min of WAL written (and, while the slot is stuck, retained)."""
    h = t.hour + t.minute / 60
    r = 0.05 if (h < 7 or h >= 23.5) else (0.22 if 18 <= h < 22 else 0.13)
    if h >= 22 or h < 0.67:
        r += 0.36   # nightly price-sync 22:00-00:40
    return r * F


def pg_running(t):
    return not (CRASH1 <= t < PG_UP1 or CRASH2 <= t < PG_UP2)


DISK = {}


def simulate():
    used = 62.0
    size = VOL1
    t = M(13, 16, 38)
    while t < M(16, 11, 0):
        if pg_running(t) and t < DROP:
            used += wal_rate(t)
        elif pg_running(t):
            used += 0.002
        if t <= CLEAN < t + timedelta(minutes=1):
            used -= 13.1
        if t <= EXTEND < t + timedelta(minutes=1):
            size = 1000.0
        if t <= CKPT < t + timedelta(minutes=1):
            used = 69.8
        used = min(used, size)
        DISK[t] = (used, size)
        t += timedelta(minutes=1)


def disk(t):
    t0 = t.replace(second=0, microsecond=0)
    if t0 < M(13, 16, 38):
        return 61.5 + rnd.uniform(-0.2, 0.2), VOL1
    return DISK[t0]


simulate()

# ---------------------------------------------------------------- syslog RFC5424
LOG = []


def sl(t, pri, host, app, pid, msgid, sd, msg, off="Z"):
    if off == "Z":
        ts = t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
    else:
        ts = t.astimezone(MSK).strftime("%Y-%m-%dT%H:%M:%S.") + "%03d+03:00" % (t.microsecond // 1000)
    LOG.append((t, "<%d>1 %s %s %s %s %s %s %s" % (pri, ts, host, app, pid, msgid, sd, msg)))


PGPID = [3121]
lsn = [0x39 * 2**32 + 0x10000000]


def lsn_s(x):
    return "%X/%08X" % (x >> 32, x & 0xFFFFFFFF)


def pglog(t, level, msg, sqlstate="00000"):
    pri = {"LOG": 134, "WARNING": 132, "ERROR": 131, "FATAL": 130, "PANIC": 130}[level]
    sl(t, pri, "pg-orders-01", "postgres", PGPID[0], "-", '[pg@47450 level="%s" sqlstate="%s"]' % (level, sqlstate), msg)


# kafka-connect pause on Tuesday (the hidden cause) + some connect noise
sl(M(13, 16, 20, 2, 11), 134, "kafka-connect-01", "connect", 1822, "herder", '[connect@47450 worker="connect-01:8083"]', "Kafka Connect cluster migration: starting drain of connectors to connect-v2 cluster")
sl(M(13, 16, 38, 20, 440), 134, "kafka-connect-01", "connect", 1822, "herder", '[connect@47450 worker="connect-01:8083" connector="orders-cdc"]', "Connector orders-cdc target state changed to PAUSED (requested via REST by i.orlov)")
sl(M(13, 16, 38, 21, 17), 134, "kafka-connect-01", "connect", 1822, "task", '[connect@47450 connector="orders-cdc" task="0"]', "WorkerSourceTask{id=orders-cdc-0} Paused; replication slot debezium_orders left in place (slot.drop.on.stop=false)")
pglog(M(13, 16, 38, 21, 300), "LOG", "disconnection: session time: 312:44:09.118 user=debezium database=orders host=10.12.7.33 port=51544")
sl(M(13, 16, 51, 9, 5), 134, "kafka-connect-02", "connect", 2210, "task", '[connect@47450 connector="orders-cdc-v2" task="0"]', "Created replication slot debezium_orders_v2 with plugin pgoutput; snapshot mode=never, starting streaming")
pglog(M(13, 16, 51, 9, 80), "LOG", "logical decoding found consistent point at 39/1E2A10C8")
for d in (14, 15):
    sl(M(d, 9, 0, 3), 134, "kafka-connect-02", "connect", 2210, "task", '[connect@47450 connector="orders-cdc-v2" task="0"]', "orders-cdc-v2 lag 0 records, status RUNNING")

# postgres checkpoints every 15 min, from Tue 16:00 MSK to Fri 11:00
t = M(13, 16, 2, 11)
while t < M(16, 11, 0):
    if pg_running(t) and pg_running(t - timedelta(minutes=5)) and not (CRASH1 - timedelta(minutes=6) < t < CRASH1) and not (CRASH2 - timedelta(minutes=6) < t < CRASH2):
        r = wal_rate(t) if t < DROP else 0.01
        dist = int(r * 15 * 1024 * 1024)
        lsn[0] += dist * 1024
        nfiles = max(1, dist // 16384)
        if t < PAUSE:
            added, removed, recycled = 0, nfiles // 2, nfiles - nfiles // 2
        elif t < DROP:
            added, removed, recycled = nfiles, 0, 0
        elif t.minute == CKPT.minute and t.hour == CKPT.hour:
            added, removed, recycled = 0, 30712, 4
        else:
            added, removed, recycled = 0, nfiles // 2, nfiles - nfiles // 2
        tt = t + timedelta(seconds=rnd.uniform(0, 2))
        pglog(tt, "LOG", "checkpoint starting: time")
        wt = rnd.uniform(240, 270)
        pglog(tt + timedelta(seconds=wt + 0.6), "LOG",
              "checkpoint complete: wrote %d buffers (%.1f%%); %d WAL file(s) added, %d removed, %d recycled; write=%.3f s, sync=%.3f s, total=%.3f s; sync files=%d, longest=%.3f s, average=0.002 s; distance=%d kB, estimate=%d kB; lsn=%s, redo lsn=%s"
              % (rnd.randint(4000, 26000), rnd.uniform(3, 20), added, removed, recycled, wt, rnd.uniform(0.1, 0.6), wt + 0.6,
                 rnd.randint(120, 420), rnd.uniform(0.01, 0.06), dist, int(dist * rnd.uniform(1.0, 1.1)), lsn_s(lsn[0]), lsn_s(lsn[0] - 2**20)))
    t += timedelta(minutes=15)

# extra explicit checkpoint after slot drop
pglog(CKPT - timedelta(seconds=4, milliseconds=200), "LOG", "checkpoint starting: immediate force wait")
pglog(M(16, 9, 43, 5, 12), "LOG", "statement: SELECT pg_drop_replication_slot('debezium_orders');")
pglog(CKPT, "LOG", "checkpoint complete: wrote 1203 buffers (0.9%); 0 WAL file(s) added, 30712 removed, 4 recycled; write=3.611 s, sync=0.221 s, total=4.180 s; sync files=88, longest=0.019 s, average=0.002 s; distance=28811 kB, estimate=1190244 kB")
pglog(M(16, 10, 5, 2, 300), "LOG", "received SIGHUP, reloading configuration files")
pglog(M(16, 10, 5, 2, 310), "LOG", "parameter \"max_slot_wal_keep_size\" changed to \"64GB\"")

# disk watcher: every 30 min normally, every minute 21:30-00:00 and 09:10-10:10 Friday
t = M(13, 16, 0)
while t < M(16, 11, 0):
    dense = (M(15, 21, 30) <= t < M(16, 0, 0)) or (M(16, 9, 10) <= t < M(16, 10, 10))
    step = 1 if dense else 30
    used, size = disk(t)
    pct = 100.0 * used / size
    sev = 134 if pct < 85 else (132 if pct < 99.9 else 130)
    sl(t + timedelta(seconds=rnd.randint(0, 3), milliseconds=rnd.randint(0, 999)), sev, "pg-orders-01", "diskwatch", 902, "usage",
       '[disk@47450 mount="/var/lib/postgresql" dev="/dev/mapper/vgdata-pgdata" size_gb="%.0f" used_pct="%.1f" avail_gb="%.1f"]' % (size, pct, max(0.0, size - used)),
       "filesystem usage sample")
    t += timedelta(minutes=step)

# crash 1 and 2
for crash, up, restart_at in ((CRASH1, PG_UP1, M(15, 22, 24, 31)), (CRASH2, PG_UP2, M(15, 23, 43, 55))):
    pid = PGPID[0]
    pglog(crash - timedelta(seconds=3, milliseconds=30), "ERROR", "could not extend file \"base/16402/2290117\": No space left on device", "53100")
    pglog(crash, "PANIC", "could not write to file \"pg_wal/xlogtemp.%d\": No space left on device" % (pid + rnd.randint(1, 900)), "53100")
    pglog(crash + timedelta(milliseconds=600), "LOG", "WAL writer process (PID %d) was terminated by signal 6: Aborted" % (pid + 7))
    pglog(crash + timedelta(milliseconds=610), "LOG", "terminating any other active server processes")
    pglog(crash + timedelta(seconds=1, milliseconds=90), "LOG", "all server processes terminated; reinitializing")
    pglog(crash + timedelta(seconds=1, milliseconds=400), "FATAL", "could not write to file \"pg_wal/xlogtemp.%d\": No space left on device" % (pid + 2), "53100")
    pglog(crash + timedelta(seconds=1, milliseconds=420), "LOG", "startup process (PID %d) exited with exit code 1" % (pid + 2))
    pglog(crash + timedelta(seconds=1, milliseconds=430), "LOG", "aborting startup due to startup process failure")
    pglog(crash + timedelta(seconds=1, milliseconds=500), "LOG", "database system is shut down")
    sl(crash + timedelta(seconds=2), 131, "pg-orders-01", "systemd", 1, "-", "-", "postgresql@16-main.service: Failed with result 'protocol'.")
    PGPID[0] = pid + 1100 + rnd.randint(0, 300)
    pglog(restart_at, "LOG", "starting PostgreSQL 16.4 (Ubuntu 16.4-1.pgdg22.04+1) on x86_64-pc-linux-gnu, compiled by gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, 64-bit")
    pglog(restart_at + timedelta(milliseconds=400), "LOG", "database system was interrupted; last known up at %s" % (crash - timedelta(minutes=3)).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC"))
    pglog(restart_at + timedelta(seconds=1), "LOG", "database system was not properly shut down; automatic recovery in progress")
    pglog(restart_at + timedelta(seconds=1, milliseconds=200), "LOG", "redo starts at %s" % lsn_s(lsn[0] - 2**28))
    pglog(up - timedelta(seconds=3), "LOG", "redo done at %s system usage: CPU: user: 41.20 s, system: 12.88 s, elapsed: %.2f s" % (lsn_s(lsn[0]), (up - restart_at).total_seconds() - 4))
    pglog(up, "LOG", "database system is ready to accept connections")

# cleanup and volume extend (shell audit via sudo)
sl(CLEAN - timedelta(seconds=40), 85, "pg-orders-01", "sudo", 44120, "-", "-", "a.volkov : TTY=pts/1 ; PWD=/home/a.volkov ; USER=root ; COMMAND=/usr/bin/find /var/log/postgresql -name *.gz -mtime +3 -delete")
sl(CLEAN, 85, "pg-orders-01", "sudo", 44188, "-", "-", "a.volkov : TTY=pts/1 ; PWD=/home/a.volkov ; USER=root ; COMMAND=/usr/bin/rm -rf /var/lib/postgresql/wal_archive_tmp")
sl(M(15, 22, 24, 29), 85, "pg-orders-01", "sudo", 44201, "-", "-", "a.volkov : TTY=pts/1 ; PWD=/home/a.volkov ; USER=root ; COMMAND=/usr/bin/systemctl start postgresql@16-main")
sl(M(15, 23, 29, 50), 134, "pg-orders-01", "kernel", "-", "-", "-", "virtio_blk virtio3: [vdc] 1048576000 512-byte logical blocks (537 GB/500 GiB)")
sl(M(15, 23, 33, 12), 85, "pg-orders-01", "sudo", 45002, "-", "-", "a.volkov : TTY=pts/1 ; PWD=/home/a.volkov ; USER=root ; COMMAND=/usr/sbin/vgextend vgdata /dev/vdc")
sl(M(15, 23, 34, 40), 85, "pg-orders-01", "sudo", 45011, "-", "-", "a.volkov : TTY=pts/1 ; PWD=/home/a.volkov ; USER=root ; COMMAND=/usr/sbin/lvextend -l +100%FREE /dev/vgdata/pgdata")
sl(M(15, 23, 35, 2), 85, "pg-orders-01", "sudo", 45019, "-", "-", "a.volkov : TTY=pts/1 ; PWD=/home/a.volkov ; USER=root ; COMMAND=/usr/sbin/resize2fs /dev/vgdata/pgdata")
sl(EXTEND, 134, "pg-orders-01", "kernel", "-", "-", "-", "EXT4-fs (dm-2): resized filesystem to 262144000")
sl(M(15, 23, 43, 53), 85, "pg-orders-01", "sudo", 45102, "-", "-", "a.volkov : TTY=pts/1 ; PWD=/home/a.volkov ; USER=root ; COMMAND=/usr/bin/systemctl start postgresql@16-main")

# pgbackrest (red herring) and price-sync (accelerant)
for d in (13, 14, 15):
    sl(M(d, 22, 0, 1, 200), 134, "backup-01", "pgbackrest", 7711, "backup", '[pgbr@47450 stanza="orders" type="%s" repo="s3"]' % ("full" if d == 15 else "incr"), "backup command begin 2.53: --stanza=orders --repo1-type=s3 --spool-path=/var/spool/pgbackrest")
    if d != 15:
        sl(M(d, 22, 41, 17, 500), 134, "backup-01", "pgbackrest", 7711, "backup", '[pgbr@47450 stanza="orders" result="ok"]', "backup command end: completed successfully (2476s)")
    sl(M(d, 22, 0, 0, 30), 134, "jobs-01", "price-sync", 5120 + d, "start", '[job@47450 name="seller-price-sync" batch="nightly"]', "starting nightly price sync: 4.1M offers to update")
    if d != 15:
        sl(M(d + 1, 0, 39, 40, 10), 134, "jobs-01", "price-sync", 5120 + d, "done", '[job@47450 name="seller-price-sync" batch="nightly"]', "price sync finished: updated=4102877 failed=0")
sl(M(15, 22, 7, 44, 0), 131, "backup-01", "pgbackrest", 7711, "backup", '[pgbr@47450 stanza="orders" result="error" code="57"]', "ERROR: [057]: unable to connect to primary: connection refused")
sl(M(15, 22, 7, 44, 80), 131, "jobs-01", "price-sync", 5135, "retry", '[job@47450 name="seller-price-sync"]', "db error: FATAL: the database system is in recovery mode; retrying batch in 60s")
sl(M(15, 22, 58, 15, 10), 131, "jobs-01", "price-sync", 5135, "retry", '[job@47450 name="seller-price-sync"]', "db error: connection refused; retrying batch in 60s")
sl(M(16, 0, 41, 2, 0), 134, "jobs-01", "price-sync", 5135, "done", '[job@47450 name="seller-price-sync" batch="nightly"]', "price sync finished: updated=4102877 failed=0 retried_batches=73")

# archiver (red herring: fine)
t = M(15, 21, 0, 20)
while t < M(15, 23, 59):
    if pg_running(t):
        seg = rnd.randint(0x3A00, 0x3E00)
        pglog(t, "LOG", "archived write-ahead log file \"00000001%08X%08X\"" % (seg >> 8, (seg & 0xFF) << 24 >> 24))
    t += timedelta(seconds=rnd.randint(240, 420))

# orders-api, offsets +03:00, sampled request logs
t = M(15, 21, 0)
while t < M(16, 0, 30):
    for host in ("orders-api-1", "orders-api-2", "orders-api-3"):
        db_down = not pg_running(t - timedelta(seconds=5))
        n = rnd.randint(1, 2)
        for _ in range(n):
            tt = t + timedelta(seconds=rnd.uniform(0, 59))
            path = rnd.choice(["/v1/checkout", "/v1/cart", "/v1/orders", "/v1/checkout", "/v1/orders/status"])
            if db_down and path != "/v1/orders/status":
                sl(tt, 131, host, "orders-api", 1, "http", '[req@47450 method="POST" path="%s" status="503" dur_ms="%d"]' % (path, rnd.randint(3, 40)),
                   "upstream db unavailable: %s" % rnd.choice(["FATAL: the database system is in recovery mode", "dial tcp 10.12.4.21:5432: connect: connection refused", "FATAL: the database system is shutting down"]), off="+03")
            else:
                sl(tt, 134, host, "orders-api", 1, "http", '[req@47450 method="%s" path="%s" status="%s" dur_ms="%d"]' % ("POST" if "checkout" in path else "GET", path, "200" if rnd.random() > 0.01 else "404", rnd.randint(18, 140)), "ok", off="+03")
    t += timedelta(minutes=1 if (M(15, 22, 0) <= t < M(15, 23, 50)) else 4)

# unrelated noise
for i in range(60):
    tt = M(13, 17, 0) + timedelta(minutes=rnd.randint(0, 60 * 64))
    sl(tt, 134, rnd.choice(["search-01", "search-02"]), "opensearch", 4410, "gc", '[jvm@47450 pool="young"]', "[gc][%d] overhead, spent [%dms] collecting in the last [1s]" % (rnd.randint(10000, 99999), rnd.randint(250, 700)))
for i in range(25):
    tt = M(13, 17, 0) + timedelta(minutes=rnd.randint(0, 60 * 64))
    sl(tt, 132, "pg-orders-02", "postgres", 2201, "-", '[pg@47450 level="LOG" sqlstate="00000"]', "restartpoint complete: wrote %d buffers; %d WAL file(s) added, %d removed, %d recycled" % (rnd.randint(1000, 9000), 0, rnd.randint(20, 60), rnd.randint(20, 60)))

LOG.sort(key=lambda x: x[0])
with open(os.path.join(HERE, "syslog_rfc5424.log"), "w") as f:
    for _, l in LOG:
        f.write(l + "\n")

# ---------------------------------------------------------------- Alertmanager webhooks
EXT = "https://alertmanager.volna.internal"


def iso(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def fp(s):
    return hashlib.sha1(s.encode()).hexdigest()[:16]


def alert(name, sev, labels, ann, starts, ends=None, expr=""):
    lab = {"alertname": name, "severity": sev, **labels}
    return {"status": "resolved" if ends else "firing", "labels": lab, "annotations": ann, "startsAt": iso(starts),
            "endsAt": iso(ends) if ends else "0001-01-01T00:00:00Z",
            "generatorURL": "https://prometheus.volna.internal/graph?g0.expr=" + expr + "&g0.tab=1", "fingerprint": fp(json.dumps(lab, sort_keys=True))}


def group(receiver, alerts, group_labels):
    common = {k: v for k, v in alerts[0]["labels"].items() if all(a["labels"].get(k) == v for a in alerts)}
    ca = {k: v for k, v in alerts[0]["annotations"].items() if all(a["annotations"].get(k) == v for a in alerts)}
    st = "firing" if any(a["status"] == "firing" for a in alerts) else "resolved"
    return {"receiver": receiver, "status": st, "alerts": alerts, "groupLabels": group_labels, "commonLabels": common, "commonAnnotations": ca,
            "externalURL": EXT, "version": "4", "groupKey": "{}:{%s}" % ", ".join('%s="%s"' % kv for kv in group_labels.items()), "truncatedAlerts": 0}


fs_lab = {"instance": "pg-orders-01:9100", "job": "node", "mountpoint": "/var/lib/postgresql", "device": "/dev/mapper/vgdata-pgdata", "fstype": "ext4", "team": "sre"}
EXPR_FS = "node_filesystem_avail_bytes%7Bmountpoint%3D%22%2Fvar%2Flib%2Fpostgresql%22%7D+%2F+node_filesystem_size_bytes+%3C+"


def cross(pct):
    for t in sorted(DISK):
        u, s = DISK[t]
        if 100 * u / s >= pct:
            return t
    raise SystemExit("never crosses %s" % pct)


c85 = cross(85.0)
c95 = cross(95.0)
A85s = c85 + timedelta(minutes=15)
A95s = c95 + timedelta(minutes=15)
fs15 = alert("NodeFilesystemAlmostFull", "warning", {**fs_lab, "threshold": "15"}, {"summary": "Filesystem /var/lib/postgresql on pg-orders-01 has less than 15% space left", "description": "Filesystem has 14.6% available space left.", "runbook_url": "https://wiki.volna.internal/runbooks/node-disk"}, A85s, None, EXPR_FS + "0.15")
fs05 = alert("NodeFilesystemAlmostFull", "warning", {**fs_lab, "threshold": "5"}, {"summary": "Filesystem /var/lib/postgresql on pg-orders-01 has less than 5% space left", "description": "Filesystem has 4.8% available space left.", "runbook_url": "https://wiki.volna.internal/runbooks/node-disk"}, A95s, None, EXPR_FS + "0.05")
pgdown_lab = {"instance": "pg-orders-01:9187", "job": "postgres", "cluster": "orders", "team": "sre"}
api_lab = {"service": "orders-api", "team": "checkout"}
P1 = M(15, 22, 9, 30)
P2 = M(15, 23, 0, 30)


def pgdown(s, e=None):
    return alert("PostgresDown", "critical", pgdown_lab, {"summary": "PostgreSQL orders on pg-orders-01 is down", "description": "pg_up == 0 for 2m"}, s, e, "pg_up%7Bcluster%3D%22orders%22%7D+%3D%3D+0")


def apierr(s, e=None, v="41.7"):
    return alert("OrdersApiHighErrorRate", "critical", api_lab, {"summary": "orders-api 5xx ratio above 5%", "description": "5xx ratio is %s%% over 2m" % v}, s, e, "sum%28rate%28http_requests_total%7Bservice%3D%22orders-api%22%2Ccode%3D~%225..%22%7D%5B2m%5D%29%29")


other = {"instance": "search-01:9200", "job": "opensearch", "team": "search"}
hooks = [
    group("teams-sre-oncall", [fs15], {"alertname": "NodeFilesystemAlmostFull", "instance": "pg-orders-01:9100"}),
    group("teams-sre-oncall", [alert("OpenSearchJvmHeapHigh", "warning", other, {"summary": "JVM heap > 85% on search-01"}, M(15, 17, 2), None, "opensearch_jvm_mem_heap_used_percent+%3E+85")], {"alertname": "OpenSearchJvmHeapHigh"}),
    group("teams-sre-oncall", [alert("OpenSearchJvmHeapHigh", "warning", other, {"summary": "JVM heap > 85% on search-01"}, M(15, 17, 2), M(15, 17, 40), "opensearch_jvm_mem_heap_used_percent+%3E+85")], {"alertname": "OpenSearchJvmHeapHigh"}),
    group("teams-sre-oncall", [fs15, fs05], {"alertname": "NodeFilesystemAlmostFull", "instance": "pg-orders-01:9100"}),
    group("pagerduty-sre", [pgdown(P1), apierr(P1 + timedelta(seconds=15))], {"team": "sre"}),
    group("pagerduty-sre", [pgdown(P1, M(15, 22, 30, 30)), apierr(P1 + timedelta(seconds=15), M(15, 22, 31, 0))], {"team": "sre"}),
]
c95b = None
fs05c = fs05
hooks.append(group("pagerduty-sre", [pgdown(P2), apierr(P2 + timedelta(seconds=10), None, "58.2")], {"team": "sre"}))
hooks.append(group("pagerduty-sre", [pgdown(P2, M(15, 23, 46, 30)), apierr(P2 + timedelta(seconds=10), M(15, 23, 47, 0), "58.2")], {"team": "sre"}))
E = M(15, 23, 42, 0)
hooks.append(group("teams-sre-oncall", [alert("NodeFilesystemAlmostFull", "warning", {**fs_lab, "threshold": "15"}, fs15["annotations"], A85s, E, EXPR_FS + "0.15"),
                                         alert("NodeFilesystemAlmostFull", "warning", {**fs_lab, "threshold": "5"}, fs05c["annotations"], A95s, E, EXPR_FS + "0.05")],
                   {"alertname": "NodeFilesystemAlmostFull", "instance": "pg-orders-01:9100"}))
with open(os.path.join(HERE, "alertmanager_webhooks.json"), "w") as f:
    json.dump(hooks, f, indent=2, ensure_ascii=False)
    f.write("\n")
ALERT_TIMES = {"c85": c85, "A85s": A85s, "c95": c95, "A95s": A95s}

# ---------------------------------------------------------------- Teams (Graph API, $expand=replies)
TENANT = "5f1c2a9e-7d44-4b6e-9b1a-2c0d8e3f4a11"
TEAM = "a8d31f70-2b7c-4f0e-8a57-0c9d51e6b2c4"
CHANNEL = "19:3b1f0e9c6a2d4b7f8e5c1a0d9b8c7e6f@thread.tacv2"
USERS = {
    "Артём Волков": "0b6f4d2e-9a1c-4e3b-8f7d-1a2b3c4d5e01",
    "Дмитрий Кузнецов": "0b6f4d2e-9a1c-4e3b-8f7d-1a2b3c4d5e02",
    "Ольга Смирнова": "0b6f4d2e-9a1c-4e3b-8f7d-1a2b3c4d5e03",
    "Илья Орлов": "0b6f4d2e-9a1c-4e3b-8f7d-1a2b3c4d5e04",
    "Марина Лебедева": "0b6f4d2e-9a1c-4e3b-8f7d-1a2b3c4d5e05",
    "Сергей Павлов": "0b6f4d2e-9a1c-4e3b-8f7d-1a2b3c4d5e06",
}
AM = "Alertmanager (prometheus-msteams)"

# (MSK time, author, html text, parent key or None, key)
MSGS = [
    (M(15, 11, 2), "Марина Лебедева", "Коллеги, напоминаю: завтра с 10 до 11 плановые работы у платёжного шлюза Kassa24, возможны задержки оплат", None, "m1"),
    (A85s + timedelta(seconds=40), AM, "<b>[FIRING:1] NodeFilesystemAlmostFull</b> (warning)<br>Filesystem /var/lib/postgresql on pg-orders-01 has less than 15% space left<br>instance: pg-orders-01:9100", None, "fs1"),
    (A85s + timedelta(minutes=3), "Дмитрий Кузнецов", "это pg-orders, там WAL. после чекпоинта обычно отпускает, гляну завтра", "fs1", None),
    (M(15, 15, 30), "Илья Орлов", "data-platform: migration of Kafka Connect to the new cluster is done ✅ old connect-01 will be switched off on Monday", None, "m2"),
    (M(15, 15, 34), "Марина Лебедева", "🎉", "m2", None),
    (M(15, 17, 3), AM, "<b>[FIRING:1] OpenSearchJvmHeapHigh</b> (warning)<br>JVM heap &gt; 85% on search-01", None, "os1"),
    (M(15, 17, 41), AM, "<b>[RESOLVED] OpenSearchJvmHeapHigh</b><br>JVM heap &gt; 85% on search-01", None, None),
    (A95s + timedelta(seconds=35), AM, "<b>[FIRING:2] NodeFilesystemAlmostFull</b> (warning)<br>Filesystem /var/lib/postgresql on pg-orders-01 has less than 5% space left<br>instance: pg-orders-01:9100", None, "fs2"),
    (P1 + timedelta(seconds=25), AM, "<b>[FIRING:2] PostgresDown, OrdersApiHighErrorRate</b> (critical)<br>PostgreSQL orders on pg-orders-01 is down<br>orders-api 5xx ratio above 5%<br>PagerDuty: sre-primary", None, "p1"),
    (M(15, 22, 11, 5), "Артём Волков", "ack. смотрю", "p1", None),
    (M(15, 22, 13, 20), "Марина Лебедева", "саппорт: пользователи не могут оформить заказ, на чекауте «Что-то пошло не так»", None, "m3"),
    (M(15, 22, 14, 2), "Артём Волков", "orders-api отдаёт 503, pg-orders-01 не поднимается", "m3", None),
    (M(15, 22, 16, 10), "Артём Волков", "диск 100%. в логе PANIC: could not write to file pg_wal/xlogtemp: No space left on device", None, "a1"),
    (M(15, 22, 17, 0), "Сергей Павлов", "это бэкап? pgbackrest в 22:00 стартует", "a1", None),
    (M(15, 22, 19, 30), "Артём Волков", "бэкап пишет в S3, локально только spool ~200 MB. не он", "a1", None),
    (M(15, 22, 21, 0), "Артём Волков", "чищу старые логи постгреса (/var/log/postgresql, 7.9G) и /var/lib/postgresql/wal_archive_tmp (5.2G, остаток ручного бэкапа в сентябре)", None, "a2"),
    (M(15, 22, 23, 40), "Артём Волков", "освободилось ~13 GB, стартую постгрес", "a2", None),
    (M(15, 22, 27, 0), "Артём Волков", "recovery завершился, база принимает соединения. orders-api 200", None, "a3"),
    (M(15, 22, 28, 15), "Марина Лебедева", "подтверждаю, заказы проходят", "a3", None),
    (M(15, 22, 31, 10), AM, "<b>[RESOLVED] PostgresDown, OrdersApiHighErrorRate</b><br>PostgreSQL orders on pg-orders-01 is down<br>orders-api 5xx ratio above 5%", None, None),
    (M(15, 22, 33, 0), "Артём Волков", "Resolved ✅ Причина: диск забили старые логи и мусор от ручного бэкапа. Постмортем завтра", None, "r1"),
    (M(15, 22, 34, 0), "Сергей Павлов", "👍 спасибо", "r1", None),
    (M(15, 22, 40, 12), "Дмитрий Кузнецов", "если кому надо в базу руками: psql postgresql://orders_admin:Vk8#pQz2mT@10.12.4.21:5432/orders", None, "d1"),
    (M(15, 22, 41, 30), "Артём Волков", "Дим, убери пароль из канала пожалуйста, и его надо будет сменить", "d1", None),
    (M(15, 22, 42, 10), "Дмитрий Кузнецов", "ок, ротирую утром", "d1", None),
    (M(15, 22, 46, 20), "Дмитрий Кузнецов", "диск снова 99%... это нормально?", None, "d2"),
    (M(15, 22, 47, 30), "Артём Волков", "хм. WAL растёт, там ночной price-sync идёт, много апдейтов", "d2", None),
    (M(15, 22, 52, 0), "Дмитрий Кузнецов", "99.5%. растёт ~0.4 GB/мин", "d2", None),
    (M(15, 22, 55, 0), "Артём Волков", "может archive_command не успевает? проверяю pg_stat_archiver", "d2", None),
    (M(15, 22, 57, 10), "Артём Волков", "archiver: failed_count 0, last_archived_wal свежий. архивирование ок", "d2", None),
    (M(15, 22, 59, 5), "Марина Лебедева", "опять ошибки на чекауте!!", None, "m4"),
    (P2 + timedelta(seconds=22), AM, "<b>[FIRING:2] PostgresDown, OrdersApiHighErrorRate</b> (critical)<br>PostgreSQL orders on pg-orders-01 is down<br>orders-api 5xx ratio above 5%<br>PagerDuty: sre-primary", None, "p2"),
    (M(15, 23, 1, 0), "Артём Волков", "Переоткрываю инцидент. Снова No space left on device, resolved был преждевременным", "p2", None),
    (M(15, 23, 2, 0), "Сергей Павлов", "Артём, ты зачем объявил resolved, не разобравшись?", "p2", None),
    (M(15, 23, 3, 0), "Дмитрий Кузнецов", "Сергей, давай потом. сейчас нужно место на диске", "p2", None),
    (M(15, 23, 6, 0), "Артём Волков", "du: pg_wal = 436G (!!). сама база ~58G", None, "w1"),
    (M(15, 23, 8, 10), "Дмитрий Кузнецов", "в checkpoint логах «0 removed» с вторника. WAL вообще не удаляется", "w1", None),
    (M(15, 23, 10, 0), "Артём Волков", "что держит WAL? wal_keep_size 1GB, реплика pg-orders-02 sync, lag 0", "w1", None),
    (M(15, 23, 12, 0), "Дмитрий Кузнецов", "слоты репликации? база лежит, pg_replication_slots не посмотреть, но можно ls pg_replslot", "w1", None),
    (M(15, 23, 14, 0), "Артём Волков", "pg_replslot: debezium_orders, debezium_orders_v2, pg_orders_02. что такое debezium_orders — не знаю", "w1", None),
    (M(15, 23, 16, 0), "Дмитрий Кузнецов", "это CDC от data-platform. Илья не в сети. дропать слот без них ночью страшно, вдруг он кому-то нужен", "w1", None),
    (M(15, 23, 18, 0), "Артём Волков", "план: расширяем диск +500G, поднимаем базу, слот разбираем утром с Ольгой и data-platform", None, "pl"),
    (M(15, 23, 19, 0), "Сергей Павлов", "согласен", "pl", None),
    (M(15, 23, 22, 0), "Артём Волков", "заказал второй диск 500G в облаке, attach", "pl", None),
    (M(15, 23, 36, 0), "Артём Волков", "vgextend + lvextend сделал, resize2fs идёт", "pl", None),
    (M(15, 23, 41, 40), "Артём Волков", "resize готов, 1.0T, занято ~50%. стартую постгрес", "pl", None),
    (M(15, 23, 46, 20), "Артём Волков", "база поднялась, orders-api 200. смотрю дальше", None, "up2"),
    (M(15, 23, 47, 15), AM, "<b>[RESOLVED] PostgresDown, OrdersApiHighErrorRate</b><br>PostgreSQL orders on pg-orders-01 is down<br>orders-api 5xx ratio above 5%", None, None),
    (M(15, 23, 48, 0), "Марина Лебедева", "заказы идут ✅ саппорт за вечер: 212 обращений", "up2", None),
    (M(15, 23, 55, 0), "Артём Волков", "Это mitigated, не resolved. WAL всё ещё копится (~0.4 GB/мин пока идёт price-sync, ночью меньше), запаса до утра хватит. Дима дежурит ночью", None, "mit"),
    (M(16, 0, 44, 0), "Дмитрий Кузнецов", "price-sync закончился, рост ~0.04 GB/мин, диск 52%. временно включил пейджинг на 80%. ушёл спать", "mit", None),
    (M(16, 9, 5, 0), "Ольга Смирнова", "Доброе утро. смотрю слоты", None, "o1"),
    (M(16, 9, 18, 0), "Ольга Смирнова", "pg_replication_slots: debezium_orders | logical | active = f | restart_lsn 39/1C000028 | удерживает ~490 GB WAL. остальные два слота активны", "o1", None),
    (M(16, 9, 21, 0), "Ольга Смирнова", "restart_lsn примерно соответствует вторнику 16:38", "o1", None),
    (M(16, 9, 24, 0), "Илья Орлов", "ой. это старый коннектор orders-cdc на connect-01. во вторник в 16:38 поставили на паузу при миграции, новый кластер создал debezium_orders_v2. старый слот не удалили 😬", "o1", None),
    (M(16, 9, 26, 0), "Сергей Павлов", "опять дата-инженеры бросили слот и ушли", "o1", None),
    (M(16, 9, 27, 30), "Ольга Смирнова", "Сергей, в чеклисте миграции не было шага про удаление слота, и алерта на неактивные слоты у нас нет. это про процесс, не про людей", "o1", None),
    (M(16, 9, 30, 0), "Илья Орлов", "новый коннектор читает из _v2 с вторника, старый слот никому не нужен. можно дропать", "o1", None),
    (M(16, 9, 41, 0), "Ольга Смирнова", "дропаю debezium_orders", None, "o2"),
    (M(16, 9, 44, 0), "Ольга Смирнова", "SELECT pg_drop_replication_slot('debezium_orders'); — ok. делаю CHECKPOINT", "o2", None),
    (M(16, 9, 48, 30), "Ольга Смирнова", "checkpoint удалил ~30k WAL-файлов. диск 55% → 7%", "o2", None),
    (M(16, 10, 5, 30), "Ольга Смирнова", "поставила max_slot_wal_keep_size = 64GB (reload). больше слот столько не удержит", "o2", None),
    (M(16, 10, 12, 0), "Артём Волков", "action items собрал в Confluence (INC-2026-1015): алерт на неактивные слоты, пейджинг на диск баз, чеклист миграции CDC, runbook про проверку тренда перед resolved, ротация пароля orders_admin", None, "ai"),
    (M(16, 10, 20, 0), "Дмитрий Кузнецов", "пароль orders_admin ротирован", "ai", None),
    (M(16, 10, 30, 0), "Артём Волков", "Инцидент закрыт, resolved. Отчёт в Confluence: INC-2026-1015", None, "fin"),
    (M(16, 10, 31, 0), "Марина Лебедева", "спасибо всем!", "fin", None),
]


def mid(t):
    return str(int(t.timestamp() * 1000))


def gmsg(t, author, html, reply_to):
    i = mid(t)
    if author == AM:
        frm = {"application": {"@odata.type": "#microsoft.graph.teamworkApplicationIdentity", "id": "28b1c6a3-54e0-4a5b-9f1e-7c2d3e4f5a60", "displayName": "Alertmanager", "applicationIdentityType": "bot"}, "device": None, "user": None}
    else:
        frm = {"application": None, "device": None, "user": {"@odata.type": "#microsoft.graph.teamworkUserIdentity", "id": USERS[author], "displayName": author, "userIdentityType": "aadUser", "tenantId": TENANT}}
    return {"id": i, "replyToId": reply_to, "etag": i, "messageType": "message", "createdDateTime": iso(t), "lastModifiedDateTime": iso(t),
            "lastEditedDateTime": None, "deletedDateTime": None, "subject": None, "summary": None, "chatId": None, "importance": "normal", "locale": "en-us",
            "webUrl": "https://teams.microsoft.com/l/message/%s/%s?groupId=%s&tenantId=%s&createdTime=%s&parentMessageId=%s" % (CHANNEL, i, TEAM, TENANT, i, reply_to or i),
            "policyViolation": None, "eventDetail": None, "from": frm, "body": {"contentType": "html", "content": "<p>%s</p>" % html},
            "channelIdentity": {"teamId": TEAM, "channelId": CHANNEL}, "attachments": [], "mentions": [], "reactions": [], "messageHistory": []}


tops = {}
order_tops = []
for t, author, html, parent, key in MSGS:
    if parent is None:
        m = gmsg(t, author, html, None)
        m["replies@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#teams('%s')/channels('%s')/messages('%s')/replies" % (TEAM, CHANNEL, m["id"])
        m["replies"] = []
        tops[key or m["id"]] = m
        order_tops.append(m)
    else:
        p = tops[parent]
        p["replies"].append(gmsg(t, author, html, p["id"]))
# system event: Olga added Friday morning
sysm = gmsg(M(16, 9, 3, 40), "Артём Волков", "", None)
sysm.update({"messageType": "systemEventMessage", "from": None, "body": {"contentType": "html", "content": "<systemEventMessage/>"},
             "eventDetail": {"@odata.type": "#microsoft.graph.membersAddedEventMessageDetail", "visibleHistoryStartDateTime": "0001-01-01T00:00:00Z",
                             "members": [{"id": USERS["Ольга Смирнова"], "displayName": None, "userIdentityType": "aadUser", "tenantId": TENANT}],
                             "initiator": {"application": None, "device": None, "user": {"@odata.type": "#microsoft.graph.teamworkUserIdentity", "id": USERS["Артём Волков"], "displayName": None, "userIdentityType": "aadUser", "tenantId": TENANT}}},
             "replies@odata.context": "x", "replies": []})
sysm["replies@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#teams('%s')/channels('%s')/messages('%s')/replies" % (TEAM, CHANNEL, sysm["id"])
order_tops.append(sysm)
for m in order_tops:
    m["lastModifiedDateTime"] = max([m["createdDateTime"]] + [r["createdDateTime"] for r in m["replies"]])
order_tops.sort(key=lambda m: m["lastModifiedDateTime"], reverse=True)   # Graph returns newest activity first
out = {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#teams('%s')/channels('%s')/messages(replies())" % (TEAM, CHANNEL),
       "@odata.count": len(order_tops), "value": order_tops}
with open(os.path.join(HERE, "teams_sre-oncall_messages.json"), "w") as f:
    json.dump(out, f, indent=2, ensure_ascii=False)
    f.write("\n")

# ---------------------------------------------------------------- checks
EVIDENCE = {
    "2026-10-13T13:38:20Z": "Connector orders-cdc target state changed to PAUSED",
    "2026-10-15T10:54:00Z": "это pg-orders, там WAL. после чекпоинта обычно отпускает, гляну завтра",
    "2026-10-15T17:15:00Z": "Filesystem /var/lib/postgresql on pg-orders-01 has less than 5% space left",
    "2026-10-15T19:07:41Z": "2026-10-15T19:07:41.512Z pg-orders-01 postgres",
    "2026-10-15T19:09:30Z": "\"startsAt\": \"2026-10-15T19:09:30.000Z\"",
    "2026-10-15T19:21:30Z": "COMMAND=/usr/bin/rm -rf /var/lib/postgresql/wal_archive_tmp",
    "2026-10-15T19:26:10Z": "database system is ready to accept connections",
    "2026-10-15T19:33:00Z": "Resolved ✅ Причина: диск забили старые логи и мусор от ручного бэкапа",
    "2026-10-15T19:58:12Z": "2026-10-15T19:58:12.090Z pg-orders-01 postgres",
    "2026-10-15T20:01:00Z": "Переоткрываю инцидент. Снова No space left on device",
    "2026-10-15T20:14:00Z": "pg_replslot: debezium_orders, debezium_orders_v2, pg_orders_02",
    "2026-10-15T20:41:04Z": "EXT4-fs (dm-2): resized filesystem to 262144000",
    "2026-10-15T20:45:40Z": "2026-10-15T20:45:40.000Z pg-orders-01 postgres",
    "2026-10-16T06:18:00Z": "debezium_orders | logical | active = f",
    "2026-10-16T06:24:00Z": "старый слот не удалили",
    "2026-10-16T06:43:05Z": "statement: SELECT pg_drop_replication_slot('debezium_orders');",
    "2026-10-16T06:47:31Z": "0 WAL file(s) added, 30712 removed, 4 recycled",
    "2026-10-16T07:30:00Z": "Инцидент закрыт, resolved",
}


def check():
    g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    txt = ""
    for n in sorted(os.listdir(HERE)):
        if n.startswith("_") or n == "gold.json":
            continue
        txt += open(os.path.join(HERE, n), encoding="utf-8").read() + "\n"
    bad = []
    times = {ev["time"] for ev in g["timeline"]}
    for ev in g["timeline"]:
        if ev["must_include"] and ev["time"] not in EVIDENCE:
            bad.append(("must_include event without evidence", ev["time"]))
    for tk, q in EVIDENCE.items():
        if tk not in times:
            bad.append(("evidence for unknown time", tk))
        if q not in txt:
            bad.append(("timeline evidence", q))
    for a in g["action_items"]:
        if a["evidence"] not in txt:
            bad.append(("action evidence", a["evidence"]))
    for b in g["blame_bait"]:
        if b not in txt:
            bad.append(("blame bait", b))
    for s in g["secrets"]:
        if s not in txt:
            bad.append(("secret", s))
    ks = [datetime.fromisoformat(g[k].replace("Z", "+00:00")) for k in ("start", "detected", "mitigated", "resolved")]
    if not all(g[k].endswith("Z") for k in ("start", "detected", "mitigated", "resolved")) or not (ks[0] <= ks[1] <= ks[2] <= ks[3]):
        bad.append(("key times", [g[k] for k in ("start", "detected", "mitigated", "resolved")]))
    nmsg = sum(1 + len(m["replies"]) for m in order_tops if m["messageType"] == "message")
    print("log lines:", len(LOG), "teams messages:", nmsg, "alert times (MSK):", {k: v.strftime("%d %H:%M") for k, v in ALERT_TIMES.items()})
    if bad:
        for b in bad:
            print("FAIL", b)
        sys.exit(1)
    print("OK: all checks passed")


if __name__ == "__main__":
    check()
