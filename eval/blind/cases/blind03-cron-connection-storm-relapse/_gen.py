# Generates postgresql-2026-03-02.csv (PostgreSQL 15 csvlog, UTC) and docker-compose.log for blind03. Not an input.
import random, datetime as dt
random.seed(303)
def T(s): return dt.datetime.strptime(s, '%Y-%m-%d %H:%M:%S.%f')
PG, DC = [], []
pid = [48000]
def pgt(t): return t.strftime('%Y-%m-%d %H:%M:%S.') + f'{t.microsecond//1000:03d} UTC'
def q(s): return '"' + s.replace('"', '""') + '"' if s is not None else ''
def pg(t, user, db, p, frm, sstart, line, tag, sev, code, msg, app='', btype='client backend', vxid='', detail=None):
    sid = f'{int(sstart.replace(tzinfo=dt.timezone.utc).timestamp()):x}.{p:x}'
    cols = [pgt(t), q(user) if user else '', q(db) if db else '', str(p), q(frm) if frm else '', sid, str(line), q(tag) if tag is not None else '',
            sstart.strftime('%Y-%m-%d %H:%M:%S UTC'), vxid, '0', sev, code, q(msg), q(detail) if detail else '', '', '', '', '', '', '', '', q(app), q(btype), '', '0']
    PG.append((t, ','.join(cols)))
def dc(t, svc, text):
    DC.append((t, f'{svc:<8}  | {t.strftime("%Y-%m-%dT%H:%M:%S.")}{t.microsecond//1000:03d}Z {text}'))
start, end = T('2026-03-02 14:30:00.000'), T('2026-03-02 18:00:00.000')
W1 = (T('2026-03-02 15:30:41.207'), T('2026-03-02 15:48:20.540'))
W2 = (T('2026-03-02 16:30:38.611'), T('2026-03-02 16:40:05.318'))
inw = lambda t: W1[0] <= t < W1[1] or W2[0] <= t < W2[1]
# checkpoints every 5 min
t = start
while t < end:
    c = t + dt.timedelta(seconds=random.randint(0, 2), milliseconds=random.randint(0, 999))
    pg(c, None, None, 41, None, T('2026-02-27 03:11:09.000'), 0, None, 'LOG', '00000', 'checkpoint starting: time', btype='checkpointer')
    w = random.randint(900, 4200)
    pg(c + dt.timedelta(seconds=150, milliseconds=random.randint(0, 900)), None, None, 41, None, T('2026-02-27 03:11:09.000'), 0, None, 'LOG', '00000',
       f'checkpoint complete: wrote {w} buffers ({w/16384*100:.1f}%); 0 WAL file(s) added, 0 removed, {random.randint(1,4)} recycled; write={random.uniform(140,149):.3f} s, sync=0.{random.randint(10,90):03d} s, total={random.uniform(149,150):.3f} s; sync files={random.randint(40,90)}, longest=0.0{random.randint(10,40)} s, average=0.001 s; distance={random.randint(20000,70000)} kB, estimate={random.randint(40000,70000)} kB', btype='checkpointer')
    t += dt.timedelta(minutes=5)
# slow queries noise
for i in range(20):
    tt = start + dt.timedelta(seconds=random.randint(0, 12600), milliseconds=random.randint(0, 999))
    p = random.randint(30000, 47000)
    pg(tt, 'api', 'thaali', p, f'172.19.0.{random.choice([4,5])}:{random.randint(33000,60000)}', tt - dt.timedelta(minutes=random.randint(5, 300)), random.randint(10, 900), 'SELECT', 'LOG', '00000',
       f'duration: {random.uniform(1000, 2600):.3f} ms  statement: SELECT o.id, o.status, o.total_paise FROM orders o WHERE o.customer_id = $1 ORDER BY o.created_at DESC LIMIT 20', app='thaali-api', vxid=f'{random.randint(3,40)}/{random.randint(1000,90000)}')
# sweep connections
def sweep(t0, n, app='cashback-sweep'):
    pids = []
    for i in range(n):
        tt = t0 + dt.timedelta(milliseconds=180 + i * 37 + random.randint(0, 20))
        pid[0] += random.randint(1, 4); p = pid[0]
        frm = f'172.19.0.7:{random.randint(40000,60000)}'
        pg(tt, 'cashback', 'thaali', p, frm, tt.replace(microsecond=0), 2, 'authentication', 'LOG', '00000', f'connection authorized: user=cashback database=thaali application_name={app}', app=app, vxid=f'{random.randint(3,90)}/{random.randint(1,9)}')
        pids.append((p, frm, tt.replace(microsecond=0)))
    return pids
