#!/usr/bin/env bash
# Installs what the tests need, builds, runs every test project against the real parts
# (Tesseract, PostgreSQL, Azurite, Kestrel on 127.0.0.1 — each test fixture starts its own on a free
# loopback port and stops it), and prints one summary line.
set -uo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$home"
export DATAHUB_HOME="$home" OMP_THREAD_LIMIT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
scripts/install-prerequisites.sh --tests || exit 1

results="$home/.run/test-results"
rm -rf "$results"; mkdir -p "$results"
dotnet build DataHub.sln -c Release -nologo -v q -clp:ErrorsOnly || { echo "build failed"; exit 1; }
# The CLI the integration tests drive is the launcher's build.
scripts/build-cli.sh || exit 1

status=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=1
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<< "$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<< "$counters")
  total=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<< "$counters"); executed=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<< "$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 && $skipped -eq 0 && $passed -gt 0 ]] || status=1
exit $status
