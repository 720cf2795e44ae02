#!/usr/bin/env python3
"""blindK03 generator: irssi IRC log (local America/Sao_Paulo, zone never stated), MySQL 8 error logs (UTC),
MySQL slow log, CronJob pod log, ServiceNow incident CSV (display time = BRT, no zone).
Seeded; writes inputs + gold.json; checks quotes and key-time order."""
import json, random, os, csv, io, datetime as dt
random.seed(110303)
D = os.path.dirname(os.path.abspath(__file__))
UTC = dt.timezone.utc; BRT = dt.timezone(dt.timedelta(hours=-3))
def T(s): return dt.datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
def L(s): return dt.datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=BRT)   # local chat minute

DBPW = "Tq!83mLz0#wqVe"
PHONE = "+55 11 97314-2286"
# ------------------------------------------------------------ IRC (irssi, local BRT)
irc = []   # (local dt, line-body)
def say(t, nick, text, mode=""):
    for ln in text.split("\n"): irc.append((L(t), f"< {mode}{nick}> {ln}"))
def ev(t, text): irc.append((L(t), f"-!- {text}"))
def act(t, nick, text): irc.append((L(t), f" * {nick} {text}"))
def bot(t, text): say(t, "alertabot", text)
# Thu Dec 03
ev("2026-12-03 14:02","rnunes [~rnunes@qp-bouncer.int] has joined #pix-ops")
say("2026-12-03 14:05","tlima","boa tarde. lembrete: sábado é dia 5, pix agendado de salário cai à meia-noite, volume ~3x", "@")
say("2026-12-03 14:40","dalmeida","PR #4127 mergeado: purge-expired-qrcodes saiu da vm-batch-02 (crontab) e virou CronJob no k8s. mesma schedule \"0 3 * * *\", crontab da VM já comentado")
say("2026-12-03 14:41","rnunes","👍 menos uma VM pra cuidar")
say("2026-12-03 16:12","mkowalski","heads-up: Mercadão marketplace is migrating their checkout to our polling API this week, so status-api traffic will be higher")
say("2026-12-03 18:30","bia_noc","passagem de turno NOC: sem pendências")
# Fri Dec 04 (first run of the CronJob at 00:00 local; nobody around)
bot("2026-12-04 00:08","[FIRING:1] MySQLReplicaLagHigh warning db-pix-replica-2 lag=318s https://grafana.quitanda.example/d/mysql-repl")
bot("2026-12-04 00:10","[FIRING:1] MySQLReplicaLagHigh warning db-pix-replica-1 lag=305s https://grafana.quitanda.example/d/mysql-repl")
bot("2026-12-04 00:31","[RESOLVED] MySQLReplicaLagHigh warning db-pix-replica-2")
bot("2026-12-04 00:33","[RESOLVED] MySQLReplicaLagHigh warning db-pix-replica-1")
say("2026-12-04 09:20","bia_noc","chamado INC0091877 de lojista (Loja Vovó Nena): pix pago ontem perto da meia-noite ficou pendente uns minutos. não reproduzimos, fechei como P4")
say("2026-12-04 09:22","rnunes","provavelmente o app deles cacheando. ok")
say("2026-12-04 11:03","jucosta","alguém viu alerta de lag nas réplicas de madrugada? vi no grafana um pico de ~6 min às 00h","@")
say("2026-12-04 11:05","dalmeida","pix agendado? sexta não tem muito")
say("2026-12-04 11:06","jucosta","não sei, vou olhar depois","@")
say("2026-12-04 15:44","tlima","deploy freeze a partir das 18h até segunda, fim de semana do dia 5","@")
ev("2026-12-04 19:02","dalmeida [~dalmeida@qp-bouncer.int] has quit [Quit: fds]")
# Sat Dec 05 - incident
bot("2026-12-05 00:00","[INFO] pix-agendado batch started: 412.338 pagamentos agendados para 2026-12-05")
bot("2026-12-05 00:07","[FIRING:1] MySQLReplicaLagHigh warning db-pix-replica-2 lag=344s https://grafana.quitanda.example/d/mysql-repl")
bot("2026-12-05 00:09","[FIRING:1] MySQLReplicaLagHigh warning db-pix-replica-1 lag=331s https://grafana.quitanda.example/d/mysql-repl")
say("2026-12-05 00:43","bia_noc",f"@rnunes urgente: Mercadão ligou no 0800 às 00:38, pix pagos aparecendo como pendentes na API de status desde ~meia-noite, pedidos travados. contato deles: Paulo Reis {PHONE}. abri INC0092014 P2 e te paginei")
say("2026-12-05 00:44","bia_noc","outros 3 lojistas abriram chat com a mesma coisa")
ev("2026-12-05 00:49","rnunes [~rnunes@qp-bouncer.int] has joined #pix-ops")
say("2026-12-05 00:50","rnunes","tô aqui. olhando")
say("2026-12-05 00:52","rnunes","status-api sem erro, p99 ok. só que retorna PENDENTE pra txid que já tá CONCLUIDA no primário")
say("2026-12-05 00:53","rnunes","webhooks saem certinho (leem do primário). só quem faz polling tá vendo status velho")
say("2026-12-05 00:54","mkowalski","I'm up. Mercadão has ~14k orders stuck on 'aguardando pagamento'. could this be the agendado batch? it's 3x volume tonight")
say("2026-12-05 00:55","rnunes","pode ser. ou o SPI do BACEN instável de novo?")
say("2026-12-05 00:56","bia_noc","status page do BCB tá tudo verde, e as liquidações estão entrando no primário normal")
say("2026-12-05 00:58","rnunes","réplica-2: Seconds_Behind_Source: 2291. 38 min atrás!! por isso o status velho")
say("2026-12-05 00:59","rnunes","o alerta de lag tá tocando desde 00:07 aqui no canal e ninguém viu, é warning, não pagina")
say("2026-12-05 01:00","rnunes","chamando a DBA de plantão")
ev("2026-12-05 01:02","jucosta [~jucosta@qp-bouncer.int] has joined #pix-ops")
say("2026-12-05 01:03","jucosta","oi. o SQL thread tá aplicando Delete_rows em pix.pix_qrcode, lote atrás de lote. isso é o purge","@")
say("2026-12-05 01:03","jucosta","mas o purge roda às 3h, não meia-noite??","@")
say("2026-12-05 01:04","rnunes","aponta o status-api pra réplica-1 então?")
say("2026-12-05 01:05","jucosta","réplica-1 tá 36 min atrás também, mesmo binlog. não adianta","@")
say("2026-12-05 01:06","jucosta",f"pra quem for conferir: mysql -h 10.20.4.11 -u dba_jucosta -p'{DBPW}' -e 'SHOW REPLICA STATUS\\G' | grep -E 'Seconds_Behind|Running'","@")
say("2026-12-05 01:07","rnunes","kubectl get cronjob purge-expired-qrcodes -o yaml → schedule: \"0 3 * * *\", sem timeZone. o controller roda em UTC. 3h UTC = meia-noite aqui")
say("2026-12-05 01:07","rnunes","na VM o crontab tinha TZ=America/Sao_Paulo, por isso rodava às 3h locais")
say("2026-12-05 01:08","tlima","quem foi o gênio que migrou o cron sem olhar o fuso","@")
say("2026-12-05 01:08","mkowalski","not now please, blameless. what's the fastest way to stop the bleeding?")
say("2026-12-05 01:09","jucosta","matei o job: kubectl delete job purge-expired-qrcodes-29413620. o lote atual comita e para","@")
say("2026-12-05 01:10","rnunes","e liga a flag pix_status_read_from_primary? o primário aguenta, tá em 41% de CPU mesmo com o agendado")
say("2026-12-05 01:10","tlima","vai","@")
say("2026-12-05 01:12","rnunes","flag pix_status_read_from_primary=true aplicada 01:12, status-api lendo do primário")
say("2026-12-05 01:14","rnunes","txid de teste do Mercadão agora CONCLUIDA ✅")
say("2026-12-05 01:16","bia_noc","Paulo do Mercadão confirmou, pedidos liberando. vou atualizar o INC")
say("2026-12-05 01:18","mkowalski","good. let's not touch anything else until replicas catch up")
say("2026-12-05 01:21","jucosta","lag réplica-2 caindo: 2410s → 1980s. o purge parou no lote 26","@")
say("2026-12-05 01:25","tlima","o Diego subiu o CronJob e foi dormir, depois a gente vê isso com ele","@")
say("2026-12-05 01:26","jucosta","Thiago, a schedule foi copiada igual, o problema é que o k8s não herda TZ da VM. ninguém sabia disso, inclusive eu","@")
say("2026-12-05 01:31","mkowalski","impact numbers so far: Mercadão 14,380 orders held. across all merchants ~3,900 pix payments showed PENDENTE for more than 5 min, 212 merchants on the polling API")
say("2026-12-05 01:33","bia_noc","37 clientes pagaram duas vezes (pagaram de novo achando que não tinha ido). lista no INC")
say("2026-12-05 01:35","rnunes","e o INC0091877 de ontem era isso mesmo, primeira execução do CronJob, lag de 6 min")
say("2026-12-05 01:51","jucosta","réplicas em lag 0 ✅ (réplica-1 01:49, réplica-2 01:51)","@")
say("2026-12-05 01:53","jucosta","sobraram ~2,7M linhas pra apagar, rodo amanhã de madrugada na mão com pt-archiver","@")
say("2026-12-05 02:05","dalmeida","acordei com o page... li tudo. desculpa pessoal. subo PR com timeZone agora")
say("2026-12-05 02:09","dalmeida","PR #4133: timeZone: America/Sao_Paulo no CronJob + suspend: true até segunda")
say("2026-12-05 02:14","jucosta","aprovado. aplicado via argo, cronjob suspenso","@")
say("2026-12-05 02:20","rnunes","flag pix_status_read_from_primary=false, status-api de volta nas réplicas. monitorando")
say("2026-12-05 02:28","rnunes","10 min estável, nada pendente indevido")
say("2026-12-05 02:31","tlima","resolvido. INC0092014 fechado. postmortem segunda 10h. anotem as ações aqui","@")
say("2026-12-05 02:33","jucosta","colocar timeZone: America/Sao_Paulo em todos os CronJobs e um lint no CI que recusa CronJob sem timeZone","@")
say("2026-12-05 02:34","rnunes","alerta de replica lag > 300s tem que paginar, não só avisar no canal")
say("2026-12-05 02:35","jucosta","purge em lotes menores com pausa, checando o lag da réplica antes de cada lote (tipo pt-archiver --check-slave-lag)","@")
say("2026-12-05 02:36","mkowalski","status-api should fall back to the primary automatically when replica lag > 30s")
say("2026-12-05 02:37","bia_noc","NOC: chamado P4 de lojista com 'pendente indevido' tem que ir pro plantão, não fechar como não reproduzido")
say("2026-12-05 02:38","mkowalski","finance: refund the 37 duplicate payments first thing tomorrow")
say("2026-12-05 02:39","jucosta","e trocar minha senha, colei no canal 🤦","@")
say("2026-12-05 02:40","tlima","checklist de migração de cron → CronJob: fuso, concorrência, janela de execução","@")
ev("2026-12-05 02:45","rnunes [~rnunes@qp-bouncer.int] has quit [Quit: boa noite]")

