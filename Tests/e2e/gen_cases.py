"""Writes N valid case lines for import (docs/import-format.md): gen_cases.py OUT FIRST COUNT [TITLE_REPEAT]."""
import base64, hashlib, json, sys

out, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
repeat = int(sys.argv[4]) if len(sys.argv) > 4 else 1
with open(out, "w", encoding="utf-8") as f:
    for i in range(first, first + count):
        content = f"照片 {i}".encode()
        f.write(json.dumps({
            "type": "case", "id": i, "title": f"第{i}号 " + "屏幕碎裂" * repeat, "narrative": "外箱完好，屏幕碎裂。",
            "category": "damaged", "request_type": "return_and_refund",
            "buyer": {"account": f"b{i}", "name": "王磊"}, "merchant": {"account": "m1", "name": "极客"},
            "order_id": f"O{i}", "order_fen": 429900, "claim_fen": 429900, "stage": "merchant_response",
            "deadline": "2026-11-28T08:00:00Z", "suspended_from": None, "paused_remaining_seconds": None,
            "rule_pack": "marketplace@1", "assignee": None, "created_at": "2026-11-27T07:00:00Z",
            "updated_at": "2026-11-27T07:00:00Z", "version": 1, "priority": 3, "flags": [],
            "evidence": [{"kind": "photo", "source": "buyer", "description": "照片",
                          "sha256": hashlib.sha256(content).hexdigest(),
                          "content_base64": base64.b64encode(content).decode(),
                          "submitted_at": "2026-11-27T07:10:00Z"}]}, ensure_ascii=False) + "\n")
