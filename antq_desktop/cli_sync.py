"""`antq-desktop sync ...`: bundles, identity cards, peers and conflicts from the command line.

Every command signs in as the others do (ANTQ_PASSWORD, else a prompt in a terminal) and checks
the paths it was given before the password is asked for. `sync import` takes each file on its
own, all or nothing: a refused file is one line on stderr, the next file is still imported, and
the exit status is 1 when any file was refused.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from antq_desktop import cli_texts as texts
from antq_desktop.cli import (
    CHANNEL,
    EXIT_OK,
    EXIT_REFUSED,
    PROG,
    CommandError,
    Outcome,
    _refusal,
    _sign_in,
    one_line,
)
from antq_desktop.domain.messages import Message, MessageTemplate, Quantity
from antq_desktop.domain.text import format_number
from antq_desktop.services import accounts, fields
from antq_desktop.services.workspace import Workspace
from antq_desktop.sync import peers as sync_peers
from antq_desktop.sync.conflicts import (
    Choice,
    ConflictView,
    display_value,
    list_conflicts,
    resolve_conflict,
)
from antq_desktop.sync.exporter import (
    OUT_FOLDER_MISSING,
    ExportResult,
    check_out_path,
    export_bundle,
)
from antq_desktop.sync.importer import CANCELLED, GAP_NOTICE, ImportSummary, import_bundle
from antq_desktop.sync.keys import CARD_SUFFIX, FILE_MISSING, read_card

REASONS_SHOWN = 5
"""Rejected rows whose reason an import prints (the window's history keeps up to 20)."""
SHORT_ID = 8
"""Characters of a conflict's id shown in the listing (more when two would look alike)."""
SUMMARY_COLUMNS = ("new", "updated", "unchanged", "conflicts", "rejected")


def run_sync(args: argparse.Namespace) -> Message | str | Outcome:
    runners: dict[str, Callable[[argparse.Namespace], Message | str | Outcome]] = {
        "export": _export,
        "import": _import,
        "identity export": _identity_export,
        "identity import": _identity_import,
        "identity show": _identity_show,
        "peers": _peers,
        "conflicts": _conflicts,
    }
    return runners[_command(args)](args)


def _command(args: argparse.Namespace) -> str:
    if args.sync_command == "identity":
        return f"identity {args.identity_command}"
    return str(args.sync_command)


def _done(workspace: Workspace, args: argparse.Namespace) -> None:
    """The command succeeded: its sign-in goes into the audit trail."""
    accounts.record_sign_in(workspace, CHANNEL, command=f"sync {_command(args)}")


@contextmanager
def _book(args: argparse.Namespace) -> Iterator[Workspace]:
    """The book of `--db`, signed into; the sign-in is recorded when the work succeeded."""
    workspace = _sign_in(args)
    try:
        yield workspace
        _done(workspace, args)
    finally:
        workspace.close()


def _label(labels: dict[str, tuple[str, str]], key: str, language: str) -> str:
    return labels.get(key, (key, key))[language == "en"]


def _render(lines: Iterable[Message | str], language: str) -> str:
    return "\n".join(line.render(language) if isinstance(line, Message) else line for line in lines)


def file_size(size: int, language: str) -> str:
    """1.536 byte / 12,5 KB / 3,2 MB (English separators in English)."""
    if size < 1024:
        return f"{format_number(size, language)} {'bytes' if language == 'en' else 'byte'}"
    if size < 1024 * 1024:
        return f"{format_number(size / 1024, language, 1)} KB"
    return f"{format_number(size / 1024 / 1024, language, 1)} MB"


def table_lines(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A plain text table: the first column left-aligned, the numbers right-aligned."""
    widths = [max(len(row[index]) for row in (header, *rows)) for index in range(len(header))]

    def line(row: Sequence[str]) -> str:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        return "  " + "  ".join(cells).rstrip()

    return [line(header), *(line(row) for row in rows)]


# --- export -------------------------------------------------------------------------------------


def _export(args: argparse.Namespace) -> str:
    check_out_path(args.out)  # said before the password is asked for
    with _book(args) as workspace:
        result = export_bundle(workspace, args.out, to=args.peer, full=args.full)
    return format_export(result, args.lang)


def format_export(result: ExportResult, language: str) -> str:
    lines: list[Message | str] = [
        texts.SYNC_EXPORTED(path=str(result.path), size=file_size(result.size_bytes, language))
    ]
    recipient = result.recipient
    if recipient is None:
        lines.append(texts.SYNC_NO_RECIPIENT())
    else:
        lines.append(texts.SYNC_RECIPIENT(peer=recipient.label, fingerprint=recipient.fingerprint))
    lines.append(texts.SYNC_FULL() if result.full else texts.SYNC_INCREMENTAL())
    counted = [(name, count) for name, count in result.counts.items() if count]
    if not counted:
        lines.append(texts.SYNC_NO_RECORDS())
        return _render(lines, language)
    rows = [
        [_label(texts.SYNC_TABLE_LABELS, name, language), format_number(count, language)]
        for name, count in counted
    ]
    rows.append(
        [_label(texts.SYNC_COLUMNS, "total", language), format_number(result.records, language)]
    )
    header = [_label(texts.SYNC_COLUMNS, key, language) for key in ("table", "records")]
    lines += table_lines(header, rows)
    return _render(lines, language)


# --- import -------------------------------------------------------------------------------------


def _refuse(error: BaseException, args: argparse.Namespace) -> None:
    """One file refused: its one line on stderr; anything unforeseen still surfaces."""
    refusal = _refusal(error, args)
    if refusal is None:
        raise error
    print(f"{PROG}: {one_line(refusal.render(args.lang))}", file=sys.stderr, flush=True)


def _import(args: argparse.Namespace) -> Outcome:
    files: list[Path] = args.files
    present = []
    for path in files:  # a mistyped name is said before the password is asked for
        if path.is_file():
            present.append(path)
        else:
            _refuse(CommandError(FILE_MISSING(path=str(path))), args)
    imported = 0
    if present:
        imported = _import_files(args, present)
    refused = len(files) - imported
    tally = ""
    if len(files) > 1:
        tally = texts.SYNC_IMPORT_TALLY(
            imported=Quantity(imported), total=Quantity(len(files)), refused=Quantity(refused)
        ).render(args.lang)
    return Outcome(tally, EXIT_REFUSED if refused else EXIT_OK)


def _import_files(args: argparse.Namespace, paths: list[Path]) -> int:
    """Import each file in turn; how many went in."""
    workspace = _sign_in(args)
    imported = 0
    try:
        for path in paths:
            progress = _Progress(path, args.lang) if sys.stderr.isatty() else None
            try:
                summary = import_bundle(
                    workspace, path, accept_new_sender=args.accept_new_sender, progress=progress
                )
            except KeyboardInterrupt:  # the transaction was rolled back: say so, stop there
                _refuse(CommandError(CANCELLED(path=str(path))), args)
                break
            except Exception as error:
                _refuse(error, args)
                continue
            finally:
                if progress is not None:
                    progress.clear()
            if imported:
                print()
            print(format_import(summary, args), flush=True)
            imported += 1
        if imported:
            _done(workspace, args)
    finally:
        workspace.close()
    return imported


class _Progress:
    """How far an import is ("Importing F: 12.000/100.000 records"), on one line of a terminal's
    stderr."""

    def __init__(self, path: Path, language: str) -> None:
        self.path, self.language, self.width = path, language, 0

    def __call__(self, done: int, total: int) -> None:
        text = texts.SYNC_PROGRESS(
            path=self.path.name, done=Quantity(done), total=Quantity(total)
        ).render(self.language)
        self.width = max(self.width, len(text))
        print("\r" + text.ljust(self.width), end="", file=sys.stderr, flush=True)

    def clear(self) -> None:
        if self.width:
            print("\r" + " " * self.width + "\r", end="", file=sys.stderr, flush=True)


def format_import(summary: ImportSummary, args: argparse.Namespace) -> str:
    language = args.lang
    sender = summary.sender
    template = texts.SYNC_SENDER_NEW if summary.new_sender else texts.SYNC_SENDER
    lines: list[Message | str] = [
        texts.SYNC_IMPORT_FILE(path=str(summary.path)),
        template(sender=sender.label, fingerprint=sender.fingerprint),
        texts.SYNC_FULL() if summary.full else texts.SYNC_INCREMENTAL(),
    ]
    lines += _summary_table(summary, language)
    lines += _rejections(summary, language)
    if summary.duplicates:
        lines.append(texts.SYNC_DUPLICATES_HEAD(count=Quantity(len(summary.duplicates))))
        for duplicate in summary.duplicates:
            people = "; ".join(f"{name} ({unit})" for _, name, unit in duplicate.people)
            lines.append(f"  - {duplicate.citizen_id}: {people}")
    conflicts = summary.total("conflicts")
    if conflicts:
        lines.append(texts.SYNC_NEW_CONFLICTS(count=Quantity(conflicts), path=str(args.db)))
    if summary.gap:
        lines.append(GAP_NOTICE(sender=sender.label))
    return _render(lines, language)


def _summary_table(summary: ImportSummary, language: str) -> list[Message | str]:
    def row(label: str, values: dict[str, int]) -> list[str]:
        return [label, *(format_number(values[column], language) for column in SUMMARY_COLUMNS)]

    rows = [
        row(_label(texts.SYNC_TABLE_LABELS, name, language), table.as_json())
        for name, table in summary.tables.items()
        if any(getattr(table, column) for column in SUMMARY_COLUMNS)
    ]
    if not rows:
        return [texts.SYNC_NO_RECORDS()]
    rows.append(row(_label(texts.SYNC_COLUMNS, "total", language), summary.totals()))
    header = [_label(texts.SYNC_COLUMNS, key, language) for key in ("table", *SUMMARY_COLUMNS)]
    return list(table_lines(header, rows))


def _rejections(summary: ImportSummary, language: str) -> list[Message | str]:
    rejected = summary.total("rejected")
    if not rejected:
        return []
    reasons = [
        (name, row_id, why)
        for name, table in summary.tables.items()
        for row_id, why in table.reasons
    ][:REASONS_SHOWN]
    lines: list[Message | str] = [
        texts.SYNC_REJECTED_HEAD(count=Quantity(rejected), shown=Quantity(len(reasons)))
    ]
    for name, row_id, why in reasons:
        kind = _label(texts.SYNC_RECORD_KINDS, name, language)
        lines.append(f"  - {kind} {row_id}: {why.render(language)}")
    return lines


# --- identity cards -----------------------------------------------------------------------------


def _check_card_out(path: Path) -> None:
    if path.suffix.lower() != CARD_SUFFIX:
        raise CommandError(texts.CARD_OUT_SUFFIX(suffix=CARD_SUFFIX))
    if not path.parent.is_dir():
        raise CommandError(OUT_FOLDER_MISSING(folder=str(path.parent)))
    if path.exists():
        raise CommandError(texts.CARD_OUT_EXISTS(path=str(path)))


def _identity_export(args: argparse.Namespace) -> str:
    _check_card_out(args.out)  # said before the password is asked for
    with _book(args) as workspace:
        card = sync_peers.export_identity(workspace, args.out)
    lines = [
        texts.SYNC_CARD_WRITTEN(unit=card.label, path=str(args.out)),
        texts.SYNC_FINGERPRINT(fingerprint=card.fingerprint),
        texts.SYNC_CARD_HINT(),
    ]
    return _render(lines, args.lang)


def _identity_import(args: argparse.Namespace) -> str:
    if not args.card.is_file():
        raise CommandError(FILE_MISSING(path=str(args.card)))
    card = read_card(args.card)  # a damaged or altered card is said before the password
    with _book(args) as workspace:
        was_new = sync_peers.add_peer(workspace, card)
    template = texts.SYNC_PEER_ADDED if was_new else texts.SYNC_PEER_KNOWN
    lines = [
        template(peer=card.label, site_id=card.site_id),
        texts.SYNC_FINGERPRINT(fingerprint=card.fingerprint),
    ]
    if was_new:
        lines.append(texts.SYNC_PEER_CHECK(peer=card.label))
    return _render(lines, args.lang)


def _identity_show(args: argparse.Namespace) -> str:
    with _book(args) as workspace:
        card = sync_peers.own_card(workspace)
    lines = [
        texts.SYNC_UNIT(unit=card.label),
        texts.SYNC_SITE_ID(site_id=card.site_id),
        texts.SYNC_FINGERPRINT(fingerprint=card.fingerprint),
    ]
    return _render(lines, args.lang)


# --- peers --------------------------------------------------------------------------------------


def _moment(value: datetime | None, language: str) -> Message | str:
    return texts.SYNC_NEVER() if value is None else display_value(value, language)


def _peers(args: argparse.Namespace) -> Message | str:
    with _book(args) as workspace:
        peers = sync_peers.list_peers(workspace)
        removed = None
        if args.remove is not None:
            removed = _find_peer(peers, args.remove, args.db)
            sync_peers.remove_peer(workspace, removed.site_id)
    if removed is not None:
        return texts.SYNC_PEER_REMOVED(peer=removed.label)
    return format_peers(peers, args.lang, args.db)


def _find_peer(peers: list[sync_peers.PeerView], given: str, db: Path) -> sync_peers.PeerView:
    """A peer by its site id, else by its unit code when only one peer has it."""
    name = given.strip()
    by_site = [peer for peer in peers if peer.site_id == name]
    found = by_site or [peer for peer in peers if peer.unit_code == name]
    if not found:
        raise CommandError(texts.SYNC_NO_SUCH_PEER(peer=given, path=str(db)))
    if len(found) > 1:
        raise CommandError(
            texts.SYNC_PEER_AMBIGUOUS(count=Quantity(len(found)), peer=given, path=str(db))
        )
    return found[0]


def format_peers(peers: list[sync_peers.PeerView], language: str, db: Path) -> str:
    if not peers:
        return texts.SYNC_PEERS_NONE(path=str(db)).render(language)
    lines: list[Message | str] = [texts.SYNC_PEERS_HEAD(count=Quantity(len(peers)))]
    for peer in peers:
        lines += ["", peer.label]
        details = [
            texts.SYNC_SITE_ID(site_id=peer.site_id),
            texts.SYNC_FINGERPRINT(fingerprint=peer.fingerprint),
            texts.SYNC_PEER_ADDED_AT(at=_moment(peer.added_at, language), user=peer.added_by),
            texts.SYNC_PEER_LAST(
                imported=_moment(peer.last_import_at, language),
                exported=_moment(peer.last_export_at, language),
            ),
        ]
        lines += ["  " + detail.render(language) for detail in details]
    return _render(lines, language)


# --- conflicts ----------------------------------------------------------------------------------


def _conflicts(args: argparse.Namespace) -> str:
    choice: Choice | None = None
    if args.keep is not None:
        choice = "kept"
    elif args.take_other is not None:
        choice = "other"
    with _book(args) as workspace:
        conflicts = list_conflicts(workspace)
        sites = {peer.site_id: peer.label for peer in sync_peers.list_peers(workspace)}
        sites[workspace.site_id] = texts.SYNC_THIS_SITE().render(args.lang)
        if choice is not None:
            conflict = _find_conflict(conflicts, args.keep or args.take_other, args.db)
            resolve_conflict(workspace, conflict.id, choice)
    if choice is None:
        return format_conflicts(conflicts, sites, args.lang, args.db)
    template = texts.SYNC_CONFLICT_KEPT_DONE if choice == "kept" else texts.SYNC_CONFLICT_OTHER_DONE
    value = conflict.kept_value if choice == "kept" else conflict.other_value
    return template(
        value=display_value(value, args.lang), **_conflict_names(conflict, args.lang)
    ).render(args.lang)


def _find_conflict(conflicts: list[ConflictView], given: str, db: Path) -> ConflictView:
    """An open conflict by its id or the start of it (as the listing shows it)."""
    name = given.strip().lower()
    found = [conflict for conflict in conflicts if conflict.id == name]
    found = found or [c for c in conflicts if name and c.id.startswith(name)]
    if not found:
        raise CommandError(texts.SYNC_CONFLICT_UNKNOWN(conflict_id=given, path=str(db)))
    if len(found) > 1:
        raise CommandError(texts.SYNC_CONFLICT_AMBIGUOUS(conflict_id=given))
    return found[0]


def _field_label(name: str) -> MessageTemplate | str:
    """A record's column as the services' field labels name it; else its technical name."""
    templates = {
        template.key: template
        for template in vars(fields).values()
        if isinstance(template, MessageTemplate)
    }
    return (
        templates.get(f"field.{name}") or templates.get(f"field.{name.removesuffix('_id')}") or name
    )


def _conflict_names(conflict: ConflictView, language: str) -> dict[str, str]:
    label = _field_label(conflict.field)
    return {
        "kind": _label(texts.SYNC_RECORD_KINDS, conflict.table_name, language),
        "record": conflict.record_label or conflict.row_id,
        "field": label().render(language) if isinstance(label, MessageTemplate) else label,
    }


def short_ids(ids: Sequence[str]) -> dict[str, str]:
    """Each id cut to SHORT_ID characters, or more while two would look alike."""
    length = SHORT_ID
    while len({identifier[:length] for identifier in ids}) < len(set(ids)):
        length += 1
    return {identifier: identifier[:length] for identifier in ids}


def format_conflicts(
    conflicts: list[ConflictView], sites: dict[str, str], language: str, db: Path
) -> str:
    if not conflicts:
        return texts.SYNC_CONFLICTS_NONE().render(language)
    shown = short_ids([conflict.id for conflict in conflicts])
    lines: list[Message | str] = [texts.SYNC_CONFLICTS_HEAD(count=Quantity(len(conflicts)))]
    for conflict in conflicts:
        names = _conflict_names(conflict, language)
        kept = texts.SYNC_CONFLICT_KEPT(
            value=display_value(conflict.kept_value, language),
            at=display_value(conflict.kept_at, language),
            site=sites.get(conflict.kept_site, conflict.kept_site),
        )
        other = texts.SYNC_CONFLICT_OTHER(
            value=display_value(conflict.other_value, language),
            at=display_value(conflict.other_at, language),
            site=sites.get(conflict.other_site, conflict.other_site),
        )
        lines += [
            "",
            texts.SYNC_CONFLICT_TITLE(conflict_id=shown[conflict.id], **names),
            "  " + kept.render(language),
            "  " + other.render(language),
        ]
    lines += ["", texts.SYNC_CONFLICTS_HOW(path=str(db))]
    return _render(lines, language)
