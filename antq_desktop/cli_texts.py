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
HELP_SELFTEST = message(
    "cli.help_selftest",
    "tự kiểm tra chương trình trên máy này (sổ tạm, ghi chép, báo cáo ký số, đồng bộ, cửa sổ); "
    "không đụng đến dữ liệu thật",
    "check that the program works on this PC (a temporary book, records, a signed report, sync, "
    "the window); your own data is not touched",
)
HELP_VERBOSE = message(
    "cli.help_verbose", "in thêm chi tiết khi có lỗi", "print more detail when something fails"
)
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
    "not allowed with argument %s": "không dùng cùng được với tham số %s",
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

# --- sync ----------------------------------------------------------------------------------------

HELP_SYNC = message(
    "cli.help.sync",
    "đồng bộ bằng tệp: xuất và nhập gói đồng bộ, thẻ định danh, nơi gửi/nhận, xung đột",
    "sync by handing over files: export and import bundles, identity cards, peers, conflicts",
)
HELP_SYNC_EXPORT = message(
    "cli.help.sync_export",
    "xuất các thay đổi ra một gói đồng bộ (.antqsync) để chép sang đơn vị khác",
    "export the changes to a sync bundle (.antqsync) to carry to another unit",
)
HELP_SYNC_OUT = message(
    "cli.help.sync_out",
    "tệp gói sẽ ghi (.antqsync); không ghi đè tệp có sẵn",
    "the bundle file to write (.antqsync); an existing file is never overwritten",
)
HELP_SYNC_TO = message(
    "cli.help.sync_to",
    "nơi nhận: mã đơn vị hoặc mã cài đặt của một nơi đã biết; gói được mã hóa cho nơi đó và chỉ "
    "gồm những gì nơi đó chưa xác nhận",
    "recipient: the unit code or site id of a known peer; the bundle is encrypted for it and holds "
    "only what it has not acknowledged",
)
HELP_SYNC_FULL = message(
    "cli.help.sync_full",
    "xuất toàn bộ bản ghi, không chỉ những thay đổi nơi nhận chưa có",
    "export every record, not only the changes the recipient lacks",
)
HELP_SYNC_IMPORT = message(
    "cli.help.sync_import",
    "nhập một hay nhiều gói đồng bộ; mỗi gói được nhập trọn vẹn hoặc không thay đổi gì",
    "import one or more sync bundles; each goes in whole or changes nothing",
)
HELP_SYNC_FILES = message(
    "cli.help.sync_files", "các tệp gói đồng bộ (.antqsync)", "the bundle files (.antqsync)"
)
HELP_SYNC_ACCEPT = message(
    "cli.help.sync_accept",
    "nhận gói từ nơi gửi chưa biết và thêm nơi đó vào danh sách (chỉ sau khi đã gọi điện đối "
    "chiếu dấu vân tay)",
    "accept a bundle from an unknown sender and add it to the peers (only after checking its "
    "fingerprint by phone)",
)
HELP_SYNC_IDENTITY = message(
    "cli.help.sync_identity",
    "thẻ định danh của cài đặt này và của các đơn vị khác",
    "identity cards of this installation and of other units",
)
HELP_SYNC_IDENTITY_EXPORT = message(
    "cli.help.sync_identity_export",
    "ghi thẻ định danh (.antqid) của cài đặt này để gửi cho đơn vị khác",
    "write this installation's identity card (.antqid) to give to another unit",
)
HELP_SYNC_CARD_OUT = message(
    "cli.help.sync_card_out", "tệp thẻ sẽ ghi (.antqid)", "the card file to write (.antqid)"
)
HELP_SYNC_IDENTITY_IMPORT = message(
    "cli.help.sync_identity_import",
    "nhập thẻ định danh của một đơn vị khác để trao đổi gói với đơn vị đó",
    "import another unit's identity card to exchange bundles with it",
)
HELP_SYNC_CARD_FILE = message(
    "cli.help.sync_card_file", "tệp thẻ định danh (.antqid)", "the identity card file (.antqid)"
)
HELP_SYNC_IDENTITY_SHOW = message(
    "cli.help.sync_identity_show",
    "in mã cài đặt, đơn vị và dấu vân tay của cài đặt này",
    "print this installation's site id, unit and fingerprint",
)
HELP_SYNC_PEERS = message(
    "cli.help.sync_peers",
    "liệt kê các nơi gửi/nhận đã biết (hoặc xóa một nơi bằng --remove)",
    "list the known peers (or remove one with --remove)",
)
HELP_SYNC_REMOVE = message(
    "cli.help.sync_remove",
    "xóa nơi gửi/nhận có mã đơn vị hoặc mã cài đặt này",
    "remove the peer with this unit code or site id",
)
HELP_SYNC_CONFLICTS = message(
    "cli.help.sync_conflicts",
    "liệt kê các xung đột đang chờ quyết định (hoặc quyết định một xung đột)",
    "list the conflicts waiting for a decision (or decide one)",
)
HELP_SYNC_KEEP = message(
    "cli.help.sync_keep",
    "quyết định xung đột có mã này: giữ giá trị đang áp dụng",
    "decide the conflict with this id: keep the value applied",
)
HELP_SYNC_TAKE_OTHER = message(
    "cli.help.sync_take_other",
    "quyết định xung đột có mã này: lấy giá trị kia",
    "decide the conflict with this id: take the other value",
)

