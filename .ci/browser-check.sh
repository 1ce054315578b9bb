#!/usr/bin/env bash
# Browser check of the HTML report: opens every page in headless Chromium at 1400 px, saves a screenshot of
# each (the CI artefacts), and fails if a page does not load, an image is broken, a chart is empty (drawn
# smaller than 120 x 80 px) or a script error or console.error occurs.
#
# Usage: .ci/browser-check.sh [REPORT_DIR]
#   REPORT_DIR  a rendered report (e.g. out/report after ./drugstats run). Without it, the report of the test
#               fixture is rendered into a temporary directory (reports/src/test/.../FixtureReportMain).
# Environment: BROWSER_CHECK_OUT  where screenshots and DOM dumps go (default: target/browser-check).
#
# Installs the Debian package 'chromium' when it is missing (apt-get; run as root in CI).
# How a broken image is detected: every page carries a small inline script that, on the load event, sets
# data-images, data-images-broken and data-images-ok on <body> from each image's naturalWidth; the DOM is
# dumped with --dump-dom after load and these attributes are checked.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

out="${BROWSER_CHECK_OUT:-$root/target/browser-check}"
mkdir -p "$out"

if ! command -v chromium >/dev/null 2>&1; then
  echo "browser-check: installing chromium" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "browser-check: chromium is missing and this user cannot install it (run as root)" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

report="${1:-}"
if [ -z "$report" ]; then
  echo "browser-check: rendering the fixture report" >&2
  cp_file="$root/reports/target/browser-check.classpath"
  (mvn -B -q -o -pl reports -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" \
     || mvn -B -q -pl reports -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file") >&2
  work="$(mktemp -d)"
  java -Djava.awt.headless=true \
    -cp "$root/reports/target/test-classes:$root/reports/target/classes:$(cat "$cp_file")" \
    org.drugstats.reports.FixtureReportMain "$work/run" 2>&1 | grep -v '^SLF4J' >&2
  report="$work/run/report"
fi
report="$(cd "$report" && pwd)"

flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars)

status=0
pages=()
for f in "$report"/*.html; do pages+=("$(basename "$f")"); done
if [ "${#pages[@]}" -lt 3 ]; then
  echo "browser-check: FAIL: fewer than 3 pages in $report" >&2
  exit 1
fi
for page in "${pages[@]}"; do
  file="$report/$page"
  name="${page%.html}"
  if [ ! -f "$file" ]; then
    echo "browser-check: FAIL $page: file missing in $report" >&2
    status=1
    continue
  fi
  url="file://$file"
  shot="$out/$name.png"
  rm -f "$shot"
  if ! timeout 120 chromium "${flags[@]}" --user-data-dir="$(mktemp -d)" --screenshot="$shot" \
       --window-size=1400,1800 "$url" >"$out/$name.screenshot.log" 2>&1; then
    echo "browser-check: FAIL $page: chromium could not take a screenshot (see $out/$name.screenshot.log)" >&2
    status=1
    continue
  fi
  if [ ! -s "$shot" ] || [ "$(head -c 4 "$shot" | od -An -tx1 | tr -d ' \n')" != "89504e47" ]; then
    echo "browser-check: FAIL $page: no PNG screenshot written" >&2
    status=1
    continue
  fi
  dom="$out/$name.dom.html"
  if ! timeout 120 chromium "${flags[@]}" --user-data-dir="$(mktemp -d)" --dump-dom "$url" >"$dom" \
       2>"$out/$name.dom.log"; then
    echo "browser-check: FAIL $page: chromium could not load the page (see $out/$name.dom.log)" >&2
    status=1
    continue
  fi
  body="$(grep -o '<body[^>]*>' "$dom" | head -1 || true)"
  if [ -z "$body" ] || ! grep -q '<h1>' "$dom"; then
    echo "browser-check: FAIL $page: the page did not load (no body or heading in the DOM)" >&2
    status=1
    continue
  fi
  if ! printf '%s' "$body" | grep -q 'data-images-ok="true"'; then
    echo "browser-check: FAIL $page: broken images ($body)" >&2
    status=1
    continue
  fi
  if ! printf '%s' "$body" | grep -q 'data-js-errors="0"'; then
    echo "browser-check: FAIL $page: script errors or console errors ($body)" >&2
    status=1
    continue
  fi
  if ! printf '%s' "$body" | grep -q 'data-empty-charts="0"'; then
    echo "browser-check: FAIL $page: an empty chart ($body)" >&2
    status=1
    continue
  fi
  images="$(printf '%s' "$body" | sed -n 's/.*data-images="\([0-9]*\)".*/\1/p')"
  echo "browser-check: ok $page: loaded, $images images all decoded, screenshot $shot"
done

if [ "$status" -ne 0 ]; then
  echo "browser-check: FAILED (report: $report)" >&2
fi
exit "$status"
