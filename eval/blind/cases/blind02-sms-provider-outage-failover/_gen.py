# Generates envoy_access.log (Envoy default format) and sms-dispatch.log (logrus text) for blind02. Not an input.
import datetime as dt
import json
import random
import uuid

random.seed(202)
def T(s): return dt.datetime.strptime(s, '%Y-%m-%d %H:%M:%S')
def ez(t): return t.strftime('%Y-%m-%dT%H:%M:%S.') + f'{t.microsecond//1000:03d}Z'
def lz(t): return t.strftime('%Y-%m-%dT%H:%M:%SZ')
E, G = [], []
RW = ['34.117.20.5:443', '34.117.20.9:443', '34.117.21.14:443']
TB = ['52.45.190.33:443', '52.45.190.71:443']
def env(t, method, path, code, flags, rx, tx, dur, ust, ua, host, up):
    E.append((t, f'[{ez(t)}] "{method} {path} HTTP/1.1" {code} {flags} {rx} {tx} {dur} {ust} "-" "{ua}" "{uuid.UUID(int=random.getrandbits(128), version=4)}" "{host}" "{up}"'))
def lg(t, lvl, msg, **kv):
    s = ' '.join(f'{k}={json.dumps(v)}' if isinstance(v, str) and (' ' in v or '=' in v or '"' in v) else f'{k}={v}' for k, v in kv.items())
    G.append((t, f'time="{lz(t)}" level={lvl} msg="{msg}" {s}'.rstrip()))
t0, t1 = T('2026-05-12 13:40:00'), T('2026-05-12 16:15:00')
DEPLOY = T('2026-05-12 13:52:10'); FAIL = T('2026-05-12 14:07:31'); EJECT = T('2026-05-12 14:09:52')
SWITCH = T('2026-05-12 14:31:02'); KEYOK = T('2026-05-12 14:39:12'); BACK = T('2026-05-12 16:02:05')
lg(T('2026-05-12 13:40:00') + dt.timedelta(seconds=4), 'info', 'retry queue stats', depth=0, workers=40)
lg(DEPLOY, 'info', 'starting sms-dispatch', version='2.14.0', commit='8c1f2ad', go='go1.22.3')
lg(DEPLOY + dt.timedelta(seconds=1), 'info', 'provider routing loaded', primary='relaywave', secondary='textbridge', source='flag sms.primary_provider')
lg(DEPLOY + dt.timedelta(seconds=1), 'info', 'template set loaded', templates=14, changed='appt_reminder_v5')
t = t0
first = True
while t < t1:
    t += dt.timedelta(seconds=random.uniform(7, 15))
    t = t.replace(microsecond=random.randint(0, 999) * 1000)
    ua = 'sms-dispatch/2.14.0' if t >= DEPLOY else 'sms-dispatch/2.13.4'
    kind = random.choice(['otp', 'otp', 'reminder'])
    if random.random() < 0.12:
        env(t, 'POST', '/v3/mail/send', 202, '-', random.randint(900, 2400), 0, random.randint(60, 180), random.randint(55, 170), 'notify-mailer/1.8.2', 'api.sendgrid.com', '149.72.154.232:443'); continue
    if t < FAIL or (t >= BACK):
        d = random.randint(90, 260); env(t, 'POST', '/v2/messages', 202, '-', random.randint(380, 499), 96, d, d - random.randint(1, 4), ua, 'api.relaywave.io', random.choice(RW))
        if random.random() < 0.1: lg(t, 'debug', 'sent', provider='relaywave', kind=kind, status=202)
        continue
    if first:
        t = FAIL.replace(microsecond=482000); first = False
    if t < SWITCH:
        # outage window on relaywave
        if t < EJECT or random.random() < 0.07:
            if random.random() < 0.8:
                d = random.randint(1500, 2300); env(t, 'POST', '/v2/messages', 503, '-', random.randint(380, 499), 57, d, d - 2, ua, 'api.relaywave.io', random.choice(RW))
                lg(t, 'error', 'provider send failed', provider='relaywave', kind=kind, status=503, body='{"error":"upstream unavailable"}', attempt=random.randint(1, 3))
            else:
                env(t, 'POST', '/v2/messages', 504, 'UT', random.randint(380, 499), 24, 5001, '-', ua, 'api.relaywave.io', random.choice(RW))
                lg(t, 'error', 'provider send failed', provider='relaywave', kind=kind, status=504, err='upstream request timeout', attempt=random.randint(1, 3))
        else:
            env(t, 'POST', '/v2/messages', 503, 'UH', random.randint(380, 499), 19, 0, '-', ua, 'api.relaywave.io', '-')
            if random.random() < 0.5: lg(t, 'error', 'provider send failed', provider='relaywave', kind=kind, status=503, err='no healthy upstream', attempt=random.randint(1, 3))
    elif t < KEYOK:
        env(t, 'POST', '/1/sms/send', 401, '-', random.randint(350, 480), 61, random.randint(40, 90), random.randint(38, 88), ua, 'api.textbridge.com', random.choice(TB))
        lg(t, 'error', 'provider send failed', provider='textbridge', kind=kind, status=401, body='{"code":"invalid_api_key"}', attempt=1)
    else:
        d = random.randint(110, 320); env(t, 'POST', '/1/sms/send', 200, '-', random.randint(350, 480), 143, d, d - 3, ua, 'api.textbridge.com', random.choice(TB))
        if random.random() < 0.15: lg(t, 'debug', 'sent', provider='textbridge', kind=kind, status=200)
