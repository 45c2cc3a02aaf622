# End-to-end: a ruling with a CRPL-55 award, returned, revised, approved, appealed, decided (issue 6).

# Opens case 4 (the counterfeit trainers) in a console already showing the queue.
open_case_4() {
    e2e_keys /
    e2e_keys -l '运动鞋'
    e2e_keys Enter
    e2e_wait_for "search: 运动鞋"
    e2e_keys Enter
    e2e_wait_for "#4 运动鞋"
}

# Fills the ruling form: return and refund of what was paid, plus CRPL-55 damages.
fill_ruling() {
    e2e_keys J
    e2e_wait_for "Rule on the case · case #4"
    e2e_keys Right Right Tab Tab Right Tab
    e2e_keys -l "$1"
    e2e_keys Tab
    e2e_keys -l 'CRPL-55 CC-582'
    e2e_keys Tab Right Enter
}

test_ruling_review_revision_appeal() {
    trap e2e_stop EXIT
    e2e_start ruling 100 30
    "$CASEDESK_BIN" staff list --db "$E2E_DB" >/dev/null  # the examples, and this shell's user as admin
    # 1. The mediator rules: above the review threshold, so it waits for a supervisor.
    e2e_run_casedesk --as zhang.wei
    e2e_wait_for "1/17 cases"
    open_case_4
    fill_ruling '品牌方鉴定为仿冒'
    e2e_wait_for "waits for review"
    e2e_keys q
    expect_clean_exit 0
    # 2. The supervisor returns it with a comment.
    e2e_run_casedesk --as wang.fang
    e2e_wait_for "1/17 cases"
    open_case_4
    e2e_keys J
    e2e_wait_for "Review the ruling · case #4"
    e2e_keys Right Tab
    e2e_keys -l '请写明鉴定机构'
    e2e_keys Enter
    e2e_wait_for "returned to zhang.wei"
    e2e_keys q
    expect_clean_exit 0
    # 3. The mediator revises: the form reopens with the returned terms and the comment.
    e2e_run_casedesk --as zhang.wei
    e2e_wait_for "1/17 cases"
    open_case_4
    e2e_wait_for "请写明鉴定机构"
    e2e_keys J
    e2e_wait_for "revising r1, returned by wang.fang: 请写明鉴定机构"
    e2e_wait_for "品牌方鉴定为仿冒"
    e2e_keys Tab Tab Tab BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
    e2e_keys -l '品牌官方鉴定中心鉴定为仿冒，商家未提供进货凭证'
    e2e_keys Enter
    e2e_wait_for "waits for review"
    e2e_keys q
    expect_clean_exit 0
    # 4. The supervisor approves: in force, obligations start.
    e2e_run_casedesk --as wang.fang
    e2e_wait_for "1/17 cases"
    open_case_4
    e2e_keys J
    e2e_wait_for "Review the ruling · case #4"
    e2e_keys Enter
    e2e_wait_for "approved, in force"
    e2e_keys q
    expect_clean_exit 0
    # 5. The obligations are met, execution ends, and the merchant appeals by import.
    local ids
    ids=$("$CASEDESK_BIN" case show 4 --db "$E2E_DB" --json | python3 -c '
import json, sys
print(" ".join(str(o["id"]) for o in json.load(sys.stdin)["obligations"]))')
    for id in $ids; do "$CASEDESK_BIN" case fulfil 4 "$id" --db "$E2E_DB" --as zhang.wei >/dev/null; done
    "$CASEDESK_BIN" case advance 4 executed --db "$E2E_DB" --as zhang.wei | grep -q "appeal_window"
    printf '{"type":"event","case":4,"party":"merchant","event":"appeal","at":"%s","note":"鉴定机构并非品牌授权"}\n' \
        "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$E2E_TMP/appeal.jsonl"
    "$CASEDESK_BIN" import "$E2E_TMP/appeal.jsonl" --db "$E2E_DB" --as zhang.wei >/dev/null
    # The reviewer took part in the ruling: refused.
    if "$CASEDESK_BIN" case decide-appeal 4 uphold --reasons x --db "$E2E_DB" --as wang.fang 2>"$E2E_TMP/err"; then
        echo "the reviewer decided the appeal" >&2
        return 1
    fi
    grep -q "reviewed the ruling" "$E2E_TMP/err"
    # 6. A second supervisor modifies it to a partial refund from the console.
    e2e_run_casedesk --as zhao.min
    e2e_wait_for "1/17 cases"
    open_case_4
    e2e_keys J
    e2e_wait_for "Decide the appeal · case #4"
    e2e_keys Right Tab
    e2e_keys -l '鉴定报告缺少授权文件，改为部分退款'
    e2e_keys Tab Right Right Tab BSpace BSpace BSpace BSpace BSpace BSpace BSpace
    e2e_keys -l '600'
    e2e_keys Tab Tab
    e2e_keys -l 'CC-582'
    e2e_keys Tab Right Enter
    e2e_wait_for "modified"
    e2e_keys q
    expect_clean_exit 0
    # The whole trail is on record, and the record verifies.
    "$CASEDESK_BIN" case show 4 --db "$E2E_DB" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["stage"] == "execution", d["stage"]
r = d["rulings"]
assert [x["status"] for x in r] == ["superseded", "superseded", "final"], r
assert r[0]["review_comment"] == "请写明鉴定机构" and r[0]["reviewer"] == "wang.fang", r[0]
assert r[1]["reviewer"] == "wang.fang" and r[1]["mediator"] == "zhang.wei", r[1]
fraud = [x for x in r[1]["remedies"] if x["remedy"] == "fraud_damages"][0]
assert fraud["amount_fen"] == 389700 and "3 ×" in fraud["formula"], fraud
assert r[2]["mediator"] == "zhao.min" and [(x["remedy"], x["amount_fen"]) for x in r[2]["remedies"]] == [("partial_refund", 60000)], r[2]
a = d["appeals"][0]
assert a["party"] == "merchant" and a["outcome"] == "modify" and a["decided_by"] == "zhao.min", a
actions = [x["action"] for x in d["audit"]]
for needed in ["ruling", "review_return", "review_approve", "rule", "obligation", "fulfil", "executed", "appeal_filed", "appeal_decision", "appeal_execute"]:
    assert needed in actions, (needed, actions)
'
    "$CASEDESK_BIN" verify --db "$E2E_DB" | grep -q "^intact"
    "$CASEDESK_BIN" case notice 4 --lang zh --db "$E2E_DB" | grep -q "变更原裁决"
    "$CASEDESK_BIN" report --json --db "$E2E_DB" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["appeal_outcomes"]["modify"] == 1, d["appeal_outcomes"]
'
}

E2E_TESTS+=(test_ruling_review_revision_appeal)
