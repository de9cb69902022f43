#!/usr/bin/env bash
# Accessibility check of the generated reports (WCAG 2.1 AA and WCAG 2.2 AA target size) with
# axe-core in Debian's headless Chromium, driven by Playwright from PyPI. Installs what is
# missing: the Debian package `chromium` and a venv in .build/a11y-venv (git-ignored).
#
#   scripts/a11y.sh [FILE.html ...]     (default: every reports/*/report.html and profile page)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
    echo "Installing chromium …" >&2
    sudo_cmd=""
    [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >&2
fi
venv=.build/a11y-venv
if [[ ! -x $venv/bin/python ]] || ! $venv/bin/python -c "import playwright, axe_playwright_python" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "playwright==1.65.3" "axe-playwright-python==0.1.8"
fi
if (($# == 0)); then
    shopt -s nullglob
    set -- reports/*/report.html reports/*/profiles/*.html
fi
exec "$venv/bin/python" scripts/a11y.py "$@"
