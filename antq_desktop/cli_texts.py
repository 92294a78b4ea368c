"""Texts of the command line in both languages, and Vietnamese for argparse's own messages."""

from __future__ import annotations

from antq_desktop.domain.messages import message

DESCRIPTION = message(
    "cli.description",
    "ANTQ Desktop — sổ theo dõi phong trào toàn dân bảo vệ an ninh Tổ quốc. "
    "Không có lệnh con: mở cửa sổ chương trình.",
    "ANTQ Desktop — the record book of the all-people movement to protect national security. "
    "Without a command: open the window.",
)
HELP_DB = message(
    "cli.help.db",
    "tệp dữ liệu (mặc định: tệp trong thư mục dữ liệu của người dùng)",
    "database file (default: the file in the user data folder)",
)
HELP_DB_REQUIRED = message("cli.help.db_required", "tệp dữ liệu", "database file")
HELP_LANG = message(
    "cli.help.lang", "ngôn ngữ: vi (mặc định) hoặc en", "language: vi (default) or en"
)
HELP_VERSION = message(
    "cli.help.version", "in số phiên bản rồi thoát", "print the version and exit"
)
HELP_INIT = message(
    "cli.help.init", "tạo tệp dữ liệu mới cho một đơn vị", "create a database for a unit"
)
HELP_UNIT_NAME = message(
    "cli.help.unit_name", 'tên đơn vị, ví dụ "Phường 9"', 'unit name, e.g. "Phường 9"'
)
HELP_CODE = message(
    "cli.help.code", "mã hành chính của đơn vị, ví dụ 27262", "administrative code, e.g. 27262"
)
HELP_LEVEL = message(
    "cli.help.level",
    "cấp đơn vị: ward (phường/xã), district (quận/huyện), province (tỉnh/thành)",
    "unit level: ward, district, province",
)
HELP_PLACE = message(
    "cli.help.place",
    "địa danh ghi ở dòng ngày tháng của văn bản (mặc định: tên đơn vị)",
    "place name for the date line of documents (default: the unit name)",
)
HELP_SUPERIOR = message("cli.help.superior", "tên đơn vị cấp trên", "name of the superior unit")
HELP_SUPERIOR_CODE = message(
    "cli.help.superior_code", "mã đơn vị cấp trên", "code of the superior unit"
)
HELP_SUPERIOR_LEVEL = message(
    "cli.help.superior_level", "cấp của đơn vị cấp trên", "level of the superior unit"
)
HELP_OFFICER = message("cli.help.officer", "họ tên cán bộ phụ trách", "officer's full name")
HELP_TITLE = message("cli.help.title", "chức vụ cán bộ", "officer's title")
HELP_DEMO = message(
    "cli.help.demo", "tạo tệp dữ liệu mẫu để dùng thử", "create a database filled with demo data"
)
HELP_SCENARIO = message("cli.help.scenario", "kịch bản dữ liệu mẫu", "demo scenario")
HELP_SCALE = message(
    "cli.help.scale",
    "thêm một quận lớn gồm N phường (để đo tốc độ)",
    "add a large district of N wards (for benchmarks)",
)
HELP_STATS = message(
    "cli.help.stats", "in các số liệu của báo cáo", "print the figures of the report"
)
HELP_UNIT_CODE = message(
    "cli.help.unit_code", "mã đơn vị (gồm cả các đơn vị trực thuộc)", "unit code (with sub-units)"
)
HELP_FROM = message("cli.help.from", "từ ngày (dd/mm/yyyy hoặc yyyy-mm-dd)", "from date")
HELP_TO = message("cli.help.to", "đến ngày (dd/mm/yyyy hoặc yyyy-mm-dd)", "to date")
HELP_JSON = message("cli.help.json", "in dạng JSON", "print as JSON")
HELP_BACKUP = message(
    "cli.help.backup",
    "sao lưu tệp dữ liệu (an toàn cả khi cửa sổ chương trình đang mở) và xóa các bản cũ",
    "back up the database (safe while the window has it open) and remove old backups",
)
HELP_BACKUP_TO = message(
    "cli.help.backup_to",
    "thư mục sao lưu, ví dụ ổ USB (mặc định: theo cài đặt, hoặc thư mục backups cạnh tệp dữ liệu)",
    "backup folder, e.g. a USB stick (default: the setting, or the folder backups beside the "
    "database)",
)
HELP_RESTORE = message(
    "cli.help.restore",
    "khôi phục tệp dữ liệu từ một bản sao lưu (tệp hiện tại được giữ lại bên cạnh)",
    "restore the database from a backup (the current file is kept beside it)",
)
HELP_RESTORE_FROM = message("cli.help.restore_from", "tệp sao lưu (.antqbak)", "backup file")
HELP_CHECK = message(
    "cli.help.check",
    "kiểm tra toàn bộ tệp dữ liệu (toàn vẹn, khóa ngoại, phiên bản lược đồ)",
    "check the whole database file (integrity, foreign keys, schema version)",
)