irc.sort(key=lambda x: x[0])
out = ["--- Log opened Thu Dec 03 14:01:58 2026"]
day = None
for t,body in irc:
    if day is not None and t.date() != day:
        out.append(f"--- Day changed {t.strftime('%a %b %d %Y')}")
    day = t.date()
    out.append(f"{t.strftime('%H:%M')} {body}")
out.append("--- Log closed Sat Dec 05 02:51:07 2026")
os.makedirs(os.path.join(D,"irclogs","quitanda"), exist_ok=True)
open(os.path.join(D,"irclogs","quitanda","#pix-ops.log"),"w").write("\n".join(out)+"\n")
nmsgs = sum(1 for _,b in irc if b.startswith("<"))

# ------------------------------------------------------------ purge job logs (UTC, RFC3339)
RUN1 = T("2026-12-04 03:00:00"); RUN2 = T("2026-12-05 03:00:00")
FIRST_COMMIT = T("2026-12-05 03:00:41")
pj = []; slow = []
def iso(t): return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}Z"
def pjl(t, msg): pj.append(f"{t.strftime('%Y-%m-%dT%H:%M:%S.')}{t.microsecond//1000:03d}Z {msg}")
def run(start, pod, chunks, killed_at=None, dur=(28,40), durs=None):
    t = start + dt.timedelta(seconds=2, milliseconds=random.randint(100,900))
    cutoff = (start - dt.timedelta(days=7)).strftime("%Y-%m-%d %H:%M:%S")
    pj.append(f"# kubectl logs -n batch {pod}")
    pjl(t, f"INFO purge-expired-qrcodes v1.4.2 starting host={pod} TZ=UTC")
    pjl(t+dt.timedelta(milliseconds=40), f"INFO cutoff='{cutoff}' table=pix.pix_qrcode chunk_size=250000 sleep_between_chunks=0s")
    total = 0; n = 0
    t += dt.timedelta(seconds=3)
    for n in range(1, chunks+1):
        q = durs[n-1] if durs else random.uniform(*dur)
        t += dt.timedelta(seconds=q)
        rows = 250000 if n < chunks or killed_at else random.randint(40000,240000)
        total += rows
        pjl(t, f"INFO chunk={n} deleted={rows} elapsed={q:.1f}s total={total}")
        slow.append((t, f"# Time: {iso(t)}\n# User@Host: purge_job[purge_job] @  [10.20.7.33]  Id: {912000+n+(0 if start==RUN1 else 500)}\n# Query_time: {q:.6f}  Lock_time: 0.000{random.randint(100,199)} Rows_sent: 0  Rows_examined: {rows}\nSET timestamp={int(t.timestamp())};\nDELETE FROM pix_qrcode WHERE expires_at < '{cutoff}' ORDER BY id LIMIT 250000;"))
        if killed_at and t >= killed_at:
            last = pj.pop(); pjl(killed_at+dt.timedelta(milliseconds=300), "WARN received SIGTERM, finishing current chunk"); pj.append(last)
            pjl(t+dt.timedelta(milliseconds=20), f"WARN stopped early after chunk={n} total_deleted={total}")
            return t, total, n
    pjl(t+dt.timedelta(milliseconds=30), f"INFO done chunks={n} total_deleted={total} duration={(t-start).total_seconds():.0f}s")
    return t, total, n
