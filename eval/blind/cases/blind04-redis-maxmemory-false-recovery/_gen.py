# generator for blind04 inputs (not an input itself)
import datetime as dt
import hashlib
import json
import os
import random

random.seed(4404)
OUT = os.path.dirname(os.path.abspath(__file__))
UTC = dt.UTC
def T(h, m, s=0, us=0):
    return dt.datetime(2026, 3, 5, h, m, s, us, tzinfo=UTC)
BOOT = {"app-prod-01": T(0,0)-dt.timedelta(days=41, seconds=3121), "app-prod-02": T(0,0)-dt.timedelta(days=41, seconds=2980),
        "app-prod-03": T(0,0)-dt.timedelta(days=19, seconds=777), "kv-prod-01": T(0,0)-dt.timedelta(days=88, seconds=51)}
BOOTID = {h: hashlib.md5(h.encode()).hexdigest() for h in BOOT}
MACH = {h: hashlib.md5((h+"m").encode()).hexdigest() for h in BOOT}
seq = {h: 0x3a1f00 + i*0x100000 for i, h in enumerate(BOOT)}
entries = []
def jr(t, host, unit, prio, msg, ident=None, pid=None, comm=None, systemd=False, extra=None):
    seq[host] += 1
    rt = int(t.timestamp()*1_000_000)
    mono = int((t - BOOT[host]).total_seconds()*1_000_000)
    e = {"__CURSOR": "s=%s;i=%x;b=%s;m=%x;t=%x;x=%s" % (hashlib.md5(host.encode()).hexdigest()[:32], seq[host], BOOTID[host], mono, rt, hashlib.md5(str(seq[host]).encode()).hexdigest()[:16]),
         "__REALTIME_TIMESTAMP": str(rt), "__MONOTONIC_TIMESTAMP": str(mono), "_BOOT_ID": BOOTID[host], "_MACHINE_ID": MACH[host],
         "_HOSTNAME": host, "PRIORITY": str(prio)}
    if systemd:
        e.update({"SYSLOG_FACILITY": "3", "SYSLOG_IDENTIFIER": "systemd", "_PID": "1", "_UID": "0", "_GID": "0", "_COMM": "systemd",
                  "_EXE": "/usr/lib/systemd/systemd", "_CMDLINE": "/sbin/init", "_TRANSPORT": "journal", "_SYSTEMD_CGROUP": "/init.scope",
                  "_SYSTEMD_UNIT": "init.scope", "_SYSTEMD_SLICE": "-.slice", "UNIT": unit, "CODE_FILE": "src/core/job.c", "MESSAGE": msg,
                  "_SOURCE_REALTIME_TIMESTAMP": str(rt - random.randint(5, 90))})
    else:
        e.update({"SYSLOG_FACILITY": "3", "SYSLOG_IDENTIFIER": ident or unit.split(".")[0], "_PID": str(pid or 1000), "_UID": "998", "_GID": "998",
                  "_COMM": comm or (ident or unit.split(".")[0]), "_TRANSPORT": "stdout", "_STREAM_ID": hashlib.md5((host+unit+str(pid)).encode()).hexdigest(),
                  "_SYSTEMD_CGROUP": "/system.slice/" + unit, "_SYSTEMD_UNIT": unit, "_SYSTEMD_SLICE": "system.slice", "MESSAGE": msg})
    if extra: e.update(extra)
    entries.append((t, e))

APPS = ["app-prod-01", "app-prod-02", "app-prod-03"]
pids = {"app-prod-01": 48211, "app-prod-02": 47903, "app-prod-03": 21877}
# --- phases (UTC) ---
R_STOP = T(4,58,31,604000); R_UP = T(4,58,37,101000); R_READY = T(4,58,58,377000)
W1_END = T(5,38,50); W2_START = T(6,18,21); W2_END = T(6,36,5)
def state(t):
    if R_STOP <= t < R_UP: return "refused"
    if R_UP <= t < R_READY: return "loading"
    if R_READY <= t < W1_END or W2_START <= t < W2_END: return "oom"
    return "ok"

