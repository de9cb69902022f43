#!/usr/bin/env bash
# Runs the whole test suite under ThreadSanitizer and AddressSanitizer, one after the other.
#
#   scripts/sanitizers.sh [thread|address]…     # default: both
#
# Each sanitizer builds into its own scratch folder (.build-tsan, .build-asan; git-ignored),
# so the normal .build stays as it is and a second run only rebuilds what changed. Each run:
#   1. the test suite, as CI runs it (`swift test --parallel`);
#   2. a workload for the Dispatch workers the tests touch lightly: the sanitized `apen`
#      generates a small synthetic dataset (one worker per file) and runs the example
#      pipeline twice with --jobs 4 (stages in parallel, then from the stage cache).
# The end-to-end tests start the sanitized `apen` as a child process whose standard error
# they capture, so every report goes to a file instead (log_path), one per process, under
# .build-<san>/reports/; the script counts them. The build and test output is kept as
# .build-<san>/sanitizers.log. The script prints how long each step took (see
# docs/hardening.md for measured times) and exits 1 when any run reports a problem or fails.
#
# Reports: TSan reports every data race with both stacks and keeps going (halt_on_error=0);
# ASan stops a process at its first error; LeakSanitizer runs with ASan.
set -uo pipefail
cd "$(dirname "$0")/.."

sanitizers=("$@")
if [ ${#sanitizers[@]} -eq 0 ]; then sanitizers=(thread address); fi

# The Swift runtime's crash backtracer would report a sanitizer abort a second time.
export SWIFT_BACKTRACE=enable=no
root="$(pwd)"

status=0
results=()
for san in "${sanitizers[@]}"; do
    case "$san" in
    thread) scratch=.build-tsan ;;
    address) scratch=.build-asan ;;
    *)
        echo "unknown sanitizer '$san' (use thread or address)" >&2
        exit 2
        ;;
    esac
    mkdir -p "$scratch"
    rm -rf "$scratch/reports" "$scratch/workload"
    mkdir -p "$scratch/reports" "$scratch/workload"
    export TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1 log_path=$root/$scratch/reports/tsan"
    export ASAN_OPTIONS="detect_leaks=1 log_path=$root/$scratch/reports/asan"
    # Foundation's Process.run (swift-corelibs-foundation) leaks the side table of a weak
    # reference it keeps, once per child process the end-to-end tests start; and
    # FoundationEssentials' readBytesFromFile leaks its 4 KiB buffer when the file is empty
    # (Data(contentsOf:) in PipelineLoader.load(path:) on an empty pipeline file). Not ours.
    printf 'leak:Foundation7ProcessC3run\nleak:readBytesFromFile\n' >"$scratch/lsan.supp"
    export LSAN_OPTIONS="suppressions=$root/$scratch/lsan.supp print_suppressions=0"
    log="$scratch/sanitizers.log"
    echo "== swift test --sanitize=$san (scratch $scratch, log $log)"
    start=$(date +%s)
    swift build --build-tests --sanitize="$san" --scratch-path "$scratch" >"$log" 2>&1
    rc=$?
    built=$(date +%s)
    if [ $rc -eq 0 ]; then
        swift test --skip-build --parallel --sanitize="$san" --scratch-path "$scratch" >>"$log" 2>&1
        rc=$?
    fi
    tested=$(date +%s)
    if [ $rc -eq 0 ]; then
        apen="$scratch/debug/apen"
        w="$scratch/workload"
        {
            "$apen" generate --scale 0.002 --years 2019-2020 --out "$w/generated" &&
                "$apen" run pipelines/example.yaml --jobs 4 --force --store "$w/store.sqlite" --out "$w/out" &&
                "$apen" run pipelines/example.yaml --jobs 4 --quiet --store "$w/store.sqlite" --out "$w/out"
        } >>"$log" 2>&1
        rc=$?
    fi
    end=$(date +%s)
    reports=$(cat "$scratch"/reports/* 2>/dev/null | grep -cE "WARNING: ThreadSanitizer|ERROR: AddressSanitizer|ERROR: LeakSanitizer")
    if [ $rc -ne 0 ] || [ "$reports" -ne 0 ]; then
        status=1
        verdict="FAILED (exit $rc, $reports sanitizer reports in $scratch/reports/; log $log)"
        cat "$scratch"/reports/* 2>/dev/null | grep -E "SUMMARY: (Thread|Address|Leak)Sanitizer" | sort | uniq -c | head -20
    else
        verdict="clean"
    fi
    results+=("$(printf '%-8s build %4ds  test %4ds  workload %4ds  %s' "$san" $((built - start)) $((tested - built)) $((end - tested)) "$verdict")")
done

echo
printf '%s\n' "${results[@]}"
exit $status
