# End-to-end hardening (issue 8): killed processes and many writers lose nothing.
# SOAK_FULL=1 runs the full sizes (8 × 500 commands, 40 kills); CI runs a reduced form.

hardening_size() { if [ "${SOAK_FULL:-0}" = 1 ]; then echo "$1"; else echo "$2"; fi; }

test_sigkill_during_import_and_commands_loses_nothing() {
    local tmp db rounds
    tmp=$(mktemp -d)
    db="$tmp/c.sqlite"
    rounds=$(hardening_size 40 8)
    "$CASEDESK_BIN" staff list --db "$db" >/dev/null
    python3 "$E2E_ROOT/Tests/e2e/gen_cases.py" "$tmp/big.jsonl" 1000 3000
    local round imported pid notes_before
    for round in $(seq 1 "$rounds"); do
        # An import of 3,000 cases, killed at a random moment: all of it or none of it.
        "$CASEDESK_BIN" import "$tmp/big.jsonl" --db "$db" >/dev/null 2>&1 &
        pid=$!
        sleep "$((RANDOM % 3)).$((RANDOM % 10))"
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        imported=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from cases where id >= 1000").fetchone()[0])' "$db")
        if [ "$imported" != 0 ] && [ "$imported" != 3000 ]; then
            echo "round $round: a killed import left $imported of 3000 cases" >&2; rm -rf "$tmp"; return 1
        fi
        # A burst of case commands, killed at a random moment.
        ( for n in $(seq 1 40); do
            "$CASEDESK_BIN" case note 2 "第${round}轮 备注 $n" --db "$db" --as lin.mei >/dev/null 2>&1 || true
            "$CASEDESK_BIN" case take 6 --db "$db" --as lin.mei >/dev/null 2>&1 || true
            "$CASEDESK_BIN" case release 6 --db "$db" --as lin.mei >/dev/null 2>&1 || true
          done ) 2>/dev/null &
        pid=$!
        sleep "0.$((RANDOM % 9 + 1))"
        pkill -9 -f -- "--db $db" 2>/dev/null || true
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        "$CASEDESK_BIN" verify --db "$db" >"$tmp/verify" 2>&1 \
            || { echo "round $round: verify failed"; cat "$tmp/verify"; rm -rf "$tmp"; return 1; } >&2
    done
    # Every case row agrees with its audit trail: version 1 + one per write that bumped it is not
    # knowable from outside, but the assignee must match the last take/release on record.
    python3 - "$db" <<'PY' || { rm -rf "$tmp"; return 1; }
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assignee = c.execute("select assignee from cases where id = 6").fetchone()[0]
last = c.execute("select action from audit where case_id = 6 and action in ('take','release') order by id desc limit 1").fetchone()
expected = None if last is None else ("lin.mei" if last[0] == "take" else None)
if last is not None:
    assert assignee == expected, (assignee, last)
PY
    rm -rf "$tmp"
}

test_eight_writers_lose_no_update() {
    local tmp db per writer
    tmp=$(mktemp -d)
    db="$tmp/c.sqlite"
    per=$(hardening_size 500 40)
    "$CASEDESK_BIN" staff list --db "$db" >/dev/null
    for writer in 1 2 3 4 5 6 7 8; do
        "$CASEDESK_BIN" staff add "w$writer" --role mediator --db "$db" >/dev/null
    done
    for writer in 1 2 3 4 5 6 7 8; do
        (
            RANDOM=$writer
            ids=(2 6 7 8 15)
            for n in $(seq 1 "$per"); do
                case $((RANDOM % 3)) in
                    0) cmd=(case note $((RANDOM % 17 + 1)) "w$writer 第$n条") ; kind=note ;;
                    1) cmd=(case take "${ids[RANDOM % 5]}") ; kind=take ;;
                    *) cmd=(case release "${ids[RANDOM % 5]}") ; kind=release ;;
                esac
                if out=$("$CASEDESK_BIN" "${cmd[@]}" --db "$db" --as "w$writer" 2>&1); then
                    echo "ok $kind"
                else
                    status=$?
                    [ "$status" -eq 1 ] || { echo "crash $status $out"; continue; }
                    echo "refused $kind $(tr '\n' ' ' <<<"$out")"
                fi
            done >"$tmp/w$writer.log"
        ) &
    done
    wait
    "$CASEDESK_BIN" verify --db "$db" >"$tmp/verify" 2>&1 || { cat "$tmp/verify" >&2; rm -rf "$tmp"; return 1; }
    python3 - "$db" "$tmp" "$per" <<'PY' || { rm -rf "$tmp"; return 1; }