# deploy of 4.12.0 at 01:30 (red herring) and rollback at 05:19-05:22
def restart(host, t, ver, newpid):
    jr(t, host, "cart-api.service", 6, "Stopping cart-api.service - Cart API...", systemd=True)
    jr(t+dt.timedelta(seconds=2.4), host, "cart-api.service", 6, "cart-api.service: Deactivated successfully.", systemd=True)
    jr(t+dt.timedelta(seconds=2.5), host, "cart-api.service", 6, "Stopped cart-api.service - Cart API.", systemd=True)
    jr(t+dt.timedelta(seconds=2.6), host, "cart-api.service", 6, "cart-api.service: Consumed 2h 11min 7.204s CPU time.", systemd=True)
    jr(t+dt.timedelta(seconds=2.9), host, "cart-api.service", 6, "Started cart-api.service - Cart API.", systemd=True)
    jr(t+dt.timedelta(seconds=4.1), host, "cart-api.service", 6, "[INFO] Starting gunicorn 21.2.0", "gunicorn", newpid, "gunicorn")
    jr(t+dt.timedelta(seconds=4.2), host, "cart-api.service", 6, "[INFO] Listening at: http://0.0.0.0:8080 (%d)" % newpid, "gunicorn", newpid, "gunicorn")
    jr(t+dt.timedelta(seconds=6.8), host, "cart-api.service", 6, "INFO cart.app: cart-api %s started (redis=kv-prod-01:6379 db=0 pool_max=64)" % ver, "cart-api", newpid, "gunicorn")
for i, h in enumerate(APPS):
    restart(h, T(1,30,12)+dt.timedelta(seconds=95*i), "4.12.0", 51200+i*17)
for i, h in enumerate(APPS):
    restart(h, T(5,19,40)+dt.timedelta(seconds=70*i), "4.11.3", 60311+i*23)
    pids[h] = 60311+i*23

# per-minute metrics per app host, 04:30 -> 07:30
totals = {"w1_cart": 0, "w1_login": 0, "w2_cart": 0, "w2_login": 0}
t = T(4,30)
while t < T(7,31):
    for h in APPS:
        # traffic shape: time sale at 15:00 JST (06:00Z) raises logins
        base_c = 250 + (60 if t >= T(6,0) else 0); base_l = 40 + (35 if T(6,0) <= t < T(6,50) else 0)
        cw = int(random.gauss(base_c, 18)); lg = int(random.gauss(base_l, 6))
        # fraction of window failing
        mins = [t - dt.timedelta(seconds=60) + dt.timedelta(seconds=s) for s in range(0, 60, 2)]
        frac = sum(1 for m in mins if state(m) != "ok") / len(mins)
        cwe = int(round(cw*frac)); lge = int(round(lg*frac))
        p99 = random.randint(28, 55) if frac == 0 else random.randint(8, 20)
        win = t - dt.timedelta(seconds=60)
        if R_STOP <= win < T(6,0): totals["w1_cart"] += cwe; totals["w1_login"] += lge
        elif win >= T(6,0) or t > T(6,0): totals["w2_cart"] += cwe; totals["w2_login"] += lge
        jr(t+dt.timedelta(milliseconds=random.randint(2, 400)), h, "cart-api.service", 6,
           "INFO cart.metrics: window=60s cart_writes=%d cart_write_errors=%d logins=%d login_errors=%d p99_ms=%d" % (cw, cwe, lg, lge, p99),
           "cart-api", pids[h] if t > T(5,21) else 51200+APPS.index(h)*17, "gunicorn")
    t += dt.timedelta(minutes=1)
# restore old pids for pre-rollback sample lines
curpid = lambda h, t: (60311+APPS.index(h)*23) if t > T(5,21) else (51200+APPS.index(h)*17)

