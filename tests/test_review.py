"""Review and approval on both backends: statuses, approvers, comments, history, stale saves."""

from __future__ import annotations

import pytest
from _store_helpers import database_url, postgres_server  # noqa: F401  (fixtures)

from assistant.errors import ReviewError, StaleSaveError
from assistant.review import comments, history, workflow
from assistant.store import DraftStore

DRAFT = {"title": "Checkout 502s", "summary": "The proxy served an expired certificate.",
         "root_cause": {"text": "Renewal skipped the legacy proxy.", "refs": [], "event_ids": []}}  # fmt: skip


@pytest.fixture
def store(database_url: str) -> DraftStore:  # noqa: F811
    return DraftStore(database_url)


def test_a_draft_is_reviewed_approved_by_someone_else_and_published(store: DraftStore) -> None:
    draft_id = store.create(draft=DRAFT, author="dana")
    assert workflow.submit(store, draft_id, user="dana") == "in_review"
    with pytest.raises(ReviewError, match="Dana wrote this draft and cannot approve it"):
        workflow.approve(store, draft_id, user="Dana")
    with pytest.raises(ReviewError, match=r"cannot publish .* it is in review"):
        workflow.publish(store, draft_id, user="dana")
    assert workflow.approve(store, draft_id, user="erin") == "approved"
    assert workflow.publish(store, draft_id, user="dana") == "published"
    rec = store.get(draft_id)
    assert rec is not None and (rec.status, rec.approved_by) == ("published", "erin")
    steps = [(e.user, e.from_status, e.to_status) for e in workflow.events(store, draft_id)]
    assert steps == [("dana", "draft", "in_review"), ("erin", "in_review", "approved"),
                     ("dana", "approved", "published")]  # fmt: skip


def test_editing_an_approved_draft_withdraws_the_approval_and_published_drafts_need_reopening(
    store: DraftStore,
) -> None:
    draft_id = store.create(draft=DRAFT, author="dana")
    workflow.submit(store, draft_id, user="dana")
    workflow.approve(store, draft_id, user="erin")
    store.update_draft(
        draft_id, lambda d: d.update(summary="changed after approval"), user="dana", section="summary"
    )
    rec = store.get(draft_id)
    assert rec is not None and (rec.status, rec.approved_by) == ("in_review", None)
    with pytest.raises(ReviewError, match="it is in review"):
        workflow.publish(store, draft_id, user="dana")
    workflow.approve(store, draft_id, user="erin")
    workflow.publish(store, draft_id, user="dana")
    with pytest.raises(ReviewError, match="reopen it"):
        store.update_draft(draft_id, lambda d: d.update(summary="silently changed"))
    assert workflow.reopen(store, draft_id, user="dana") == "draft"
    store.update_draft(draft_id, lambda d: d.update(summary="fixed after reopening"))


def test_a_team_of_one_can_allow_self_approval_but_never_an_anonymous_one(store: DraftStore) -> None:
    draft_id = store.create(draft=DRAFT, author="dana")
    workflow.submit(store, draft_id, user="dana")
    with pytest.raises(ReviewError, match="needs a signed-in user"):
        workflow.approve(store, draft_id, user=None, approver_must_differ=False)
    workflow.approve(store, draft_id, user="dana", approver_must_differ=False)
    assert workflow.publish(store, draft_id, user="dana", approver_must_differ=False) == "published"


def test_comments_per_section_are_open_until_resolved(store: DraftStore) -> None:
    draft_id = store.create(draft=DRAFT, author="dana")
    first = comments.add(store, draft_id, "root_cause", "Why did the renewal job skip it?", user="erin")
    comments.add(store, draft_id, "summary", "Name the customer impact.", user="erin")
    with pytest.raises(ReviewError, match="no section 'rootcause'"):
        comments.add(store, draft_id, "rootcause", "typo", user="erin")
    resolved = comments.resolve(store, first.id, user="dana")
    assert (resolved.status, resolved.resolved_by) == (
        "resolved",
        "dana",
    ) and resolved.resolved_at is not None
    open_ones = comments.list_comments(store, draft_id, status="open")
    assert [(c.section, c.body) for c in open_ones] == [("summary", "Name the customer impact.")]
    assert [c.status for c in comments.list_comments(store, draft_id, section="root_cause")] == ["resolved"]
    assert comments.reopen(store, first.id, user="erin").status == "open"