import sqlite3, sys, collections
db, tmp, per = sys.argv[1], sys.argv[2], int(sys.argv[3])
c = sqlite3.connect(db)
for w in range(1, 9):
    lines = open(f"{tmp}/w{w}.log", encoding="utf-8").read().split("\n")
    lines = [l for l in lines if l]
    assert len(lines) == per, (w, len(lines))
    crashes = [l for l in lines if l.startswith("crash")]
    assert not crashes, crashes[:3]
    # Without --expect-version a concurrent change is not a conflict: no command is told to reload.
    lost = [l for l in lines if "reload it and try again" in l]
    assert not lost, lost[:3]
    ok = collections.Counter(l.split()[1] for l in lines if l.startswith("ok"))
    audited = collections.Counter(a for (a,) in c.execute("select action from audit where actor = ? and action in ('note','take','release')", (f"w{w}",)))
    # A take of a case one already holds, or a refused command, writes nothing; every other success is one record.
    assert audited["note"] == ok["note"], (w, "note", audited["note"], ok["note"])
    assert audited["take"] <= ok["take"] and audited["release"] <= ok["release"], (w, audited, ok)
# Each held case's assignee is the last take on record for it.
for case_id in (2, 6, 7, 8, 15):
    assignee = c.execute("select assignee from cases where id = ?", (case_id,)).fetchone()[0]
    last = c.execute("select actor, action from audit where case_id = ? and action in ('take','release') order by id desc limit 1", (case_id,)).fetchone()
    if last and last[0].startswith("w"):
        assert assignee == (last[0] if last[1] == "take" else None), (case_id, assignee, last)
PY
    rm -rf "$tmp"
}

E2E_TESTS+=(test_sigkill_during_import_and_commands_loses_nothing test_eight_writers_lose_no_update)

test_ctrl_z_then_fg_leaves_the_terminal_usable() {
    trap e2e_stop EXIT
    e2e_start tstp 100 30
    e2e_keys -l 'before=$(stty -g)'
    e2e_keys Enter
    e2e_keys -l "\"$CASEDESK_BIN\" --db \"$E2E_DB\""
    e2e_keys Enter
    e2e_wait_for "1/17 cases"
    e2e_keys C-z
    e2e_wait_for "Stopped"
    e2e_keys -l 'stty -a | grep -qE "(^| )-(echo|icanon)( |;|$)" && echo SUSPENDED=broken || echo SUSPENDED=usable'
    e2e_keys Enter
    e2e_wait_for "SUSPENDED=usable"
    e2e_keys -l 'fg'
    e2e_keys Enter
    e2e_wait_gone "SUSPENDED=usable"
    e2e_wait_for "Queue · by deadline"
    e2e_keys j
    e2e_wait_for "2/17 cases"
    e2e_keys q
    e2e_keys -l 'rc=$?; clear; [ "$before" = "$(stty -g)" ] && echo STTY=same || echo STTY=changed; echo EXIT=$rc'
    e2e_keys Enter
    e2e_wait_for "STTY=same"
    e2e_wait_for "EXIT=0"
}

test_a_storm_of_resizes_leaves_a_working_console() {
    trap e2e_stop EXIT
    e2e_start storm 100 30
    e2e_run_casedesk
    e2e_wait_for "1/17 cases"
    local i
    for i in $(seq 1 40); do
        tmux -L "$E2E_SOCKET" resize-window -t e2e -x $((RANDOM % 120 + 20)) -y $((RANDOM % 40 + 8))
    done
    tmux -L "$E2E_SOCKET" resize-window -t e2e -x 100 -y 30
    e2e_wait_for "Queue · by deadline"
    e2e_keys j j
    e2e_wait_for "3/17 cases"
    e2e_keys q
    expect_clean_exit 0
}

E2E_TESTS+=(test_ctrl_z_then_fg_leaves_the_terminal_usable test_a_storm_of_resizes_leaves_a_working_console)

# Runs casedesk as a user who may not write the database: nobody when we are root, else ourselves.
# nobody runs a copy of the binary and its resource bundles in $READER_DIR, because the build
# directory of a fresh clone (mktemp -d, mode 0700) is not one nobody may enter.
as_reader() {
    if [ "$(id -u)" = 0 ]; then
        setpriv --reuid=nobody --regid=nogroup --clear-groups "$READER_DIR/$(basename "$CASEDESK_BIN")" "$@"
    else
        "$CASEDESK_BIN" "$@"
    fi
}