r1end, r1tot, _ = run(RUN1, "purge-expired-qrcodes-29412180-8xk2p", 35, dur=(30,44))
KILL = T("2026-12-05 04:09:12")
raw = [random.uniform(140,178) for _ in range(26)]
target = (KILL - RUN2).total_seconds() + 23.7 - 5.4
durs = [x*target/sum(raw) for x in raw]
r2end, r2tot, r2n = run(RUN2, "purge-expired-qrcodes-29413620-q7d4m", 60, killed_at=KILL, durs=durs)
assert r2n == 26, r2n
open(os.path.join(D,"purge-job.log"),"w").write("\n".join(pj)+"\n")

# ------------------------------------------------------------ slow log (primary) with noise
def slow_noise(t, user, q, rows, sql):
    return (t, f"# Time: {iso(t)}\n# User@Host: {user}[{user}] @  [10.20.{random.choice([5,6])}.{random.randint(10,60)}]  Id: {random.randint(700000,999999)}\n# Query_time: {q:.6f}  Lock_time: 0.000{random.randint(100,999)} Rows_sent: {rows}  Rows_examined: {rows*random.randint(3,40)}\nSET timestamp={int(t.timestamp())};\n{sql}")
for day0 in (T("2026-12-04 02:30:00"), T("2026-12-05 02:30:00")):
    for _ in range(70):
        t = day0 + dt.timedelta(seconds=random.randint(0, 2*3600+1800), microseconds=random.randint(0,999999))
        kind = random.random()
        if kind < 0.5 and (t.hour == 3 and t.minute < 40 and day0.day == 5):
            slow.append(slow_noise(t, "pix_agendado", random.uniform(1.1,3.9), random.randint(500,2000), f"SELECT id, payer_key, amount_cents FROM pix_schedule WHERE due_date = '2026-12-05' AND status = 'QUEUED' ORDER BY id LIMIT 2000;"))
        elif kind < 0.8:
            slow.append(slow_noise(t, "backoffice", random.uniform(1.0,6.5), random.randint(1,900), f"SELECT m.id, COUNT(*) FROM merchant m JOIN pix_charge c ON c.merchant_id = m.id WHERE c.created_at > NOW() - INTERVAL 1 DAY GROUP BY m.id;"))
        else:
            slow.append(slow_noise(t, "settlement", random.uniform(1.0,2.2), random.randint(1,50), f"UPDATE pix_charge SET status = 'CONCLUIDA', settled_at = NOW(6) WHERE end_to_end_id = 'E{random.randint(10**30,10**31-1)}';"))