CREATED = message(
    "cli.created", "Đã tạo {path} cho {unit} ({code}).", "Created {path} for {unit} ({code})."
)
DEMO_DONE = message(
    "cli.demo_done",
    "Đã tạo dữ liệu mẫu {path}: {units} đơn vị, {programs} mô hình, {groups} tổ/nhóm, "
    "{people} người, {shifts} ca tuần tra, {cases} hồ sơ 5+1; tổng {rows} bản ghi "
    "trong {seconds} giây.",
    "Created the demo database {path}: {units} units, {programs} programs, {groups} groups, "
    "{people} people, {shifts} patrol shifts, {cases} 5+1 cases; {rows} records in all, "
    "in {seconds} s.",
)
BACKUP_DONE = message(
    "cli.backup_done",
    "Đã sao lưu vào {path}; đã xóa {removed} bản sao lưu cũ.",
    "Backed up to {path}; removed {removed} old backups.",
)
RESTORED = message(
    "cli.restored",
    "Đã khôi phục {path} từ {backup}; tệp trước đó được giữ tại {aside}.",
    "Restored {path} from {backup}; the previous file is kept at {aside}.",
)
RESTORED_NEW = message(
    "cli.restored_new",
    "Đã khôi phục {path} từ {backup} (trước đó chưa có tệp này).",
    "Restored {path} from {backup} (there was no such file before).",
)
CHECK_OK = message(
    "cli.check_ok",
    "{path}: tốt (toàn vẹn, khóa ngoại, lược đồ {revision}).",
    "{path}: ok (integrity, foreign keys, schema {revision}).",
)
CHECK_OK_OLDER = message(
    "cli.check_ok_older",
    "{path}: tốt (toàn vẹn, khóa ngoại); lược đồ {revision} sẽ được nâng lên {head} khi mở.",
    "{path}: ok (integrity, foreign keys); schema {revision} is upgraded to {head} when opened.",
)
CHECK_PROBLEMS = message(
    "cli.check_problems",
    "{path}: phát hiện {count} vấn đề:",
    "{path}: problems found: {count}",
)
BAD_DATE = message(
    "cli.bad_date",
    "ngày {value} không hợp lệ; hãy viết dd/mm/yyyy (ví dụ 31/12/2023) hoặc yyyy-mm-dd",
    "the date {value} is not valid; write dd/mm/yyyy (e.g. 31/12/2023) or yyyy-mm-dd",
)
BAD_LEVEL = message(
    "cli.bad_level",
    "cấp đơn vị {value} không hợp lệ; hãy dùng ward, district hoặc province",
    "the unit level {value} is not valid; use ward, district or province",
)
BAD_NUMBER = message(
    "cli.bad_number",
    "{value} không phải số nguyên từ 0 đến {limit}",
    "{value} is not a whole number from 0 to {limit}",
)
ERROR_PREFIX = message("cli.error_prefix", "Lỗi", "Error")
DB_CORRUPT = message(
    "cli.db_corrupt",
    "Tệp dữ liệu {path} bị hỏng hoặc không đọc được ({detail}). Hãy khôi phục từ bản sao lưu.",
    "The database file {path} is damaged or unreadable ({detail}). Restore it from a backup.",
)
FILE_ERROR = message(
    "cli.file_error",
    "Không ghi/đọc được tệp {path}: {detail}. Hãy kiểm tra quyền và dung lượng ổ đĩa.",
    "Cannot read or write the file {path}: {detail}. Check permissions and free disk space.",
)
NO_DISPLAY = message(
    "cli.no_display",
    "Không mở được cửa sổ chương trình ({detail}). Trên máy không có màn hình, hãy dùng các lệnh "
    "con (xem antq-desktop --help).",
    "Cannot open the window ({detail}). On a machine without a display use the commands (see "
    "antq-desktop --help).",
)

