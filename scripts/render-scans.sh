#!/usr/bin/env bash
# Renders the bundled sample scans (samples/scans) from samples/scans/records.json:
# each record is laid out with samples/scans/layouts/<documentType>.layout.txt, drawn by text2image
# (Noto Serif, 300 dpi, A4) and then made to look scanned with ImageMagick (skew, quarter turns,
# uneven light + noise, JPEG loss). Also writes two multi-page files (a Group 4 TIFF and an
# image-only PDF), two deliberately broken files, and index.csv as a scanning team fills it in.
# Deterministic: same packages, same bytes. Needs text2image (tesseract-ocr), convert, jq.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
scans="$root/samples/scans"
records="$scans/records.json"
font="${FONT:-Noto Serif}"
for tool in text2image convert jq; do
  command -v "$tool" >/dev/null || { echo "render-scans: '$tool' is missing (apt-get install tesseract-ocr imagemagick jq)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Prints record $1 laid out as text: {field} placeholders of the layout replaced by the record's values.
layout_text() {
  local k="$1" type
  type="$(jq -r ".records[$k].documentType" "$records")"
  jq -r --rawfile layout "$scans/layouts/$type.layout.txt" \
    ".records[$k].fields | reduce to_entries[] as \$e (\$layout; gsub(\"\\\\{\" + \$e.key + \"\\\\}\"; \$e.value))" "$records"
}

# Renders record $1 to an 8-bit gray 300-dpi TIFF at $2; $3 = true adds text2image's degradation.
render_page() {
  local k="$1" out="$2" degrade="$3"
  layout_text "$k" > "$work/page.txt"
  text2image --text "$work/page.txt" --outputbase "$work/page" --font "$font" --fonts_dir /usr/share/fonts \
    --ptsize 12 --resolution 300 --xsize 2480 --ysize 3508 --margin 200 --leading 14 \
    --degrade_image="$degrade" --rotate_image=false --strip_unrenderable_words=false >/dev/null 2>&1
  convert "$work/page.tif" -colorspace Gray -depth 8 "$out"
}

# Applies a record's scan effects: $1 = record index, $2 = rendered page, $3 = output file.
scan_effects() {
  local k="$1" in="$2" out="$3" scan
  scan="$(jq -c ".records[$k].scan" "$records")"
  local skew rotate noise quality
  skew="$(jq -r '.skew // 0' <<<"$scan")"
  rotate="$(jq -r '.rotate // 0' <<<"$scan")"
  noise="$(jq -r '.noise // false' <<<"$scan")"
  quality="$(jq -r '.jpegQuality // empty' <<<"$scan")"
  local args=("$in")
  if [[ "$noise" == true ]]; then
    # Uneven light (a gradient multiplied in) and sensor noise, seeded so the bytes are reproducible.
    args+=( "(" -size 2480x3508 gradient:white-gray70 ")" -compose Multiply -composite
            -seed "$((k + 1))" -attenuate 0.6 +noise Gaussian -blur 0x0.6 )
  fi
  [[ "$skew" != 0 ]] && args+=( -background white -rotate "$skew" +repage )
  [[ "$rotate" != 0 ]] && args+=( -rotate "$rotate" +repage )
  args+=( -colorspace Gray -depth 8 -density 300 -units PixelsPerInch )
  [[ -n "$quality" ]] && args+=( -quality "$quality" )
  convert "${args[@]}" "$out"
}

# Writes an image-only PDF ($1) from gray JPEG pages ($2...), A4, one image per page: what a scanner's
# "scan to PDF" produces. Hand-written because ImageMagick's policy forbids writing PDF here.
make_pdf() {
  local out="$1"; shift
  local n=$# i=0 kids="" obj offsets=()
  : > "$out"
  emit() { offsets+=("$(stat -c %s "$out")"); printf '%s' "$1" >> "$out"; }
  printf '%%PDF-1.4\n' >> "$out"
  for ((i = 0; i < n; i++)); do kids+="$((3 + i * 3)) 0 R "; done
  emit $'1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'
  emit "2 0 obj"$'\n'"<< /Type /Pages /Kids [ ${kids}] /Count $n >>"$'\nendobj\n'
  i=0
  for jpg in "$@"; do
    local page=$((3 + i * 3)) image=$((4 + i * 3)) content=$((5 + i * 3)) w h len draw
    w="$(identify -format %w "$jpg")"; h="$(identify -format %h "$jpg")"; len="$(stat -c %s "$jpg")"
    emit "$page 0 obj"$'\n'"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 $image 0 R >> >> /Contents $content 0 R >>"$'\nendobj\n'
    emit "$image 0 obj"$'\n'"<< /Type /XObject /Subtype /Image /Width $w /Height $h /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length $len >>"$'\nstream\n'
    cat "$jpg" >> "$out"; printf '\nendstream\nendobj\n' >> "$out"
    draw="q 595 0 0 842 0 0 cm /Im0 Do Q"
    emit "$content 0 obj"$'\n'"<< /Length ${#draw} >>"$'\nstream\n'"$draw"$'\nendstream\nendobj\n'
    i=$((i + 1))
  done
  local xref; xref="$(stat -c %s "$out")"
  { printf 'xref\n0 %d\n0000000000 65535 f \n' "$((${#offsets[@]} + 1))"
    for o in "${offsets[@]}"; do printf '%010d 00000 n \n' "$o"; done
    printf 'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' "$((${#offsets[@]} + 1))" "$xref"; } >> "$out"
}

count="$(jq '.records | length' "$records")"
for ((k = 0; k < count; k++)); do
  file="$(jq -r ".records[$k].file" "$records")"
  noise="$(jq -r ".records[$k].scan.noise // false" "$records")"
  mkdir -p "$scans/$(dirname "$file")"
  render_page "$k" "$work/clean.png" "$noise"
  scan_effects "$k" "$work/clean.png" "$scans/$file"
  echo "rendered $file"
done

mkdir -p "$scans/box05"
# A land certificate batch scanned to one bilevel Group 4 TIFF (the usual archive format), slightly skewed.
mapfile -t tiff_records < <(jq -r '.multiPage[0].records[]' "$records")
pages=()
for k in "${tiff_records[@]}"; do
  render_page "$k" "$work/mp-$k.png" false
  convert "$work/mp-$k.png" -background white -rotate 1.5 +repage -threshold 60% -density 300 -units PixelsPerInch "$work/mp-$k.tif"
  pages+=("$work/mp-$k.tif")
done
convert "${pages[@]}" -compress Group4 "$scans/$(jq -r '.multiPage[0].file' "$records")"

# Household business registrations scanned to an image-only PDF.
mapfile -t pdf_records < <(jq -r '.multiPage[1].records[]' "$records")
pages=()
for k in "${pdf_records[@]}"; do
  render_page "$k" "$work/pdf-$k.png" false
  convert "$work/pdf-$k.png" -quality 70 "$work/pdf-$k.jpg"
  pages+=("$work/pdf-$k.jpg")
done
make_pdf "$scans/$(jq -r '.multiPage[1].file' "$records")" "${pages[@]}"
echo "rendered multi-page files"

# Deliberately broken inputs: the pipeline must report each one and carry on.
: > "$scans/box05/empty.tif"
source_jpg="$scans/$(jq -r '.records[1].file' "$records")"
head -c "$(( $(stat -c %s "$source_jpg") / 2 ))" "$source_jpg" > "$scans/box05/truncated.jpg"

# The scanning team's index: type left blank where the team did not know it, broken files listed too.
{
  echo "box,file,documentType,resultNumber"
  jq -r '.records[] | [.box, (.file | split("/")[1]), (if .indexedType then .documentType else "" end), .resultNumber] | @csv' "$records"
  jq -r '.multiPage[] | ["box05", (.file | split("/")[1]), .documentType, ""] | @csv' "$records"
  echo 'box05,empty.tif,birth-certificate,'
  echo 'box05,truncated.jpg,birth-certificate,'
} > "$scans/index.csv"
du -sh "$scans"