test_a_read_only_database_is_browsed_with_a_banner() {
    local tmp db out status
    tmp=$(mktemp -d)
    chmod 755 "$tmp"
    db="$tmp/c.sqlite"
    READER_DIR="$tmp/bin"
    mkdir "$READER_DIR"
    cp -R "$CASEDESK_BIN" "$(dirname "$CASEDESK_BIN")"/*.resources "$READER_DIR/"
    chmod -R a+rX "$READER_DIR"
    "$CASEDESK_BIN" queue --db "$db" --limit 1 >/dev/null
    # The reader is the real OS user nobody, registered by its login.
    "$CASEDESK_BIN" staff add nobody --role mediator --db "$db" >/dev/null
    [ "$(stat -c %a "$db")" = 600 ] || { echo "a new database is mode $(stat -c %a "$db")" >&2; rm -rf "$tmp"; return 1; }
    chmod 444 "$db"
    [ "$(id -u)" = 0 ] && chmod 644 "$db"
    local before
    before=$(sha256sum "$db")
    as_reader queue --db "$db" --limit 3 | grep -q "退货运费"
    as_reader snapshot --db "$db" --size 100x30 | head -1 | grep -q "READ-ONLY"
    set +e
    out=$(as_reader case note 2 "改不了" --db "$db" 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -q "read-only" <<<"$out" || { echo "a write was not refused: $status $out" >&2; rm -rf "$tmp"; return 1; }
    [ "$(sha256sum "$db")" = "$before" ] || { echo "the read-only file changed" >&2; rm -rf "$tmp"; return 1; }
    rm -rf "$tmp"
}

test_a_locked_database_waits_then_names_the_holder() {
    local tmp db out status started elapsed
    tmp=$(mktemp -d)
    db="$tmp/c.sqlite"
    "$CASEDESK_BIN" queue --db "$db" --limit 1 >/dev/null
    python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").write("held")
time.sleep(9)
c.execute("ROLLBACK")
' "$db" "$tmp/ready" &
    local holder=$!
    while [ ! -f "$tmp/ready" ]; do sleep 0.05; done
    started=$SECONDS
    set +e
    out=$("$CASEDESK_BIN" case note 2 "锁住了" --db "$db" 2>&1); status=$?
    set -e
    elapsed=$((SECONDS - started))
    wait "$holder"
    [ "$status" = 1 ] || { echo "exit $status: $out" >&2; rm -rf "$tmp"; return 1; }
    grep -q "locked" <<<"$out" && grep -q "pid $holder (python3" <<<"$out" \
        || { echo "the holder is not named: $out" >&2; rm -rf "$tmp"; return 1; }
    [ "$elapsed" -ge 4 ] || { echo "gave up after ${elapsed}s without waiting" >&2; rm -rf "$tmp"; return 1; }
    "$CASEDESK_BIN" case note 2 "现在可以了" --db "$db" >/dev/null
    "$CASEDESK_BIN" verify --db "$db" | grep -q "^intact"
    rm -rf "$tmp"
}

test_a_full_disk_reports_and_loses_nothing() {
    local tmp db out status count
    tmp=$(mktemp -d)
    db="$tmp/c.sqlite"
    "$CASEDESK_BIN" queue --db "$db" --limit 1 >/dev/null
    python3 "$E2E_ROOT/Tests/e2e/gen_cases.py" "$tmp/big.jsonl" 1000 600 40
    # A file-size limit just above the database: the import's writes hit it part-way.
    local limit=$(( $(stat -c %s "$db") / 1024 + 64 ))
    set +e
    out=$(ulimit -f "$limit"; "$CASEDESK_BIN" import "$tmp/big.jsonl" --db "$db" 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -q "full" <<<"$out" || { echo "exit $status: $out" >&2; rm -rf "$tmp"; return 1; }
    count=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from cases").fetchone()[0])' "$db")
    [ "$count" = 17 ] || { echo "$count cases after a failed import" >&2; rm -rf "$tmp"; return 1; }
    "$CASEDESK_BIN" verify --db "$db" | grep -q "^intact"
    rm -rf "$tmp"
}

test_a_write_blocked_by_a_lock_shows_saving_and_keys_still_move() {
    trap e2e_stop EXIT
    e2e_start blocked 100 30
    "$CASEDESK_BIN" queue --db "$E2E_DB" --limit 1 >/dev/null
    e2e_run_casedesk
    e2e_wait_for "1/17 cases"
    python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").write("held")
time.sleep(3)
c.execute("ROLLBACK")
' "$E2E_DB" "$E2E_TMP/ready" &
    local holder=$!
    while [ ! -f "$E2E_TMP/ready" ]; do sleep 0.05; done
    e2e_keys C
    e2e_wait_for "Note"
    e2e_keys -l "锁等待中的备注"
    e2e_keys Enter
    # The write waits for the lock; the screen says so and the queue still answers.
    e2e_wait_for "saving…"
    e2e_keys Escape j j
    e2e_wait_for "3/17 cases"
    e2e_screen | grep -qF "saving…" || { echo "the mark went before the write finished" >&2; return 1; }
    wait "$holder"
    e2e_wait_gone "saving…"
    e2e_keys q
    e2e_wait_for "EXIT=0"
    "$CASEDESK_BIN" case show 9 --db "$E2E_DB" | grep -q "锁等待中的备注" \
        || { echo "the note typed while the database was locked was lost" >&2; return 1; }
}

E2E_TESTS+=(
    test_a_read_only_database_is_browsed_with_a_banner
    test_a_write_blocked_by_a_lock_shows_saving_and_keys_still_move
    test_a_locked_database_waits_then_names_the_holder
    test_a_full_disk_reports_and_loses_nothing
)

test_hostile_text_never_reaches_the_terminal() {
    trap e2e_stop EXIT
    e2e_start hostile 100 30
    "$CASEDESK_BIN" queue --db "$E2E_DB" --limit 1 >/dev/null
    python3 "$E2E_ROOT/Tests/e2e/gen_hostile.py" "$E2E_TMP/hostile.jsonl"
    "$CASEDESK_BIN" import "$E2E_TMP/hostile.jsonl" --db "$E2E_DB" >/dev/null
    "$CASEDESK_BIN" search 很长的叙述 --db "$E2E_DB" | grep -q "^900"
    # Invalid UTF-8 written straight into the database, past every import check.
    python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE cases SET title = CAST(X'"'"'e59d8ffffe80e5ad97'"'"' AS TEXT) || '"'"' 坏字节'"'"' WHERE id = 2")
c.commit()' "$E2E_DB"
    # Every byte the console writes to the terminal is captured.
    tmux -L "$E2E_SOCKET" pipe-pane -o -t e2e "cat >> '$E2E_TMP/raw'"
    e2e_run_casedesk
    e2e_wait_for "1/18 cases"
    e2e_wait_for "#900 恶意标题"
    e2e_keys Tab Tab Enter
    e2e_wait_for "Evidence #"
    e2e_keys Escape
    e2e_keys BTab t
    e2e_wait_for "import"
    local screen
    screen=$(e2e_screen)
    e2e_keys q
    expect_clean_exit 0
    tmux -L "$E2E_SOCKET" pipe-pane -t e2e
    python3 - "$E2E_TMP/raw" <<'PY' || return 1
import sys
raw = open(sys.argv[1], "rb").read()
assert len(raw) > 1000 and b"HOSTILE1" in raw, len(raw)
for bad in [b"]0;PWNED", b"\x1b[31mHOSTILE", b"\xc2\x9b", b"\xc2\x9d", b"\x1bP1;2", b"\xe2\x80\xae", b"\x1b[2Jx", b"\x00"]:
    assert bad not in raw, bad
PY
    # The layout stays aligned: every row between the bars ends in a pane border.
    python3 -c '
import sys
rows = sys.stdin.read().split("\n")[1:28]
bad = [r for r in rows if r and r.rstrip()[-1:] not in "│┐┘"]
assert not bad, bad[:3]
' <<<"$screen"
}

E2E_TESTS+=(test_hostile_text_never_reaches_the_terminal)

test_an_error_inside_a_view_leaves_the_terminal_usable() {
    trap e2e_stop EXIT
    e2e_start fault 100 30
    e2e_keys -l "export CASEDESK_INJECT_VIEW_FAULT=1"
    e2e_keys Enter
    e2e_run_casedesk
    e2e_wait_for "1/17 cases"
    e2e_keys '?'
    # The trap kills the process (SIGILL or SIGTRAP), after the crash hook gave the terminal back.
    e2e_wait_for "STTY=same"
    e2e_wait_for "MODES=usable"
    e2e_screen | grep -qE "EXIT=(132|133|134)" || { echo "unexpected exit: $(e2e_screen | grep EXIT)" >&2; return 1; }
}

E2E_TESTS+=(test_an_error_inside_a_view_leaves_the_terminal_usable)
