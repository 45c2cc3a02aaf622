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
    out=$("$CASEDESK_BIN" snapshot --db "$tmp/new.sqlite" --simulated --size 100x30 --now 2026-11-27T08:00:00Z)
    rm -rf "$tmp"
    for pane in "Queue · by deadline" "─ Case ─" "─ Evidence ("; do
        grep -qF -- "$pane" <<<"$out" || { echo "no pane '$pane'" >&2; return 1; }
    done
    grep -qF "婴儿奶粉收到时已过保质期" <<<"$out" || { echo "no Chinese title" >&2; return 1; }
    head -1 <<<"$out" | grep -qF "│ SIMULATED │" || { echo "a simulated database is not marked" >&2; return 1; }
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
    out=$("$CASEDESK_BIN" snapshot --db "$tmp/c.sqlite" --simulated --now 2026-11-27T08:00:00Z --keys 'jj?')
    grep -qF "3/17 cases" <<<"$out" || { echo "keys not replayed" >&2; return 1; }
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

# Issue 3's acceptance: a silent merchant's case is moved by `sweep --now` to the pack's
# default outcome, `case show --json` shows the audit record naming the rule, and a second
# sweep changes nothing.
test_sweep_applies_the_merchant_silence_default_once() {
    local tmp db out
    tmp=$(mktemp -d)
    db="$tmp/c.sqlite"
    # A rehearsal database: only a simulated clock may be moved forward by --now.
    "$CASEDESK_BIN" queue --db "$db" --simulated --limit 1 >/dev/null
    # Example case 2: a merchant who has not answered; its deadline is 5 hours after loading.
    out=$("$CASEDESK_BIN" case show 2 --db "$db" --json)
    python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["stage"]=="merchant_response", d["stage"]; assert d["on_expiry"]["event"]=="merchant_silent"' <<<"$out"
    local later
    later=$(python3 -c 'import datetime; print((datetime.datetime.now(datetime.timezone.utc)+datetime.timedelta(hours=6)).strftime("%Y-%m-%dT%H:%M:%SZ"))')
    out=$("$CASEDESK_BIN" sweep --db "$db" --now "$later")
    grep -qF "#2	merchant_response → execution	merchant_silent	marketplace@1 merchant_response.on_expiry" <<<"$out" \
        || { echo "sweep did not move case 2: $out" >&2; rm -rf "$tmp"; return 1; }
    "$CASEDESK_BIN" case show 2 --db "$db" --json >"$tmp/show.json"
    python3 - "$tmp/show.json" <<'PY' || { rm -rf "$tmp"; return 1; }
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["stage"] == "execution", d["stage"]
last = d["audit"][-1]
assert last["action"] == "merchant_silent" and last["actor"] == "sweeper", last
assert "rule marketplace@1 merchant_response.on_expiry" in last["detail"], last["detail"]
PY
    out=$("$CASEDESK_BIN" sweep --db "$db" --now "$later")
    grep -qF "swept: 0 default outcome(s) applied" <<<"$out" || { echo "second sweep changed something: $out" >&2; rm -rf "$tmp"; return 1; }
    rm -rf "$tmp"
}

test_import_rejects_a_bad_file_whole_and_names_the_line() {
    local tmp db status out
    tmp=$(mktemp -d)
    db="$tmp/c.sqlite"
    "$CASEDESK_BIN" queue --db "$db" --limit 1 >/dev/null
    printf '%s\n' \
        '{"type": "event", "case": 2, "party": "merchant", "event": "reject", "at": "now-2h"}' \
        '{"type": "event", "case": 2, "party": "buyer", "event": "escalate", "at": "now-1h"}' \
        '{"type": "event", "case": 2, "party": "buyer", "event": "agree", "at": "now-1h"}' >"$tmp/events.jsonl"
    set +e
    out=$("$CASEDESK_BIN" import "$tmp/events.jsonl" --db "$db" 2>&1)
    status=$?
    set -e
    [ "$status" -eq 1 ] || { echo "status $status" >&2; rm -rf "$tmp"; return 1; }
    grep -qF "line 3: a buyer cannot 'agree'" <<<"$out" || { echo "no line 3 error: $out" >&2; rm -rf "$tmp"; return 1; }
    "$CASEDESK_BIN" case show 2 --db "$db" --json | python3 -c 'import json,sys; assert json.load(sys.stdin)["stage"]=="merchant_response"' \
        || { echo "the database changed" >&2; rm -rf "$tmp"; return 1; }
    # The shipped example events fit a new database.
    "$CASEDESK_BIN" import "$E2E_ROOT/examples/events.jsonl" --db "$db" >/dev/null
    "$CASEDESK_BIN" case show 2 --db "$db" --json | python3 -c 'import json,sys; assert json.load(sys.stdin)["stage"]=="intervention"' \
        || { echo "example events did not apply" >&2; rm -rf "$tmp"; return 1; }
    rm -rf "$tmp"
}

