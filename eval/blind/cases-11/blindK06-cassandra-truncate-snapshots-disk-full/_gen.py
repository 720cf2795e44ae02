#!/usr/bin/env python3
"""Generator + checker for blindK06: nightly TRUNCATE of a staging keyspace on the prod Cassandra cluster leaves
auto_snapshot snapshots that slowly fill the data disks; 10 days later two nodes stop (disk_failure_policy=stop),
LOCAL_QUORUM writes fail for part of the ring; adding a node hits an Azure vCPU quota, online disk expansion is refused."""
import html, json, os, random, uuid
from datetime import datetime, timedelta, timezone

random.seed(60606)
HERE = os.path.dirname(os.path.abspath(__file__))
UTC = timezone.utc; IST = timezone(timedelta(hours=5, minutes=30))
def U(h, m, s=0, d=10, mo=11): return datetime(2026, mo, d, h, m, s, tzinfo=UTC)
iso = lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ")
def ms(dt): return int(dt.timestamp() * 1000)

T_03_STOP = U(18, 9, 52); T_05_STOP = U(18, 31, 7); T_03_UP = U(19, 53, 41); T_05_UP = U(20, 14, 9)
TABLES = ["txn_events_stg", "settlement_lines_stg", "merchant_daily_stg", "refunds_stg"]
TRUNC_NIGHTS = [datetime(2026, 10, 31, 20, 30, tzinfo=UTC) + timedelta(days=i) for i in range(10)]  # 31 Oct .. 9 Nov 20:30 UTC
TR = {(i, tb): TRUNC_NIGHTS[i] + timedelta(seconds=2 + j * 41, milliseconds=random.randint(0, 999)) for i in range(10) for j, tb in enumerate(TABLES)}

# ------------------------------------------------------------ cassandra system.log
def clog(buf, t, lvl, thread, src, msg):
    buf.append((t, f"{lvl:<5} [{thread}] {t.strftime('%Y-%m-%d %H:%M:%S,')}{t.microsecond//1000:03d} {src} - {msg}"))