STATS_TITLE = message(
    "cli.stats.title",
    "Số liệu của {unit} ({code}) từ {start} đến {end}",
    "Figures for {unit} ({code}) from {start} to {end}",
)
STATS_LABELS: dict[str, tuple[str, str]] = {
    "programs": ("Mô hình", "Models"),
    "programs.total": ("Tổng số mô hình", "Models in all"),
    "programs.police_maintained": ("Do Công an duy trì", "Maintained by the police"),
    "programs.effective": ("Được đánh giá hiệu quả", "Rated effective"),
    "programs.by_kind": ("Theo loại", "By kind"),
    "programs.by_maintaining_body": ("Theo cơ quan duy trì", "By maintaining body"),
    "programs.by_rating": ("Theo đánh giá gần nhất", "By latest rating"),
    "groups": ("Tổ/nhóm tự quản", "Self-managed groups"),
    "members": ("Thành viên", "Members"),
    "patrols": ("Tuần tra", "Patrols"),
    "patrols.shifts": ("Ca tuần tra", "Patrol shifts"),
    "patrols.participant_turns": ("Lượt người tham gia", "Participant-turns"),
    "patrols.findings": ("Vụ việc phát hiện", "Findings"),
    "patrols.reminders": ("Lượt nhắc nhở người dân", "Residents reminded"),
    "patrols.findings_by_category": ("Vụ việc theo loại", "Findings by category"),
    "patrols.findings_by_action": ("Vụ việc theo cách xử lý", "Findings by action"),
    "rehab": ("Giúp đỡ người lầm lỗi (5+1)", 'Rehabilitation ("5+1")'),
    "rehab.people": ("Người được giúp đỡ trong kỳ", "People helped in the period"),
    "rehab.people_cumulative": ("Người được giúp đỡ (lũy kế)", "People helped (cumulative)"),
    "rehab.progressed": ("Tiến bộ", "Progressed"),
    "rehab.reoffended": ("Tái phạm", "Reoffended"),
    "rehab.job_referrals": ("Được giới thiệu việc làm", "Referred to jobs"),
    "rehab.vocational_training": ("Được học nghề", "Vocational training"),
    "rehab.follow_ups": ("Lần theo dõi trong kỳ", "Follow-ups in the period"),
    "rehab.follow_ups_overdue": ("Hồ sơ quá hạn theo dõi", "Cases with overdue follow-up"),
    "unrated": ("Chưa đánh giá", "Not rated"),
}

# argparse's own messages (its msgids) in Vietnamese; English keeps argparse's text.
ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số vị trí",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn %(value)r không hợp lệ (chọn một trong: %(choices)s)"
    ),
    "expected one argument": "cần đúng một giá trị",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn %(option)s không rõ: có thể là %(matches)s"
    ),
}

