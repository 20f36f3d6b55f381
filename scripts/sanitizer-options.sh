# Sourced by scripts/test-sanitizers.sh and scripts/test.sh: how the sanitizer builds run.
# halt_on_error: the first report ends the process with a failing status.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