# sampled error lines
ERR = {"refused": ("ERROR", "redis.exceptions.ConnectionError: Error 111 connecting to 10.40.2.11:6379. Connection refused."),
       "loading": ("ERROR", "redis.exceptions.BusyLoadingError: Redis is loading the dataset in memory"),
       "oom": ("ERROR", "redis.exceptions.OutOfMemoryError: OOM command not allowed when used memory > 'maxmemory'.")}
t = R_STOP + dt.timedelta(milliseconds=380)
while t < T(6,40):
    st = state(t)
    if st != "ok":
        h = random.choice(APPS)
        what = random.choice(["save_session", "add_item", "add_item", "update_qty"])
        logger = "cart.session.store" if what == "save_session" else "cart.store.redis_cart"
        route = {"save_session": "POST /v2/auth/login", "add_item": "POST /v2/cart/items", "update_qty": "PATCH /v2/cart/items"}[what]
        jr(t, h, "cart-api.service", 3, "ERROR %s: %s failed route=\"%s\" req_id=%s err=%s" % (logger, what, route, hashlib.md5(str(t).encode()).hexdigest()[:12], ERR[st][1]),
           "cart-api", curpid(h, t), "gunicorn")
        step = 0.9 if st in ("refused", "loading") else random.uniform(9, 22)
    else:
        step = 30
    t += dt.timedelta(seconds=step)
# a couple of pre-existing warnings / noise
for k in range(14):
    tt = T(1,40) + dt.timedelta(minutes=k*23+random.randint(0, 9))
    h = random.choice(APPS)
    jr(tt, h, "cart-api.service", 4, "WARNING cart.coupons: coupon stack rejected code=SPRING%02d reason=stack_limit user_tier=standard" % random.randint(10, 40), "cart-api", curpid(h, tt), "gunicorn")
jr(T(1,47,12,512000), "app-prod-02", "cart-api.service", 3, "ERROR cart.coupons: KeyError: 'stack_limit' while evaluating coupon SPRING25 (flag coupon_stacking=off)", "cart-api", 51217, "gunicorn")
for h in BOOT:
    for k in range(6):
        tt = T(1,0) + dt.timedelta(minutes=60*k + random.randint(0, 50), seconds=random.randint(0, 59))
        jr(tt, h, "cron.service", 6, "(root) CMD (/usr/local/bin/node_exporter_textfile.sh >/dev/null 2>&1)", "CRON", 900000+k, "cron")
    tt = T(3,12) + dt.timedelta(minutes=random.randint(0, 200))
    jr(tt, h, "ssh.service", 6, "Accepted publickey for deploy from 10.40.0.21 port %d ssh2: ED25519 SHA256:q8bV2yQm0dW0yP0w3aX4c8Hk1aYQm9sX0nZb1tq7w2s" % random.randint(40000, 60000), "sshd", 700000+random.randint(0, 9999), "sshd")

# ansible-pull on kv-prod-01, every 30 minutes at :28 and :58
KV = "kv-prod-01"
def ap(t, lines, rc_changed=0):
    pid = 800000 + int(t.timestamp()) % 90000
    jr(t, KV, "ansible-pull.service", 6, "Starting ansible-pull.service - Ansible pull (site.yml)...", systemd=True)
    off = 1.2
    for item in lines:
        ln, pr = item[0], item[1]
        if len(item) > 2: off = (item[2] - t).total_seconds()
        jr(t+dt.timedelta(seconds=off), KV, "ansible-pull.service", pr, ln, "ansible-pull", pid, "ansible-pull")
        off += random.uniform(0.3, 2.2)
    jr(t+dt.timedelta(seconds=off+0.5), KV, "ansible-pull.service", 6, "ansible-pull.service: Deactivated successfully.", systemd=True)
    jr(t+dt.timedelta(seconds=off+0.6), KV, "ansible-pull.service", 6, "Finished ansible-pull.service - Ansible pull (site.yml).", systemd=True)
    return off
