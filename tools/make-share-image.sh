#!/usr/bin/env bash
# Makes the default link-preview image (1200×630, Open Graph) from the HTML below with headless
# Chromium, then writes it as base64 into Sources/Walidata/Publishing/ShareImage+Data.swift.
# Run again after changing the design; an admin may replace the image (issue 10).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
cat > "$tmp/share.html" <<'HTML'
<!doctype html><html><head><meta charset="utf-8"><style>
html,body{margin:0;width:1200px;height:630px;overflow:hidden}
body{background:#0b4f8a;font-family:"DejaVu Sans",sans-serif;color:#fff;display:flex;flex-direction:column;justify-content:center;padding:0 90px;box-sizing:border-box}
.mark{width:120px;height:120px;border-radius:24px;background:#f2b705;display:flex;align-items:center;justify-content:center;font-size:64px;font-weight:700;color:#0b4f8a;margin-bottom:40px}
h1{font-size:72px;margin:0 0 16px}p{font-size:34px;margin:0;opacity:.92;line-height:1.35}
.bar{position:absolute;left:0;bottom:0;width:1200px;height:18px;background:#f2b705}
</style></head><body><div class="mark">W</div><h1>Walidata</h1>
<p>Data dan pengumuman Dinas Komunikasi dan Informatika<br>Kabupaten Kepulauan Mentawai</p><div class="bar"></div></body></html>
HTML
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,630 --screenshot="$tmp/share.png" "file://$tmp/share.html" >/dev/null 2>&1
python3 - "$tmp/share.png" <<'PY'
import base64, sys, struct
data = open(sys.argv[1], "rb").read()
w, h = struct.unpack(">II", data[16:24])
assert (w, h) == (1200, 630), (w, h)
b64 = base64.b64encode(data).decode()
lines = [b64[i:i + 120] for i in range(0, len(b64), 120)]
body = "\n".join(lines)
open("Sources/Walidata/Publishing/ShareImage+Data.swift", "w").write(
    "// Made by tools/make-share-image.sh; do not edit by hand.\n"
    "extension ShareImage {\n"
    f"    /// {w}×{h} PNG, {len(data)} bytes.\n"
    "    static let defaultBase64 = \"\"\"\n" + body + "\n\"\"\"\n}\n")
print(w, h, len(data))
PY
rm -rf "$tmp"
