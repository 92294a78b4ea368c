"""All tables. Importing this package registers every model on `Base.metadata`."""

from antq_desktop.store.base import Base, SyncedMixin
from antq_desktop.store.models.local import AuditEntry, IssuedReport, Setting, UserAccount
from antq_desktop.store.models.org import OrgUnit
from antq_desktop.store.models.patrols import Finding, PatrolParticipant, PatrolShift
from antq_desktop.store.models.people import Person
from antq_desktop.store.models.programs import Evaluation, Group, Membership, Program
from antq_desktop.store.models.rehab import FollowUp, RehabCase, RehabHelper, Support
from antq_desktop.store.models.sync import (
    SiteKey,
    SyncConflict,
    SyncCounter,
    SyncHistory,
    SyncPeer,
)

SYNCED_MODELS: tuple[type[SyncedMixin], ...] = (
    OrgUnit,
    Program,
    Group,
    Person,
    Membership,
    PatrolShift,
    PatrolParticipant,
    Finding,
    RehabCase,
    RehabHelper,
    FollowUp,
    Support,
    Evaluation,
    SyncConflict,
)

__all__ = [
    "SYNCED_MODELS",
    "AuditEntry",
    "Base",
    "Evaluation",
    "Finding",
    "FollowUp",
    "Group",
    "IssuedReport",
    "Membership",
    "OrgUnit",
    "PatrolParticipant",
    "PatrolShift",
    "Person",
    "Program",
    "RehabCase",
    "RehabHelper",
    "Setting",
    "SiteKey",
    "Support",
    "SyncConflict",
    "SyncCounter",
    "SyncHistory",
    "SyncPeer",
    "SyncedMixin",
    "UserAccount",
]