OKRUN = lambda commit: [("Starting Ansible Pull at 2026-03-05 %s", 6), ("kv-prod-01 | SUCCESS => {\"after\": \"%s\", \"before\": \"%s\", \"changed\": false}" % (commit, commit), 6),
                        ("PLAY [kv] **********************************************************************", 6),
                        ("TASK [redis : template redis.conf] ***********************************************", 6), ("ok: [kv-prod-01]", 6),
                        ("TASK [node_exporter : ensure running] *****************************************", 6), ("ok: [kv-prod-01]", 6),
                        ("PLAY RECAP *********************************************************************", 6),
                        ("kv-prod-01                 : ok=14   changed=0    unreachable=0    failed=0    skipped=3    rescued=0    ignored=0", 6)]
t = T(0,58,4)
while t < T(7,45):
    if t == T(4,58,4):
        lines = [("Starting Ansible Pull at 2026-03-05 13:58:05", 6),
                 ("kv-prod-01 | CHANGED => {\"after\": \"3f9c2e1a\", \"before\": \"b71d04c9\", \"changed\": true}", 6),
                 ("PLAY [kv] **********************************************************************", 6),
                 ("TASK [redis : template redis.conf] ***********************************************", 6),
                 ("--- before: /etc/redis/redis.conf", 6), ("+++ after: /root/.ansible/tmp/ansible-local-8812/redis.conf.j2", 6),
                 ("@@ -212,7 +212,7 @@", 6), (" # maxmemory <bytes>", 6), ("-maxmemory 8gb", 6), ("+maxmemory 4gb", 6), (" maxmemory-policy noeviction", 6),
                 ("changed: [kv-prod-01]", 6),
                 ("TASK [node_exporter : ensure running] *****************************************", 6), ("ok: [kv-prod-01]", 6),
                 ("RUNNING HANDLER [redis : restart redis] ****************************************", 6, T(4,58,31,402000)), ("changed: [kv-prod-01]", 6, T(4,58,58,611000)),
                 ("PLAY RECAP *********************************************************************", 6),
                 ("kv-prod-01                 : ok=15   changed=2    unreachable=0    failed=0    skipped=3    rescued=0    ignored=0", 6)]
        # systemd restart of redis inside handler
        jr(T(4,58,31,590000), KV, "redis-server.service", 6, "Stopping redis-server.service - Advanced key-value store...", systemd=True)
        jr(T(4,58,36,990000), KV, "redis-server.service", 6, "redis-server.service: Deactivated successfully.", systemd=True)
        jr(T(4,58,36,991000), KV, "redis-server.service", 6, "Stopped redis-server.service - Advanced key-value store.", systemd=True)
        jr(T(4,58,36,994000), KV, "redis-server.service", 6, "redis-server.service: Consumed 6d 2h 41min 13.118s CPU time.", systemd=True)
        jr(T(4,58,37,99000), KV, "redis-server.service", 6, "Starting redis-server.service - Advanced key-value store...", systemd=True)
        jr(T(4,58,58,380000), KV, "redis-server.service", 6, "Started redis-server.service - Advanced key-value store.", systemd=True)
        ap(t, lines)
    elif T(6,33) <= t < T(7,5):
        pass  # timer stopped
    else:
        commit = "b71d04c9" if t < T(4,58) else ("3f9c2e1a" if t < T(7,5) else "9e0a7d35")
        lines = OKRUN(commit); lines[0] = (lines[0][0] % (t+dt.timedelta(hours=9)).strftime("%H:%M:%S"), 6)
        ap(t, lines)
    t += dt.timedelta(minutes=30)
