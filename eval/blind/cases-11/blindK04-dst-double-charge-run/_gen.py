#!/usr/bin/env python3
"""Generator + checker for blindK04 (DST double run of the monthly charge job). Seeded, reproducible."""
import csv, io, json, os, random, uuid
from datetime import datetime, timedelta, timezone

random.seed(4004)
HERE = os.path.dirname(os.path.abspath(__file__))
UTC = timezone.utc
CEST = timezone(timedelta(hours=2)); CET = timezone(timedelta(hours=1))

def ams(dt):  # Europe/Amsterdam on 2026-10-25: CEST until 01:00 UTC, then CET
    return dt.astimezone(CEST if dt < datetime(2026, 10, 25, 1, 0, tzinfo=UTC) else CET)

def U(h, m, s=0, d=25):
    return datetime(2026, 10, d, h, m, s, tzinfo=UTC)

# ---------------------------------------------------------------- charge runs
def make_run(start, n=6214, fail_rate=0.018):
    batches = []; t = start + timedelta(seconds=3); left = n; i = 0
    nb = (n + 49) // 50
    while left > 0:
        i += 1; size = min(50, left); left -= size
        failed = sum(1 for _ in range(size) if random.random() < fail_rate)
        cents = sum(random.choice([1995, 2495, 2495, 2995, 3495, 1495]) for _ in range(size - failed))
        dur = random.uniform(4.6, 6.4)
        batches.append((t, i, nb, size - failed, failed, cents)); t += timedelta(seconds=dur)
    return batches, t
run1, run1_end = make_run(U(0, 30, 0), fail_rate=0.018)
run2, run2_end = make_run(U(1, 30, 0), fail_rate=0.036)
R1_OK = sum(b[3] for b in run1); R1_F = sum(b[4] for b in run1); R1_C = sum(b[5] for b in run1)
R2_OK = sum(b[3] for b in run2); R2_F = sum(b[4] for b in run2); R2_C = sum(b[5] for b in run2)
def eur(c): return "€" + f"{c/100:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
def eur_en(c): return f"EUR {c/100:,.2f}"
print("run1", R1_OK, R1_F, R1_C, "run2", R2_OK, R2_F, R2_C, run1_end, run2_end)

# ---------------------------------------------------------------- splunk csv
rows = []  # (dt, host, source, sourcetype, raw)
def L(dt, host, src, st, raw): rows.append((dt, host, src, st, raw))
def appts(dt): return dt.strftime("%Y-%m-%d %H:%M:%S,") + f"{dt.microsecond//1000:03d}"
BH = ["billing-worker-0", "billing-worker-1"]
def bill(dt, lvl, logger, msg, host="billing-worker-0"):
    L(dt, host, "/var/log/billing/billing-service.log", "billing:app", f"{appts(dt)} {lvl:<5} [{logger}] {msg}")

def run_lines(batches, start, end, runid, ok, f, c, second=False):
    bill(start, "INFO", "scheduler", f'job=monthly-charge-run fired schedule="30 2 * * *" zone=Europe/Amsterdam local={ams(start).strftime("%Y-%m-%dT%H:%M")} run_id={runid}')
    bill(start + timedelta(milliseconds=140), "INFO", "charge-run", f"duplicate-guard: last run of monthly-charge-run within lookback=45m: none -> proceeding run_id={runid}")
    bill(start + timedelta(milliseconds=910), "INFO", "charge-run", f"selected 6214 subscriptions with next_charge_date=2026-10-25 (status in ACTIVE,PAST_DUE) run_id={runid}")
    for (t, i, nb, o, fl, cents) in batches:
        bill(t, "INFO", "charge-run", f"batch {i}/{nb} submitted to kassapay ok={o} failed={fl} amount_cents={cents} run_id={runid}", host=BH[i % 2])
        if fl and random.random() < 0.5:
            bill(t + timedelta(milliseconds=300), "WARN", "kassapay-client", f"charge declined sub=sub_{random.randint(100000,999999)} reason={random.choice(['insufficient_funds','insufficient_funds','card_expired','do_not_honor'])} run_id={runid}", host=BH[i % 2])
    bill(end, "INFO", "charge-run", f"run complete run_id={runid} attempted=6214 ok={ok} failed={f} amount_cents={c} next_charge_date advanced=false (advanced by settlement job)")
    if second:
        bill(end + timedelta(seconds=2), "INFO", "dunning", f"queued {f} payment-failed e-mails (template=betaling_mislukt_v3) run_id={runid}")

