<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>AccountsPage</name>
    <message>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Thêm tài khoản</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bị khóa đến</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Đổi mật khẩu lần cuối</source>
        <translation>Password last changed</translation>
    </message>
    <message>
        <source>Mỗi người dùng một tài khoản riêng: mọi thay đổi được ghi vào nhật ký kèm tên đăng nhập. Gõ sai mật khẩu {count} lần liền thì tài khoản bị khóa {minutes} phút; quản trị viên có thể mở khóa sớm.</source>
        <translation>Each user has their own account: every change is written to the audit trail with the user name. After {count} wrong passwords in a row the account is locked for {minutes} minutes; an administrator can unlock it sooner.</translation>
    </message>
    <message>
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Đã vô hiệu hóa</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Đã mở khóa tài khoản {user}.</source>
        <translation>Account {user} unlocked.</translation>
    </message>
    <message>
        <source>Đã thêm tài khoản {user}.</source>
        <translation>Account {user} added.</translation>
    </message>
    <message>
        <source>Đã lưu tài khoản {user}.</source>
        <translation>Account {user} saved.</translation>
    </message>
    <message>
        <source>Đã đặt mật khẩu mới cho tài khoản {user}.</source>
        <translation>New password set for account {user}.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Không tạo được thư mục dữ liệu</source>
        <translation>Cannot create the data folder</translation>
    </message>
    <message>
        <source>Không tạo được thư mục {folder} để lưu sổ theo dõi ({detail}). Nếu chương trình chạy từ USB (bản mang theo), hãy kiểm tra USB không bị khóa chống ghi và còn chỗ trống; hoặc mở sổ ở thư mục khác bằng tham số --db.</source>
        <translation>Cannot create the folder {folder} for the record book ({detail}). If the program runs from a USB stick (portable copy), check that the stick is not write-protected and has free space; or open a book in another folder with the --db option.</translation>
    </message>
    <message>
        <source>Không mở được tệp dữ liệu</source>
        <translation>Cannot open the database file</translation>
    </message>
