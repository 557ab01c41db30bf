#!/usr/bin/env bash
# Checks the HTML report of `threshold simulate` in a real headless browser (Chromium).
#
#   examples/src/test/browser/check-html-report.sh [OUTPUT_FOLDER]
#
# Needs the built jar (mvn -B -q package -DskipTests) and Chromium (Debian: apt-get install -y
# chromium; or set CHROMIUM to another Chromium or Chrome binary). The default build and CI do not
# run it. It writes the report of examples/scenarios/conveyor-policy.yaml, opens it at two widths,
# takes a screenshot of each (report-1280.png, report-720.png) and the DOM as the browser built it,
# and fails (exit 1) on any message the page writes to the browser's console, on a page that does
# not load, or where the chart's text is not text. PAGE=FILE.html checks that page instead of a
# fresh report (to see the check fail, give it a page with a script error).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../../.." && pwd)
jar=${JAR:-$root/examples/target/threshold.jar}
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
out=${1:-$root/examples/target/browser-check}

if [ -z "$browser" ] || [ ! -x "$browser" ]; then
  echo "check-html-report: no Chromium found. Install it (Debian: apt-get install -y chromium) or set CHROMIUM." >&2
  exit 2
fi
if [ -z "${PAGE:-}" ] && [ ! -f "$jar" ]; then
  echo "check-html-report: no $jar. Build it first: mvn -B -q package -DskipTests" >&2
  exit 2
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
report="$out/report.html"
if [ -n "${PAGE:-}" ]; then
  cp "$PAGE" "$report"
else
  java -jar "$jar" simulate "$root/examples/scenarios/conveyor-policy.yaml" --step 7d --html "$report" --quiet > /dev/null
fi

run() {
  # --no-sandbox: the browser may run as root in a container; the page is our own file
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --allow-file-access-from-files \
    --enable-logging=stderr --v=0 "$@" "file://$report"
}

failed=0
for width in 1280 720; do
  run --window-size="$width,3600" --screenshot="$out/report-$width.png" > /dev/null 2> "$out/chromium-$width.log"
  if [ ! -s "$out/report-$width.png" ]; then
    echo "check-html-report: no screenshot at width $width (see $out/chromium-$width.log)" >&2
    failed=1
  fi
done
run --dump-dom > "$out/dom.html" 2> "$out/chromium-dom.log"

# every message the page sends to the console, and every load error, fails the check
if grep -h -E 'CONSOLE|Uncaught|net::ERR_' "$out"/chromium-*.log; then
  echo "check-html-report: the page wrote to the browser's console or failed to load something (above)" >&2
  failed=1
fi
for expected in '<svg' 'MISCALIBRATION begins' 'the observer' 'Final assessment, as of 2026-12-31'; do
  if ! grep -q -- "$expected" "$out/dom.html"; then
    echo "check-html-report: the page as loaded lacks '$expected'" >&2
    failed=1
  fi
done
texts=$(grep -o '<text' "$out/dom.html" | wc -l)
if [ "$texts" -lt 20 ]; then
  echo "check-html-report: the chart has $texts text elements; its text should be text" >&2
  failed=1
fi
if [ "$failed" -ne 0 ]; then
  exit 1
fi
echo "check-html-report: no console messages; $texts text elements in the chart; screenshots in $out"
