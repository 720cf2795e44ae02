"""Source of eval/data/tone-holdout.jsonl (hand-written; run `python eval/data/_tone_holdout_src.py` to rewrite it).

MEASUREMENT ONLY. This set was written after the checker was built and is meant for a one-off
held-out measurement. Do not tune the checker, its lexicons or its thresholds against it.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

NI, HE, CF, CJ = (
    "named-individual-fault",
    "human-error-label",
    "counterfactual-hindsight",
    "character-judgment",
)
TB, PU, SM, MD, PI = (
    "team-blame",
    "punitive",
    "sarcasm-or-mockery",
    "minimizing-or-judging-difficulty",
    "blame-by-passive-insinuation",
)
C, F = "chat", "formal"

# (text, categories, spans, rewrite, note, register)
BLAMEFUL: list[tuple[str, list[str], list[str], str, str, str]] = [
    # --- named-individual-fault (primary) ---
    (
        "Checkout was unavailable for 38 minutes, and that one is on Thandiwe: her VirtualService change sent every request to the empty subset.",
        [NI],
        ["that one is on Thandiwe"],
        "Checkout was unavailable for 38 minutes after a VirtualService change sent every request to the empty subset; we are looking at why an empty subset could be targeted.",
        "Places the outage on a named person.",
        F,
    ),
    (
        "@joao.p this is literally ur terraform apply from 2am, ur cleaning it up",
        [NI],
        ["this is literally ur terraform apply from 2am", "ur cleaning it up"],
        "this traces to the terraform apply at 2am; who can help clean it up, and why did apply go through unreviewed at that hour?",
        "Singles out a handle as the cause and assigns cleanup as consequence.",
        C,
    ),
    (
        "The iOS app crash loop was introduced by our contractor, Mr. Haddad, and by no one else.",
        [NI],
        ["introduced by our contractor, Mr. Haddad, and by no one else"],
        "The iOS app crash loop began with a change delivered through our contractor engagement; we are reviewing how it passed release checks.",
        "Emphatically names one person as sole cause.",
        F,
    ),
    (
        "snowflake warehouse costs tripled overnight - blame Priyanka, her dbt model full-refreshes every hour now",
        [NI],
        ["blame Priyanka"],
        "snowflake warehouse costs tripled overnight; the dbt model now full-refreshes every hour. can we add a cost alert on refresh mode changes?",
        "Explicit instruction to blame a named person.",
        C,
    ),
    (
        "who do we thank for the 3am page? oh right, it's Bogdan again, the cron owner",
        [NI, SM],
        ["who do we thank for the 3am page?", "it's Bogdan again"],
        "the 3am page came from the cron job again; can we look at why that job keeps paging?",
        "Sarcastically pins a recurring page on a named person.",
        C,
    ),
    (
        "Per the timeline, the SRE on call at the time, Kwabena, is the origin of the outage: he restarted the ZooKeeper ensemble in the wrong order.",
        [NI],
        ["Kwabena, is the origin of the outage"],
        "Per the timeline, the ZooKeeper ensemble was restarted by the SRE on call (Kwabena) in an order that lost quorum; the restart procedure does not state a required order.",
        "Named on-call engineer presented as origin of the outage.",
        F,
    ),
    (
        "After the payment processor started rejecting refunds at 15:20 (thanks to Aiyana's hard-coded merchant ID), support received 400 tickets.",
        [NI, SM],
        ["thanks to Aiyana's hard-coded merchant ID"],
        "After the payment processor started rejecting refunds at 15:20 because of a hard-coded merchant ID, support received 400 tickets.",
        "Blame in a parenthetical aside, with ironic 'thanks to'.",
        F,
    ),
    (
        "The Kafka cluster was rebalanced at 09:12. Consumer lag peaked at 4.1M messages at 09:30. None of that happens if Lars leaves the partition count alone.",
        [NI, CF],
        ["None of that happens if Lars leaves the partition count alone"],
        "The Kafka cluster was rebalanced at 09:12 after a partition count change. Consumer lag peaked at 4.1M messages at 09:30. We are examining why a partition change triggers a full rebalance.",
        "Only the last sentence blames: named counterfactual.",
        F,
    ),
    # --- human-error-label (primary) ---
    (
        "Summary of cause: the engineer mistyped the Snowflake role name. Category: human factor. No systemic issues identified.",
        [HE],
        ["Category: human factor", "No systemic issues identified"],
        "Summary of cause: a mistyped Snowflake role name was accepted by the grant tooling. We are examining why the tooling accepted a role that did not match the intended one.",
        "Labels the cause as human factor and closes inquiry.",
        F,
    ),
    (
        "meh, layer 8 problem, the terraform is fine",
        [HE, SM],
        ["layer 8 problem"],
        "the terraform code itself looks fine; let's figure out what in the workflow let the wrong input through",
        "'Layer 8' slang for user error, dismissive.",
        C,
    ),
    (
        "Root cause analysis concluded the 4-hour outage of the Istio ingress was a manual slip during certificate upload.",
        [HE],
        ["was a manual slip during certificate upload"],
        "The 4-hour outage of the Istio ingress followed a certificate upload that installed the wrong certificate; the upload step has no validation.",
        "'Manual slip' as root cause.",
        F,
    ),
    (
        "it was an ID-10-T issue on the kafka side, closing",
        [HE, SM],
        ["an ID-10-T issue"],
        "the kafka issue came from an input the tooling accepted; keeping it open until we know why",
        "Mocking user-error label that ends the inquiry.",
        C,
    ),
    (
        "The cause of the billing discrepancy was an oversight by staff; the case is considered resolved.",
        [HE, PI],
        ["an oversight by staff", "the case is considered resolved"],
        "The billing discrepancy arose from a step that was skipped; we are reviewing what made the step easy to skip before closing the case.",
        "Vague 'oversight by staff' label closes the case.",
        F,
    ),
    (
        "honest mistake by the dev who owns the helm chart, no need for action items imo",
        [HE, NI],
        ["honest mistake by the dev who owns the helm chart", "no need for action items"],
        "the helm chart change caused this; let's still write action items for how it got through",
        "Mistake label on one person, no follow-up.",
        C,
    ),
    (
        "The investigation attributes the Redis flush on the iOS session store to carelessness at the keyboard rather than any tooling gap.",
        [HE, CJ],
        ["carelessness at the keyboard rather than any tooling gap"],
        "The Redis flush on the iOS session store was issued from an interactive shell; we are examining why the flush command was available on that store.",
        "Operator-error explanation plus character judgment, excludes systemic causes.",
        F,
    ),
    (
        "everyone agrees this was human error, so im not opening a ticket against the terraform module",
        [HE],
        ["this was human error", "im not opening a ticket"],
        "let's open a ticket against the terraform module to see what would have stopped this input",
        "Human error label used to skip follow-up.",
        C,
    ),
    # --- counterfactual-hindsight (primary) ---
    (
        "The reviewer ought to have spotted that the migration dropped the NOT NULL constraint.",
        [CF, NI],
        ["ought to have spotted"],
        "The migration dropped the NOT NULL constraint, and the review diff did not surface it.",
        "Counterfactual aimed at a role that picks out one person.",
        F,
    ),
    (
        "had anyone bothered to read the Istio 1.20 release notes we wouldn't be here",
        [CF, CJ],
        ["had anyone bothered to read the Istio 1.20 release notes"],
        "the Istio 1.20 release notes describe this change; how do we get upgrade notes into the upgrade checklist?",
        "Hindsight counterfactual with 'bothered' jab.",
        C,
    ),
    (
        "With the capacity forecast in hand since March, the growth team was in a position to prevent this and did not.",
        [CF, TB],
        ["was in a position to prevent this and did not"],
        "The capacity forecast has been available since March; we are looking at why it did not lead to a capacity change.",
        "Hindsight judgment at a team.",
        F,
    ),
    (
        "Ksenia was warned twice in the PR thread and merged anyway.",
        [CF, NI],
        ["was warned twice in the PR thread and merged anyway"],
        "The PR thread contained two warnings before the merge; we want to understand how they read at the time and why they did not block the merge.",
        "Hindsight reproach of a named person.",
        F,
    ),
    (
        "By 02:40 the on-call had every signal needed to fail over to eu-west-1; waiting another 50 minutes was the wrong call.",
        [CF, NI],
        ["had every signal needed", "waiting another 50 minutes was the wrong call"],
        "Failover to eu-west-1 happened 50 minutes after 02:40; we are reconstructing which signals were visible to the on-call at 02:40.",
        "Outcome-informed judgment of the on-call's decision.",
        F,
    ),
    (
        "The outage at 11:05 was avoidable: the engineer simply needed to run the pre-flight check that every deploy guide mentions.",
        [CF, MD],
        ["was avoidable", "simply needed to run the pre-flight check"],
        "The pre-flight check described in the deploy guides was not run before the 11:05 deploy; the deploy tool does not require it.",
        "Hindsight 'avoidable' plus minimizing.",
        F,
    ),
    (
        "Looking back, it's plain that the DBA team should never have scheduled the vacuum alongside the backup.",
        [CF, TB],
        ["it's plain that the DBA team should never have scheduled the vacuum alongside the backup"],
        "The vacuum and the backup ran in the same window; nothing in the scheduler flags overlapping heavy jobs.",
        "Hindsight counterfactual at a team.",
        F,
    ),
    (
        "The payment processor webhook backlog cleared at 19:10, long after the point where a more attentive responder would have paused the retries.",
        [CF, CJ],
        ["a more attentive responder would have paused the retries"],
        "The payment processor webhook backlog cleared at 19:10; retries were not paused during the incident, and we are looking at what would have made pausing them an obvious option.",
        "Counterfactual in a subordinate clause, implying inattention.",
        F,
    ),
    # --- character-judgment (primary) ---
    (
        "Frankly the mobile squad's release hygiene is shambolic.",
        [CJ, TB],
        ["release hygiene is shambolic"],
        "The mobile release process has gaps we should map out, starting with this incident.",
        "Judges a team's diligence.",
        F,
    ),
    (
        "that contractor is clueless about IAM, full stop",
        [CJ, NI],
        ["clueless about IAM"],
        "the contractor's IAM change had an effect nobody expected; what context did they have when they made it?",
        "Competence judgment of one person.",
        C,
    ),
    (
        "The incident exposes an indifference to operational safety on the part of the engineer who wrote the cron job.",
        [CJ, NI],
        ["an indifference to operational safety on the part of the engineer"],
        "The cron job ran without a lock or dry-run mode; we are reviewing what guidance exists for writing scheduled jobs.",
        "Attributes a character flaw to one engineer.",
        F,
    ),
    (
        "half-baked ansible from someone who clearly couldn't be bothered to test it",
        [CJ, PI],
        ["half-baked", "couldn't be bothered to test it"],
        "the ansible change went out without a test run; do we have a place where playbooks can be tested?",
        "Attributes laziness to an unnamed author.",
        C,
    ),
    (
        "Mehmet is a liability on the on-call rotation, tonight just proved it",
        [CJ, NI],
        ["Mehmet is a liability on the on-call rotation"],
        "tonight's on-call was hard; let's look at what support and runbooks the rotation had",
        "Judges a named person's competence.",
        C,
    ),
    (
        "The root of the problem is an engineering culture of laziness around schema reviews in the Warsaw office.",
        [CJ, TB],
        ["an engineering culture of laziness"],
        "Schema reviews in the Warsaw office did not catch this change; we are looking at how schema review is scheduled and staffed.",
        "Character judgment of an office.",
        F,
    ),
    (
        "slapdash work on the kafka ACLs by the onboarding pair, again",
        [CJ, TB],
        ["slapdash work", "again"],
        "the kafka ACL change by the onboarding pair caused this; what does the ACL tooling check before apply?",
        "Judges diligence of a pair.",
        C,
    ),
    (
        "The Snowflake task suspended at 03:00 after repeated failures. Alerts reached the on-call at 03:04. Unfortunately the person holding the pager that night is not someone who takes alerts seriously.",
        [CJ, NI],
        ["not someone who takes alerts seriously"],
        "The Snowflake task suspended at 03:00 after repeated failures. Alerts reached the on-call at 03:04. We are looking at how the alert was presented and what else was paging that night.",
        "Last sentence judges the on-call's character.",
        F,
    ),
    # --- team-blame (primary) ---
    (
        "Once again the São Paulo team pushed a DNS change without a ticket, and once again we paid for it.",
        [TB],
        ["Once again the São Paulo team pushed a DNS change without a ticket", "once again we paid for it"],
        "A DNS change was pushed without a ticket; the DNS tooling does not require one. This is the second such incident.",
        "Office blamed as habitual cause.",
        F,
    ),
    (
        "data eng broke the snowflake pipeline. shocker.",
        [TB, SM],
        ["data eng broke the snowflake pipeline", "shocker"],
        "the snowflake pipeline broke after a data eng change; let's see what tests run on pipeline changes",
        "Team as cause, sarcastic.",
        C,
    ),
    (
        "This failure belongs to the identity team, whose token change invalidated every active session.",
        [TB],
        ["This failure belongs to the identity team"],
        "A token change invalidated every active session; we are reviewing how session compatibility is tested.",
        "Assigns the failure to a team.",
        F,
    ),
    (
        "honestly the mesh team is the single biggest source of outages in this company",
        [TB],
        ["the mesh team is the single biggest source of outages"],
        "mesh changes show up in a lot of our incidents; maybe we need better staging for mesh config?",
        "Team as habitual cause.",
        C,
    ),
    (
        "It is the position of the Payments org that Infrastructure caused this outage by resizing the node pool without notice.",
        [TB],
        ["Infrastructure caused this outage"],
        "The outage followed a node pool resize that was not announced to dependent teams; there is no notice process for node pool changes.",
        "One org blames another.",
        F,
    ),
    (
        "the offshore vendor team did it again, 3rd broken release of the ios app this quarter",
        [TB],
        ["the offshore vendor team did it again"],
        "3rd broken ios release this quarter; what checks does the release pipeline run for vendor-built releases?",
        "Vendor team as habitual cause.",
        C,
    ),
    (
        "Kafka consumers resumed at 07:45 once the partitions were reassigned, undoing the damage the Hyderabad ops shift had done overnight.",
        [TB],
        ["undoing the damage the Hyderabad ops shift had done overnight"],
        "Kafka consumers resumed at 07:45 once the partitions were reassigned, after the overnight partition changes.",
        "Team blame in a trailing subordinate clause.",
        F,
    ),
    (
        "QA signed off on a build that couldn't even launch on iOS 17, that's QA's outage not ours",
        [TB, MD],
        ["that's QA's outage not ours", "couldn't even launch"],
        "a build that couldn't launch on iOS 17 passed sign-off; does the test matrix include iOS 17?",
        "Hands the outage to another team.",
        C,
    ),
    # --- punitive (primary) ---
    (
        "Recommend that the engineer responsible forfeit on-call bonus pay for this quarter.",
        [PU, NI],
        ["forfeit on-call bonus pay"],
        "Recommend a review of the change process that allowed this incident.",
        "Financial sanction.",
        F,
    ),
    (
        "whoever merged that Istio policy needs a formal warning, this can't keep happening",
        [PU],
        ["needs a formal warning"],
        "that Istio policy merge caused a repeat issue; what would make this kind of policy change safer to merge?",
        "Calls for a formal warning.",
        C,
    ),
    (
        "The author of the change will present the failure at the all-hands so that everyone learns what not to do.",
        [PU, SM],
        ["will present the failure at the all-hands so that everyone learns what not to do"],
        "We will share the lessons from this incident at the all-hands, focusing on conditions rather than on the change author.",
        "Public shaming as a consequence.",
        F,
    ),
    (
        "i'd revoke her merge rights for a month tbh",
        [PU, NI],
        ["revoke her merge rights for a month"],
        "can we look at what merge checks would have caught this?",
        "Calls for restricting a person's access.",
        C,
    ),
    (
        "Leadership should consider whether the contractor's engagement ought to continue after this.",
        [PU, NI],
        ["whether the contractor's engagement ought to continue"],
        "Leadership should review how contractor changes are reviewed and deployed.",
        "Threatens termination of a contractor.",
        F,
    ),
    (
        "Kafka went down for 2h. someone is getting a PIP out of this, mark my words",
        [PU],
        ["someone is getting a PIP out of this"],
        "Kafka went down for 2h. let's get a review going on how it happened.",
        "Predicts/endorses punishment.",
        C,
    ),
    (
        "Action item 4: log each engineer's incidents in their performance file.",
        [PU],
        ["log each engineer's incidents in their performance file"],
        "Action item 4: track incidents by contributing system and process.",
        "Institutionalized sanction.",
        F,
    ),
    (
        "put whoever owns the payment processor integration on probation until the refunds are reconciled",
        [PU, NI],
        ["put whoever owns the payment processor integration on probation"],
        "let's get the refunds reconciled and then review the payment processor integration",
        "Calls for probation.",
        C,
    ),
    # --- sarcasm-or-mockery (primary) ---
    (
        "ah yes, rotating the TLS cert by hand at peak. visionary stuff ✨",
        [SM],
        ["visionary stuff", "✨"],
        "the TLS cert was rotated by hand at peak; can we automate rotation and schedule it off-peak?",
        "Sarcastic praise with emoji.",
        C,
    ),
    (
        "Hats off to the Terraform wizards who managed to delete a VPC that had deletion protection enabled.",
        [SM, TB],
        ["Hats off to the Terraform wizards who managed to delete"],
        "A VPC with deletion protection enabled was deleted via Terraform; we are investigating how deletion protection was bypassed.",
        "Mock congratulation of a group.",
        F,
    ),
    (
        "love how our 'temporary' snowflake fix from 2021 survived exactly until Adebayo touched it 😌",
        [SM, NI],
        ["until Adebayo touched it", "😌"],
        "the 'temporary' snowflake fix from 2021 broke with the latest change; it probably needs a proper replacement",
        "Sarcasm pinned on a named person.",
        C,
    ),
    (
        "nothing says 'senior engineer' like a DROP TABLE in the wrong psql tab",
        [SM, CJ],
        ["nothing says 'senior engineer' like"],
        "a DROP TABLE ran in the wrong psql tab; can we make prod sessions visually distinct or read-only by default?",
        "Mockery of competence.",
        C,
    ),
    (
        "Round of applause for the release captain, who discovered that the iOS app needs a backend to work 👏👏",
        [SM, NI],
        ["Round of applause for the release captain", "👏👏"],
        "The iOS app was released before its backend dependency was available; the release checklist does not verify backend readiness.",
        "Ironic applause for one person.",
        C,
    ),
    (
        "In a move few could have predicted, the platform group once again treated production as a test environment.",
        [SM, TB],
        ["In a move few could have predicted", "once again treated production as a test environment"],
        "A change from the platform group was first exercised in production; there is no pre-production environment for this component.",
        "Formal-register irony at a team.",
        F,
    ),
    (
        "Istio upgrade speedrun any% (prod edition) by @hugo_m 🏆",
        [SM, NI],
        ["speedrun any% (prod edition) by @hugo_m", "🏆"],
        "the Istio upgrade went straight to prod; what stages does the upgrade path have?",
        "Mocking a named handle.",
        C,
    ),
    (
        "sure, give the interns cluster-admin, what could possibly go wrong 🙃",
        [SM],
        ["what could possibly go wrong", "🙃"],
        "the interns had cluster-admin; can we scope their roles down to what they need?",
        "Sarcasm about the people involved.",
        C,
    ),
    # --- minimizing-or-judging-difficulty (primary) ---
    (
        "Reading the Terraform plan output before typing 'yes' is not advanced engineering.",
        [MD],
        ["is not advanced engineering"],
        "The Terraform plan output was approved with 'yes'; we are looking at how readable the plan was and whether apply should require a second reviewer.",
        "Implies the step was trivial.",
        F,
    ),
    (
        "it was a two-minute job to check the kafka retention, how is this a 4h outage",
        [MD],
        ["it was a two-minute job", "how is this a 4h outage"],
        "checking the kafka retention would have pointed at the cause, but the outage ran 4h; what made retention not the first thing people looked at?",
        "Minimizes the check.",
        C,
    ),
    (
        "Even a first-week hire knows not to run the migration against the primary.",
        [MD, CJ],
        ["Even a first-week hire knows"],
        "The migration ran against the primary; the tool does not distinguish primary from replica.",
        "Judges difficulty as trivial.",
        F,
    ),
    (
        "honestly the fix was right there in the error log, u just had to scroll up",
        [MD, NI],
        ["u just had to scroll up"],
        "the fix was in the error log further up; can we surface that message more prominently?",
        "'Just had to' minimizing, addressed at a person.",
        C,
    ),
    (
        "Checking which AWS account the console was logged into requires no expertise whatsoever.",
        [MD],
        ["requires no expertise whatsoever"],
        "The console did not make the active AWS account prominent; we are reviewing account labelling.",
        "Minimizes the check.",
        F,
    ),
    (
        "The on-call engineer merely needed to acknowledge the page; the rest was automated.",
        [MD, NI],
        ["merely needed to acknowledge the page"],
        "The page was not acknowledged, so the automated remediation did not start; we are looking at why the page did not reach the on-call engineer's attention.",
        "'Merely needed to' minimizing.",
        F,
    ),
    (
        "The certificate expired at 00:00 UTC, which, given that renewing it is a single click in the ACM console, should tell us something.",
        [MD, PI],
        ["renewing it is a single click", "should tell us something"],
        "The certificate expired at 00:00 UTC; renewal is a manual step in the ACM console and nothing reminded anyone to do it.",
        "Minimizing plus insinuation in a relative clause.",
        F,
    ),
    (
        "bro it's a yaml indent. a YAML INDENT.",
        [MD, SM],
        ["it's a yaml indent. a YAML INDENT."],
        "it was a yaml indentation issue; do we have a linter or schema check on this file?",
        "Mocks the triviality of the mistake.",
        C,
    ),
    # --- blame-by-passive-insinuation (primary) ---
    (
        "Let us simply say that the snapshot did not delete itself.",
        [PI, SM],
        ["the snapshot did not delete itself"],
        "The snapshot was deleted; we are examining the path by which it was deleted.",
        "Coy insinuation that someone is at fault.",
        F,
    ),
    (
        "I won't point fingers, but the Istio config has exactly one committer this month.",
        [PI],
        ["I won't point fingers, but the Istio config has exactly one committer this month"],
        "All Istio config changes this month came through one committer, which means no second reviewer; let's fix the review rotation.",
        "Implies a person while claiming not to.",
        F,
    ),
    (
        "Questions have been raised internally about the judgment exercised by one member of the release team.",
        [PI],
        ["Questions have been raised internally about the judgment exercised by one member"],
        "We are reviewing the release decisions and the information available when they were made.",
        "Passive, vague accusation.",
        F,
    ),
    (
        "👀 at a certain someone who 'just quickly' edited the kafka acls",
        [PI, SM],
        ["👀 at a certain someone"],
        "the kafka acls were edited directly; can we route acl changes through review?",
        "Coy reference plus side-eye emoji.",
        C,
    ),
    (
        "The runbook was not followed, and the individual concerned is aware of this.",
        [PI],
        ["the individual concerned is aware of this"],
        "The runbook was not followed; we are looking at whether the runbook matched the situation responders faced.",
        "Veiled reference to a person being reprimanded.",
        F,
    ),
    (
        "check the git log on the snowflake repo and draw your own conclusions",
        [PI],
        ["draw your own conclusions"],
        "the git log on the snowflake repo shows the relevant change; let's look at how it was reviewed",
        "Insinuates without naming.",
        C,
    ),
    (
        "Latency rose at 10:02 and recovered at 10:31. The relevant approvals were, shall we say, not entirely in order.",
        [PI],
        ["shall we say, not entirely in order"],
        "Latency rose at 10:02 and recovered at 10:31. The change went out without the usual approvals; we are looking at why the pipeline allowed that.",
        "Coy insinuation in the second sentence.",
        F,
    ),
    (
        "Some people in this channel know exactly what they did to the payment processor config last night.",
        [PI],
        ["Some people in this channel know exactly what they did"],
        "The payment processor config was changed last night; can whoever has context share it so we can build the timeline?",
        "Veiled accusation.",
        C,
    ),
]

# (text, hard_negative type or None, note, register)
BLAMELESS: list[tuple[str, str | None, str, str]] = [
    # named-actor-neutral
    (
        "At 03:17 Nnamdi paused the Kafka MirrorMaker job; replication to the DR cluster resumed at 03:41 after Keiko updated the topic allowlist.",
        "named-actor-neutral",
        "Named actors in the timeline.",
        F,
    ),
    (
        "hey it's me who pushed the istio change at 9, happy to pair on the writeup, here's what the dashboard showed me",
        "named-actor-neutral",
        "Self-identification without self-blame.",
        C,
    ),
    (
        "The contractor, Ms. Varga, identified the expired signing certificate on the payment processor sandbox and raised it in #payments at 13:50.",
        "named-actor-neutral",
        "Named contractor as a neutral actor.",
        F,
    ),
    (
        "@sione_t took the pager from 22:00; @marisol took over comms at 23:15",
        "named-actor-neutral",
        "Handles as actors.",
        C,
    ),
    (
        "Rafael approved the Snowflake grant change after reading the diff; the diff did not show that the role inherited ACCOUNTADMIN.",
        "named-actor-neutral",
        "Names the approver and explains what the diff showed.",
        F,
    ),
    (
        "I ran terraform apply against prod at 16:02 believing the workspace was staging; the prompt showed no workspace name.",
        "named-actor-neutral",
        "First-person account of local rationality.",
        F,
    ),
    (
        "The SRE on call, Oluwaseun, restarted the Envoy sidecars in zone b at 05:30 and watched error rates for ten minutes before proceeding.",
        "named-actor-neutral",
        "Role plus name as actor.",
        F,
    ),
    # should-about-system
    (
        "The iOS app should have fallen back to cached prices when the pricing API timed out; instead it showed an empty cart.",
        "should-about-system",
        "'Should have' about app behaviour.",
        F,
    ),
    (
        "snowflake should've auto-suspended the warehouse after 10 min idle, but the setting was null on that one",
        "should-about-system",
        "'Should've' about a setting.",
        C,
    ),
    (
        "In principle the Istio retry policy should cap attempts at two; the rendered config showed no cap at all.",
        "should-about-system",
        "'Should' about a policy.",
        F,
    ),
    (
        "The Terraform module could have refused a plan that destroys more than five resources, and after this incident it will.",
        "should-about-system",
        "'Could have' about a tool.",
        F,
    ),
    (
        "the pager should go to the secondary after 5 min of no ack, it didn't, looking into pagerduty config",
        "should-about-system",
        "'Should' about escalation config.",
        C,
    ),
    (
        "A staging environment with production-sized data would have surfaced the slow query weeks earlier.",
        "should-about-system",
        "'Would have' about an environment.",
        F,
    ),
    (
        "would the canary analysis have caught a 2% regression at ~50 rpm? doubt it tbh",
        "should-about-system",
        "Counterfactual about tooling sensitivity.",
        C,
    ),
    # error-technical
    (
        "Roughly 11,000 requests received gRPC UNAVAILABLE errors from the inventory service between 12:04 and 12:19.",
        "error-technical",
        "Technical errors.",
        F,
    ),
    (
        "p99 is fine but the 4xx error ratio on /v2/refunds is creeping up, 3.8% now",
        "error-technical",
        "Error ratio metric.",
        C,
    ),
    (
        "We exhausted 62% of the quarterly error budget for the search API in a single afternoon.",
        "error-technical",
        "Error budget.",
        F,
    ),
    (
        "The Snowflake COPY command reported 'Numeric value is not recognized' errors for 214 files.",
        "error-technical",
        "Load errors.",
        F,
    ),
    (
        "ios crash reports show a SIGABRT right after the decode error, stack attached",
        "error-technical",
        "Decode error in app.",
        C,
    ),
    (
        "Error handling in the Kafka producer swallowed the TimeoutException, so callers believed the write had succeeded.",
        "error-technical",
        "Error handling code.",
        F,
    ),
    (
        "Standard error output from the Terraform run was truncated by the CI log limit.",
        "error-technical",
        "Stderr.",
        F,
    ),
    # failed-about-system
    (
        "The Istio control plane failed to push the new endpoints to 40% of sidecars after istiod ran out of memory.",
        "failed-about-system",
        "Component failure.",
        F,
    ),
    (
        "payment processor webhooks failing w/ 502 since ~14:10, their status page is still green",
        "failed-about-system",
        "Third-party failing.",
        C,
    ),
    (
        "Terraform failed to acquire the state lock because a previous CI job had crashed while holding it.",
        "failed-about-system",
        "Tool failed to lock.",
        F,
    ),
    (
        "The nightly Snowflake export failed silently for nine days: the task reported success while writing empty files.",
        "failed-about-system",
        "Silent job failure.",
        F,
    ),
    (
        "Failure of the primary ZooKeeper node triggered a leader election that took 47 seconds.",
        "failed-about-system",
        "Node failure.",
        F,
    ),
    (
        "the ios build failed on the notarization step again, apple's service is timing out",
        "failed-about-system",
        "Build failure from external service.",
        C,
    ),
    (
        "Our synthetic check failed to notice the outage because it requested a cached page.",
        "failed-about-system",
        "Monitoring 'failed to notice' about a check.",
        F,
    ),
    # fault-technical
    (
        "The JVM on broker-3 died with a fault in libzstd during log compaction.",
        "fault-technical",
        "Native fault.",
        F,
    ),
    (
        "Chaos Mesh fault injection in staging reproduced the partition within 20 minutes.",
        "fault-technical",
        "Fault injection.",
        F,
    ),
    (
        "The Kafka brokers were spread across only two fault domains, so losing rack C halved capacity.",
        "fault-technical",
        "Fault domains.",
        F,
    ),
    (
        "seeing a ton of minor page faults on the snowflake connector hosts, probably the mmap'd cache",
        "fault-technical",
        "Page faults.",
        C,
    ),
    (
        "A bus fault on the storage controller put the RAID array into degraded mode.",
        "fault-technical",
        "Hardware fault.",
        F,
    ),
    (
        "istio fault filter was left on in staging (abort 10%) which is why the load test looked so bad",
        "fault-technical",
        "Istio fault filter config.",
        C,
    ),
    # human-neutral
    (
        "Every Terraform apply against production waits for a human to approve the plan in Atlantis.",
        "human-neutral",
        "Human approval step.",
        F,
    ),
    (
        "The payment processor's fraud model sends borderline transactions to a human analyst within 15 minutes.",
        "human-neutral",
        "Human review.",
        F,
    ),
    (
        "imo rollback vs roll-forward is a human call, the bot shouldn't decide that",
        "human-neutral",
        "Human judgment.",
        C,
    ),
    (
        "The runbook has been rewritten so that a human reading it at 4 a.m. can follow it without prior context.",
        "human-neutral",
        "Human reader.",
        F,
    ),
    (
        "Human-in-the-loop approval added about 9 minutes to the mitigation, which we consider acceptable for DNS changes.",
        "human-neutral",
        "Human-in-the-loop.",
        F,
    ),
    (
        "humans on the bridge: 11, bots posting in the channel: 4 😅 we should trim the bots",
        "human-neutral",
        "Count of humans.",
        C,
    ),
    # keyword-other-sense
    (
        "The Strimzi operator rolled the Kafka brokers one at a time after the config change.",
        "keyword-other-sense",
        "Kubernetes operator.",
        F,
    ),
    (
        "We fired a test webhook at the payment processor's sandbox at 17:40 to confirm the fix.",
        "keyword-other-sense",
        "'Fired' a webhook.",
        F,
    ),
    (
        "lazy loading was disabled on the ios image cache, so every screen pulled full-size images",
        "keyword-other-sense",
        "'Lazy' loading.",
        C,
    ),
    (
        "Cassandra's sloppy quorum let writes land on hinted-handoff replicas during the partition.",
        "keyword-other-sense",
        "'Sloppy quorum' is a technical term.",
        F,
    ),
    (
        "Snowflake killed the query after it exceeded STATEMENT_TIMEOUT_IN_SECONDS.",
        "keyword-other-sense",
        "Query killed by timeout.",
        F,
    ),
    (
        "The client's punitive backoff (up to 15 minutes) kept users locked out after the backend recovered.",
        "keyword-other-sense",
        "'Punitive' backoff describes client behaviour.",
        F,
    ),
    (
        "the ALB dropped the target from the group and the pod got evicted, totally normal",
        "keyword-other-sense",
        "Dropped/evicted.",
        C,
    ),
    (
        "The deploy bot's automatic bisect reported 'culprit commit: a1f93c', a dependency bump in the HTTP client.",
        "keyword-other-sense",
        "'Culprit' is a commit from bisect.",
        F,
    ),
    # sincere-praise
    (
        "huge shoutout to Chiara for spotting the clock skew on the kafka brokers, saved us hours 🙌",
        "sincere-praise",
        "Sincere thanks.",
        C,
    ),
    (
        "The customer support team deserves real credit: their ticket tagging let us size the impact within minutes.",
        "sincere-praise",
        "Sincere credit.",
        F,
    ),
    (
        "nice work on the terraform import @dev_ana, that was fiddly and you nailed it",
        "sincere-praise",
        "Sincere praise to a handle.",
        C,
    ),
    (
        "Thank you to the Nairobi on-call team for taking the handover at short notice and keeping the bridge organised.",
        "sincere-praise",
        "Sincere thanks to an office.",
        F,
    ),
    (
        "brilliant catch by the new SRE on the istio mTLS mode mismatch 👏 genuinely",
        "sincere-praise",
        "Sincere praise with clapping emoji.",
        C,
    ),
    (
        "Well done everyone on the payment processor failover; it went exactly as practised in the game day.",
        "sincere-praise",
        "Sincere praise.",
        F,
    ),
    # mistake-in-artifact
    (
        "The Terraform variable file had a mistake: the CIDR for subnet-c overlapped with subnet-a.",
        "mistake-in-artifact",
        "Mistake in a file.",
        F,
    ),
    (
        "typo in the alertmanager route (team: paymnets) so nothing routed to payments oncall",
        "mistake-in-artifact",
        "Typo in config.",
        C,
    ),
    (
        "The Snowflake masking policy contained an error that exposed the last four digits in cleartext.",
        "mistake-in-artifact",
        "Error in a policy.",
        F,
    ),
    (
        "An erroneous example in the Istio migration guide set the mTLS mode to STRICT before the sidecars were injected.",
        "mistake-in-artifact",
        "Erroneous doc example.",
        F,
    ),
    (
        "the grafana panel has the wrong unit (ms vs s), that's why it looked like a 1000x spike",
        "mistake-in-artifact",
        "Wrong unit in panel.",
        C,
    ),
    (
        "The capacity spreadsheet mistakenly used peak RPS from 2022, understating projected load by 40%.",
        "mistake-in-artifact",
        "Mistake in a spreadsheet.",
        F,
    ),
    (
        "the helm chart's defaults have a mistake, maxSurge 0 and maxUnavailable 0 together, so rollouts hang",
        "mistake-in-artifact",
        "Mistake in chart defaults.",
        C,
    ),
    # blame-meta
    (
        "This document does not identify any individual as responsible; where names appear, they describe who did what and when.",
        "blame-meta",
        "Statement about blamelessness.",
        F,
    ),
    (
        "pls let's not turn this thread into a whodunit, we're here to fix the kafka lag",
        "blame-meta",
        "Steers away from blame.",
        C,
    ),
    (
        "No disciplinary measures, performance notes or access changes will follow from this review.",
        "blame-meta",
        "Explicit no-punishment statement.",
        F,
    ),
    (
        "Earlier drafts said 'careless deploy'; we removed that phrase because it describes a judgment, not an event.",
        "blame-meta",
        "Quotes a removed blame phrase.",
        F,
    ),
    (
        "reminder: 'should have' statements go in the counterfactual parking lot, not the timeline 🙂",
        "blame-meta",
        "Facilitation note about counterfactuals.",
        C,
    ),
    (
        "The facilitator asked participants to describe what they knew at the time rather than what they know now.",
        "blame-meta",
        "Hindsight-bias guidance.",
        F,
    ),
    (
        "We chose not to write 'operator error' in the summary because it would stop us asking why the console allowed the action.",
        "blame-meta",
        "Quotes 'operator error' to reject it.",
        F,
    ),
    # question-systemic
    (
        "What made the production workspace the default for `terraform apply` on engineers' laptops?",
        "question-systemic",
        "Question about defaults.",
        F,
    ),
    (
        "how come the ios release pipeline lets a build through with zero crash-free sessions data?",
        "question-systemic",
        "Question about pipeline.",
        C,
    ),
    (
        "Why did the Istio upgrade proceed to all clusters when the first cluster's success rate had dropped?",
        "question-systemic",
        "Question about rollout gating.",
        F,
    ),
    (
        "is there any guardrail on snowflake role grants or can anyone with SECURITYADMIN do anything?",
        "question-systemic",
        "Question about guardrails.",
        C,
    ),
    (
        "Which signals were visible on the Kafka dashboards at 02:40, and which were only available in the broker logs?",
        "question-systemic",
        "Question about available information.",
        F,
    ),
    (
        "How did two teams end up with write access to the same payment processor credentials?",
        "question-systemic",
        "Question about access design.",
        F,
    ),
    (
        "what would it take for the migration tool to refuse running against the primary without a flag?",
        "question-systemic",
        "Question about tool safety.",
        C,
    ),
    # systemic-framing
    (
        "The Terraform plan ran to 1,900 lines, and the destructive change sat on line 1,412; no reviewer can be expected to find that unaided.",
        "systemic-framing",
        "Review burden framed systemically.",
        F,
    ),
    (
        "Three of the four responders were on their fifth consecutive night of pages, which degraded everyone's ability to triage.",
        "systemic-framing",
        "Fatigue as a condition.",
        F,
    ),
    (
        "our deploy tool shows prod and staging in the same grey, so picking the wrong one is really easy",
        "systemic-framing",
        "UI design as cause.",
        C,
    ),
    (
        "The incentive structure rewarded closing tickets quickly, which encouraged marking alerts as resolved before verification.",
        "systemic-framing",
        "Incentives.",
        F,
    ),
    (
        "Mistakes during manual certificate rotation are inevitable at our volume; the process had no automation to absorb them.",
        "systemic-framing",
        "Mistakes expected; process lacks safeguards.",
        F,
    ),
    (
        "The contractor's access was broader than needed because our IAM templates only offer admin or read-only.",
        "systemic-framing",
        "Access scope from templates.",
        F,
    ),
    (
        "it's not on any one person, the kafka acl tool has no dry run and the docs are from 2019",
        "systemic-framing",
        "Explicitly systemic.",
        C,
    ),
    # plain
    (
        "Impact: 2,310 iOS users saw a blank home screen for up to 26 minutes; no data was lost.",
        None,
        "Impact.",
        F,
    ),
    ("kafka lag back under 10k, holding. will check again at :30", None, "Status.", C),
    (
        "Action item: add a plan-size threshold to the Atlantis workflow (owner: infra tooling, due 2026-03-15).",
        None,
        "Action item.",
        F,
    ),
    (
        "The payment processor confirmed at 18:05 that duplicate captures had been voided.",
        None,
        "Timeline.",
        F,
    ),
    ("anyone got the snowflake query id for the long one? want to pull the profile", None, "Question.", C),
    (
        "Timeline: 21:47 first alert; 21:52 incident declared; 22:30 mitigated; 23:10 resolved.",
        None,
        "Timeline.",
        F,
    ),
]


def build() -> list[dict]:
    items: list[dict] = []
    for text, cats, spans, rewrite, note, reg in BLAMEFUL:
        assert cats and len(set(cats)) == len(cats), text
        for s in spans:
            assert text.find(s) >= 0, (text, s)
        items.append(
            {
                "text": text,
                "blameful": True,
                "categories": cats,
                "spans": spans,
                "rewrite": rewrite,
                "note": note,
                "register": reg,
                "hard_negative": None,
            }
        )
    for text, hn, note, reg in BLAMELESS:
        items.append(
            {
                "text": text,
                "blameful": False,
                "categories": [],
                "spans": [],
                "rewrite": None,
                "note": note,
                "register": reg,
                "hard_negative": hn,
            }
        )
    texts = [it["text"] for it in items]
    assert len(set(texts)) == len(texts), "duplicate text"
    random.Random(20260311).shuffle(items)
    return [{"id": f"hold-{i:03d}", **it} for i, it in enumerate(items, 1)]


def summary(rows: list[dict]) -> str:
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    for r in rows:
        for s in r["spans"]:
            assert r["text"].find(s) >= 0, (r["id"], s)
        assert r["register"] in (C, F)
        assert (r["rewrite"] is None) == (not r["blameful"])
        assert r["blameful"] or (r["categories"] == [] and r["spans"] == [])
    bl = [r for r in rows if r["blameful"]]
    nb = [r for r in rows if not r["blameful"]]
    prim = Counter(r["categories"][0] for r in bl)
    anyc = Counter(c for r in bl for c in r["categories"])
    hn = Counter(r["hard_negative"] for r in nb)
    lines = [
        f"items {len(rows)}  blameful {len(bl)} ({len(bl) / len(rows):.0%})  blameless {len(nb)}",
        f"blameful with 2+ categories {sum(len(r['categories']) > 1 for r in bl)}",
        f"register {dict(Counter(r['register'] for r in rows))}",
        "categories (any / primary):",
    ]
    lines += [f"  {c:36s} {anyc[c]:3d} / {prim[c]:3d}" for c in (NI, HE, CF, CJ, TB, PU, SM, MD, PI)]
    lines.append("hard negatives:")
    lines += [f"  {k!s:24s} {v}" for k, v in sorted(hn.items(), key=lambda kv: str(kv[0]))]
    return "\n".join(lines)


if __name__ == "__main__":
    out = Path(__file__).with_name("tone-holdout.jsonl")
    rows = build()
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} items to {out}")
    print(summary(rows))