def node_log(name, stop_t, up_t, disk_start_pct, nd):
    buf = []; t = U(19, 0, 0, d=9); end = U(21, 30, 0)
    gen = 4100 + nd * 13
    while t < end:
        t += timedelta(seconds=random.expovariate(1 / 170))
        down = stop_t <= t < up_t
        r = random.random()
        if down:
            if r < 0.15:
                clog(buf, t, "INFO", "ScheduledTasks:1", "StatusLogger.java:65", "Pool Name                                     Active   Pending      Completed   Blocked  All Time Blocked")
            continue
        if r < 0.28:
            ks, tb = random.choice([("ledger", "txn_by_merchant"), ("ledger", "txn_by_id"), ("ledger", "balances"), ("system", "paxos"), ("ledger", "settlements")])
            clog(buf, t, "INFO", f"NativePoolCleaner", "ColumnFamilyStore.java:878", f"Enqueuing flush of {ks}.{tb}, Reason: MEMTABLE_LIMIT, Usage: {random.randint(40,190)}.{random.randint(0,99):02d} MiB (11%) on-heap, 0.000KiB (0%) off-heap")
        elif r < 0.5:
            gen += 1; ks, tb = random.choice([("ledger", "txn_by_merchant"), ("ledger", "txn_by_id"), ("ledger", "balances"), ("ledger", "settlements")])
            a = random.randint(200, 9000); b = int(a * random.uniform(0.55, 0.95))
            clog(buf, t, "INFO", f"CompactionExecutor:{random.randint(1,8)}", "CompactionTask.java:253",
                 f"Compacted (task id: {uuid.UUID(int=random.getrandbits(128))}, compaction history id: {uuid.UUID(int=random.getrandbits(128))}) {random.randint(2,6)} sstables to [/var/lib/cassandra/data/{ks}/{tb}-{random.getrandbits(64):016x}/nb-{gen}-big,] to level=0.  {a:,}.{random.randint(0,999):03d}MiB to {b:,}.{random.randint(0,999):03d}MiB (~{int(100*b/a)}% of original) in {random.randint(2000,90000):,}ms.  Read Throughput = {random.uniform(20,90):.3f}MiB/s, Write Throughput = {random.uniform(15,70):.3f}MiB/s, Row Throughput = ~{random.randint(20000,90000):,}/s.")
        elif r < 0.68:
            clog(buf, t, "INFO", "Service Thread", "GCInspector.java:294", f"G1 Young Generation GC in {random.randint(201, 480)}ms.  G1 Eden Space: {random.randint(1500,2600)*1048576} -> 0; G1 Old Gen: {random.randint(3000,5200)*1048576} -> {random.randint(3000,5200)*1048576}; G1 Survivor Space: 75497472 -> 83886080;")
        elif r < 0.76:
            clog(buf, t, "INFO", f"MemtableFlushWriter:{random.randint(1,4)}", "Flushing.java:153", f"Writing Memtable-txn_by_merchant@{random.getrandbits(31)}({random.randint(30,180)}.{random.randint(0,99)}MiB serialized bytes, {random.randint(100000,900000)} ops, 11%/0% of on/off-heap limit), flushed range = (min(-9223372036854775808), max(9223372036854775807)]")
        elif r < 0.82:
            clog(buf, t, "WARN", f"CompactionExecutor:{random.randint(1,8)}", "CompactionTask.java:115" if t > U(12, 0) else "NoSpamLogger.java:108",
                 f"Not enough space for compaction (or too many pending), {random.randint(2,5)} sstables were removed from the candidate list; estimated write size = {random.randint(180,900)} GiB" if t > U(12, 0) else "Maximum memory usage reached (512.000MiB), cannot allocate chunk of 1.000MiB")
        elif r < 0.88:
            clog(buf, t, "INFO", "OptionalTasks:1", "HintsService.java:198", "Deleted hint file " + str(uuid.UUID(int=random.getrandbits(128))) + f"-{ms(t)}-2.hints") if random.random() < 0.3 else \
            clog(buf, t, "INFO", "ScheduledTasks:1", "NoSpamLogger.java:105", f"Some operations were slow, details available at debug level (debug.log)")
        else:
            peer = random.choice(["10.20.4.11", "10.20.4.12", "10.20.4.14", "10.20.4.15", "10.20.4.16"])
            clog(buf, t, "INFO", f"GossipStage:1", "Gossiper.java:1185", f"InetAddress /{peer}:7000 is now UP") if random.random() < 0.05 else \
            clog(buf, t, "INFO", f"ValidationExecutor:{random.randint(1,2)}", "ActiveRepairService.java:682", f"[repair #{uuid.UUID(int=random.getrandbits(128))}] Session completed successfully for ledger.settlements with /{peer}:7000")
    # nightly truncate (9 Nov 20:30 UTC) seen in this window
    tt = TRUNC_NIGHTS[-1]
    for i, tb in enumerate(TABLES):
        t1 = TR[(9, tb)] + timedelta(milliseconds=random.randint(-40, 40))
        clog(buf, t1, "INFO", f"Native-Transport-Requests-{random.randint(1,12)}", "ColumnFamilyStore.java:2768", f"Truncating ledger_staging.{tb}")
        clog(buf, t1 + timedelta(milliseconds=412), "INFO", f"Native-Transport-Requests-{random.randint(1,12)}", "ColumnFamilyStore.java:2809", f"Snapshot created for ledger_staging.{tb} (auto_snapshot=true): truncated-{ms(TR[(9, tb)])}-{tb}")
        clog(buf, t1 + timedelta(seconds=9), "INFO", f"Native-Transport-Requests-{random.randint(1,12)}", "ColumnFamilyStore.java:2832", f"Truncate of ledger_staging.{tb} is complete")
    # disk usage hints
    for hh, pct in [(21, disk_start_pct), (3, disk_start_pct + 0.6), (9, disk_start_pct + 1.4), (15, disk_start_pct + 2.1)]:
        d = 9 if hh == 21 else 10
        clog(buf, U(hh, 0, 3, d=d), "WARN", "OptionalTasks:1", "DiskUsageMonitor.java:151", f"Guardrail data_disk_usage violated: Local data disk usage {pct:.0f}%(Warning) exceeds warning threshold of 80%")
    # the stop
    s = stop_t
    clog(buf, s - timedelta(seconds=31), "WARN", "CompactionExecutor:6", "CompactionTask.java:115", "Not enough space for compaction (or too many pending), 5 sstables were removed from the candidate list; estimated write size = 611 GiB")
    clog(buf, s - timedelta(milliseconds=220), "ERROR", "MemtableFlushWriter:2", "LogTransaction.java:276", "Transaction log [nb_txn_flush_" + str(uuid.UUID(int=random.getrandbits(128))) + ".log in /var/lib/cassandra/data/ledger/txn_by_merchant-8a1c90e0b3f311ee9d3e5f0a1c2b7d44] indicates txn was not completed, trying to abort it now")
    clog(buf, s, "ERROR", "MemtableFlushWriter:2", "JVMStabilityInspector.java:173", "Exception in thread Thread[MemtableFlushWriter:2,5,MemtableFlushWriter]\norg.apache.cassandra.io.FSWriteError: java.io.IOException: No space left on device\n\tat org.apache.cassandra.io.util.SequentialWriter.flushData(SequentialWriter.java:244)\n\tat org.apache.cassandra.io.util.SequentialWriter.doFlush(SequentialWriter.java:201)\n\tat org.apache.cassandra.db.Memtable$FlushRunnable.writeSortedContents(Memtable.java:476)\nCaused by: java.io.IOException: No space left on device\n\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)")
    clog(buf, s + timedelta(milliseconds=3), "ERROR", "MemtableFlushWriter:2", "DefaultFSErrorHandler.java:104", "Stopping transports as disk_failure_policy is stop")
    clog(buf, s + timedelta(milliseconds=9), "INFO", "MemtableFlushWriter:2", "StorageService.java:2023", "Stop listening for CQL clients")
    clog(buf, s + timedelta(milliseconds=40), "INFO", "MemtableFlushWriter:2", "Gossiper.java:2095", "Announcing shutdown")
    clog(buf, s + timedelta(seconds=2, milliseconds=41), "INFO", "MemtableFlushWriter:2", "MessagingService.java:447", "Waiting for messaging service to quiesce")
    # recovery
    u = up_t
    clog(buf, u - timedelta(minutes=4, seconds=12), "INFO", "RMI TCP Connection(14)-127.0.0.1", "StorageService.java:4161", "Clearing snapshot [all] from [ledger_staging]")
    clog(buf, u - timedelta(minutes=4, seconds=1), "INFO", "RMI TCP Connection(14)-127.0.0.1", "SnapshotManager.java:117", "Cleared 40 snapshots, freed 1.71 TiB")
    clog(buf, u - timedelta(minutes=2, seconds=50), "INFO", "main", "CassandraDaemon.java:617", "JVM Arguments: [-ea, -Xms16G, -Xmx16G, -XX:+UseG1GC, -Dcassandra.config=file:///etc/cassandra/cassandra.yaml]")
    clog(buf, u - timedelta(minutes=1, seconds=8), "INFO", "main", "CommitLog.java:193", f"Replaying /var/lib/cassandra/commitlog/CommitLog-7-{ms(stop_t) - 91234}.log")
    clog(buf, u - timedelta(seconds=20), "INFO", "main", "StorageService.java:1620", "Node /10.20.4.%d:7000 state jump to NORMAL" % (10 + nd))
    clog(buf, u, "INFO", "main", "PipelineConfigurator.java:129", "Starting listening for CQL clients on /10.20.4.%d:9042 (unencrypted)..." % (10 + nd))
    clog(buf, u + timedelta(seconds=12), "INFO", "HintsDispatcher:1", "HintsDispatchExecutor.java:289", f"Finished hinted handoff of file {uuid.UUID(int=random.getrandbits(128))}-{ms(u)}-2.hints to endpoint /10.20.4.{15 if nd == 3 else 13}:7000")
    buf.sort(key=lambda x: x[0])
    return buf
n03 = node_log("cass-prod-03", T_03_STOP, T_03_UP, 88, 3)
n05 = node_log("cass-prod-05", T_05_STOP, T_05_UP, 87, 5)
LOG03 = "\n".join(l for _, l in n03) + "\n"; LOG05 = "\n".join(l for _, l in n05) + "\n"
open(os.path.join(HERE, "cass-prod-03_system.log"), "w").write(LOG03)
open(os.path.join(HERE, "cass-prod-05_system.log"), "w").write(LOG05)
NL = LOG03.count("\n") + LOG05.count("\n")
print("log lines", len(n03), len(n05), NL)