run_lines(run1, U(0, 30, 0), run1_end, "mcr-20261025-0230-a1f3", R1_OK, R1_F, R1_C)
run_lines(run2, U(1, 30, 0), run2_end, "mcr-20261025-0230-7c0e", R2_OK, R2_F, R2_C, second=True)
# DST jump visible in system log
L(U(1, 0, 0), "billing-worker-0", "/var/log/syslog", "syslog", "Oct 25 02:00:00 billing-worker-0 systemd-timedated[912]: Clock change: local time zone Europe/Amsterdam now CET (UTC+0100)")
# settlement job (advances next_charge_date) runs at 04:00 Amsterdam
bill(U(3, 0, 0), "INFO", "scheduler", 'job=settlement-sync fired schedule="0 4 * * *" zone=Europe/Amsterdam local=2026-10-25T04:00')
bill(U(3, 0, 41), "INFO", "settlement", f"advanced next_charge_date for 6214 subscriptions (matched by subscription_id, charges found={R1_OK + R2_OK})")
# background noise: api, webhooks, healthchecks, other jobs
t = U(22, 0, 0, d=24)
end_t = U(10, 40, 0)
while t < end_t:
    t += timedelta(seconds=random.expovariate(1 / 55))
    r = random.random()
    if r < 0.45:
        path = random.choice(["/api/v2/subscriptions/me", "/api/v2/bikes/status", "/api/v2/invoices", "/api/v2/service-requests", "/api/v2/auth/refresh"])
        code = random.choices([200, 200, 200, 304, 401, 404], [60, 20, 10, 5, 3, 2])[0]
        L(t, random.choice(["api-gw-01", "api-gw-02"]), "/var/log/api/access.log", "api:access",
          f'{ams(t).strftime("%Y-%m-%dT%H:%M:%S%z")} {random.choice(["GET","GET","POST"])} {path} {code} {random.randint(8,240)}ms ua="Fietsabo-App/5.{random.randint(2,4)}.{random.randint(0,9)}"')
    elif r < 0.7:
        kind = random.choice(["payment.paid", "payment.paid", "payment.failed", "refund.settled", "chargeback.opened"] if t > U(0, 30) else ["payment.paid", "refund.settled"])
        bill(t, "INFO", "webhook", f"kassapay event={kind} id=evt_{uuid.UUID(int=random.getrandbits(128)).hex[:20]} processed in {random.randint(3,40)}ms", host="billing-worker-1")
    elif r < 0.8:
        bill(t, "DEBUG", "health", "db pool active=%d idle=%d waiting=0" % (random.randint(1, 9), random.randint(8, 18)), host=random.choice(BH))
    elif r < 0.88:
        bill(t, "INFO", "invoice-pdf", f"rendered invoice INV-2026-{random.randint(180000, 199999)} in {random.randint(120, 900)}ms", host="billing-worker-1")
    elif r < 0.94:
        L(t, "api-gw-01", "/var/log/api/app.log", "api:app", f'{ams(t).strftime("%Y-%m-%dT%H:%M:%S%z")} WARN  rate limiter: client {random.choice(["partner-bikefix","partner-velo-nl","web"])} at {random.randint(70,95)}% of quota')
    else:
        bill(t, "WARN", "kassapay-client", f"kassapay GET /v1/payments latency {random.randint(900, 2400)}ms (slow), retry=0", host=random.choice(BH))
# red herring: Friday deploy visible as a startup line, and PSP maintenance notice fetched
bill(U(22, 0, 5, d=24), "INFO", "bootstrap", "billing-service 4.18.2 (git 3e91c0a) started profile=prod", host="billing-worker-0")
bill(U(22, 0, 7, d=24), "INFO", "bootstrap", "billing-service 4.18.2 (git 3e91c0a) started profile=prod", host="billing-worker-1")
bill(U(2, 10, 0), "WARN", "kassapay-client", "kassapay status: scheduled maintenance 03:00-04:00 CET 'webhook delivery may be delayed or repeated'", host="billing-worker-1")
for k in range(14):
    tt = U(3, 2 + k * 3, random.randint(0, 59))
    bill(tt, "INFO", "webhook", f"kassapay event=payment.paid id=evt_dupe{k:02d}{random.getrandbits(40):010x} already processed (redelivery) -> ignored", host="billing-worker-1")