SYNC_EXPORTED = message(
    "cli.sync.exported",
    "Đã ghi gói đồng bộ {path} ({size}).",
    "Wrote the sync bundle {path} ({size}).",
)
SYNC_RECIPIENT = message(
    "cli.sync.recipient",
    "Nơi nhận: {peer}, dấu vân tay {fingerprint} (gói được mã hóa cho nơi này).",
    "Recipient: {peer}, fingerprint {fingerprint} (the bundle is encrypted for it).",
)
SYNC_NO_RECIPIENT = message(
    "cli.sync.no_recipient",
    "Nơi nhận: không chỉ định (gói không được mã hóa, chỉ được ký).",
    "Recipient: none (the bundle is not encrypted, only signed).",
)
SYNC_FULL = message(
    "cli.sync.full",
    "Loại gói: đầy đủ (không dựa vào những gì nơi nhận đã xác nhận).",
    "Kind: full (not based on what the recipient acknowledged).",
)
SYNC_INCREMENTAL = message(
    "cli.sync.incremental",
    "Loại gói: gia tăng (những thay đổi nơi nhận chưa xác nhận).",
    "Kind: incremental (the changes the recipient has not acknowledged).",
)
SYNC_NO_RECORDS = message(
    "cli.sync.no_records",
    "Gói không có bản ghi nào (không có gì mới kể từ lần trao đổi trước).",
    "The bundle holds no records (nothing new since the last exchange).",
)
SYNC_IMPORT_FILE = message("cli.sync.import_file", "Gói {path}:", "Bundle {path}:")
SYNC_SENDER = message(
    "cli.sync.sender",
    "Nơi gửi: {sender}, dấu vân tay {fingerprint}.",
    "Sender: {sender}, fingerprint {fingerprint}.",
)
SYNC_SENDER_NEW = message(
    "cli.sync.sender_new",
    "Nơi gửi: {sender}, dấu vân tay {fingerprint} (nơi gửi mới, đã thêm vào danh sách).",
    "Sender: {sender}, fingerprint {fingerprint} (a new sender, now added to the peers).",
)
SYNC_REJECTED_HEAD = message(
    "cli.sync.rejected_head",
    "Bản ghi bị từ chối: {count} (lý do của {shown} bản ghi đầu):",
    "Records rejected: {count} (the reasons of the first {shown}):",
)
SYNC_DUPLICATES_HEAD = message(
    "cli.sync.duplicates_head",
    "Người có cùng số CCCD ở nhiều đơn vị: {count} (hãy gộp trong cửa sổ, trang Đồng bộ):",
    "People with one citizen ID in several units: {count} (merge them in the window, Sync page):",
)
SYNC_NEW_CONFLICTS = message(
    "cli.sync.new_conflicts",
    "Có {count} xung đột cần quyết định: xem bằng antq-desktop sync conflicts --db {path}",
    "{count} conflicts need a decision: see antq-desktop sync conflicts --db {path}",
)
SYNC_IMPORT_TALLY = message(
    "cli.sync.import_tally",
    "Đã nhập {imported} trên {total} gói; {refused} gói bị từ chối.",
    "Imported {imported} of {total} bundles; {refused} refused.",
)
SYNC_PROGRESS = message(
    "cli.sync.progress",
    "Đang nhập {path}: {done}/{total} bản ghi",
    "Importing {path}: {done}/{total} records",
)
CARD_OUT_SUFFIX = message(
    "cli.sync.card_out_suffix",
    "Tên tệp thẻ định danh phải kết thúc bằng {suffix} (ví dụ phuong-01{suffix}).",
    "An identity card's file name must end in {suffix} (for example ward-01{suffix}).",
)
CARD_OUT_EXISTS = message(
    "cli.sync.card_out_exists",
    "Tệp {path} đã có; thẻ định danh không ghi đè lên tệp cũ. Hãy chọn tên khác.",
    "{path} already exists; an identity card never overwrites a file. Choose another name.",
)
SYNC_CARD_WRITTEN = message(
    "cli.sync.card_written",
    "Đã ghi thẻ định danh của {unit} vào {path}.",
    "Wrote the identity card of {unit} to {path}.",
)
SYNC_FINGERPRINT = message(
    "cli.sync.fingerprint", "Dấu vân tay: {fingerprint}", "Fingerprint: {fingerprint}"
)
SYNC_CARD_HINT = message(
    "cli.sync.card_hint",
    "Gửi tệp này cho đơn vị kia, rồi đọc dấu vân tay cho họ qua điện thoại để đối chiếu.",
    "Give this file to the other unit, then read the fingerprint to them by phone to compare.",
)
SYNC_PEER_ADDED = message(
    "cli.sync.peer_added",
    "Đã thêm nơi gửi/nhận mới: {peer}, mã cài đặt {site_id}.",
    "Added a new peer: {peer}, site id {site_id}.",
)
SYNC_PEER_KNOWN = message(
    "cli.sync.peer_known",
    "Đã biết {peer}, mã cài đặt {site_id}, với cùng khóa; không có gì thay đổi.",
    "{peer}, site id {site_id}, is already known with the same keys; nothing was changed.",
)
SYNC_PEER_CHECK = message(
    "cli.sync.peer_check",
    "Hãy gọi điện cho {peer} và đối chiếu dấu vân tay trước khi nhận gói của nơi đó.",
    "Phone {peer} and compare the fingerprint before importing its bundles.",
)
SYNC_SITE_ID = message("cli.sync.site_id", "Mã cài đặt: {site_id}", "Site id: {site_id}")
SYNC_UNIT = message("cli.sync.unit", "Đơn vị: {unit}", "Unit: {unit}")
SYNC_PEERS_NONE = message(
    "cli.sync.peers_none",
    "Chưa có nơi gửi/nhận nào. Hãy nhập thẻ định danh của đơn vị kia: "
    "antq-desktop sync identity import --db {path} THẺ.antqid",
    "No peers yet. Import the other unit's identity card: "
    "antq-desktop sync identity import --db {path} CARD.antqid",
)
SYNC_PEERS_HEAD = message(
    "cli.sync.peers_head", "Nơi gửi/nhận đã biết: {count}", "Known peers: {count}"
)
SYNC_PEER_ADDED_AT = message(
    "cli.sync.peer_added_at", "Thêm lúc {at} bởi {user}", "Added {at} by {user}"
)
SYNC_PEER_LAST = message(
    "cli.sync.peer_last",
    "Nhập gần nhất: {imported}; xuất gần nhất: {exported}",
    "Last import: {imported}; last export: {exported}",
)
SYNC_NEVER = message("cli.sync.never", "chưa có", "never")
SYNC_PEER_REMOVED = message(
    "cli.sync.peer_removed",
    "Đã xóa {peer} khỏi danh sách nơi gửi/nhận; gói của nơi đó sẽ bị từ chối cho đến khi nhập "
    "lại thẻ định danh.",
    "Removed {peer} from the peers; its bundles are refused until its identity card is "
    "imported again.",
)
SYNC_NO_SUCH_PEER = message(
    "cli.sync.no_such_peer",
    "Không có nơi gửi/nhận {peer}. Xem danh sách bằng antq-desktop sync peers --db {path}",
    "There is no peer {peer}. List the peers with antq-desktop sync peers --db {path}",
)
SYNC_CONFLICTS_NONE = message(
    "cli.sync.conflicts_none",
    "Không có xung đột nào đang chờ quyết định.",
    "No conflicts are waiting for a decision.",
)
SYNC_CONFLICTS_HEAD = message(
    "cli.sync.conflicts_head",
    "Xung đột đang chờ quyết định: {count}",
    "Conflicts waiting for a decision: {count}",
)
SYNC_CONFLICT_TITLE = message(
    "cli.sync.conflict_title",
    "[{conflict_id}] {kind} «{record}», trường {field}",
    "[{conflict_id}] {kind} “{record}”, field {field}",
)
SYNC_CONFLICT_KEPT = message(
    "cli.sync.conflict_kept",
    "Đang áp dụng: {value} (sửa lúc {at} tại {site})",
    "Applied: {value} (changed {at} at {site})",
)
SYNC_CONFLICT_OTHER = message(
    "cli.sync.conflict_other",
    "Giá trị kia: {value} (sửa lúc {at} tại {site})",
    "Other value: {value} (changed {at} at {site})",
)
SYNC_CONFLICTS_HOW = message(
    "cli.sync.conflicts_how",
    "Để quyết định: antq-desktop sync conflicts --db {path} --keep MÃ (giữ giá trị đang áp "
    "dụng) hoặc --take-other MÃ (lấy giá trị kia); hoặc trong cửa sổ, trang Đồng bộ.",
    "To decide: antq-desktop sync conflicts --db {path} --keep ID (keep the value applied) or "
    "--take-other ID (take the other value); or in the window, Sync page.",
)
SYNC_THIS_SITE = message("cli.sync.this_site", "cài đặt này", "this installation")
SYNC_CONFLICT_KEPT_DONE = message(
    "cli.sync.conflict_kept_done",
    "Đã quyết định: {kind} «{record}», trường {field} giữ giá trị đang áp dụng ({value}).",
    "Decided: {kind} “{record}”, field {field} keeps the value applied ({value}).",
)
SYNC_CONFLICT_OTHER_DONE = message(
    "cli.sync.conflict_other_done",
    "Đã quyết định: {kind} «{record}», trường {field} lấy giá trị kia ({value}).",
    "Decided: {kind} “{record}”, field {field} takes the other value ({value}).",
)
SYNC_CONFLICT_UNKNOWN = message(
    "cli.sync.conflict_unknown",
    "Không có xung đột đang chờ nào có mã {conflict_id}. Xem danh sách bằng "
    "antq-desktop sync conflicts --db {path}",
    "No conflict waiting for a decision has the id {conflict_id}. List them with "
    "antq-desktop sync conflicts --db {path}",
)
SYNC_CONFLICT_AMBIGUOUS = message(
    "cli.sync.conflict_ambiguous",
    "Mã {conflict_id} khớp với nhiều xung đột; hãy gõ thêm ký tự của mã.",
    "The id {conflict_id} matches several conflicts; type more of the id.",
)
SYNC_COLUMNS: dict[str, tuple[str, str]] = {
    "table": ("Bảng", "Table"),
    "records": ("Bản ghi", "Records"),
    "new": ("Mới", "New"),
    "updated": ("Cập nhật", "Updated"),
    "unchanged": ("Không đổi", "Unchanged"),
    "conflicts": ("Xung đột", "Conflicts"),
    "rejected": ("Từ chối", "Rejected"),
    "total": ("Tổng cộng", "Total"),
}
SYNC_TABLE_LABELS: dict[str, tuple[str, str]] = {
    "org_units": ("Đơn vị", "Units"),
    "programs": ("Mô hình", "Programs"),
    "community_groups": ("Tổ/nhóm", "Groups"),
    "people": ("Nhân thân", "People"),
    "memberships": ("Thành viên tổ/nhóm", "Memberships"),
    "patrol_shifts": ("Ca tuần tra", "Patrol shifts"),
    "patrol_participants": ("Người tham gia tuần tra", "Patrol participants"),
    "findings": ("Vụ việc phát hiện", "Findings"),
    "rehab_cases": ("Hồ sơ giúp đỡ (5+1)", "Rehabilitation cases"),
    "rehab_helpers": ("Người giúp đỡ", "Helpers"),
    "follow_ups": ("Lần theo dõi", "Follow-ups"),
    "supports": ("Hỗ trợ", "Supports"),
    "evaluations": ("Đánh giá quý", "Evaluations"),
    "sync_conflicts": ("Xung đột đồng bộ", "Sync conflicts"),
}
SYNC_RECORD_KINDS: dict[str, tuple[str, str]] = {
    "org_units": ("Đơn vị", "Unit"),
    "programs": ("Mô hình", "Program"),
    "community_groups": ("Tổ/nhóm", "Group"),
    "people": ("Nhân thân", "Person"),
    "memberships": ("Thành viên tổ/nhóm", "Membership"),
    "patrol_shifts": ("Ca tuần tra", "Patrol shift"),
    "patrol_participants": ("Người tham gia tuần tra", "Patrol participant"),
    "findings": ("Vụ việc phát hiện", "Finding"),
    "rehab_cases": ("Hồ sơ giúp đỡ (5+1)", "Rehabilitation case"),
    "rehab_helpers": ("Người giúp đỡ", "Helper"),
    "follow_ups": ("Lần theo dõi", "Follow-up"),
    "supports": ("Hỗ trợ", "Support"),
    "evaluations": ("Đánh giá quý", "Evaluation"),
    "sync_conflicts": ("Xung đột đồng bộ", "Sync conflict"),
}
SYNC_PEER_AMBIGUOUS = message(
    "cli.sync.peer_ambiguous",
    "Có {count} nơi gửi/nhận mang mã đơn vị {peer}; hãy dùng mã cài đặt (xem antq-desktop sync "
    "peers --db {path}).",
    "{count} peers have the unit code {peer}; use the site id instead (see antq-desktop sync "
    "peers --db {path}).",
)
