"""The questions issuing and saving a report asks: where the file goes, and the password or PIN.

File names carry no accents (a report travels by USB stick and e-mail, through systems that mangle
them) and say the unit and the period; an issued report's suggested name is one not taken yet,
since an issued report never overwrites a file. The last folder used is remembered.

The texts belong to the page (translation context "ReportsPage").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from antq_desktop.domain.periods import PeriodKind
from antq_desktop.services.report_content import ReportRequest
from antq_desktop.services.report_settings import METHOD_PKCS11, ReportSettings
from antq_desktop.ui.identity_dialog import documents_folder

FOLDER_KEY = "reports/folder"


translate = QCoreApplication.translate


def period_code(request: ReportRequest) -> str:
    """The period in a file name: 2024-03, 2024-Q1, 2024-H1, 2024, 20150101-20231231."""
    period = request.period
    start = period.date_from
    if period.kind is PeriodKind.MONTH:
        return f"{start:%Y-%m}"
    if period.kind is PeriodKind.QUARTER:
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if period.kind is PeriodKind.HALF_YEAR:
        return f"{start.year}-H{1 if start.month == 1 else 2}"
    if period.kind is PeriodKind.YEAR:
        return str(start.year)
    return f"{start:%Y%m%d}-{period.date_to:%Y%m%d}"


def suggested_path(folder: Path, request: ReportRequest, *, draft: bool) -> Path:
    """`BaoCao_<unit>_<period>.pdf` (a draft: `DuThao_…`, which may replace an older draft)."""
    stem = f"{'DuThao_' if draft else ''}BaoCao_{request.unit_code}_{period_code(request)}"
    path = folder / f"{stem}.pdf"
    number = 2
    while not draft and path.exists():
        path = folder / f"{stem}_{number}.pdf"
        number += 1
    return path


def ask_save_path(
    parent: QWidget, title: str, request: ReportRequest, *, draft: bool
) -> Path | None:
    """The file chosen (with .pdf added when left out), or None when the person cancelled."""
    settings = QSettings()
    folder = Path(str(settings.value(FOLDER_KEY, "") or documents_folder()))
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        title,
        str(suggested_path(folder, request, draft=draft)),
        translate("ReportsPage", "Tệp PDF (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(f"{path.name}.pdf")
    settings.setValue(FOLDER_KEY, str(path.parent))
    return path


def ask_secret(parent: QWidget, number: str, values: ReportSettings) -> str | None:
    """The password of the .p12 file or the token's PIN, asked with what issuing will do (the
    question is the last chance to stop); None when the person cancelled."""
    warning = translate(
        "ReportsPage",
        "Báo cáo sẽ được cấp số {number}, ký số và ghi vào sổ đăng ký. Sau khi phát hành "
        "không sửa được nữa; muốn sửa phải phát hành báo cáo mới với số mới.",
    ).format(number=number)
    if values.signing_method == METHOD_PKCS11:
        title = translate("ReportsPage", "Mã PIN của USB token")
        prompt = translate("ReportsPage", "Cắm USB token “{token}” rồi nhập mã PIN:").format(
            token=values.pkcs11_token
        )
    else:
        title = translate("ReportsPage", "Mật khẩu chữ ký số")
        prompt = translate("ReportsPage", "Mật khẩu của tệp chữ ký số {name}:").format(
            name=Path(values.p12_path).name
        )
    secret, accepted = QInputDialog.getText(
        parent, title, f"{warning}\n\n{prompt}", QLineEdit.EchoMode.Password
    )
    return secret if accepted else None