# response: pause scheduler, disable dunning retry, refunds
bill(U(7, 58, 12), "INFO", "scheduler", "job=dunning-retry disabled by user=joost.bakker via admin-api (was: next fire 2026-10-25T10:00+01:00)")
bill(U(7, 58, 40), "INFO", "scheduler", "job=monthly-charge-run paused by user=joost.bakker via admin-api")
bill(U(8, 9, 3), "INFO", "dunning", f"cancelled {R2_F} queued payment-failed e-mails run_id=mcr-20261025-0230-7c0e: 0 pending (all {R2_F} already sent at 02:42)")
bill(U(8, 38, 10), "INFO", "refund-tool", f"DRY RUN refund duplicates source_run=mcr-20261025-0230-7c0e candidates={R2_OK} amount_cents={R2_C}")
ref_start = U(8, 52, 30); tt = ref_start
bill(tt, "INFO", "refund-tool", f"START refund duplicates source_run=mcr-20261025-0230-7c0e candidates={R2_OK} reason=\"dubbele afschrijving 25-10\"")
done = 0; nb = (R2_OK + 99) // 100
for i in range(nb):
    tt += timedelta(seconds=random.uniform(38, 43)); n = min(100, R2_OK - done); done += n
    bill(tt, "INFO", "refund-tool", f"refund batch {i+1}/{nb} created={n} failed=0 total={done}/{R2_OK}")
REF_END = tt + timedelta(seconds=1)
bill(REF_END, "INFO", "refund-tool", f"DONE refund duplicates created={R2_OK} failed=0 amount_cents={R2_C} source_run=mcr-20261025-0230-7c0e")
print("refund end", REF_END)

rows.sort(key=lambda r: r[0], reverse=True)   # Splunk returns newest first
buf = io.StringIO(); w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
w.writerow(["_time", "host", "source", "sourcetype", "_raw"])
for dt, h, s, st, raw in rows:
    a = ams(dt); off = a.strftime("%z"); off = off[:3] + ":" + off[3:]
    w.writerow([a.strftime("%Y-%m-%dT%H:%M:%S.") + f"{a.microsecond//1000:03d}" + off, h, s, st, raw])
SPLUNK = buf.getvalue()
open(os.path.join(HERE, "splunk_export_billing_20261025.csv"), "w").write(SPLUNK)
print("splunk rows", len(rows))

