#!/usr/bin/env bash
# Run the built bundle from inside dist/ as a user would, without a display (make dist-check):
# --version on stdout, a poster PDF and a PNG export of an example map, each checked; a map
# from a bundled template and a Mermaid journey converted to a poster.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP="$ROOT/dist/journeymapper/journeymapper"
EXAMPLE="$ROOT/examples/online-clothing-store.journey"
PY="${PY:-.venv/bin/python}"
[[ "$PY" = /* ]] || PY="$ROOT/$PY"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

[ -x "$APP" ] || { echo "no bundle at $APP: run make dist" >&2; exit 1; }
cd "$OUT"  # nothing may depend on the working directory
# A clean environment: no venv on PATH or PYTHONPATH, no display, a fresh HOME.
run() { env -i PATH=/usr/bin:/bin HOME="$OUT/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$APP" "$@"; }

version="$(run --version)"
echo "--version: $version"
[[ "$version" == journeymapper\ [0-9]* ]] || { echo "unexpected --version output" >&2; exit 1; }

run export "$EXAMPLE" -o "$OUT/out.pdf"
run export "$EXAMPLE" -o "$OUT/out.png"
# The bundle's own templates (resources/templates) and a one-step Mermaid conversion.
run new --template lifecycle -o "$OUT/lifecycle.journey"
grep -q '"Advocacy"' "$OUT/lifecycle.journey" || { echo "the template was not written" >&2; exit 1; }
printf 'journey\n  title Trip\n  section Plan\n    Book: 4: Ana\n' > "$OUT/trip.mmd"
run export "$OUT/trip.mmd" -o "$OUT/trip.pdf"
"$PY" - "$OUT/out.pdf" "$OUT/out.png" <<'PYEOF'
import struct
import sys

from pypdf import PdfReader

pdf, png = sys.argv[1], sys.argv[2]
reader = PdfReader(pdf)
page = reader.pages[0]
text = page.extract_text()
assert "Online clothing store" in text, text[:200]
fonts = {str(f.get("/BaseFont")) for f in page["/Resources"]["/Font"].values()}
assert any("DejaVu" in f for f in fonts), fonts
print(f"PDF: {len(reader.pages)} page(s), {float(page.mediabox.width):.0f} x "
      f"{float(page.mediabox.height):.0f} pt, fonts {sorted(fonts)}")
with open(png, "rb") as f:
    head = f.read(24)
assert head[:8] == b"\x89PNG\r\n\x1a\n", head
width, height = struct.unpack(">II", head[16:24])
assert width > 500 and height > 300, (width, height)
print(f"PNG: {width} x {height} px")
PYEOF
echo "bundle: $(du -sh "$ROOT/dist/journeymapper" | cut -f1)  ($ROOT/dist/journeymapper)"
echo "dist-check passed"
