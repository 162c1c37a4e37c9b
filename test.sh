#!/usr/bin/env bash
# Runs every test of Juso on a fresh Debian machine: installs what the tests need (Debian's chromium, Japanese
# fonts and poppler-utils for the browser and document tests, redis-server for the two-instance scale-out test,
# nginx and openssl for the reverse-proxy recipe test) when missing, builds, generates the SQL Server idempotent migrations
# script (a broken SQL Server migration fails here), and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=ja)" ]; then
  missing+=(fonts-noto-cjk)
fi
# Printed documents: IPAexGothic embeds as a small TrueType subset; pdftoppm renders PDF pages for review.
# (The font lists are read whole: `fc-list | grep -q` fails under pipefail once grep stops reading early.)
[[ "$(fc-list 2>/dev/null)" == *IPAexGothic* ]] || missing+=(fonts-ipaexfont-gothic)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  # RUNLEVEL=1: the packages' services (nginx on port 80, redis on 6379) are not started; the tests start their own.
  $sudo_cmd env RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
dotnet build Juso.sln -c Release -nologo -clp:ErrorsOnly

mkdir -p artifacts
dotnet ef migrations script --idempotent --no-build --configuration Release \
  --project Juso.Infrastructure --startup-project Juso.Infrastructure \
  --context SqlServerJusoDbContext --output artifacts/sqlserver-idempotent.sql >/dev/null
echo "SQL Server idempotent script: artifacts/sqlserver-idempotent.sql ($(wc -l < artifacts/sqlserver-idempotent.sql) lines)"

set +e
dotnet test Juso.Tests -c Release --no-build --nologo 2>&1 | tee artifacts/test.log
status=${PIPESTATUS[0]}
set -e
summary=$(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' artifacts/test.log | tail -n 1)
if [ -n "$summary" ]; then
  failed=$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$summary")
  passed=$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$summary")
  skipped=$(sed -E 's/.*Skipped: +([0-9]+),.*/\1/' <<<"$summary")
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
fi
exit "$status"