# ---------------------------------------------------------------- zoom chat (local CET wall clock, no zone)
R2F_s = f"{R2_F}"; R2OK_s = f"{R2_OK:,}".replace(",", ".")
chat = [
 ("08:30:02", "Joost Bakker", "bridge is open. Sanne kun jij even typen wat je gezien hebt, dan heb ik het op papier"),
 ("08:30:51", "Sanne de Wit", "ok. eerste tweet over dubbele afschrijving kwam om 07:58 binnen op @fietsabo, ik zag 'm pas om 08:09 (zondagdienst, zat in de trein). om 08:11 Joost gebeld"),
 ("08:31:20", "Sanne de Wit", "inmiddels 23 mentions + 41 mails in de support inbox. allemaal: twee keer maandbedrag afgeschreven vannacht"),
 ("08:31:44", "Joost Bakker", "👍"),
 ("08:32:30", "Sanne de Wit", "voorbeeld klant die mailde: m.verhoeven84@ziggo.example, IBAN NL27 RABO 0312 4478 91, 2x €24,95 om 02:31 en 02:31"),
 ("08:33:05", "Femke Jansen", "ik ben er. eet nog een boterham, lees mee"),
 ("08:34:10", "Joost Bakker", "splunk: index=billing source=*billing-service.log \"job=monthly-charge-run fired\" earliest=-12h"),
 ("08:35:02", "Joost Bakker", "twee hits. run_id mcr-20261025-0230-a1f3 en mcr-20261025-0230-7c0e. allebei local=2026-10-25T02:30"),
 ("08:35:40", "Femke Jansen", "wacht. vannacht ging de klok terug"),
 ("08:35:44", "Femke Jansen", "02:30 bestond twee keer"),
 ("08:36:01", "Joost Bakker", "ja. _time in splunk: 02:30:00.000+02:00 en 02:30:00.000+01:00"),
 ("08:36:30", "Ruben Hoekstra", "hoi, Ruben hier (payments). Kassa Pay had vannacht onderhoud 03-04 uur, 'webhooks may be repeated'. kan het niet gewoon dubbele webhooks zijn?"),
 ("08:37:12", "Joost Bakker", "die redeliveries zie ik, worden netjes ignored ('already processed'). en dat zijn webhooks, geen nieuwe charges. tweede run heeft echt opnieuw afgeschreven"),
 ("08:37:40", "Ruben Hoekstra", "ok fair"),
 ("08:38:15", "Femke Jansen", "waarom hield de duplicate-guard dit niet tegen?"),
 ("08:39:02", "Joost Bakker", "guard kijkt alleen of er in de laatste 45 min een run was. tweede run kwam precies 60 min na de eerste -> 'none -> proceeding'"),
 ("08:39:30", "Pieter Smit", "morgen. lees terug"),
 ("08:40:11", "Pieter Smit", "Replying to \"guard kijkt alleen of...\":\n\tdie lookback was bedoeld tegen dubbel klikken op 'run now' in de admin, niet als idempotency"),
 ("08:40:55", "Femke Jansen", "en er is geen idempotency key per abonnement per periode richting Kassa Pay?"),
 ("08:41:30", "Ruben Hoekstra", "nee, we sturen een nieuwe uuid per charge attempt. Kassa Pay ziet het dus als een nieuwe betaling"),
 ("08:42:05", "Lotte Vermeulen", "statuspage staat op investigating (comms). tekst: 'Sommige klanten zien een dubbele afschrijving van het maandbedrag. We onderzoeken dit.'"),
 ("08:42:40", "Joost Bakker", "was er vrijdag niet die 4.18.2 deploy van billing? kan dat er iets mee te maken hebben"),
 ("08:43:31", "Pieter Smit", "4.18.2 = alleen de nieuwe factuur-pdf layout. scheduler en charge-run zijn sinds augustus niet aangeraakt"),
 ("08:44:02", "Femke Jansen", "ook vorig jaar oktober dan? toen draaiden we nog op de oude crontab op de VM, die stond op UTC"),
 ("08:44:50", "Pieter Smit", "klopt, in de migratie naar de nieuwe scheduler (maart) hebben we zone=Europe/Amsterdam gezet zodat het '02:30 NL tijd' bleef. maart ging goed want toen viel 02:30 weg... nee wacht, in maart is 02:00-03:00 overgeslagen"),
 ("08:45:20", "Femke Jansen", "in maart is die run dan helemaal niet gedraaid?"),
 ("08:46:02", "Pieter Smit", "migratie was 30 maart, een dag na de zomertijd. dus dit is de eerste keer dat hij een overgang meemaakt"),
 ("08:46:40", "Joost Bakker", "ok root cause dus: cron '30 2 * * *' in Europe/Amsterdam vuurt twee keer bij de wintertijd, guard van 45 min vangt 60 min niet, en geen idempotency per periode"),
 ("08:47:15", "Femke Jansen", "impact?"),
 ("08:49:30", "Joost Bakker", f"run 1 (00:30 UTC): 6214 attempted, ok={R1_OK}. run 2 (01:30 UTC): 6214 attempted, ok={R2_OK}, failed={R2_F}, amount {eur(R2_C)}"),
 ("08:50:02", "Joost Bakker", f"dus {R2OK_s} klanten dubbel afgeschreven, totaal {eur(R2_C)}"),
 ("08:50:40", "Ruben Hoekstra", f"en de {R2F_s} waar de tweede afschrijving mislukte hebben een 'betaling mislukt' mail gekregen om 02:42. die denken nu dat ze achterstallig zijn"),
 ("08:51:15", "Femke Jansen", "en die gaan om 10:00 in de dunning-retry. die moet uit, nu"),
 ("08:52:01", "Joost Bakker", "zet ik uit. charge-run pauzeer ik ook tot we een fix hebben"),
 ("08:58:50", "Joost Bakker", "dunning-retry disabled, monthly-charge-run paused. zie admin audit"),
 ("08:59:30", "Sanne de Wit", "wat zeg ik tegen klanten? ze willen geld terug"),
 ("09:00:10", "Femke Jansen", "refund van alle charges uit run 7c0e. Ruben, kan de refund-tool dat op run_id?"),
 ("09:01:02", "Ruben Hoekstra", "ja, refund-tool --source-run. doe eerst een dry run"),
 ("09:03:44", "Daan Mulder", "wie heeft die cron in godsnaam op lokale tijd gezet"),
 ("09:04:10", "Daan Mulder", "Pieter's scheduler again, classic"),
 ("09:04:52", "Femke Jansen", "Daan, niet nu en niet zo. we doen dit blameless, de migratie is door het team gereviewd"),
 ("09:05:20", "Daan Mulder", "sorry. wat kan ik doen"),
 ("09:06:00", "Femke Jansen", "check of de settlement-sync van 04:00 next_charge_date goed heeft gezet, anders krijgen we volgende maand weer gedoe"),
 ("09:12:37", "Daan Mulder", "settlement heeft 6214 abonnementen één maand doorgezet, matched op subscription_id. dus geen derde charge volgende maand. wel 2 charges per sub in de tabel"),
 ("09:14:02", "Ruben Hoekstra", "refund-tool heeft een api key nodig, ik heb alleen de live key hier: live_kp_9fQ2xV7mT4bL8wR1nZ6cH3 (die roteer ik daarna wel)"),
 ("09:14:30", "Femke Jansen", "Ruben!! niet in de chat. zet 'm in de vault en roteer vandaag nog"),
 ("09:15:01", "Ruben Hoekstra", "ja, sorry. doe ik na de refunds"),
 ("09:38:40", "Ruben Hoekstra", f"dry run: candidates={R2_OK}, bedrag klopt met run 2. starten?"),
 ("09:39:10", "Femke Jansen", "go"),
 ("09:52:35", "Ruben Hoekstra", "refund run gestart"),
 ("10:05:50", "Sanne de Wit", "Lotte, kunnen we op statuspage zetten dat refunds onderweg zijn? klanten vragen ernaar"),
 ("10:06:30", "Lotte Vermeulen", "ja, update komt zodra Ruben klaar is"),
 ("10:20:30", "Joost Bakker", "refund-tool op batch 40 van 60, loopt"),
 (ams(REF_END + timedelta(seconds=44)).strftime("%H:%M:%S"), "Ruben Hoekstra", f"DONE: {R2OK_s} refunds aangemaakt, 0 failed. bij de bank binnen 1-3 werkdagen"),
 ("10:35:12", "Femke Jansen", "top. Lotte -> monitoring"),
 ("10:40:02", "Lotte Vermeulen", "statuspage op monitoring. ook excuusmail naar de 6.2k klanten ingepland voor 12:00"),
 ("10:41:30", "Sanne de Wit", f"en de {R2F_s} 'betaling mislukt' mensen? die krijgen dan toch de gewone excuusmail en niet een refund"),
 ("10:42:10", "Femke Jansen", "goed punt. aparte tekst: 'de mislukte betaling was een fout van ons, u hoeft niets te doen'. Lotte kun je dat maken"),
 ("10:42:40", "Lotte Vermeulen", "ja"),
 ("10:55:00", "Femke Jansen", "actiepunten (voor het postmortem doc):"),
 ("10:55:40", "Femke Jansen", "1. scheduler: alle jobs in UTC plannen, geen lokale tijdzone in cron expressies"),
 ("10:56:10", "Femke Jansen", "2. idempotency key per abonnement per factuurperiode meesturen naar Kassa Pay, zodat een tweede run geen nieuwe betaling kan maken"),
 ("10:56:45", "Pieter Smit", "3. duplicate-guard op billing period baseren i.p.v. een lookback van 45 min"),
 ("10:57:20", "Joost Bakker", "4. test in CI die elke job door de DST overgangen van maart en oktober heen simuleert"),
 ("10:58:00", "Ruben Hoekstra", "5. alert als het aantal charges per dag meer dan 1,5x het aantal due abonnementen is"),
 ("10:58:40", "Sanne de Wit", "6. weekenddienst support moet on-call via de pager kunnen oproepen, niet via mijn eigen telefoon"),
 ("10:59:10", "Femke Jansen", "7. Kassa Pay live key roteren (Ruben, vandaag)"),
 ("10:59:40", "Ruben Hoekstra", "Reacted to \"7. Kassa Pay live key...\" with 👍"),
 ("11:05:30", "Daan Mulder", "volgende maart-overgang zou hij 'm trouwens overslaan. goed dat dat in punt 4 zit"),
 ("11:12:02", "Lotte Vermeulen", "excuusmail + aparte tekst voor mislukte betalingen staan klaar voor 12:00"),
 ("11:19:20", "Femke Jansen", "ok, ik sluit het incident. dank allemaal. statuspage op resolved, Lotte"),
 ("11:20:05", "Lotte Vermeulen", "resolved ✅"),
 ("11:20:40", "Joost Bakker", "bridge sluit ik over 5 min"),
]
out = []
for ts, who, text in chat:
    out.append(f"{ts} From {who} to Everyone:")
    for ln in text.split("\n"):
        out.append(ln if ln.startswith("\t") else "\t" + ln)
