<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>App</name>
    <message>
        <source>Không mở được tệp dữ liệu</source>
        <translation>Cannot open the database file</translation>
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
    <name>CreateWorkspaceDialog</name>
    <message>
        <source>Tạo sổ theo dõi mới</source>
        <translation>Create a new record book</translation>
    </message>
    <message>
        <source>Chưa có sổ theo dõi tại {path}. Hãy nhập thông tin đơn vị của bạn để tạo sổ mới.</source>
        <translation>There is no record book at {path} yet. Enter your unit's details to create one.</translation>
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
        <source>Tạo sổ</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
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
    <name>Errors</name>
    <message>
        <source>Lỗi không mong đợi ({kind}): {detail}. Hãy báo cho người quản trị.</source>
        <translation>Unexpected error ({kind}): {detail}. Please tell your administrator.</translation>
    </message>
</context>
<context>
    <name>LaterPage</name>
    <message>
        <source>Trang này sẽ có trong phiên bản sau. Hiện tại chỉ trang Tổng quan dùng được.</source>
        <translation>This page comes in a later version. For now only the Overview page works.</translation>
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
    <name>MainWindow</name>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
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
        <source>Đang tính…</source>
        <translation>Computing…</translation>
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
        <source>Các tổ, nhóm, câu lạc bộ tự quản của từng mô hình và thành viên (tổ trưởng, tổ phó, thành viên); tìm người theo tên không dấu hoặc số CCCD.</source>
        <translation>The self-managed groups, teams and clubs of each model and their members (leader, deputy, member); find people by name without tone marks or by citizen ID.</translation>
    </message>
    <message>
        <source>Ca tuần tra</source>
        <translation>Patrol shifts</translation>
    </message>
    <message>
        <source>Ghi từng ca tuần tra: ngày giờ, địa bàn, người tham gia, vụ việc phát hiện và cách xử lý.</source>
        <translation>Record each patrol shift: date and time, area, participants, what was found and what was done.</translation>
    </message>
    <message>
        <source>Giúp đỡ người lầm lỗi 5+1</source>
        <translation>"5+1" rehabilitation</translation>
    </message>
    <message>
        <source>Hồ sơ từng người được giúp đỡ: người giúp đỡ và gia đình, các lần theo dõi, giới thiệu việc làm, học nghề, và những hồ sơ đã đến hạn theo dõi.</source>
        <translation>A case for each person being helped: helpers and family, follow-ups, job referrals, vocational training, and the cases due for a follow-up.</translation>
    </message>
    <message>
        <source>Đánh giá quý</source>
        <translation>Quarterly evaluation</translation>
    </message>
    <message>
        <source>Mỗi quý đánh giá từng mô hình theo các chỉ tiêu: hiệu quả, hiệu quả một phần hoặc chỉ hình thức.</source>
        <translation>Each quarter, rate every model against its indicators: effective, partly effective or only on paper.</translation>
    </message>
    <message>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Xuất báo cáo PDF có số hiệu và chữ ký số cho một khoảng thời gian, để gửi đơn vị cấp trên.</source>
        <translation>Export a numbered, digitally signed PDF report for a period, to send to the superior unit.</translation>
    </message>
    <message>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Xuất tệp đồng bộ để chép qua USB hoặc gửi thư điện tử, và nhập tệp của các đơn vị cấp dưới.</source>
        <translation>Export a sync file to carry on a USB stick or send by e-mail, and import the files of subordinate units.</translation>
    </message>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Thông tin đơn vị, đơn vị cấp trên, cán bộ phụ trách và ngôn ngữ giao diện.</source>
        <translation>The unit, its superior unit, the officer in charge and the interface language.</translation>
    </message>
    <message>
        <source>Sẽ có trong phiên bản sau</source>
        <translation>Comes in a later version</translation>
    </message>
    <message>
        <source>Đã tính lúc {time}</source>
        <translation>Computed at {time}</translation>
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
        <translation>"5+1" help</translation>
    </message>
    <message>
        <source>Người được giúp đỡ trong kỳ</source>
        <translation>People helped in the period</translation>
    </message>
    <message>
        <source>Lũy kế đến cuối kỳ</source>
        <translation>Cumulative to the period's end</translation>
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
</TS>