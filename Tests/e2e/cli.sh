# End-to-end tests of the scriptable commands on a new database. Sourced by run.sh.

# Columns a line takes on a terminal (East Asian Wide/Fullwidth = 2), by Python's Unicode tables.
display_widths() {
    python3 -c '
import sys, unicodedata
for line in sys.stdin.read().split("\n"):
    print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in line))
'
}

test_snapshot_shows_three_aligned_panes_with_chinese_titles() {
    local tmp out
    tmp=$(mktemp -d)
    out=$("$CASEDESK_BIN" snapshot --db "$tmp/new.sqlite" --size 100x30 --now 2026-11-27T08:00:00Z)
    rm -rf "$tmp"
    for pane in "Queue · by deadline" "─ Case ─" "─ Evidence ("; do
        grep -qF -- "$pane" <<<"$out" || { echo "no pane '$pane'" >&2; return 1; }
    done
    grep -qF "婴儿奶粉收到时已过保质期" <<<"$out" || { echo "no Chinese title" >&2; return 1; }
    [ "$(wc -l <<<"$out")" -eq 30 ] || { echo "not 30 rows" >&2; return 1; }
    local widest
    widest=$(display_widths <<<"$out" | sort -n | tail -n 1)
    [ "$widest" -le 100 ] || { echo "a line is $widest columns wide" >&2; return 1; }
    # The queue's right border and the right panes' left border: one column on every body row.
    python3 - "$out" <<'PY' || return 1
import sys, unicodedata
def cols(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
rows = sys.argv[1].split("\n")[1:29]
positions = set()
for row in rows:
    seen = [cols(row[:i]) for i, c in enumerate(row) if c in "│┐┘┌└"]
    positions.add(tuple(p for p in seen if p not in (0,)) [:2])
if len(positions) != 1:
    print("borders move between rows:", positions, file=sys.stderr); sys.exit(1)
PY
}

test_snapshot_replays_keys_and_rejects_bad_ones() {
    local tmp out status
    tmp=$(mktemp -d)
    out=$("$CASEDESK_BIN" snapshot --db "$tmp/c.sqlite" --now 2026-11-27T08:00:00Z --keys 'jj?')
    grep -qF "3/15 cases" <<<"$out" || { echo "keys not replayed" >&2; return 1; }
    grep -qF "Help · keys in the queue" <<<"$out" || { echo "help not shown" >&2; return 1; }
    set +e
    out=$("$CASEDESK_BIN" snapshot --db "$tmp/c.sqlite" --keys 'j<Nope>' 2>&1)
    status=$?
    set -e
    rm -rf "$tmp"
    [ "$status" -ne 0 ] || { echo "bad keys accepted" >&2; return 1; }
    grep -qF "<Nope>" <<<"$out" || { echo "error does not name the key: $out" >&2; return 1; }
}

test_queue_json_lists_the_examples() {
    local tmp
    tmp=$(mktemp -d)
    "$CASEDESK_BIN" queue --db "$tmp/c.sqlite" --json >"$tmp/queue.json"
    python3 - "$tmp/queue.json" <<'PY' || { rm -rf "$tmp"; return 1; }
import json, sys, datetime
items = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(items) >= 12, len(items)
for item in items:
    for key in ("id", "stage", "deadline", "title"):
        assert key in item, (key, item)
    if item["deadline"] is not None:
        datetime.datetime.strptime(item["deadline"], "%Y-%m-%dT%H:%M:%SZ")
deadlines = [i["deadline"] for i in items if i["deadline"]]
assert deadlines == sorted(deadlines), "not in deadline order"
assert any(i["deadline"] is None for i in items)
PY
    rm -rf "$tmp"
}

test_database_location_follows_the_environment() {
    local tmp
    tmp=$(mktemp -d)
    CASEDESK_DB="$tmp/env.sqlite" "$CASEDESK_BIN" queue --limit 1 >/dev/null
    [ -f "$tmp/env.sqlite" ] || { echo "CASEDESK_DB ignored" >&2; rm -rf "$tmp"; return 1; }
    env -u CASEDESK_DB XDG_DATA_HOME="$tmp/xdg" "$CASEDESK_BIN" queue --limit 1 >/dev/null
    [ -f "$tmp/xdg/casedesk/cases.sqlite" ] || { echo "XDG_DATA_HOME ignored" >&2; rm -rf "$tmp"; return 1; }
    env -u CASEDESK_DB -u XDG_DATA_HOME HOME="$tmp/home" "$CASEDESK_BIN" queue --limit 1 >/dev/null
    [ -f "$tmp/home/.local/share/casedesk/cases.sqlite" ] || { echo "HOME fallback ignored" >&2; rm -rf "$tmp"; return 1; }
    rm -rf "$tmp"
}

test_console_without_a_terminal_says_so() {
    local tmp out status
    tmp=$(mktemp -d)
    set +e
    out=$("$CASEDESK_BIN" --db "$tmp/c.sqlite" </dev/null 2>&1)
    status=$?
    set -e
    rm -rf "$tmp"
    [ "$status" -eq 1 ] || { echo "status $status" >&2; return 1; }
    grep -qF "must be a terminal" <<<"$out" || { echo "unclear message: $out" >&2; return 1; }
}

E2E_TESTS+=(
    test_snapshot_shows_three_aligned_panes_with_chinese_titles
    test_snapshot_replays_keys_and_rejects_bad_ones
    test_queue_json_lists_the_examples
    test_database_location_follows_the_environment
    test_console_without_a_terminal_says_so
)