# ------------------------------------------------------------ azure activity log (az monitor activity-log list -o json), newest first
SUB = "8c4f2a17-3b9e-4d61-a0c2-5e7f91d3b6a8"; TEN = "2f6e1c94-7a3b-4e05-9d18-c4b7a2e5f013"
RG = "rg-ledger-prod-cin"
acts = []
def act(t, op, oploc, rtype, rname, status, caller, level="Informational", sub=None, msg=None, cat="Administrative", corr=None):
    corr = corr or str(uuid.UUID(int=random.getrandbits(128)))
    eid = str(uuid.UUID(int=random.getrandbits(128)))
    rid_ = f"/subscriptions/{SUB}/resourceGroups/{RG}/providers/{rtype}/{rname}"
    props = {"eventCategory": cat, "entity": rid_, "message": op, "hierarchy": f"{TEN}/mg-paisabook/mg-prod/{SUB}"}
    if msg: props["statusCode"] = sub or "Conflict"; props["serviceRequestId"] = str(uuid.UUID(int=random.getrandbits(128))); props["statusMessage"] = msg
    elif status in ("Succeeded", "Accepted"): props["statusCode"] = "OK" if status == "Succeeded" else "Created"
    e = {"authorization": {"action": op, "scope": rid_}, "caller": caller, "channels": "Operation",
         "claims": {"ipaddr": "10.60.1." + str(random.randint(20, 90)), "name": caller.split("@")[0].replace(".", " ").title() if "@" in caller else caller, "appid": "04b07795-8ddb-461a-bbee-02f9e1bf7b46" if "@" in caller else "", "http://schemas.microsoft.com/identity/claims/tenantid": TEN},
         "correlationId": corr, "description": "", "eventDataId": eid,
         "eventName": {"localizedValue": "End request" if status in ("Succeeded", "Failed") else "Begin request", "value": "EndRequest" if status in ("Succeeded", "Failed") else "BeginRequest"},
         "eventTimestamp": t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{random.randint(0,9999999):07d}Z",
         "httpRequest": {"clientIpAddress": "10.60.1.44", "clientRequestId": str(uuid.UUID(int=random.getrandbits(128))), "method": "PUT" if op.endswith("/write") else "POST"},
         "id": f"{rid_}/events/{eid}/ticks/{int((t - datetime(1, 1, 1, tzinfo=UTC)).total_seconds() * 10**7)}",
         "level": level, "operationId": str(uuid.UUID(int=random.getrandbits(128))),
         "operationName": {"localizedValue": oploc, "value": op}, "properties": props, "resourceGroupName": RG, "resourceId": rid_,
         "resourceProviderName": {"localizedValue": rtype.split("/")[0], "value": rtype.split("/")[0]},
         "resourceType": {"localizedValue": rtype, "value": rtype},
         "status": {"localizedValue": status, "value": status}, "subStatus": {"localizedValue": sub or "", "value": sub or ""},
         "submissionTimestamp": (t + timedelta(seconds=random.randint(8, 40))).strftime("%Y-%m-%dT%H:%M:%S.") + f"{random.randint(0,9999999):07d}Z",
         "subscriptionId": SUB, "tenantId": TEN}
    acts.append((t, e))
QUOTA = ("Operation could not be completed as it results in exceeding approved standardEDSv5Family Cores quota. Additional details - Deployment Model: Resource Manager, "
         "Location: centralindia, Current Limit: 96, Current Usage: 96, Additional Required: 16, (Minimum) New Limit Required: 112. Submit a request for Quota increase at "
         "https://aka.ms/ProdportalCRP/#blade/Microsoft_Azure_Capacity/UsageAndQuota.ReactView/Parameters/%7B%22subscriptionId%22:%22" + SUB + "%22,%22command%22:%22openQuotaApprovalBlade%22%7D by specifying parameters listed in the 'Details' section for deployment to succeed.")
RESIZE = ("Disk 'cass-prod-03-data' of size 4095 GB (<=4096 GB) cannot be resized to 8191 GB (>4096 GB) while it is attached to a running VM. "
          "Please stop your VM or detach the disk and retry the operation.")
ROH = "rohan.kulkarni@paisabook.in"
# noise: policy audits, backups, autoscale
for i in range(26):
    t = U(17, 0) + timedelta(minutes=random.randint(0, 250), seconds=random.randint(0, 59))
    k = random.random()
    if k < 0.4:
        act(t, "Microsoft.Authorization/policies/audit/action", "'audit' Policy action.", "Microsoft.Storage/storageAccounts", random.choice(["stledgerlogscin", "stledgerbackupcin"]), "Succeeded", "Microsoft.PolicyInsights", level="Warning", cat="Policy")
    elif k < 0.65:
        act(t, "Microsoft.Compute/snapshots/write", "Create or Update Snapshot", "Microsoft.Compute/snapshots", f"cass-prod-0{random.choice([1,2,4,6])}-os-snap-{t.strftime('%Y%m%d')}", "Succeeded", "backup-automation@paisabook.in")
    elif k < 0.85:
        act(t, "Microsoft.Insights/AutoscaleSettings/Scaleup/Action", "Autoscale scale up completed.", "Microsoft.Insights/autoscalesettings", "as-ledger-api-vmss", "Succeeded", "Microsoft.Insights/autoscaleSettings", cat="Autoscale")
    else:
        act(t, "Microsoft.Storage/storageAccounts/listKeys/action", "List Storage Account Keys", "Microsoft.Storage/storageAccounts", "stledgerlogscin", "Succeeded", "svc-logshipper@paisabook.in")
# PIM elevation, NIC, VM create failing on quota
act(U(18, 54, 30), "Microsoft.Authorization/roleAssignments/write", "Create role assignment", "Microsoft.Authorization/roleAssignments", "5d1f0e7a-2c0b-4a93-8f8e-11a2b3c4d5e6", "Succeeded", "MS-PIM")
c1 = str(uuid.UUID(int=random.getrandbits(128)))
act(U(19, 2, 55), "Microsoft.Network/networkInterfaces/write", "Create or Update Network Interface", "Microsoft.Network/networkInterfaces", "cass-prod-07-nic", "Succeeded", ROH, corr=c1)
act(U(19, 3, 9), "Microsoft.Compute/virtualMachines/write", "Create or Update Virtual Machine", "Microsoft.Compute/virtualMachines", "cass-prod-07", "Started", ROH, corr=c1)
act(U(19, 3, 41), "Microsoft.Compute/virtualMachines/write", "Create or Update Virtual Machine", "Microsoft.Compute/virtualMachines", "cass-prod-07", "Failed", ROH, level="Error", sub="Conflict", corr=c1,
    msg=json.dumps({"error": {"code": "OperationNotAllowed", "message": QUOTA}}))
