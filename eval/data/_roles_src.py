"""Source of eval/data/roles-train.jsonl (hand-written; run `python eval/data/_roles_src.py` to rewrite it).

Sentences an incident channel, a responder's notes or a written report might hold, each labelled
with the role it plays. Written for this set: no line comes from the dev or blind incidents.
Blocks start with ``@role lang register``; one sentence per line below. The sentences in fourteen more
languages (Polish, Italian, Czech, Russian, Turkish, Swedish, Danish, French, Dutch, Indonesian,
Vietnamese, Korean, Chinese, Hinglish) are in ``roles-src/<lang>.txt`` in the same format, written by
helpers that read only the role definitions and the English blocks here, no incident.
"""

from __future__ import annotations

import json
from pathlib import Path

SOURCE = """
@symptom en chat
checkout is throwing 500s for like half the requests
latency on the payments api just went through the roof
p99 on search is at 4s and climbing
the queue depth keeps growing, consumers can't keep up
pods in the billing namespace are crashlooping
disk on db-primary-2 is at 97%
we're dropping websocket connections left and right
getting connection refused from the auth service
error rate on the mobile gateway jumped to 12%
the nightly export job didn't finish, still running after 6h
replication lag on the read replicas is 40 minutes now
memory on the worker nodes keeps climbing until they get OOMKilled
timeouts everywhere talking to redis
the thumbnails stopped rendering on the product pages
login page just spins forever
kafka consumer lag is over 2 million messages
5xx on the edge went from 0.1% to 8% in two minutes
cpu pegged at 100% on all the api nodes
@symptom en notes
- 14:05 error rate on orders-api rises to 9%
- first TLS handshake failures on the partner endpoint
- Queue backlog grows past 50k messages
- latency p95 up 10x on the recommendation service
- disk full on the log volume, writes failing
- batch payouts stuck in PENDING
@symptom en formal
Requests to the checkout service began failing with HTTP 503 responses.
Latency for the search API increased from 300 ms to over 3 seconds at the 99th percentile.
The message backlog on the notification queue grew steadily while consumers stalled.
Database connections were exhausted and new requests waited until they timed out.
@symptom de chat
die API wirft seit ein paar Minuten nur noch 502er
Latenz beim Checkout ist komplett durch die Decke
die Pods starten ständig neu, OOMKilled
Fehlerrate bei den Zahlungen liegt bei 15 Prozent
die Warteschlange läuft voll, Consumer kommen nicht hinterher
Festplatte auf dem DB-Server ist fast voll
@symptom es chat
el checkout está devolviendo 500 a muchos usuarios
la latencia de la API de búsqueda subió a 3 segundos
los pods se están reiniciando sin parar
la cola de mensajes no para de crecer
la tasa de errores en pagos está en 10%
timeouts al conectar con la base de datos
@symptom pt chat
a API de pedidos está retornando 500 pra metade das requisições
latência do checkout subiu muito, p99 em 5s
os pods estão reiniciando o tempo todo
a fila de mensagens não para de crescer
taxa de erro nos pagamentos em 12%
@symptom ja chat
決済APIで500エラーが多発しています
検索のレイテンシが3秒を超えています
ポッドが再起動を繰り返しています
キューが溜まり続けていてコンシューマが追いつきません
エラー率が急上昇しています

@alert_firing en chat
[FIRING:1] HighErrorRate checkout-api severity=critical
ALERT: PaymentsLatencyHigh is firing for payments-prod
Triggered: Incident #4821 CheckoutErrorRate > 5% for 5m
[Alerting] Disk usage above 90% on db-primary-2
🔥 PAGE: api-gateway 5xx ratio above threshold
Monitor triggered: p99 latency on search-api above 2s
incident #2231 triggered: Kafka consumer lag critical
[WARNING] CertificateExpiringSoon for edge-lb (14 days left)
CloudWatch alarm "OrdersQueueDepth" changed state from OK to ALARM
Problem started at 03:12 on host web-07: Zabbix agent unreachable
[FIRING:3] KubePodCrashLooping namespace=billing
Opsgenie alert created: P1 Login success rate below 90%
@alert_firing de chat
ALARM: Fehlerrate Checkout über 5% seit 5 Minuten
Problem: Festplattenbelegung über 90% auf db-01
@alert_firing es chat
ALERTA: latencia p99 de la API de búsqueda por encima de 2s
[FIRING] tasa de errores alta en pagos
@alert_firing pt chat
ALERTA disparado: taxa de erro do checkout acima de 5%
@alert_firing ja chat
[アラート] 決済APIのエラー率が閾値を超えました

@alert_resolved en chat
[RESOLVED] HighErrorRate checkout-api
Resolved: Incident #4821 CheckoutErrorRate
Monitor recovered: p99 latency on search-api back below 2s
CloudWatch alarm "OrdersQueueDepth" changed state from ALARM to OK
Problem resolved at 04:02 on host web-07: Zabbix agent is reachable again
[OK] Disk usage on db-primary-2 back under threshold
Opsgenie alert closed: P1 Login success rate below 90%
✅ RESOLVED: KubePodCrashLooping namespace=billing
@alert_resolved de chat
Problem behoben: Festplattenbelegung wieder unter 80%
@alert_resolved es chat
[RESUELTO] latencia p99 de búsqueda normal
@alert_resolved pt chat
Alerta resolvido: taxa de erro do checkout normalizada
@alert_resolved ja chat
[解消] 決済APIのエラー率アラートが解消しました

@report en chat
support says they've had 40 tickets in the last hour about failed payments
a customer just emailed that they can't log in
our biggest merchant called the account manager, their orders aren't syncing
heads up, users on twitter are saying the app is down
got a call from the partner, their integration gets 403s since this morning
the data team says yesterday's dashboard numbers are all zero
someone from sales pinged me: demo env is broken
hey is anyone else seeing errors on the admin console? I can't save anything
customers are complaining that emails never arrive
the warehouse team reports labels aren't printing
I'm seeing a lot of 502s from my laptop too, is prod ok?
@report en notes
- Support escalated a spike of tickets about double charges
- Partner reported failed webhooks via phone
- Customer success flagged that exports have been empty since Monday
@report en formal
The issue was first reported by a customer through the support portal.
A partner contacted our account team after their API calls started failing.
@report de chat
der Support meldet gerade viele Tickets wegen fehlgeschlagener Zahlungen
ein Kunde hat angerufen, er kann sich nicht einloggen
@report es chat
soporte reporta muchos tickets de pagos rechazados
un cliente llamó diciendo que no puede entrar a la app
@report pt chat
o suporte está recebendo muitos chamados sobre pagamentos recusados
um cliente ligou dizendo que não consegue acessar
o parceiro reclamou que as integrações estão falhando
@report ja chat
サポートに決済失敗の問い合わせが多数来ています
顧客からログインできないと連絡がありました
パートナーから電話があり、APIがエラーを返しているとのことです

@hypothesis en chat
could it be the new connection pool settings?
maybe the cache is cold after the restart
I wonder if the DNS change from this morning is related
my guess is the cron job is hammering the db again
possibly a noisy neighbour on that node?
might be the cert rotation, it was scheduled for today
feels like a GC issue to me, the pauses look long
is it the CDN? their status page is yellow
smells like a thundering herd after the failover
what if the migration locked the table?
could the rate limiter be misconfigured in the new region?
let's check whether it's the load balancer health checks
@hypothesis en notes
- Hypothesis: the autoscaler removed nodes too aggressively
- Possible cause: stale DNS records in the resolver cache
- Suspect the new library version changed default timeouts
@hypothesis en formal
Initially the team suspected a network issue between the two data centers.
One early theory was that the database was undersized for the traffic.
@hypothesis de chat
könnte das am neuen Connection-Pool liegen?
vielleicht ist der Cache nach dem Neustart kalt
ich tippe auf das Zertifikat, das heute rotiert wurde
@hypothesis es chat
¿puede ser el cambio de DNS de esta mañana?
tal vez el índice nuevo está bloqueando la tabla
sospecho del balanceador de carga
@hypothesis pt chat
será que é a mudança de configuração de ontem?
talvez o cache esteja frio depois do restart
suspeito do balanceador
@hypothesis ja chat
もしかしてDNSの変更が原因でしょうか?
キャッシュが冷えているのかもしれません

@ruled_out en chat
not the database, its metrics look totally normal
ruled out the CDN, their edge is fine
it's not DNS, resolution works from every pod
the deploy isn't it, errors started 20 min before it
checked the network, no packet loss anywhere
nope, rolling back the config didn't change anything so it's not that
the cert is valid until next year, so not the cert
red herring: the disk alert on the batch node is unrelated
redis is fine, hit rate normal, latency sub-ms
memory looks flat, so not a leak
@ruled_out en notes
- Ruled out: upstream provider (their status page green, our probes OK)
- DB not the cause: CPU 20%, no slow queries
- Excluded the recent kernel patch, the unpatched hosts fail too
@ruled_out en formal
The team ruled out the load balancer after its health checks showed no failures.
The scheduled database maintenance was investigated and excluded as a cause.
@ruled_out de chat
an der Datenbank liegt es nicht, die Metriken sind normal
das Netzwerk können wir ausschließen, kein Paketverlust
das Deployment war es nicht, die Fehler kamen vorher
@ruled_out es chat
no es la base de datos, las métricas están normales
descartado el CDN, todo bien por ese lado
el reindex no tiene nada que ver
@ruled_out pt chat
não é o banco, as métricas estão normais
descartamos a rede, sem perda de pacotes
@ruled_out ja chat
データベースは原因ではありません、メトリクスは正常です
ネットワークの問題ではないことを確認しました

@finding en chat
found it: the new release sets the pool size to 5 instead of 50
the root cause is the cert on the internal LB, it expired at midnight
turns out the migration added an index without CONCURRENTLY and locked the table
so the retry loop requeues every failed message, that's why the queue doubles
the config change set the timeout to 100ms, every call to the ledger times out
that's it, the feature flag enables the new parser for all tenants and it chokes on unicode names
the cron job deletes the temp dir while the exporter is still writing to it
the health check hits /ready which depends on the db, so all pods got marked unhealthy at once
confirmed: the cache key omits the currency, so every locale gets the first response
the leak is in the websocket handler, it never removes listeners on disconnect
@finding en notes
- Root cause: expired intermediate certificate on the legacy proxy
- Cause identified: connection leak in the retry path
- The scheduler fell back to UTC after the upgrade, so jobs ran 5h early
@finding en formal
The root cause was a configuration change that reduced the connection pool from 50 to 5.
The outage was caused by an expired certificate on an internal load balancer that nobody monitored.
Investigation showed that the new release held a database lock for the duration of the migration.
@finding de chat
gefunden: das neue Release setzt die Pool-Größe auf 5 statt 50
Ursache ist das abgelaufene Zertifikat am internen Loadbalancer
die Migration hat die Tabelle gesperrt, deshalb hängen alle Schreibzugriffe
@finding es chat
encontrado: la causa es el certificado vencido en el balanceador interno
el problema es que el flag activa el parser nuevo para todos los clientes
la migración bloqueó la tabla y por eso fallan las escrituras
@finding pt chat
achei: a causa é o certificado expirado no balanceador interno
o problema é que a configuração nova reduziu o pool para 5 conexões
@finding ja chat
原因が分かりました。内部ロードバランサーの証明書が期限切れです
新しいリリースで接続プールが5に設定されていたのが原因でした

@change en chat
deploying api v2.14.0 to prod now
just merged the PR that bumps the timeout, it'll roll out in 10 min
flipped the new-checkout flag to 100% for all users
running the schema migration on the orders table
terraform apply for the new VPC routes is going out
rotated the TLS cert on the ingress this morning
the helm upgrade of the ingress controller finished at 09:10
pushed a config change to the rate limiter
the DNS record for api.internal was moved to the new LB
the vendor shipped a new SDK version yesterday and we picked it up
@change en notes
- 09:02 deploy of billing-service 3.4.1 starts
- Config change CHG-1120 applied to edge routers
- Feature flag enable_batch_mode set to 100%
@change en formal
A new version of the payments service was deployed to all regions.
A configuration change to the load balancer was applied during the maintenance window.
The database migration started at 02:00 as part of the release.
@change de chat
ich deploye jetzt Version 3.2 auf Produktion
das Feature-Flag ist jetzt für alle Nutzer an
Migration auf der Bestelltabelle läuft
@change es chat
desplegando la versión 2.19 en producción
activé el flag nuevo al 100%
aplicando el cambio de configuración del balanceador
@change pt chat
fazendo o deploy da versão 4.1 em produção
ativei a feature flag para todos os usuários
@change ja chat
本番環境にバージョン2.3をデプロイしました
設定変更を適用しました

@mitigation en chat
rolling back to the previous release now
I'm restarting the consumers one by one
scaling the api deployment from 10 to 30 replicas
disabling the feature flag
failing over to the secondary region
draining traffic from us-east-1 at the load balancer
purging the poison message from the queue
I'll mark the stuck job as succeeded by hand so the downstream runs
uploading the settlement file manually to the partner sftp
raising the connection limit on the db to 500 as a stopgap
blocking the abusive IP range at the WAF
reverting the config change
paused the cron job so it stops hammering the db
bumping the memory limit to 2Gi to buy us time
@mitigation en notes
- Rolled back to v3.4.0
- Restarted the cache cluster
- Manually re-ran the failed export
- Shed load by turning off the recommendations widget
@mitigation en formal
The team rolled back the release to the previous version.
Traffic was shifted to the secondary region while the primary was investigated.
As a workaround, the settlement file was submitted manually.
@mitigation de chat
ich rolle jetzt auf die vorherige Version zurück
starte die Consumer neu
skaliere auf 20 Replikas hoch
Feature-Flag ist wieder aus
@mitigation es chat
haciendo rollback a la versión anterior
reiniciando los consumidores
escalando a 20 réplicas
desactivé el flag
@mitigation pt chat
fazendo rollback para a versão anterior
reiniciando os consumidores
desativei a feature flag
@mitigation ja chat
前のバージョンにロールバックします
コンシューマを再起動しています
フィーチャーフラグを無効にしました

@recovery en chat
error rate is dropping, down to 1%
latency back to normal
queue is draining, 10k left
looks good, 5xx gone
checkout is working again
all 12 pods healthy
graphs look much better now
consumers caught up, lag is zero
payments are going through again
no new errors in the last 10 minutes
p99 is back under 300ms
replication lag back to a few seconds
@recovery en notes
- Errors subside after the rollback
- Queue backlog cleared
- Login success rate back to 99.9%
@recovery en formal
Error rates returned to baseline within minutes of the rollback.
Service was restored for all customers by 15:20.
Latency recovered once the pool size was restored.
@recovery de chat
Fehlerrate geht runter
sieht wieder gut aus, keine 502er mehr
Latenz ist wieder normal
Warteschlange wird abgebaut
@recovery es chat
la tasa de errores está bajando
todo vuelve a la normalidad
la latencia ya está normal
los pagos funcionan de nuevo
@recovery pt chat
a taxa de erro está caindo
voltou ao normal
os pagamentos estão funcionando de novo
@recovery ja chat
エラー率が下がってきました
レイテンシが正常に戻りました
決済が通るようになりました

@relapse en chat
errors are back
it's failing again, same 502s as before
ugh the latency spiked again
and we're down again
the queue is growing again
the new pods are OOMing again
reopening, it's not fixed
we spoke too soon, errors are climbing
@relapse en notes
@relapse en formal
@relapse de chat
die Fehler sind wieder da
es geht wieder los, gleiche Timeouts wie vorhin
zu früh gefreut, die Latenz steigt wieder
@relapse es chat
volvieron los errores
otra vez está fallando
reabrimos el incidente, no estaba resuelto
@relapse pt chat
os erros voltaram
está falhando de novo
@relapse ja chat
またエラーが出始めました
再発しました

@resolution en chat
we're all clear, closing the incident
resolved. thanks everyone
marking this resolved, follow-ups in the doc
incident is over, standing down
ok calling it: resolved at 16:20
closing this out, monitoring for the next hour but we're done
this is fixed, I'll write up the postmortem
@resolution en notes
- Incident resolved
- 17:40 incident closed
- All clear declared
@resolution en formal
The incident was closed once the backlog had been fully processed.
@resolution de chat
Incident ist behoben, danke an alle
wir schließen den Incident
alles erledigt, Problem gelöst
@resolution es chat
incidente resuelto, gracias a todos
cerramos el incidente
ya está solucionado
@resolution pt chat
incidente resolvido, obrigado a todos
fechando o incidente
@resolution ja chat
解決しました。皆さんありがとうございました
インシデントをクローズします
復旧完了です

@impact en chat
roughly 3k orders failed during the window
about 12% of logins failed for 40 minutes
~800 customers got duplicate emails
no data loss, but about 2h of delayed payouts
all EU customers couldn't reach the dashboard
@impact en notes
- Impact: ~4,200 failed checkouts, est. revenue loss 60k EUR
- Customers affected: all tenants in the EU region
- 3 partner integrations down for 50 min
@impact en formal
Approximately 4,000 customers were unable to complete a purchase for 35 minutes.
The outage affected all users in the European region.
No data was lost, but notifications were delayed by up to two hours.
@impact de chat
etwa 2000 Bestellungen sind in der Zeit fehlgeschlagen
alle Kunden in der EU waren betroffen
@impact es chat
unas 3 mil órdenes fallaron en ese intervalo
afectó a todos los clientes de México
@impact pt chat
cerca de 5 mil pedidos falharam nesse período
todos os clientes do Brasil foram afetados
@impact ja chat
約3000件の注文が失敗しました
すべての顧客が影響を受けました

@action_item en chat
action item: add an alert on cert expiry for every LB, @mei owns it
we should add a canary stage before 100% rollouts
TODO: make the runbook mention the manual failover
we need a lint rule that blocks migrations without CONCURRENTLY
@action_item en notes
- AI: Add monitoring for replication lag (owner: SRE)
- Follow-up: document the rollback procedure
- [ ] Alert on queue depth > 10k
@action_item en formal
Add automated expiry monitoring for all internal certificates.
Introduce a staged rollout with automatic rollback on error-rate regressions.
Review the retry policy so that failed messages are not requeued indefinitely.
@action_item de chat
Todo: Alarm für Zertifikatsablauf einrichten
wir sollten einen Canary vor dem Rollout einbauen
@action_item es chat
acción: agregar una alerta de expiración de certificados
@action_item pt chat
ação: criar alerta de expiração de certificado
precisamos documentar o procedimento de rollback
@action_item ja chat
対応事項: 証明書の期限切れアラートを追加する
ロールバック手順をドキュメント化する必要があります

@chatter en chat
thanks!
on it
+1
joining the bridge now
who's on call for payments?
brb grabbing coffee
can someone share the dashboard link?
ok
looking
I'm here, what do you need?
let me know if you need a hand
lol
👍
sorry, was in a meeting
can we move to the zoom?
@chatter en notes
- Bridge opened
- Paged the DB team lead
@chatter de chat
danke!
bin dabei
schaue ich mir an
@chatter es chat
gracias!
ya estoy aquí
lo reviso
@chatter pt chat
valeu!
estou olhando
@chatter ja chat
ありがとうございます
確認します
@recovery en chat
the sync job is succeeding again
orders are being created again
webhooks are being delivered again, backlog shrinking
confirmed from my side, uploads work now
merchant says it's working for them again
success rate at 99.8%, basically baseline
heap usage flat after the restart, no more OOMs
the retries are all going through now
17/17 replicas ready and serving
green across the board
dashboards look normal, no errors in the last 15 min
things look stable since the revert
5xx down to zero after the failover
the backlog is gone, consumers idle
customers report they can check out again
replication caught up
we're back, traffic normal
image builds passing again
the new nodes joined and pods are scheduling fine
logins succeeding from all regions now
@recovery en notes
- 11:02 traffic recovering, error rate < 0.5%
- Partner confirmed calls succeed
- Queue empty, consumers healthy
- Builds green again
@recovery en formal
Following the failover, request success rates recovered to normal levels.
Customers confirmed that the integration was working again.
@recovery de chat
läuft wieder, Bestellungen gehen durch
der Partner bestätigt, dass es wieder funktioniert
alles grün, keine Fehler mehr seit 10 Minuten
Backlog ist abgearbeitet
@recovery es chat
ya responde bien, cero errores
el partner confirma que ya funciona
la cola ya se vació
todo en verde desde el rollback
@recovery pt chat
já está respondendo normal, zero erros
o parceiro confirmou que voltou a funcionar
fila zerada, consumidores saudáveis
@recovery ja chat
正常に動作しています
パートナーから復旧の確認がありました
エラーは出なくなりました

@symptom en chat
the handshake errors are still climbing
every request to the inventory service takes 30s and then dies
builds are failing on the deploy step with permission denied
nothing is being written to the bucket since 3am
all the canaries are red
half the fleet shows as unhealthy in the LB
the job is stuck at 0% since midnight
duplicate emails going out to the same customers
@symptom de chat
seit heute Nacht kommen keine Daten mehr an
alle Builds schlagen mit permission denied fehl
@symptom es chat
desde anoche no llegan datos al bucket
todos los builds fallan con permission denied
@symptom pt chat
desde ontem à noite nenhum dado chega ao bucket
@symptom ja chat
昨夜からデータが届いていません

@resolution en chat
ok I'm calling it, we're done here
marking resolved in the incident tool
incident over, I'll send the summary
@resolution en notes
- Incident closed after verification
- Resolved, monitoring continues
@resolution de chat
ich schließe den Incident, danke euch
erledigt, alles wieder gut, Incident zu
@resolution es chat
resuelto, cierro el incidente, gracias
listo, damos por cerrado el incidente
@resolution pt chat
resolvido, encerrando o incidente
@resolution ja chat
インシデントを解決済みにします
対応完了、クローズします

@relapse en chat
crap, it's happening again
error rate climbing again after the scale-out
the alert just re-fired
@relapse de chat
das Problem ist wieder da
@relapse es chat
la alerta volvió a dispararse
@relapse pt chat
o alerta disparou de novo
@relapse ja chat
アラートが再度発報しました

@report en chat
our account manager got a phone call from the client, nothing is loading for them
a couple of merchants opened tickets saying payouts are missing
the ops team in the warehouse says the scanners can't sync
got three tickets in a row about wrong balances
a user on the forum says their files disappeared
is something wrong with prod? my requests keep failing
@report en formal
The customer support team escalated a surge of tickets to the on-call engineer.
A partner's integration lead notified us by e-mail that all requests were failing.

@change en chat
applying the patch to the second node
the new image is building, deploying in 5
bumped the chart version and synced
the migration job kicked off at 02:00 as scheduled
the upgrade of the ingress controller finished this morning
@change de chat
@change es chat
@change pt chat

@mitigation en chat
switching traffic to the standby cluster
killing the runaway query
cordoned the bad node and drained it
sent the report to the bank by hand
we'll serve the stale cache while we fix the origin
increased the lambda reserved concurrency for the email consumer
manually re-queued the 300 stuck orders
@mitigation de chat
Traffic auf den Standby-Cluster umgeleitet
@mitigation es chat
moví el tráfico al cluster de respaldo
@mitigation pt chat
redirecionei o tráfego para o cluster reserva

@chatter en chat
I'll take comms
ack
opening a channel for this
I'm IC, alice on ops, bob on comms
who has access to the registrar?
@chatter de chat
ich übernehme die Kommunikation
@chatter es chat
yo coordino, tú revisa los logs
@chatter pt chat
eu coordeno, você olha os logs

@finding en chat
the retry policy requeues the message and the original is never deleted
the dedupe key changed in the release, so every message looks new
@finding de chat
@finding es chat
@finding pt chat

@action_item en chat
@action_item de chat
@action_item es chat
@action_item pt chat
devemos criar um alerta que realmente acione o plantão

@impact en chat
one partner was down for three extra hours
@impact de chat
@impact es chat
@impact pt chat

@hypothesis en chat
@ruled_out en chat
no 5xx on the backend, so it's not the app
@chatter en chat
good morning everyone
does anyone know where the team offsite is this year?
the new espresso machine on floor 4 is amazing
happy friday folks
reminder: retro is moved to 3pm
who wants to grab lunch?
the build server got new disks yesterday, should be faster now
heads up, the newsletter goes out at noon so traffic might be a bit higher
marketing is running a promo this weekend
I'm out tomorrow, ping maria for anything urgent
congrats on the launch yesterday!
anyone have the vpn config for the new laptops?
let's keep the incident open another 30 minutes and watch
I'll stay on the bridge and keep watching the graphs
keeping an eye on it for a while before we close
should we tell support it's fixed?
can we close this or wait a bit more?
postmortem review is on Tuesday at 10, doc linked in the topic
the write-up doc is in the shared folder
numbers please when you have them
I'll update the status page
status page updated
posting an update to customers
can someone take notes?
moving to the war room call
everyone please keep this channel for the incident only
@chatter de chat
guten Morgen zusammen
wer kommt heute mit zum Mittagessen?
Postmortem-Termin ist Donnerstag um 10
wir lassen den Incident noch eine halbe Stunde offen
sollen wir dem Support sagen, dass es geht?
@chatter es chat
buenos días a todos
¿alguien sabe dónde es la reunión del equipo?
la revisión del postmortem es el jueves
dejamos el incidente abierto media hora más
¿le decimos a soporte que ya está?
@chatter pt chat
bom dia pessoal
a revisão do postmortem é na quinta
vamos deixar o incidente aberto mais meia hora
@chatter ja chat
おはようございます
ポストモーテムは木曜日に行います
もう少し様子を見ます
@hypothesis en chat
is it fixed though? I still see some errors
should we check if the cache is the problem?
are we sure it's not the deploy?
@change en chat
marketing campaign email was sent to 2M subscribers at 11:00
the quarterly batch import started at midnight
@recovery en chat
latency dropping again after the second restart
the consumers are processing again
uploads are going through again
the error count is falling again
invoices are generating again
the p95 is coming down again
ok, syncing again since 09:12
traffic is flowing again through the new path
@recovery de chat
die Fehler gehen wieder zurück
Uploads laufen wieder durch
@recovery es chat
los errores están bajando otra vez
las facturas se generan de nuevo
@recovery pt chat
os erros estão caindo de novo
@relapse en chat
latency climbing again after the restart
workers crashing again
the 502s started again
@resolution en chat
resolving
resolving now, thanks for the help
ok, resolving the incident
resolving. have a good evening everyone
marking it resolved, go get some sleep
@resolution de chat
behoben. danke euch
erledigt, ich schließe den Vorfall
@resolution es chat
ahora sí, resuelto
listo: resuelto y verificado en todas las regiones
resuelto ✅ gracias
@resolution pt chat
agora sim, resolvido
resolvido ✅ valeu pessoal
@resolution ja chat
解決済みです
@chatter en chat
done
done ✅
k
on it now
will do
sure
popping over to the other channel
@chatter es chat
listo
va
@chatter de chat
mach ich
@mitigation en chat
done, the bad message is out of the queue
popped the bad message off the queue
@recovery en chat
service back online
EU region back at 100%
traffic back to 50% on the old cluster, looks healthy
search back up
we're back to full capacity
@recovery en notes
- 10:12 checkout back
- 10:20 region back at 100%, error rate normal
@recovery de chat
Service ist wieder da
@recovery es chat
el servicio ya volvió
@recovery pt chat
o serviço voltou
@chatter en chat
fwiw this one is on the process, not on anyone
ok, no blame here, let's focus
@change en notes
- Prepare the release branch
@recovery en chat
48/48 pods running
all 30 replicas ready since 10:02
200/200 consumers up and processing
errors stopped
the timeouts stopped after the restart
no more 503s
failures have ceased
@relapse en chat
payments failing again
uploads erroring again
logins timing out again
@mitigation en chat
patched the limit, new workers starting
bumped the quota, pods are being scheduled
@mitigation en chat
a worker crashed again, deleting the bad job
one replica restarting again, cordoning its node
a pod OOMed again, bumping its limit while we look
@symptom en chat
one consumer pod restarted again, nothing user-facing
a single node flapping again, traffic unaffected
@relapse en chat
checkout is down again
the API is returning 500s again
customers are failing to log in again
@change en chat
release 7.4.2 of the inventory service is live in all regions
new build of the ledger worker is rolling out, 3 of 12 pods updated
v12 of the mail relay went out an hour ago
the warehouse release from this morning enables the new picking rules
Jenkins: job deploy-catalog-prod #882 started by a maintainer
GitLab pipeline for tag v3.0.9 is deploying to production
Spinnaker pipeline "promote-to-prod" started for image sha 7f1e0c2
FluxCD reconciled kustomization apps/payments to revision main@4ac91d0
Helm release "gateway" upgraded to chart 5.1.0, revision 23
the new image resizing defaults shipped with yesterday's release
we enabled the compaction cron on the analytics cluster at midnight
the SSH host keys on the bastion were rotated by hand
the vendor upgraded their API to v3 over the weekend
infra merged the terraform module change that moves the buckets to a new KMS key
@change en notes
- 08:40 release 9.2 of the geocoder goes out (adds the new address parser)
- Tue: desktop client 4.8 ships with the new sync scheduler
- Schema migration 0042 (drop legacy column) applied to prod
@change de chat
Release 4.2 ist draußen, alle Regionen aktualisiert
die neue Konfiguration wurde heute früh ausgerollt
@change es chat
ya salió la versión 3.1 en todas las regiones
el pipeline de despliegue arrancó para la etiqueta v2.0.4
@change pt chat
a versão 5.0 foi publicada em produção hoje cedo
@change ja chat
新しいリリースが本番に出ました
@action_item en chat
we need an alert on the print spooler's error count, not just on uptime
let's add a canary stage before any flag goes to 100%
someone should write a runbook for restoring the wiki from backup
going forward every schema migration gets a dry run in staging first
can we get a ticket to rate-limit the avatar upload endpoint
follow-up: make the thumbnail job skip corrupt images instead of retrying forever
I'll own the change to page on-call when the nightly backup fails
next sprint: move the reporting queries to the read replica
@action_item en notes
- [ ] Add a synthetic check for the store locator page (owner: web team)
- Alert when the backlog age exceeds 10 minutes
- Document the manual failover steps in the runbook
- Rehearse the DNS provider switch in a staging zone first
- TODO: review every cron job that runs without a timeout
@action_item en formal
The team will add monitoring for free inodes on all build agents.
An owner will be assigned to audit the backup retention settings before the next quarter.
@action_item de chat
wir sollten einen Alarm für volle Festplatten auf den Build-Servern einrichten
TODO: Runbook für den Failover schreiben
@action_item es chat
hay que añadir una alerta para la cola de mensajes muertos
pendiente: documentar el rollback manual
@action_item pt chat
precisamos criar um alerta para o atraso da fila
@action_item ja chat
バックアップ失敗を監視するアラートを追加する必要があります
@report en chat
accounting noticed the payout ledger doesn't match the bank statement
hey all, the invoice totals in today's export look totally off compared to last week
sales relayed a call from a distributor: they haven't received our price file since Tuesday
the logistics partner phoned our account manager, no order files arrived since the weekend
support: 23 tickets since 9am, customers say their statements are missing
CS escalation: three enterprise customers say their reports are blank today
@report de chat
die Buchhaltung meldet, dass die Auszahlungen nicht zum Kontoauszug passen
ein Partner hat beim Vertrieb angerufen: seit Montag kommt keine Lieferdatei mehr an
Support hier: 18 Tickets in der letzten Stunde, Kunden sehen ihre Rechnungen nicht
@report es chat
soporte: 20 tickets desde las 9, los clientes no reciben sus correos
un socio llamó a comercial: no les llega el fichero de pedidos desde el lunes
contabilidad avisa que los pagos del banco no cuadran con el libro
nos escribió un cliente grande: su panel lleva todo el día vacío
@report pt chat
o comercial avisou: o parceiro ligou, não recebe o arquivo de preços desde sexta
suporte aqui: 17 chamados na última hora, clientes não veem as faturas
a contabilidade avisou que os repasses não batem com o extrato do banco
um cliente grande mandou e-mail, o painel dele está vazio desde ontem
@report ja chat
サポートより: この1時間で問い合わせが15件、請求書が表示されないとのことです
取引先から営業に電話があり、月曜から価格ファイルが届いていないそうです
経理から入金額が銀行明細と合わないと連絡がありました
@chatter en chat
fyi: we're onboarding a new payment provider on thursday
FYI the quarterly key rotation is scheduled for Monday
reminder: release train leaves at 3pm today
the new partner onboards next week, nothing to do for us yet
@chatter pt chat
lembrete: na sexta trocamos o certificado do gateway, janela de 10 min
@chatter es chat
aviso: el jueves migramos el servidor de correo, no debería notarse
@chatter de chat
zur Info: am Freitag ziehen wir den Mailserver um
@mitigation en chat
as a workaround I uploaded the file by hand through the partner portal
marked the failed task as success manually so the downstream jobs can run
re-sent yesterday's batch by hand, partner has it now
submitted the export manually while the job stays broken
@mitigation es chat
como parche subí el fichero a mano por la web del banco
marqué el job como exitoso a mano para desbloquear lo siguiente
reenvié el lote de ayer manualmente
@mitigation pt chat
enviei o arquivo manualmente pelo site do banco enquanto o job não é corrigido
marquei a task como sucesso na mão pra liberar os jobs seguintes
reprocessei o lote de ontem manualmente
@mitigation de chat
als Workaround habe ich die Datei von Hand über das Partnerportal hochgeladen
Task manuell auf success gesetzt, damit die nachgelagerten Jobs laufen
@mitigation ja chat
回避策としてファイルを手動でアップロードしました
失敗したジョブを手動で成功扱いにして後続を流しました
フォールバック先のプロバイダに切り替えました
@recovery es chat
ya aparecen los pedidos en el portal, no entran más tickets
el socio confirmó que recibió el fichero, ya están procesando
el login funciona de nuevo, cero errores desde las 16:02
@recovery pt chat
o parceiro confirmou o recebimento, voltaram a processar normalmente
os pedidos já aparecem no portal, parou de chegar chamado
o checkout voltou a funcionar, zero erros desde 16:02
@recovery de chat
Kunden sehen ihre Rechnungen wieder, keine neuen Tickets mehr
@recovery ja chat
エラー率が0に戻りました。ログインも正常です
取引先がファイルの受領を確認しました
@relapse es chat
vuelven a entrar tickets, otra vez faltan los pedidos
la corrida de las 15 falló como antes
está fallando otra vez, mismo error
@relapse pt chat
voltou a falhar, os chamados recomeçaram
de novo o mesmo erro na execução das 14h
@relapse de chat
es fällt wieder aus, die Fehler sind zurück
@relapse ja chat
同じエラーが再発しました
エラーが再び増えています
@resolution de chat
Incident geschlossen, danke an alle
alles wieder stabil, ich schließe den Incident ab
@resolution es chat
ahora sí, incidente resuelto, lo cerramos
todo estable desde ayer, doy el incidente por cerrado
@resolution pt chat
resolvido, encerrando o incidente. obrigada a todos
tudo normal desde ontem, incidente encerrado
@resolution ja chat
以上で本件は解決とします
復旧しました。インシデントをクローズします
対応完了です。お疲れさまでした
@recovery pt chat
o gráfico de erros zerou, pagamentos passando de novo
o cliente confirmou que o app voltou ao normal
a fila esvaziou, tudo processando normalmente
depois do rollback a latência voltou pra 200 ms
o parceiro disse que já está recebendo os webhooks
@recovery es chat
la cola ya se vació, todo procesa con normalidad
el cliente confirma que la app vuelve a funcionar
tras el rollback la latencia bajó a 200 ms
el socio dice que ya le llegan los webhooks
ya no hay errores en el dashboard desde hace 15 minutos
@recovery ja chat
ロールバック後、レイテンシが200msに戻りました
キューが空になり、処理は正常です
お客様からアプリが使えるようになったと連絡がありました
@recovery de chat
nach dem Rollback ist die Latenz wieder bei 200 ms
der Partner bekommt die Webhooks wieder
@mitigation pt chat
fiz o rollback da versão 4.2 pra 4.1
reiniciei os workers com a config antiga
desliguei a feature flag do checkout novo
aumentei o pool de conexões pra 80 como paliativo
@mitigation es chat
hice rollback de la versión 4.2 a la 4.1
reinicié los workers con la configuración anterior
apagué el flag del checkout nuevo
subí el pool de conexiones a 80 como parche
@mitigation ja chat
バージョン4.1にロールバックしました
フィーチャーフラグをオフにしました
@symptom pt chat
os pedidos estão travando no status pendente
o login está dando timeout pra todo mundo
@symptom es chat
los pedidos se quedan atascados en pendiente
el login da timeout a todo el mundo
@chatter pt chat
valeu!
beleza, obrigado
vou almoçar, volto em 30
@chatter es chat
¡gracias!
vale, perfecto
me voy a comer, vuelvo en media hora
@chatter ja chat
了解です
ありがとうございます！
@finding pt chat
achei: a chave nova nunca foi instalada no servidor do parceiro
a causa é o certificado intermediário que faltou na cadeia
@finding es chat
lo encontré: el certificado intermedio no está en la cadena
la causa es que la imagen nueva no trae las fuentes
@ruled_out en chat
doesn't look like the database to me, its metrics are flat the whole time
I don't think it's DNS, the names resolve fine from every pod
not the load balancer either, its health checks are all green
@ruled_out es chat
no parece la base de datos, las métricas están planas
@ruled_out pt chat
não parece ser o banco, as métricas estão estáveis
"""

OUT = Path(__file__).with_name("roles-train.jsonl")
MORE = Path(__file__).with_name("roles-src")


def rows() -> list[dict[str, str]]:
    """The labelled sentences as dicts (id, role, lang, register, text)."""
    out: list[dict[str, str]] = []
    role = lang = register = ""
    more = "".join("\n" + f.read_text(encoding="utf-8") for f in sorted(MORE.glob("*.txt")))
    for raw in (SOURCE + more).splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@"):
            role, lang, register = line[1:].split()
            continue
        out.append(
            {"id": f"r{len(out) + 1:04d}", "role": role, "lang": lang, "register": register, "text": line}
        )
    return out


if __name__ == "__main__":
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows()), encoding="utf-8")
    print(f"wrote {OUT}")
