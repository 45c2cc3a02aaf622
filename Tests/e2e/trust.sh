# End-to-end trust (issue 14): who acts comes from the system, and a live database runs on the wall clock.
# Two real operating-system users are created for it, so the run needs root (CI runs as root).

TRUST_USERS=(cdtrust_alice cdtrust_bob)

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

E2E_TESTS+=(
    test_extreme_numbers_are_refused_not_trapped
    test_the_acting_person_is_the_login_and_only_an_admin_acts_as_another
    test_a_live_database_refuses_another_clock
)