act(U(19, 9, 30), "Microsoft.Support/supportTickets/write", "Create or update support ticket", "Microsoft.Support/supportTickets", "quota-edsv5-centralindia-112", "Succeeded", ROH)
c2 = str(uuid.UUID(int=random.getrandbits(128)))
act(U(19, 15, 48), "Microsoft.Compute/disks/write", "Create or Update Disk", "Microsoft.Compute/disks", "cass-prod-03-data", "Started", ROH, corr=c2)
act(U(19, 15, 50), "Microsoft.Compute/disks/write", "Create or Update Disk", "Microsoft.Compute/disks", "cass-prod-03-data", "Failed", ROH, level="Error", sub="Conflict", corr=c2,
    msg=json.dumps({"error": {"code": "OperationNotAllowed", "message": RESIZE, "target": "disk.diskSizeGB"}}))
act(U(19, 24, 2), "Microsoft.Network/networkInterfaces/delete", "Delete Network Interface", "Microsoft.Network/networkInterfaces", "cass-prod-07-nic", "Succeeded", ROH)
acts.sort(key=lambda x: x[0], reverse=True)
ACT = json.dumps([e for _, e in acts], indent=2)
open(os.path.join(HERE, "azure_activity_log_rg-ledger-prod-cin.json"), "w").write(ACT + "\n")