def test_history_says_who_changed_which_section_and_restores_an_old_version(store: DraftStore) -> None:
    draft_id = store.create(draft=DRAFT, author="dana")
    v = history.save_section(store, draft_id, "summary", "First rewrite.", base_version=1, user="dana")
    v = history.save_section(store, draft_id, "root_cause.text", "The renewal job skipped it.", base_version=v,
                             user="erin")  # fmt: skip
    revs = history.history(store, draft_id)
    assert [(r.version, r.section, r.user) for r in revs] == [
        (3, "root_cause.text", "erin"), (2, "summary", "dana"), (1, "*", "dana")]  # fmt: skip
    assert history.revision_draft(store, revs[2].id)["summary"] == DRAFT["summary"]
    new_version = history.restore(store, draft_id, revs[2].id, user="erin")
    rec = store.get(draft_id)
    assert rec is not None and new_version == rec.version == 4
    assert rec.draft["summary"] == DRAFT["summary"]
    assert history.history(store, draft_id)[0].note == "restored version 1"


def test_a_stale_save_of_the_same_section_is_refused_with_both_texts(store: DraftStore) -> None:
    draft_id = store.create(draft=DRAFT, author="dana")
    # dana and erin both open version 1; erin saves the summary first
    history.save_section(store, draft_id, "summary", "Erin's summary.", base_version=1, user="erin")
    with pytest.raises(StaleSaveError) as info:
        history.save_section(store, draft_id, "summary", "Dana's summary.", base_version=1, user="dana")
    err = info.value
    assert (err.mine, err.theirs, err.expected, err.current) == ("Dana's summary.", "Erin's summary.", 1, 2)
    rec = store.get(draft_id)
    assert rec is not None and rec.draft["summary"] == "Erin's summary."  # nothing overwritten
    # a change to another section since version 1 is not a conflict
    v = history.save_section(
        store, draft_id, "root_cause.text", "Dana's root cause.", base_version=1, user="dana"
    )
    rec = store.get(draft_id)
    assert rec is not None and v == 3
    assert (rec.draft["summary"], rec.draft["root_cause"]["text"]) == (
        "Erin's summary.",
        "Dana's root cause.",
    )


def test_a_similar_incident_shows_what_its_postmortem_promised_and_is_still_open(store: DraftStore) -> None:
    from assistant.retrieval.models import Match
    from assistant.review.promises import with_open_promises
    from assistant.store.actions import list_items, set_status

    draft = {**DRAFT, "action_items": [
        {"description": "Alert 14 days before any certificate expires", "owner": "dana"},
        {"description": "Move HAProxy certs to the managed issuer"},
    ]}  # fmt: skip
    draft_id = store.create(draft=draft, author="dana")
    store.set_library_id(draft_id, "checkout-502s-abc123")
    with store.db.session() as s:
        done = next(it for it in list_items(s) if it.description.startswith("Move"))
        set_status(s, done.id, "done")
    matches = [Match(id="checkout-502s-abc123", title="Checkout 502s", score=0.8, why="same proxy"),
               Match(id="unrelated", title="Other", score=0.4, why="")]  # fmt: skip
    out = with_open_promises(store, matches)
    assert [(p.text, p.status) for p in out[0].seen_before] == [
        ("Alert 14 days before any certificate expires (promised in Checkout 502s, owner dana)", "open")]  # fmt: skip
    assert out[1].seen_before == []
    assert (
        with_open_promises(store, out)[0].seen_before == out[0].seen_before
    )  # no duplicates on a second pass
