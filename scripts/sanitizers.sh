#!/usr/bin/env bash
# Runs the whole test suite under ThreadSanitizer and AddressSanitizer, one after the other.
#
#   scripts/sanitizers.sh [thread|address]…     # default: both
#
# Each sanitizer builds into its own scratch folder (.build-tsan, .build-asan; git-ignored),
# so the normal .build stays as it is and a second run only rebuilds what changed. The test
# command is the one CI runs (`swift test --parallel`), so the end-to-end tests run the
# sanitized `apen` too. The log of each run is kept as .build-<san>/sanitizers.log; the
# script prints how long each took (see docs/hardening.md for measured times) and exits 1
# when any run reports a problem or fails.
#
# Reports: TSan prints "WARNING: ThreadSanitizer: data race" with both stacks and keeps
# going (halt_on_error=0), so one run lists every race; ASan stops at the first error.
set -uo pipefail
cd "$(dirname "$0")/.."

sanitizers=("$@")
if [ ${#sanitizers[@]} -eq 0 ]; then sanitizers=(thread address); fi

# The Swift runtime's crash backtracer would report a sanitizer abort a second time.
export SWIFT_BACKTRACE=enable=no
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=0 second_deadlock_stack=1}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"

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
    end=$(date +%s)
    reports=$(grep -cE "WARNING: ThreadSanitizer|ERROR: AddressSanitizer|ERROR: LeakSanitizer" "$log")
    if [ $rc -ne 0 ] || [ "$reports" -ne 0 ]; then
        status=1
        verdict="FAILED (exit $rc, $reports sanitizer reports; see $log)"
        grep -E "SUMMARY: (Thread|Address|Leak)Sanitizer" "$log" | sort | uniq -c | head -20
    else
        verdict="clean"
    fi
    results+=("$(printf '%-8s build %4ds  test %4ds  %s' "$san" $((built - start)) $((end - built)) "$verdict")")
done

echo
printf '%s\n' "${results[@]}"
exit $status