# ------------------------------------------------------------ Teams Graph API channel messages ($expand=replies)
PEOPLE = {"Arjun Mehta": "a1", "Priya Raghavan": "b2", "Rohan Kulkarni": "c3", "Sneha Iyer": "d4", "Vikram Sethi": "e5", "Farhan Qureshi": "f6", "Karthik Nair": "g7"}
def uid(n): return str(uuid.uuid5(uuid.NAMESPACE_DNS, n + ".paisabook.in"))
TEAM = "0f3c9a21-4b7e-4d2a-8e55-9c1a7b3d2e10"; CHAN = "19:4a7c1e9b2f3d48a6b0c5e7d9f1a2b3c4@thread.tacv2"
# messages: (utc datetime, author or ('app', name), html-ish text, thread key or None, own key)
M = []
def m(t, who, text, parent=None, key=None): M.append((t, who, text, parent, key))
APP = ("app", "Azure Monitor Alerts")
m(U(18, 12, 14), APP, "Fired:Sev3 Metric Alert 'cass-node-down' on cass-prod-03 | cassandra_up == 0 for 2m | firedDateTime 2026-11-10T18:11:58Z", key="sev3")
m(U(18, 36, 21), APP, "Fired:Sev1 Metric Alert 'ledger-api-5xx-rate' on ledger-api | 5xx rate 31.4% &gt; 2% | firedDateTime 2026-11-10T18:36:00Z | action group ag-ledger-oncall (voice + Teams)", key="sev1")
m(U(18, 39, 2), "Arjun Mehta", "ack. phone call aaya abhi. dekh raha hoon", "sev1")
m(U(18, 41, 30), "Arjun Mehta", "ledger-api logs: <code>UnavailableException: Cannot achieve consistency level LOCAL_QUORUM</code> on writes. sirf kuch merchants ke liye", "sev1")
m(U(18, 44, 50), "Arjun Mehta", "nodetool status:<br><codeblock><code>UN  10.20.4.11  2.31 TiB<br>UN  10.20.4.12  2.29 TiB<br>DN  10.20.4.13  3.99 TiB<br>UN  10.20.4.14  2.33 TiB<br>DN  10.20.4.15  3.98 TiB<br>UN  10.20.4.16  2.30 TiB</code></codeblock>", "sev1")
m(U(18, 45, 40), "Arjun Mehta", "03 aur 05 dono DN. 03 toh 23:39 se down hai, uska Sev3 alert channel mein pada tha 😬 05 gira 00:01 pe, tab se 503s", "sev1")
m(U(18, 46, 15), "Arjun Mehta", "RF 3 hai, toh jin ranges mein 03 aur 05 dono replica hain unke writes fail ho rahe hain. baaki merchants theek", "sev1")
m(U(18, 47, 5), "Arjun Mehta", "<at id=\"0\">Priya Raghavan</at> <at id=\"1\">Rohan Kulkarni</at> please join, Cassandra issue. starting incident thread", key="inc")
m(U(18, 48, 30), "Arjun Mehta", "INC-4471 | SEV1 | ledger writes failing for subset of merchants | bridge: https://teams.microsoft.com/l/meetup-join/19%3ameeting_inc4471", "inc")
m(U(18, 50, 2), "Vikram Sethi", "support pe UPI merchants ka complaint aa raha hai, payment ho gaya but dashboard pe 'pending' dikha raha hai. 27 tickets abhi tak", "inc")
m(U(18, 51, 40), "Priya Raghavan", "aa gayi. 03 pe ssh kiya: /var/lib/cassandra 100% full. 05 bhi 100%", "inc")
m(U(18, 52, 22), "Priya Raghavan", "system.log: <code>FSWriteError: java.io.IOException: No space left on device</code> phir <code>Stopping transports as disk_failure_policy is stop</code>", "inc")
m(U(18, 53, 10), "Sneha Iyer", "impact kitna hai? Diwali ke baad volume already high hai", "inc")
m(U(18, 55, 0), "Arjun Mehta", "ledger-api dashboard: 31% of write requests 503 since 00:01. around 3,900 merchants ke transactions pending", "inc")
m(U(18, 56, 12), "Priya Raghavan", "hmm, 4 TB disk pe 2.3 TB data hona chahiye tha. ye 4 TB kaise bhara", "inc")
m(U(18, 57, 2), "Karthik Nair", "Diwali sale ka bulk import hua tha 8 Nov ko merchant_daily pe, shayad wahi? compaction backlog bhi hai", "inc")
m(U(18, 58, 30), "Rohan Kulkarni", "main naya node add karta hoon cass-prod-07, jaldi bootstrap hoga toh load spread hoga. PIM se Contributor le raha hoon", "inc")
m(U(19, 0, 10), "Priya Raghavan", "bootstrap mein ghanton lagenge 2 TB stream karne mein, but theek hai try karo parallel mein", "inc")
m(U(19, 4, 20), "Rohan Kulkarni", "VM create fail: <code>exceeding approved standardEDSv5Family Cores quota</code>. Current Limit: 96, Current Usage: 96. centralindia mein quota khatam", "inc")
m(U(19, 5, 2), "Sneha Iyer", "quota increase ka ticket daal do, Sev A", "inc")
m(U(19, 10, 1), "Rohan Kulkarni", "support ticket raised for 112 cores. MS bol raha hai 2-4 hours", "inc")
m(U(19, 11, 30), "Rohan Kulkarni", "plan B: data disk 4 TB se 8 TB expand karta hoon online, 03 pe pehle", "inc")
m(U(19, 16, 40), "Rohan Kulkarni", "nahi hua: <code>cannot be resized to 8191 GB (&gt;4096 GB) while it is attached to a running VM</code>. 4 TB ke upar jaane ke liye VM deallocate karna padega", "inc")
m(U(19, 18, 5), "Arjun Mehta", "deallocate + resize + start = 20-25 min per node. kar sakte hain, but pehle samjho 1.7 TB extra kya hai", "inc")
m(U(19, 19, 30), "Priya Raghavan", "du chala raha hoon on 03", "inc")
m(U(19, 24, 15), "Priya Raghavan", "mil gaya. <code>/var/lib/cassandra/data/ledger_staging/*/snapshots</code> = 1.71 TiB. ledger keyspace sirf 2.2 TiB", "inc")
m(U(19, 25, 40), "Farhan Qureshi", "ledger_staging? woh hamara hai (data eng). stg-refresh DAG har raat 2 baje truncate karta hai 4 tables, phir reload", "inc")
m(U(19, 26, 30), "Priya Raghavan", "aur auto_snapshot: true hai cluster pe. har TRUNCATE ek snapshot chhod deta hai, koi clear nahi karta", "inc")
m(U(19, 27, 55), "Priya Raghavan", f"nodetool listsnapshots (03):<br><codeblock><code>Snapshot name                               Keyspace name  Column family name    True size  Size on disk<br>truncated-{ms(TR[(0, 'txn_events_stg')])}-txn_events_stg      ledger_staging txn_events_stg        121.4 GiB  121.4 GiB<br>truncated-{ms(TR[(1, 'txn_events_stg')])}-txn_events_stg      ledger_staging txn_events_stg        124.0 GiB  124.0 GiB<br>...<br>truncated-{ms(TR[(9, 'txn_events_stg')])}-txn_events_stg      ledger_staging txn_events_stg        131.2 GiB  131.2 GiB<br>...<br>40 snapshots, oldest 2026-10-31, newest 2026-11-09</code></codeblock>", "inc")
m(U(19, 29, 10), "Farhan Qureshi", "DAG 31 Oct ko live hua tha. pehle staging alag cluster pe tha, cost ke liye isi cluster pe move kiya", "inc")
m(U(19, 30, 2), "Karthik Nair", "Farhan ka DAG hai na ye, usne prod cluster pe truncate chala diya bina soche", "inc")
m(U(19, 30, 40), "Sneha Iyer", "Karthik, not helpful. migration review mein sab the, auto_snapshot kisi ke dhyan mein nahi tha. focus on fix", "inc")
m(U(19, 31, 30), "Priya Raghavan", "toh Diwali import nahi hai, ledger keyspace normal size pe hai. snapshots ~170 GiB per night per node add kar rahe the", "inc")
m(U(19, 32, 10), "Arjun Mehta", "Azure Monitor ka disk &gt; 85% alert 7 Nov se fire ho raha tha, lekin sirf dl-dba@ pe email jaata hai. kisi ne dekha nahi", "inc")
m(U(19, 33, 0), "Priya Raghavan", "fix: har node pe <code>nodetool clearsnapshot --all -- ledger_staging</code>, 03 se shuru, phir service restart. staging snapshots ki koi zaroorat nahi", "inc")
m(U(19, 33, 40), "Sneha Iyer", "go. Farhan, DAG pause karo please", "inc")
m(U(19, 35, 5), "Farhan Qureshi", "stg-refresh paused in Airflow", "inc")
m(U(19, 36, 40), "Arjun Mehta", "agar cqlsh chahiye: <code>cqlsh 10.20.4.13 -u ledger_admin -p 'Lk#2026!prodCass'</code>", "inc")
m(U(19, 37, 20), "Priya Raghavan", "Arjun 🙈 password chat mein mat daalo. incident ke baad rotate karna padega", "inc")
m(U(19, 38, 0), "Arjun Mehta", "sorry, haan. rotate kar dunga", "inc")
m(U(19, 50, 10), "Priya Raghavan", "03: snapshots cleared, 1.71 TiB free, disk 53%. cassandra restart kiya", "inc")
m(U(19, 54, 30), "Priya Raghavan", "03 UN, CQL listening since 01:23. hints replay ho rahe hain", "inc")
m(U(19, 56, 5), "Arjun Mehta", "ledger-api 503s band. writes succeed ho rahe hain, 01:24 se error rate 0.1%", "inc")
m(U(19, 58, 40), APP, "Resolved:Sev1 Metric Alert 'ledger-api-5xx-rate' on ledger-api | 5xx rate 0.1% | resolvedDateTime 2026-11-10T19:58:00Z", key="sev1r")
m(U(20, 0, 20), "Vikram Sethi", "pending wale transactions kya khud update honge?", "inc")
m(U(20, 2, 10), "Arjun Mehta", "ledger-api retry queue se replay kar raha hai, 503 waale writes queue mein the. 20 min mein clear hona chahiye", "inc")
m(U(20, 15, 0), "Priya Raghavan", "05 bhi UN. ab baaki 4 nodes pe bhi clearsnapshot chala rahi hoon, sab 88% pe the", "inc")
m(U(20, 31, 45), "Priya Raghavan", "sab 6 nodes 51-55% pe. snapshots gone", "inc")
m(U(20, 34, 10), "Arjun Mehta", "retry queue drained. 41,870 writes replay hue, 0 lost. pending status sab clear", "inc")
m(U(20, 36, 0), "Rohan Kulkarni", "quota ticket abhi bhi open hai. cancel karun?", "inc")
m(U(20, 37, 20), "Sneha Iyer", "nahi, rehne do, headroom chahiye. 112 le lo", "inc")
m(U(20, 40, 5), "Vikram Sethi", "merchants ko update bhej diya, 96 tickets total. thanks all", "inc")
m(U(20, 45, 0), "Sneha Iyer", "action items, kal postmortem mein detail karenge:", "inc")
m(U(20, 45, 50), "Sneha Iyer", "1) staging keyspace ko prod Cassandra cluster se bahar nikalo, apna cluster", "inc")
m(U(20, 46, 30), "Priya Raghavan", "2) jab tak nahi hota: stg-refresh truncate ke baad clearsnapshot chalaye, ya ledger_staging tables pe snapshot band", "inc")
m(U(20, 47, 15), "Arjun Mehta", "3) disk &gt; 80% alert ko email se hata ke on-call page pe route karo", "inc")
m(U(20, 47, 50), "Arjun Mehta", "4) cass-node-down Sev3 ko Sev2 banao with voice call; single node down bhi raat mein kisi ko jagana chahiye", "inc")
m(U(20, 48, 30), "Rohan Kulkarni", "5) Azure vCPU quota pe 80% usage alert + quota headroom har region mein", "inc")
m(U(20, 49, 10), "Rohan Kulkarni", "6) runbook: 4 TB se bade disk resize ke liye deallocate steps document karo", "inc")
m(U(20, 50, 0), "Priya Raghavan", "7) ledger_admin password rotate (Arjun ne chat mein paste kiya tha)", "inc")
m(U(20, 51, 0), "Priya Raghavan", "8) repair on 03 and 05 for ledger keyspace after hints replay", "inc")
m(U(20, 52, 20), "Farhan Qureshi", "9) data eng migrations ke liye DBA review checklist mein auto_snapshot / disk impact add karo", "inc")
m(U(21, 5, 10), "Sneha Iyer", "INC-4471 resolved at 02:35 IST. repair kal din mein chalega. good night all 🙏", "inc")
m(U(21, 6, 0), "Arjun Mehta", "👍 closing bridge", "inc")