jr(T(6,33,12,441000), KV, "ansible-pull.timer", 6, "ansible-pull.timer: Deactivated successfully.", systemd=True)
jr(T(6,33,12,442000), KV, "ansible-pull.timer", 6, "Stopped ansible-pull.timer - Run ansible-pull every 30 minutes.", systemd=True)
jr(T(7,5,2,17000), KV, "ansible-pull.timer", 6, "Started ansible-pull.timer - Run ansible-pull every 30 minutes.", systemd=True)
ap(T(7,5,9), [("Starting Ansible Pull at 2026-03-05 16:05:10", 6),
              ("kv-prod-01 | CHANGED => {\"after\": \"9e0a7d35\", \"before\": \"3f9c2e1a\", \"changed\": true}", 6),
              ("PLAY [kv] **********************************************************************", 6),
              ("TASK [redis : template redis.conf] ***********************************************", 6),
              ("-maxmemory 4gb", 6), ("+maxmemory 8gb", 6), ("changed: [kv-prod-01]", 6),
              ("RUNNING HANDLER [redis : apply maxmemory via CONFIG SET] ***********************", 6), ("changed: [kv-prod-01]", 6),
              ("PLAY RECAP *********************************************************************", 6),
              ("kv-prod-01                 : ok=15   changed=2    unreachable=0    failed=0    skipped=3    rescued=0    ignored=0", 6)])
# redis also writes to journald via stdout? (it logs to file) -> only a systemd view above
entries.sort(key=lambda x: x[0])
with open(os.path.join(OUT, "journal.json"), "w") as f:
    for _, e in entries:
        f.write(json.dumps(e, ensure_ascii=False) + "\n")

