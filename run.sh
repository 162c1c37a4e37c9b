#!/usr/bin/env bash
# Runs the portal on the embedded defaults: a SQLite file under Juso.Portal/App_Data, created, migrated
# and filled with the fictional municipality ひばり野市 on first run. Open http://localhost:5080.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project Juso.Portal -c Release --launch-profile Juso.Portal "$@"