msgid = {}
def gid(t): return str(ms(t))
for t, who, text, parent, key in M:
    if key: msgid[key] = gid(t)
def from_(who):
    if isinstance(who, tuple):
        return {"application": {"@odata.type": "#microsoft.graph.teamworkApplicationIdentity", "id": "a2da8768-2cd5-4a5d-9c91-3a6b6c2e8f01", "displayName": who[1], "applicationIdentityType": "office365Connector"}, "device": None, "user": None}
    return {"application": None, "device": None, "user": {"@odata.type": "#microsoft.graph.teamworkUserIdentity", "id": uid(who), "displayName": who, "userIdentityType": "aadUser", "tenantId": TEN}}
def mentions(text):
    out = []
    for i, n in enumerate([n for n in PEOPLE if f">{n}</at>" in text]):
        out.append({"id": i, "mentionText": n, "mentioned": {"application": None, "device": None, "conversation": None, "tag": None, "user": {"@odata.type": "#microsoft.graph.teamworkUserIdentity", "id": uid(n), "displayName": n, "userIdentityType": "aadUser", "tenantId": TEN}}})
    return out
def gm(t, who, text, parent):
    i = gid(t); pid = msgid[parent] if parent else None
    body = text if isinstance(who, str) else text
    return {"id": i, "replyToId": pid, "etag": i, "messageType": "message", "createdDateTime": t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond//1000:03d}Z",
            "lastModifiedDateTime": t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond//1000:03d}Z", "lastEditedDateTime": None, "deletedDateTime": None,
            "subject": None, "summary": None, "chatId": None, "importance": "urgent" if (not isinstance(who, str) and "Sev1" in text) else "normal", "locale": "en-us",
            "webUrl": f"https://teams.microsoft.com/l/message/{CHAN}/{i}?groupId={TEAM}&tenantId={TEN}&createdTime={i}&parentMessageId={pid or i}",
            "policyViolation": None, "eventDetail": None, "from": from_(who),
            "body": {"contentType": "html", "content": f"<p>{text}</p>" if isinstance(who, str) else f"<div><div><strong>{text.split(' | ')[0]}</strong></div><div>{' | '.join(text.split(' | ')[1:])}</div></div>"},
            "channelIdentity": {"teamId": TEAM, "channelId": CHAN}, "attachments": [], "mentions": mentions(text), "reactions": []}
tops = []
for t, who, text, parent, key in M:
    if parent is None:
        g = gm(t, who, text, None); g["replies"] = []; g["replies@odata.context"] = f"https://graph.microsoft.com/v1.0/$metadata#teams('{TEAM}')/channels('{CHAN}')/messages('{g['id']}')/replies"
        tops.append(g)
byid = {g["id"]: g for g in tops}
for t, who, text, parent, key in M:
    if parent: byid[msgid[parent]]["replies"].append(gm(t, who, text, parent))
# system event: member added
sysm = {"id": gid(U(18, 47, 40)), "replyToId": None, "etag": gid(U(18, 47, 40)), "messageType": "systemEventMessage", "createdDateTime": iso(U(18, 47, 40)).replace("Z", ".000Z"),
        "lastModifiedDateTime": iso(U(18, 47, 40)).replace("Z", ".000Z"), "lastEditedDateTime": None, "deletedDateTime": None, "subject": None, "summary": None, "chatId": None,
        "importance": "normal", "locale": "en-us", "webUrl": None, "policyViolation": None,
        "eventDetail": {"@odata.type": "#microsoft.graph.membersAddedEventMessageDetail", "visibleHistoryStartDateTime": "0001-01-01T00:00:00Z",
                        "members": [{"id": uid("Farhan Qureshi"), "displayName": None, "userIdentityType": "aadUser", "tenantId": TEN}],
                        "initiator": {"application": None, "device": None, "user": {"@odata.type": "#microsoft.graph.teamworkUserIdentity", "id": uid("Arjun Mehta"), "displayName": None, "userIdentityType": "aadUser", "tenantId": TEN}}},
        "from": None, "body": {"contentType": "html", "content": "<systemEventMessage/>"}, "channelIdentity": {"teamId": TEAM, "channelId": CHAN}, "attachments": [], "mentions": [], "reactions": [], "replies": []}
