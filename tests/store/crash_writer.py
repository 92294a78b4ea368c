"""A writer for the crash test: records people one transaction at a time, forever.

    python crash_writer.py DB_PATH PASSWORD

After each commit it prints the new person's id and flushes, so the parent knows exactly which
transactions were committed when it kills this process with SIGKILL. Every few records it also
edits and deletes, so updates and tombstones are interrupted too.
"""

from __future__ import annotations

import sys
from pathlib import Path

from antq_desktop.services.accounts import sign_in
from antq_desktop.services.people import PersonInput, create_person, delete_person, update_person
from antq_desktop.services.settings import OWN_UNIT_ID, get_setting


def main() -> None:
    workspace = sign_in(Path(sys.argv[1]), "admin", sys.argv[2], verify=False)
    unit_id = get_setting(workspace, OWN_UNIT_ID)
    number = 0
    while True:
        number += 1
        person = create_person(workspace, PersonInput(unit_id, f"Nguyễn Văn Thử {number:06d}"))
        print(f"created {person.id}", flush=True)
        if number % 5 == 0:
            update_person(workspace, person.id, PersonInput(unit_id, f"Trần Thị Sửa {number:06d}"))
            print(f"renamed {person.id}", flush=True)
        if number % 7 == 0:
            delete_person(workspace, person.id)
            print(f"deleted {person.id}", flush=True)


if __name__ == "__main__":
    main()