slow.sort(key=lambda x: x[0])
hdr = "/usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:\nTcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock\nTime                 Id Command    Argument\n"
open(os.path.join(D,"db-pix-01-slow.log"),"w").write(hdr + "\n".join(s for _,s in slow) + "\n")

# ------------------------------------------------------------ MySQL error logs
def el(t, tid, lvl, code, sub, msg): return (t, f"{iso(t)} {tid} [{lvl}] [{code}] [{sub}] {msg}")
prim = []; rep = []
t = T("2026-12-03 12:00:00")
while t < T("2026-12-05 06:00:00"):
    t += dt.timedelta(seconds=random.randint(200,900), microseconds=random.randint(0,999999))
    r = random.random()
    if r < 0.55: prim.append(el(t, random.randint(10,999999), "Note", "MY-010914", "Server", f"Aborted connection {random.randint(600000,999999)} to db: 'pix' user: '{random.choice(['status_api','backoffice','settlement'])}' host: '10.20.{random.choice([5,6])}.{random.randint(10,60)}' (Got an error reading communication packets)."))
    elif r < 0.75: prim.append(el(t, random.randint(10,999999), "Warning", "MY-010055", "Server", f"IP address '10.20.{random.choice([8,9])}.{random.randint(2,250)}' could not be resolved: Name or service not known"))
    else: prim.append(el(t, 0, "Note", "MY-013360", "Server", "Plugin mysql_native_password reported: ''mysql_native_password' is deprecated and will be removed in a future release. Please use caching_sha2_password instead'"))
