#!/usr/bin/env bash
# Register JourneyMapper with the desktop for the current user (Linux, freedesktop):
# the application menu entry, the icon at every size, and the application/x-journeymapper
# type for *.journey files, so a map opens in JourneyMapper from the file manager.
#
#   packaging/install_desktop.sh              # install (make install-desktop)
#   packaging/install_desktop.sh --uninstall  # remove what install put there
#
# What runs: $JOURNEYMAPPER_EXEC if set, else the bundle dist/journeymapper/journeymapper
# when `make dist` built one, else this checkout's .venv/bin/journeymapper. A small
# wrapper at ~/.local/bin/journeymapper runs it, and the desktop entry's Exec names that
# wrapper by its full path (the desktop's PATH may lack ~/.local/bin). Everything goes
# under $XDG_DATA_HOME (default ~/.local/share); nothing needs root. Tools that are
# missing (update-mime-database, update-desktop-database, xdg-mime,
# gtk-update-icon-cache) are skipped with a note: the files are in place regardless.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN="${JOURNEYMAPPER_BIN_DIR:-$HOME/.local/bin}"
APP=journeymapper
MIME=application/x-journeymapper
WRAPPER="$BIN/$APP"
WHO="${USER:-$(id -un)}"
MARK="# JourneyMapper launcher written by install_desktop.sh"

note() { printf '%s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

refresh() {
    if have update-mime-database; then
        update-mime-database "$DATA/mime" >/dev/null 2>&1 || note "update-mime-database failed (ignored)"
    else
        note "update-mime-database not found: *.journey files get their type after the next login or package update"
    fi
    if have update-desktop-database; then
        update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
    else
        note "update-desktop-database not found (skipped; most desktops rescan on their own)"
    fi
    if have gtk-update-icon-cache && [ -f "$DATA/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache --quiet --force "$DATA/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

uninstall() {
    rm -f "$DATA/applications/$APP.desktop" "$DATA/mime/packages/$APP.xml"
    find "$DATA/icons/hicolor" -path "*/apps/$APP.*" -delete 2>/dev/null || true
    if [ -f "$WRAPPER" ] && grep -qF "$MARK" "$WRAPPER"; then rm -f "$WRAPPER"; fi
    refresh
    note "JourneyMapper removed from the desktop of $WHO."
}

target() {
    if [ -n "${JOURNEYMAPPER_EXEC:-}" ]; then
        printf '%s\n' "$JOURNEYMAPPER_EXEC"
    elif [ -x "$ROOT/dist/$APP/$APP" ]; then
        printf '%s\n' "$ROOT/dist/$APP/$APP"
    elif [ -x "$ROOT/.venv/bin/$APP" ]; then
        printf '%s\n' "$ROOT/.venv/bin/$APP"
    else
        note "Nothing to run: build the bundle (make dist) or the venv (make venv) first," >&2
        note "or set JOURNEYMAPPER_EXEC to the journeymapper executable." >&2
        exit 2
    fi
}

install() {
    local exe
    exe="$(target)"
    mkdir -p "$BIN" "$DATA/applications" "$DATA/mime/packages" "$DATA/icons/hicolor"
    if [ -e "$WRAPPER" ] && ! grep -qF "$MARK" "$WRAPPER" 2>/dev/null; then
        note "$WRAPPER exists and is not ours: left alone; the menu entry runs $exe directly."
        launcher="$exe"
    else
        printf '#!/bin/sh\n%s\nexec "%s" "$@"\n' "$MARK" "$exe" >"$WRAPPER"
        chmod 755 "$WRAPPER"
        launcher="$WRAPPER"
    fi
    # The desktop entry, with Exec pointing at the launcher by its full path.
    local quoted=${launcher//\\/\\\\}
    quoted=${quoted//\"/\\\"}
    sed "s|^Exec=.*|Exec=\"$quoted\" %f|" "$ROOT/resources/desktop/$APP.desktop" \
        >"$DATA/applications/$APP.desktop"
    chmod 644 "$DATA/applications/$APP.desktop"
    cp "$ROOT/resources/desktop/$APP-mime.xml" "$DATA/mime/packages/$APP.xml"
    cp -R "$ROOT/resources/desktop/icons/hicolor/." "$DATA/icons/hicolor/"
    refresh
    if have xdg-mime; then
        xdg-mime default "$APP.desktop" "$MIME" >/dev/null 2>&1 || note "xdg-mime default failed (ignored)"
    else
        note "xdg-mime not found: JourneyMapper is offered for .journey files but may not be the default"
    fi
    note "JourneyMapper registered for $WHO:"
    note "  menu entry  $DATA/applications/$APP.desktop"
    note "  file type   $MIME (*.journey) in $DATA/mime/packages/$APP.xml"
    note "  icons       $DATA/icons/hicolor/*/apps/$APP.{png,svg}"
    note "  runs        $exe (via $launcher)"
}

case "${1:-}" in
    --uninstall) uninstall ;;
    "") install ;;
    *) note "usage: $0 [--uninstall]" >&2; exit 2 ;;
esac
