#!/usr/bin/env bash
# Builds the CLI that ./datahub runs (and the integration tests drive) into .build/cli, ahead-of-time
# compiled (ReadyToRun) for this machine's runtime. Without it every run starts by JIT-compiling the
# code it needs: a nightly delta of 10,000 records spent most of its time there, and the first batches
# of every sync ran in unoptimized tier-0 code. Framework-dependent: the installed .NET runtime is used.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$home/.build/cli"
dotnet publish "$home/src/DataHub.Cli/DataHub.Cli.csproj" -c Release --use-current-runtime --self-contained false \
  -p:PublishReadyToRun=true -o "$out" -nologo -v q -clp:ErrorsOnly
touch "$out/datahub.dll"