HELP_USER = message(
    "cli.help.user",
    "tên đăng nhập (mặc định: biến ANTQ_USER, nếu không có thì admin); mật khẩu lấy từ biến "
    "ANTQ_PASSWORD hoặc được hỏi khi chạy trong cửa sổ lệnh",
    "user name (default: the ANTQ_USER variable, else admin); the password comes from the "
    "ANTQ_PASSWORD variable or is asked for in a terminal",
)
PASSWORD_PROMPT = message("cli.password_prompt", "Mật khẩu của {user}:", "Password for {user}:")
NEW_PASSWORD_PROMPT = message(
    "cli.new_password_prompt",
    "Đặt mật khẩu cho tài khoản quản trị {user}:",
    "Choose a password for the administrator {user}:",
)
REPEAT_PASSWORD_PROMPT = message(
    "cli.repeat_password_prompt", "Gõ lại mật khẩu:", "Type the password again:"
)
NO_PASSWORD = message(
    "cli.no_password",
    "Cần mật khẩu của {user}: hãy đặt biến môi trường ANTQ_PASSWORD, hoặc chạy lệnh trong cửa "
    "sổ lệnh để được hỏi.",
    "The password of {user} is needed: set the ANTQ_PASSWORD environment variable, or run the "
    "command in a terminal to be asked for it.",
)
ENCRYPTED_NOW = message(
    "cli.encrypted_now",
    "Tệp {path} chưa được mã hóa: đã mã hóa và tạo tài khoản quản trị {user} (bản sao lưu trong "
    "thư mục sao lưu).",
    "The file {path} was not encrypted: it is now, with the administrator account {user} (a "
    "backup is in the backup folder).",
)
CHECK_PLAIN = message(
    "cli.check_plain",
    "Lưu ý: tệp chưa được mã hóa và chưa có tài khoản; mở bằng chương trình để mã hóa.",
    "Note: the file is not encrypted and has no accounts yet; open it with the program to "
    "encrypt it.",
)
CHECK_AUDIT = message(
    "cli.check_audit",
    "Nhật ký thay đổi: {count} dòng, liền mạch.",
    "Audit trail: {count} entries, unbroken.",
)

# --- report and verify ---------------------------------------------------------------------------