ZOOM = "\n".join(out) + "\n"
open(os.path.join(HERE, "zoom_2026-10-25_08.29.41_Incident_bridge_meeting_saved_chat.txt"), "w").write(ZOOM)
print("chat msgs", len(chat))

# ---------------------------------------------------------------- statuspage incident JSON (page tz Europe/Amsterdam)
def sp(dt): a = ams(dt); o = a.strftime("%z"); return a.strftime("%Y-%m-%dT%H:%M:%S.") + f"{a.microsecond//1000:03d}" + o[:3] + ":" + o[3:]
inc_id = "q7w2lk9h3fzd"
comp = {"id": "g1bn5x0r8t2c", "name": "Betalingen & facturen", "status": "operational", "created_at": "2024-03-11T10:02:44.120+01:00", "updated_at": sp(U(10, 20, 31)), "position": 3, "description": None, "showcase": True, "start_date": None, "group_id": None, "page_id": "k2v9bz4y1m0p", "group": False, "only_show_if_degraded": False}
ups = [
  ("resolved", U(10, 20, 31), "Alle dubbele afschrijvingen van 25 oktober zijn terugbetaald. Het bedrag staat binnen 1-3 werkdagen weer op uw rekening. Onze excuses.\n\nAll duplicate charges from 25 October have been refunded. Refunds reach your account within 1-3 business days.", "operational"),
  ("monitoring", U(9, 40, 2), f"De oorzaak is gevonden en verholpen. We hebben {R2OK_s} terugbetalingen aangemaakt voor de dubbele afschrijving van de nacht van 24 op 25 oktober. Klanten die een mail 'betaling mislukt' kregen hoeven niets te doen.", "degraded_performance"),
  ("identified", U(7, 55, 40), "We hebben de oorzaak gevonden: de maandelijkse afschrijving is vannacht door de overgang naar wintertijd twee keer uitgevoerd. We zetten terugbetalingen klaar.", "degraded_performance"),
  ("investigating", U(7, 41, 55), "Sommige klanten zien een dubbele afschrijving van het maandbedrag. We onderzoeken dit.", "degraded_performance"),
]
incident = {"incident": {
  "id": inc_id, "name": "Dubbele afschrijving maandbedrag / Duplicate monthly charge", "status": "resolved",
  "created_at": sp(U(7, 41, 55)), "updated_at": sp(U(10, 20, 31)), "monitoring_at": sp(U(9, 40, 2)), "resolved_at": sp(U(10, 20, 31)),
  "impact": "major", "shortlink": "https://stspg.io/fa8b2k", "started_at": sp(U(7, 41, 0)), "page_id": "k2v9bz4y1m0p",
  "incident_updates": [{"id": "u" + uuid.UUID(int=random.getrandbits(128)).hex[:11], "status": s, "body": b, "incident_id": inc_id,
     "created_at": sp(t), "updated_at": sp(t), "display_at": sp(t),
     "affected_components": [{"code": comp["id"], "name": comp["name"], "old_status": "degraded_performance" if s != "investigating" else "operational", "new_status": ns}],
     "deliver_notifications": True, "custom_tweet": None, "tweet_id": None} for s, t, b, ns in ups],
  "postmortem_body": None, "postmortem_body_last_updated_at": None, "postmortem_ignored": False, "postmortem_published_at": None,
  "postmortem_notified_subscribers": False, "postmortem_notified_twitter": False, "backfilled": False, "scheduled_for": None,
  "scheduled_until": None, "scheduled_remind_prior": False, "scheduled_reminded_at": None, "impact_override": None,
  "scheduled_auto_in_progress": False, "scheduled_auto_completed": False, "metadata": {}, "reminder_intervals": None,
  "components": [comp]}}