# ---------------- redis-server.log ----------------
rl = []
def rlog(t, pid, role, lvl, msg):
    rl.append((t, "%d:%s %s %s %s" % (pid, role, t.strftime("%d %b %Y %H:%M:%S.") + "%03d" % (t.microsecond//1000), lvl, msg)))
OLD, NEW = 1187, 2417
t = T(1,40,2,118000); child = 30100
while t < T(7,46):
    pid = OLD if t < R_STOP else NEW
    if R_STOP - dt.timedelta(seconds=40) < t < R_READY + dt.timedelta(seconds=120):
        t += dt.timedelta(seconds=300); continue
    st = state(t)
    rlog(t, pid, "M", "*", "100 changes in 300 seconds. Saving...")
    child += random.randint(300, 900)
    rlog(t+dt.timedelta(milliseconds=14), pid, "M", "*", "Background saving started by pid %d" % child)
    d = random.uniform(4.1, 5.6)
    rlog(t+dt.timedelta(seconds=d), child, "C", "*", "DB saved on disk")
    rlog(t+dt.timedelta(seconds=d, milliseconds=2), child, "C", "*", "Fork CoW for RDB: current %d MB, peak %d MB, average %d MB" % (random.randint(9, 40), random.randint(40, 70), random.randint(8, 30)))
    rlog(t+dt.timedelta(seconds=d, milliseconds=95), pid, "M", "*", "Background saving terminated with success")
    t += dt.timedelta(seconds=300, milliseconds=random.randint(0, 90))
rl.append((R_STOP, "%d:signal-handler (%d) Received SIGTERM scheduling shutdown..." % (OLD, int(R_STOP.timestamp()))))
rlog(R_STOP+dt.timedelta(microseconds=300), OLD, "M", "*", "User requested shutdown...")
rlog(R_STOP+dt.timedelta(microseconds=400), OLD, "M", "*", "Saving the final RDB snapshot before exiting.")
rlog(T(4,58,36,902000), OLD, "M", "*", "DB saved on disk")
rlog(T(4,58,36,903000), OLD, "M", "*", "Removing the pid file.")
rlog(T(4,58,36,915000), OLD, "M", "#", "Redis is now ready to exit, bye bye...")
s = [("C", "#", "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect."),
     ("C", "*", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo"),
     ("C", "*", "Redis version=7.2.4, bits=64, commit=00000000, modified=0, pid=2417, just started"),
     ("C", "*", "Configuration loaded"),
     ("M", "*", "monotonic clock: POSIX clock_gettime"),
     ("M", "*", "Running mode=standalone, port=6379."),
     ("M", "#", "WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128."),
     ("M", "*", "Server initialized"),
     ("M", "*", "Loading RDB produced by version 7.2.4"),
     ("M", "*", "RDB age 1 seconds"),
     ("M", "*", "RDB memory usage when created 5212.87 Mb")]
for i, (role, lvl, msg) in enumerate(s):
    rlog(R_UP + dt.timedelta(microseconds=120*i), NEW, role, lvl, msg)
rlog(T(4,58,58,377000), NEW, "M", "*", "Done loading RDB, keys loaded: 4118230, keys expired: 912.")
rlog(T(4,58,58,377100), NEW, "M", "*", "DB loaded from disk: 21.273 seconds")
rlog(T(4,58,58,377200), NEW, "M", "*", "Ready to accept connections tcp")
rlog(T(5,31,14,881000), NEW, "M", "#", "Client id=88121 addr=10.40.0.31:51022 laddr=10.40.2.11:6379 fd=43 name= age=4 idle=0 flags=O db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=8231 omem=134218520 tot-mem=134220800 events=rw cmd=monitor user=default redir=-1 resp=2 lib-name= lib-ver= scheduled to be closed ASAP for overcoming of output buffer limits.")
rl.sort(key=lambda x: x[0])
with open(os.path.join(OUT, "redis-server.log"), "w") as f:
    for _, ln in rl:
        f.write(ln + "\n")

# ---------------- sentry alerts ----------------
def sentry(t, issue_id, title, culprit, etype, evalue, rule, level="error", release="cart-api@4.12.0", func="save_session", module="cart.session.store", lineno=88, host="app-prod-01"):
    eid = hashlib.md5((str(t)+title).encode()).hexdigest()
    return {"action": "triggered",
            "installation": {"uuid": "7a4f9c6e-2b1d-4c8e-9f3a-51d0e6b7a2c4"},
            "data": {"event": {
                "event_id": eid, "project": 4507718, "release": release, "dist": None, "platform": "python",
                "message": "", "datetime": t.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "timestamp": round(t.timestamp(), 3),
                "received": round(t.timestamp() + 0.412, 3),
                "tags": [["environment", "production"], ["level", level], ["logger", module], ["release", release], ["server_name", host], ["handled", "no"], ["mechanism", "logging"]],
                "environment": "production", "level": level, "logger": module, "culprit": culprit, "title": title, "type": "error", "location": "cart/%s.py" % module.split(".")[-1],
                "metadata": {"type": etype, "value": evalue, "filename": "cart/%s.py" % module.split(".")[-1], "function": func},
                "exception": {"values": [{"type": etype, "value": evalue, "module": "redis.exceptions", "mechanism": {"type": "logging", "handled": False},
                    "stacktrace": {"frames": [
                        {"function": "handle", "module": "cart.api.handlers", "filename": "cart/api/handlers.py", "abs_path": "/opt/cart-api/cart/api/handlers.py", "lineno": 141, "in_app": True},
                        {"function": func, "module": module, "filename": "cart/%s.py" % module.split(".")[-1], "abs_path": "/opt/cart-api/cart/%s.py" % module.split(".")[-1], "lineno": lineno, "in_app": True},
                        {"function": "execute_command", "module": "redis.client", "filename": "redis/client.py", "abs_path": "/opt/cart-api/.venv/lib/python3.11/site-packages/redis/client.py", "lineno": 545, "in_app": False},
                        {"function": "parse_response", "module": "redis.connection", "filename": "redis/connection.py", "abs_path": "/opt/cart-api/.venv/lib/python3.11/site-packages/redis/connection.py", "lineno": 510, "in_app": False}]}}]},
                "contexts": {"runtime": {"name": "CPython", "version": "3.11.8", "type": "runtime"}, "os": {"name": "Linux", "type": "os"}},
                "sdk": {"name": "sentry.python", "version": "1.40.6"},
                "fingerprint": ["{{ default }}"], "hashes": [hashlib.md5(title.encode()).hexdigest()],
                "issue_id": str(issue_id),
                "url": "https://sentry.io/api/0/projects/hanamichi/cart-api/events/%s/" % eid,
                "web_url": "https://hanamichi.sentry.io/issues/%d/events/%s/" % (issue_id, eid),
                "issue_url": "https://sentry.io/api/0/issues/%d/" % issue_id},
                "triggered_rule": rule,
                "issue_alert": {"title": rule, "settings": [{"name": "channel", "value": "#sentry-cart"}]}},
            "actor": {"type": "application", "id": "sentry", "name": "Sentry"}}
OOMV = "OOM command not allowed when used memory > 'maxmemory'."
alerts = [
    sentry(T(1,47,12,512000), 4821544, "KeyError: 'stack_limit'", "cart.coupons in evaluate_stack", "KeyError", "'stack_limit'", "New issue in cart-api (production)", func="evaluate_stack", module="cart.coupons", lineno=203, host="app-prod-02"),
    sentry(T(4,58,33,20000), 4821930, "ConnectionError: Error 111 connecting to 10.40.2.11:6379. Connection refused.", "cart.session.store in load_session", "ConnectionError", "Error 111 connecting to 10.40.2.11:6379. Connection refused.", "New issue in cart-api (production)", func="load_session", lineno=61),
    sentry(T(4,58,39,880000), 4821931, "BusyLoadingError: Redis is loading the dataset in memory", "cart.session.store in load_session", "BusyLoadingError", "Redis is loading the dataset in memory", "New issue in cart-api (production)", func="load_session", lineno=61, host="app-prod-03"),
    sentry(T(4,59,0,211000), 4821937, "OutOfMemoryError: " + OOMV, "cart.session.store in save_session", "OutOfMemoryError", OOMV, "New issue in cart-api (production)"),
    sentry(T(4,59,2,640000), 4821938, "OutOfMemoryError: " + OOMV, "cart.store.redis_cart in add_item", "OutOfMemoryError", OOMV, "New issue in cart-api (production)", func="add_item", module="cart.store.redis_cart", lineno=117, host="app-prod-02"),
    sentry(T(5,4,1,90000), 4821938, "OutOfMemoryError: " + OOMV, "cart.store.redis_cart in add_item", "OutOfMemoryError", OOMV, "High volume: more than 500 events in 5 minutes", func="add_item", module="cart.store.redis_cart", lineno=117, host="app-prod-01"),
    sentry(T(6,18,22,305000), 4821937, "OutOfMemoryError: " + OOMV, "cart.session.store in save_session", "OutOfMemoryError", OOMV, "Regression: resolved issue seen again", release="cart-api@4.11.3", host="app-prod-03"),
    sentry(T(6,18,24,771000), 4821938, "OutOfMemoryError: " + OOMV, "cart.store.redis_cart in add_item", "OutOfMemoryError", OOMV, "Regression: resolved issue seen again", release="cart-api@4.11.3", func="add_item", module="cart.store.redis_cart", lineno=117, host="app-prod-01"),
]
for a in alerts:
    if a["data"]["event"]["release"] == "cart-api@4.12.0" and a["data"]["event"]["datetime"] > "2026-03-05T05:2":
        pass
for a in alerts[1:6]:
    a["data"]["event"]["release"] = "cart-api@4.12.0"
with open(os.path.join(OUT, "sentry_alerts.json"), "w") as f:
    json.dump(alerts, f, indent=2, ensure_ascii=False)
print(totals, len(entries), len(rl))