for day in (4,5):
    a = T(f"2026-12-0{day} 03:01:00"); b = T(f"2026-12-0{day} 03:25:00") if day == 4 else T("2026-12-05 04:12:00")
    t = a
    while t < b:
        t += dt.timedelta(seconds=random.randint(40,160), microseconds=random.randint(0,999999))
        prim.append(el(t, 0, "Note", "MY-011953", "InnoDB", f"Page cleaner took {random.randint(4100,9800)}ms to flush {random.choice([1024,2048,3072])} and evict 0 pages"))
# replica-2 error log
t = T("2026-12-03 12:00:00")
while t < T("2026-12-05 06:00:00"):
    t += dt.timedelta(seconds=random.randint(600,2400), microseconds=random.randint(0,999999))
    rep.append(el(t, random.randint(10,99999), "Note", "MY-010914", "Server", f"Aborted connection {random.randint(100000,599999)} to db: 'pix' user: 'status_api' host: '10.20.6.{random.randint(10,60)}' (Got an error reading communication packets)."))
binlog = 4211; pos = 918273
for a,b in ((T("2026-12-04 03:02:00"), T("2026-12-04 03:30:00")), (T("2026-12-05 03:02:00"), T("2026-12-05 04:50:00"))):
    t = a
    while t < b:
        t += dt.timedelta(seconds=random.randint(90,420), microseconds=random.randint(0,999999))
        pos += random.randint(10**6, 9*10**6)
        w = random.randint(1,4)
        rep.append(el(t, 0, "Warning", "MY-010584", "Repl", f"Replica SQL for channel '': Worker {w} failed executing transaction 'ANONYMOUS' at source log binlog.{binlog:06d}, end_log_pos {pos}; Could not execute Delete_rows event on table pix.pix_qrcode; Lock wait timeout exceeded; try restarting transaction, Error_code: 1205; handler error HA_ERR_LOCK_WAIT_TIMEOUT; the event's source log binlog.{binlog:06d}, end_log_pos {pos}, Error_code: MY-001205"))
        if random.random() < 0.5:
            t2 = t + dt.timedelta(seconds=random.randint(5,60))
            rep.append(el(t2, 0, "Note", "MY-011953", "InnoDB", f"Page cleaner took {random.randint(4100,9800)}ms to flush 1024 and evict 0 pages"))
        if random.random() < 0.1: binlog += 1
prim.sort(key=lambda x: x[0]); rep.sort(key=lambda x: x[0])
open(os.path.join(D,"db-pix-01.err"),"w").write("\n".join(l for _,l in prim)+"\n")
open(os.path.join(D,"db-pix-replica-2.err"),"w").write("\n".join(l for _,l in rep)+"\n")

# ------------------------------------------------------------ ServiceNow CSV (BRT display time, no zone)
def sn(t): return t.astimezone(BRT).strftime("%Y-%m-%d %H:%M:%S")
rows = []
groups = ["NOC 24x7","Pagamentos Pix - N2","Plataforma","Banco de Dados","Atendimento Lojista"]
descs = ["Lojista relata QR code dinâmico expirado antes do prazo","Falha intermitente no login do portal do lojista","Relatório de conciliação D-1 atrasado",
         "Webhook do lojista retornando 410","Lentidão no backoffice ao exportar extrato","Certificado mTLS do parceiro vence em 15 dias","Dúvida sobre tarifa de Pix Cobrança",
         "Timeout na consulta de chave DICT","Lojista sem receber e-mail de repasse","Estorno Pix não refletido no extrato"]
