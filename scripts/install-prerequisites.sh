#!/usr/bin/env bash
# Installs the system parts DataHub needs that are not there yet (Debian packages).
#   scripts/install-prerequisites.sh           what ./datahub needs (Tesseract + Vietnamese model, poppler)
#   scripts/install-prerequisites.sh --bench   plus what `datahub bench` needs (ImageMagick and fonts for the OCR corpus, wrk)
#   scripts/install-prerequisites.sh --tests   plus what ./test.sh needs (the above, PostgreSQL, Node.js for Azurite, Chromium)
set -euo pipefail
packages=(tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd poppler-utils)
bench=(imagemagick fonts-noto-core fonts-dejavu-core wrk)
case "${1:-}" in
  --bench) packages+=("${bench[@]}") ;;
  --tests) packages+=("${bench[@]}" postgresql nodejs npm chromium) ;;
esac
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js/npm may come from elsewhere than Debian (e.g. a preinstalled toolchain): accept a working one.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<< "${missing[*]:-}"
[[ ${#missing[@]} -eq 0 ]] && exit 0
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "datahub: missing Debian packages ${missing[*]}; run as root or install them with apt-get" >&2; exit 1; }
  sudo="sudo"
fi
echo "datahub: installing ${missing[*]} (Debian packages)…" >&2
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
