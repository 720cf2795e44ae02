# Generates app.log (logfmt, UTC) for blind01. Not an input.
import datetime as dt
import random

random.seed(101)
Z = lambda d: d.strftime('%Y-%m-%dT%H:%M:%S.') + f"{d.microsecond//1000:03d}Z"
T = lambda s: dt.datetime.strptime(s, '%Y-%m-%d %H:%M:%S.%f')
L = []
def add(t, lvl, svc, msg, **kv):
    kvs = ' '.join(f'{k}={v}' if not (isinstance(v, str) and ' ' in v) else f'{k}="{v}"' for k, v in kv.items())
    L.append((t, f'ts={Z(t)} level={lvl} svc={svc} msg="{msg}" {kvs}'.rstrip()))
# background noise: seller-api + conciliacao, business hours BRT (11:00-23:00 UTC)
start = dt.datetime(2026, 4, 17, 8, 0); end = dt.datetime(2026, 4, 23, 14, 0)
t = start
paths = ['/v1/sellers/me/balance', '/v1/sellers/me/payouts', '/v1/orders', '/v1/sellers/me/statements', '/healthz']
while t < end:
    h = t.hour
    step = random.randint(300, 700) if 11 <= h <= 23 else random.randint(1500, 3000)
    t += dt.timedelta(seconds=step, milliseconds=random.randint(0, 999))
    p = random.choice(paths)
    st = random.choice([200]*30 + [404, 401])
    add(t, 'info', 'seller-api', 'request', method='GET', path=p, status=st, dur_ms=random.randint(8, 140), pod=f'seller-api-7c9d{random.choice("ab")}-{random.choice(["x2k4p","m8q1z","r5t7w"])}')
    if random.random() < 0.08:
        add(t + dt.timedelta(seconds=3), 'warn', 'seller-api', 'slow query', query='statements_by_period', dur_ms=random.randint(900, 2400))
    if random.random() < 0.05:
        add(t + dt.timedelta(seconds=11), 'info', 'conciliacao', 'acquirer settlement file processed', acquirer='Cielo', rows=random.randint(800, 4000))
# PIX/SPI maintenance (red herring) Sunday night
add(T('2026-04-20 02:00:00.118'), 'warn', 'pix-gw', 'spi unavailable, queuing pix out', reason='bcb_maintenance_window')
for i in range(1, 6):
    add(T('2026-04-20 02:00:00.118') + dt.timedelta(minutes=12*i, seconds=random.randint(0, 50)), 'warn', 'pix-gw', 'spi unavailable, queuing pix out', reason='bcb_maintenance_window', queued=3*i)
add(T('2026-04-20 03:14:09.551'), 'info', 'pix-gw', 'spi available again, flushed queue', flushed=17)
# Friday-before context: a normal Friday run shown on Sat? keep a normal run on Sun? no runs on weekend
def run(day, n, total, fail, ack_min=None):
    b = T(f'{day} 09:00:00.204')
    rem = 'REM' + day.replace('-', '') + '_01.rem'
    add(b, 'info', 'repasse-batch', 'run started', run_id=f'rb-{day}', schedule='0 6 * * 1-5', tz='America/Sao_Paulo')
    add(b + dt.timedelta(seconds=2, milliseconds=310), 'info', 'repasse-batch', 'payouts selected', count=n, total_brl=total, settlement='D+1 util')
    add(b + dt.timedelta(seconds=5, milliseconds=877), 'info', 'cnab-writer', 'cnab240 file written', file=rem, records=n + 4, bytes=(n + 4) * 242, layout='240-v10.7')
    add(b + dt.timedelta(seconds=6, milliseconds=90), 'info', 'repasse-batch', 'payout status updated', status='enviado', count=n)
    if fail:
        for i in range(3):
            ti = b + dt.timedelta(seconds=6 + 30 * (i + 1) + i * 31, milliseconds=400 + i)
            add(ti, 'warn', 'sftp-uploader', 'sftp connect failed', host='sftp.bancofiducia.com.br:22', attempt=i + 1, err='dial tcp 200.185.44.19:22: i/o timeout', timeout='30s')
        ti = b + dt.timedelta(seconds=159, milliseconds=712)
        add(ti, 'warn', 'sftp-uploader', 'upload failed, file kept in outbox for retry', file=rem, outbox=f'/data/outbox/{rem}', retries=3)
        add(ti + dt.timedelta(milliseconds=44), 'info', 'repasse-batch', 'run finished', run_id=f'rb-{day}', result='ok', exit_code=0, duration_s=160)
    else:
        add(b + dt.timedelta(seconds=7, milliseconds=12), 'info', 'sftp-uploader', 'sftp connected', host='sftp.bancofiducia.com.br:22', attempt=1)
        add(b + dt.timedelta(seconds=8, milliseconds=933), 'info', 'sftp-uploader', 'upload ok', file=rem, remote=f'/remessa/{rem}', bytes=(n + 4) * 242)
        add(b + dt.timedelta(seconds=9, milliseconds=20), 'info', 'repasse-batch', 'run finished', run_id=f'rb-{day}', result='ok', exit_code=0, duration_s=9)
        if ack_min:
            add(b + dt.timedelta(minutes=ack_min, seconds=14, milliseconds=303), 'info', 'retorno-poller', 'bank ack received', file=rem, ack='ACK' + day.replace('-', '') + '_01.txt', status='ARQUIVO ACEITO')
run('2026-04-17', 2466, '5120774.09', False, ack_min=16)
run('2026-04-20', 2314, '4871226.40', True)
add(T('2026-04-21 09:00:00.199'), 'info', 'repasse-batch', 'skipping run: non-business day', holiday='Tiradentes', run_id='rb-2026-04-21')
run('2026-04-22', 1902, '3954018.75', True)
run('2026-04-23', 2087, '4402361.12', False, ack_min=17)
# nightly retorno polls (20:00 BRT)
for day, exp in [('2026-04-17', 'none'), ('2026-04-18', 'none'), ('2026-04-19', 'none'), ('2026-04-20', 'REM20260420_01.rem'), ('2026-04-21', 'REM20260420_01.rem')]:
    add(T(f'{day} 23:00:03.640'), 'info', 'retorno-poller', 'retorno poll', dir='/retorno', found=0, pending=exp)
add(T('2026-04-22 23:00:03.702'), 'info', 'retorno-poller', 'retorno poll', dir='/retorno', found=1)
add(T('2026-04-22 23:00:05.118'), 'info', 'retorno-poller', 'retorno processed', file='RET20260422_M01.ret', liquidated=4209, rejected=7, reject_codes='AP:5,BD:2')
# manual connectivity check after temporary route
add(T('2026-04-22 17:34:51.406'), 'info', 'sftp-uploader', 'connectivity check ok', host='sftp.bancofiducia.com.br:22', mode='manual', by='rafael.mota')
add(T('2026-04-22 14:06:12.920'), 'info', 'sftp-uploader', 'outbox listed', files='REM20260420_01.rem,REM20260422_01.rem', by='rafael.mota')
# dashboard deploy Tue (red herring)
add(T('2026-04-21 18:22:40.010'), 'info', 'seller-web', 'deploy finished', version='2026.04.21-2', change='payouts page redesign')
L.sort(key=lambda x: x[0])
open('app.log', 'w').write('\n'.join(l for _, l in L) + '\n')
print(len(L))
