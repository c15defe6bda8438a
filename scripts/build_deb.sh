#!/usr/bin/env bash
# Package the frozen program as a .deb for Kylin/UOS and Debian/Ubuntu office PCs:
#   bash scripts/build.sh && bash scripts/build_deb.sh      ->  dist/ledger-app_VERSION_ARCH.deb
# Installs under /opt/ledger-app, with /usr/bin/ledger-app, a menu entry with its icon
# (办公 → 基层台账), the MIME type application/x-grassroots-ledger for *.ledger files and
# their association. The package needs the glibc the build was made with (checked here
# from the binaries, written into Depends): build on the oldest system you must support.
set -euo pipefail
cd "$(dirname "$0")/.."

src=dist/ledger-app
[[ -x $src/ledger-app ]] || { echo "先运行 scripts/build.sh（没有 $src/ledger-app）" >&2; exit 1; }
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
arch=$(dpkg --print-architecture)
# The newest GLIBC_x.y any bundled binary asks for is the oldest glibc it runs on.
glibc=$(find "$src" -type f \( -name '*.so*' -o -name ledger-app \) -exec objdump -T {} + 2>/dev/null \
        | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)

root=build/deb/root
rm -rf build/deb
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
         "$root/usr/share/mime/packages"
cp -a "$src" "$root/opt/ledger-app"
ln -s /opt/ledger-app/ledger-app "$root/usr/bin/ledger-app"

[[ -f build/icons/ledger-app-256.png ]] || { echo "图标缺失：先运行 scripts/build.sh" >&2; exit 1; }
for size in 48 128 256; do
  for kind in apps mimetypes; do
    mkdir -p "$root/usr/share/icons/hicolor/${size}x${size}/$kind"
  done
  cp build/icons/ledger-app-$size.png "$root/usr/share/icons/hicolor/${size}x${size}/apps/ledger-app.png"
  cp build/icons/ledger-app-$size.png \
     "$root/usr/share/icons/hicolor/${size}x${size}/mimetypes/application-x-grassroots-ledger.png"
done

cat > "$root/usr/share/applications/ledger-app.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=基层台账
Name[zh_CN]=基层台账
GenericName=台账管理
Comment=党支部、关工委、工会的台账管理（离线）
Exec=/opt/ledger-app/ledger-app %f
Icon=ledger-app
Terminal=false
Categories=Office;
MimeType=application/x-grassroots-ledger;
Keywords=台账;党支部;党建;关工委;工会;
StartupWMClass=ledger-app
DESKTOP

cat > "$root/usr/share/mime/packages/ledger-app.xml" <<MIME
<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/x-grassroots-ledger">
    <comment>Grassroots Ledger file</comment>
    <comment xml:lang="zh_CN">基层台账文件</comment>
    <sub-class-of type="application/vnd.sqlite3"/>
    <glob pattern="*.ledger" weight="80"/>
    <icon name="application-x-grassroots-ledger"/>
  </mime-type>
</mime-info>
MIME

size_kb=$(du -sk "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: ledger-app
Version: $version
Section: misc
Priority: optional
Architecture: $arch
Installed-Size: $size_kb
Depends: libc6 (>= $glibc), libgl1, libegl1, libfontconfig1, libfreetype6, libxkbcommon0, libxkbcommon-x11-0, libdbus-1-3, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-randr0, libxcb-render-util0, libxcb-image0, libxcb-xinerama0
Maintainer: Grassroots Ledger <ledger-app@localhost>
Description: 基层台账 Grassroots Ledger
 An offline desktop ledger for the secretary of a Party branch, 关工委 or
 trade union: records in the five standard categories, printouts in the
 style of the paper ledger, Excel in and out, inspection archives.
CONTROL

# Menus, MIME types and icon caches are refreshed by the triggers of desktop-file-utils,
# shared-mime-info and hicolor-icon-theme; these also cover systems without triggers.
cat > "$root/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
command -v update-mime-database >/dev/null && update-mime-database /usr/share/mime || true
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
exit 0
POSTINST
cp "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"

out=dist/ledger-app_${version}_${arch}.deb
# xz makes the smallest package; DEB_COMPRESS=gzip builds in a fraction of the time (CI).
dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-xz}" --build "$root" "$out" >/dev/null
echo "built $out: $(du -h "$out" | cut -f1), needs glibc >= $glibc"
