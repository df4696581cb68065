#!/usr/bin/env bash
# The whole test suite: starts the RabbitMQ and Redis the integration tests need (see scripts/test-infrastructure.sh),
# builds once, runs every test project, and ends with one line: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

source scripts/test-infrastructure.sh

# docker-compose.yml (and its GPU override) must resolve with the documented env file; `config` needs no engine.
# Skipped quietly where no compose binary is installed.
compose_failed=0
if command -v docker-compose >/dev/null 2>&1; then
  for files in "-f docker-compose.yml" "-f docker-compose.yml -f deploy/compose.gpu.yaml"; do
    # shellcheck disable=SC2086 # the file options are meant to split
    docker-compose --env-file deploy/.env.example $files config -q || { echo "docker-compose config failed: $files"; compose_failed=1; }
  done
fi

dotnet build Microservices.sln -c Release -nologo -v quiet || { echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

log_file="$(mktemp)"
# Arguments (a --filter, say) usually leave some projects with no test to run, which Microsoft.Testing.Platform reports
# as exit code 8; that is only a failure when the whole suite runs, where every project has tests.
narrowed=()
if [ "$#" -gt 0 ]; then narrowed=(--ignore-exit-code 8); fi
# Microsoft.Testing.Platform (global.json) runs every test project of the solution.
dotnet test --solution Microservices.sln -c Release --no-build "${narrowed[@]}" "$@" 2>&1 | tee "$log_file"
status=${PIPESTATUS[0]}

# The run ends with "Test run summary:" followed by "failed: F", "succeeded: P", "skipped: S" lines.
read -r passed failed skipped < <(awk '
  /Test run summary:/ { summary = 1 }
  summary && $1 == "failed:"    { f = $2 + 0 }
  summary && $1 == "succeeded:" { p = $2 + 0 }
  summary && $1 == "skipped:"   { s = $2 + 0 }
  END { print p + 0, f + 0, s + 0 }' "$log_file")
# A long run's failures scroll far above the last line; repeat each failed test and its message next to it.
if [ "$failed" -gt 0 ]; then
  echo "Failed tests (repeated from above):"
  grep -E -A 12 '^[[:space:]]*failed [^:]' "$log_file" | head -n 300
fi
rm -f "$log_file"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi # a crash or build error is a failure too
if [ "$compose_failed" -ne 0 ]; then failed=$((failed + 1)); status=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
