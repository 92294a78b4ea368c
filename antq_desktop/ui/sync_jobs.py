"""The work behind the Đồng bộ page, as plain functions the page runs on the worker thread.

Nothing here touches a widget. A bundle is first checked (`check_bundle`: every check of
`read_bundle`, nothing written) so the page can show who sent it, and ask about a sender it does
not know, before the import itself runs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from antq_desktop.services.workspace import Workspace
from antq_desktop.sync.bundle import OpenedBundle
from antq_desktop.sync.conflicts import ConflictView, list_conflicts, merge_people
from antq_desktop.sync.container import SUFFIX
from antq_desktop.sync.importer import ImportSummary, import_bundle, read_bundle
from antq_desktop.sync.keys import IdentityCard
from antq_desktop.sync.peers import PeerView, list_peers, own_card


@dataclass(frozen=True)
class BundleCheck:
    """What the checks of a bundle found (the rows themselves are left on the worker)."""

    path: Path
    sender: IdentityCard
    known_sender: bool
    full: bool
    created_at: str
    counts: dict[str, int]
    opened: OpenedBundle = field(repr=False, compare=False)
    """The checked bundle itself, imported as it was checked (not read a second time)."""

    @property
    def records(self) -> int:
        return sum(self.counts.values())


def check_bundle(workspace: Workspace, path: Path) -> BundleCheck:
    """Every check of the bundle at `path`, nothing written (`SyncError` when it fails one)."""
    opened = read_bundle(workspace, path)
    manifest = opened.manifest
    counts = {name: len(rows) for name, rows in opened.tables.items() if rows}
    return BundleCheck(
        path,
        manifest.sender,
        opened.known_sender,
        manifest.full,
        manifest.created_at,
        counts,
        opened,
    )


def run_import(
    workspace: Workspace,
    check: BundleCheck,
    accept_new_sender: bool,
    stop: threading.Event,
    report: Callable[[Any], None],
) -> ImportSummary:
    """Import the checked bundle, reporting (done, total) steps; stops (`ImportCancelled`,
    nothing written) once `stop` is set."""
    return import_bundle(
        workspace,
        check.path,
        accept_new_sender=accept_new_sender,
        progress=lambda done, total: report((done, total)),
        cancelled=stop.is_set,
        opened=check.opened,
    )


@dataclass(frozen=True)
class Peers:
    """This installation's own card and the peers it knows."""

    own: IdentityCard
    peers: list[PeerView]

    def site_label(self, site_id: str) -> str:
        """Who a version stamp's site is: this installation, a known peer, or its id."""
        if site_id == self.own.site_id:
            return ""
        for peer in self.peers:
            if peer.site_id == site_id:
                return peer.label
        return site_id


def load_peers(workspace: Workspace) -> Peers:
    return Peers(own_card(workspace), list_peers(workspace))


@dataclass(frozen=True)
class Conflicts:
    conflicts: list[ConflictView]
    peers: Peers


def load_conflicts(workspace: Workspace, include_decided: bool) -> Conflicts:
    return Conflicts(
        list_conflicts(workspace, include_decided=include_decided), load_peers(workspace)
    )


def merge_into(workspace: Workspace, keep_id: str, drop_ids: list[str]) -> None:
    """Merge every one of `drop_ids` into `keep_id` (one service call each)."""
    for drop_id in drop_ids:
        merge_people(workspace, keep_id, drop_id)


def file_code(text: str) -> str:
    """A unit code as a file name may hold it (letters, digits and hyphens)."""
    kept = "".join(character if character.isalnum() else "-" for character in text.strip())
    return "-".join(part for part in kept.split("-") if part) or "antq"


def proposed_bundle_path(folder: Path, own_code: str, peer_code: str | None, now: datetime) -> Path:
    """`<own code>-to-<peer code>-<yyyymmdd-HHMM>.antqsync` (without a recipient:
    `<own code>-<yyyymmdd-HHMM>.antqsync`), numbered when the name is taken."""
    to = f"-to-{file_code(peer_code)}" if peer_code else ""
    stem = f"{file_code(own_code)}{to}-{now:%Y%m%d-%H%M}"
    path = folder / f"{stem}{SUFFIX}"
    count = 2
    while path.exists():
        path = folder / f"{stem}-{count}{SUFFIX}"
        count += 1
    return path
