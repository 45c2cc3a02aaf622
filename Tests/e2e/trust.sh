# End-to-end trust (issue 14): who acts comes from the system, and a live database runs on the wall clock.
# Two real operating-system users are created for it, so the run needs root (CI runs as root).

TRUST_USERS=(cdtrust_alice cdtrust_bob cdtrust_carol)

trust_users() {
    [ "$(id -u)" = 0 ] || { echo "the identity test creates two OS users and needs root" >&2; return 1; }
    local user
    for user in "${TRUST_USERS[@]}"; do
        id "$user" >/dev/null 2>&1 || useradd --no-create-home --shell /usr/sbin/nologin "$user" \
            || { echo "cannot create the OS user $user" >&2; return 1; }
    done
}

# Runs the binary as OS user $1 with a hostile $USER naming someone else.
trust_as() {
    local user=$1
    shift
    USER=root LOGNAME=root setpriv --reuid="$user" --regid="$user" --clear-groups "$TRUST_DIR/$(basename "$CASEDESK_BIN")" "$@"
}

test_the_acting_person_is_the_login_and_only_an_admin_acts_as_another() {
    local tmp db out status
    trust_users || return 1
    tmp=$(mktemp -d)
    chmod 777 "$tmp"
    db="$tmp/c.sqlite"
    TRUST_DIR="$tmp/bin"
    mkdir "$TRUST_DIR"
    cp -R "$CASEDESK_BIN" "$(dirname "$CASEDESK_BIN")"/*.resources "$TRUST_DIR/"
    chmod -R a+rX "$TRUST_DIR"
    "$CASEDESK_BIN" queue --db "$db" --limit 1 >/dev/null
    "$CASEDESK_BIN" staff add cdtrust_alice --role mediator --db "$db" >/dev/null
    "$CASEDESK_BIN" staff add cdtrust_bob --role supervisor --db "$db" >/dev/null
    chmod 666 "$db" "$db-wal" "$db-shm" 2>/dev/null || chmod 666 "$db"
    # $USER=root is ignored: alice acts as alice.
    trust_as cdtrust_alice case take 2 --db "$db" >/dev/null || { echo "alice could not take a case" >&2; rm -rf "$tmp"; return 1; }
    out=$("$CASEDESK_BIN" case show 2 --db "$db" --json)
    python3 -c 'import json,sys; a=json.load(sys.stdin)["audit"][-1]; assert a["actor"]=="cdtrust_alice" and a["login"]=="cdtrust_alice", a' <<<"$out" \
        || { echo "the take was not alice's own" >&2; rm -rf "$tmp"; return 1; }
    # A mediator may not act as her supervisor, nor make herself admin through someone else.
    set +e
    out=$(trust_as cdtrust_alice case note 2 "我是主管" --db "$db" --as cdtrust_bob 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -qF "only an admin may act as another person" <<<"$out" \
        || { echo "alice acted as bob: $status $out" >&2; rm -rf "$tmp"; return 1; }
    set +e
    out=$(trust_as cdtrust_alice staff add cdtrust_alice --role admin --db "$db" --as root 2>&1); status=$?
    set -e
    [ "$status" = 1 ] || { echo "alice made herself admin: $out" >&2; rm -rf "$tmp"; return 1; }
    "$CASEDESK_BIN" staff list --db "$db" | grep -q "cdtrust_alice.*mediator" \
        || { echo "alice's role changed" >&2; rm -rf "$tmp"; return 1; }
    # An OS user with no staff record is refused, whatever $USER says.
    set +e
    out=$(USER=cdtrust_alice setpriv --reuid=nobody --regid=nogroup --clear-groups "$TRUST_DIR/casedesk" queue --db "$db" 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -qF "nobody is not registered" <<<"$out" \
        || { echo "an unregistered login got in: $status $out" >&2; rm -rf "$tmp"; return 1; }
    # The admin may act as bob; the record names both.
    "$CASEDESK_BIN" case note 2 "代为记录" --db "$db" --as cdtrust_bob >/dev/null
    out=$("$CASEDESK_BIN" case show 2 --db "$db" --json)
    python3 -c 'import json,sys; a=json.load(sys.stdin)["audit"][-1]; assert a["actor"]=="cdtrust_bob" and a["login"]=="root", a' <<<"$out" \
        || { echo "the impersonation does not name the real login" >&2; rm -rf "$tmp"; return 1; }
    "$CASEDESK_BIN" case show 2 --db "$db" | grep -qF "cdtrust_bob [login root] note:" \
        || { echo "case show does not name the real login" >&2; rm -rf "$tmp"; return 1; }
    # An observer (carol, of a consumer association) signs off in person on the platform-interest
    # case 16, in her own name only, and does no case work.
    "$CASEDESK_BIN" staff add cdtrust_carol --role observer --db "$db" >/dev/null
    set +e
    out=$(trust_as cdtrust_carol case take 16 --db "$db" 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -qF "may not take cases" <<<"$out" || { echo "an observer took a case: $out" >&2; rm -rf "$tmp"; return 1; }
    set +e
    out=$(trust_as cdtrust_carol case observe 16 --observer li.ming --statement "代签" --db "$db" 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -qF "only in their own name" <<<"$out" || { echo "an observer signed for another: $out" >&2; rm -rf "$tmp"; return 1; }
    trust_as cdtrust_carol case observe 16 --statement "程序公正，鉴定独立" --db "$db" >/dev/null \
        || { echo "the observer could not sign off" >&2; rm -rf "$tmp"; return 1; }
    "$CASEDESK_BIN" case show 16 --db "$db" | grep -qF "cdtrust_carol (recorded by cdtrust_carol): 程序公正，鉴定独立" \
        || { echo "the sign-off is not carol's own" >&2; rm -rf "$tmp"; return 1; }
    # A free-text name is no observer.
    set +e
    out=$("$CASEDESK_BIN" case observe 16 --observer "李明（市消协）" --statement "同意" --db "$db" --as lin.mei 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -qF "is not registered as an observer" <<<"$out" || { echo "a free-text observer was accepted: $out" >&2; rm -rf "$tmp"; return 1; }
    rm -rf "$tmp"
}

test_a_live_database_refuses_another_clock() {
    local tmp db out status before
    tmp=$(mktemp -d)
    db="$tmp/c.sqlite"
    "$CASEDESK_BIN" queue --db "$db" --limit 1 >/dev/null
    before=$("$CASEDESK_BIN" verify --db "$db")
    set +e
    out=$("$CASEDESK_BIN" sweep --db "$db" --now 2030-01-01T00:00:00Z 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -qF "is a live database" <<<"$out" \
        || { echo "a live database swept in 2030: $status $out" >&2; rm -rf "$tmp"; return 1; }
    [ "$("$CASEDESK_BIN" verify --db "$db")" = "$before" ] || { echo "the refused sweep changed something" >&2; rm -rf "$tmp"; return 1; }
    # A live database cannot be turned into a simulated one afterwards.
    set +e
    out=$("$CASEDESK_BIN" queue --db "$db" --simulated 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -qF "is a live database" <<<"$out" || { echo "--simulated took over a live database" >&2; rm -rf "$tmp"; return 1; }
    # A simulated one says so and moves in time.
    out=$("$CASEDESK_BIN" sweep --db "$tmp/sim.sqlite" --simulated --now 2030-01-01T00:00:00Z 2>&1)
    grep -qF "default outcome(s) applied" <<<"$out" || { echo "a simulated sweep failed: $out" >&2; rm -rf "$tmp"; return 1; }
    rm -rf "$tmp"
}

test_extreme_numbers_are_refused_not_trapped() {
    local out status
    set +e
    out=$("$CASEDESK_BIN" calc crpl55 --price 92233720368547758.07 2>&1); status=$?
    set -e
    [ "$status" -ne 0 ] && [ "$status" -lt 128 ] && grep -qF "at most ¥100,000,000,000.00" <<<"$out" \
        || { echo "calc: status $status: $out" >&2; return 1; }
    out=$("$CASEDESK_BIN" calc crpl55 --price 100000000000)
    grep -qF "¥300,000,000,000.00" <<<"$out" || { echo "calc at the maximum: $out" >&2; return 1; }
    set +e
    out=$("$CASEDESK_BIN" calc fsl148 --price 1 --loss 92233720368547758.07 2>&1); status=$?
    set -e
    [ "$status" -ne 0 ] && [ "$status" -lt 128 ] || { echo "calc fsl148: status $status: $out" >&2; return 1; }
}

# No escape sequence from case data reaches a terminal through the CLI either; JSON escapes C1 and
# bidi controls; a CSV cell a spreadsheet would run as a formula is guarded.
test_cli_output_never_carries_case_escapes() {
    local tmp db
    tmp=$(mktemp -d)
    db="$tmp/c.sqlite"
    "$CASEDESK_BIN" queue --db "$db" --simulated --limit 1 >/dev/null
    python3 "$E2E_ROOT/Tests/e2e/gen_hostile.py" "$tmp/hostile.jsonl"
    python3 - "$tmp/hostile.jsonl" <<'PY'
import json, sys
line = json.loads(open(sys.argv[1], encoding="utf-8").readline())
line["id"] = 901; line["title"] = "=cmd|' /C calc'!A0"; line["narrative"] = "短"; line["evidence"] = []
open(sys.argv[1], "a", encoding="utf-8").write(json.dumps(line, ensure_ascii=False) + "\n")
PY
    "$CASEDESK_BIN" import "$tmp/hostile.jsonl" --db "$db" >/dev/null
    # A bad line whose text is hostile: the error message is clean too.
    printf '%s\n' '{"type": "event", "case": 900, "party": "buyer", "event": "\u001b]0;PWNED\u0007"}' >"$tmp/bad.jsonl"
    "$CASEDESK_BIN" import "$tmp/bad.jsonl" --db "$db" >"$tmp/out.import" 2>&1 || true
    "$CASEDESK_BIN" case note 900 $'\e]0;PWNED\a 备注 \e[31mHOSTILE5' --db "$db" >/dev/null
    "$CASEDESK_BIN" case show 900 --db "$db" >"$tmp/out.show" 2>&1
    "$CASEDESK_BIN" case show 900 --db "$db" --json >"$tmp/out.json" 2>&1
    "$CASEDESK_BIN" queue --db "$db" >"$tmp/out.queue" 2>&1
    "$CASEDESK_BIN" report --db "$db" >"$tmp/out.report" 2>&1
    "$CASEDESK_BIN" train replay 900 --db "$db" >"$tmp/out.replay" 2>&1 || true
    "$CASEDESK_BIN" search 恶意 --db "$db" >"$tmp/out.search" 2>&1 || true
    "$CASEDESK_BIN" export --format csv --db "$db" --out "$tmp/out.csv"
    python3 - "$tmp" <<'PY' || { rm -rf "$tmp"; return 1; }
import glob, json, sys
# The CSV file is data, byte for byte (it imports back identically); what reaches a terminal is checked.
for path in sorted(p for p in glob.glob(sys.argv[1] + "/out.*") if not p.endswith(".csv")):
    raw = open(path, "rb").read()
    for bad in [b"\x1b", b"\xc2\x9b", b"\xc2\x9d", b"\xe2\x80\xae", b"\x07"]:
        assert bad not in raw, (path, bad)
show = open(sys.argv[1] + "/out.show", encoding="utf-8").read()
assert "HOSTILE5" in show and "恶意标题" in show, show[:200]
data = json.load(open(sys.argv[1] + "/out.json", encoding="utf-8"))
assert "\u202e" in data["buyer"]["name"] and "\x1b" in data["title"], data["title"][:40]
csv = open(sys.argv[1] + "/out.csv", encoding="utf-8").read()
assert ",'=cmd|' /C calc'!A0," in csv, [l for l in csv.splitlines() if "calc" in l]
PY
    # The guarded cell imports back as it was.
    "$CASEDESK_BIN" import "$tmp/out.csv" --db "$tmp/again.sqlite" --simulated >/dev/null
    "$CASEDESK_BIN" case show 901 --db "$tmp/again.sqlite" --json | python3 -c 'import json,sys; t=json.load(sys.stdin)["title"]; assert t=="=cmd|'"'"' /C calc'"'"'!A0", t' \
        || { echo "the guarded CSV cell did not import back" >&2; rm -rf "$tmp"; return 1; }
    rm -rf "$tmp"
}

# An export replaces its file only when whole: a failed one leaves the previous file; files are 0600.
test_export_replaces_its_file_only_when_whole() {
    local tmp db status out before
    tmp=$(mktemp -d)
    db="$tmp/c.sqlite"
    "$CASEDESK_BIN" queue --db "$db" --limit 1 >/dev/null
    # A case with a 1 MB narrative makes the export far bigger than the file-size limit below.
    python3 "$E2E_ROOT/Tests/e2e/gen_hostile.py" "$tmp/big.jsonl"
    "$CASEDESK_BIN" import "$tmp/big.jsonl" --db "$db" >/dev/null
    (umask 000; "$CASEDESK_BIN" export --db "$db" --out "$tmp/cases.jsonl")
    [ "$(stat -c %a "$tmp/cases.jsonl")" = 600 ] || { echo "export mode $(stat -c %a "$tmp/cases.jsonl")" >&2; rm -rf "$tmp"; return 1; }
    before=$(sha256sum <"$tmp/cases.jsonl")
    set +e
    out=$(ulimit -f 200; "$CASEDESK_BIN" export --db "$db" --out "$tmp/cases.jsonl" 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -qF "the previous file, if any, is untouched" <<<"$out" \
        || { echo "a failed export: status $status: $out" >&2; rm -rf "$tmp"; return 1; }
    [ "$(sha256sum <"$tmp/cases.jsonl")" = "$before" ] || { echo "the failed export damaged the file" >&2; rm -rf "$tmp"; return 1; }
    [ -z "$(find "$tmp" -name '.cases.jsonl.casedesk-*')" ] || { echo "a temporary file was left" >&2; rm -rf "$tmp"; return 1; }
    # A CSV import's rejects keep the header and whole multi-line records, mode 0600.
    printf '%s\r\n' "$(head -1 <("$CASEDESK_BIN" export --format csv --db "$db") | tr -d '\r')" >"$tmp/in.csv"
    printf '%s\r\n' '77,"two' 'lines",bad' >>"$tmp/in.csv"
    (umask 000; "$CASEDESK_BIN" import "$tmp/in.csv" --db "$db" --skip-invalid >/dev/null 2>&1) || true
    [ "$(stat -c %a "$tmp/in.csv.rejects")" = 600 ] || { echo "rejects mode" >&2; rm -rf "$tmp"; return 1; }
    [ "$(wc -l <"$tmp/in.csv.rejects")" = 3 ] && head -1 "$tmp/in.csv.rejects" | grep -q "^.\?id,title," \
        || { echo "rejects file:" >&2; cat -A "$tmp/in.csv.rejects" >&2; rm -rf "$tmp"; return 1; }
    # A database created through a dangling symlink is 0600 too.
    ln -s "$tmp/real.sqlite" "$tmp/link.sqlite"
    (umask 000; "$CASEDESK_BIN" queue --db "$tmp/link.sqlite" --limit 1 >/dev/null)
    [ "$(stat -c %a "$tmp/real.sqlite")" = 600 ] || { echo "symlinked database mode $(stat -c %a "$tmp/real.sqlite")" >&2; rm -rf "$tmp"; return 1; }
    rm -rf "$tmp"
}

# A signed anchor catches what the hash chain alone cannot: a cut-off tail, and a chain rewritten
# and rehashed by a script.
test_anchors_catch_a_deleted_tail_and_a_rechained_rewrite() {
    local tmp db out status key
    tmp=$(mktemp -d)
    db="$tmp/c.sqlite"
    "$CASEDESK_BIN" queue --db "$db" --limit 1 >/dev/null
    "$CASEDESK_BIN" anchor --db "$db" --key "$tmp/keys/anchor.key" >"$tmp/first" 2>"$tmp/err"
    grep -qF "new anchor key" "$tmp/err" || { echo "no key created: $(cat "$tmp/err")" >&2; rm -rf "$tmp"; return 1; }
    [ "$(stat -c %a "$tmp/keys/anchor.key")" = 600 ] || { echo "key mode" >&2; rm -rf "$tmp"; return 1; }
    key=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["public_key"])' "$tmp/first")
    "$CASEDESK_BIN" snapshot --db "$db" --size 100x30 | head -1 | grep -qF "│ anchored 0m ago" \
        || { echo "the console does not show the anchor's age" >&2; rm -rf "$tmp"; return 1; }
    "$CASEDESK_BIN" case note 2 "锚定之后" --db "$db" >/dev/null
    "$CASEDESK_BIN" anchor --db "$db" --key "$tmp/keys/anchor.key" >/dev/null
    out=$("$CASEDESK_BIN" verify --db "$db" --with-anchors --public-key "$key")
    grep -qF "2 anchor(s) hold" <<<"$out" || { echo "anchors do not hold: $out" >&2; rm -rf "$tmp"; return 1; }
    cp "$db" "$tmp/copy.sqlite"
    # 1. The tail is cut off: the chain alone still reads intact, the anchor does not.
    python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)"); c.commit()' "$db"
    "$CASEDESK_BIN" verify --db "$db" | grep -q "^intact" || { echo "expected the bare chain to look intact" >&2; rm -rf "$tmp"; return 1; }
    set +e
    out=$("$CASEDESK_BIN" verify --db "$db" --with-anchors --public-key "$key" 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -qF "records were deleted from its end" <<<"$out" || { echo "tail deletion missed: $out" >&2; rm -rf "$tmp"; return 1; }
    # 2. An early record is rewritten and every hash after it recomputed (the 20-line script).
    cp "$tmp/copy.sqlite" "$db"
    rm -f "$db-wal" "$db-shm"
    python3 - "$db" <<'PY'
import hashlib, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE audit SET detail = 'nothing happened' WHERE id = 5")
prev = "0" * 64
for row in c.execute("SELECT id, at, actor, action, case_id, detail, kind, payload, login FROM audit ORDER BY id").fetchall():
    rid, at, actor, action, case_id, detail, kind, payload, login = row
    fields = [prev, str(at), actor, action, "" if case_id is None else str(case_id), detail]
    if payload is not None: fields += [kind or "", payload]
    if login is not None: fields += [str(rid), login]
    digest = hashlib.sha256("|".join(f"{len(f.encode())}:{f}" for f in fields).encode()).hexdigest()
    c.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, rid))
    prev = digest
c.commit()
PY
    set +e
    out=$("$CASEDESK_BIN" verify --db "$db" --with-anchors --public-key "$key" 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -qF "the history at or before it was rewritten" <<<"$out" || { echo "rechain missed: $out" >&2; rm -rf "$tmp"; return 1; }
    # 3. A forged anchor, and one signed by another key.
    cp "$tmp/copy.sqlite" "$db"
    rm -f "$db-wal" "$db-shm"
    python3 -c '
import json,sys
lines=open(sys.argv[1]).read().splitlines(); a=json.loads(lines[0]); a["records"]=1
open(sys.argv[1],"a").write(json.dumps(a)+"\n")' "$db.anchors"
    set +e
    out=$("$CASEDESK_BIN" verify --db "$db" --with-anchors --public-key "$key" 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -qF "its signature does not verify" <<<"$out" || { echo "forged anchor missed: $out" >&2; rm -rf "$tmp"; return 1; }
    "$CASEDESK_BIN" anchor --db "$tmp/copy.sqlite" --key "$tmp/other.key" --print >"$tmp/other" 2>/dev/null
    set +e
    out=$("$CASEDESK_BIN" verify --db "$tmp/copy.sqlite" --anchors "$tmp/other" --public-key "$key" 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -qF "signed by another key" <<<"$out" || { echo "foreign key missed: $out" >&2; rm -rf "$tmp"; return 1; }
    # Without a key to trust, anchors prove nothing: verify asks for one.
    set +e
    out=$(HOME="$tmp" XDG_CONFIG_HOME="$tmp/none" "$CASEDESK_BIN" verify --db "$tmp/copy.sqlite" --anchors "$tmp/other" 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -qF "name the key the anchors must be signed by" <<<"$out" || { echo "untrusted anchors accepted: $out" >&2; rm -rf "$tmp"; return 1; }
    # A tampered chain is never anchored.
    python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE audit SET detail = detail || 0 WHERE id = 3"); c.commit()' "$tmp/copy.sqlite"
    set +e
    out=$("$CASEDESK_BIN" anchor --db "$tmp/copy.sqlite" --key "$tmp/keys/anchor.key" 2>&1); status=$?
    set -e
    [ "$status" = 1 ] && grep -qF "nothing was anchored" <<<"$out" || { echo "a broken chain was anchored: $out" >&2; rm -rf "$tmp"; return 1; }
    rm -rf "$tmp"
}

E2E_TESTS+=(
    test_anchors_catch_a_deleted_tail_and_a_rechained_rewrite
    test_cli_output_never_carries_case_escapes
    test_export_replaces_its_file_only_when_whole
    test_extreme_numbers_are_refused_not_trapped
    test_the_acting_person_is_the_login_and_only_an_admin_acts_as_another
    test_a_live_database_refuses_another_clock
)
