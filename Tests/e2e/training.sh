# End-to-end: training mode (issue 7): scenarios, a trainee at the keyboard, scores, handouts, replay.

# Types `casedesk train ARGS` into the shell, recording the terminal modes as e2e_run_casedesk does.
run_train() {
    e2e_keys -l "before=\$(stty -g); \"$CASEDESK_BIN\" train $*; rc=\$?; after=\$(stty -g); clear; echo \"EXIT=\$rc STTY=\$([ \"\$before\" = \"\$after\" ] && echo same || echo changed)\"; stty -a | grep -qE '(^| )-(echo|icanon)( |;|\$)' && echo MODES=broken || echo MODES=usable"
    e2e_keys Enter
}

test_train_lists_prints_handouts_and_replays() {
    local tmp out
    tmp=$(mktemp -d)
    trap "rm -rf '$tmp'" EXIT
    out=$("$CASEDESK_BIN" train --list --lang en)
    [ "$(printf '%s\n' "$out" | wc -l)" -ge 12 ] || { echo "fewer than 12 scenarios: $out" >&2; return 1; }
    printf '%s\n' "$out" | head -n 1 | grep -qP '^merchant-silence\tMerchant silence' || { echo "$out" >&2; return 1; }
    "$CASEDESK_BIN" train --list --lang zh | grep -qP '^withdrawal\t撤回' || return 1
    # A handout: Markdown with the notes and the console's key screens, in Chinese.
    out=$("$CASEDESK_BIN" train handout unsafe-food --lang zh)
    printf '%s\n' "$out" | head -n 1 | grep -qF '# 过期婴儿奶粉' || { echo "$out" | head >&2; return 1; }
    printf '%s\n' "$out" | grep -qF '```text' || return 1
    printf '%s\n' "$out" | grep -qF '培训模式' || return 1
    printf '%s\n' "$out" | grep -qF '食品安全十倍赔偿 (food_safety_damages) ¥2,680.00' || { echo "$out" | tail -20 >&2; return 1; }
    # Without a terminal: a clear error, no sandbox left behind, and the sandbox of a killed session swept up.
    mkdir -p "$tmp/t/casedesk-training-killed" "$tmp/t/casedesk-training-running"
    echo 2147483646 >"$tmp/t/casedesk-training-killed/pid"
    echo $$ >"$tmp/t/casedesk-training-running/pid"
    if TMPDIR="$tmp/t" "$CASEDESK_BIN" train withdrawal </dev/null >"$tmp/out" 2>&1; then return 1; fi
    grep -qF "must be a terminal" "$tmp/out" || { cat "$tmp/out" >&2; return 1; }
    [ "$(ls "$tmp/t")" = "casedesk-training-running" ] || { ls "$tmp/t" >&2; return 1; }
    # Every shipped scenario checks out in both languages; a trainer's broken file is named by step.
    "$CASEDESK_BIN" train check >"$tmp/out" || { cat "$tmp/out" >&2; return 1; }
    [ "$(grep -c ': 100/100$' "$tmp/out")" -ge 24 ] || { cat "$tmp/out" >&2; return 1; }
    sed -e 's/^id: no-reason-excluded/id: mine/' -e 's/citations: \[CRPL-25\]/citations: [CRPL-25, NOPE-1]/' \
        "$E2E_ROOT/Sources/CaseTraining/Resources/Scenarios/02-no-reason-excluded.yaml" >"$tmp/mine.yaml"
    if "$CASEDESK_BIN" train check "$tmp/mine.yaml" >"$tmp/out" 2>&1; then echo "a broken scenario passed" >&2; return 1; fi
    grep -qF "step 3 (rule): 'NOPE-1' is neither a statute" "$tmp/out" || { cat "$tmp/out" >&2; return 1; }
    # An unknown scenario is named, with the ones there are.
    if "$CASEDESK_BIN" train handout no-such 2>"$tmp/err"; then echo "unknown scenario accepted" >&2; return 1; fi
    grep -qF "no scenario 'no-such'; the library has merchant-silence" "$tmp/err" || { cat "$tmp/err" >&2; return 1; }
    # Replay of a closed production case from a read-only file.
    "$CASEDESK_BIN" staff list --db "$tmp/cases.sqlite" >/dev/null
    chmod 0444 "$tmp/cases.sqlite"
    local closed
    closed=$("$CASEDESK_BIN" queue --db "$tmp/cases.sqlite" --json --filter 'stage:closed' --limit 1 \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
    out=$("$CASEDESK_BIN" train replay "$closed" --db "$tmp/cases.sqlite" --read-only --lang en)
    printf '%s\n' "$out" | grep -qE '^Step 1/[0-9]+ · ' || { echo "$out" | head >&2; return 1; }
    printf '%s\n' "$out" | tail -n 30 | grep -qF 'closed' || return 1
    out=$("$CASEDESK_BIN" train replay "$closed" --db "$tmp/cases.sqlite" --read-only --step 1 --lang en)
    [ "$(printf '%s\n' "$out" | grep -c '^Step ')" -eq 1 ] || return 1
}

test_trainee_completes_a_scenario_from_the_keyboard() {
    trap e2e_stop EXIT
    e2e_start training 100 30
    run_train no-reason-excluded --as trainee1 --lang en --sandbox "$E2E_TMP/sandbox.sqlite"
    e2e_wait_for "TRAINING"
    e2e_wait_for "Step 1/4"
    e2e_keys T
    e2e_wait_for "taken by trainee1"
    e2e_wait_for "Step 2/4"
    e2e_keys '>'
    e2e_wait_for "the merchant acts (respond"
    e2e_keys A
    e2e_wait_for "decide_on_record"
    e2e_keys Enter
    e2e_wait_for "#1: decide_on_record → decision"
    e2e_wait_for "Step 3/4"
    e2e_keys J
    e2e_wait_for "Rule on the case · case #1"
    e2e_keys Left Tab Tab Tab
    e2e_keys -l 'Engraved to order and marked non-returnable: excluded by CRPL-25.'
    e2e_keys Tab
    e2e_keys -l 'CRPL-25'
    e2e_keys Tab Right Enter
    e2e_wait_gone "Rule on the case"
    e2e_wait_for "Step 4/4"
    e2e_keys '='
    e2e_wait_for "Score: 100/100"
    e2e_wait_for "No difference from the reference."
    e2e_keys Escape q
    expect_clean_exit 0
    # The score is kept for the trainer; the production database was never created.
    env -i PATH="$PATH" HOME="$E2E_TMP" "$CASEDESK_BIN" train scores | grep -qE 'trainee1  no-reason-excluded  100/100' || return 1
    env -i PATH="$PATH" HOME="$E2E_TMP" "$CASEDESK_BIN" train scores --summary \
        | grep -qxF 'trainee1  no-reason-excluded  attempts 1  best 100  latest 100' || return 1
    [ ! -e "$E2E_TMP/.local/share/casedesk/cases.sqlite" ] || { echo "production database touched" >&2; return 1; }
    "$CASEDESK_BIN" case show 1 --json --db "$E2E_TMP/sandbox.sqlite" --as trainee1 \
        | python3 -c 'import json,sys; c=json.load(sys.stdin); assert c["rulings"][-1]["citations"] == ["CRPL-25"], c["rulings"]'
}

test_a_closed_case_replays_in_a_read_only_console() {
    trap e2e_stop EXIT
    e2e_start replay 100 30
    "$CASEDESK_BIN" staff list --db "$E2E_DB" >/dev/null
    local before
    before=$(sha256sum "$E2E_DB")
    e2e_run_casedesk --read-only --lang en
    e2e_wait_for "READ-ONLY"
    e2e_keys /
    e2e_keys -l 'T恤'
    e2e_keys Enter
    e2e_wait_for "search: T恤"
    e2e_keys Enter Y
    e2e_wait_for "Replay #"
    e2e_wait_for "Step 1/"
    e2e_keys ']' ']'
    e2e_wait_for "Step 3/"
    e2e_keys End
    e2e_keys Escape q
    expect_clean_exit 0
    [ "$(sha256sum "$E2E_DB")" = "$before" ] || { echo "the database changed" >&2; return 1; }
}

E2E_TESTS+=(
    test_train_lists_prints_handouts_and_replays test_trainee_completes_a_scenario_from_the_keyboard
    test_a_closed_case_replays_in_a_read_only_console
)
