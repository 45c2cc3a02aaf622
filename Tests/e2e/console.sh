# End-to-end tests of the console through tmux: the real binary, a temporary
# database, a pinned environment; checks what a person would see and that the
# terminal is usable afterwards. Sourced by run.sh.

# Exit status 0 and the terminal modes exactly as before, with echo and canonical mode on.
expect_clean_exit() {
    local status=$1
    e2e_wait_for "EXIT=$status STTY=same"
    e2e_wait_for "MODES=usable"
}

test_first_start_move_help_quit() {
    trap e2e_stop EXIT
    e2e_start first-start 100 30
    e2e_run_casedesk
    e2e_wait_for "New database: loaded 17 example cases"
    e2e_wait_for "退货运费应由谁承担"
    e2e_wait_for "1/17 cases"
    e2e_keys j j
    e2e_wait_for "3/17 cases"
    e2e_wait_for "收到的手机屏幕碎裂，快递外箱完好"
    e2e_keys '?'
    e2e_wait_for "Help · keys in the queue"
    e2e_keys Escape
    e2e_wait_gone "Help · keys in the queue"
    e2e_keys Tab
    e2e_keys '?'
    e2e_wait_for "Help · keys in the case detail"
    e2e_keys Escape
    e2e_wait_gone "Help · keys"
    e2e_keys q
    expect_clean_exit 0
    # A second start finds the same database and loads nothing new.
    e2e_run_casedesk
    e2e_wait_for "1/17 cases"
    if e2e_screen | grep -qF "loaded 17 example"; then echo "examples loaded twice" >&2; return 1; fi
    e2e_keys q
    expect_clean_exit 0
}

test_ctrl_c_restores_the_terminal() {
    trap e2e_stop EXIT
    e2e_start ctrl-c 100 30
    e2e_run_casedesk
    e2e_wait_for "1/17 cases"
    e2e_keys C-c
    expect_clean_exit 130
}

