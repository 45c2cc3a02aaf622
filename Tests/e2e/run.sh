#!/usr/bin/env bash
# Runs every end-to-end test against a built binary and prints one summary line.
# Usage: CASEDESK_BIN=/path/to/casedesk Tests/e2e/run.sh
here=$(cd "$(dirname "$0")" && pwd)
E2E_ROOT=$(cd "$here/../.." && pwd)
source "$here/lib.sh"
e2e_require
command -v python3 >/dev/null 2>&1 || { echo "e2e: python3 is required" >&2; exit 2; }
E2E_TESTS=()
source "$here/cli.sh"
source "$here/console.sh"
source "$here/rulings.sh"
source "$here/hardening.sh"
source "$here/training.sh"
source "$here/upgrade.sh"
source "$here/trust.sh"
for test in "${E2E_TESTS[@]}"; do e2e_test "$test"; done
e2e_summary