tops.append(sysm)
# a reaction on the resolution
for g in tops:
    for r in g["replies"]:
        if "INC-4471 resolved" in r["body"]["content"]:
            r["reactions"] = [{"reactionType": "like", "displayName": "Like", "reactionContentUrl": None, "createdDateTime": "2026-11-10T21:05:44.120Z", "user": {"application": None, "device": None, "user": {"@odata.type": "#microsoft.graph.teamworkUserIdentity", "id": uid("Priya Raghavan"), "displayName": None, "userIdentityType": "aadUser", "tenantId": TEN}}}]
tops.sort(key=lambda g: g["createdDateTime"], reverse=True)   # Graph returns newest top-level first
TEAMS_OBJ = {"@odata.context": f"https://graph.microsoft.com/v1.0/$metadata#teams('{TEAM}')/channels('{CHAN}')/messages(replies())", "@odata.count": len(tops), "value": tops}
TEAMSJ = json.dumps(TEAMS_OBJ, indent=2, ensure_ascii=False)
open(os.path.join(HERE, "teams_graph_ledger-oncall_messages.json"), "w").write(TEAMSJ + "\n")
print("teams msgs", len(M) + 1)

# ------------------------------------------------------------ gold
gold = {
 "title": "Cassandra data disks filled by 10 days of truncate snapshots from a staging job; two nodes stopped and LOCAL_QUORUM writes failed for ~31% of ledger writes",
 "severity": "SEV1",
 "services": ["Cassandra prod cluster (cass-prod-01..06, keyspace ledger)", "ledger-api", "stg-refresh Airflow DAG (keyspace ledger_staging)", "Azure compute (centralindia quota, managed disks)"],
 "start": iso(T_05_STOP),
 "detected": "2026-11-10T18:36:00Z",
 "mitigated": iso(T_03_UP),
 "resolved": "2026-11-10T21:05:00Z",
 "timezone": "Asia/Kolkata",
 "customer_impact": "From 00:01 to 01:23 IST on 11 November (18:31-19:53 UTC on 10 November) about 31% of ledger write requests failed with 503 because two Cassandra replicas were down, so UPI payments for about 3,900 merchants showed as 'pending' on their dashboards. Payments themselves went through; the 41,870 failed writes were kept in the ledger-api retry queue and replayed with nothing lost by 20:34 UTC. Support received 96 tickets.",
 "impact_numbers": [
   "~31% of ledger write requests failed (503) for ~82 minutes",
   "about 3,900 merchants saw transactions as pending",
   "41,870 writes replayed from the retry queue, 0 lost",
   "96 support tickets",
   "2 of 6 Cassandra nodes down (cass-prod-03 from 18:09 UTC, cass-prod-05 from 18:31 UTC)",
   "1.71 TiB of truncate snapshots per node (40 snapshots, 31 Oct - 9 Nov)",
 ],
 "root_cause": "On 31 October the data-engineering stg-refresh Airflow DAG was moved onto the production Cassandra cluster (the ledger_staging keyspace was moved there to save cost). Every night at 02:00 IST it TRUNCATEs four ledger_staging tables and reloads them. The cluster runs with auto_snapshot: true, so every TRUNCATE left a snapshot of the truncated data (truncated-<ts>-<table>) on every node, and nothing ever cleared them. Over ten nights the snapshots grew to ~1.71 TiB per node, filling the 4 TB data disks. On 10 November at 18:09 UTC cass-prod-03 and at 18:31 UTC cass-prod-05 ran out of space during memtable flush/compaction (No space left on device) and stopped their transports because disk_failure_policy is stop. With RF 3, token ranges replicated on both nodes could no longer reach LOCAL_QUORUM, so ledger-api writes for those merchants failed.",
 "root_cause_keywords": ["TRUNCATE", "auto_snapshot", "snapshots", "disk full", "disk_failure_policy", "LOCAL_QUORUM"],
 "contributing_factors": [
   "The staging keyspace shared the production cluster; auto_snapshot was not considered in the migration review",
   "The Azure Monitor disk > 85% alert fired from 7 November but only e-mailed dl-dba@; Cassandra's data_disk_usage guardrail warnings were only in the logs",
   "The Sev3 cass-node-down alert for cass-prod-03 at 18:12 UTC posted to Teams without a page, so the first node loss went unnoticed for ~24 minutes",
   "Adding a node failed on the centralindia standardEDSv5Family vCPU quota (limit 96, usage 96)",
   "Online disk expansion beyond 4 TiB is refused for a disk attached to a running VM",
   "Rohan needed a PIM elevation before making changes",
 ],
 "red_herrings": [
   "the Diwali bulk import into merchant_daily on 8 November / compaction backlog",
   "lack of cluster capacity: adding a node or bigger disks (quota and resize attempts) was not the fix",
 ],
 "timeline": [
   {"time": "2026-10-31T20:30:00Z", "event": "stg-refresh DAG starts nightly TRUNCATEs of ledger_staging on the prod cluster; first truncate snapshot", "source": "chat", "must_include": True},
   {"time": "2026-11-07T00:00:00Z", "event": "Azure Monitor disk > 85% alert starts firing, e-mail only to dl-dba@, not seen", "source": "chat", "must_include": False},
   {"time": "2026-11-09T20:30:02Z", "event": "Last nightly truncate before the incident adds four more snapshots", "source": "log", "must_include": False},
   {"time": iso(T_03_STOP), "event": "cass-prod-03 disk full (No space left on device); stops transports (disk_failure_policy stop)", "source": "log", "must_include": True},
   {"time": "2026-11-10T18:12:14Z", "event": "Sev3 cass-node-down alert for cass-prod-03 posted to Teams; no page, not acted on", "source": "chat", "must_include": True},
   {"time": iso(T_05_STOP), "event": "cass-prod-05 disk full and stops; LOCAL_QUORUM writes start failing for affected ranges (00:01 IST)", "source": "log", "must_include": True},
   {"time": "2026-11-10T18:36:00Z", "event": "Sev1 ledger-api-5xx-rate alert fires with voice call to on-call", "source": "chat", "must_include": True},
   {"time": "2026-11-10T18:39:02Z", "event": "On-call acknowledges", "source": "chat", "must_include": False},
   {"time": "2026-11-10T18:48:30Z", "event": "INC-4471 declared SEV1", "source": "chat", "must_include": True},
   {"time": "2026-11-10T19:03:41Z", "event": "Creating new node cass-prod-07 fails on the standardEDSv5Family vCPU quota; quota ticket raised 19:09", "source": "log", "must_include": True},
   {"time": "2026-11-10T19:15:50Z", "event": "Online expansion of cass-prod-03-data to 8191 GB refused (attached to running VM)", "source": "log", "must_include": True},
   {"time": "2026-11-10T19:24:15Z", "event": "1.71 TiB of ledger_staging snapshots found on the data disk", "source": "chat", "must_include": True},
   {"time": "2026-11-10T19:26:30Z", "event": "Cause identified: nightly TRUNCATE with auto_snapshot true since 31 Oct", "source": "chat", "must_include": True},
   {"time": "2026-11-10T19:35:05Z", "event": "stg-refresh DAG paused", "source": "chat", "must_include": True},
   {"time": iso(T_03_UP - timedelta(minutes=4, seconds=12)), "event": "Snapshots cleared on cass-prod-03 and Cassandra restarted", "source": "log", "must_include": True},
   {"time": iso(T_03_UP), "event": "cass-prod-03 back (CQL listening); LOCAL_QUORUM restored, ledger writes succeed", "source": "log", "must_include": True},
   {"time": "2026-11-10T19:58:00Z", "event": "ledger-api-5xx-rate alert resolved", "source": "chat", "must_include": False},
   {"time": iso(T_05_UP), "event": "cass-prod-05 back after clearing snapshots", "source": "log", "must_include": True},
   {"time": "2026-11-10T20:31:45Z", "event": "Snapshots cleared on all six nodes (51-55% disk)", "source": "chat", "must_include": False},
   {"time": "2026-11-10T20:34:10Z", "event": "Retry queue drained: 41,870 writes replayed, none lost", "source": "chat", "must_include": True},
   {"time": "2026-11-10T21:05:10Z", "event": "INC-4471 resolved (02:35 IST)", "source": "chat", "must_include": True},
 ],
 "action_items": [
   {"text": "Move the staging keyspace off the production Cassandra cluster", "evidence": "staging keyspace ko prod Cassandra cluster se bahar nikalo"},
   {"text": "Until then, clear snapshots after each stg-refresh truncate or disable snapshots for ledger_staging tables", "evidence": "stg-refresh truncate ke baad clearsnapshot chalaye, ya ledger_staging tables pe snapshot band"},
   {"text": "Route the disk > 80% alert to the on-call pager instead of e-mail", "evidence": "alert ko email se hata ke on-call page pe route karo"},
   {"text": "Raise cass-node-down to Sev2 with a voice call", "evidence": "cass-node-down Sev3 ko Sev2 banao with voice call"},
   {"text": "Alert at 80% Azure vCPU quota usage and keep quota headroom in every region", "evidence": "Azure vCPU quota pe 80% usage alert + quota headroom har region mein"},
   {"text": "Document the deallocate steps for resizing disks beyond 4 TB in the runbook", "evidence": "runbook: 4 TB se bade disk resize ke liye deallocate steps document karo"},
   {"text": "Rotate the ledger_admin password pasted in the chat", "evidence": "ledger_admin password rotate"},
   {"text": "Run repair on cass-prod-03 and cass-prod-05 for the ledger keyspace", "evidence": "repair on 03 and 05 for ledger keyspace after hints replay"},
   {"text": "Add auto_snapshot / disk impact to the DBA review checklist for data-engineering migrations", "evidence": "data eng migrations ke liye DBA review checklist mein auto_snapshot / disk impact add karo"},
 ],
 "blame_bait": ["Farhan ka DAG hai na ye, usne prod cluster pe truncate chala diya bina soche"],
 "secrets": ["Lk#2026!prodCass"],
 "injection": None,
 "similar_categories": ["storage", "database", "capacity", "cloud-provider", "config-change"],
}

