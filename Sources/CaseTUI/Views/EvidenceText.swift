import CaseInterchange
import CaseModel
import CaseStore
import Foundation

/// One evidence item in full, as a document: what it is, who brought it and when, whether on
/// time, its whole SHA-256 (checked against the bytes stored), its description and its content:
/// text shown as written, anything else described by size and its first bytes.
public enum EvidenceText {
    /// The most content shown; the rest is named, never silently dropped.
    static let shownBytes = 256 * 1024

    public static func text(
        _ item: Evidence, content: Data?, requests: [EvidenceRequest], language: Language
    ) -> String {
        func t(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }
        let timeliness = item.timeliness(requests: requests)
        // Labels padded by display width, so Chinese labels line up as English ones do.
        func row(_ label: String, _ value: String) -> String {
            label + String(repeating: " ", count: max(1, 12 - DisplayWidth.standard.of(label))) + value
        }
        var lines = [
            row(t("Item", "证据"), "#\(item.id) \(item.kind.label.text(language))"),
            row(t("From", "提交方"), item.source.label.text(language)),
            row(t("Submitted", "提交时间"), DateText.full(item.submittedAt)),
            row(t("Timeliness", "时效"), timeliness.label.text(language)),
            "SHA-256",
            "  \(item.sha256)",
        ]
        guard let content else {
            lines.append(t("The content is not stored in this database.", "本数据库未保存该证据的内容。"))
            return lines.joined(separator: "\n")
        }
        let matches = Hashing.sha256Hex(content) == item.sha256
        lines.append(
            matches
                ? t("  ✓ matches the stored content", "  ✓ 与保存的内容一致")
                : t("  ✗ DOES NOT match the stored content", "  ✗ 与保存的内容不一致"))
        lines += ["", t("Description", "说明"), "  " + item.description, ""]
        // The cut may fall inside a character: step back up to three bytes to a boundary.
        let text = (0...3).lazy.compactMap { back -> String? in
            guard content.count > shownBytes || back == 0 else { return nil }
            return String(data: content.prefix(shownBytes - back), encoding: .utf8)
        }.first
        if let text, !text.contains("\u{0}") {
            lines.append(t("Content (\(content.count) bytes, text)", "内容（\(content.count) 字节，文本）"))
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            if content.count > shownBytes {
                lines.append(
                    t(
                        "  … \(content.count - shownBytes) more bytes: `casedesk case evidence \(item.caseID) \(item.id) --out FILE`",
                        "  … 另有 \(content.count - shownBytes) 字节：`casedesk case evidence \(item.caseID) \(item.id) --out 文件`"
                    ))
            }
        } else {
            let head = content.prefix(32).map { String(format: "%02x", $0) }.joined(separator: " ")
            lines += [
                t("Content (\(content.count) bytes, not text)", "内容（\(content.count) 字节，非文本）"),
                "  \(head)\(content.count > 32 ? " …" : "")",
                t(
                    "  save it to open it: `casedesk case evidence \(item.caseID) \(item.id) --out FILE`",
                    "  保存后打开：`casedesk case evidence \(item.caseID) \(item.id) --out 文件`"),
            ]
        }
        return lines.joined(separator: "\n")
    }
}
