"""The command line. Without a command it opens the window; every command is scriptable.

Exit status: 0 on success, 2 for bad arguments, 1 when the data refuses the request (a missing or
damaged file, an unknown unit, an invalid value). Errors are one line on stderr, in Vietnamese or
in English with `--lang en`, and nothing is written.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from sqlalchemy.exc import DatabaseError as SqlAlchemyDatabaseError

from antq_desktop import __version__
from antq_desktop import cli_texts as texts
from antq_desktop.domain.enums import (
    AuditAction,
    FindingAction,
    FindingCategory,
    LabelledEnum,
    MaintainingBody,
    ProgramKind,
    Rating,
    UnitLevel,
    UserRole,
)
from antq_desktop.domain.messages import Message, MessageTemplate, Quantity
from antq_desktop.domain.text import format_number
from antq_desktop.domain.validation import ValidationFailed, format_date
from antq_desktop.services import accounts, audit, backups, file_check
from antq_desktop.services.accounts import NewAccount
from antq_desktop.services.errors import ServiceError
from antq_desktop.services.permissions import Permission, require
from antq_desktop.services.statistics import Statistics, compute_statistics
from antq_desktop.services.workspace import NewUnit, StoreError, Workspace
from antq_desktop.store import keyring, sqlcipher

if TYPE_CHECKING:  # the report modules (reportlab, pyHanko) load only for the commands using them
    from antq_desktop.reports.signing import SigningIdentity

PROG = "antq-desktop"
EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
MAX_SCALE = 1000
CHANNEL = "command line"


class CommandError(Exception):
    """A refusal with a message for a person."""

    def __init__(self, msg: Message) -> None:
        super().__init__(msg.render("en"))
        self.message = msg


def given_language(argv: Sequence[str]) -> str | None:
    """`--lang en` / `--lang=en` anywhere on the line, else ANTQ_LANG; None when neither is set."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return "en" if argv[index + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "vi"
    variable = os.environ.get("ANTQ_LANG", "")
    if variable:
        return "en" if variable == "en" else "vi"
    return None


def detect_language(argv: Sequence[str]) -> str:
    """The language of command-line messages: the one given, else Vietnamese."""
    return given_language(argv) or "vi"


@contextmanager
def argparse_language(language: str) -> Iterator[None]:
    """argparse looks up its texts through its module-level `_`; give it Vietnamese for a while."""
    if language == "en":
        yield
        return
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: texts.ARGPARSE_VI.get(text, original(text))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def one_line(text: str) -> str:
    """Control characters typed into a value (a stray Enter, a tab) shown as escapes, so an error
    stays the one line the command-line contract promises."""
    return "".join(
        character if character.isprintable() else repr(character)[1:-1] for character in text
    )


class OneLineParser(argparse.ArgumentParser):
    """Reports a usage error as one line plus a pointer to --help, exit 2."""

    def error(self, message: str) -> NoReturn:
        language = getattr(self, "language", "vi")
        hint = "xem" if language == "vi" else "see"
        self.exit(EXIT_USAGE, f"{PROG}: {one_line(message)} ({hint} {self.prog} --help)\n")


def _date(language: str) -> Callable[[str], date]:
    def parse(text: str) -> date:
        for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                return datetime.strptime(text.strip(), pattern).date()
            except ValueError:
                continue
        raise argparse.ArgumentTypeError(texts.BAD_DATE(value=text).render(language))

    return parse


def _level(language: str) -> Callable[[str], UnitLevel]:
    def parse(text: str) -> UnitLevel:
        try:
            level = UnitLevel.parse(text)
        except ValueError:
            level = None
        if not isinstance(level, UnitLevel) or level is UnitLevel.NATION:
            raise argparse.ArgumentTypeError(texts.BAD_LEVEL(value=text).render(language))
        return level

    return parse


