#!/usr/bin/env bash
# Runs the portal as it ships (the Production pipeline: error page, Secure __Host- cookies) on the embedded
# defaults: a SQLite file under Juso.Portal/App_Data, created, migrated and filled with the fictional municipality
# ひばり野市 on first run. Listens on loopback only, over plain HTTP, which browsers treat as a secure context there:
# open http://localhost:5080. Anything else needs HTTPS (docs/deployment.md).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}" ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
exec dotnet run --project Juso.Portal -c Release --no-launch-profile "$@"