STATUS = json.dumps(incident, indent=2, ensure_ascii=False)
open(os.path.join(HERE, "statuspage_incident_q7w2lk9h3fzd.json"), "w").write(STATUS + "\n")

# ---------------------------------------------------------------- gold
R1_END = run1_end; R2_END = run2_end
iso = lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ")
gold = {
 "title": "DST fall-back made the monthly charge job run twice; ~6k subscribers double-charged",
 "severity": "SEV2",
 "services": ["billing-service scheduler (monthly-charge-run)", "Kassa Pay recurring charges", "dunning (payment-failed e-mails, dunning-retry)", "refund-tool"],
 "start": "2026-10-25T01:30:03Z",
 "detected": "2026-10-25T07:09:00Z",
 "mitigated": iso(REF_END),
 "resolved": "2026-10-25T10:20:00Z",
 "timezone": "Europe/Amsterdam",
 "customer_impact": f"In the night of 24-25 October 2026 the monthly subscription charge ran twice. {R2_OK:,} subscribers were charged their monthly fee a second time at about 02:30 CET (01:30-01:42 UTC), {eur_en(R2_C)} in total. For {R2_F} subscribers the duplicate charge failed and they received a 'payment failed' (betaling mislukt) e-mail at 02:42 CET suggesting they were in arrears. Customers noticed from 07:58 CET on social media and by e-mail; all duplicates were refunded by {ams(REF_END).strftime('%H:%M')} CET ({REF_END.strftime('%H:%M')} UTC), with money back on accounts within 1-3 business days.",
 "impact_numbers": [
   f"{R2_OK:,} subscribers charged twice",
   f"{eur_en(R2_C)} charged in duplicate (and refunded)",
   f"{R2_F} duplicate charges failed, each producing a wrong 'payment failed' e-mail",
   "6,214 subscriptions due on 2026-10-25, each attempted twice",
   "23 social-media mentions and 41 support e-mails by 08:31 CET",
   f"{R2_OK:,} refunds created, 0 failed",
 ],
 "root_cause": "The monthly-charge-run job is scheduled with the cron expression '30 2 * * *' in the Europe/Amsterdam time zone (set during the March 2026 migration from a UTC crontab to the new scheduler, one day after the spring DST change, so this was the first DST transition it saw). On 25 October 2026 the clocks went back from 03:00 CEST to 02:00 CET, so 02:30 local time occurred twice and the scheduler fired the job at 00:30 UTC and again at 01:30 UTC. The job's duplicate guard only looked for a run within the last 45 minutes (it was meant to stop double clicks on 'run now'), so the second run 60 minutes later proceeded. Charges are sent to Kassa Pay with a fresh UUID per attempt and no idempotency key per subscription and billing period, so the PSP created a new payment for every subscription again.",
 "root_cause_keywords": ["DST", "cron", "timezone", "duplicate guard", "idempotency key"],
 "contributing_factors": [
   "The duplicate guard was a 45-minute time window, not a check on the billing period",
   "No idempotency key per subscription and billing period on Kassa Pay charges",
   "The scheduler migration (30 March 2026) happened just after the spring transition, so no DST transition had been exercised; no DST test exists",
   "No alert on the number of charges per day versus subscriptions due; nothing alerted overnight",
   "Weekend support could only reach on-call by a personal phone call; the first tweet (07:58 CET) was seen at 08:09",
   f"The {R2_F} failed duplicates triggered 'payment failed' e-mails and were queued for the 10:00 dunning-retry, which would have tried to charge them again",
 ],
 "red_herrings": [
   "Kassa Pay maintenance (03:00-04:00 CET) repeating webhooks: the redeliveries were ignored as already processed",
   "the billing-service 4.18.2 deploy on Friday (only the invoice PDF layout)",
 ],
 "timeline": [
   {"time": "2026-03-30T00:00:00Z", "event": "Scheduler migration sets monthly-charge-run to '30 2 * * *' in Europe/Amsterdam (first DST transition it will see is October)", "source": "chat", "must_include": False},
   {"time": "2026-10-25T00:30:00Z", "event": "First monthly-charge-run fires at 02:30 CEST (run mcr-20261025-0230-a1f3)", "source": "log", "must_include": True},
   {"time": iso(R1_END), "event": f"First run complete: 6214 attempted, {R1_OK} ok", "source": "log", "must_include": False},
   {"time": "2026-10-25T01:00:00Z", "event": "Clocks go back from 03:00 CEST to 02:00 CET", "source": "log", "must_include": True},
   {"time": "2026-10-25T01:30:00Z", "event": "monthly-charge-run fires again at 02:30 CET (run mcr-20261025-0230-7c0e); duplicate guard (45 min lookback) finds no run and proceeds", "source": "log", "must_include": True},
   {"time": iso(R2_END), "event": f"Second run complete: {R2_OK} duplicate charges ok, {R2_F} failed", "source": "log", "must_include": True},
   {"time": iso(R2_END + timedelta(seconds=2)), "event": f"{R2_F} 'payment failed' e-mails queued for the failed duplicates", "source": "log", "must_include": False},
   {"time": "2026-10-25T06:58:00Z", "event": "First tweet about a double charge (07:58 CET), not yet seen", "source": "chat", "must_include": True},
   {"time": "2026-10-25T07:09:00Z", "event": "Weekend support (Sanne) sees the tweets (08:09 CET) and calls on-call at 08:11 CET", "source": "chat", "must_include": True},
   {"time": "2026-10-25T07:30:02Z", "event": "Incident bridge opened", "source": "chat", "must_include": False},
   {"time": "2026-10-25T07:35:02Z", "event": "Two runs of the job with the same local time 02:30 found in Splunk (+02:00 and +01:00)", "source": "chat", "must_include": True},
   {"time": "2026-10-25T07:37:12Z", "event": "Kassa Pay duplicate-webhook hypothesis ruled out", "source": "chat", "must_include": False},
   {"time": "2026-10-25T07:41:55Z", "event": "Statuspage incident opened (investigating)", "source": "alert", "must_include": True},
   {"time": "2026-10-25T07:46:40Z", "event": "Root cause stated: local-time cron fires twice at fall-back, 45 min guard, no idempotency per period", "source": "chat", "must_include": True},
   {"time": "2026-10-25T07:58:12Z", "event": "dunning-retry (10:00 CET) disabled and monthly-charge-run paused", "source": "log", "must_include": True},
   {"time": iso(ref_start), "event": f"Refund run for the {R2_OK} duplicate charges started", "source": "log", "must_include": True},
   {"time": iso(REF_END), "event": f"All {R2_OK} refunds created, 0 failed", "source": "log", "must_include": True},
   {"time": "2026-10-25T09:40:02Z", "event": "Statuspage set to monitoring", "source": "alert", "must_include": False},
   {"time": "2026-10-25T10:20:00Z", "event": "Incident closed; Statuspage resolved", "source": "chat", "must_include": True},
 ],
 "action_items": [
   {"text": "Schedule all jobs in UTC; no local time zone in cron expressions", "evidence": "scheduler: alle jobs in UTC plannen, geen lokale tijdzone in cron expressies"},
   {"text": "Send an idempotency key per subscription and billing period to Kassa Pay", "evidence": "idempotency key per abonnement per factuurperiode meesturen naar Kassa Pay"},
   {"text": "Base the duplicate guard on the billing period instead of a 45-minute lookback", "evidence": "duplicate-guard op billing period baseren i.p.v. een lookback van 45 min"},
   {"text": "CI test that simulates every job through the March and October DST transitions", "evidence": "test in CI die elke job door de DST overgangen van maart en oktober heen simuleert"},
   {"text": "Alert when daily charges exceed 1.5x the number of subscriptions due", "evidence": "alert als het aantal charges per dag meer dan 1,5x het aantal due abonnementen is"},
   {"text": "Let weekend support page on-call through the pager", "evidence": "weekenddienst support moet on-call via de pager kunnen oproepen"},
   {"text": "Rotate the Kassa Pay live API key that was pasted in the chat", "evidence": "Kassa Pay live key roteren (Ruben, vandaag)"},
 ],
 "blame_bait": ["wie heeft die cron in godsnaam op lokale tijd gezet", "Pieter's scheduler again, classic"],
 "secrets": ["live_kp_9fQ2xV7mT4bL8wR1nZ6cH3", "NL27 RABO 0312 4478 91", "m.verhoeven84@ziggo.example"],
 "injection": None,
 "similar_categories": ["time", "config-change", "human-process"],
}