test_unknown_users_are_refused_and_roles_are_enforced() {
    local tmp db status out
    tmp=$(mktemp -d)
    db="$tmp/c.sqlite"
    "$CASEDESK_BIN" staff list --db "$db" >/dev/null
    set +e
    out=$("$CASEDESK_BIN" queue --db "$db" --as stranger 2>&1); status=$?
    set -e
    [ "$status" -eq 1 ] && grep -qF "casedesk staff add stranger" <<<"$out" || { echo "stranger let in: $out" >&2; rm -rf "$tmp"; return 1; }
    set +e
    out=$("$CASEDESK_BIN" case suspend 1 --db "$db" --as chen.jing 2>&1); status=$?
    set -e
    [ "$status" -eq 1 ] && grep -qF "trainer and may not take lifecycle steps" <<<"$out" || { echo "trainer stepped: $out" >&2; rm -rf "$tmp"; return 1; }
    "$CASEDESK_BIN" case suspend 1 --db "$db" --as lin.mei >/dev/null
    "$CASEDESK_BIN" case resume 1 --db "$db" --as lin.mei >/dev/null
    rm -rf "$tmp"
}

# Issue 15: one evidence item's content, exact when piped or saved, checked against its hash.
test_case_evidence_prints_and_saves_the_exact_content() {
    local tmp db out status
    tmp=$(mktemp -d)
    db="$tmp/c.sqlite"
    "$CASEDESK_BIN" case evidence 2 3 --db "$db" > "$tmp/piped"
    "$CASEDESK_BIN" case evidence 2 3 --db "$db" --out "$tmp/saved" >/dev/null
    cmp -s "$tmp/piped" "$tmp/saved" || { echo "piped and saved content differ" >&2; rm -rf "$tmp"; return 1; }
    [ "$(sha256sum < "$tmp/saved" | cut -d' ' -f1)" = "$("$CASEDESK_BIN" case show 2 --db "$db" --json | python3 -c 'import json,sys; print([e["sha256"] for e in json.load(sys.stdin)["evidence"] if e["id"]==3][0])')" ] \
        || { echo "the saved content does not match its hash" >&2; rm -rf "$tmp"; return 1; }
    [ "$(stat -c %a "$tmp/saved")" = 600 ] || { echo "the saved evidence is not 0600" >&2; rm -rf "$tmp"; return 1; }
    set +e
    out=$("$CASEDESK_BIN" case evidence 2 99 --db "$db" 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -qF "has no evidence item #99" <<<"$out" || { echo "a missing item: $status $out" >&2; rm -rf "$tmp"; return 1; }
    rm -rf "$tmp"
}

E2E_TESTS+=(
    test_sweep_applies_the_merchant_silence_default_once
    test_import_rejects_a_bad_file_whole_and_names_the_line
    test_unknown_users_are_refused_and_roles_are_enforced
    test_case_evidence_prints_and_saves_the_exact_content
)

test_verify_passes_then_names_a_tampered_record() {
    local tmp db status out
    tmp=$(mktemp -d)
    db="$tmp/c.sqlite"
    out=$("$CASEDESK_BIN" verify --db "$db")
    grep -qE "^intact: [0-9]+ audit records, [0-9]+ evidence items, [0-9]+ rulings$" <<<"$out" || { echo "not intact: $out" >&2; rm -rf "$tmp"; return 1; }
    python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE audit SET detail = detail || \" \" WHERE id = 9"); c.commit()' "$db"
    set +e
    out=$("$CASEDESK_BIN" verify --db "$db" 2>&1); status=$?
    set -e
    rm -rf "$tmp"
    [ "$status" -eq 1 ] || { echo "verify exited $status on a tampered database" >&2; return 1; }
    grep -qF "audit record #9 " <<<"$out" || { echo "tampered record not named: $out" >&2; return 1; }
}

E2E_TESTS+=(test_verify_passes_then_names_a_tampered_record)

test_search_finds_chinese_and_english() {
    local tmp db out
    tmp=$(mktemp -d)
    db="$tmp/c.sqlite"
    out=$("$CASEDESK_BIN" search 开箱视频 --db "$db")
    grep -qF "收到的手机屏幕碎裂" <<<"$out" || { echo "Chinese search missed: $out" >&2; rm -rf "$tmp"; return 1; }
    out=$("$CASEDESK_BIN" search headphones --db "$db" --json)
    python3 -c 'import json,sys; d=json.load(sys.stdin); assert [i["id"] for i in d]==[10], d' <<<"$out" \
        || { echo "English search missed: $out" >&2; rm -rf "$tmp"; return 1; }
    rm -rf "$tmp"
}

