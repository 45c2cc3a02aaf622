#!/usr/bin/env bash
# Runs casedesk-bench for this checkout and for the release before typed events (742c5e6) back
# to back at 1,000,000 cases, the way Benchmarks/results.md's "Typed history" table was made.
# The previous release gets the same bench (with the take row) applied as a patch.
# Usage: Benchmarks/compare-previous.sh [CASES] [RUNS]   (about 20 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-1000000}
runs=${2:-300}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/previous" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -f -q "$work/previous" 742c5e6
# The bench's take row and its writable raw connection, as added by the commit that introduced them.
patch_commit=$(git log --format=%H --grep='Benchmarks: time a single take' -n 1)
git diff "$patch_commit^" "$patch_commit" -- Sources/casedesk-bench | git -C "$work/previous" apply
swift build -c release --product casedesk-bench >/dev/null
(cd "$work/previous" && swift build -c release --product casedesk-bench >/dev/null)
echo "## this checkout ($(git rev-parse --short HEAD))"
"$(swift build -c release --show-bin-path)/casedesk-bench" --cases "$cases" --runs "$runs" --out "$work/this.md" >/dev/null
cat "$work/this.md"
echo "## previous release (742c5e6)"
"$work/previous/.build/release/casedesk-bench" --cases "$cases" --runs "$runs" --out "$work/previous.md" >/dev/null
cat "$work/previous.md"