# ---------------------------------------------------------------- checks
ALL = ZOOM + SPLUNK + STATUS
def present(s):
    return s in ALL or s in SPLUNK.replace('""', '"')
ev_quotes = [
 "job=monthly-charge-run fired", "local=2026-10-25T02:30 run_id=mcr-20261025-0230-a1f3", "local=2026-10-25T02:30 run_id=mcr-20261025-0230-7c0e",
 "duplicate-guard: last run of monthly-charge-run within lookback=45m: none -> proceeding run_id=mcr-20261025-0230-7c0e",
 "Clock change: local time zone Europe/Amsterdam now CET (UTC+0100)",
 "eerste tweet over dubbele afschrijving kwam om 07:58 binnen", "ik zag 'm pas om 08:09", "om 08:11 Joost gebeld",
 "02:30:00.000+02:00 en 02:30:00.000+01:00", "job=dunning-retry disabled", f"DONE refund duplicates created={R2_OK} failed=0",
 "ok, ik sluit het incident", "2026-10-25T08:41:55.000+01:00", "2026-10-25T11:20:31.000+01:00",
 "2026-10-25T02:30:00.000+02:00", "2026-10-25T02:30:00.000+01:00", "migratie was 30 maart",
]
for q in ev_quotes + [a["evidence"] for a in gold["action_items"]] + gold["blame_bait"] + gold["secrets"]:
    assert present(q), "missing: " + q
ts = [datetime.fromisoformat(gold[k].replace("Z", "+00:00")) for k in ("start", "detected", "mitigated", "resolved")]
assert ts == sorted(ts), ts
for e in gold["timeline"]:
    assert e["time"].endswith("Z")
# the zoom chat time stamps are CET: bridge opened 08:29:41 local = 07:29:41 UTC
assert len(chat) >= 40 and 300 <= len(rows) <= 2000, (len(chat), len(rows))
json.dump(gold, open(os.path.join(HERE, "gold.json"), "w"), indent=2, ensure_ascii=False)
print("OK blindK04")