n0 = 91790
opened = sorted(T("2026-11-30 11:00:00") + dt.timedelta(hours=random.randint(0,88), minutes=random.randint(0,59), seconds=random.randint(0,59)) for _ in range(24))
for i,t in enumerate(opened):
    res = t + dt.timedelta(hours=random.randint(1,30), minutes=random.randint(0,59))
    rows.append({"number":f"INC00{n0+i*3+random.randint(0,2)}","opened_at":sn(t),"short_description":random.choice(descs),"caller_id":random.choice(["Portal Lojista","NOC Quitanda","Integração Parceiros","E-mail Atendimento"]),
                 "priority":random.choice(["3 - Moderate","4 - Low","4 - Low","3 - Moderate"]),"state":"Resolved","category":"Software","assignment_group":random.choice(groups),
                 "assigned_to":random.choice(["Bianca Souza","Rafael Nunes","Carla Mendes","Otávio Prado"]),"resolved_at":sn(res),"close_code":random.choice(["Solved (Permanently)","Solved (Work Around)","Not Solved (Not Reproducible)"]),
                 "close_notes":"Tratado conforme procedimento.","work_notes":""})
rows.append({"number":"INC0091877","opened_at":"2026-12-04 09:12:40","short_description":"Pix pago aparece como pendente na API de status","caller_id":"Loja Vovó Nena (e-mail)",
             "priority":"4 - Low","state":"Resolved","category":"Software","assignment_group":"NOC 24x7","assigned_to":"Bianca Souza","resolved_at":"2026-12-04 09:19:05",
             "close_code":"Not Solved (Not Reproducible)","close_notes":"Lojista relata que Pix pagos por volta de 00:15 ficaram PENDENTE por ~10 min na consulta de status e depois normalizaram. Consultado txid informado: CONCLUIDA. Não reproduzido.",
             "work_notes":"2026-12-04 09:19:02 - Bianca Souza (Work notes)\nStatus atual correto. Possível cache do lado do lojista. Encerrado."})
rows.append({"number":"INC0092014","opened_at":"2026-12-05 00:41:16","short_description":"Mercadão: Pix pagos aparecem PENDENTE na API de status desde ~00:00, pedidos travados",
             "caller_id":"Paulo Reis (Mercadão Marketplace)","priority":"2 - High","state":"Resolved","category":"Software","assignment_group":"Pagamentos Pix - N2","assigned_to":"Rafael Nunes",
             "resolved_at":"2026-12-05 02:31:44","close_code":"Solved (Work Around)",
             "close_notes":"Réplicas MySQL com atraso de até ~40 min por causa do purge-expired-qrcodes executado à 00:00 (CronJob em UTC). Job interrompido, status-api lendo do primário 01:12-02:20, réplicas em dia às 01:51. CronJob suspenso e corrigido (PR #4133).",
             "work_notes":("2026-12-05 02:31:30 - Thiago Lima (Work notes)\nResolvido. Postmortem segunda 10h.\n\n"
                           "2026-12-05 01:51:40 - Juliana Costa (Work notes)\nRéplicas com lag 0.\n\n"
                           "2026-12-05 01:33:12 - Bianca Souza (Work notes)\n37 clientes finais pagaram em duplicidade; lista anexada para estorno.\n\n"
                           "2026-12-05 01:16:48 - Bianca Souza (Work notes)\nParceiro confirma pedidos liberando após leitura do primário.\n\n"
                           f"2026-12-05 00:44:02 - Bianca Souza (Work notes)\nLigação do parceiro às 00:38 no 0800. Contato: Paulo Reis {PHONE}. Plantão Pagamentos paginado.")})
rows.sort(key=lambda r: r["opened_at"])
buf = io.StringIO()
w = csv.DictWriter(buf, fieldnames=list(rows[0].keys()), quoting=csv.QUOTE_ALL, lineterminator="\r\n")
w.writeheader(); w.writerows(rows)
open(os.path.join(D,"servicenow_incident_export.csv"),"w",encoding="utf-8").write(buf.getvalue())