# Two processes racing on one case: exactly one wins, the other is told who holds it.
test_two_processes_racing_to_take_a_case() {
    local tmp db a b
    tmp=$(mktemp -d)
    db="$tmp/c.sqlite"
    "$CASEDESK_BIN" queue --db "$db" --limit 1 >/dev/null
    for round in 1 2 3 4 5; do
        "$CASEDESK_BIN" case release 8 --db "$db" >/dev/null 2>&1 || true
        ( set +e; "$CASEDESK_BIN" case take 8 --db "$db" --as lin.mei >"$tmp/a" 2>&1; echo $? >>"$tmp/a" ) &
        ( set +e; "$CASEDESK_BIN" case take 8 --db "$db" --as zhang.wei >"$tmp/b" 2>&1; echo $? >>"$tmp/b" ) &
        wait
        a=$(tail -n 1 "$tmp/a"); b=$(tail -n 1 "$tmp/b")
        if [ "$a$b" != "01" ] && [ "$a$b" != "10" ]; then
            echo "round $round: exit statuses $a and $b" >&2; cat "$tmp/a" "$tmp/b" >&2; rm -rf "$tmp"; return 1
        fi
        grep -qF "is taken by" "$tmp/a" "$tmp/b" || { echo "no conflict message" >&2; rm -rf "$tmp"; return 1; }
    done
    "$CASEDESK_BIN" verify --db "$db" >/dev/null || { echo "verify failed after the races" >&2; rm -rf "$tmp"; return 1; }
    rm -rf "$tmp"
}

E2E_TESTS+=(test_search_finds_chinese_and_english test_two_processes_racing_to_take_a_case)

test_export_import_export_round_trips() {
    local tmp
    tmp=$(mktemp -d)
    "$CASEDESK_BIN" queue --db "$tmp/a.sqlite" --limit 1 >/dev/null
    for format in jsonl csv; do
        "$CASEDESK_BIN" export --format "$format" --db "$tmp/a.sqlite" --out "$tmp/one.$format"
        rm -f "$tmp/b.sqlite"*
        "$CASEDESK_BIN" import "$tmp/one.$format" --db "$tmp/b.sqlite" >/dev/null \
            || { echo "import of $format failed" >&2; rm -rf "$tmp"; return 1; }
        "$CASEDESK_BIN" export --format "$format" --db "$tmp/b.sqlite" --out "$tmp/two.$format"
        cmp -s "$tmp/one.$format" "$tmp/two.$format" || { echo "$format round trip differs" >&2; rm -rf "$tmp"; return 1; }
    done
    python3 -c 'import csv,sys; rows=list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))); assert rows[0][:3]==["id","title","narrative"] and len(rows)==18, len(rows)' "$tmp/one.csv" \
        || { echo "the CSV does not read as CSV" >&2; rm -rf "$tmp"; return 1; }
    rm -rf "$tmp"
}

E2E_TESTS+=(test_export_import_export_round_trips)

test_config_rebinds_keys_and_refuses_bad_files() {
    local tmp out status
    tmp=$(mktemp -d)
    mkdir -p "$tmp/xdg/casedesk"
    printf '[keys]\ntake = "y"\nquit = ["q", "<C-q>"]\n' >"$tmp/xdg/casedesk/config.toml"
    out=$(XDG_CONFIG_HOME="$tmp/xdg" "$CASEDESK_BIN" snapshot --db "$tmp/c.sqlite" --keys '?')
    grep -qF "y          Take the case" <<<"$out" || { echo "rebinding not shown in help: $out" >&2; rm -rf "$tmp"; return 1; }
    for bad in 'take = "j"' 'quit = []' 'tak = "y"' 'take = "yy"' 'take = 5' '[colours]'; do
        printf '[keys]\n%s\n' "$bad" >"$tmp/xdg/casedesk/config.toml"
        set +e
        out=$(XDG_CONFIG_HOME="$tmp/xdg" "$CASEDESK_BIN" snapshot --db "$tmp/c.sqlite" 2>&1)
        status=$?
        set -e
        [ "$status" -ne 0 ] || { echo "accepted a bad config: $bad" >&2; rm -rf "$tmp"; return 1; }
        grep -qF "config.toml" <<<"$out" || { echo "error does not name the file: $out" >&2; rm -rf "$tmp"; return 1; }
    done
    rm -rf "$tmp"
}

E2E_TESTS+=(test_config_rebinds_keys_and_refuses_bad_files)
