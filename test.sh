#!/usr/bin/env bash
# The whole test suite: starts the RabbitMQ and Redis the integration tests need (see scripts/test-infrastructure.sh),
# builds once, runs every test project, and ends with one line: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

source scripts/test-infrastructure.sh

dotnet build Microservices.sln -c Release -nologo -v quiet || { echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

log_file="$(mktemp)"
dotnet test Microservices.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log_file"
status=${PIPESTATUS[0]}

# Each test project prints "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T" (or "Failed!  - ..."); add them up.
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i + 1) + 0 }
      if ($i == "Passed:")  { p += $(i + 1) + 0 }
      if ($i == "Skipped:") { s += $(i + 1) + 0 }
    }
  }
  END { print p + 0, f + 0, s + 0 }' "$log_file")
rm -f "$log_file"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi # a crash or build error is a failure too
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
