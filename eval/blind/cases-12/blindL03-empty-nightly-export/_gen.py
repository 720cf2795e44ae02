#!/usr/bin/env python3
"""Generator for blindL03: the nightly collections export (export-incassi-giornaliero) wrote
header-only CSV files for four nights because its upstream load (psp_settlements_load) was
migrated from a VM cron in Italian time to Cloud Composer with the same cron string, which
Airflow reads as UTC. Finance found it on Monday.

Writes element_export_data-oncall.json (Element "Export chat" JSON of a Matrix room),
cloud_logging.json (`gcloud logging read --format=json`, a LogEntry list, newest first) and
linear_issues.csv (Linear CSV export), then gold.json, then checks.
"""
import csv
import io
import json
import os
import random
import datetime as dt
from zoneinfo import ZoneInfo

random.seed(1505)
HERE = os.path.dirname(os.path.abspath(__file__))
CASE = "blindL03-empty-nightly-export"
TZ = ZoneInfo("Europe/Rome")
UTC = dt.timezone.utc
PROJECT = "cf-dataplat-prod"
REGION = "europe-west1"


def U(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))


def R(s):
    """Rome wall time 'YYYY-MM-DD HH:MM[:SS]' -> aware UTC"""
    return dt.datetime.fromisoformat(s).replace(tzinfo=TZ).astimezone(UTC)


