#!/usr/bin/env bash
# Installs the Debian packages Åpen needs, only when missing: libcsv-dev and libsqlite3-dev to
# build, and the sqlite3 shell, which the crash-safety tests use for PRAGMA integrity_check.
set -euo pipefail
need=()
for pkg in libcsv-dev libsqlite3-dev sqlite3; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if ((${#need[@]})); then
    echo "Installing ${need[*]} …" >&2
    sudo_cmd=""
    [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >&2
fi
