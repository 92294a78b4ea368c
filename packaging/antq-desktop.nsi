; Windows installer of ANTQ Desktop (NSIS 3). Built by `python build_installer.py`, which passes:
;   VERSION     the version of pyproject.toml
;   SOURCE_DIR  the one-folder bundle (dist\antq-desktop)
;   OUT_FILE    the installer to write
;   ICON        the program icon (.ico)
;   WINDOW_EXE  the program the shortcuts open (no console)
;   CLI_EXE     the command-line program
;   SIZE_KB     the bundle's size, for "Apps & features"
;
; Per-user install (no administrator rights: ward office PCs rarely grant them) into
; %LOCALAPPDATA%\Programs\ANTQ Desktop. The record book lives elsewhere (%LOCALAPPDATA%\ANTQ\ANTQ
; Desktop, with its backups), so installing a new version or uninstalling never touches it.
; This file is UTF-8 (makensis -INPUTCHARSET UTF8).

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"

!define PRODUCT "ANTQ Desktop"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ANTQDesktop"
!define SETTINGS_KEY "Software\ANTQ\ANTQ Desktop Installer"

Name "${PRODUCT} ${VERSION}"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "ANTQ Desktop team"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "Language"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${WINDOW_EXE}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_UNPAGE_FINISH

; The first language is the default one.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SECTION_PROGRAM ${LANG_VIETNAMESE} "Chương trình ANTQ Desktop"
LangString SECTION_PROGRAM ${LANG_ENGLISH} "ANTQ Desktop program"
LangString SECTION_DESKTOP ${LANG_VIETNAMESE} "Biểu tượng trên màn hình nền"
LangString SECTION_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString UNINSTALL_LINK ${LANG_VIETNAMESE} "Gỡ cài đặt ANTQ Desktop"
LangString UNINSTALL_LINK ${LANG_ENGLISH} "Uninstall ANTQ Desktop"
LangString STILL_RUNNING ${LANG_VIETNAMESE} "ANTQ Desktop đang mở. Hãy đóng chương trình rồi bấm Thử lại."
LangString STILL_RUNNING ${LANG_ENGLISH} "ANTQ Desktop is open. Close the program, then click Retry."
LangString DATA_KEPT ${LANG_VIETNAMESE} "Đã gỡ chương trình. Sổ theo dõi và các bản sao lưu vẫn được giữ nguyên tại $LOCALAPPDATA\ANTQ\ANTQ Desktop; cài lại chương trình sẽ mở lại đúng sổ đó."
LangString DATA_KEPT ${LANG_ENGLISH} "The program was removed. The record book and its backups are kept in $LOCALAPPDATA\ANTQ\ANTQ Desktop; installing the program again opens the same book."

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

; A running copy holds its files open: ask to close it rather than fail half-way. (A running
; program cannot be opened for writing on Windows.)
!macro WAIT_FUNCTION prefix
Function ${prefix}WaitUntilClosed
  IfFileExists "$INSTDIR\${WINDOW_EXE}" 0 done
  retry:
    ClearErrors
    FileOpen $0 "$INSTDIR\${WINDOW_EXE}" a
    IfErrors 0 opened
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(STILL_RUNNING)" IDRETRY retry
    Abort
  opened:
    FileClose $0
  done:
FunctionEnd
!macroend
!insertmacro WAIT_FUNCTION ""
!insertmacro WAIT_FUNCTION "un."

Section "!$(SECTION_PROGRAM)" SectionProgram
  SectionIn RO
  Call WaitUntilClosed
  SetOutPath "$INSTDIR"
  ; The previous version's libraries go first, so that none of them lingers beside the new ones.
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${PRODUCT}"
  CreateShortcut "$SMPROGRAMS\${PRODUCT}\${PRODUCT}.lnk" "$INSTDIR\${WINDOW_EXE}" "" "$INSTDIR\${WINDOW_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${PRODUCT}\$(UNINSTALL_LINK).lnk" "$INSTDIR\uninstall.exe"

  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "ANTQ"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${WINDOW_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" ${SIZE_KB}
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "$(SECTION_DESKTOP)" SectionDesktop
  CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\${WINDOW_EXE}" "" "$INSTDIR\${WINDOW_EXE}" 0
SectionEnd

Section "Uninstall"
  Call un.WaitUntilClosed
  Delete "$DESKTOP\${PRODUCT}.lnk"
  RMDir /r "$SMPROGRAMS\${PRODUCT}"
  ; Only what the installer put there: a portable copy's "data" folder or anything else the
  ; officer saved in this folder stays, and so does the folder then.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${WINDOW_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
  IfSilent +2
    MessageBox MB_OK|MB_ICONINFORMATION "$(DATA_KEPT)"
SectionEnd