def _count(language: str, limit: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        if not text.isdigit() or int(text) > limit:
            raise argparse.ArgumentTypeError(
                texts.BAD_NUMBER(value=text, limit=limit).render(language)
            )
        return int(text)

    return parse


def build_parser(language: str) -> OneLineParser:
    def say(template: MessageTemplate) -> str:
        return template().render(language)

    def parser_kwargs(help_text: MessageTemplate) -> dict[str, Any]:
        return {"help": say(help_text), "description": say(help_text)}

    parser = OneLineParser(prog=PROG, description=say(texts.DESCRIPTION))
    parser.language = language  # type: ignore[attr-defined]
    parser.add_argument(
        "--version", action="version", version=f"{PROG} {__version__}", help=say(texts.HELP_VERSION)
    )
    parser.add_argument("--lang", choices=["vi", "en"], default=language, help=say(texts.HELP_LANG))
    parser.add_argument("--db", type=Path, help=say(texts.HELP_DB))
    parser.add_argument("--user", default=default_user(), help=say(texts.HELP_USER))
    commands = parser.add_subparsers(
        dest="command",
        metavar="{init,demo,stats,report,verify,backup,restore,check,sync,selftest}",
        parser_class=OneLineParser,
    )

    init = commands.add_parser("init", **parser_kwargs(texts.HELP_INIT))
    init.add_argument("--db", type=Path, required=True, help=say(texts.HELP_DB_REQUIRED))
    init.add_argument("--unit", required=True, help=say(texts.HELP_UNIT_NAME))
    init.add_argument("--code", required=True, help=say(texts.HELP_CODE))
    init.add_argument(
        "--level", type=_level(language), default=UnitLevel.WARD, help=say(texts.HELP_LEVEL)
    )
    init.add_argument("--place", default="", help=say(texts.HELP_PLACE))
    init.add_argument("--superior", help=say(texts.HELP_SUPERIOR))
    init.add_argument("--superior-code", help=say(texts.HELP_SUPERIOR_CODE))
    init.add_argument(
        "--superior-level",
        type=_level(language),
        default=UnitLevel.DISTRICT,
        help=say(texts.HELP_SUPERIOR_LEVEL),
    )
    init.add_argument("--officer", default="", help=say(texts.HELP_OFFICER))
    init.add_argument("--title", default="", help=say(texts.HELP_TITLE))

    demo = commands.add_parser("demo", **parser_kwargs(texts.HELP_DEMO))
    demo.add_argument("--db", type=Path, required=True, help=say(texts.HELP_DB_REQUIRED))
    demo.add_argument(
        "--scenario", choices=["hcmc-2023"], default="hcmc-2023", help=say(texts.HELP_SCENARIO)
    )
    demo.add_argument(
        "--scale", type=_count(language, MAX_SCALE), default=0, help=say(texts.HELP_SCALE)
    )

    stats = commands.add_parser("stats", **parser_kwargs(texts.HELP_STATS))
    stats.add_argument("--db", type=Path, required=True, help=say(texts.HELP_DB_REQUIRED))
    stats.add_argument("--unit", required=True, help=say(texts.HELP_UNIT_CODE))
    stats.add_argument(
        "--from", dest="date_from", type=_date(language), required=True, help=say(texts.HELP_FROM)
    )
    stats.add_argument(
        "--to", dest="date_to", type=_date(language), required=True, help=say(texts.HELP_TO)
    )
    stats.add_argument("--json", action="store_true", help=say(texts.HELP_JSON))
    report = commands.add_parser("report", **parser_kwargs(texts.HELP_REPORT))
    report.add_argument("--db", type=Path, required=True, help=say(texts.HELP_DB_REQUIRED))
    report.add_argument("--unit", required=True, help=say(texts.HELP_UNIT_CODE))
    report.add_argument(
        "--from", dest="date_from", type=_date(language), required=True, help=say(texts.HELP_FROM)
    )
    report.add_argument(
        "--to", dest="date_to", type=_date(language), required=True, help=say(texts.HELP_TO)
    )
    report.add_argument("--out", type=Path, required=True, help=say(texts.HELP_OUT_PDF))
    report.add_argument("--sign", type=Path, help=say(texts.HELP_SIGN_P12))
    report.add_argument("--pkcs11-library", type=Path, help=say(texts.HELP_PKCS11_LIBRARY))
    report.add_argument("--token", help=say(texts.HELP_TOKEN))
    report.add_argument("--key", help=say(texts.HELP_KEY))
    report.add_argument("--password-file", type=Path, help=say(texts.HELP_PASSWORD_FILE))
    report.add_argument("--proposals-file", type=Path, help=say(texts.HELP_PROPOSALS_FILE))
    report.add_argument("--full-ids", action="store_true", help=say(texts.HELP_FULL_IDS))
    report.add_argument("--no-appendix", action="store_true", help=say(texts.HELP_NO_APPENDIX))
    report.add_argument("--issued-on", type=_date(language), help=say(texts.HELP_ISSUED_ON))

    verify = commands.add_parser("verify", **parser_kwargs(texts.HELP_VERIFY))
    verify.add_argument("file", type=Path, help=say(texts.HELP_VERIFY_FILE))
    verify.add_argument(
        "--trust", type=Path, action="append", default=[], help=say(texts.HELP_TRUST)
    )

    backup = commands.add_parser("backup", **parser_kwargs(texts.HELP_BACKUP))
    backup.add_argument("--db", type=Path, required=True, help=say(texts.HELP_DB_REQUIRED))
    backup.add_argument("--to", dest="folder", type=Path, help=say(texts.HELP_BACKUP_TO))

    restore = commands.add_parser("restore", **parser_kwargs(texts.HELP_RESTORE))
    restore.add_argument("--db", type=Path, required=True, help=say(texts.HELP_DB_REQUIRED))
    restore.add_argument(
        "--from", dest="backup", type=Path, required=True, help=say(texts.HELP_RESTORE_FROM)
    )

    check = commands.add_parser("check", **parser_kwargs(texts.HELP_CHECK))
    check.add_argument("--db", type=Path, required=True, help=say(texts.HELP_DB_REQUIRED))
    selftest = commands.add_parser("selftest", **parser_kwargs(texts.HELP_SELFTEST))
    selftest.add_argument("--verbose", action="store_true", help=say(texts.HELP_VERBOSE))
    subcommands = [init, demo, stats, report, verify, backup, restore, check, selftest]
    subcommands += _add_sync_commands(commands, say, parser_kwargs)
    for sub in subcommands:
        sub.language = language  # type: ignore[attr-defined]
        # `--lang` and `--user` are accepted after the command too ("antq-desktop stats ...
        # --lang en"). Their default is left to the main parser: a sub-command's default would
        # overwrite what was given before the command ("antq-desktop --user an stats ...").
        sub.add_argument(
            "--lang", choices=["vi", "en"], default=argparse.SUPPRESS, help=say(texts.HELP_LANG)
        )
        sub.add_argument("--user", default=argparse.SUPPRESS, help=say(texts.HELP_USER))
    return parser


def _add_sync_commands(
    commands: Any,
    say: Callable[[MessageTemplate], str],
    parser_kwargs: Callable[[MessageTemplate], dict[str, Any]],
) -> list[OneLineParser]:
    """`sync export|import|identity {export,import,show}|peers|conflicts`; every parser made."""
    made: list[OneLineParser] = []

    def add(parent: Any, name: str, help_text: MessageTemplate) -> OneLineParser:
        parser: OneLineParser = parent.add_parser(name, **parser_kwargs(help_text))
        made.append(parser)
        return parser

    def commands_of(parser: OneLineParser, dest: str, names: str) -> Any:
        return parser.add_subparsers(
            dest=dest, metavar=names, parser_class=OneLineParser, required=True
        )

    def leaf(parent: Any, name: str, help_text: MessageTemplate) -> OneLineParser:
        parser = add(parent, name, help_text)
        parser.add_argument("--db", type=Path, required=True, help=say(texts.HELP_DB_REQUIRED))
        return parser

    sync = commands_of(
        add(commands, "sync", texts.HELP_SYNC),
        "sync_command",
        "{export,import,identity,peers,conflicts}",
    )
    export = leaf(sync, "export", texts.HELP_SYNC_EXPORT)
    export.add_argument("--out", type=Path, required=True, help=say(texts.HELP_SYNC_OUT))
    export.add_argument("--to", dest="peer", help=say(texts.HELP_SYNC_TO))
    export.add_argument("--full", action="store_true", help=say(texts.HELP_SYNC_FULL))
    bundles = leaf(sync, "import", texts.HELP_SYNC_IMPORT)
    bundles.add_argument(
        "files", type=Path, nargs="+", metavar="FILE", help=say(texts.HELP_SYNC_FILES)
    )
    bundles.add_argument(
        "--accept-new-sender", action="store_true", help=say(texts.HELP_SYNC_ACCEPT)
    )
    identity = commands_of(
        add(sync, "identity", texts.HELP_SYNC_IDENTITY), "identity_command", "{export,import,show}"
    )
    card_out = leaf(identity, "export", texts.HELP_SYNC_IDENTITY_EXPORT)
    card_out.add_argument("--out", type=Path, required=True, help=say(texts.HELP_SYNC_CARD_OUT))
    card_in = leaf(identity, "import", texts.HELP_SYNC_IDENTITY_IMPORT)
    card_in.add_argument("card", type=Path, metavar="CARD", help=say(texts.HELP_SYNC_CARD_FILE))
    leaf(identity, "show", texts.HELP_SYNC_IDENTITY_SHOW)
    peers = leaf(sync, "peers", texts.HELP_SYNC_PEERS)
    peers.add_argument("--remove", metavar="PEER", help=say(texts.HELP_SYNC_REMOVE))
    conflicts = leaf(sync, "conflicts", texts.HELP_SYNC_CONFLICTS)
    decide = conflicts.add_mutually_exclusive_group()
    decide.add_argument("--keep", metavar="ID", help=say(texts.HELP_SYNC_KEEP))
    decide.add_argument("--take-other", metavar="ID", help=say(texts.HELP_SYNC_TAKE_OTHER))
    return made


# --- who runs the command -----------------------------------------------------------------------


def default_user() -> str:
    return os.environ.get("ANTQ_USER", "").strip() or accounts.DEFAULT_ADMIN


def _password(args: argparse.Namespace) -> str:
    """ANTQ_PASSWORD, else asked without echo in a terminal; refused otherwise."""
    given = os.environ.get("ANTQ_PASSWORD")
    if given:
        return given
    if sys.stdin.isatty():
        return getpass.getpass(texts.PASSWORD_PROMPT(user=args.user).render(args.lang) + " ")
    raise CommandError(texts.NO_PASSWORD(user=args.user))


def _new_admin(args: argparse.Namespace) -> NewAccount:
    """The administrator of a new (or newly encrypted) file: ANTQ_PASSWORD, else asked twice."""
    given = os.environ.get("ANTQ_PASSWORD")
    if not given and sys.stdin.isatty():
        given = getpass.getpass(texts.NEW_PASSWORD_PROMPT(user=args.user).render(args.lang) + " ")
        again = getpass.getpass(texts.REPEAT_PASSWORD_PROMPT().render(args.lang) + " ")
        if given != again:
            raise CommandError(accounts.PASSWORD_MISMATCH())
    if not given:
        raise CommandError(texts.NO_PASSWORD(user=args.user))
    return NewAccount(args.user, given, "", UserRole.ADMIN)


def _sign_in(args: argparse.Namespace) -> Workspace:
    """The record book of `--db` as the user of `--user`. A plain file (made before accounts
    existed) is encrypted first, with that user as its administrator."""
    path: Path = args.db
    if path.is_file() and sqlcipher.is_plaintext(path):
        workspace = accounts.protect(path, _new_admin(args))
        print(
            texts.ENCRYPTED_NOW(path=str(path), user=workspace.user).render(args.lang),
            file=sys.stderr,
        )
        return workspace
    return accounts.sign_in(path, args.user, _password(args), channel=CHANNEL, record=False)


def _signed_in(workspace: Workspace, args: argparse.Namespace) -> None:
    """The command succeeded: its sign-in goes into the audit trail (a refused one writes
    nothing)."""
    accounts.record_sign_in(workspace, CHANNEL, command=str(args.command))


def _key_of(args: argparse.Namespace, path: Path) -> bytes | None:
    """The key of an encrypted file, unwrapped with the user's password (None for a plain one)."""
    if not path.is_file() or sqlcipher.is_plaintext(path):
        return None
    if not keyring.keyring_path(path).is_file():  # said before the password is asked for
        raise accounts.key_file_missing(path)
    return accounts.unlock(path, args.user, _password(args))


def _run_init(args: argparse.Namespace) -> Message:
    superior = None
    if args.superior or args.superior_code:
        superior = NewUnit(args.superior or "", args.superior_code or "", args.superior_level)
    workspace = accounts.create_protected(
        args.db,
        NewUnit(args.unit, args.code, args.level, args.place),
        _new_admin(args),
        superior_unit=superior,
        officer_name=args.officer,
        officer_title=args.title,
    )
    workspace.close()
    return texts.CREATED(path=str(args.db), unit=args.unit.strip(), code=args.code.strip())


def _run_demo(args: argparse.Namespace) -> Message:
    from antq_desktop.services.demo import build_demo

    def progress(step: Message) -> None:  # a large build takes a while: show where it is
        print(step.render(args.lang), file=sys.stderr, flush=True)

    summary = build_demo(
        args.db,
        scenario=args.scenario,
        scale=args.scale,
        progress=progress if sys.stderr.isatty() else None,
        admin=_new_admin(args),
    )
    counts = {table: Quantity(count) for table, count in summary.counts.items()}
    return texts.DEMO_DONE(
        path=str(args.db),
        units=counts["org_units"],
        programs=counts["programs"],
        groups=counts["community_groups"],
        people=counts["people"],
        shifts=counts["patrol_shifts"],
        cases=counts["rehab_cases"],
        rows=Quantity(summary.total_rows),
        seconds=Quantity(summary.seconds, decimals=1),
    )


def _run_stats(args: argparse.Namespace) -> str:
    workspace = _sign_in(args)
    try:
        figures = compute_statistics(workspace, args.unit, args.date_from, args.date_to)
        _signed_in(workspace, args)
    finally:
        workspace.close()
    if args.json:
        return json.dumps(figures.as_dict(), ensure_ascii=False, indent=2)
    return format_statistics(figures, args.lang)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        detail = error.strerror if isinstance(error, OSError) else "UTF-8"
        raise CommandError(texts.TEXT_FILE_UNREADABLE(path=str(path), detail=detail)) from error


def _secret(args: argparse.Namespace) -> str:
    """The certificate's password or the token's PIN: the first line of --password-file, else
    asked without echo in a terminal."""
    if args.password_file is not None:
        lines = _read_text(args.password_file).splitlines()
        return lines[0] if lines else ""
    if sys.stdin.isatty():
        return getpass.getpass(texts.SECRET_PROMPT().render(args.lang) + " ")
    raise CommandError(texts.PASSWORD_FILE_NEEDED())


def _signing_identity(args: argparse.Namespace) -> SigningIdentity | None:
    from antq_desktop.reports.signing import open_pkcs11, open_pkcs12

    if args.sign is not None and args.pkcs11_library is not None:
        raise CommandError(texts.SIGN_OPTIONS_CONFLICT())
    if args.sign is not None:
        return open_pkcs12(args.sign, _secret(args))
    if args.pkcs11_library is not None:
        if not args.token or not args.key:
            raise CommandError(texts.PKCS11_OPTIONS_MISSING())
        return open_pkcs11(args.pkcs11_library, args.token, args.key, _secret(args))
    return None


def _run_report(args: argparse.Namespace) -> Message:
    from antq_desktop.domain.periods import Period
    from antq_desktop.reports.issue import (
        ISSUED_BEFORE_PERIOD,
        check_target,
        issue_report,
        save_draft,
    )
    from antq_desktop.services.report_content import ReportRequest, gather_report

    proposals = _read_text(args.proposals_file) if args.proposals_file is not None else ""
    check_target(args.out, overwrite=False)  # said before any password is asked for
    if args.issued_on is not None and args.issued_on < args.date_from:  # and before any reading
        given, start = format_date(args.issued_on), format_date(args.date_from)
        raise CommandError(ISSUED_BEFORE_PERIOD(issued=given, start=start))
    request = ReportRequest(
        unit_code=args.unit,
        period=Period.custom(args.date_from, args.date_to),
        proposals=proposals,
        include_appendices=not args.no_appendix,
        full_citizen_ids=args.full_ids,
    )
    identity = _signing_identity(args)  # a wrong password is said before anything is read
    if identity is None:
        workspace = _sign_in(args)
        try:
            draft = save_draft(
                workspace, gather_report(workspace, request), args.out, issued_on=args.issued_on
            )
            _signed_in(workspace, args)
        finally:
            workspace.close()
        return texts.REPORT_DRAFT(
            path=str(draft.path), pages=Quantity(draft.pages), fingerprint=draft.fingerprint
        )
    with identity:  # a token's session is closed whatever happens next
        workspace = _sign_in(args)
        try:
            require(workspace, Permission.SIGN_REPORT)
            content = gather_report(workspace, request)
            issued = issue_report(workspace, content, args.out, identity, issued_on=args.issued_on)
            _signed_in(workspace, args)
        finally:
            workspace.close()
    return texts.REPORT_ISSUED(
        number=issued.number_text,
        pages=Quantity(issued.pages),
        path=str(args.out),
        signer=issued.signer,
        level=issued.signature_level,
        sha256=issued.sha256,
    )


def _run_verify(args: argparse.Namespace) -> Outcome:
    from antq_desktop.reports.verification import load_certificates, verify_pdf

    roots = [certificate for path in args.trust for certificate in load_certificates(path)]
    try:
        data = args.file.read_bytes()
    except OSError as error:
        raise CommandError(
            texts.FILE_ERROR(path=str(args.file), detail=error.strerror or str(error))
        ) from error
    verdict = verify_pdf(data, roots)

    def answer(value: bool) -> Message:
        return (texts.YES if value else texts.NO)()

    lines: list[Message] = [texts.VERIFY_FILE(path=str(args.file))]
    if verdict.signed:
        moment = verdict.signing_time
        lines += [
            texts.VERIFY_SIGNER(signer=verdict.signer),
            texts.VERIFY_TIME(
                time=moment.astimezone().strftime("%d/%m/%Y %H:%M:%S %z") if moment else "-"
            ),
            texts.VERIFY_LEVEL(level=verdict.level or "-"),
            texts.VERIFY_INTACT(value=answer(verdict.intact)),
            texts.VERIFY_VALID(value=answer(verdict.valid)),
            texts.VERIFY_TRUSTED(value=answer(verdict.trusted)),
            texts.VERIFY_WHOLE(value=answer(verdict.covers_whole_file)),
            texts.VERIFY_UPDATES(value=answer(verdict.later_updates)),
        ]
    lines += list(verdict.problems)
    lines.append(texts.VERIFY_OK() if verdict.ok else texts.VERIFY_FAILED())
    text = "\n".join(line.render(args.lang) for line in lines)
    return Outcome(text, EXIT_OK if verdict.ok else EXIT_REFUSED)


@dataclass(frozen=True)
class Outcome:
    """What a command prints on stdout and its exit status, for a command that can succeed with
    bad news (`check` finding problems)."""

    text: str
    exit_code: int


def _run_backup(args: argparse.Namespace) -> Message:
    now = datetime.now()
    workspace = _sign_in(args)  # a plain file is encrypted first: backups are never plain
    try:
        require(workspace, Permission.MAKE_BACKUP)
        folder = args.folder if args.folder is not None else backups.backup_folder(workspace)
        made = backups.make_backup(workspace, folder, now=now)
        _signed_in(workspace, args)
        audit.record_event(workspace, AuditAction.BACKUP, {"file": str(made)})
    finally:
        workspace.close()
    removed = backups.rotate(folder, args.db.stem, now=now, keep=made)
    return texts.BACKUP_DONE(path=str(made), removed=Quantity(len(removed)))


def _run_restore(args: argparse.Namespace) -> Message:
    """Restoring is the administrator's: an encrypted current file is signed into first (which
    checks the role and gives the key). On a new PC (no current file) the backup's own key file
    gives the key."""
    key: bytes | None = None
    if args.db.is_file() and not sqlcipher.is_plaintext(args.db):
        password = _password(args)
        try:
            workspace = accounts.sign_in(args.db, args.user, password, verify=False, record=False)
        except StoreError:  # the file is too damaged to read its accounts: the key file decides
            key = accounts.unlock(args.db, args.user, password)
        else:
            try:
                require(workspace, Permission.RESTORE_BACKUP)
                key = workspace.database.key
            finally:
                workspace.close()
    elif args.backup.is_file() and not sqlcipher.is_plaintext(args.backup):
        key = _key_of(args, args.backup)
    aside = backups.restore(args.backup, args.db, now=datetime.now(), key=key)
    if key is not None:
        workspace = accounts.sign_in(args.db, args.user, _password(args), channel=CHANNEL)
        try:
            audit.record_event(workspace, AuditAction.RESTORE, {"backup": str(args.backup)})
        finally:
            workspace.close()
    if aside is None:
        return texts.RESTORED_NEW(path=str(args.db), backup=str(args.backup))
    return texts.RESTORED(path=str(args.db), backup=str(args.backup), aside=str(aside))


def _run_check(args: argparse.Namespace) -> Outcome:
    report = file_check.check(args.db, _key_of(args, args.db))
    path = str(args.db)
    if report.ok and report.needs_upgrade:
        summary = texts.CHECK_OK_OLDER(path=path, revision=report.revision, head=report.head)
    elif report.ok:
        summary = texts.CHECK_OK(path=path, revision=report.revision)
    else:
        lines = [texts.CHECK_PROBLEMS(path=path, count=Quantity(len(report.problems)))]
        lines += list(report.problems)
        return Outcome("\n".join(line.render(args.lang) for line in lines), EXIT_REFUSED)
    lines = [summary]
    if report.audit_entries:
        lines.append(texts.CHECK_AUDIT(count=Quantity(report.audit_entries)))
    if sqlcipher.is_plaintext(args.db):
        lines.append(texts.CHECK_PLAIN())
    return Outcome("\n".join(line.render(args.lang) for line in lines), EXIT_OK)


_ENUMS_BY_SECTION: dict[str, type[LabelledEnum]] = {
    "programs.by_kind": ProgramKind,
    "programs.by_maintaining_body": MaintainingBody,
    "programs.by_rating": Rating,
    "patrols.findings_by_category": FindingCategory,
    "patrols.findings_by_action": FindingAction,
}


def format_statistics(figures: Statistics, language: str) -> str:
    """The figures as an indented list with labels and numbers in the user's language."""
    data = figures.as_dict()
    lines = [
        texts.STATS_TITLE(
            unit=figures.unit_name,
            code=figures.unit_code,
            start=format_date(figures.date_from),
            end=format_date(figures.date_to),
        ).render(language)
    ]

    def label(key: str, section: str) -> str:
        if key in texts.STATS_LABELS:
            return texts.STATS_LABELS[key][language == "en"]
        leaf = key.rsplit(".", 1)[-1]
        enum_type = _ENUMS_BY_SECTION.get(section)
        if enum_type is not None and leaf in {member.value for member in enum_type}:
            return enum_type(leaf).label(language)
        return texts.STATS_LABELS.get(leaf, (leaf, leaf))[language == "en"]

    def walk(values: dict[str, Any], prefix: str, depth: int) -> None:
        for key, value in values.items():
            path = f"{prefix}{key}"
            indent = "  " * depth
            if isinstance(value, dict):
                lines.append(f"{indent}{label(path, prefix.rstrip('.'))}:")
                walk(value, f"{path}.", depth + 1)
            else:
                number = format_number(value, language)
                lines.append(f"{indent}{label(path, prefix.rstrip('.'))}: {number}")

    walk({key: data[key] for key in ("programs", "groups", "members", "patrols", "rehab")}, "", 1)
    return "\n".join(lines)


def _run_sync(args: argparse.Namespace) -> Message | str | Outcome:
    from antq_desktop.cli_sync import run_sync  # the sync package loads only for these commands

    return run_sync(args)


def _open_window(args: argparse.Namespace, language: str | None) -> int:
    """The window speaks `language` when one was given, else the one saved in its settings."""
    from antq_desktop.ui.app import run_app

    return run_app(args.db, language)


def _run_selftest(args: argparse.Namespace) -> Outcome:
    from antq_desktop.cli_selftest import run_selftest

    return Outcome("", run_selftest(args.lang, verbose=args.verbose))


def _refusal(error: BaseException, args: argparse.Namespace | None) -> Message | None:
    path = str(getattr(args, "db", "") or "")
    if isinstance(error, StoreError | ServiceError | CommandError):
        return error.message
    if isinstance(error, SqlAlchemyDatabaseError | sqlcipher.DatabaseError):
        detail = str(getattr(error, "orig", error)).splitlines()[0]
        return texts.DB_CORRUPT(path=path, detail=detail)
    if isinstance(error, OSError):
        return texts.FILE_ERROR(path=error.filename or path, detail=error.strerror or str(error))
    return None


def speak_utf8() -> None:
    """Write Vietnamese whatever the output is: on Windows, output sent to a pipe or a file would
    otherwise be encoded in the ANSI code page (cp1252), which has no "ệ" and stops the command
    with an encoding error. (A console window already takes Unicode; it is left alone.)"""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if stream is not None and encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    speak_utf8()
    arguments = list(sys.argv[1:] if argv is None else argv)
    language = detect_language(arguments)
    with argparse_language(language):
        try:
            args = build_parser(language).parse_args(arguments)
        except SystemExit as stop:
            return int(stop.code or 0) if isinstance(stop.code, int) else EXIT_USAGE
    runners: dict[str, Callable[[argparse.Namespace], Message | str | Outcome]] = {
        "init": _run_init,
        "demo": _run_demo,
        "stats": _run_stats,
        "report": _run_report,
        "verify": _run_verify,
        "backup": _run_backup,
        "restore": _run_restore,
        "check": _run_check,
        "sync": _run_sync,
        "selftest": _run_selftest,
    }
    try:
        if args.command is None:
            return _open_window(args, given_language(arguments))
        result = runners[args.command](args)
    except ValidationFailed as invalid:
        print(f"{PROG}: {one_line(invalid.render(language))}", file=sys.stderr)
        return EXIT_REFUSED
    except Exception as error:
        refusal = _refusal(error, args)
        if refusal is None:
            raise
        print(f"{PROG}: {one_line(refusal.render(language))}", file=sys.stderr)
        return EXIT_REFUSED
    if isinstance(result, Outcome):
        if result.text:  # a command that printed as it went may have nothing left to say
            print(result.text)
        return result.exit_code
    print(result.render(language) if isinstance(result, Message) else result)
    return EXIT_OK
