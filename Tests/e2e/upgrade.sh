# End-to-end: a database written by the release before typed events (Tests/fixtures/previous-release,
# made by that release's binary) upgrades, verifies and replays exactly as that release showed it.

# Countdowns ("due in 22h 59m") run from the wall clock; the moment they count to stays.
normalise_countdowns() { sed -E 's/ · (due in|overdue) [0-9dhm ]+\(/ · (/'; }

test_previous_release_database_upgrades_verifies_and_replays() {
    local tmp fixture="$E2E_ROOT/Tests/fixtures/previous-release" id
    tmp=$(mktemp -d)
    trap "rm -rf '$tmp'" RETURN
    cp "$fixture/cases.sqlite" "$tmp/cases.sqlite"
    chmod 600 "$tmp/cases.sqlite"
    "$CASEDESK_BIN" verify --db "$tmp/cases.sqlite" --as ops >"$tmp/verify.txt" || { cat "$tmp/verify.txt" >&2; return 1; }
    diff "$fixture/verify.txt" "$tmp/verify.txt" >&2 || return 1
    for id in $(seq 1 18); do
        "$CASEDESK_BIN" train replay "$id" --db "$tmp/cases.sqlite" --as ops >"$tmp/replay-$id.txt" 2>&1 || true
        diff <(normalise_countdowns <"$fixture/replay-$id.txt") <(normalise_countdowns <"$tmp/replay-$id.txt") >&2 \
            || { echo "case #$id replays differently after the upgrade" >&2; return 1; }
    done
    # New records on the upgraded file are typed, and the mixed chain still verifies.
    "$CASEDESK_BIN" case note 8 "stage execution → closed" --db "$tmp/cases.sqlite" --as wang.fang >/dev/null || return 1
    "$CASEDESK_BIN" verify --db "$tmp/cases.sqlite" --as ops | grep -qF "intact: 88 audit records" || return 1
    "$CASEDESK_BIN" train replay 8 --db "$tmp/cases.sqlite" --as ops | tail -n 30 >"$tmp/last.txt"
    grep -qF "Stage    filed" "$tmp/last.txt" || { cat "$tmp/last.txt" >&2; return 1; }
    if grep -qF "Stage    closed" "$tmp/last.txt"; then echo "a note closed the case in replay" >&2; return 1; fi
}
E2E_TESTS+=(test_previous_release_database_upgrades_verifies_and_replays)