def kill(t0, pids):
    for i, (p, frm, ss) in enumerate(pids):
        tt = t0 + dt.timedelta(milliseconds=i * 3 + random.randint(0, 2))
        pg(tt, 'cashback', 'thaali', p, frm, ss, random.randint(200, 3000), random.choice(['UPDATE', 'idle in transaction', 'SELECT']), 'FATAL', '57P01', 'terminating connection due to administrator command', app='cashback-sweep', vxid=f'{random.randint(3,90)}/{random.randint(1000,99999)}')
p1 = sweep(T('2026-03-02 15:30:00.000'), 64)
p2 = sweep(T('2026-03-02 16:30:00.000'), 64)
p3 = sweep(T('2026-03-02 17:20:00.000'), 4)
# admin sessions
for tt, frm in [(T('2026-03-02 15:44:51.330'), '10.20.0.31:55012'), (T('2026-03-02 16:35:12.020'), '10.20.0.31:55190')]:
    pid[0] += 3
    pg(tt, 'thaali_admin', 'thaali', pid[0], frm, tt.replace(microsecond=0), 2, 'authentication', 'LOG', '00000', 'connection authorized: user=thaali_admin database=thaali application_name=psql', app='psql', vxid='7/2')
    adm = (pid[0], frm, tt.replace(microsecond=0))
kill(T('2026-03-02 15:48:20.540'), p1)
kill(T('2026-03-02 16:40:05.318'), p2)
# too many clients
for (a, b) in [W1, W2]:
    t = a
    while t < b:
        pid[0] += random.randint(1, 3)
        frm = f'172.19.0.{random.choice([4,5])}:{random.randint(33000,60000)}'
        pg(t, 'api', 'thaali', pid[0], frm, t.replace(microsecond=0), 1, 'startup', 'FATAL', '53300', 'sorry, too many clients already')
        t += dt.timedelta(seconds=random.uniform(2.5, 6.5))
# autovacuum (red herring)
pg(T('2026-03-02 15:31:12.884'), None, None, 49002, None, T('2026-03-02 15:31:04.000'), 1, None, 'LOG', '00000',
   'automatic vacuum of table "thaali.public.orders": index scans: 1\npages: 0 removed, 412877 remain, 48120 scanned (11.65% of total)\ntuples: 91233 removed, 6120455 remain, 0 are dead but not yet removable\navg read rate: 14.882 MB/s, avg write rate: 3.101 MB/s\nsystem usage: CPU: user: 3.12 s, system: 0.88 s, elapsed: 8.01 s', btype='autovacuum worker', vxid='12/3301')
pg(T('2026-03-02 17:05:40.102'), None, None, 51311, None, T('2026-03-02 17:05:31.000'), 1, None, 'LOG', '00000',
   'automatic analyze of table "thaali.public.wallet_ledger"\nsystem usage: CPU: user: 1.01 s, system: 0.12 s, elapsed: 2.44 s', btype='autovacuum worker', vxid='14/902')
# ---- compose logs
RESTART = T('2026-03-02 15:42:10.400')
dc(T('2026-03-02 14:30:02.118'), 'worker-1', 'INFO  scheduler heartbeat jobs=3 next=cashback-sweep@2026-03-02T21:00:00+05:30')
dc(T('2026-03-02 13:02:31.880'), 'worker-1', 'INFO  worker starting version=3.8.0 tz=Asia/Kolkata')
dc(T('2026-03-02 13:02:31.902'), 'worker-1', 'INFO  job registered name=cashback-sweep schedule="0 21,22,23 * * *" workers=64 db_mode=direct')
dc(T('2026-03-02 13:02:31.903'), 'worker-1', 'INFO  job registered name=coupon-expiry schedule="*/15 * * * *"')
dc(T('2026-03-02 13:02:31.903'), 'worker-1', 'INFO  job registered name=rider-payout-export schedule="30 23 * * *"')
for m in range(0, 211, 15):
    tt = start + dt.timedelta(minutes=m, seconds=0, milliseconds=random.randint(5, 90))
    if W2[1] < tt and tt < T('2026-03-02 16:41:00.000'): continue
    dc(tt, 'worker-1', f'INFO  job coupon-expiry done expired={random.randint(0,40)} dur_ms={random.randint(80,400)}')
def run(t0, n, rid, workers, stop, err=None, done=None):
    dc(t0 + dt.timedelta(milliseconds=5), 'worker-1', f'INFO  job cashback-sweep started run={rid} workers={workers} db_mode=direct wallets_pending=51000')
    k = 0; tt = t0 + dt.timedelta(seconds=60)
    while tt < stop:
        k += n; dc(tt, 'worker-1', f'INFO  job cashback-sweep progress run={rid} processed={min(k,51000)}/51000'); tt += dt.timedelta(seconds=60)
    if err: dc(stop + dt.timedelta(milliseconds=60), 'worker-1', f'ERROR job cashback-sweep failed run={rid} err="FATAL: terminating connection due to administrator command (SQLSTATE 57P01)" processed={err}/51000')
    if done: dc(stop, 'worker-1', f'INFO  job cashback-sweep finished run={rid} processed=51000/51000 dur_s={int((stop-t0).total_seconds())}')