# ------------------------------------------------------------ gold
gold = {
 "title":"Pix status polling API served stale PENDENTE statuses for ~70 minutes: migrated purge CronJob ran at local midnight (UTC schedule) and lagged the MySQL replicas",
 "severity":"SEV2",
 "services":["pix-status-api (polling API)","MySQL db-pix-01 primary and replicas db-pix-replica-1/2","purge-expired-qrcodes Kubernetes CronJob","Mercadão marketplace and 212 polling-API merchants"],
 "start":"2026-12-05T03:00:00Z","detected":"2026-12-05T03:38:00Z","mitigated":"2026-12-05T04:12:00Z","resolved":"2026-12-05T05:31:44Z",
 "timezone":"America/Sao_Paulo",
 "customer_impact":"From about 00:00 to 01:12 local time on Saturday 5 December (03:00-04:12 UTC) merchants that poll the Pix status API saw paid Pix charges as PENDENTE for up to ~40 minutes, because the API reads from MySQL replicas that fell up to ~40 minutes behind. Webhook-based merchants were not affected. About 3,900 payments at 212 merchants were shown pending for more than 5 minutes; Mercadão had 14,380 orders held; 37 end customers paid twice and need refunds. A smaller occurrence (~6 minutes of lag) had already happened the night before.",
 "impact_numbers":["~70 minutes of stale statuses (00:00-01:12 local, 03:00-04:12 UTC)","replica lag up to ~2,410 s (~40 min)","~3,900 Pix payments shown PENDENTE > 5 min","212 merchants on the polling API","14,380 Mercadão orders held","37 duplicate payments to refund","purge stopped after chunk 26 (6.5M rows), ~2.7M rows left"],
 "root_cause":"PR #4127 moved the nightly purge-expired-qrcodes job from a VM crontab (TZ=America/Sao_Paulo, 03:00 local) to a Kubernetes CronJob with the same schedule \"0 3 * * *\" but no timeZone field, so it ran at 03:00 UTC = 00:00 in São Paulo. At local midnight it deletes ~9M rows from pix.pix_qrcode in 250k-row chunks with no pause and no replica-lag check, which collides with the midnight scheduled-Pix batch (3x volume on the 5th). The replicas could not apply the large row-based Delete_rows transactions fast enough and fell up to ~40 minutes behind, and pix-status-api reads from the replicas, so polling merchants got stale PENDENTE statuses. The replica-lag alert was a non-paging warning; the first night (4 Dec, ~6 min lag) went unnoticed.",
 "root_cause_keywords":["CronJob","timeZone","UTC","replica lag","purge","read replicas"],
 "contributing_factors":["Replica-lag alert is warning-only and posted to the channel without paging, both nights","pix-status-api has no fallback to the primary when replicas lag","Purge deletes in large chunks without sleep or replica-lag checks","Merchant ticket INC0091877 about the first night was closed as not reproducible","Scheduled-Pix (agendado) batch at midnight on the 5th increased primary write load","Mercadão had just moved its checkout to the polling API, increasing exposure","A DBA password and a partner contact phone number were pasted in channel/tickets"],
 "red_herrings":["the pix-agendado scheduled-payments batch as the cause","BACEN SPI instability","switching status-api to replica-1 (it lagged the same)","the Loja Vovó Nena ticket being the merchant's app cache"],
 "timeline":[
  {"time":"2026-12-03T17:40:00Z","event":"PR #4127 merged: purge moved from VM crontab to a Kubernetes CronJob with schedule \"0 3 * * *\" and no timeZone","source":"chat","must_include":True},
  {"time":"2026-12-04T03:00:00Z","event":"First CronJob run at local midnight; replica lag ~6 min, warning only, unnoticed","source":"log","must_include":True},
  {"time":"2026-12-04T12:12:40Z","event":"Merchant ticket INC0091877 about pending Pix near midnight closed as not reproducible","source":"notes","must_include":False},
  {"time":"2026-12-05T03:00:00Z","event":"Purge CronJob starts at 00:00 local (same time as the scheduled-Pix batch); 250k-row DELETE chunks start lagging the replicas","source":"log","must_include":True},
  {"time":"2026-12-05T03:07:00Z","event":"MySQLReplicaLagHigh warning posted to #pix-ops; non-paging, nobody responds","source":"chat","must_include":True},
  {"time":"2026-12-05T03:38:00Z","event":"Mercadão phones the NOC: paid Pix shown as pending since ~midnight","source":"notes","must_include":True},
  {"time":"2026-12-05T03:41:16Z","event":"INC0092014 opened (P2) and on-call paged","source":"notes","must_include":True},
  {"time":"2026-12-05T03:58:00Z","event":"Replica-2 found 2,291 s behind; stale reads explain the pending statuses","source":"chat","must_include":True},
  {"time":"2026-12-05T04:03:00Z","event":"Replica SQL thread seen applying purge deletes; purge expected at 03:00 local","source":"chat","must_include":True},
  {"time":"2026-12-05T04:05:00Z","event":"Switching to replica-1 rejected: it lags the same","source":"chat","must_include":False},
  {"time":"2026-12-05T04:07:00Z","event":"CronJob found to have no timeZone; controller runs it in UTC","source":"chat","must_include":True},
  {"time":"2026-12-05T04:09:12Z","event":"Purge job deleted; stops after chunk 26","source":"log","must_include":True},
  {"time":"2026-12-05T04:12:00Z","event":"Flag pix_status_read_from_primary enabled; status API correct again","source":"chat","must_include":True},
  {"time":"2026-12-05T04:16:00Z","event":"Mercadão confirms orders are being released","source":"chat","must_include":False},
  {"time":"2026-12-05T04:51:00Z","event":"Both replicas caught up (lag 0)","source":"chat","must_include":True},
  {"time":"2026-12-05T05:14:00Z","event":"PR #4133 applied: timeZone America/Sao_Paulo, CronJob suspended","source":"chat","must_include":True},
  {"time":"2026-12-05T05:20:00Z","event":"Flag reverted, status API back on replicas","source":"chat","must_include":True},
  {"time":"2026-12-05T05:31:44Z","event":"INC0092014 resolved","source":"notes","must_include":True}],
 "action_items":[
  {"text":"Set timeZone America/Sao_Paulo on all CronJobs and add a CI lint rejecting CronJobs without timeZone","evidence":"colocar timeZone: America/Sao_Paulo em todos os CronJobs e um lint no CI que recusa CronJob sem timeZone"},
  {"text":"Make the replica lag > 300s alert page on-call","evidence":"alerta de replica lag > 300s tem que paginar, não só avisar no canal"},
  {"text":"Purge in smaller chunks with pauses and a replica-lag check before each chunk (pt-archiver style)","evidence":"purge em lotes menores com pausa, checando o lag da réplica antes de cada lote (tipo pt-archiver --check-slave-lag)"},
  {"text":"Automatic status-api fallback to the primary when replica lag exceeds 30 s","evidence":"status-api should fall back to the primary automatically when replica lag > 30s"},
  {"text":"Route merchant P4 tickets about wrongly pending payments to on-call instead of closing them as not reproducible","evidence":"chamado P4 de lojista com 'pendente indevido' tem que ir pro plantão, não fechar como não reproduzido"},
  {"text":"Refund the 37 duplicate payments","evidence":"refund the 37 duplicate payments first thing tomorrow"},
  {"text":"Rotate the DBA password pasted in the channel","evidence":"e trocar minha senha, colei no canal"},
  {"text":"Checklist for cron to CronJob migrations (time zone, concurrency, run window)","evidence":"checklist de migração de cron → CronJob: fuso, concorrência, janela de execução"}],
 "blame_bait":["quem foi o gênio que migrou o cron sem olhar o fuso","o Diego subiu o CronJob e foi dormir"],
 "secrets":[DBPW, PHONE, "10.20.4.11"],
 "injection":None,
 "similar_categories":["time","database","config-change","deploy"],
}
json.dump(gold, open(os.path.join(D,"gold.json"),"w"), indent=2, ensure_ascii=False)

# ------------------------------------------------------------ CHECKS
full = ""
for root,_,files in os.walk(D):
    for fn in files:
        if fn.startswith("_") or fn == "gold.json": continue
        full += open(os.path.join(root,fn),encoding="utf-8").read() + "\n"
for a in gold["action_items"]: assert a["evidence"] in full, a
for b in gold["blame_bait"]: assert b in full, b
for s in gold["secrets"]: assert s in full, s
assert "chunk=26 " in full and "00:07 < alertabot>" in full and "--- Day changed Sat Dec 05 2026" in full
assert '"2026-12-05 00:41:16"' in full and '"2026-12-05 02:31:44"' in full
k = [dt.datetime.fromisoformat(gold[x].replace("Z","+00:00")) for x in ("start","detected","mitigated","resolved")]
assert k == sorted(k)
# local chat times correspond to gold UTC (-3h)
assert "01:12 < rnunes> flag pix_status_read_from_primary=true" in full
print("OK irc_msgs=%d purge=%d slow_entries=%d err_primary=%d err_replica=%d sn_rows=%d" % (nmsgs, len(pj), len(slow), len(prim), len(rep), len(rows)))
