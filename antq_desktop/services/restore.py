"""Undo a delete: bring a tombstoned record back, with the records its delete took along.

A delete tombstones a record and, for some kinds, the records that belong to it (a program's
evaluations, a group's memberships, a shift's participants and findings, a case's helpers,
follow-ups and supports), all with the same time (`common.mark_deleted`). Restoring clears those
tombstones and nothing else: a membership removed on its own earlier stays removed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute

from antq_desktop.domain.messages import message
from antq_desktop.services.common import RECORD_KINDS
from antq_desktop.services.errors import RECORD_NOT_FOUND, NotFound, ServiceError
from antq_desktop.services.workspace import Workspace
from antq_desktop.store.base import SyncedMixin
from antq_desktop.store.models import (
    Evaluation,
    Finding,
    FollowUp,
    Group,
    Membership,
    PatrolParticipant,
    PatrolShift,
    Person,
    Program,
    RehabCase,
    RehabHelper,
    Support,
)

NOT_DELETED = message(
    "restore.not_deleted",
    "{kind} này chưa bị xóa nên không cần khôi phục.",
    "This {kind} is not deleted; there is nothing to restore.",
)
PARENT_DELETED = message(
    "restore.parent_deleted",
    "Không thể khôi phục {kind}: {parent} chứa nó đã bị xóa. Hãy khôi phục {parent} trước.",
    "The {kind} cannot be restored: the {parent} it belongs to is deleted. Restore that first.",
)

# kind -> (model, parents that must be live, children deleted along with it)
_PARENTS: dict[type[SyncedMixin], list[tuple[type[SyncedMixin], InstrumentedAttribute[Any]]]] = {
    Group: [(Program, Group.program_id)],
    Membership: [(Group, Membership.group_id), (Person, Membership.person_id)],
    PatrolShift: [(Group, PatrolShift.group_id)],
    RehabCase: [(Person, RehabCase.person_id)],
    RehabHelper: [(RehabCase, RehabHelper.case_id)],
    FollowUp: [(RehabCase, FollowUp.case_id)],
    Support: [(RehabCase, Support.case_id)],
    Evaluation: [(Program, Evaluation.program_id)],
}
_CHILDREN: dict[type[SyncedMixin], list[InstrumentedAttribute[Any]]] = {
    Program: [Evaluation.program_id],
    Group: [Membership.group_id],
    PatrolShift: [PatrolParticipant.shift_id, Finding.shift_id],
    RehabCase: [RehabHelper.case_id, FollowUp.case_id, Support.case_id],
}
RESTORABLE: dict[str, type[SyncedMixin]] = {
    model.__name__: model
    for model in (
        Program,
        Group,
        Person,
        Membership,
        PatrolShift,
        RehabCase,
        RehabHelper,
        FollowUp,
        Support,
        Evaluation,
    )
}


def restore_record(workspace: Workspace, kind: str, record_id: str) -> None:
    """Clear the tombstone of record `record_id` of `kind` (a model name, e.g. "Group") and of the
    records deleted with it. Refused while a record it belongs to is still deleted."""
    model = RESTORABLE[kind]
    kind_text = RECORD_KINDS[kind]()
    with workspace.database.transaction() as session:
        record = session.get(model, record_id)
        if record is None:
            raise NotFound(RECORD_NOT_FOUND(kind=kind_text, record_id=record_id))
        deleted_at = record.deleted_at
        if deleted_at is None:
            raise ServiceError(NOT_DELETED(kind=kind_text))
        for parent_model, column in _PARENTS.get(model, []):
            parent_id = getattr(record, column.key)
            parent = session.get(parent_model, parent_id) if parent_id else None
            if parent is not None and parent.deleted_at is not None:
                raise ServiceError(
                    PARENT_DELETED(kind=kind_text, parent=RECORD_KINDS[parent_model.__name__]())
                )
        for column in _CHILDREN.get(model, []):
            child_model = column.class_
            for child in session.scalars(
                select(child_model).where(column == record_id, child_model.deleted_at == deleted_at)
            ):
                child.deleted_at = None
        record.deleted_at = None
