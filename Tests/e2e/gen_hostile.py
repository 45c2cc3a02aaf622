"""Writes one case line full of hostile text (escape sequences, C0/C1 controls, bidi overrides,
joiners, combining marks, emoji beside CJK, a 1 MB narrative): gen_hostile.py OUT."""
import base64, hashlib, json, sys

payload = ("\x1b]0;PWNED\x07 \x1b[31mHOSTILE1 \x9b2J \u202e反转\u202c \x07\x08 e\u0301 "
           "👩\u200d👩\u200d👧 退货\u200b退款 \x1bP1;2|HOSTILE2\x1b\\ \x9d0;HOSTILE3\x07")
content = ("证据正文 " + payload).encode()
line = {
    "type": "case", "id": 900, "title": "恶意标题 " + payload, "narrative": payload + " " + "很长的叙述" * 200_000,
    "category": "other", "request_type": "refund_only",
    "buyer": {"account": "b\x1b[2Jx", "name": "买家\u202e名字"}, "merchant": {"account": "m900", "name": "\x1b[31mHOSTILE4 商家"},
    "order_id": "O900", "order_fen": 100, "claim_fen": 100, "stage": "intervention",
    "deadline": "2026-11-01T00:00:00Z", "suspended_from": None, "paused_remaining_seconds": None,
    "rule_pack": "marketplace@1", "assignee": None, "created_at": "2026-10-30T00:00:00Z",
    "updated_at": "2026-10-30T00:00:00Z", "version": 1, "priority": 1, "flags": [],
    "evidence": [{"kind": "statement", "source": "buyer", "description": "描述 " + payload,
                  "sha256": hashlib.sha256(content).hexdigest(), "content_base64": base64.b64encode(content).decode(),
                  "submitted_at": "2026-10-30T01:00:00Z"}],
}
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(json.dumps(line, ensure_ascii=False) + "\n")