</context>
<context>
    <name>AuditEntryDialog</name>
    <message>
        <source>Chi tiết nhật ký</source>
        <translation>Audit entry details</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Việc</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Loại bản ghi</source>
        <translation>Record kind</translation>
    </message>
    <message>
        <source>Bản ghi</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Mã bản ghi</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <source>Các trường đã thay đổi (cũ → mới):</source>
        <translation>Fields changed (old → new):</translation>
    </message>
    <message>
        <source>Giá trị khi thêm:</source>
        <translation>Values when created:</translation>
    </message>
    <message>
        <source>Thông tin:</source>
        <translation>Details:</translation>
    </message>
    <message>
        <source>(không có chi tiết)</source>
        <translation>(no details)</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Được phép đăng nhập</source>
        <translation>Allowed to sign in</translation>
    </message>
    <message>
        <source>Đổi mật khẩu</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Giá trị</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Người</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Mô hình</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Tổ/nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Thành viên tổ/nhóm</source>
        <translation>Group membership</translation>
    </message>
    <message>
        <source>Đánh giá quý</source>
        <translation>Quarterly evaluation</translation>
    </message>
    <message>
        <source>Ca tuần tra</source>
        <translation>Patrol shift</translation>
    </message>
    <message>
        <source>Người tham gia tuần tra</source>
        <translation>Patrol participant</translation>
    </message>
    <message>
        <source>Vụ việc</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Hồ sơ giúp đỡ</source>
        <translation>Rehabilitation case</translation>
    </message>
    <message>
        <source>Người giúp đỡ</source>
        <translation>Helper</translation>
    </message>
    <message>
        <source>Lần theo dõi</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Hỗ trợ</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Cài đặt</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Tài khoản</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Qua</source>
        <translation>Via</translation>
    </message>
    <message>
        <source>Lúc</source>
        <translation>At</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Mở khóa tài khoản</source>
        <translation>Account unlocked</translation>
    </message>
    <message>
        <source>Lệnh</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Kịch bản</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>Quy mô</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Số dòng</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>không</source>
        <translation>no</translation>
    </message>
    <message>
        <source>cửa sổ chương trình</source>
        <translation>program window</translation>
    </message>
    <message>
        <source>dòng lệnh</source>
        <translation>command line</translation>
    </message>
    <message>
        <source>Nhật ký thay đổi</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Tìm người, mã, nội dung (Ctrl+F)</source>
        <translation>Search by user, ID or content (Ctrl+F)</translation>
    </message>
    <message>
        <source>Nhật ký chưa có dòng nào.</source>
        <translation>The audit trail has no entries yet.</translation>
    </message>
    <message>
        <source>Xem chi tiết (Enter)</source>
        <translation>View details (Enter)</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Người:</source>
        <translation>Who:</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>Who did it</translation>
    </message>
    <message>
        <source>Việc:</source>
        <translation>What:</translation>
    </message>
    <message>
        <source>Việc đã làm</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>Từ:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Từ ngày (dd/mm/yyyy)</source>
        <translation>From date (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>Đến:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Đến ngày (dd/mm/yyyy)</source>
        <translation>To date (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>Không xem được</source>
        <translation>Could not show the entry</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>Sao lưu</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>để trống: thư mục backups cạnh tệp dữ liệu ({path})</source>
        <translation>leave empty: the folder backups beside the database ({path})</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Khôi phục từ bản sao lưu…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>Chương trình tự sao lưu mỗi ngày một lần khi đóng; giữ bản của 14 ngày và 12 tháng gần nhất. Có thể chọn ổ USB.</source>
        <translation>The program backs up once a day when it closes and keeps the last 14 days and 12 months. A USB stick can be chosen.</translation>
    </message>
    <message>
        <source>Thư mục sao lưu</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>Chọn thư mục sao lưu</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source>Bản gần nhất: {time}. Có {count} bản trong {folder}.</source>
        <translation>Newest: {time}. {count} backups in {folder}.</translation>
    </message>
    <message>
        <source>Chưa có bản sao lưu nào trong {folder}.</source>
        <translation>No backup yet in {folder}.</translation>
    </message>
    <message>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Chọn bản sao lưu để khôi phục</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <source>Bản sao lưu ANTQ (*.antqbak)</source>
        <translation>ANTQ backups (*.antqbak)</translation>
    </message>
    <message>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Thay dữ liệu hiện tại bằng bản sao lưu {name}? Những gì ghi sau lúc sao lưu sẽ không còn trong sổ; tệp hiện tại được giữ lại bên cạnh.</source>
        <translation>Replace the current data by the backup {name}? What was recorded after the backup will no longer be in the book; the current file is kept beside it.</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Mở hồ sơ giúp đỡ</source>
        <translation>Open a rehabilitation case</translation>
    </message>
    <message>
        <source>Hồ sơ giúp đỡ: {name}</source>
        <translation>Rehabilitation case: {name}</translation>
    </message>
    <message>
        <source>Người được giúp đỡ</source>
        <translation>Person helped</translation>
    </message>
    <message>
        <source>Đơn vị quản lý</source>
        <translation>Managing unit</translation>
    </message>
    <message>
        <source>(không thuộc mô hình nào)</source>
        <translation>(not part of a model)</translation>
    </message>
    <message>
        <source>Mô hình 5+1</source>
        <translation>5+1 model</translation>
    </message>
    <message>
        <source>Diện giúp đỡ</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Ngày bắt đầu giúp đỡ</source>
        <translation>Date opened</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Trạng thái và kết quả</source>
        <translation>Status and outcome</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Kết quả giúp đỡ</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Ngày kết thúc hồ sơ</source>
        <translation>Date closed</translation>
    </message>
    <message>
        <source>Người giúp đỡ</source>
        <translation>Helpers</translation>
    </message>
    <message>
        <source>Theo dõi</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Hỗ trợ</source>
        <translation>Supports</translation>
    </message>
    <message>
        <source>Người giúp đỡ, lần theo dõi và hỗ trợ được lưu ngay khi ghi trong từng thẻ.</source>
        <translation>Helpers, follow-ups and supports are saved as soon as they are entered in their tab.</translation>
    </message>
</context>
<context>
    <name>CaseSubTable</name>
    <message>
        <source>Thêm…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Sửa…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Thêm {what}</source>
        <translation>Add {what}</translation>
    </message>
    <message>
        <source>Sửa {what}</source>
        <translation>Edit {what}</translation>
    </message>
    <message>
        <source>Xóa {what}? Có thể hoàn tác bằng Ctrl+Z.</source>
        <translation>Delete {what}? Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>Xóa {what}</source>
        <translation>Delete {what}</translation>
    </message>
</context>
<context>
    <name>CertificateText</name>
    <message>
        <source>tự ký</source>
        <translation>self-signed</translation>
    </message>
    <message>
        <source>Chủ thể: {subject}</source>
        <translation>Subject: {subject}</translation>
    </message>
    <message>
        <source>Cấp bởi: {issuer}</source>
        <translation>Issued by: {issuer}</translation>
    </message>
    <message>
        <source>Hiệu lực: từ {start} đến {end}</source>
        <translation>Valid: from {start} to {end}</translation>
    </message>
    <message>
        <source>Dấu vân tay SHA-256:</source>
        <translation>SHA-256 fingerprint:</translation>
    </message>
    <message>
        <source>Mật khẩu chữ ký số</source>
        <translation>Digital signature password</translation>
    </message>
    <message>
        <source>Mật khẩu của tệp {name}:</source>
        <translation>Password of the file {name}:</translation>
    </message>
    <message>
        <source>Xuất chứng thư số</source>
        <translation>Export the certificate</translation>
    </message>
    <message>
        <source>Chứng thư số (*.pem *.crt)</source>
        <translation>Certificates (*.pem *.crt)</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <source>Đã lưu lúc {time}</source>
        <translation>Saved at {time}</translation>
    </message>
    <message>
        <source>Chưa lưu được: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Bản ghi</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Giá trị đang dùng</source>
        <translation>Value in use</translation>
    </message>
    <message>
        <source>Giá trị kia</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Hiện cả xung đột đã giải quyết</source>
        <translation>Show decided conflicts too</translation>
    </message>
    <message>
        <source>Khi cùng một trường được sửa ở hai nơi giữa hai lần trao đổi, giá trị sửa sau được dùng tạm và giá trị kia được giữ lại ở đây để chọn. Không có giá trị nào bị mất.</source>
        <translation>When the same field is edited in two places between two exchanges, the later edit is used for now and the other value is kept here to choose from. No value is lost.</translation>
    </message>
    <message>
        <source>&amp;Giữ giá trị đang dùng</source>
        <translation>&amp;Keep the value in use</translation>
    </message>
    <message>
        <source>&amp;Dùng giá trị kia</source>
        <translation>&amp;Use the other value</translation>
    </message>
    <message>
        <source>Áp dụng</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Tài khoản {user} ({role}) không được sửa dữ liệu nên chỉ xem được xung đột; cán bộ hoặc quản trị viên chọn giá trị.</source>
        <translation>The account {user} ({role}) may not change records, so it can only view conflicts; an officer or an administrator chooses the values.</translation>
    </message>
    <message>
        <source>Không có xung đột nào.</source>
        <translation>There are no conflicts.</translation>
    </message>
    <message>
        <source>Không có xung đột nào cần giải quyết.</source>
        <translation>There are no conflicts to decide.</translation>
    </message>
    <message>
        <source>đã giữ giá trị đang dùng</source>
        <translation>kept the value in use</translation>
    </message>
    <message>
        <source>đã dùng giá trị kia</source>
        <translation>used the other value</translation>
    </message>
    <message>
        <source>cần chọn</source>
        <translation>to decide</translation>
    </message>
    <message>
        <source>máy này</source>
        <translation>this installation</translation>
    </message>
    <message>
        <source>{kind} “{record}” — {field}</source>
        <translation>{kind} “{record}” — {field}</translation>
    </message>
    <message>
        <source>Sửa lúc {at} tại {site}</source>
        <translation>Edited at {at} by {site}</translation>
    </message>
    <message>
        <source>Giá trị hiện có trong sổ: {value}</source>
        <translation>Value now in the book: {value}</translation>
    </message>
    <message>
        <source>(đã được sửa lại sau khi nhập gói)</source>
        <translation>(edited again after the import)</translation>
    </message>
    <message>
        <source>Đã giải quyết lúc {at}, người chọn {user}: {state}.</source>
        <translation>Decided at {at} by {user}: {state}.</translation>
    </message>
</context>
<context>
    <name>CreateWorkspaceDialog</name>
    <message>
        <source>Tạo sổ theo dõi mới</source>
        <translation>Create a new record book</translation>
    </message>
    <message>
        <source>Chưa có sổ theo dõi tại {path}. Hãy nhập thông tin đơn vị của bạn để tạo sổ mới.</source>
        <translation>There is no record book at {path} yet. Enter your unit&apos;s details to create one.</translation>
    </message>
    <message>
        <source>Đơn vị của bạn</source>
        <translation>Your unit</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>ví dụ: Phường 9</source>
        <translation>e.g. Phường 9</translation>
    </message>
    <message>
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>mã hành chính, ví dụ: 27262</source>
        <translation>administrative code, e.g. 27262</translation>
    </message>
    <message>
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Địa danh</source>
        <translation>Place name</translation>
    </message>
    <message>
        <source>ghi ở dòng ngày tháng của báo cáo; để trống: dùng tên đơn vị</source>
        <translation>written in the date line of reports; empty: the unit name</translation>
    </message>
    <message>
        <source>Đơn vị cấp trên (không bắt buộc)</source>
        <translation>Superior unit (optional)</translation>
    </message>
    <message>
        <source>ví dụ: Quận 4</source>
        <translation>e.g. Quận 4</translation>
    </message>
    <message>
        <source>ví dụ: 773</source>
        <translation>e.g. 773</translation>
    </message>
    <message>
        <source>Cán bộ phụ trách</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>ví dụ: Phó Trưởng Công an</source>
        <translation>e.g. Deputy Chief of Police</translation>
    </message>
    <message>
        <source>Tài khoản quản trị (để đăng nhập và mã hóa tệp dữ liệu)</source>
        <translation>Administrator account (to sign in and encrypt the database file)</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>chữ không dấu, ví dụ: admin</source>
        <translation>unaccented letters, e.g. admin</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>ít nhất 8 ký tự</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>Gõ lại mật khẩu</source>
        <translation>Retype password</translation>
    </message>
    <message>
        <source>Tạo sổ</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Đang tính tình hình quý này…</source>
        <translation>Computing this quarter&apos;s situation…</translation>
    </message>
    <message>
        <source>Chưa có ca tuần tra nào trong 12 tháng qua</source>
        <translation>No patrol shift in the last 12 months</translation>
    </message>
    <message>
        <source>Chưa phát hiện vụ việc nào trong 12 tháng qua</source>
        <translation>Nothing found in the last 12 months</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ giúp đỡ nào</source>
        <translation>No rehabilitation case yet</translation>
    </message>
    <message>
        <source>Ca tuần tra theo tháng</source>
        <translation>Patrol shifts by month</translation>
    </message>
    <message>
        <source>Vụ việc phát hiện theo loại</source>
        <translation>Findings by category</translation>
    </message>
    <message>
        <source>Hồ sơ 5+1 theo tình trạng</source>
        <translation>5+1 cases by status</translation>
    </message>
    <message>
        <source>Tất cả hồ sơ, theo tình trạng hiện nay</source>
        <translation>All cases, by their current status</translation>
    </message>
    <message>
        <source>Việc cần làm</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>Nhấp đúp hoặc nhấn Enter để mở hồ sơ.</source>
        <translation>Double-click or press Enter to open the record.</translation>
    </message>
    <message>
        <source>Mô hình</source>
        <translation>Models</translation>
    </message>
    <message>
        <source>Mô hình hiệu quả</source>
        <translation>Effective models</translation>
    </message>
    <message>
        <source>Ca tuần tra</source>
        <translation>Patrol shifts</translation>
    </message>
    <message>
        <source>Lượt người tham gia</source>
        <translation>Participant-turns</translation>
    </message>
    <message>
        <source>Vụ việc phát hiện</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Người được giúp đỡ</source>
        <translation>People being helped</translation>
    </message>
    <message>
        <source>Người tiến bộ</source>
        <translation>People who progressed</translation>
    </message>
    <message>
        <source>Quý {quarter}/{year} so với quý {previous}/{previous_year} — đến ngày {today}</source>
        <translation>Quarter {quarter}/{year} against quarter {previous}/{previous_year} — as of {today}</translation>
    </message>
    <message>
        <source>12 tháng gần nhất: từ {start} đến {end}</source>
        <translation>Last 12 months: from {start} to {end}</translation>
    </message>
    <message>
        <source>T{month}</source>
        <translation>M{month}</translation>
    </message>
    <message>
        <source>Việc cần làm ({count})</source>
        <translation>To do ({count})</translation>
    </message>
    <message>
        <source>Không có việc cần làm</source>
        <translation>Nothing to do</translation>
    </message>
    <message>
        <source>{name}: quá hạn theo dõi {days} ngày (hồ sơ giúp đỡ 5+1)</source>
        <translation>{name}: follow-up overdue by {days} days (5+1 case)</translation>
    </message>
    <message>
        <source>{name}: chưa có ca tuần tra nào</source>
        <translation>{name}: no patrol shift yet</translation>
    </message>
    <message>
        <source>{name}: tháng này chưa có ca tuần tra (ca gần nhất {day})</source>
        <translation>{name}: no patrol shift this month (last one {day})</translation>
    </message>
    <message>
        <source>{name}: chưa đánh giá quý này</source>
        <translation>{name}: not evaluated this quarter</translation>
    </message>
    <message>
        <source>Chưa có số liệu.</source>
        <translation>No figures yet.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Chọn ngày trên lịch</source>
        <translation>Pick a day in the calendar</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <source>Những người có cùng số CCCD nhưng được ghi ở hai đơn vị khác nhau (thường do hai nơi cùng nhập một người). Chọn bản ghi cần giữ rồi gộp: tổ/nhóm, ca tuần tra và hồ sơ 5+1 của bản ghi kia chuyển sang bản ghi được giữ.</source>
        <translation>People with the same citizen ID recorded in two different units (usually because two places entered the same person). Choose the record to keep, then merge: the other record&apos;s groups, patrol shifts and 5+1 files move to the one kept.</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Không có người nào trùng số CCCD giữa các đơn vị.</source>
        <translation>No one shares a citizen ID across units.</translation>
    </message>
    <message>
        <source>Gộp vào người được chọn…</source>
        <translation>Merge into the person chosen…</translation>
    </message>
    <message>
        <source>CCCD {citizen_id} — {count} người</source>
        <translation>Citizen ID {citizen_id} — {count} people</translation>
    </message>
    <message>
        <source>Tài khoản {user} ({role}) không được sửa dữ liệu nên không gộp được.</source>
        <translation>The account {user} ({role}) may not change records, so it cannot merge.</translation>
    </message>
    <message>
        <source>Chọn người cần giữ trong một nhóm.</source>
        <translation>Choose the person to keep in a group.</translation>
    </message>
    <message>
        <source>Gộp người trùng CCCD</source>
        <translation>Merge people with one citizen ID</translation>
    </message>
    <message>
        <source>Giữ {keep} ({unit}) và gộp vào đó: {others}?

Tổ/nhóm, ca tuần tra và hồ sơ 5+1 của người kia chuyển sang người được giữ; các trường còn trống được điền từ người kia; người kia bị xóa khỏi sổ. Việc này không hoàn tác bằng Ctrl+Z.</source>
        <translation>Keep {keep} ({unit}) and merge into it: {others}?

The other person&apos;s groups, patrol shifts and 5+1 files move to the person kept; empty fields are filled from the other person; the other person is deleted from the book. This cannot be undone with Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>EditAccountDialog</name>
    <message>
        <source>Sửa tài khoản {user}</source>
        <translation>Edit account {user}</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Được phép đăng nhập</source>
        <translation>Allowed to sign in</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bỏ chọn “Được phép đăng nhập” để vô hiệu hóa tài khoản: mật khẩu của tài khoản không mở được tệp dữ liệu nữa.</source>
        <translation>Untick “Allowed to sign in” to disable the account: its password will no longer open the database file.</translation>
    </message>
    <message>
        <source>Tài khoản đang bị vô hiệu hóa và không còn mật khẩu. Để cho phép đăng nhập lại, hãy chọn ô trên và đặt mật khẩu mới.</source>
        <translation>The account is disabled and has no password any more. To allow it to sign in again, tick the box above and set a new password.</translation>
    </message>
    <message>
        <source>Mật khẩu mới</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Gõ lại mật khẩu mới</source>
        <translation>Retype new password</translation>
    </message>
</context>
<context>
    <name>EndMembershipDialog</name>
    <message>
        <source>Cho rời tổ: {name}</source>
        <translation>Leaves the group: {name}</translation>
    </message>
    <message>
        <source>Ngày tham gia</source>
        <translation>Date joined</translation>
    </message>
    <message>
        <source>Ngày rời tổ</source>
        <translation>Date left</translation>
    </message>
    <message>
        <source>Cho rời tổ (Ctrl+S)</source>
        <translation>Record departure (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Lỗi không mong đợi ({kind}): {detail}. Hãy báo cho người quản trị.</source>
        <translation>Unexpected error ({kind}): {detail}. Please tell your administrator.</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <source>Đánh giá quý {quarter}/{year}</source>
        <translation>Evaluation of quarter {quarter}/{year}</translation>
    </message>
    <message>
        <source>Mô hình</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Số liệu trong quý</source>
        <translation>Figures for the quarter</translation>
    </message>
    <message>
        <source>— chọn xếp loại —</source>
        <translation>— choose a rating —</translation>
    </message>
    <message>
        <source>Xếp loại</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>ví dụ: duy trì tuần tra đều, phát hiện kịp thời</source>
        <translation>e.g. regular patrols, findings reported in time</translation>
    </message>
    <message>
        <source>Nhận xét</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Người đánh giá</source>
        <translation>Evaluator</translation>
    </message>
</context>
<context>
    <name>EvaluationSheetModel</name>
    <message>
        <source>Chưa đánh giá</source>
        <translation>Not evaluated</translation>
    </message>
    <message>
        <source>Người đánh giá: {name}</source>
        <translation>Evaluated by: {name}</translation>
    </message>
</context>
<context>
    <name>EvaluationsPage</name>
    <message>
        <source>Đánh giá quý</source>
        <translation>Quarterly evaluations</translation>
    </message>
    <message>
        <source>Đánh giá (Enter)</source>
        <translation>Evaluate (Enter)</translation>
    </message>
    <message>
        <source>Xóa đánh giá (Delete)</source>
        <translation>Delete evaluation (Delete)</translation>
    </message>
    <message>
        <source>Quý {number}</source>
        <translation>Quarter {number}</translation>
    </message>
    <message>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Quý {quarter}/{year} chưa bắt đầu nên chưa thể đánh giá.</source>
        <translation>Quarter {quarter}/{year} has not started yet, so it cannot be evaluated.</translation>
    </message>
    <message>
        <source>Đơn vị này không có mô hình nào hoạt động trong quý {quarter}/{year}.</source>
        <translation>This unit had no models running in quarter {quarter}/{year}.</translation>
    </message>
    <message>
        <source>Đã đánh giá {rated}/{total} mô hình</source>
        <translation>{rated} of {total} models evaluated</translation>
    </message>
    <message>
        <source>{name}, quý {quarter}/{year}</source>
        <translation>{name}, quarter {quarter}/{year}</translation>
    </message>
    <message>
        <source>Đánh giá {what}</source>
        <translation>Evaluate {what}</translation>
    </message>
    <message>
        <source>Sửa đánh giá {what}</source>
        <translation>Edit the evaluation of {what}</translation>
    </message>
    <message>
        <source>Xóa đánh giá</source>
        <translation>Delete evaluation</translation>
    </message>
    <message>
        <source>Xóa đánh giá của {what}? Có thể hoàn tác bằng Ctrl+Z.</source>
        <translation>Delete the evaluation of {what}? You can undo with Ctrl+Z.</translation>
    </message>
    <message>
        <source>Xóa đánh giá {what}</source>
        <translation>Delete the evaluation of {what}</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>Gói không mã hóa: ai có tệp cũng đọc được dữ liệu trong gói. Chỉ dùng khi nơi nhận chưa gửi thẻ định danh, và giữ ổ USB cẩn thận.</source>
        <translation>Unencrypted bundle: anyone who has the file can read the data in it. Use it only when the recipient has not sent its identity card yet, and keep the USB stick safe.</translation>
    </message>
    <message>
        <source>Xuất toàn bộ</source>
        <translation>Export everything</translation>
    </message>
    <message>
        <source>Thường chỉ xuất những gì nơi nhận chưa có (theo gói họ đã gửi lại). Chọn “Xuất toàn bộ” khi nơi nhận mới cài lại hoặc mất dữ liệu.</source>
        <translation>Normally only what the recipient does not have yet is exported (as their last bundle acknowledged). Choose “Export everything” when the recipient has just reinstalled or lost data.</translation>
    </message>
    <message>
        <source>Chọn thư mục…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>Xuất gói</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <source>Đã xuất gói</source>
        <translation>Bundle exported</translation>
    </message>
    <message>
        <source>Mở thư mục chứa gói</source>
        <translation>Open the bundle&apos;s folder</translation>
    </message>
    <message>
        <source>Xuất gói đồng bộ</source>
        <translation>Export a sync bundle</translation>
    </message>
    <message>
        <source>&amp;Gửi cho</source>
        <translation>&amp;Send to</translation>
    </message>
    <message>
        <source>&amp;Thư mục</source>
        <translation>&amp;Folder</translation>
    </message>
    <message>
        <source>Tên &amp;tệp</source>
        <translation>File &amp;name</translation>
    </message>
    <message>
        <source>Tài khoản {user} ({role}) không được xuất gói dữ liệu. Hãy nhờ cán bộ hoặc quản trị viên xuất gói.</source>
        <translation>The account {user} ({role}) may not export data bundles. Ask an officer or an administrator to export.</translation>
    </message>
    <message>
        <source>Không chỉ định — gói không mã hóa</source>
        <translation>Nobody in particular — unencrypted bundle</translation>
    </message>
    <message>
        <source>Chưa có nơi nhận nào. Hãy nhập thẻ định danh (.antqid) của đơn vị nhận ở thẻ “Nơi gửi/nhận” để gói được mã hóa cho họ.</source>
        <translation>No recipients yet. Import the receiving unit&apos;s identity card (.antqid) on the “Peers” tab so that bundles are encrypted for them.</translation>
    </message>
    <message>
        <source>Chọn thư mục để lưu gói (ví dụ ổ USB)</source>
        <translation>Choose the folder for the bundle (a USB stick, for example)</translation>
    </message>
    <message>
        <source>Hãy chọn thư mục và đặt tên tệp cho gói.</source>
        <translation>Choose a folder and a file name for the bundle.</translation>
    </message>
    <message>
        <source>cho {peer}, mã hóa</source>
        <translation>for {peer}, encrypted</translation>
    </message>
    <message>
        <source>không chỉ định nơi nhận, không mã hóa</source>
        <translation>for nobody in particular, unencrypted</translation>
    </message>
    <message>
        <source>toàn bộ</source>
        <translation>complete</translation>
    </message>
    <message>
        <source>phần mới</source>
        <translation>incremental</translation>
    </message>
    <message>
        <source>Gói {kind} {recipient}: {records} bản ghi, {size}.
Tệp: {path}</source>
        <translation>Bundle ({kind}) {recipient}: {records} records, {size}.
File: {path}</translation>
    </message>
    <message>
        <source>Không có gì mới cho nơi nhận từ lần trao đổi trước.</source>
        <translation>Nothing new for the recipient since the last exchange.</translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message>
        <source>Quý trước: {value}</source>
        <translation>Last quarter: {value}</translation>
    </message>
    <message>
        <source>Không đổi</source>
        <translation>No change</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Thêm lần theo dõi</source>
        <translation>Add follow-up</translation>
    </message>
    <message>
        <source>Sửa lần theo dõi</source>
        <translation>Edit follow-up</translation>
    </message>
    <message>
        <source>Ngày theo dõi</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>(không ghi)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>Người giúp đỡ thực hiện</source>
        <translation>Done by helper</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Đánh giá</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>Nội dung, ghi chú</source>
        <translation>Content, notes</translation>
    </message>
    <message>
        <source>Hạn theo dõi tiếp</source>
        <translation>Next follow-up due</translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Người giúp đỡ</source>
        <translation>Helper</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Đánh giá</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Hạn theo dõi tiếp</source>
        <translation>Next follow-up due</translation>
    </message>
    <message>
        <source>Chưa có lần theo dõi nào.</source>
        <translation>No follow-up yet.</translation>
    </message>
    <message>
        <source>Đã quá hạn theo dõi tiếp.</source>
        <translation>The next follow-up is overdue.</translation>
    </message>
    <message>
        <source>lần theo dõi ngày {day}</source>
        <translation>follow-up of {day}</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>Thêm tổ/nhóm</source>
        <translation>New group</translation>
    </message>
    <message>
        <source>Sửa tổ/nhóm</source>
        <translation>Edit group</translation>
    </message>
    <message>
        <source>ví dụ: Tổ tự quản chung cư H3 Hoàng Diệu</source>
        <translation>e.g. Tổ tự quản chung cư H3 Hoàng Diệu</translation>
    </message>
    <message>
        <source>Tên tổ/nhóm</source>
        <translation>Group name</translation>
    </message>
    <message>
        <source>Thuộc mô hình</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>ví dụ: Lô H3, đường Hoàng Diệu</source>
        <translation>e.g. Block H3, Hoàng Diệu street</translation>
    </message>
    <message>
        <source>Địa bàn</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ngày thành lập</source>
        <translation>Date formed</translation>
    </message>
    <message>
        <source>Ngày giải thể</source>
        <translation>Date dissolved</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Thành viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Lưu tổ/nhóm trước; sau đó mở lại (Enter trên danh sách) để thêm thành viên.</source>
        <translation>Save the group first; then open it again (Enter in the list) to add members.</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>Tổ/nhóm &amp; thành viên</source>
        <translation>Groups &amp; members</translation>
    </message>
    <message>
        <source>Tìm theo tên tổ/nhóm, gõ có dấu hoặc không dấu (Ctrl+F)</source>
        <translation>Search by group name, with or without accents (Ctrl+F)</translation>
    </message>
    <message>
        <source>Chưa có tổ/nhóm nào. Nhấn “Thêm mới” (Ctrl+N) để ghi tổ/nhóm đầu tiên.</source>
        <translation>No groups yet. Press “New” (Ctrl+N) to record the first one.</translation>
    </message>
    <message>
        <source>Mọi đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>Mọi mô hình</source>
        <translation>All models</translation>
    </message>
    <message>
        <source>Mọi trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Thêm tổ/nhóm {name}</source>
        <translation>Add group {name}</translation>
    </message>
    <message>
        <source>Sửa tổ/nhóm {name}</source>
        <translation>Edit group {name}</translation>
    </message>
</context>
<context>
    <name>HelperDialog</name>
    <message>
        <source>Thêm người giúp đỡ</source>
        <translation>Add helper</translation>
    </message>
    <message>
        <source>Sửa người giúp đỡ</source>
        <translation>Edit helper</translation>
    </message>
    <message>
        <source>Nguồn</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>ví dụ: Hội Phụ nữ phường 9; người nhà: mẹ</source>
        <translation>e.g. Ward 9 Women&apos;s Union; family: mother</translation>
    </message>
    <message>
        <source>Tổ chức / quan hệ</source>
        <translation>Organisation / relation</translation>
    </message>
    <message>
        <source>Số điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Bắt đầu giúp đỡ</source>
        <translation>Helping since</translation>
    </message>
    <message>
        <source>Thôi giúp đỡ</source>
        <translation>Helping until</translation>
    </message>
</context>
<context>
    <name>HelpersTab</name>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Nguồn</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Tổ chức / quan hệ</source>
        <translation>Organisation / relation</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Đang giúp đỡ: {count}/{limit} người từ tổ chức, {family} người nhà.</source>
        <translation>Helping now: {count}/{limit} from organisations, {family} from the family.</translation>
    </message>
    <message>
        <source>người giúp đỡ {name}</source>
        <translation>helper {name}</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Chiều</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Nơi gửi/nhận</source>
        <translation>Peer</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Chưa xuất hay nhập gói nào. Mỗi lần xuất hoặc nhập gói được ghi vào đây.</source>
        <translation>No bundle exported or imported yet. Every export and import is recorded here.</translation>
    </message>
    <message>
        <source>Xuất</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>không chỉ định</source>
        <translation>nobody in particular</translation>
    </message>
    <message>
        <source>Xuất gói {kind} lúc {at}, người thực hiện {user}, cho {peer}.</source>
        <translation>Exported a bundle ({kind}) at {at}, by {user}, for {peer}.</translation>
    </message>
    <message>
        <source>Nhập gói {kind} lúc {at}, người thực hiện {user}, từ {peer}.</source>
        <translation>Imported a bundle ({kind}) at {at}, by {user}, from {peer}.</translation>
    </message>
    <message>
        <source>toàn bộ</source>
        <translation>complete</translation>
    </message>
    <message>
        <source>phần mới</source>
        <translation>incremental</translation>
    </message>
    <message>
        <source>không chỉ định (không mã hóa)</source>
        <translation>nobody in particular (unencrypted)</translation>
    </message>
    <message>
        <source>Tệp: {path}</source>
        <translation>File: {path}</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Tạo chữ ký số cá nhân</source>
        <translation>Create a personal digital signature</translation>
    </message>
    <message>
        <source>Dùng khi đơn vị chưa được cấp chứng thư số. Chương trình tạo khóa bí mật và chứng thư tự ký, cất trong một tệp .p12 có mật khẩu. Sau đó gửi chứng thư (không gửi tệp .p12) cho cấp trên để họ thêm vào danh sách tin cậy.</source>
        <translation>For a unit that has not been issued a certificate yet. The program creates a private key and a self-signed certificate, kept in a password-protected .p12 file. Then send the certificate (not the .p12 file) to the superior unit so that they add it to their trusted list.</translation>
    </message>
    <message>
        <source> năm</source>
        <translation> years</translation>
    </message>
    <message>
        <source>ít nhất {count} ký tự</source>
        <translation>at least {count} characters</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Chương trình không lưu mật khẩu. Quên mật khẩu thì không dùng được tệp này nữa: hãy ghi nhớ và giữ tệp .p12 ở nơi chỉ người ký dùng được.</source>
        <translation>The program does not store the password. If it is forgotten, this file can no longer be used: remember it, and keep the .p12 file where only the signer can use it.</translation>
    </message>
    <message>
        <source>Đang tạo khóa, xin chờ vài giây…</source>
        <translation>Creating the key, please wait a few seconds…</translation>
    </message>
    <message>
        <source>Họ tên người ký</source>
        <translation>Signer&apos;s full name</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Thời hạn</source>
        <translation>Valid for</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Gõ lại mật khẩu</source>
        <translation>Retype password</translation>
    </message>
    <message>
        <source>Lưu vào tệp</source>
        <translation>Save to file</translation>
    </message>
    <message>
        <source>Tạo chữ ký số</source>
        <translation>Create digital signature</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Gửi tệp chứng thư cho cấp trên, rồi đọc dấu vân tay qua điện thoại để họ đối chiếu trước khi thêm vào danh sách tin cậy.</source>
        <translation>Send the certificate file to the superior unit, then read the fingerprint out over the phone so that they can compare it before adding it to their trusted list.</translation>
    </message>
    <message>
        <source>Xuất chứng thư để gửi cấp trên…</source>
        <translation>Export the certificate for the superior unit…</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Lưu chữ ký số vào tệp</source>
        <translation>Save the digital signature to a file</translation>
    </message>
    <message>
        <source>Chữ ký số PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 digital signatures (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Hãy nhập đủ họ tên người ký và tên đơn vị.</source>
        <translation>Enter both the signer&apos;s full name and the unit name.</translation>
    </message>
    <message>
        <source>Mật khẩu phải có ít nhất {count} ký tự.</source>
        <translation>The password must have at least {count} characters.</translation>
    </message>
    <message>
        <source>Hai lần gõ mật khẩu không khớp nhau. Hãy gõ lại.</source>
        <translation>The two passwords do not match. Type them again.</translation>
    </message>
    <message>
        <source>Hãy chọn nơi lưu tệp chữ ký số.</source>
        <translation>Choose where to save the digital signature file.</translation>
    </message>
    <message>
        <source>Tệp {path} đã có; chương trình không ghi đè để khỏi mất chữ ký số cũ. Hãy chọn tên tệp khác.</source>
        <translation>The file {path} already exists; the program does not overwrite it, so that no earlier digital signature is lost. Choose another file name.</translation>
    </message>
    <message>
        <source>Không có thư mục {folder}. Hãy chọn nơi lưu khác.</source>
        <translation>The folder {folder} does not exist. Choose another place to save.</translation>
    </message>
    <message>
        <source>Đã tạo chữ ký số cá nhân, lưu ở {path}.</source>
        <translation>Personal digital signature created and saved in {path}.</translation>
    </message>
    <message>
        <source>Đã xuất chứng thư ra {path}.</source>
        <translation>Certificate exported to {path}.</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>Chọn gói để nhập…</source>
        <translation>Choose bundles to import…</translation>
    </message>
    <message>
        <source>Có thể chọn nhiều tệp {suffix} một lúc, hoặc kéo thả tệp vào trang này. Mỗi gói được kiểm tra (nguyên vẹn, đúng chữ ký, gửi cho đơn vị này) trước khi nhập; gói nhập dở hoặc bị hủy không để lại gì trong sổ.</source>
        <translation>Several {suffix} files can be chosen at once, or dragged and dropped on this page. Each bundle is checked (whole, correctly signed, meant for this unit) before it is imported; a bundle cancelled or failing halfway leaves nothing in the book.</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Dừng nhập: gói đang nhập không để lại gì, các gói sau không được nhập</source>
        <translation>Stop importing: the bundle under way leaves nothing, the bundles after it are not imported</translation>
    </message>
    <message>
        <source>Chưa nhập gói nào trong lần mở này.</source>
        <translation>No bundle imported since the program was opened.</translation>
    </message>
    <message>
        <source>Các gói đã xử lý:</source>
        <translation>Bundles handled:</translation>
    </message>
    <message>
        <source>Tài khoản {user} ({role}) không được nhập gói: nhập gói thêm và sửa dữ liệu trong sổ. Hãy nhờ cán bộ hoặc quản trị viên.</source>
        <translation>The account {user} ({role}) may not import bundles: importing adds and changes records in the book. Ask an officer or an administrator.</translation>
    </message>
    <message>
        <source>Chọn gói đồng bộ để nhập</source>
        <translation>Choose sync bundles to import</translation>
    </message>
    <message>
        <source>Gói đồng bộ ANTQ (*{suffix})</source>
        <translation>ANTQ sync bundles (*{suffix})</translation>
    </message>
    <message>
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Đang kiểm tra {file}…</source>
        <translation>Checking {file}…</translation>
    </message>
    <message>
        <source>Gói đến từ {sender}, một nơi gửi chưa có trong danh sách (dấu vân tay {fingerprint}). Chỉ quản trị viên được nhận nơi gửi mới: hãy nhờ quản trị viên nhập gói này hoặc nhập thẻ định danh của nơi gửi. Chưa có gì thay đổi.</source>
        <translation>The bundle comes from {sender}, a sender not in the list (fingerprint {fingerprint}). Only an administrator may accept a new sender: ask an administrator to import this bundle or the sender&apos;s identity card. Nothing was changed.</translation>
    </message>
    <message>
        <source>Chờ xác nhận nơi gửi mới…</source>
        <translation>Waiting for the new sender to be confirmed…</translation>
    </message>
    <message>
        <source>Đang nhập {file}…</source>
        <translation>Importing {file}…</translation>
    </message>
    <message>
        <source>Đã hủy trước khi nhập; sổ không thay đổi gì.</source>
        <translation>Cancelled before importing; nothing in the book changed.</translation>
    </message>
    <message>
        <source>đã nhập</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>bị từ chối</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>đã hủy</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>không nhận nơi gửi</source>
        <translation>sender not accepted</translation>
    </message>
    <message>
        <source>chưa nhập</source>
        <translation>not imported</translation>
    </message>
    <message>
        <source> ({count} thay đổi)</source>
        <translation> ({count} changes)</translation>
    </message>
</context>
<context>
    <name>ImportResultView</name>
    <message>
        <source>Xem xung đột</source>
        <translation>View conflicts</translation>
    </message>
    <message>
        <source>Xem và gộp người trùng CCCD</source>
        <translation>View and merge people with one citizen ID</translation>
    </message>
    <message>
        <source>Nơi gửi: {sender}. Dấu vân tay: {fingerprint}.</source>
        <translation>Sender: {sender}. Fingerprint: {fingerprint}.</translation>
    </message>
    <message>
        <source>Gói toàn bộ</source>
        <translation>Complete bundle</translation>
    </message>
    <message>
        <source>Gói phần mới</source>
        <translation>Incremental bundle</translation>
    </message>
    <message>
        <source>{kind}, tạo lúc {created}, {records} bản ghi.</source>
        <translation>{kind}, made at {created}, {records} records.</translation>
    </message>
    <message>
        <source>Nơi gửi mới đã được thêm vào danh sách.</source>
        <translation>The new sender was added to the list.</translation>
    </message>
    <message>
        <source>Đã nhập: không có gì mới, mọi bản ghi trong gói đều đã có trong sổ.</source>
        <translation>Imported: nothing new, every record of the bundle was already in the book.</translation>
    </message>
    <message>
        <source>Đã nhập. {counts}.</source>
        <translation>Imported. {counts}.</translation>
    </message>
    <message>
        <source>Không nhập: nơi gửi chưa được nhận. Sổ không thay đổi gì.</source>
        <translation>Not imported: the sender was not accepted. Nothing in the book changed.</translation>
    </message>
    <message>
        <source>Chưa nhập: đã hủy trước khi đến lượt gói này.</source>
        <translation>Not imported: cancelled before this bundle&apos;s turn.</translation>
    </message>
    <message>
        <source>Chưa đủ dữ liệu của {sender}: có gói trước chưa nhập được, có dòng bị từ chối, hoặc sổ này vừa khôi phục từ bản sao lưu. Những gì nhận được đã lưu; hãy nhờ {sender} xuất gói cho đơn vị này với “Xuất toàn bộ”.</source>
        <translation>Not everything of {sender} has arrived: an earlier bundle was not imported, rows were refused, or this book was just restored from a backup. What arrived is saved; ask {sender} to export for this unit with “Export everything”.</translation>
    </message>
    <message>
        <source>{count} trường bị sửa ở cả hai nơi: giá trị mới hơn đang được dùng, giá trị kia được giữ lại để chọn.</source>
        <translation>{count} field(s) edited in both places: the newer value is in use, the other one is kept to choose from.</translation>
    </message>
    <message>
        <source>CCCD {citizen_id}: {names}</source>
        <translation>Citizen ID {citizen_id}: {names}</translation>
    </message>
    <message>
        <source>… và {count} số CCCD khác</source>
        <translation>… and {count} more citizen IDs</translation>
    </message>
    <message>
        <source>Người có cùng số CCCD ở hai đơn vị (cần xem để gộp):
{lines}</source>
        <translation>People with the same citizen ID in two units (to review and merge):
{lines}</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Thêm mới (Ctrl+N)</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sửa (Enter)</source>
        <translation>Edit (Enter)</translation>
    </message>
    <message>
        <source>Xóa (Delete)</source>
        <translation>Delete (Del)</translation>
    </message>
    <message>
        <source>Không có dòng nào khớp với từ khóa và bộ lọc. Hãy thử từ khóa khác.</source>
        <translation>No row matches the search and filters. Try other words.</translation>
    </message>
    <message>
        <source>{count} dòng</source>
        <translation>{count} rows</translation>
    </message>
    <message>
        <source>{count}+ dòng, đang đếm…</source>
        <translation>{count}+ rows, counting…</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Xóa {name}? Có thể hoàn tác bằng Ctrl+Z.</source>
        <translation>Delete {name}? Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>Xóa {name}</source>
        <translation>Delete {name}</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Đã khóa màn hình</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>Màn hình đã khóa sau {minutes} phút không dùng. Nhập mật khẩu của {user} để làm tiếp, hoặc thoát chương trình.</source>
        <translation>The screen was locked after {minutes} minutes without use. Enter the password of {user} to continue, or quit the program.</translation>
    </message>
    <message>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Nhật ký thay đổi</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Tệp dữ liệu: {path}</source>
        <translation>Database file: {path}</translation>
    </message>
    <message>
        <source>Chưa có thay đổi nào trong lần mở này</source>
        <translation>No changes since the book was opened</translation>
    </message>
    <message>
        <source>Đăng nhập: {user} ({role})</source>
        <translation>Signed in: {user} ({role})</translation>
    </message>
    <message>
        <source>Đang tính…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Đang kiểm tra tệp dữ liệu…</source>
        <translation>Checking the database file…</translation>
    </message>
    <message>
        <source>Đã kiểm tra: tệp dữ liệu nguyên vẹn</source>
        <translation>Checked: the database file is sound</translation>
    </message>
    <message>
        <source>{reason}

Có bản sao lưu lúc {time}; chỉ quản trị viên được khôi phục. Chương trình sẽ đóng: hãy báo quản trị viên.</source>
        <translation>{reason}

There is a backup from {time}; only an administrator may restore it. The program will close: please tell your administrator.</translation>
    </message>
    <message>
        <source>{reason}

Có bản sao lưu lúc {time}. Khôi phục bản này? Tệp hỏng được giữ lại bên cạnh; những gì ghi sau lúc sao lưu sẽ không có trong bản khôi phục.</source>
        <translation>{reason}

There is a backup from {time}. Restore it? The damaged file is kept beside it; what was recorded after the backup will not be in the restored file.</translation>
    </message>
    <message>
        <source>Tệp dữ liệu bị hỏng</source>
        <translation>The database file is damaged</translation>
    </message>
    <message>
        <source>Đóng chương trình</source>
        <translation>Close the program</translation>
    </message>
    <message>
        <source>Khôi phục bản sao lưu</source>
        <translation>Restore the backup</translation>
    </message>
    <message>
        <source>Đã khôi phục</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>Đã khôi phục bản sao lưu. Tệp hỏng được giữ tại {path}.</source>
        <translation>The backup was restored. The damaged file is kept at {path}.</translation>
    </message>
    <message>
        <source>{reason}

Chương trình sẽ đóng để không ghi thêm vào tệp hỏng. Hãy chép tệp sang nơi khác để giữ lại và dùng bản sao lưu gần nhất.</source>
        <translation>{reason}

The program will close so that nothing more is written to the damaged file. Copy the file somewhere safe and use the most recent backup.</translation>
    </message>
    <message>
        <source>Mô hình</source>
        <translation>Models</translation>
    </message>
    <message>
        <source>{count} dòng</source>
        <translation>{count} rows</translation>
    </message>
    <message>
        <source>Tổ/nhóm &amp; thành viên</source>
        <translation>Groups &amp; members</translation>
    </message>
    <message>
        <source>Ca tuần tra</source>
        <translation>Patrol shifts</translation>
    </message>
    <message>
        <source>Giúp đỡ người lầm lỗi 5+1</source>
        <translation>&quot;5+1&quot; rehabilitation</translation>
    </message>
    <message>
        <source>Tài khoản {user} ({role}) không được xem hồ sơ giúp đỡ người lầm lỗi. Hãy nhờ quản trị viên nếu công việc của bạn cần xem.</source>
        <translation>The account {user} ({role}) may not view the rehabilitation cases of offenders. Ask an administrator if your work requires it.</translation>
    </message>
    <message>
        <source>Đánh giá quý</source>
        <translation>Quarterly evaluation</translation>
    </message>
    <message>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Đã tính lúc {time}</source>
        <translation>Computed at {time}</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <source>Thêm người đã có</source>
        <translation>Add existing person</translation>
    </message>
    <message>
        <source>Thêm người mới</source>
        <translation>Add new person</translation>
    </message>
    <message>
        <source>Cho rời tổ</source>
        <translation>Record departure</translation>
    </message>
    <message>
        <source>Xóa khỏi danh sách</source>
        <translation>Remove from list</translation>
    </message>
    <message>
        <source>Chỉ dùng khi ghi nhầm. Người rời tổ thì dùng “Cho rời tổ” để giữ lịch sử.</source>
        <translation>Only for a membership recorded by mistake. For someone who left, use “Record departure” to keep the history.</translation>
    </message>
    <message>
        <source>{active} người đang là thành viên, {ended} người đã rời tổ.</source>
        <translation>{active} current member(s), {ended} who left.</translation>
    </message>
    <message>
        <source>Thêm {name} vào {group}</source>
        <translation>Add {name} to {group}</translation>
    </message>
    <message>
        <source>Thêm người mới {name} vào {group}</source>
        <translation>Add new person {name} to {group}</translation>
    </message>
    <message>
        <source>{name} rời {group}</source>
        <translation>{name} leaves {group}</translation>
    </message>
    <message>
        <source>Xóa {name} khỏi danh sách thành viên của {group}?

Chỉ dùng khi đã ghi nhầm: người rời tổ thì dùng “Cho rời tổ” để giữ lịch sử. Có thể hoàn tác bằng Ctrl+Z.</source>
        <translation>Remove {name} from the members of {group}?

Only for a membership recorded by mistake: for someone who left, use “Record departure” to keep the history. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>Xóa {name} khỏi {group}</source>
        <translation>Remove {name} from {group}</translation>
    </message>
</context>
<context>
    <name>MembersTableModel</name>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Ngày tham gia</source>
        <translation>Date joined</translation>
    </message>
    <message>
        <source>Ngày rời tổ</source>
        <translation>Date left</translation>
    </message>
    <message>
        <source>Số điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Đã rời tổ ngày {day}</source>
        <translation>Left the group on {day}</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>Thêm tài khoản</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>ví dụ: nguyenvana</source>
        <translation>e.g. nguyenvana</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>ví dụ: Nguyễn Văn An</source>
        <translation>e.g. Nguyễn Văn An</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Gõ lại mật khẩu</source>
        <translation>Retype password</translation>
    </message>
    <message>
        <source>Mật khẩu cần ít nhất {count} ký tự. Hãy báo mật khẩu cho người dùng trực tiếp; họ có thể tự đổi sau khi đăng nhập.</source>
        <translation>The password needs at least {count} characters. Give it to the user in person; they can change it themselves after signing in.</translation>
    </message>
</context>
<context>
    <name>NewMemberDialog</name>
    <message>
        <source>Thêm người mới vào {group}</source>
        <translation>Add a new person to {group}</translation>
    </message>
    <message>
        <source>ví dụ: Nguyễn Văn Đức</source>
        <translation>e.g. Nguyễn Văn Đức</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>(không ghi)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation>Citizen ID</translation>
    </message>
    <message>
        <source>Số điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Tham gia tổ</source>
        <translation>Joining the group</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Ngày tham gia</source>
        <translation>Date joined</translation>
    </message>
    <message>
        <source>Thêm vào tổ (Ctrl+S)</source>
        <translation>Add to group (Ctrl+S)</translation>
    </message>
    <message>
        <source>{name}, sinh {birth}, {address}</source>
        <translation>{name}, born {birth}, {address}</translation>
    </message>
    <message>
        <source>Số CCCD đã có</source>
        <translation>Citizen ID already recorded</translation>
    </message>
    <message>
        <source>Số CCCD {number} đã được ghi cho:
{people}

Dùng người đã có thay vì tạo thêm một hồ sơ trùng?</source>
        <translation>Citizen ID {number} is already recorded for:
{people}

Use the person already recorded instead of creating a duplicate?</translation>
    </message>
    <message>
        <source>Dùng {name}</source>
        <translation>Use {name}</translation>
    </message>
    <message>
        <source>Vẫn tạo người mới</source>
        <translation>Create a new person anyway</translation>
    </message>
    <message>
        <source>Quay lại sửa</source>
        <translation>Go back and edit</translation>
    </message>
</context>
<context>
    <name>OverdueDelegate</name>
    <message>
        <source>Quá hạn theo dõi {days} ngày (hạn {day})</source>
        <translation>Follow-up overdue by {days} days (due {day})</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Quý này</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>Năm nay</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Từ {year}</source>
        <translation>Since {year}</translation>
    </message>
    <message>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>đến ngày:</source>
        <translation>to:</translation>
    </message>
    <message>
        <source>Đang đọc danh sách đơn vị…</source>
        <translation>Reading the list of units…</translation>
    </message>
    <message>
        <source>Mô hình theo loại</source>
        <translation>Models by kind</translation>
    </message>
    <message>
        <source>Số liệu theo kỳ báo cáo</source>
        <translation>Figures for a reporting period</translation>
    </message>
    <message>
        <source>Mô hình</source>
        <translation>Models</translation>
    </message>
    <message>
        <source>Tổng số mô hình</source>
        <translation>Models in total</translation>
    </message>
    <message>
        <source>Do Công an duy trì</source>
        <translation>Maintained by the police</translation>
    </message>
    <message>
        <source>Được đánh giá hiệu quả</source>
        <translation>Rated effective</translation>
    </message>
    <message>
        <source>Tổ tự quản</source>
        <translation>Self-managed groups</translation>
    </message>
    <message>
        <source>Tổ, nhóm, câu lạc bộ</source>
        <translation>Groups, teams, clubs</translation>
    </message>
    <message>
        <source>Thành viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Tuần tra</source>
        <translation>Patrols</translation>
    </message>
    <message>
        <source>Ca tuần tra</source>
        <translation>Patrol shifts</translation>
    </message>
    <message>
        <source>Lượt người tham gia</source>
        <translation>Participant-turns</translation>
    </message>
    <message>
        <source>Vụ việc phát hiện</source>
        <translation>Incidents found</translation>
    </message>
    <message>
        <source>Lượt nhắc nhở người dân</source>
        <translation>Residents reminded</translation>
    </message>
    <message>
        <source>Giúp đỡ 5+1</source>
        <translation>&quot;5+1&quot; help</translation>
    </message>
    <message>
        <source>Người được giúp đỡ trong kỳ</source>
        <translation>People helped in the period</translation>
    </message>
    <message>
        <source>Lũy kế đến cuối kỳ</source>
        <translation>Cumulative to the period&apos;s end</translation>
    </message>
    <message>
        <source>Tiến bộ</source>
        <translation>Progressed</translation>
    </message>
    <message>
        <source>Tái phạm</source>
        <translation>Reoffended</translation>
    </message>
    <message>
        <source>Giới thiệu việc làm</source>
        <translation>Job referrals</translation>
    </message>
    <message>
        <source>Học nghề</source>
        <translation>Vocational training</translation>
    </message>
    <message>
        <source>Lần theo dõi</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Hồ sơ quá hạn theo dõi</source>
        <translation>Cases overdue for follow-up</translation>
    </message>
    <message>
        <source>Sổ theo dõi này chưa có đơn vị nào.</source>
        <translation>This record book has no unit yet.</translation>
    </message>
    <message>
        <source>Không tính được tình hình quý này: {reason}</source>
        <translation>Could not compute this quarter&apos;s situation: {reason}</translation>
    </message>
    <message>
        <source>{unit} và các đơn vị trực thuộc: số liệu từ {start} đến {end}</source>
        <translation>{unit} and the units below it: figures from {start} to {end}</translation>
    </message>
    <message>
        <source>{unit}: số liệu từ {start} đến {end}</source>
        <translation>{unit}: figures from {start} to {end}</translation>
    </message>
    <message>
        <source>Chưa có số liệu.</source>
        <translation>No figures yet.</translation>
    </message>
    <message>
        <source>{field}: “{text}” không phải là một ngày. Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 31/12/2024.</source>
        <translation>{field}: “{text}” is not a date. Type the date as dd/mm/yyyy, e.g. 31/12/2024.</translation>
    </message>
    <message>
        <source>Không tính được số liệu</source>
        <translation>The figures could not be computed</translation>
    </message>
</context>
<context>
    <name>PasswordChangeDialog</name>
    <message>
        <source>Đổi mật khẩu của {user}</source>
        <translation>Change the password of {user}</translation>
    </message>
    <message>
        <source>ít nhất 8 ký tự</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>Mật khẩu hiện tại</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Mật khẩu mới</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Gõ lại mật khẩu mới</source>
        <translation>Retype new password</translation>
    </message>
    <message>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Đặt lại mật khẩu cho {user}</source>
        <translation>Reset the password of {user}</translation>
    </message>
    <message>
        <source>Mật khẩu mới</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Gõ lại mật khẩu mới</source>
        <translation>Retype new password</translation>
    </message>
    <message>
        <source>Mật khẩu cũ không dùng được nữa; tài khoản được mở khóa nếu đang bị khóa.</source>
        <translation>The old password will no longer work; the account is unlocked if it was locked.</translation>
    </message>
</context>
<context>
    <name>PatrolsPage</name>
    <message>
        <source>Ca tuần tra</source>
        <translation>Patrol shifts</translation>
    </message>
    <message>
        <source>Tìm theo tên tổ hoặc địa bàn, gõ có dấu hoặc không dấu (Ctrl+F)</source>
        <translation>Search by group name or area, with or without diacritics (Ctrl+F)</translation>
    </message>
    <message>
        <source>Chưa có ca tuần tra nào. Nhấn “Thêm mới” (Ctrl+N) để ghi ca đầu tiên.</source>
        <translation>No patrol shifts yet. Press “New” (Ctrl+N) to record the first one.</translation>
    </message>
    <message>
        <source>Mọi đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>Mọi tổ/nhóm</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>Từ</source>
        <translation>From</translation>
    </message>
    <message>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Ghi ca tuần tra {shift}</source>
        <translation>Record patrol shift {shift}</translation>
    </message>
    <message>
        <source>Sửa ca tuần tra {shift}</source>
        <translation>Edit patrol shift {shift}</translation>
    </message>
    <message>
        <source>ca tuần tra {shift}</source>
        <translation>patrol shift {shift}</translation>
    </message>
    <message>
        <source>Xóa ca tuần tra</source>
        <translation>Delete patrol shift</translation>
    </message>
    <message>
        <source>Xóa {name}? Có thể hoàn tác bằng Ctrl+Z.</source>
        <translation>Delete {name}? You can undo this with Ctrl+Z.</translation>
    </message>
    <message>
        <source>Xóa {name}</source>
        <translation>Delete {name}</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Thu phóng:</source>
        <translation>Zoom:</translation>
    </message>
    <message>
        <source>Trang {number}</source>
        <translation>Page {number}</translation>
    </message>
    <message>
        <source>Trang {first}/{count}</source>
        <translation>Page {first} of {count}</translation>
    </message>
</context>
<context>
    <name>PeersPanel</name>
    <message>
        <source>Thẻ định danh của đơn vị này</source>
        <translation>This unit&apos;s identity card</translation>
    </message>
    <message>
        <source>Gửi thẻ định danh cho đơn vị cấp trên hoặc cấp dưới (qua USB hoặc thư điện tử). Khi họ nhập thẻ, hãy đọc dấu vân tay này cho họ qua điện thoại để đối chiếu.</source>
        <translation>Send the identity card to the superior or subordinate unit (by USB stick or e-mail). When they import it, read them this fingerprint over the phone to compare.</translation>
    </message>
    <message>
        <source>Xuất thẻ định danh của đơn vị này…</source>
        <translation>Export this unit&apos;s identity card…</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Dấu vân tay</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Mã cài đặt</source>
        <translation>Installation ID</translation>
    </message>
    <message>
        <source>Thêm lúc</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Người thêm</source>
        <translation>Added by</translation>
    </message>
    <message>
        <source>Nhập gói gần nhất</source>
        <translation>Last import</translation>
    </message>
    <message>
        <source>Xuất gói gần nhất</source>
        <translation>Last export</translation>
    </message>
    <message>
        <source>Chưa có nơi gửi/nhận nào. Nhập thẻ định danh (.antqid) của đơn vị cấp trên hoặc cấp dưới, hoặc nhận nơi gửi mới khi nhập gói đầu tiên của họ.</source>
        <translation>No peers yet. Import the identity card (.antqid) of the superior or a subordinate unit, or accept a new sender when importing its first bundle.</translation>
    </message>
    <message>
        <source>Nhập thẻ định danh…</source>
        <translation>Import an identity card…</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Tài khoản {user} ({role}) không được thay đổi cài đặt nên không thêm hay xóa nơi gửi/nhận được.</source>
        <translation>The account {user} ({role}) may not change the settings, so it cannot add or remove peers.</translation>
    </message>
    <message>
        <source>Các đơn vị được tin cậy:</source>
        <translation>Trusted units:</translation>
    </message>
    <message>
        <source>chưa</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>Lưu thẻ định danh của đơn vị này</source>
        <translation>Save this unit&apos;s identity card</translation>
    </message>
    <message>
        <source>Thẻ định danh ANTQ (*{suffix})</source>
        <translation>ANTQ identity cards (*{suffix})</translation>
    </message>
    <message>
        <source>Đã lưu thẻ định danh của {unit} vào {path}. Dấu vân tay: {fingerprint}.</source>
        <translation>The identity card of {unit} was saved to {path}. Fingerprint: {fingerprint}.</translation>
    </message>
    <message>
        <source>Chọn thẻ định danh của đơn vị khác</source>
        <translation>Choose another unit&apos;s identity card</translation>
    </message>
    <message>
        <source>Đã thêm {unit} vào danh sách nơi gửi/nhận.</source>
        <translation>{unit} was added to the peers.</translation>
    </message>
    <message>
        <source>{unit} đã có trong danh sách với đúng dấu vân tay này.</source>
        <translation>{unit} is already in the list with this very fingerprint.</translation>
    </message>
    <message>
        <source>Xóa nơi gửi/nhận</source>
        <translation>Remove peer</translation>
    </message>
    <message>
        <source>Xóa {unit} khỏi danh sách? Sau đó gói của đơn vị này bị coi là từ nơi gửi chưa biết, và không xuất được gói mã hóa cho họ cho đến khi nhập lại thẻ định danh. Dữ liệu đã nhập vẫn giữ nguyên.</source>
        <translation>Remove {unit} from the list? Its bundles will then come from an unknown sender, and no encrypted bundle can be exported for it until its identity card is imported again. The records already imported stay as they are.</translation>
    </message>
    <message>
        <source>Đã xóa {unit} khỏi danh sách nơi gửi/nhận.</source>
        <translation>{unit} was removed from the peers.</translation>
    </message>
</context>
<context>
    <name>PersonChooser</name>
    <message>
        <source>Gõ họ tên (có dấu hoặc không dấu), số CCCD hoặc số điện thoại để tìm</source>
        <translation>Type a name (with or without diacritics), a citizen ID or a phone number to search</translation>
    </message>
    <message>
        <source>Người chưa có trong sổ: ghi người mới</source>
        <translation>Not in the record book yet: enter a new person</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation>Citizen ID</translation>
    </message>
    <message>
        <source>Chọn người này</source>
        <translation>Choose this person</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>(không ghi)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Số điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>CCCD {number}</source>
        <translation>ID {number}</translation>
    </message>
    <message>
        <source>sinh {day}</source>
        <translation>born {day}</translation>
    </message>
    <message>
        <source>Đã chọn: {person}</source>
        <translation>Chosen: {person}</translation>
    </message>
    <message>
        <source>Số CCCD này đã có trong sổ: {person}.</source>
        <translation>This citizen ID is already recorded: {person}.</translation>
    </message>
</context>
<context>
    <name>PersonPickerDialog</name>
    <message>
        <source>Thêm người đã có vào {group}</source>
        <translation>Add an existing person to {group}</translation>
    </message>
    <message>
        <source>Gõ họ tên (có dấu hoặc không dấu), số CCCD hoặc số điện thoại</source>
        <translation>Type a full name (with or without accents), a citizen ID or a phone number</translation>
    </message>
    <message>
        <source>Người</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Ngày tham gia</source>
        <translation>Date joined</translation>
    </message>
    <message>
        <source>Thêm vào tổ (Ctrl+S)</source>
        <translation>Add to group (Ctrl+S)</translation>
    </message>
    <message>
        <source>Không tìm thấy ai. Nếu người này chưa được ghi, dùng “Thêm người mới”.</source>
        <translation>Nobody found. If this person is not recorded yet, use “Add new person”.</translation>
    </message>
    <message>
        <source>Tìm thấy {count} người. Chọn một dòng (phím ↓ để xuống bảng).</source>
        <translation>{count} found. Pick a row (↓ moves into the list).</translation>
    </message>
</context>
<context>
    <name>ProgramDialog</name>
    <message>
        <source>Thêm mô hình</source>
        <translation>New model</translation>
    </message>
    <message>
        <source>Sửa mô hình</source>
        <translation>Edit model</translation>
    </message>
    <message>
        <source>ví dụ: Tổ tự quản chung cư H3 Hoàng Diệu</source>
        <translation>e.g. Self-managed group of H3 Hoàng Diệu apartments</translation>
    </message>
    <message>
        <source>Tên mô hình</source>
        <translation>Model name</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Loại mô hình</source>
        <translation>Kind of model</translation>
    </message>
    <message>
        <source>Cơ quan duy trì</source>
        <translation>Maintained by</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ngày bắt đầu</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Ngày công nhận</source>
        <translation>Date recognised</translation>
    </message>
    <message>
        <source>Ngày kết thúc</source>
        <translation>End date</translation>
    </message>
    <message>
        <source> nghìn đồng</source>
        <translation> thousand VND</translation>
    </message>
    <message>
        <source>Kinh phí hằng năm</source>
        <translation>Annual budget</translation>
    </message>
    <message>
        <source>Mô tả</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>ProgramsByKindModel</name>
    <message>
        <source>Loại mô hình</source>
        <translation>Kind of model</translation>
    </message>
    <message>
        <source>Số mô hình</source>
        <translation>Models</translation>
    </message>
</context>
<context>
    <name>ProgramsPage</name>
    <message>
        <source>Mô hình</source>
        <translation>Models</translation>
    </message>
    <message>
        <source>Tìm theo tên mô hình, gõ có dấu hoặc không dấu (Ctrl+F)</source>
        <translation>Search by model name, with or without diacritics (Ctrl+F)</translation>
    </message>
    <message>
        <source>Chưa có mô hình nào. Nhấn “Thêm mới” (Ctrl+N) để ghi mô hình đầu tiên.</source>
        <translation>No models yet. Press “New” (Ctrl+N) to record the first one.</translation>
    </message>
    <message>
        <source>Mọi đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>Mọi loại mô hình</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Mọi trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Thêm mô hình {name}</source>
        <translation>Add model {name}</translation>
    </message>
    <message>
        <source>Sửa mô hình {name}</source>
        <translation>Edit model {name}</translation>
    </message>
</context>
<context>
    <name>ProtectDialog</name>
    <message>
        <source>Bảo vệ sổ theo dõi</source>
        <translation>Protect the record book</translation>
    </message>
    <message>
        <source>Sổ theo dõi {name} chưa có tài khoản và chưa được mã hóa: ai chép được tệp là đọc được số CCCD và hồ sơ giúp đỡ. Hãy tạo tài khoản quản trị; tệp sẽ được mã hóa (một bản sao lưu đã mã hóa được lưu trước).</source>
        <translation>The record book {name} has no accounts and is not encrypted: anyone who copies the file can read the citizen ID numbers and the rehabilitation cases. Create an administrator account; the file will be encrypted (an encrypted backup is saved first).</translation>
    </message>
    <message>
        <source>Tạo tài khoản và mã hóa</source>
        <translation>Create account and encrypt</translation>
    </message>
    <message>
        <source>ít nhất 8 ký tự</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Gõ lại mật khẩu</source>
        <translation>Retype password</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Thay đổi chưa lưu</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Bạn có thay đổi chưa lưu. Bỏ các thay đổi này?</source>
        <translation>You have unsaved changes. Discard them?</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Không khôi phục được</source>
        <translation>Could not restore</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>{subject}
SHA-256: {sha}</source>
        <translation>{subject}
SHA-256: {sha}</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Ngày ký</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>RegisterPanel</name>
    <message>
        <source>Chưa phát hành báo cáo nào. Báo cáo đã ký số và phát hành ở thẻ “Lập báo cáo” được ghi vào sổ này với số, ngày ký và mã SHA-256 của tệp.</source>
        <translation>No report issued yet. Reports signed digitally and issued in the “Prepare report” tab are recorded in this register with their number, signing date and the SHA-256 of the file.</translation>
    </message>
    <message>
        <source>Mở tệp</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Mở thư mục chứa tệp</source>
        <translation>Open containing folder</translation>
    </message>
    <message>
        <source>Kiểm tra tệp và chữ ký</source>
        <translation>Check file and signature</translation>
    </message>
    <message>
        <source>Tệp có còn đúng là tệp đã phát hành, chữ ký số có còn nguyên vẹn không</source>
        <translation>Whether the file is still exactly the one issued and its digital signature still intact</translation>
    </message>
    <message>
        <source>Kiểm tra một tệp PDF đã ký…</source>
        <translation>Check a signed PDF file…</translation>
    </message>
    <message>
        <source>Ví dụ báo cáo của đơn vị cấp dưới gửi lên: xem chữ ký có hợp lệ không</source>
        <translation>For example a report sent in by a subordinate unit: see whether its signature is valid</translation>
    </message>
    <message>
        <source>Không thấy tệp {path}. Có thể tệp đã bị chuyển hoặc xóa; sổ đăng ký vẫn giữ số và mã SHA-256 của báo cáo để nhận ra bản đúng khi tìm lại được.</source>
        <translation>The file {path} was not found. It may have been moved or deleted; the register still keeps the report&apos;s number and SHA-256 to recognise the right copy when it turns up again.</translation>
    </message>
    <message>
        <source>Chọn tệp báo cáo PDF để kiểm tra</source>
        <translation>Choose the PDF report to check</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Không thấy tệp {path}.</source>
        <translation>The file {path} was not found.</translation>
    </message>
    <message>
        <source>Không đọc được tệp {path} ({reason}).</source>
        <translation>Could not read the file {path} ({reason}).</translation>
    </message>
</context>
<context>
    <name>RehabPage</name>
    <message>
        <source>Giúp đỡ người lầm lỗi (5+1)</source>
        <translation>Rehabilitation (5+1)</translation>
    </message>
    <message>
        <source>Tìm theo tên người được giúp đỡ (có dấu hoặc không dấu), số CCCD hoặc số điện thoại (Ctrl+F)</source>
        <translation>Search by the name of the person helped (with or without diacritics), citizen ID or phone (Ctrl+F)</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ giúp đỡ nào. Nhấn “Thêm mới” (Ctrl+N) để mở hồ sơ đầu tiên.</source>
        <translation>No rehabilitation case yet. Press “New” (Ctrl+N) to open the first one.</translation>
    </message>
    <message>
        <source>Mọi đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>Mọi trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Mọi diện giúp đỡ</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Chỉ hồ sơ quá hạn theo dõi</source>
        <translation>Overdue follow-ups only</translation>
    </message>
    <message>
        <source>Chỉ hồ sơ quá hạn theo dõi ({count})</source>
        <translation>Overdue follow-ups only ({count})</translation>
    </message>
    <message>
        <source>Mở hồ sơ giúp đỡ {name}</source>
        <translation>Open rehabilitation case for {name}</translation>
    </message>
    <message>
        <source>Sửa hồ sơ giúp đỡ {name}</source>
        <translation>Edit rehabilitation case of {name}</translation>
    </message>
    <message>
        <source>hồ sơ giúp đỡ của {name}</source>
        <translation>the case of {name}</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Lưu bản dự thảo…</source>
        <translation>Save draft…</translation>
    </message>
    <message>
        <source>Tệp PDF không số, không ký, có dấu “DỰ THẢO”: để trình lãnh đạo duyệt</source>
        <translation>An unnumbered, unsigned PDF marked “DỰ THẢO” (draft): for the leadership to approve</translation>
    </message>
    <message>
        <source>Ký số và phát hành…</source>
        <translation>Sign digitally and issue…</translation>
    </message>
    <message>
        <source>Xuất báo cáo</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <source>Mở tệp</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>6 tháng</source>
        <translation>Half year</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Từ ngày … đến ngày …</source>
        <translation>From … to …</translation>
    </message>
    <message>
        <source>Báo cáo theo</source>
        <translation>Report by</translation>
    </message>
    <message>
        <source>năm</source>
        <translation>of</translation>
    </message>
    <message>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Mỗi dòng một đề xuất; để trống thì báo cáo ghi “Không có đề xuất, kiến nghị.”</source>
        <translation>One proposal per line; if left empty, the report says “Không có đề xuất, kiến nghị.” (no proposals or recommendations)</translation>
    </message>
    <message>
        <source>Đề xuất,
kiến nghị</source>
        <translation>Proposals,
recommendations</translation>
    </message>
    <message>
        <source>Kèm phụ lục: ca tuần tra, người được giúp đỡ</source>
        <translation>Attach appendices: patrol shifts, people helped</translation>
    </message>
    <message>
        <source>In đủ 12 số định danh cá nhân ở phụ lục</source>
        <translation>Print the full 12-digit personal ID numbers in the appendices</translation>
    </message>
    <message>
        <source>Để trống: chỉ in 4 chữ số cuối. Chỉ in đầy đủ khi nơi nhận cần và được phép xem.</source>
        <translation>Unticked: only the last 4 digits are printed. Print them in full only when the recipients need them and are allowed to see them.</translation>
    </message>
    <message>
        <source>Tháng {month}</source>
        <translation>Month {month}</translation>
    </message>
    <message>
        <source>Quý {roman}</source>
        <translation>Quarter {roman}</translation>
    </message>
    <message>
        <source>6 tháng đầu năm</source>
        <translation>First half</translation>
    </message>
    <message>
        <source>6 tháng cuối năm</source>
        <translation>Second half</translation>
    </message>
    <message>
        <source>Hãy nhập đủ hai ngày (ngày/tháng/năm).</source>
        <translation>Enter both dates (dd/mm/yyyy).</translation>
    </message>
    <message>
        <source>Số liệu từ {start} đến {end}.</source>
        <translation>Figures from {start} to {end}.</translation>
    </message>
    <message>
        <source>Chưa có đơn vị nào để lập báo cáo.</source>
        <translation>There is no unit to report on yet.</translation>
    </message>
    <message>
        <source>Hãy nhập ngày.</source>
        <translation>Enter a date.</translation>
    </message>
    <message>
        <source>Ngày không hợp lệ: hãy nhập theo ngày/tháng/năm, ví dụ 31/12/2023.</source>
        <translation>Not a valid date: type it as dd/mm/yyyy, e.g. 31/12/2023.</translation>
    </message>
</context>
<context>
    <name>ReportSettingsPanel</name>
    <message>
        <source>Báo cáo và chữ ký số</source>
        <translation>Reports and digital signatures</translation>
    </message>
    <message>
        <source>Tài khoản {user} ({role}) không có quyền thay đổi cài đặt: các mục dưới đây chỉ để xem.</source>
        <translation>The account {user} ({role}) may not change settings: the fields below are for viewing only.</translation>
    </message>
    <message>
        <source>Lưu cài đặt báo cáo</source>
        <translation>Save report settings</translation>
    </message>
    <message>
        <source>Tiêu đề văn bản</source>
        <translation>Document heading</translation>
    </message>
    <message>
        <source>Ô để trống thì in theo tên đơn vị ở phần “Đơn vị của bạn”; chữ mờ trong ô là nội dung sẽ được in.</source>
        <translation>An empty field is printed from the unit name under “Your unit”; the grey text in a field is what will be printed.</translation>
    </message>
    <message>
        <source>Cơ quan chủ quản</source>
        <translation>Parent agency</translation>
    </message>
    <message>
        <source>Cơ quan ban hành</source>
        <translation>Issuing agency</translation>
    </message>
    <message>
        <source>Ký hiệu</source>
        <translation>Number suffix</translation>
    </message>
    <message>
        <source>chữ sau “BC-” trong số báo cáo, ví dụ CAP trong “Số: 05/BC-CAP”</source>
        <translation>the letters after “BC-” in the report number, e.g. CAP in “Số: 05/BC-CAP”</translation>
    </message>
    <message>
        <source>Thẩm quyền, chức vụ
người ký</source>
        <translation>Signing authority,
signer&apos;s title</translation>
    </message>
    <message>
        <source>mỗi dòng một dòng in, ví dụ “KT. TRƯỞNG CÔNG AN PHƯỜNG” rồi chức vụ</source>
        <translation>one printed line per line, e.g. “KT. TRƯỞNG CÔNG AN PHƯỜNG”, then the title</translation>
    </message>
    <message>
        <source>Họ tên người ký</source>
        <translation>Signer&apos;s full name</translation>
    </message>
    <message>
        <source>Nơi nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>mỗi dòng một nơi nhận</source>
        <translation>one recipient per line</translation>
    </message>
    <message>
        <source>để trống: không in dòng này</source>
        <translation>empty: this line is not printed</translation>
    </message>
    <message>
        <source>Đã lưu cài đặt báo cáo.</source>
        <translation>Report settings saved.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Báo cáo sẽ được cấp số {number}, ký số và ghi vào sổ đăng ký. Sau khi phát hành không sửa được nữa; muốn sửa phải phát hành báo cáo mới với số mới.</source>
        <translation>The report will be given number {number}, signed digitally and recorded in the register. Once issued it can no longer be changed; to correct it, issue a new report with a new number.</translation>
    </message>
    <message>
        <source>Mã PIN của USB token</source>
        <translation>USB token PIN</translation>
    </message>
    <message>
        <source>Cắm USB token “{token}” rồi nhập mã PIN:</source>
        <translation>Plug in the USB token “{token}”, then enter its PIN:</translation>
    </message>
    <message>
        <source>Mật khẩu chữ ký số</source>
        <translation>Digital signature password</translation>
    </message>
    <message>
        <source>Mật khẩu của tệp chữ ký số {name}:</source>
        <translation>Password of the digital signature file {name}:</translation>
    </message>
    <message>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Lập báo cáo</source>
        <translation>Prepare report</translation>
    </message>
    <message>
        <source>Sổ báo cáo đã phát hành</source>
        <translation>Register of issued reports</translation>
    </message>
    <message>
        <source>Bản xem trước của báo cáo sẽ hiện ở đây khi đọc xong số liệu.</source>
        <translation>The preview of the report will appear here once the figures have been read.</translation>
    </message>
    <message>
        <source>Tài khoản {user} ({role}) không được ký báo cáo: hãy lưu bản dự thảo để trình lãnh đạo ký và phát hành.</source>
        <translation>The account {user} ({role}) may not sign reports: save a draft for the leadership to sign and issue.</translation>
    </message>
    <message>
        <source>Nội dung báo cáo</source>
        <translation>Report content</translation>
    </message>
    <message>
        <source>Tài khoản {user} ({role}) không được lập báo cáo. Xem các báo cáo đã phát hành và kiểm tra chữ ký ở thẻ “Sổ báo cáo đã phát hành”.</source>
        <translation>The account {user} ({role}) may not prepare reports. See the issued reports and check their signatures in the “Register of issued reports” tab.</translation>
    </message>
    <message>
        <source>Đang đọc danh sách đơn vị…</source>
        <translation>Reading the list of units…</translation>
    </message>
    <message>
        <source>Dữ liệu vừa được sửa sau lần xem trước. Bấm “Xem trước” để đọc lại trước khi ký.</source>
        <translation>The data has changed since the last preview. Press “Preview” to read it again before signing.</translation>
    </message>
    <message>
        <source>Bản xem trước chưa theo các lựa chọn mới. Bấm “Xem trước” để cập nhật trước khi lưu hoặc ký.</source>
        <translation>The preview does not follow the new choices yet. Press “Preview” to update it before saving or signing.</translation>
    </message>
    <message>
        <source>Đã phát hành từ bản xem trước này. Muốn phát hành lại (số mới), hãy bấm “Xem trước” lần nữa.</source>
        <translation>Already issued from this preview. To issue again (with a new number), press “Preview” once more.</translation>
    </message>
    <message>
        <source>Khi phát hành, báo cáo mang số {number}, ngày ký {day}.</source>
        <translation>Once issued, the report will bear number {number}, signed on {day}.</translation>
    </message>
    <message>
        <source>Đang lập bản xem trước…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <source>{subject}. {pages} trang, số liệu đọc lúc {time}. Bản xem trước có dấu “DỰ THẢO”; bản phát hành có số và chữ ký số.</source>
        <translation>{subject}. {pages} pages, figures read at {time}. The preview is marked “DỰ THẢO” (draft); the issued report has a number and a digital signature.</translation>
    </message>
    <message>
        <source>Lưu bản dự thảo báo cáo</source>
        <translation>Save the draft report</translation>
    </message>
    <message>
        <source>Đang lưu bản dự thảo…</source>
        <translation>Saving the draft…</translation>
    </message>
    <message>
        <source>Đã lưu bản dự thảo ({pages} trang, không số, chưa ký): {path}</source>
        <translation>Draft saved ({pages} pages, unnumbered, unsigned): {path}</translation>
    </message>
    <message>
        <source>Đang đọc cài đặt chữ ký số…</source>
        <translation>Reading the digital signature settings…</translation>
    </message>
    <message>
        <source>Chưa cài đặt chữ ký số. Hãy vào Cài đặt, mục “Báo cáo và chữ ký số”, chọn tệp chứng thư số (.p12/.pfx) hoặc USB token, rồi ký lại.</source>
        <translation>Digital signing is not set up. Go to Settings, section “Reports and digital signatures”, choose a certificate file (.p12/.pfx) or a USB token, then sign again.</translation>
    </message>
    <message>
        <source>Lưu báo cáo đã ký</source>
        <translation>Save the signed report</translation>
    </message>
    <message>
        <source>Tệp {path} đã có. Báo cáo phát hành không ghi đè tệp nào: hãy chọn tên khác.</source>
        <translation>The file {path} already exists. An issued report never overwrites a file: choose another name.</translation>
    </message>
    <message>
        <source>Đang mở chữ ký số…</source>
        <translation>Opening the digital signature…</translation>
    </message>
    <message>
        <source>Chưa ký: số liệu đã thay đổi từ lúc xem trước (có người vừa ghi thêm hoặc sửa cài đặt báo cáo). Bản xem trước đã được làm lại; hãy xem lại rồi bấm “Ký số và phát hành” lần nữa.</source>
        <translation>Not signed: the figures have changed since the preview (someone has just recorded more or changed the report settings). The preview has been made again; review it, then press “Sign digitally and issue” once more.</translation>
    </message>
    <message>
        <source>Đã phát hành báo cáo số {number} ({pages} trang), ký bởi {signer} theo chuẩn {level}, ghi vào sổ đăng ký. Tệp: {path}</source>
        <translation>Report number {number} issued ({pages} pages), signed by {signer} to the {level} standard and recorded in the register. File: {path}</translation>
    </message>
    <message>
        <source>Báo cáo đã phát hành số {number}, đã ký số: {path}</source>
        <translation>Issued report number {number}, digitally signed: {path}</translation>
    </message>
</context>
<context>
    <name>SecurityPanel</name>
    <message>
        <source>Bảo mật</source>
        <translation>Security</translation>
    </message>
    <message>
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <source>không khóa</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Lưu thời gian khóa</source>
        <translation>Save lock time</translation>
    </message>
    <message>
        <source>Đổi mật khẩu…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>Khóa màn hình sau</source>
        <translation>Lock the screen after</translation>
    </message>
    <message>
        <source>Đã lưu: khóa sau {minutes} phút không dùng.</source>
        <translation>Saved: the screen locks after {minutes} minutes without use.</translation>
    </message>
    <message>
        <source>Đã đổi mật khẩu.</source>
        <translation>Password changed.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Đơn vị của bạn</source>
        <translation>Your unit</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>ví dụ: Phường 9</source>
        <translation>e.g. Phường 9</translation>
    </message>
    <message>
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>mã hành chính, ví dụ: 27262</source>
        <translation>administrative code, e.g. 27262</translation>
    </message>
    <message>
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Địa danh</source>
        <translation>Place name</translation>
    </message>
    <message>
        <source>ghi ở dòng ngày tháng của báo cáo; để trống: dùng tên đơn vị</source>
        <translation>written in the date line of reports; empty: the unit name</translation>
    </message>
    <message>
        <source>Đơn vị cấp trên (không bắt buộc)</source>
        <translation>Superior unit (optional)</translation>
    </message>
    <message>
        <source>ví dụ: Quận 4</source>
        <translation>e.g. Quận 4</translation>
    </message>
    <message>
        <source>ví dụ: 773</source>
        <translation>e.g. 773</translation>
    </message>
    <message>
        <source>Cán bộ phụ trách</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>ví dụ: Phó Trưởng Công an</source>
        <translation>e.g. Deputy Chief of Police</translation>
    </message>
    <message>
        <source>Giao diện</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Đã lưu cài đặt.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>Ngôn ngữ mới sẽ được dùng từ lần mở chương trình sau.</source>
        <translation>The new language is used from the next time the program starts.</translation>
    </message>
    <message>
        <source>Đổi ngôn ngữ</source>
        <translation>Change language</translation>
    </message>
    <message>
        <source>Mở lại cửa sổ ngay bằng ngôn ngữ mới?</source>
        <translation>Reopen the window now in the new language?</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>Ghi ca tuần tra</source>
        <translation>Record patrol shift</translation>
    </message>
    <message>
        <source>Sửa ca tuần tra</source>
        <translation>Edit patrol shift</translation>
    </message>
    <message>
        <source>Tổ/nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Ngày tuần tra</source>
        <translation>Patrol date</translation>
    </message>
    <message>
        <source>Không ghi giờ</source>
        <translation>No times</translation>
    </message>
    <message>
        <source>Sổ tuần tra không ghi giờ của ca này</source>
        <translation>The patrol log does not give this shift&apos;s times</translation>
    </message>
    <message>
        <source>Giờ bắt đầu</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>Giờ kết thúc</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>Thành viên tham gia</source>
        <translation>Members present</translation>
    </message>
    <message>
        <source>Số người khác tham gia</source>
        <translation>Other participants</translation>
    </message>
    <message>
        <source>Số lượt nhắc nhở người dân</source>
        <translation>Residents reminded</translation>
    </message>
    <message>
        <source>Địa bàn, tuyến đường tuần tra</source>
        <translation>Area or patrol route</translation>
    </message>
    <message>
        <source>Địa bàn</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Vụ việc phát hiện</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Thêm vụ việc</source>
        <translation>Add finding</translation>
    </message>
    <message>
        <source>Bỏ vụ việc đang chọn</source>
        <translation>Remove selected finding</translation>
    </message>
    <message>
        <source>{name} (không là thành viên ngày này)</source>
        <translation>{name} (not a member on this date)</translation>
    </message>
    <message>
        <source>Tổ không có thành viên nào vào ngày này</source>
        <translation>The group has no members on this date</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Sổ theo dõi {name} được mã hóa. Hãy đăng nhập bằng tài khoản của bạn.</source>
        <translation>The record book {name} is encrypted. Sign in with your account.</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>SigningSettings</name>
    <message>
        <source>Chữ ký số</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <source>Tệp chứng thư số (.p12/.pfx)</source>
        <translation>Certificate file (.p12/.pfx)</translation>
    </message>
    <message>
        <source>USB token (PKCS#11)</source>
        <translation>USB token (PKCS#11)</translation>
    </message>
    <message>
        <source>Cách ký</source>
        <translation>Signing method</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Tệp chứng thư số</source>
        <translation>Certificate file</translation>
    </message>
    <message>
        <source>tệp .p12/.pfx chứa khóa ký</source>
        <translation>the .p12/.pfx file holding the signing key</translation>
    </message>
    <message>
        <source>Xem chứng thư…</source>
        <translation>View certificate…</translation>
    </message>
    <message>
        <source>Xuất chứng thư…</source>
        <translation>Export certificate…</translation>
    </message>
    <message>
        <source>Tạo chữ ký số cá nhân…</source>
        <translation>Create a personal digital signature…</translation>
    </message>
    <message>
        <source>Khi đơn vị chưa được cấp chứng thư số: tạo khóa và chứng thư tự ký (.p12).</source>
        <translation>When the unit has not been issued a certificate: create a key and a self-signed certificate (.p12).</translation>
    </message>
    <message>
        <source>Tệp .p12 có mật khẩu: bấm “Xem chứng thư…” và nhập mật khẩu để xem người ký và dấu vân tay. Chương trình không lưu mật khẩu.</source>
        <translation>The .p12 file has a password: press “View certificate…” and enter the password to see the signer and the fingerprint. The program does not store the password.</translation>
    </message>
    <message>
        <source>Thư viện PKCS#11</source>
        <translation>PKCS#11 library</translation>
    </message>
    <message>
        <source>tệp .dll của nhà cung cấp token, ví dụ C:\Windows\System32\vnpt-ca_v34.dll</source>
        <translation>the token vendor&apos;s .dll file, e.g. C:\Windows\System32\vnpt-ca_v34.dll</translation>
    </message>
    <message>
        <source>Nhãn USB token</source>
        <translation>USB token label</translation>
    </message>
    <message>
        <source>tên token, xem trong phần mềm của nhà cung cấp</source>
        <translation>the token&apos;s name, as shown in the vendor&apos;s software</translation>
    </message>
    <message>
        <source>Nhãn khóa ký</source>
        <translation>Signing key label</translation>
    </message>
    <message>
        <source>tên khóa ký trên token</source>
        <translation>the name of the signing key on the token</translation>
    </message>
    <message>
        <source>Mã PIN của token được hỏi mỗi lần ký, không lưu lại.</source>
        <translation>The token&apos;s PIN is asked for at each signing and never stored.</translation>
    </message>
    <message>
        <source>Chọn tệp chứng thư số</source>
        <translation>Choose the certificate file</translation>
    </message>
    <message>
        <source>Chứng thư số PKCS#12 (*.p12 *.pfx);;Mọi tệp (*)</source>
        <translation>PKCS#12 certificates (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <source>Chọn thư viện PKCS#11 của USB token</source>
        <translation>Choose the USB token&apos;s PKCS#11 library</translation>
    </message>
    <message>
        <source>Thư viện PKCS#11 (*.dll *.so *.dylib);;Mọi tệp (*)</source>
        <translation>PKCS#11 libraries (*.dll *.so *.dylib);;All files (*)</translation>
    </message>
    <message>
        <source>Chưa chọn tệp chứng thư số (.p12/.pfx).</source>
        <translation>No certificate file (.p12/.pfx) chosen.</translation>
    </message>
    <message>
        <source>Đã xuất chứng thư ra {path}.</source>
        <translation>Certificate exported to {path}.</translation>
    </message>
    <message>
        <source>Đã tạo tệp {path}. Tài khoản này không được thay đổi cài đặt: khi ký báo cáo, hãy chọn tệp này.</source>
        <translation>The file {path} was created. This account may not change settings: choose this file when signing a report.</translation>
    </message>
    <message>
        <source>Đã tạo chữ ký số cá nhân và lưu đường dẫn {path} để ký báo cáo.</source>
        <translation>Personal digital signature created; its path {path} is saved for signing reports.</translation>
    </message>
</context>
<context>
    <name>SummaryTable</name>
    <message>
        <source>Loại dữ liệu</source>
        <translation>Kind of record</translation>
    </message>
    <message>
        <source>Số bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Bản ghi bị từ chối và lý do:</source>
        <translation>Records refused, and why:</translation>
    </message>
    <message>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>SupportDialog</name>
    <message>
        <source>Thêm hỗ trợ</source>
        <translation>Add support</translation>
    </message>
    <message>
        <source>Sửa hỗ trợ</source>
        <translation>Edit support</translation>
    </message>
    <message>
        <source>Hình thức hỗ trợ</source>
        <translation>Kind of support</translation>
    </message>
    <message>
        <source>Ngày hỗ trợ</source>
        <translation>Support date</translation>
    </message>
    <message>
        <source>ví dụ: Công ty may Việt Tiến</source>
        <translation>e.g. Viet Tien Garment Company</translation>
    </message>
    <message>
        <source>Nơi hỗ trợ</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>SupportsTab</name>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Hình thức hỗ trợ</source>
        <translation>Kind of support</translation>
    </message>
    <message>
        <source>Nơi hỗ trợ</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>hỗ trợ ngày {day}</source>
        <translation>support of {day}</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Không đổi</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Xung đột</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Bị từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Xung đột đồng bộ</source>
        <translation>Sync conflict</translation>
    </message>
    <message>
        <source>Đã xóa lúc</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Đơn vị cấp trên</source>
        <translation>Superior unit</translation>
    </message>
    <message>
        <source>Địa danh</source>
        <translation>Place name</translation>
    </message>
    <message>
        <source>Nhận xét</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Đánh giá</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>Kết quả giúp đỡ</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Ca tuần tra</source>
        <translation>Patrol shift</translation>
    </message>
    <message>
        <source>Hồ sơ giúp đỡ</source>
        <translation>Rehabilitation case</translation>
    </message>
    <message>
        <source>{size} byte</source>
        <translation>{size} bytes</translation>
    </message>
    <message>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Trao đổi dữ liệu với đơn vị cấp trên và cấp dưới bằng tệp (ổ USB, thư điện tử): gói được ký bằng khóa của đơn vị và mã hóa cho nơi nhận. Nhập một gói nhiều lần hay theo thứ tự nào cũng cho cùng kết quả.</source>
        <translation>Exchange records with the superior and subordinate units by files (USB stick, e-mail): a bundle is signed with the unit&apos;s key and encrypted for its recipient. Importing a bundle several times, or bundles in any order, gives the same result.</translation>
    </message>
    <message>
        <source>Xuất gói</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Nhập gói</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Người trùng CCCD</source>
        <translation>Same citizen ID</translation>
    </message>
    <message>
        <source>Nơi gửi/nhận</source>
        <translation>Peers</translation>
    </message>
    <message>
        <source>Đã cập nhật danh sách nơi gửi/nhận</source>
        <translation>The list of peers was updated</translation>
    </message>
    <message>
        <source>Xung đột ({count})</source>
        <translation>Conflicts ({count})</translation>
    </message>
    <message>
        <source>Người trùng CCCD ({count})</source>
        <translation>Same citizen ID ({count})</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>Gói từ nơi gửi mới</source>
        <translation>Bundle from a new sender</translation>
    </message>
    <message>
        <source>Gói {file} đến từ một nơi gửi chưa có trong danh sách của đơn vị này:</source>
        <translation>The bundle {file} comes from a sender not yet in this unit&apos;s list:</translation>
    </message>
    <message>
        <source>Nhận nơi gửi mới</source>
        <translation>Accept the new sender</translation>
    </message>
    <message>
        <source>Không nhận</source>
        <translation>Do not accept</translation>
    </message>
    <message>
        <source>Nhập thẻ định danh</source>
        <translation>Import an identity card</translation>
    </message>
    <message>
        <source>Thẻ định danh {file} là của:</source>
        <translation>The identity card {file} belongs to:</translation>
    </message>
    <message>
        <source>Tin cậy đơn vị này</source>
        <translation>Trust this unit</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Dấu vân tay:</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <source>Trước khi nhận, hãy gọi điện cho {unit} (số điện thoại đã biết, không lấy từ tệp), nhờ họ mở trang Đồng bộ › Nơi gửi/nhận và đọc dấu vân tay của đơn vị họ. Chỉ nhận khi cả sáu nhóm số trùng khớp.</source>
        <translation>Before accepting, phone {unit} (on a number you already know, not one from the file), ask them to open Sync › Peers and read their unit&apos;s fingerprint. Accept only when all six groups of digits match.</translation>
    </message>
    <message>
        <source>Nếu nhận, đơn vị này được thêm vào danh sách nơi gửi/nhận và gói được nhập. Nếu không nhận, sổ không thay đổi gì.</source>
        <translation>If accepted, this unit is added to the peers and the bundle is imported. If not, nothing in the book changes.</translation>
    </message>
    <message>
        <source>Nếu tin cậy, có thể nhập gói của đơn vị này và xuất gói mã hóa cho đơn vị này.</source>
        <translation>Once trusted, this unit&apos;s bundles can be imported and encrypted bundles exported for it.</translation>
    </message>
</context>
<context>
    <name>TrustedCertificates</name>
    <message>
        <source>Chứng thư gốc tin cậy</source>
        <translation>Trusted root certificates</translation>
    </message>
    <message>
        <source>Dùng khi kiểm tra báo cáo nhận được: chứng thư gốc của nhà cung cấp (Ban Cơ yếu Chính phủ, VNPT-CA, …) hoặc chứng thư do đơn vị cấp dưới gửi lên. Trước khi thêm, hãy đối chiếu dấu vân tay với người gửi.</source>
        <translation>Used when checking reports received: the root certificates of providers (Government Cipher Committee, VNPT-CA, …) or certificates sent in by subordinate units. Before adding one, compare its fingerprint with the sender.</translation>
    </message>
    <message>
        <source>Chưa có chứng thư nào trong danh sách.</source>
        <translation>No certificates in the list yet.</translation>
    </message>
    <message>
        <source>Thêm chứng thư…</source>
        <translation>Add certificate…</translation>
    </message>
    <message>
        <source>Bỏ khỏi danh sách</source>
        <translation>Remove from list</translation>
    </message>
    <message>
        <source>Hiệu lực đến {date} · tệp {name}</source>
        <translation>Valid until {date} · file {name}</translation>
    </message>
    <message>
        <source>Chọn chứng thư số tin cậy</source>
        <translation>Choose trusted certificates</translation>
    </message>
    <message>
        <source>Chứng thư số (*.pem *.crt *.cer *.der);;Mọi tệp (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <source>Các tệp này đã có trong danh sách.</source>
        <translation>These files are already in the list.</translation>
    </message>
    <message>
        <source>Đã thêm {name} vào danh sách tin cậy.</source>
        <translation>Added {name} to the trusted list.</translation>
    </message>
    <message>
        <source>Đã bỏ {names} khỏi danh sách tin cậy.</source>
        <translation>Removed {names} from the trusted list.</translation>
    </message>
</context>
<context>
    <name>VerdictView</name>
    <message>
        <source>Kết quả kiểm tra chữ ký</source>
        <translation>Signature check result</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Thời điểm ký</source>
        <translation>Signing time</translation>
    </message>
    <message>
        <source>Chuẩn chữ ký</source>
        <translation>Signature standard</translation>
    </message>
    <message>
        <source>Nội dung còn nguyên như lúc ký</source>
        <translation>Content unchanged since signing</translation>
    </message>
    <message>
        <source>Chữ ký khớp chứng thư số</source>
        <translation>Signature matches the certificate</translation>
    </message>
    <message>
        <source>Chữ ký bao trùm toàn bộ tệp</source>
        <translation>Signature covers the whole file</translation>
    </message>
    <message>
        <source>Có sửa thêm sau khi ký</source>
        <translation>Changed after signing</translation>
    </message>
    <message>
        <source>Người ký được tin cậy</source>
        <translation>Signer trusted</translation>
    </message>
    <message>
        <source>Sổ đăng ký</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Tệp đáng tin: còn nguyên vẹn, chữ ký hợp lệ, người ký được tin cậy.</source>
        <translation>The file can be relied on: intact, valid signature, trusted signer.</translation>
    </message>
    <message>
        <source>Tệp còn nguyên vẹn và chữ ký hợp lệ, nhưng chứng thư của người ký chưa có trong danh sách tin cậy: hãy đối chiếu với người ký.</source>
        <translation>The file is intact and the signature is valid, but the signer&apos;s certificate is not in the trusted list: check with the signer.</translation>
    </message>
    <message>
        <source>Tệp không có chữ ký số hợp lệ.</source>
        <translation>The file has no valid digital signature.</translation>
    </message>
    <message>
        <source>Không dùng được tệp này: tệp đã bị sửa hoặc chữ ký không đúng.</source>
        <translation>Do not use this file: it has been altered or the signature is wrong.</translation>
    </message>
    <message>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>không</source>
        <translation>no</translation>
    </message>
    <message>
        <source>báo cáo số {number} ngày {day}, {period}, {unit}</source>
        <translation>report number {number} of {day}, {period}, {unit}</translation>
    </message>
    <message>
        <source>tệp này KHÁC tệp báo cáo số {number} đã phát hành (mã SHA-256 không khớp): có thể tệp đã bị thay thế hoặc sửa.</source>
        <translation>this file DIFFERS from the issued report number {number} (the SHA-256 does not match): the file may have been replaced or altered.</translation>
    </message>
    <message>
        <source>không có trong sổ của máy này (báo cáo do nơi khác phát hành)</source>
        <translation>not in the register on this computer (a report issued elsewhere)</translation>
    </message>
</context>
</TS>