test_sigterm_and_sighup_restore_the_terminal() {
    trap e2e_stop EXIT
    e2e_start signals 100 30
    local signal status
    for pair in TERM:143 HUP:129; do
        signal=${pair%%:*}
        status=${pair##*:}
        e2e_keys -l clear
        e2e_keys Enter
        e2e_run_casedesk
        e2e_wait_for "1/17 cases"
        kill -s "$signal" "$(e2e_pid)"
        expect_clean_exit "$status"
    done
}

test_resize_relays_out_and_too_small_still_quits() {
    trap e2e_stop EXIT
    e2e_start resize 100 30
    e2e_run_casedesk
    e2e_wait_for "1/17 cases"
    tmux -L "$E2E_SOCKET" resize-window -t e2e -x 50 -y 12
    e2e_wait_for "Terminal too small: 50x12"
    tmux -L "$E2E_SOCKET" resize-window -t e2e -x 120 -y 40
    e2e_wait_for "Queue · by deadline"
    e2e_wait_for "二手相机成色与描述不符（大"
    tmux -L "$E2E_SOCKET" resize-window -t e2e -x 59 -y 16
    e2e_wait_for "Terminal too small: 59x16"
    e2e_keys q
    expect_clean_exit 0
}

test_dumb_terminal_gets_a_clear_message() {
    trap e2e_stop EXIT
    e2e_start dumb 100 30
    e2e_keys -l "TERM=dumb \"$CASEDESK_BIN\" --db \"$E2E_DB\"; echo \"EXIT=\$?\""
    e2e_keys Enter
    e2e_wait_for "TERM=dumb cannot show the console"
    e2e_wait_for "EXIT=1"
    e2e_keys -l "clear; TERM=vt999x \"$CASEDESK_BIN\" --db \"$E2E_DB\"; echo \"EXIT=\$?\""
    e2e_keys Enter
    e2e_wait_for "TERM=vt999x cannot show the console"
    e2e_wait_for "EXIT=1"
}

test_a_step_from_the_console_reaches_the_database() {
    trap e2e_stop EXIT
    e2e_start step 100 30
    e2e_run_casedesk
    e2e_wait_for "1/17 cases"
    # Case 1 (物流显示已签收…) is fifth in deadline order; suspend it from the step menu.
    e2e_keys j j j j
    e2e_wait_for "5/17 cases"
    e2e_keys A
    e2e_wait_for "Steps for #1 (intervention)"
    e2e_keys j Enter
    e2e_wait_for "#1: suspend → suspended"
    # Refer asks first; Cancel is the default, so Enter changes nothing.
    e2e_keys A
    e2e_wait_for "Steps for #1 (suspended)"
    e2e_keys j Enter
    e2e_wait_for "This cannot be"
    e2e_keys Enter
    e2e_wait_gone "This cannot be"
    e2e_keys q
    expect_clean_exit 0
    "$CASEDESK_BIN" case show 1 --db "$E2E_DB" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["stage"] == "suspended", d["stage"]
assert d["suspended_from"] == "intervention"
assert d["audit"][-1]["action"] == "suspend", d["audit"][-1]
'
}

test_chinese_search_and_a_filter_from_the_keyboard() {
    trap e2e_stop EXIT
    e2e_start search 100 30
    e2e_run_casedesk
    e2e_wait_for "1/17 cases"
    e2e_keys /
    e2e_keys -l '开箱视频'
    e2e_wait_for "/ 开箱视频"
    # A resize while typing keeps what was typed.
    tmux -L "$E2E_SOCKET" resize-window -t e2e -x 90 -y 28
    e2e_wait_for "/ 开箱视频"
    e2e_keys Enter
    e2e_wait_for "search: 开箱视频"
    e2e_wait_for "1/1 cases"
    e2e_keys Escape
    e2e_wait_for "1/17 cases"
    e2e_keys '\'
    e2e_keys -l 'stage:nowhere'
    e2e_keys Enter
    e2e_wait_for "unknown stage 'nowhere'"
    for _ in 1 2 3 4 5 6 7; do e2e_keys BSpace; done
    e2e_keys -l 'decision'
    e2e_keys Enter
    e2e_wait_for "filter: stage:decision"
    e2e_wait_for "1/3 cases"
    e2e_keys Escape
    e2e_wait_for "1/17 cases"
    e2e_keys q
    expect_clean_exit 0
}

test_forms_take_chinese_and_survive_a_resize() {
    trap e2e_stop EXIT
    e2e_start form 100 30
    "$CASEDESK_BIN" staff list --db "$E2E_DB" >/dev/null  # the first user (this shell's) becomes admin
    e2e_run_casedesk --as lin.mei
    e2e_wait_for "1/17 cases"
    # Search, open, take.
    e2e_keys /
    e2e_keys -l '快递柜'
    e2e_keys Enter
    e2e_wait_for "search: 快递柜"
    e2e_keys Enter T
    e2e_wait_for "#1: taken by lin.mei"
    # A point in dispute: delivery mismatch.
    e2e_keys I
    e2e_wait_for "Add a point in dispute"
    e2e_keys Right Right Right Tab
    e2e_keys -l '快递柜代签是否有效'
    e2e_keys Enter
    e2e_wait_for "#1: issue #7"
    # Request evidence from the merchant, typing Chinese, resizing mid-form.
    e2e_keys W
    e2e_wait_for "Request evidence · case #1"
    e2e_keys Tab
    e2e_keys -l '签收底单'
    tmux -L "$E2E_SOCKET" resize-window -t e2e -x 80 -y 24
    e2e_wait_for "签收底单"
    e2e_keys Enter
    e2e_wait_for "#1: evidence requested"
    # Add the merchant's evidence as pasted text, then link it from the evidence pane.
    e2e_keys E
    e2e_wait_for "Add evidence · case #1"
    e2e_keys Right Right Tab Right Tab
    e2e_keys -l '签收底单照片'
    e2e_keys Tab Tab
    e2e_keys -l '底单内容'
    e2e_keys Enter
    e2e_wait_for "evidence #"
    e2e_keys Tab G L
    e2e_wait_for "Link evidence"
    e2e_keys Enter
    e2e_wait_for "linked"
    # Advance: close the evidence window, decide on the record.
    e2e_keys Escape A
    e2e_wait_for "Steps for #1 (evidence)"
    e2e_keys Enter
    e2e_wait_for "#1: evidence_clo"
    e2e_keys q
    expect_clean_exit 0
    "$CASEDESK_BIN" case show 1 --db "$E2E_DB" --as lin.mei --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["stage"] == "decision", d["stage"]
assert d["evidence_requests"][0]["what"] == "签收底单", d["evidence_requests"]
last = d["evidence"][-1]
assert last["description"] == "签收底单照片" and last["source"] == "merchant" and last["timeliness"] == "on_time", last
assert d["issues"][0]["evidence_ids"] == [last_id for last_id in [d["evidence"][-1]["id"]]], d["issues"]
assert d["issues"][0]["burden"] == "merchant"
'
}

test_a_chinese_lang_shows_chinese_even_without_that_locale() {
    trap e2e_stop EXIT
    e2e_start zh 100 30
    # zh_CN.UTF-8 is usually not generated on a server: the console must still show Chinese.
    e2e_keys -l "LANG=zh_CN.UTF-8 \"$CASEDESK_BIN\" --db \"$E2E_DB\"; echo \"EXIT=\$?\""
    e2e_keys Enter
    e2e_wait_for "队列 · 按期限"
    e2e_wait_for "退货运费应由谁承担"
    e2e_keys q
    e2e_wait_for "EXIT=0"
}

E2E_TESTS+=(
    test_a_chinese_lang_shows_chinese_even_without_that_locale
    test_forms_take_chinese_and_survive_a_resize
    test_chinese_search_and_a_filter_from_the_keyboard
    test_a_step_from_the_console_reaches_the_database
    test_first_start_move_help_quit
    test_ctrl_c_restores_the_terminal
    test_sigterm_and_sighup_restore_the_terminal
    test_resize_relays_out_and_too_small_still_quits
    test_dumb_terminal_gets_a_clear_message
)