HELP_REPORT = message(
    "cli.help.report",
    "lập báo cáo PDF của một đơn vị cho một kỳ (có --sign: đánh số, ký số và vào sổ; "
    "không có: bản dự thảo)",
    "write a unit's PDF report for a period (with --sign: numbered, signed and registered; "
    "without: a draft)",
)
HELP_OUT_PDF = message("cli.help.out_pdf", "tệp PDF sẽ ghi", "the PDF file to write")
HELP_SIGN_P12 = message(
    "cli.help.sign_p12", "ký bằng tệp chứng thư số .p12/.pfx", "sign with a .p12/.pfx file"
)
HELP_PASSWORD_FILE = message(
    "cli.help.password_file",
    "tệp chứa mật khẩu của chứng thư số hoặc mã PIN (dòng đầu)",
    "file holding the certificate's password or the PIN (first line)",
)
HELP_PKCS11_LIBRARY = message(
    "cli.help.pkcs11_library",
    "ký bằng USB token: đường dẫn thư viện PKCS#11 của nhà cung cấp",
    "sign with a USB token: path of the vendor's PKCS#11 library",
)
HELP_TOKEN = message("cli.help.token", "nhãn của USB token", "the token's label")
HELP_KEY = message("cli.help.key", "nhãn của khóa ký trên token", "the signing key's label")
HELP_PROPOSALS_FILE = message(
    "cli.help.proposals_file",
    "tệp văn bản chứa phần đề xuất, kiến nghị (UTF-8)",
    "text file with the proposals section (UTF-8)",
)
HELP_FULL_IDS = message(
    "cli.help.full_ids",
    "in đầy đủ số định danh trong phụ lục (mặc định chỉ 4 số cuối)",
    "print whole citizen IDs in the appendix (default: the last four digits)",
)
HELP_NO_APPENDIX = message(
    "cli.help.no_appendix", "không kèm các bảng phụ lục", "leave out the appendix tables"
)
HELP_ISSUED_ON = message(
    "cli.help.issued_on",
    "ngày ban hành in trên báo cáo (mặc định: hôm nay)",
    "date of issue printed on the report (default: today)",
)
HELP_VERIFY = message(
    "cli.help.verify",
    "kiểm tra chữ ký số của một báo cáo PDF (mã thoát khác 0 nếu không nguyên vẹn, không hợp lệ)",
    "check the digital signature of a PDF report (non-zero exit unless intact and valid)",
)
HELP_VERIFY_FILE = message("cli.help.verify_file", "tệp PDF cần kiểm tra", "the PDF to check")
HELP_TRUST = message(
    "cli.help.trust",
    "chứng thư gốc tin cậy (.pem/.crt/.cer); có thể lặp lại",
    "trusted root certificate (.pem/.crt/.cer); may be repeated",
)
SIGN_OPTIONS_CONFLICT = message(
    "cli.sign_options_conflict",
    "Chỉ chọn một cách ký: --sign (tệp .p12) hoặc --pkcs11-library (USB token).",
    "Choose one way to sign: --sign (a .p12 file) or --pkcs11-library (a USB token).",
)
PKCS11_OPTIONS_MISSING = message(
    "cli.pkcs11_options_missing",
    "Ký bằng USB token cần cả --token và --key (nhãn của token và của khóa ký).",
    "Signing with a USB token needs both --token and --key (the token's and the key's labels).",
)
PASSWORD_FILE_NEEDED = message(
    "cli.password_file_needed",
    "Hãy cho biết mật khẩu chứng thư (hoặc mã PIN) bằng --password-file TỆP; "
    "khi chạy trong cửa sổ lệnh, chương trình sẽ hỏi.",
    "Give the certificate's password (or the PIN) with --password-file FILE; "
    "in a terminal the program asks for it.",
)
SECRET_PROMPT = message(
    "cli.secret_prompt",
    "Mật khẩu chứng thư số / mã PIN:",
    "Certificate password / PIN:",
)
TEXT_FILE_UNREADABLE = message(
    "cli.text_file_unreadable",
    "Không đọc được tệp {path} ({detail}). Hãy kiểm tra đường dẫn và lưu tệp dạng UTF-8.",
    "Cannot read the file {path} ({detail}). Check the path and save the file as UTF-8.",
)
REPORT_ISSUED = message(
    "cli.report_issued",
    "Đã phát hành báo cáo số {number} ({pages} trang) vào {path}; ký bởi {signer} ({level}). "
    "SHA-256 của tệp: {sha256}",
    "Issued report no. {number} ({pages} pages) to {path}; signed by {signer} ({level}). "
    "SHA-256 of the file: {sha256}",
)
REPORT_DRAFT = message(
    "cli.report_draft",
    "Đã ghi bản dự thảo báo cáo ({pages} trang, chưa đánh số, chưa ký) vào {path}. "
    "Mã dữ liệu: {fingerprint}",
    "Wrote a draft report ({pages} pages, no number, not signed) to {path}. "
    "Data fingerprint: {fingerprint}",
)
VERIFY_FILE = message("cli.verify.file", "Tệp: {path}", "File: {path}")
VERIFY_SIGNER = message("cli.verify.signer", "Người ký: {signer}", "Signer: {signer}")
VERIFY_TIME = message("cli.verify.time", "Thời gian ký: {time}", "Signing time: {time}")
VERIFY_LEVEL = message("cli.verify.level", "Chuẩn chữ ký: {level}", "Signature level: {level}")
VERIFY_INTACT = message("cli.verify.intact", "Nguyên vẹn: {value}", "Intact: {value}")
VERIFY_VALID = message("cli.verify.valid", "Chữ ký hợp lệ: {value}", "Valid: {value}")
VERIFY_TRUSTED = message("cli.verify.trusted", "Tin cậy: {value}", "Trusted: {value}")
VERIFY_WHOLE = message(
    "cli.verify.whole", "Chữ ký bao trùm toàn bộ tệp: {value}", "Covers the whole file: {value}"
)
VERIFY_UPDATES = message(
    "cli.verify.updates",
    "Có sửa đổi sau khi ký: {value}",
    "Updated after signing: {value}",
)
VERIFY_OK = message(
    "cli.verify.ok",
    "Kết luận: báo cáo nguyên vẹn, chữ ký hợp lệ.",
    "Verdict: the report is intact and the signature is valid.",
)
VERIFY_FAILED = message(
    "cli.verify.failed",
    "Kết luận: KHÔNG đạt — không dùng báo cáo này.",
    "Verdict: FAILED — do not rely on this report.",
)
YES = message("cli.yes", "có", "yes")
NO = message("cli.no", "không", "no")
