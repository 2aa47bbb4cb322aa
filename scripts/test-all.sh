#!/usr/bin/env bash
# Runs every test of edgestack, the way CI does (`.ci/run` calls `npm test`, which calls this script).
#   1. installs mosquitto with apt when it is missing (the end-to-end tests start their own broker on loopback);
#   2. type-checks the whole project (tsc --noEmit);
#   3. runs jest (constructs, Pulumi mocks, engine, service, end-to-end against mosquitto);
#   4. runs the eKuiper conformance corpus through the conformance runner;
#   5. re-synthesizes the example fleet into a temporary folder and fails when committed charts-out/ differs.
# The last line is the overall count, "tests: N passed, M failed, K skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
status=0
step() { printf '\n=== %s\n' "$*"; }

step "mosquitto"
if ! command -v mosquitto >/dev/null 2>&1 && [ ! -x /usr/sbin/mosquitto ]; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mosquitto mosquitto-clients) >.tmp/apt.log 2>&1 \
      || { echo "apt-get install mosquitto failed; see .tmp/apt.log"; tail -20 .tmp/apt.log; status=1; }
  else
    echo "mosquitto is missing and this is not root: install it with 'sudo apt-get install -y mosquitto'"; status=1
  fi
fi
command -v mosquitto >/dev/null 2>&1 || export PATH="$PATH:/usr/sbin"
mosquitto -h 2>/dev/null | head -1 || true

step "typecheck (tsc --noEmit)"
npx tsc --noEmit -p tsconfig.json || status=1

step "jest"
npx jest --ci --maxWorkers=2 --json --outputFile=.tmp/jest.json || status=1

step "conformance (npm run conformance)"
npx tsx runtime/conformance/main.ts test/fixtures/conformance/examples.json | tee .tmp/conformance.txt || status=1

step "charts-out drift"
rm -rf .tmp/synth && npx cdk8s synth --no-check-upgrade --output .tmp/synth >.tmp/synth.log 2>&1 \
  || { cat .tmp/synth.log; status=1; }
if diff -r charts-out .tmp/synth >.tmp/drift.diff; then
  echo "charts-out/ matches a fresh synth"
else
  echo "charts-out/ differs from a fresh synth: run 'npm run synth' and commit charts-out/"; head -60 .tmp/drift.diff; status=1
fi

node -e '
  const fs = require("fs");
  let p = 0, f = 0, s = 0;
  try { const j = JSON.parse(fs.readFileSync(".tmp/jest.json", "utf8")); p += j.numPassedTests; f += j.numFailedTests; s += j.numPendingTests + (j.numTodoTests || 0); } catch { f += 1; }
  try { const m = /(\d+) passed, (\d+) failed/.exec(fs.readFileSync(".tmp/conformance.txt", "utf8")); p += +m[1]; f += +m[2]; } catch { f += 1; }
  console.log(`\ntests: ${p} passed, ${f} failed, ${s} skipped`);
'
exit $status
