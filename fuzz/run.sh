#!/usr/bin/env bash
# Builds the fuzz targets (libFuzzer + AddressSanitizer) and runs each for a bounded time.
#
#   fuzz/run.sh [seconds] [target…]     # default: 60 s each, all seven targets, one at a time
#
# Each target starts from its committed seeds (fuzz/corpus/<target>/) plus what earlier runs
# found (fuzz/out/<target>/corpus/, git-ignored), with fuzz/dicts/<target>.dict when there is
# one. A crash, a sanitizer report, a violated property or an input slower than 5 s
# (-timeout=5) stops that target and leaves the input
# in fuzz/out/<target>/ (crash-*, timeout-*, leak-*, oom-*); replay it with
#   fuzz/.build/debug/<target> fuzz/out/<target>/crash-…
# The summary gives executions and coverage (cov: edges, ft: features) from libFuzzer's
# final stats. The exit status is 1 when any target found something.
set -euo pipefail

cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(FuzzCSV FuzzPipeline FuzzExpression FuzzIndicatorCSV FuzzDate FuzzNumber); fi

echo "Building the fuzz targets (debug, -sanitize=fuzzer,address)…"
swift build -c debug -Xswiftc -sanitize=fuzzer,address 2>&1 \
    | grep -v "Cannot export local symbol" | grep -E "error|warning: |Compiling|Build" || true
bin="$(swift build -c debug -Xswiftc -sanitize=fuzzer,address --show-bin-path)"

# The Swift runtime's crash backtracer reads memory ASan then reports as a second,
# spurious error; libFuzzer's own stack trace is enough.
export SWIFT_BACKTRACE=enable=no
# FuzzCSV writes every input to a file; keep that in memory when the system allows.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then export TMPDIR=/dev/shm; fi

status=0
summary=()
for t in "${targets[@]}"; do
    out="out/$t"
    mkdir -p "$out/corpus"
    log="$out/run.log"
    echo "Fuzzing $t for ${seconds}s (log: fuzz/$log)…"
    dict=()
    if [ -f "dicts/$t.dict" ]; then dict=(-dict="dicts/$t.dict"); fi
    set +e
    # Leak checking stays on; ASan's own report and libFuzzer's artefact name the input.
    "$bin/$t" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 ${dict[@]+"${dict[@]}"} \
        -artifact_prefix="$out/" "$out/corpus" "corpus/$t" >"$log" 2>&1
    rc=$?
    set -e
    execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
    last="$(grep -E '^#[0-9]+' "$log" | tail -1 || true)"
    cov="$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo '?')"
    ft="$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo '?')"
    corpus="$(ls "$out/corpus" | wc -l)"
    if [ $rc -eq 0 ]; then
        verdict="ok"
    else
        verdict="FOUND (exit $rc): $(ls -t "$out" | grep -E '^(crash|timeout|leak|oom|slow-unit)-' | head -1 || true)"
        status=1
        grep -E 'ERROR|Fatal error|property violated|SUMMARY' "$log" | head -5 || true
    fi
    summary+=("$(printf '%-15s execs %-10s cov %-6s ft %-7s new corpus %-6s %s' "$t" "$execs" "$cov" "$ft" "$corpus" "$verdict")")
done

echo
echo "Summary (${seconds}s per target):"
printf '%s\n' "${summary[@]}"
exit $status