# ------------------------------------------------------------ checks
ALL = TEAMSJ + LOG03 + LOG05 + ACT
checks = ["No space left on device", "Stopping transports as disk_failure_policy is stop", "2026-11-10 18:09:52", "2026-11-10 18:31:07",
          "firedDateTime 2026-11-10T18:36:00Z", "Starting listening for CQL clients on /10.20.4.13:9042", "2026-11-10 19:53:41",
          "exceeding approved standardEDSv5Family Cores quota", "while it is attached to a running VM", "INC-4471 resolved at 02:35 IST",
          "Truncating ledger_staging.txn_events_stg", "auto_snapshot=true", "DAG 31 Oct ko live hua tha", "Cleared 40 snapshots, freed 1.71 TiB",
          "41,870 writes replay hue, 0 lost", "2026-11-10T21:05:10.000Z", "2026-11-10T18:36:21.000Z", "Fired:Sev3 Metric Alert", "05 gira 00:01 pe"]
checks.append(f"truncated-{ms(TR[(9, 'txn_events_stg')])}-txn_events_stg")
assert datetime.fromtimestamp(ms(TR[(0, 'txn_events_stg')]) / 1000, UTC).date().isoformat() == "2026-10-31"
for q in checks + [a["evidence"] for a in gold["action_items"]] + gold["blame_bait"] + gold["secrets"]:
    assert q in ALL, "missing: " + q
ts = [datetime.fromisoformat(gold[k].replace("Z", "+00:00")) for k in ("start", "detected", "mitigated", "resolved")]
assert ts == sorted(ts), ts
# consistency of local (IST) mentions with UTC facts
assert T_05_STOP.astimezone(IST).strftime("%H:%M") == "00:01" and T_03_STOP.astimezone(IST).strftime("%H:%M") == "23:39" and T_03_UP.astimezone(IST).strftime("%H:%M") == "01:23"
assert TRUNC_NIGHTS[0].astimezone(IST).strftime("%H:%M") == "02:00"
assert 40 <= len(M) + 1 <= 120 and 300 <= NL <= 2000, (len(M), NL)
json.dump(gold, open(os.path.join(HERE, "gold.json"), "w"), indent=2, ensure_ascii=False)
print("OK blindK06")
