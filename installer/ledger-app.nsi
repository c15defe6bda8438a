; Windows installer for 基层台账 (Grassroots Ledger), built from the frozen program:
;   makensis /DVERSION=0.1.0 installer\ledger-app.nsi        (after scripts\build.sh or
;   pyinstaller build_installer.spec; the files come from dist\ledger-app)
; Installs for the current user without administrator rights by default (an office PC's
; user often has none), or for all users when run as administrator and chosen so.
; Start-menu entry, desktop shortcut, and *.ledger files open in the program.
Unicode true
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\dist\ledger-app"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\ledger-app-${VERSION}-setup.exe"
!endif
!define APPNAME "基层台账"
!define EXE "ledger-app.exe"
!define PROGID "GrassrootsLedger.File"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\GrassrootsLedger"

!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_INSTDIR "GrassrootsLedger"
!include MultiUser.nsh
!include MUI2.nsh

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
!ifdef FAST
  SetCompress off   ; a compile check only
!else
  SetCompressor /SOLID lzma
!endif
BrandingText "${APPNAME} ${VERSION}"

!if /FileExists "..\build\icons\ledger-app.ico"
  !define MUI_ICON "..\build\icons\ledger-app.ico"   ; made by scripts/make_icons.py
!endif
!define MUI_ABORTWARNING
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开基层台账"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  !insertmacro MULTIUSER_INIT
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "基层台账" Main
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\${EXE}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\卸载基层台账.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXE}"

  ; *.ledger opens in the program (SHCTX: the current user's or the machine's classes,
  ; following the install mode).
  WriteRegStr SHCTX "Software\Classes\.ledger" "" "${PROGID}"
  WriteRegStr SHCTX "Software\Classes\.ledger" "Content Type" "application/x-grassroots-ledger"
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "基层台账文件"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTKEY}" "Publisher" "Grassroots Ledger"
  WriteRegStr SHCTX "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr SHCTX "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegDWORD SHCTX "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; The program's files only: ledgers, backups and settings are the user's and stay.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\ledger-app.exe"
  Delete "$INSTDIR\ledger-app-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\卸载基层台账.lnk"
  RMDir "$SMPROGRAMS\${APPNAME}"
  Delete "$DESKTOP\${APPNAME}.lnk"
  ReadRegStr $0 SHCTX "Software\Classes\.ledger" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey SHCTX "Software\Classes\.ledger"
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  DeleteRegKey SHCTX "${UNINSTKEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