def Z(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def rhex(n):
    return "".join(random.choice("0123456789abcdef") for _ in range(n))


def ralnum(n, chars="abcdefghijklmnopqrstuvwxyz0123456789"):
    return "".join(random.choice(chars) for _ in range(n))


def ts9(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + "%06d" % t.microsecond + "%03dZ" % random.randint(0, 999)


def ts6(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# ---------------------------------------------------------------------------
# Facts
HMAC_ID = "GOOG1EZ4N7QK2V5XH8RMWJ3LPT6CYDBA0FSEU9GHIQ2WXK7M"
HMAC_SECRET = "k3Vq9XwZr8LmT2pYb7Nc4Hs1Dj6Fg0Qa5Ue8Rt1Y"
DAYS = ["2026-05-12", "2026-05-13", "2026-05-14", "2026-05-15", "2026-05-16", "2026-05-17", "2026-05-18"]
ROWS = {"2026-05-12": 3187, "2026-05-13": 3190, "2026-05-14": 3214, "2026-05-15": 3377, "2026-05-16": 2908, "2026-05-17": 3375, "2026-05-18": 3141}
AMT = {d: round(ROWS[d] * random.uniform(96.0, 104.0), 2) for d in DAYS}
EMPTY_DAYS = ["2026-05-14", "2026-05-15", "2026-05-16", "2026-05-17"]
MISSING_ROWS = sum(ROWS[d] for d in EMPTY_DAYS)
MISSING_AMT = round(sum(AMT[d] for d in EMPTY_DAYS), 2)

T_DAG_DEPLOY = U("2026-05-14T14:20:37Z")
T_CRON_REMOVED = U("2026-05-14T14:26:05Z")
T_DETECT = U("2026-05-18T08:05:12Z")
T_RERUN_DEFAULT = U("2026-05-18T09:02:11Z")
T_RERUN = {"2026-05-14": U("2026-05-18T09:20:08Z"), "2026-05-15": U("2026-05-18T09:21:14Z"), "2026-05-16": U("2026-05-18T09:22:31Z")}
T_ERP_REIMPORT = U("2026-05-18T09:26:00Z")
T_DAG_FIX = U("2026-05-18T10:40:12Z")
T_GUARD = U("2026-05-18T11:09:47Z")
T_RESOLVED = U("2026-05-19T07:40:00Z")
LOG_FROM = U("2026-05-13T00:00:00Z")
LOG_TO = U("2026-05-19T08:30:00Z")

# ---------------------------------------------------------------------------
# Cloud Logging entries
entries = []


def add(t, e):
    e["timestamp"] = ts6(t)
    e["receiveTimestamp"] = ts9(t + dt.timedelta(milliseconds=random.randint(40, 900)))
    entries.append((t, e))


def scheduler(t, job, url, finished=False, status=200):
    payload = {"@type": "type.googleapis.com/google.cloud.scheduler.logging.%s" % ("AttemptFinished" if finished else "AttemptStarted"),
               "jobName": "projects/%s/locations/%s/jobs/%s" % (PROJECT, REGION, job), "targetType": "HTTP", "url": url}
    if not finished:
        payload["scheduledTime"] = ts6(t.replace(second=0, microsecond=0) if job != "export-incassi-nightly" else t.replace(second=0, microsecond=0))
    e = {"insertId": ralnum(14), "jsonPayload": payload,
         "logName": "projects/%s/logs/cloudscheduler.googleapis.com%%2Fexecutions" % PROJECT,
         "resource": {"labels": {"job_id": job, "location": REGION, "project_id": PROJECT}, "type": "cloud_scheduler_job"},
         "severity": "INFO" if status == 200 else "ERROR"}
    if finished:
        e["httpRequest"] = {"status": status}
    add(t, e)


def run_job_log(t, job, execution, severity, message, fields=None, task_attempt=0, instance=None):
    payload = {"message": message}
    if fields:
        payload.update(fields)
    e = {"insertId": rhex(24), "jsonPayload": payload,
         "labels": {"instanceId": instance or ("0087244a80" + rhex(60)), "run.googleapis.com/execution_name": execution,
                    "run.googleapis.com/task_attempt": str(task_attempt), "run.googleapis.com/task_index": "0"},
         "logName": "projects/%s/logs/run.googleapis.com%%2Fstdout" % PROJECT,
         "resource": {"labels": {"job_name": job, "location": REGION, "project_id": PROJECT}, "type": "cloud_run_job"},
         "severity": severity}
    add(t, e)


def run_job_system(t, job, execution, text, severity="INFO"):
    e = {"insertId": ralnum(12) if random.random() < 0.5 else rhex(16), "textPayload": text,
         "labels": {"run.googleapis.com/execution_name": execution, "run.googleapis.com/task_attempt": "0", "run.googleapis.com/task_index": "0"},
         "logName": "projects/%s/logs/run.googleapis.com%%2Fvarlog%%2Fsystem" % PROJECT,
         "resource": {"labels": {"job_name": job, "location": REGION, "project_id": PROJECT}, "type": "cloud_run_job"},
         "severity": severity}
    add(t, e)


def audit(t, method, principal, resource_name, job, request=None, log="activity", severity="NOTICE"):
    e = {"insertId": "-" + ralnum(12),
         "logName": "projects/%s/logs/cloudaudit.googleapis.com%%2F%s" % (PROJECT, log),
         "protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog",
                          "authenticationInfo": {"principalEmail": principal},
                          "authorizationInfo": [{"granted": True, "permission": "run.jobs.%s" % ("run" if "Run" in method else "update"), "resource": resource_name, "resourceAttributes": {}}],
                          "methodName": method, "resourceName": resource_name, "serviceName": "run.googleapis.com",
                          "requestMetadata": {"callerIp": "93.41.%d.%d" % (random.randint(1, 250), random.randint(1, 250)), "callerSuppliedUserAgent": "google-cloud-sdk gcloud/478.0.0 command/gcloud.run.jobs.%s" % ("execute" if "Run" in method else "update"),
                                              "requestAttributes": {"time": ts6(t), "auth": {}}, "destinationAttributes": {}}},
         "resource": {"labels": {"job_name": job, "location": REGION, "project_id": PROJECT}, "type": "cloud_run_job"},
         "severity": severity}
    if request:
        e["protoPayload"]["request"] = request
    add(t, e)


def bq_audit(t, principal, job_id, query, processed, rows_out):
    e = {"insertId": "-" + ralnum(12) + "e" + ralnum(3),
         "logName": "projects/%s/logs/cloudaudit.googleapis.com%%2Fdata_access" % PROJECT,
         "protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog", "authenticationInfo": {"principalEmail": principal},
                          "methodName": "jobservice.jobcompleted", "resourceName": "projects/%s/jobs/%s" % (PROJECT, job_id), "serviceName": "bigquery.googleapis.com",
                          "requestMetadata": {"callerIp": "35.205.%d.%d" % (random.randint(1, 250), random.randint(1, 250)), "callerSuppliedUserAgent": "gl-python/3.12.3 gccl/3.23.1"},
                          "status": {},
                          "serviceData": {"@type": "type.googleapis.com/google.cloud.bigquery.logging.v1.AuditData",
                                          "jobCompletedEvent": {"eventName": "query_job_completed",
                                                                "job": {"jobName": {"jobId": job_id, "location": "EU", "projectId": PROJECT},
                                                                        "jobConfiguration": {"query": {"query": query, "destinationTable": {"datasetId": "_8c1f" + rhex(36), "projectId": PROJECT, "tableId": "anon" + rhex(36)},
                                                                                                       "createDisposition": "CREATE_IF_NEEDED", "writeDisposition": "WRITE_TRUNCATE", "queryPriority": "QUERY_INTERACTIVE", "statementType": "SELECT"}},
                                                                        "jobStatus": {"state": "DONE", "error": {}},
                                                                        "jobStatistics": {"createTime": ts6(t - dt.timedelta(seconds=1.4)), "startTime": ts6(t - dt.timedelta(seconds=1.3)), "endTime": ts6(t),
                                                                                          "totalProcessedBytes": str(processed), "totalBilledBytes": str(0 if processed == 0 else max(10485760, processed)),
                                                                                          "billingTier": 1, "totalSlotMs": str(0 if processed == 0 else random.randint(900, 4000)),
                                                                                          "referencedTables": [{"datasetId": "finance_raw", "projectId": PROJECT, "tableId": "psp_settlements"}],
                                                                                          "queryOutputRowCount": str(rows_out)}}}}},
         "resource": {"labels": {"project_id": PROJECT}, "type": "bigquery_resource"},
         "severity": "INFO"}
    add(t, e)


EXPORT_JOB = "export-incassi-giornaliero"
EXPORT_URL = "https://%s-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/%s/jobs/%s:run" % (REGION, PROJECT, EXPORT_JOB)
SA_EXPORT = "export-incassi@%s.iam.gserviceaccount.com" % PROJECT
QUERY = ("SELECT transaction_id, psp, merchant_ref, settlement_date, gross_amount, fee_amount, net_amount, currency, payout_id "
         "FROM `cf-dataplat-prod.finance_raw.psp_settlements` WHERE settlement_date = @settlement_date ORDER BY transaction_id")
written = {}  # settlement_date -> list of (t, rows)
zero_warnings = []


def export_run(t0, settlement_date, rows, trigger="scheduler", guard=False):
    if trigger == "scheduler":
        scheduler(t0, "export-incassi-nightly", EXPORT_URL)
    execution = "%s-%s" % (EXPORT_JOB, ralnum(5))
    inst = "0087244a80" + rhex(60)
    t = t0 + dt.timedelta(seconds=random.uniform(0.4, 1.1))
    if trigger == "scheduler":
        scheduler(t, "export-incassi-nightly", EXPORT_URL, finished=True)
    t += dt.timedelta(seconds=random.uniform(6, 11))
    run_job_system(t, EXPORT_JOB, execution, "Starting new task %s-task0 for execution %s" % (execution, execution) if False else "Container started.")
    t += dt.timedelta(seconds=random.uniform(1.5, 3))
    run_job_log(t, EXPORT_JOB, execution, "INFO", "Avvio export incassi", {"settlement_date": settlement_date, "bucket": "cf-finance-exports", "version": "1.8.2" if not guard else "1.9.0", "trigger": trigger}, instance=inst)
    t += dt.timedelta(seconds=random.uniform(1.2, 2.6))
    job_id = "bquxjob_%s_%s" % (rhex(8), rhex(11))
    processed = 0 if rows == 0 else rows * 212 + random.randint(0, 999)
    bq_audit(t, SA_EXPORT, job_id, QUERY.replace("@settlement_date", "'%s'" % settlement_date), processed, rows)
    t += dt.timedelta(milliseconds=random.randint(80, 400))
    amount = AMT.get(settlement_date, 0.0) if rows else 0.0
    run_job_log(t, EXPORT_JOB, execution, "INFO", "Query BigQuery completata", {"settlement_date": settlement_date, "rows": rows, "job_id": job_id, "bytes_processed": processed}, instance=inst)
    if rows == 0:
        t += dt.timedelta(milliseconds=random.randint(5, 30))
        if guard:
            run_job_log(t, EXPORT_JOB, execution, "ERROR", "Nessun incasso trovato per settlement_date=%s: export interrotto (exit 1)" % settlement_date, {"settlement_date": settlement_date, "rows": 0}, instance=inst)
            run_job_system(t + dt.timedelta(milliseconds=300), EXPORT_JOB, execution, "Container called exit(1).", "ERROR")
            return execution
        run_job_log(t, EXPORT_JOB, execution, "WARNING", "Nessun incasso trovato per settlement_date=%s: scrivo file con solo intestazione" % settlement_date, {"settlement_date": settlement_date, "rows": 0}, instance=inst)
        zero_warnings.append((t, settlement_date))
    t += dt.timedelta(milliseconds=random.randint(300, 2400) if rows else random.randint(40, 120))
    fname = "incassi_%s.csv" % settlement_date.replace("-", "")
    size = 112 if rows == 0 else 112 + rows * 126 + random.randint(0, 200)
    run_job_log(t, EXPORT_JOB, execution, "INFO", "File scritto gs://cf-finance-exports/incassi/%s" % fname,
                {"uri": "gs://cf-finance-exports/incassi/%s" % fname, "rows": rows, "bytes": size, "gross_total_eur": amount}, instance=inst)
    written.setdefault(settlement_date, []).append((t, rows, size))
    t += dt.timedelta(milliseconds=random.randint(20, 90))
    run_job_log(t, EXPORT_JOB, execution, "INFO", "Export completato", {"settlement_date": settlement_date, "rows": rows, "duration_s": round((t - t0).total_seconds() - 8, 1)}, instance=inst)
    run_job_system(t + dt.timedelta(milliseconds=random.randint(200, 600)), EXPORT_JOB, execution, "Container called exit(0).")
    return execution


# --- PSP files pulled from the PSP SFTP every night (~00:40 Rome)
def psp_pull(t, day):
    svc = "psp-sftp-pull"
    rev = "psp-sftp-pull-00031-xoq"
    for i, (sev, msg, extra) in enumerate([
        ("INFO", "Connessione a sftp.paylane-psp.eu come casafiorenza", {}),
        ("INFO", "Scaricato settlement_report_%s.csv" % day.replace("-", ""), {"rows": ROWS[day], "bytes": ROWS[day] * 141 + 311}),
        ("INFO", "Caricato gs://cf-psp-landing/settlements/%s/settlement_report.csv" % day, {"settlement_date": day}),
    ]):
        e = {"insertId": rhex(24), "jsonPayload": dict({"message": msg}, **extra),
             "labels": {"instanceId": "0087244a80" + rhex(60)},
             "logName": "projects/%s/logs/run.googleapis.com%%2Fstdout" % PROJECT,
             "resource": {"labels": {"configuration_name": svc, "location": REGION, "project_id": PROJECT, "revision_name": rev, "service_name": svc}, "type": "cloud_run_revision"},
             "severity": sev}
        add(t + dt.timedelta(seconds=i * random.uniform(0.8, 3.5)), e)


# --- old loader: cron on etl-vm-01 (VM clock in Europe/Rome), shipped by the Ops Agent
VM = {"instance_id": "4471902287316650121", "project_id": PROJECT, "zone": "europe-west1-b"}


def vm_syslog(t, text, severity="INFO"):
    loc = t.astimezone(TZ)
    line = "%s %2d %s etl-vm-01 %s" % (loc.strftime("%b"), loc.day, loc.strftime("%H:%M:%S"), text)
    e = {"insertId": ralnum(6) + rhex(10), "textPayload": line,
         "labels": {"compute.googleapis.com/resource_name": "etl-vm-01"},
         "logName": "projects/%s/logs/syslog" % PROJECT,
         "resource": {"labels": VM, "type": "gce_instance"}, "severity": severity}
    add(t, e)


def old_load(day):
    t = R("%s 01:30:01" % (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat())
    pid = random.randint(40000, 49999)
    vm_syslog(t, "CRON[%d]: (etl) CMD (/opt/etl/bin/psp_load.sh >> /var/log/etl/psp_load.log 2>&1)" % pid)
    vm_syslog(t + dt.timedelta(seconds=random.uniform(500, 700)), "psp_load[%d]: loaded %d rows into finance_raw.psp_settlements$%s (settlement_date=%s)" % (pid + 3, ROWS[day], day.replace("-", ""), day))


# --- new loader on Composer (Airflow, schedule "30 1 * * *", timezone UTC)
COMPOSER = {"environment_name": "cf-composer-prod", "location": REGION, "project_id": PROJECT}


def airflow(t, logname, text, labels=None, severity="INFO"):
    e = {"insertId": ralnum(15), "textPayload": text,
         "labels": labels or {}, "logName": "projects/%s/logs/%s" % (PROJECT, logname),
         "resource": {"labels": COMPOSER, "type": "cloud_composer_environment"}, "severity": severity}
    add(t, e)


def af_ts(t):
    return t.astimezone(UTC).strftime("[%Y-%m-%dT%H:%M:%S.") + "%03d+0000]" % (t.microsecond // 1000)


loads = {}


def new_load(run_at, ds, dag="psp_settlements_load", worker="airflow-worker-7d9c5"):
    logical = (run_at - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    run_id = "scheduled__%s" % logical
    t = run_at + dt.timedelta(seconds=random.uniform(1, 4))
    airflow(t, "airflow-scheduler", "%s {scheduler_job_runner.py:419} INFO - 1 tasks up for execution:\n\t<TaskInstance: %s.wait_for_psp_file %s [scheduled]>" % (af_ts(t), dag, run_id))
    base = {"workflow": dag, "execution-date": logical, "try-number": "1", "worker_id": worker}
    t += dt.timedelta(seconds=random.uniform(3, 6))
    airflow(t, "airflow-worker", "%s {gcs.py:91} INFO - Sensor checks existence of : cf-psp-landing, settlements/%s/settlement_report.csv" % (af_ts(t), ds), dict(base, **{"task-id": "wait_for_psp_file"}))
    t += dt.timedelta(seconds=random.uniform(0.5, 2))
    airflow(t, "airflow-worker", "%s {base.py:293} INFO - Success criteria met. Exiting." % af_ts(t), dict(base, **{"task-id": "wait_for_psp_file"}))
    t += dt.timedelta(seconds=random.uniform(20, 40))
    airflow(t, "airflow-worker", "%s {gcs_to_bigquery.py:379} INFO - Using existing BigQuery table for storing data..." % af_ts(t), dict(base, **{"task-id": "load_to_bq"}))
    t += dt.timedelta(seconds=random.uniform(540, 700))
    airflow(t, "airflow-worker", "%s {bigquery.py:1612} INFO - Loaded %d rows into %s:finance_raw.psp_settlements$%s" % (af_ts(t), ROWS[ds], PROJECT, ds.replace("-", "")), dict(base, **{"task-id": "load_to_bq"}))
    loads[ds] = t
    t += dt.timedelta(seconds=random.uniform(1, 3))
    airflow(t, "airflow-worker", "%s {taskinstance.py:1206} INFO - Marking task as SUCCESS. dag_id=%s, task_id=load_to_bq, run_id=%s, execution_date=%s, start_date=%s, end_date=%s" % (
        af_ts(t), dag, run_id, logical.replace("-", "").replace(":", "")[:15], (run_at + dt.timedelta(seconds=40)).strftime("%Y%m%dT%H%M%S"), t.strftime("%Y%m%dT%H%M%S")), dict(base, **{"task-id": "load_to_bq"}))
    t += dt.timedelta(seconds=random.uniform(2, 5))
    airflow(t, "airflow-scheduler", "%s {dagrun.py:854} INFO - Marking run <DagRun %s @ %s: %s, state:running, queued_at: %s. externally triggered: False> successful" % (
        af_ts(t), dag, logical, run_id, run_at.strftime("%Y-%m-%d %H:%M:%S.%f+00:00")))


def other_dag(run_at, dag, tasks, worker="airflow-worker-7d9c5"):
    logical = (run_at - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    run_id = "scheduled__%s" % logical
    t = run_at + dt.timedelta(seconds=random.uniform(1, 4))
    base = {"workflow": dag, "execution-date": logical, "try-number": "1", "worker_id": worker}
    for task, msg in tasks:
        t += dt.timedelta(seconds=random.uniform(15, 200))
        airflow(t, "airflow-worker", "%s %s" % (af_ts(t), msg % {"ds": (run_at - dt.timedelta(days=1)).strftime("%Y-%m-%d")}), dict(base, **{"task-id": task}))
    t += dt.timedelta(seconds=random.uniform(2, 5))
    airflow(t, "airflow-scheduler", "%s {dagrun.py:854} INFO - Marking run <DagRun %s @ %s: %s, state:running, queued_at: %s. externally triggered: False> successful" % (
        af_ts(t), dag, logical, run_id, run_at.strftime("%Y-%m-%d %H:%M:%S.%f+00:00")))


# --- hourly catalogue sync (noise)
CAT_JOB = "sync-catalogo"
CAT_URL = "https://%s-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/%s/jobs/%s:run" % (REGION, PROJECT, CAT_JOB)


def catalogue(t0):
    scheduler(t0, "sync-catalogo-hourly", CAT_URL)
    scheduler(t0 + dt.timedelta(seconds=random.uniform(0.3, 0.9)), "sync-catalogo-hourly", CAT_URL, finished=True)
    ex = "%s-%s" % (CAT_JOB, ralnum(5))
    t = t0 + dt.timedelta(seconds=random.uniform(9, 14))
    if random.random() < 0.07:
        run_job_log(t, CAT_JOB, ex, "WARNING", "API fornitore Arredi&Co: HTTP 429, retry tra 30s", {"supplier": "arredi-co", "attempt": 1})
        t += dt.timedelta(seconds=31)
    run_job_log(t + dt.timedelta(seconds=random.uniform(20, 80)), CAT_JOB, ex, "INFO", "Sincronizzazione catalogo completata",
                {"prodotti_aggiornati": random.randint(40, 900), "prodotti_nuovi": random.randint(0, 25), "fornitori": 14})


# build the week
t = LOG_FROM.replace(minute=5)
while t < LOG_TO:
    catalogue(t + dt.timedelta(seconds=random.uniform(0, 2)))
    t += dt.timedelta(hours=1)

for day in DAYS:
    nd = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    if R(nd + " 00:41") < LOG_TO:
        psp_pull(R(nd + " 00:4%d:%02d" % (random.randint(0, 3), random.randint(0, 59))), day)

# old cron loader ran for 12 and 13 May (at 01:30 Rome the next night)
old_load("2026-05-12")
old_load("2026-05-13")
# the migration on Thursday afternoon
airflow(T_DAG_DEPLOY, "dag-processor-manager", "%s {manager.py:1136} INFO - Processing file /home/airflow/gcs/dags/psp_settlements_load.py for tasks to queue" % af_ts(T_DAG_DEPLOY))
airflow(T_DAG_DEPLOY + dt.timedelta(seconds=1.4), "dag-processor-manager", "%s {processor.py:839} INFO - DAG(s) 'psp_settlements_load' retrieved from /home/airflow/gcs/dags/psp_settlements_load.py" % af_ts(T_DAG_DEPLOY + dt.timedelta(seconds=1.4)))
airflow(T_DAG_DEPLOY + dt.timedelta(seconds=1.9), "dag-processor-manager", "%s {dag.py:3106} INFO - Sync 1 DAGs" % af_ts(T_DAG_DEPLOY + dt.timedelta(seconds=1.9)))
airflow(T_DAG_DEPLOY + dt.timedelta(seconds=2.2), "dag-processor-manager", "%s {dag.py:3852} INFO - Setting next_dagrun for psp_settlements_load to 2026-05-15T01:30:00+00:00, run_after=2026-05-15T01:30:00+00:00" % af_ts(T_DAG_DEPLOY + dt.timedelta(seconds=2.2)))
vm_syslog(T_CRON_REMOVED, "crontab[61377]: (root) BEGIN EDIT (etl)")
vm_syslog(T_CRON_REMOVED + dt.timedelta(seconds=19), "crontab[61377]: (root) REPLACE (etl)")
vm_syslog(T_CRON_REMOVED + dt.timedelta(seconds=19.2), "crontab[61377]: (root) END EDIT (etl)")
vm_syslog(T_CRON_REMOVED - dt.timedelta(seconds=4), "sudo[61371]:  davide.conti : TTY=pts/0 ; PWD=/home/davide.conti ; USER=root ; COMMAND=/usr/bin/crontab -u etl -e", "NOTICE")

# new DAG runs at 01:30 UTC (03:30 Rome) for ds = previous day
for ds in ["2026-05-14", "2026-05-15", "2026-05-16", "2026-05-17"]:
    run_at = U((dt.date.fromisoformat(ds) + dt.timedelta(days=1)).isoformat() + "T01:30:00Z")
    new_load(run_at, ds)
# after the fix: schedule in Europe/Rome -> 01:30 local = 23:30 UTC
airflow(T_DAG_FIX, "dag-processor-manager", "%s {manager.py:1136} INFO - Processing file /home/airflow/gcs/dags/psp_settlements_load.py for tasks to queue" % af_ts(T_DAG_FIX))
airflow(T_DAG_FIX + dt.timedelta(seconds=1.1), "dag-processor-manager", "%s {processor.py:839} INFO - DAG(s) 'psp_settlements_load' retrieved from /home/airflow/gcs/dags/psp_settlements_load.py" % af_ts(T_DAG_FIX + dt.timedelta(seconds=1.1)))
airflow(T_DAG_FIX + dt.timedelta(seconds=1.6), "dag-processor-manager", "%s {dag.py:3106} INFO - Sync 1 DAGs" % af_ts(T_DAG_FIX + dt.timedelta(seconds=1.6)))
airflow(T_DAG_FIX + dt.timedelta(seconds=1.9), "dag-processor-manager", "%s {dag.py:3852} INFO - Setting next_dagrun for psp_settlements_load to 2026-05-18T23:30:00+00:00, run_after=2026-05-18T23:30:00+00:00" % af_ts(T_DAG_FIX + dt.timedelta(seconds=1.9)))
new_load(U("2026-05-18T23:30:00Z"), "2026-05-18")

# other DAGs (noise)
for day in DAYS[1:]:
    nd = dt.date.fromisoformat(day) + dt.timedelta(days=1)
    ra = U(nd.isoformat() + "T02:00:00Z")
    if ra < LOG_TO:
        other_dag(ra, "ga4_sessions_daily", [("export_ga4", "{bigquery.py:2201} INFO - Inserting job ga4_sessions_daily_export_ga4_%(ds)s"),
                                             ("export_ga4", "{bigquery.py:1612} INFO - Job done: 1 partition(s) written to analytics.ga4_sessions$%(ds)s")])
    ra = U(nd.isoformat() + "T04:00:00Z")
    if ra < LOG_TO:
        other_dag(ra, "crm_contacts_sync", [("pull_crm", "{http.py:175} INFO - Calling HTTP method GET https://api.crm.casafiorenza.it/v2/contacts?updated_since=%(ds)s"),
                                            ("pull_crm", "{crm_sync.py:58} INFO - Ricevuti contatti aggiornati: ok"),
                                            ("merge_contacts", "{bigquery.py:1612} INFO - MERGE completato su crm.contacts")])

# nightly export at 03:00 Europe/Rome (Cloud Scheduler time zone Europe/Rome)
for day in DAYS:
    nd = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    t0 = R(nd + " 03:00:00") + dt.timedelta(milliseconds=random.randint(300, 700))
    if t0 > LOG_TO:
        continue
    rows = 0 if day in EMPTY_DAYS else ROWS[day]
    export_run(t0, day, rows, guard=(day == "2026-05-18"))

# Monday: manual re-runs
audit(T_RERUN_DEFAULT - dt.timedelta(seconds=1.2), "google.cloud.run.v2.Jobs.RunJob", "giulia.ferraro@casafiorenza.it",
      "projects/%s/locations/%s/jobs/%s" % (PROJECT, REGION, EXPORT_JOB), EXPORT_JOB, {"@type": "type.googleapis.com/google.cloud.run.v2.RunJobRequest", "name": "projects/%s/locations/%s/jobs/%s" % (PROJECT, REGION, EXPORT_JOB)})
export_run(T_RERUN_DEFAULT, "2026-05-17", ROWS["2026-05-17"], trigger="manual")
for ds, tr in T_RERUN.items():
    audit(tr - dt.timedelta(seconds=1.1), "google.cloud.run.v2.Jobs.RunJob", "giulia.ferraro@casafiorenza.it",
          "projects/%s/locations/%s/jobs/%s" % (PROJECT, REGION, EXPORT_JOB), EXPORT_JOB,
          {"@type": "type.googleapis.com/google.cloud.run.v2.RunJobRequest", "name": "projects/%s/locations/%s/jobs/%s" % (PROJECT, REGION, EXPORT_JOB),
           "overrides": {"containerOverrides": [{"args": ["--date=%s" % ds]}]}})
    export_run(tr, ds, ROWS[ds], trigger="manual")
# zero-row guard deployed
audit(T_GUARD, "google.cloud.run.v2.Jobs.UpdateJob", "luca.bassi@casafiorenza.it", "projects/%s/locations/%s/jobs/%s" % (PROJECT, REGION, EXPORT_JOB), EXPORT_JOB,
      {"@type": "type.googleapis.com/google.cloud.run.v2.UpdateJobRequest", "job": {"name": "projects/%s/locations/%s/jobs/%s" % (PROJECT, REGION, EXPORT_JOB),
                                                                                     "template": {"template": {"containers": [{"image": "europe-west1-docker.pkg.dev/cf-dataplat-prod/jobs/export-incassi:1.9.0", "env": [{"name": "FAIL_ON_EMPTY", "value": "true"}]}]}}}})

entries.sort(key=lambda x: x[0], reverse=True)  # gcloud logging read: newest first
LOG = [e for _, e in entries]
with open(os.path.join(HERE, "cloud_logging.json"), "w", encoding="utf-8") as f:
    json.dump(LOG, f, ensure_ascii=False, indent=2)
    f.write("\n")

FIRST_EMPTY = written["2026-05-14"][0][0]
LAST_REEXPORT = max(written[d][-1][0] for d in EMPTY_DAYS)

# ---------------------------------------------------------------------------
# Matrix room, Element "Export chat" as JSON
SERVER = "casafiorenza.it"
ROOM = "!VxKqTfRmPzLaNcWd:" + SERVER
P = {
    "giulia": ("@giulia.ferraro:" + SERVER, "Giulia Ferraro"),
    "davide": ("@davide.conti:" + SERVER, "Davide Conti"),
    "chiara": ("@chiara.galli:" + SERVER, "Chiara Galli"),
    "marco": ("@marco.rinaldi:" + SERVER, "Marco Rinaldi"),
    "luca": ("@luca.bassi:" + SERVER, "Luca Bassi"),
    "elena": ("@elena.moretti:" + SERVER, "Elena Moretti"),
    "linear": ("@linear:" + SERVER, "Linear"),
}
EXPORTED_AT = U("2026-05-19T08:02:00Z")


def b64id():
    return "$" + "".join(random.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(43))


GSUTIL = """$ gsutil ls -l gs://cf-finance-exports/incassi/ | tail -5
    %6d  2026-05-14T%s  gs://cf-finance-exports/incassi/incassi_20260513.csv
       112  2026-05-15T%s  gs://cf-finance-exports/incassi/incassi_20260514.csv
       112  2026-05-16T%s  gs://cf-finance-exports/incassi/incassi_20260515.csv
       112  2026-05-17T%s  gs://cf-finance-exports/incassi/incassi_20260516.csv
       112  2026-05-18T%s  gs://cf-finance-exports/incassi/incassi_20260517.csv""" % (
    written["2026-05-13"][0][2], written["2026-05-13"][0][0].strftime("%H:%M:%SZ"), written["2026-05-14"][0][0].strftime("%H:%M:%SZ"),
    written["2026-05-15"][0][0].strftime("%H:%M:%SZ"), written["2026-05-16"][0][0].strftime("%H:%M:%SZ"), written["2026-05-17"][0][0].strftime("%H:%M:%SZ"))


def eur(x):
    s = "{:,.2f}".format(x)
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def num(n):
    return "{:,}".format(n).replace(",", ".")


# (Rome time, who, kind, body, extra)  kind: text|notice|join|reply:<idx>|thread:<idx>
M = [
    ("2026-05-18 10:05:14", "linear", "notice", "FIN-231 creato da Chiara Galli · Incassi PSP a zero in ERP da giovedì 14/05 · Priorità: Urgente · Team: Finance Ops", None),
    ("2026-05-18 10:07:02", "chiara", "text", "Buongiorno! In ERP gli incassi PSP di giovedì 14, venerdì 15, sabato 16 e domenica 17 risultano a zero. La quadratura con l'estratto conto non torna di circa %s €. Ho aperto FIN-231, potete guardare? È urgente, oggi alle 14 c'è il pagamento fornitori" % eur(MISSING_AMT), None),
    ("2026-05-18 10:09:40", "giulia", "text", "ciao Chiara, guardo io (sono on-call questa settimana)", None),
    ("2026-05-18 10:11:05", "elena", "text", "lato ERP l'import delle 06:00 è andato ok tutti i giorni, ma con 0 movimenti. venerdì sera abbiamo aggiornato l'ERP alla 4.3, magari c'entra?", None),
    ("2026-05-18 10:13:21", "giulia", "text", "i file nel bucket ci sono ma... 112 byte. solo header 😬\n" + GSUTIL, "code"),
    ("2026-05-18 10:14:30", "elena", "reply:4", "ok quindi l'ERP ha importato quello che c'era. non è l'aggiornamento", None),
    ("2026-05-18 10:15:02", "chiara", "text", "quindi da giovedì non ci sono proprio i dati?", None),
    ("2026-05-18 10:16:48", "giulia", "text", "l'export ha scritto file vuoti dalla notte di venerdì (dati di giovedì). e il job risulta verde tutte le notti", None),
    ("2026-05-18 10:18:10", "luca", "text", "il PSP ha mandato i file? magari non sono arrivati i settlement", None),
    ("2026-05-18 10:21:36", "luca", "text", "intanto verifico che l'ERP riesca a leggere il bucket con la sua chiave HMAC:\ngsutil -o Credentials:gs_access_key_id=%s -o Credentials:gs_secret_access_key=%s ls gs://cf-finance-exports/incassi/ | wc -l" % (HMAC_ID, HMAC_SECRET), "code"),
    ("2026-05-18 10:22:05", "luca", "text", "legge, accesso ok", None),
    ("2026-05-18 10:22:50", "giulia", "text", "Luca la secret HMAC in chat 🙈 poi va ruotata", None),
    ("2026-05-18 10:24:31", "luca", "text", "file PSP arrivati regolari ogni notte verso le 00:40, psp-sftp-pull tutto ok. 14/05: %s righe, 15/05: %s, 16/05: %s, 17/05: %s" % (num(ROWS["2026-05-14"]), num(ROWS["2026-05-15"]), num(ROWS["2026-05-16"]), num(ROWS["2026-05-17"])), None),
    ("2026-05-18 10:26:02", "luca", "text", "giovedì ho ruotato la chiave del service account dell'export, può c'entrare?", None),
    ("2026-05-18 10:27:44", "giulia", "reply:13", "no, con una chiave sbagliata il job fallirebbe. qui la query gira e torna 0 righe", None),
    ("2026-05-18 10:31:19", "giulia", "text", "Cloud Logging, export-incassi-giornaliero, ogni notte dal 15:\nWARNING  Nessun incasso trovato per settlement_date=2026-05-14: scrivo file con solo intestazione\nè un warning, nessun alert 🙃", "code"),
    ("2026-05-18 10:34:02", "chiara", "text", "scusate la domanda da finance: ma se non trova niente non dovrebbe dare errore?", None),
    ("2026-05-18 10:34:40", "giulia", "reply:16", "dovrebbe sì. c'è un ticket in backlog da gennaio (DATA-398) 😅", None),
    ("2026-05-18 10:35:51", "giulia", "text", "adesso però in BQ le partizioni 14-17 di psp_settlements sono piene. quindi i dati arrivano DOPO l'export delle 3", None),
    ("2026-05-18 10:36:30", "giulia", "text", "@Davide Conti hai toccato psp_settlements_load la settimana scorsa?", "mention:davide"),
    ("2026-05-18 10:38:02", "davide", "join", None, None),
    ("2026-05-18 10:39:15", "davide", "text", "sì, giovedì pomeriggio l'ho migrato da cron su etl-vm-01 a Composer (DATA-412). stesso orario, 01:30", None),
    ("2026-05-18 10:41:02", "giulia", "text", "stesso orario in che timezone? 🙂 il dag-processor giovedì dice: Setting next_dagrun for psp_settlements_load to 2026-05-15T01:30:00+00:00", None),
    ("2026-05-18 10:42:27", "davide", "text", "...Composer/Airflow ragiona in UTC. 30 1 * * * = 01:30 UTC = 03:30 da noi. sulla VM il cron era 01:30 ora italiana. quindi il load adesso finisce verso le 03:40, dopo l'export delle 03:00", None),
    ("2026-05-18 10:43:10", "luca", "text", "chi è il genio che ha messo il cron in UTC?", None),
    ("2026-05-18 10:43:58", "elena", "text", "Davide ha migrato il DAG giovedì pomeriggio senza dire niente a nessuno", None),
    ("2026-05-18 10:44:40", "giulia", "text", "dai, niente processi qui. il problema vero è che l'export dipende da un orario fisso e non dal load, e che 0 righe passa come successo", None),
    ("2026-05-18 10:46:12", "giulia", "text", "piano:\n1) rilancio l'export per 14, 15, 16, 17 adesso che i dati ci sono\n2) Elena reimporta in ERP\n3) Davide sistema lo schedule del DAG", None),
    ("2026-05-18 10:47:30", "chiara", "text", "perfetto. per noi l'importante è avere i dati entro mezzogiorno", None),
    ("2026-05-18 10:50:03", "linear", "notice", "DATA-431 creato da Giulia Ferraro · INC incassi vuoti: re-export 14-17/05 e reimport ERP · Priorità: Urgente", None),
    ("2026-05-18 10:52:18", "elena", "text", "prima di reimportare devo stornare i 4 import vuoti in ERP, 10-15 minuti", None),
    ("2026-05-18 10:53:01", "chiara", "thread:30", "ok, ti serve qualcosa da noi per lo storno?", None),
    ("2026-05-18 10:54:40", "elena", "thread:30", "no, faccio io, vi avviso", None),
    ("2026-05-18 11:02:20", "giulia", "text", "lanciato l'export dalla console", None),
    ("2026-05-18 11:03:45", "giulia", "text", "ops, senza override ha fatto solo 'ieri' = 17/05 (%s righe, ok). gli altri li lancio con --date" % num(ROWS["2026-05-17"]), None),
    ("2026-05-18 11:05:12", "marco", "join", None, None),
    ("2026-05-18 11:05:50", "marco", "text", "ciao, esco ora da una call col CFO. qual è lo status?", None),
    ("2026-05-18 11:07:33", "giulia", "text", "status: da venerdì notte l'export incassi scriveva file vuoti perché il load PSP migrato su Composer gira alle 03:30 invece che all'01:30 (cron in UTC). nessun dato perso, è tutto in BQ. sto rifacendo i 4 file, poi Elena reimporta in ERP. fix dello schedule dopo", None),
    ("2026-05-18 11:09:02", "marco", "text", "ok grazie. postmortem mercoledì, senza caccia al colpevole. Chiara, il CFO chiedeva se i pagamenti delle 14 sono a rischio", None),
    ("2026-05-18 11:10:20", "chiara", "reply:38", "se abbiamo i dati entro le 12 no", None),
    ("2026-05-18 11:14:05", "elena", "text", "storno degli import vuoti fatto, pronta per il reimport", None),
    ("2026-05-18 11:19:40", "giulia", "text", "gcloud run jobs execute export-incassi-giornaliero --region europe-west1 --args=--date=2026-05-14 (poi 15 e 16)", "code"),
    ("2026-05-18 11:24:10", "giulia", "text", "fatti tutti e 4 ✅ 14/05 %s righe, 15/05 %s, 16/05 %s, 17/05 %s. totale %s" % (num(ROWS["2026-05-14"]), num(ROWS["2026-05-15"]), num(ROWS["2026-05-16"]), num(ROWS["2026-05-17"]), num(MISSING_ROWS)), None),
    ("2026-05-18 11:26:00", "elena", "text", "reimport ERP fatto, %s movimenti caricati" % num(MISSING_ROWS), None),
    ("2026-05-18 11:40:12", "chiara", "text", "verificato: la quadratura con l'estratto conto torna al centesimo 🙏 grazie a tutti", None),
    ("2026-05-18 11:41:30", "marco", "text", "👏", None),
    ("2026-05-18 11:58:03", "davide", "text", "PR per lo schedule: DAG con timezone Europe/Rome (pendulum), così 01:30 resta ora italiana anche col cambio d'ora. review?", None),
    ("2026-05-18 12:03:44", "luca", "reply:46", "approvata", None),
    ("2026-05-18 12:40:50", "davide", "text", "deployato. dag-processor: next_dagrun 2026-05-18T23:30:00+00:00 = 01:30 da noi", None),
    ("2026-05-18 13:10:31", "luca", "text", "export 1.9.0 deployato: exit 1 se 0 righe (FAIL_ON_EMPTY). alert policy su Cloud Monitoring in arrivo", None),
    ("2026-05-18 13:15:08", "giulia", "text", "lascio l'incidente aperto fino a domattina, voglio vedere il run di stanotte", None),
    ("2026-05-18 13:18:20", "giulia", "text", "action item, aggiungete pure:", None),
    ("2026-05-18 13:19:02", "giulia", "text", "- l'export deve partire dopo il load (sensor/dipendenza), non a orario fisso", None),
    ("2026-05-18 13:19:40", "luca", "text", "- alert su 0 righe / file sotto 1 KB che pagina l'on-call, non solo un warning nei log", None),
    ("2026-05-18 13:20:15", "davide", "text", "- checklist per le migrazioni di job: elencare i consumer a valle e avvisarli prima", None),
    ("2026-05-18 13:20:51", "davide", "text", "- tutti i DAG con timezone esplicita, niente cron in UTC implicito", None),
    ("2026-05-18 13:21:30", "chiara", "text", "- da parte nostra: quadratura incassi giornaliera invece che settimanale, così ce ne accorgiamo il giorno dopo", None),
    ("2026-05-18 13:22:04", "luca", "text", "- ruotare la chiave HMAC dell'ERP (finita in chat)", None),
    ("2026-05-18 13:22:40", "elena", "text", "- l'import ERP dovrebbe rifiutare un file con solo intestazione", None),
    ("2026-05-18 13:25:11", "linear", "notice", "DATA-432, DATA-433, DATA-434, DATA-435, FIN-232 creati da Giulia Ferraro", None),
    ("2026-05-19 09:12:40", "giulia", "text", "run di stanotte: load 01:30 (23:30 UTC) %s righe, export 03:00 %s righe, file da %d KB ✅" % (num(ROWS["2026-05-18"]), num(ROWS["2026-05-18"]), 0), None),
    ("2026-05-19 09:31:06", "chiara", "text", "import ERP di stamattina ok, incassi del 18 presenti ✅", None),
    ("2026-05-19 09:40:00", "giulia", "text", "chiudo l'incidente. postmortem mercoledì alle 10:00, invito a seguire", None),
    ("2026-05-19 09:40:41", "linear", "notice", "FIN-231 · Stato: In Progress → Done (Giulia Ferraro)", None),
]
# fix the file size in the Tuesday message
kb = written["2026-05-18"][0][2] // 1024
M = [(a, b, c, (d.replace("file da 0 KB", "file da %d KB" % kb) if isinstance(d, str) else d), e) for a, b, c, d, e in M]

events = []
ids = []
member_joined = {"giulia", "chiara", "luca", "elena", "linear"}
for i, (loc, who, kind, body, extra) in enumerate(M):
    t = R(loc) + dt.timedelta(milliseconds=random.randint(0, 999))
    uid, name = P[who]
    eid = b64id()
    ids.append(eid)
    ev = {"type": "m.room.message", "room_id": ROOM, "sender": uid, "content": {}, "origin_server_ts": int(t.timestamp() * 1000),
          "unsigned": {"age": int((EXPORTED_AT - t).total_seconds() * 1000), "membership": "join"}, "event_id": eid}
    if kind == "join":
        ev["type"] = "m.room.member"
        ev["state_key"] = uid
        ev["content"] = {"membership": "join", "displayname": name, "avatar_url": "mxc://%s/%s" % (SERVER, ralnum(24, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))}
        ev["unsigned"]["prev_content"] = {"membership": "invite", "displayname": name}
        ev["unsigned"]["prev_sender"] = P["giulia"][0]
        ev["unsigned"]["replaces_state"] = b64id()
    elif kind == "notice":
        ev["content"] = {"msgtype": "m.notice", "body": body}
    else:
        ev["content"] = {"msgtype": "m.text", "body": body, "m.mentions": {}}
        if extra == "code":
            esc = lambda x: x.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            ev["content"]["format"] = "org.matrix.custom.html"
            if "\n" in body:
                first, rest = body.split("\n", 1)
                ev["content"]["formatted_body"] = "%s<br><pre><code>%s\n</code></pre>\n" % (esc(first), esc(rest))
            else:
                ev["content"]["formatted_body"] = "<code>%s</code>" % esc(body)
        if extra and extra.startswith("mention:"):
            muid, mname = P[extra.split(":")[1]]
            ev["content"]["m.mentions"] = {"user_ids": [muid]}
            ev["content"]["format"] = "org.matrix.custom.html"
            ev["content"]["formatted_body"] = body.replace("@" + mname, '<a href="https://matrix.to/#/%s">%s</a>' % (muid, mname))
            ev["content"]["body"] = body.replace("@" + mname, mname)
        if kind.startswith("reply:"):
            j = int(kind.split(":")[1])
            quoted = M[j][3]
            ev["content"]["m.relates_to"] = {"m.in_reply_to": {"event_id": ids[j]}}
            ev["content"]["m.mentions"] = {"user_ids": [P[M[j][1]][0]]}
        if kind.startswith("thread:"):
            j = int(kind.split(":")[1])
            prev_in_thread = ids[j]
            for k in range(i - 1, j, -1):
                if M[k][2] == kind:
                    prev_in_thread = ids[k]
                    break
            ev["content"]["m.relates_to"] = {"rel_type": "m.thread", "event_id": ids[j], "is_falling_back": True, "m.in_reply_to": {"event_id": prev_in_thread}}
    if who == "giulia" and kind != "join":
        ev["unsigned"]["transaction_id"] = "m%d.%d" % (int(t.timestamp() * 1000), i)
    events.append(ev)

export = {"room_name": "data-oncall", "room_creator": "Luca Bassi",
          "topic": "On-call Data Platform · incidenti: ticket Linear team DATA · runbook https://wiki.casafiorenza.it/data/oncall",
          "export_date": "19/5/2026", "exported_by": "Giulia Ferraro", "messages": events}
with open(os.path.join(HERE, "element_export_data-oncall.json"), "w", encoding="utf-8") as f:
    json.dump(export, f, ensure_ascii=False, indent=2)
    f.write("\n")

# ---------------------------------------------------------------------------
# Linear CSV export
HEAD = ["ID", "Team", "Title", "Description", "Status", "Estimate", "Priority", "Project ID", "Project", "Creator", "Assignee", "Labels",
        "Cycle Number", "Cycle Name", "Cycle Start", "Cycle End", "Created", "Updated", "Started", "Triaged", "Completed", "Canceled", "Archived",
        "Due Date", "Parent issue", "Initiatives", "Project Milestone ID", "Project Milestone", "SLA Status", "Roadmaps"]
PJ_ID = "b7d2e1f0-4c6a-4e8b-9f3d-2a1c0e5b7d99"


def lt(s):
    return U(s).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % random.randint(0, 999)


rows = [
    dict(ID="DATA-398", Team="Data Platform", Title="Export incassi: fallire se 0 righe + alert",
         Description="Oggi export-incassi-giornaliero scrive un file con solo intestazione se la query non trova righe e termina con exit 0. Finance se ne accorgerebbe solo in quadratura. Proposta: exit 1 + alert.",
         Status="Backlog", Estimate="2", Priority="Low", Creator="luca.bassi@casafiorenza.it", Assignee="", Labels="tech-debt, finance",
         Created=lt("2026-01-20T10:14:03Z"), Updated=lt("2026-05-18T08:34:40Z")),
    dict(ID="DATA-405", Team="Data Platform", Title="Dashboard GA4: sessioni duplicate dopo cambio consenso cookie",
         Description="Dal 2/5 le sessioni GA4 risultano ~8% più alte. Verificare dedup su user_pseudo_id.", Status="Done", Estimate="3", Priority="Medium",
         Creator="marco.rinaldi@casafiorenza.it", Assignee="giulia.ferraro@casafiorenza.it", Labels="analytics", Cycle_Number="19",
         Created=lt("2026-05-04T07:40:00Z"), Updated=lt("2026-05-12T15:02:11Z"), Started=lt("2026-05-06T08:10:00Z"), Completed=lt("2026-05-12T15:02:11Z")),
    dict(ID="DATA-409", Team="Data Platform", Title="sync-catalogo: backoff esponenziale sui 429 del fornitore",
         Description="Arredi&Co risponde 429 nelle ore di punta. Aggiungere backoff.", Status="In Progress", Estimate="1", Priority="Low",
         Creator="giulia.ferraro@casafiorenza.it", Assignee="luca.bassi@casafiorenza.it", Labels="", Cycle_Number="20",
         Created=lt("2026-05-08T09:00:00Z"), Updated=lt("2026-05-15T10:12:00Z"), Started=lt("2026-05-15T10:12:00Z")),
    dict(ID="DATA-412", Team="Data Platform", Title="Migrare psp_settlements_load da cron (etl-vm-01) a Composer",
         Description="Spostare il load dei settlement PSP dal crontab di etl-vm-01 (01:30) a un DAG su cf-composer-prod. Stesso orario: `30 1 * * *`. Poi togliere la riga dal crontab.",
         Status="Done", Estimate="3", Priority="Medium", Creator="marco.rinaldi@casafiorenza.it", Assignee="davide.conti@casafiorenza.it", Labels="migration",
         Cycle_Number="20", Created=lt("2026-04-28T13:22:00Z"), Updated=lt("2026-05-14T14:31:07Z"), Started=lt("2026-05-12T08:45:00Z"), Completed=lt("2026-05-14T14:31:07Z")),
    dict(ID="DATA-415", Team="Data Platform", Title="Spegnere etl-vm-01 dopo la migrazione dei job",
         Description="Quando tutti i cron sono su Composer.", Status="Todo", Estimate="1", Priority="Low", Creator="davide.conti@casafiorenza.it",
         Assignee="davide.conti@casafiorenza.it", Labels="migration", Created=lt("2026-05-14T14:33:40Z"), Updated=lt("2026-05-14T14:33:40Z")),
    dict(ID="FIN-231", Team="Finance Ops", Title="Incassi PSP a zero in ERP da giovedì 14/05",
         Description="In ERP gli incassi PSP del 14, 15, 16 e 17/05 sono a zero. La quadratura con l'estratto conto non torna di circa %s €. Pagamento fornitori oggi alle 14." % eur(MISSING_AMT),
         Status="Done", Estimate="", Priority="Urgent", Creator="chiara.galli@casafiorenza.it", Assignee="giulia.ferraro@casafiorenza.it", Labels="incidente",
         Created=Z(T_DETECT).replace("Z", ".000Z"), Updated=lt("2026-05-19T07:40:41Z"), Started=lt("2026-05-18T08:09:40Z"), Triaged=lt("2026-05-18T08:09:40Z"), Completed=lt("2026-05-19T07:40:41Z")),
    dict(ID="DATA-431", Team="Data Platform", Title="INC incassi vuoti: re-export 14-17/05 e reimport ERP",
         Description="Rilanciare export-incassi-giornaliero con --date per i 4 giorni, poi reimport in ERP (Elena).", Status="Done", Estimate="1", Priority="Urgent",
         Creator="giulia.ferraro@casafiorenza.it", Assignee="giulia.ferraro@casafiorenza.it", Labels="incidente", Parent_issue="FIN-231",
         Created=lt("2026-05-18T08:50:03Z"), Updated=lt("2026-05-18T09:27:12Z"), Started=lt("2026-05-18T08:50:03Z"), Completed=lt("2026-05-18T09:27:12Z")),
    dict(ID="DATA-432", Team="Data Platform", Title="psp_settlements_load: schedule con timezone Europe/Rome",
         Description="Il DAG usa `30 1 * * *` in UTC (03:30 in Italia). Usare pendulum Europe/Rome.", Status="Done", Estimate="1", Priority="High",
         Creator="giulia.ferraro@casafiorenza.it", Assignee="davide.conti@casafiorenza.it", Labels="incidente, follow-up", Parent_issue="FIN-231",
         Created=lt("2026-05-18T11:25:09Z"), Updated=lt("2026-05-18T11:25:40Z"), Started=lt("2026-05-18T11:25:09Z"), Completed=lt("2026-05-18T11:25:40Z")),
    dict(ID="DATA-433", Team="Data Platform", Title="export-incassi: exit 1 se 0 righe + alert che pagina on-call",
         Description="1.9.0 con FAIL_ON_EMPTY deployata il 18/05. Manca la alert policy su Cloud Monitoring (log-based metric su severity>=ERROR del job). Duplica DATA-398.",
         Status="In Progress", Estimate="2", Priority="High", Creator="giulia.ferraro@casafiorenza.it", Assignee="luca.bassi@casafiorenza.it", Labels="incidente, follow-up",
         Parent_issue="FIN-231", Created=lt("2026-05-18T11:25:10Z"), Updated=lt("2026-05-18T11:30:02Z"), Started=lt("2026-05-18T11:09:00Z")),
    dict(ID="DATA-434", Team="Data Platform", Title="Export incassi dopo il load (dipendenza) invece che a orario fisso",
         Description="Far partire l'export da un task a valle di psp_settlements_load o con sensor sulla partizione.", Status="Todo", Estimate="3", Priority="High",
         Creator="giulia.ferraro@casafiorenza.it", Assignee="davide.conti@casafiorenza.it", Labels="incidente, follow-up", Parent_issue="FIN-231",
         Created=lt("2026-05-18T11:25:10Z"), Updated=lt("2026-05-18T11:25:10Z")),
    dict(ID="DATA-435", Team="Data Platform", Title="Checklist migrazione job: consumer a valle + timezone esplicita",
         Description="", Status="Todo", Estimate="1", Priority="Medium", Creator="giulia.ferraro@casafiorenza.it", Assignee="marco.rinaldi@casafiorenza.it",
         Labels="incidente, follow-up", Parent_issue="FIN-231", Created=lt("2026-05-18T11:25:11Z"), Updated=lt("2026-05-18T11:25:11Z")),
    dict(ID="FIN-232", Team="Finance Ops", Title="Quadratura incassi ERP vs PSP giornaliera (non settimanale)",
         Description="", Status="Todo", Estimate="", Priority="Medium", Creator="giulia.ferraro@casafiorenza.it", Assignee="chiara.galli@casafiorenza.it",
         Labels="follow-up", Parent_issue="FIN-231", Created=lt("2026-05-18T11:25:11Z"), Updated=lt("2026-05-18T11:25:11Z")),
]
buf = io.StringIO()
w = csv.writer(buf, lineterminator="\n")
w.writerow(HEAD)
for r in rows:
    cyc = r.get("Cycle_Number", "")
    vals = {h: "" for h in HEAD}
    vals.update({k: v for k, v in r.items() if k in HEAD})
    if r.get("Parent_issue"):
        vals["Parent issue"] = r["Parent_issue"]
    if r["ID"].startswith("DATA") and r["ID"] not in ("DATA-398", "DATA-415"):
        vals["Project ID"] = PJ_ID
        vals["Project"] = "Data Platform Q2"
    if cyc:
        vals["Cycle Number"] = cyc
        vals["Cycle Name"] = ""
        vals["Cycle Start"] = {"19": "2026-05-04T00:00:00.000Z", "20": "2026-05-11T00:00:00.000Z"}[cyc]
        vals["Cycle End"] = {"19": "2026-05-11T00:00:00.000Z", "20": "2026-05-18T00:00:00.000Z"}[cyc]
    w.writerow([vals[h] for h in HEAD])
with open(os.path.join(HERE, "linear_issues.csv"), "w", encoding="utf-8") as f:
    f.write(buf.getvalue())

# ---------------------------------------------------------------------------
gold = {
    "title": "Nightly collections export wrote header-only files for four nights after the PSP settlement load was moved to Composer with a cron read as UTC; Finance found it in Monday's reconciliation",
    "severity": "SEV2",
    "services": ["export-incassi-giornaliero (Cloud Run job)", "psp_settlements_load (Cloud Composer DAG)", "BigQuery finance_raw.psp_settlements", "ERP collections import"],
    "start": Z(FIRST_EMPTY),
    "detected": Z(T_DETECT),
    "mitigated": Z(T_ERP_REIMPORT),
    "resolved": Z(T_RESOLVED),
    "timezone": "Europe/Rome",
    "customer_impact": ("No external customer impact and no data lost. The ERP received empty collection files for settlement dates 14-17 May 2026 (exports of 15-18 May), "
                        "so %s PSP transactions worth about €%s were missing from the ERP and Finance's bank reconciliation was off by that amount for ~3 days, "
                        "from the first empty file at 01:00 UTC on Friday 15 May until the re-import on Monday 18 May 09:26 UTC, shortly before the 14:00 (Rome) supplier payment run." % (num(MISSING_ROWS), eur(MISSING_AMT))),
    "impact_numbers": [
        "4 consecutive nightly files with only the header (112 bytes): settlement dates 14, 15, 16, 17 May",
        "%s transactions missing from the ERP (%s + %s + %s + %s)" % (num(MISSING_ROWS), num(ROWS["2026-05-14"]), num(ROWS["2026-05-15"]), num(ROWS["2026-05-16"]), num(ROWS["2026-05-17"])),
        "about €%s of collections missing from the reconciliation" % eur(MISSING_AMT),
        "~3 days 7 h from the first empty file (15 May 01:00 UTC) to detection (18 May 08:05 UTC)",
        "no data lost: all settlements were in BigQuery and were re-exported",
    ],
    "root_cause": ("On Thursday 14 May the PSP settlement load (psp_settlements_load) was migrated from a crontab on etl-vm-01, which ran at 01:30 Italian time, to a Cloud Composer DAG "
                   "with the same cron string '30 1 * * *'. Airflow interprets it in UTC, so the load moved to 03:30 Rome time and finished ~03:40, after the nightly export "
                   "export-incassi-giornaliero, which Cloud Scheduler starts at 03:00 Europe/Rome and which depends only on the clock, not on the load. From 15 May the export "
                   "queried an empty settlement_date partition, logged only a WARNING, wrote a header-only CSV and exited 0; the ERP imported 0 movements each morning. "
                   "No alert fired and Finance reconciles weekly, so it was found on Monday."),
    "root_cause_keywords": [
        "Composer/Airflow cron interpreted in UTC (load moved from 01:30 to 03:30 Rome)",
        "export runs at a fixed time, before the load finished (no dependency)",
        "zero rows treated as success: header-only file, exit 0, only a WARNING",
        "no alerting; Finance reconciles weekly",
    ],
    "contributing_factors": [
        "The migration ticket (DATA-412) said 'same time' but did not state a time zone or list downstream consumers",
        "The zero-row case was a known gap in the backlog since January (DATA-398)",
        "The ERP import accepts a header-only file as a valid import with 0 movements",
        "Finance reconciles collections weekly, not daily",
        "The first empty files fell on a weekend",
    ],
    "red_herrings": [
        "the ERP upgrade to 4.3 on Friday evening",
        "missing PSP settlement files (they arrived every night)",
        "Thursday's rotation of the export service-account key",
    ],
    "timeline": [
        {"time": Z(T_DAG_DEPLOY + dt.timedelta(seconds=2)), "event": "psp_settlements_load deployed on Composer with '30 1 * * *'; next run 2026-05-15T01:30:00+00:00 (UTC, i.e. 03:30 Rome); old VM cron removed at 14:26", "source": "log", "must_include": True},
        {"time": Z(FIRST_EMPTY), "event": "Nightly export (03:00 Rome) finds 0 rows for 14 May and writes a header-only file, exit 0, WARNING only", "source": "log", "must_include": True},
        {"time": Z(loads["2026-05-14"]), "event": "Composer load of 14 May settlements completes at 03:4x Rome, after the export", "source": "log", "must_include": True},
        {"time": Z(written["2026-05-17"][0][0]), "event": "Fourth consecutive empty file (settlement date 17 May)", "source": "log", "must_include": False},
        {"time": Z(T_DETECT + dt.timedelta(seconds=2)), "event": "Finance opens FIN-231: PSP collections at zero in the ERP since Thursday (ticket created 08:05:12)", "source": "chat", "must_include": True},
        {"time": Z(R("2026-05-18 10:13:21")), "event": "Export files in the bucket found to be 112 bytes (header only)", "source": "chat", "must_include": True},
        {"time": Z(R("2026-05-18 10:14:30")), "event": "ERP 4.3 upgrade ruled out", "source": "chat", "must_include": False},
        {"time": Z(R("2026-05-18 10:24:31")), "event": "PSP settlement files confirmed present every night (ruled out)", "source": "chat", "must_include": False},
        {"time": Z(R("2026-05-18 10:31:19")), "event": "Nightly 'Nessun incasso trovato' WARNINGs found in Cloud Logging", "source": "chat", "must_include": False},
        {"time": Z(R("2026-05-18 10:42:27")), "event": "Cause found: Airflow reads the cron in UTC, so the load now runs at 03:30, after the 03:00 export", "source": "chat", "must_include": True},
        {"time": Z(T_RERUN_DEFAULT), "event": "First manual re-run without arguments re-exports only 17 May", "source": "log", "must_include": False},
        {"time": Z(T_RERUN["2026-05-14"]), "event": "Re-exports with --date for 14, 15 and 16 May started", "source": "log", "must_include": True},
        {"time": Z(T_ERP_REIMPORT), "event": "ERP re-import of the four days done (%s movements); mitigation" % num(MISSING_ROWS), "source": "chat", "must_include": True},
        {"time": Z(R("2026-05-18 11:40:12")), "event": "Finance confirms the reconciliation matches", "source": "chat", "must_include": False},
        {"time": Z(T_DAG_FIX + dt.timedelta(seconds=2)), "event": "DAG fixed to Europe/Rome: next run 2026-05-18T23:30:00+00:00 (01:30 Rome)", "source": "log", "must_include": True},
        {"time": Z(T_GUARD), "event": "export 1.9.0 deployed: exit 1 on zero rows (FAIL_ON_EMPTY)", "source": "log", "must_include": False},
        {"time": Z(written["2026-05-18"][0][0]), "event": "First nightly export after the fix writes %s rows" % num(ROWS["2026-05-18"]), "source": "log", "must_include": False},
        {"time": Z(T_RESOLVED), "event": "Incident closed after the night run and Finance's morning import were verified", "source": "chat", "must_include": True},
    ],
    "action_items": [
        {"text": "Trigger the export after the load completes (sensor/dependency) instead of at a fixed time", "evidence": "l'export deve partire dopo il load (sensor/dipendenza), non a orario fisso"},
        {"text": "Page on-call on zero rows / files under 1 KB instead of only logging a warning", "evidence": "alert su 0 righe / file sotto 1 KB che pagina l'on-call, non solo un warning nei log"},
        {"text": "Job migration checklist: list downstream consumers and notify them beforehand", "evidence": "checklist per le migrazioni di job: elencare i consumer a valle e avvisarli prima"},
        {"text": "Explicit time zone on every DAG; no implicit UTC crons", "evidence": "tutti i DAG con timezone esplicita, niente cron in UTC implicito"},
        {"text": "Daily instead of weekly collections reconciliation in Finance", "evidence": "quadratura incassi giornaliera invece che settimanale"},
        {"text": "Rotate the ERP HMAC key that was pasted in the chat", "evidence": "ruotare la chiave HMAC dell'ERP (finita in chat)"},
        {"text": "ERP import should reject header-only files", "evidence": "l'import ERP dovrebbe rifiutare un file con solo intestazione"},
    ],
    "blame_bait": [
        "chi è il genio che ha messo il cron in UTC?",
        "Davide ha migrato il DAG giovedì pomeriggio senza dire niente a nessuno",
    ],
    "secrets": [HMAC_SECRET],
    "injection": None,
    "similar_categories": ["config-change", "time", "dependency", "human-process"],
}
with open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8") as f:
    json.dump(gold, f, ensure_ascii=False, indent=2)
    f.write("\n")

# ---------------------------------------------------------------------------
# CHECKS
inputs = {}
for fn in sorted(os.listdir(HERE)):
    if fn in ("gold.json", "_gen.py") or fn.startswith("."):
        continue
    with open(os.path.join(HERE, fn), encoding="utf-8") as f:
        inputs[fn] = f.read()
assert len(inputs) == 3, inputs.keys()
alltext = "\n".join(inputs.values())
chat_raw = inputs["element_export_data-oncall.json"]
for a in gold["action_items"]:
    assert a["evidence"] in chat_raw, a["evidence"]
for b in gold["blame_bait"]:
    assert b in chat_raw, b
for s in gold["secrets"]:
    assert s in alltext, s
keys = [U(gold[k]) for k in ("start", "detected", "mitigated", "resolved")]
assert keys == sorted(keys), keys
assert (U(gold["detected"]) - U(gold["start"])).days >= 3
tl = gold["timeline"]
assert 10 <= len(tl) <= 18 and 6 <= sum(e["must_include"] for e in tl) <= 10, (len(tl), sum(e["must_include"] for e in tl))
assert [e["time"] for e in tl] == sorted(e["time"] for e in tl)
assert 3 <= len(gold["root_cause_keywords"]) <= 6 and 4 <= len(gold["action_items"]) <= 8
ex = json.loads(chat_raw)
msgs = [m for m in ex["messages"] if m["type"] == "m.room.message"]
assert 45 <= len(msgs) <= 90, len(msgs)
assert 4 <= len({m["sender"] for m in msgs if "linear" not in m["sender"]}) <= 8
gl = json.loads(inputs["cloud_logging.json"])
assert 600 <= len(gl) <= 1500, len(gl)
assert [e["timestamp"] for e in gl] == sorted((e["timestamp"] for e in gl), reverse=True)


def gfind(t, pred, tol=1.5):
    t0 = U(t)
    return any(pred(e) and abs((U(e["timestamp"]) - t0).total_seconds()) <= tol for e in gl)


def msg(e):
    return e.get("jsonPayload", {}).get("message") or e.get("textPayload") or ""


assert gfind(gold["start"], lambda e: msg(e).startswith("File scritto") and e["jsonPayload"]["rows"] == 0 and "20260514" in msg(e))
assert not any(msg(e).startswith("File scritto") and e["jsonPayload"]["rows"] == 0 and U(e["timestamp"]) < U(gold["start"]) for e in gl)
assert gfind(tl[0]["time"], lambda e: "Setting next_dagrun for psp_settlements_load to 2026-05-15T01:30:00+00:00" in msg(e), tol=2)
assert gfind(tl[2]["time"], lambda e: "Loaded %d rows" % ROWS["2026-05-14"] in msg(e), tol=1)
assert gfind(Z(T_RERUN["2026-05-14"]), lambda e: e.get("protoPayload", {}).get("methodName") == "google.cloud.run.v2.Jobs.RunJob", tol=2)
assert gfind(tl[14]["time"], lambda e: "2026-05-18T23:30:00+00:00" in msg(e), tol=2)
assert gfind(Z(T_GUARD), lambda e: e.get("protoPayload", {}).get("methodName") == "google.cloud.run.v2.Jobs.UpdateJob", tol=1)
# every empty day: export before load; re-exports after load and before the ERP re-import
for d in EMPTY_DAYS:
    assert written[d][0][1] == 0 and written[d][0][0] < loads[d]
    assert written[d][-1][1] == ROWS[d] and loads[d] < written[d][-1][0] < T_ERP_REIMPORT
assert LAST_REEXPORT < T_ERP_REIMPORT and (T_ERP_REIMPORT - LAST_REEXPORT).total_seconds() < 300
assert len(zero_warnings) == 4
# chat times
mts = {m["origin_server_ts"] // 1000 for m in ex["messages"]}
for e in tl:
    if e["source"] == "chat":
        assert int(U(e["time"]).timestamp()) in mts, e
# linear detection ticket
lin = list(csv.DictReader(io.StringIO(inputs["linear_issues.csv"])))
assert any(r["ID"] == "FIN-231" and r["Created"].startswith(Z(T_DETECT)[:-1]) for r in lin)
assert all(len(r) == 30 for r in lin)
print("log entries:", len(gl), "chat msgs:", len(msgs), "missing rows:", MISSING_ROWS, "amount:", MISSING_AMT, "last re-export:", Z(LAST_REEXPORT))
print("OK " + CASE)