# explicit key events
env(T('2026-05-12 14:09:52').replace(microsecond=10000), 'POST', '/v2/messages', 503, 'UH', 451, 19, 0, '-', 'sms-dispatch/2.14.0', 'api.relaywave.io', '-')
lg(EJECT, 'warn', 'circuit open', provider='relaywave', reason='consecutive 5xx', ejected_hosts=3)
lg(SWITCH, 'info', 'provider routing changed', primary='textbridge', secondary='relaywave', source='flag sms.primary_provider', changed_by='raj.patel')
lg(T('2026-05-12 14:38:41'), 'info', 'secret reloaded', path='secret/sms/textbridge', version=7)
env(KEYOK, 'POST', '/1/sms/send', 200, '-', 402, 143, 188, 185, 'sms-dispatch/2.14.0', 'api.textbridge.com', TB[0])
lg(KEYOK, 'info', 'sent', provider='textbridge', kind='otp', status=200)
lg(BACK, 'info', 'provider routing changed', primary='relaywave', secondary='textbridge', source='flag sms.primary_provider', changed_by='raj.patel')
# retry queue stats each minute
depth = 0
m = T('2026-05-12 13:41:00')
while m < t1:
    if FAIL <= m < KEYOK: depth += random.randint(230, 330)
    elif m >= KEYOK: depth = max(0, depth - random.randint(380, 560))
    lvl = 'warn' if depth > 500 else 'info'
    if m.minute % 1 == 0: lg(m + dt.timedelta(seconds=4), lvl, 'retry queue stats', depth=depth, workers=40)
    if depth == 0 and m > KEYOK and not any('drained' in g for _, g in G):
        lg(T('2026-05-12 14:58:01'), 'info', 'retry queue drained', depth=0, redelivered=11870)
    m += dt.timedelta(minutes=1)
# noise
for i in range(25):
    tt = t0 + dt.timedelta(seconds=random.randint(0, 9000))
    lg(tt, random.choice(['info', 'warn']), random.choice(['opt-out processed', 'invalid phone number rejected', 'template rendered', 'carrier lookup cache miss']), phone_hash=f'{random.getrandbits(32):08x}')
E.sort(key=lambda x: x[0]); G.sort(key=lambda x: x[0])
open('envoy_access.log', 'w').write('\n'.join(l for _, l in E) + '\n')
open('sms-dispatch.log', 'w').write('\n'.join(l for _, l in G) + '\n')
print(len(E), len(G))