run(T('2026-03-02 15:30:00.000'), 1040, 1, 64, W1[1], err=18230)
run(T('2026-03-02 16:30:00.000'), 1190, 2, 64, T('2026-03-02 16:39:58.000'))
dc(T('2026-03-02 16:39:58.114'), 'worker-1', 'INFO  received SIGTERM, stopping scheduler (in-flight jobs: cashback-sweep run=2)')
dc(T('2026-03-02 16:40:02.771'), 'worker-1', 'INFO  worker starting version=3.8.0 tz=Asia/Kolkata')
dc(T('2026-03-02 16:40:02.790'), 'worker-1', 'WARN  job disabled name=cashback-sweep reason=CASHBACK_SWEEP_ENABLED=false')
dc(T('2026-03-02 16:40:02.791'), 'worker-1', 'INFO  job registered name=coupon-expiry schedule="*/15 * * * *"')
dc(T('2026-03-02 16:40:02.791'), 'worker-1', 'INFO  job registered name=rider-payout-export schedule="30 23 * * *"')
run(T('2026-03-02 17:20:00.000'), 4400, 'manual', 4, T('2026-03-02 17:31:44.000'), done=True)
# api per-minute summaries and errors
tot = {1: [0, 0], 2: [0, 0]}
m = start
while m < end:
    for svc in ['api-1', 'api-2']:
        base = random.randint(760, 860) if (T('2026-03-02 15:00:00.0') <= m < T('2026-03-02 17:00:00.0')) else random.randint(520, 650)
        if T('2026-03-02 15:30:00.0') <= m < T('2026-03-02 15:36:00.0'): base += random.randint(120, 200)  # Holi push bump
        win_s = 0
        for s in range(60):
            if inw(m - dt.timedelta(seconds=60) + dt.timedelta(seconds=s)): win_s += 1
        if svc == 'api-1' and m - dt.timedelta(seconds=60) < RESTART <= m: pass
        fails = int(base * win_s / 60 * random.uniform(0.58, 0.66))
        cf = int(fails * random.uniform(0.27, 0.31))
        for w, (a, b) in [(1, W1), (2, W2)]:
            if a <= m - dt.timedelta(seconds=30) <= b or (a <= m <= b + dt.timedelta(seconds=60) and win_s): tot[w][0] += fails; tot[w][1] += cf
        dc(m + dt.timedelta(milliseconds=random.randint(1, 9)), svc, f'INFO  http summary window=60s requests={base} status_5xx={fails} checkout_failed={cf} db_pool_in_use={min(60, 32 + random.randint(0, 10) + (28 if win_s else 0))}/60')
    m += dt.timedelta(minutes=1)
for (a, b) in [W1, W2]:
    t = a + dt.timedelta(milliseconds=900)
    while t < b:
        svc = random.choice(['api-1', 'api-2'])
        path = random.choice(['POST /v1/checkout', 'GET /v1/menu', 'GET /v1/orders', 'POST /v1/cart/items', 'POST /v1/checkout'])
        dc(t, svc, f'ERROR {path} 503 db acquire failed: FATAL: sorry, too many clients already (SQLSTATE 53300) retry=immediate')
        t += dt.timedelta(seconds=random.uniform(7, 15))
dc(RESTART, 'api-1', 'INFO  received SIGTERM, shutting down gunicorn')
dc(RESTART + dt.timedelta(milliseconds=600), 'api-2', 'INFO  received SIGTERM, shutting down gunicorn')
dc(RESTART + dt.timedelta(seconds=4, milliseconds=210), 'api-1', 'INFO  listening on 0.0.0.0:8080 workers=6 db_pool_max=60')
dc(RESTART + dt.timedelta(seconds=4, milliseconds=990), 'api-2', 'INFO  listening on 0.0.0.0:8080 workers=6 db_pool_max=60')
# nginx noise
for i in range(30):
    tt = start + dt.timedelta(seconds=random.randint(0, 12600), milliseconds=random.randint(0, 999))
    code = 503 if inw(tt) and random.random() < 0.6 else 200
    dc(tt, 'nginx-1', f'172.19.0.1 - - [{(tt + dt.timedelta(hours=5, minutes=30)).strftime("%d/%b/%Y:%H:%M:%S")} +0530] "{random.choice(["GET /v1/menu", "POST /v1/checkout", "GET /v1/orders"])} HTTP/1.1" {code} {random.randint(120, 5400)} "-" "ThaaliApp/5.12.0 (Android 14)"')
PG.sort(key=lambda x: x[0]); DC.sort(key=lambda x: x[0])
open('postgresql-2026-03-02.csv', 'w').write('\n'.join(l for _, l in PG) + '\n')
open('docker-compose.log', 'w').write('\n'.join(l for _, l in DC) + '\n')
print(len(PG), len(DC), tot)
