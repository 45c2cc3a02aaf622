import Crypto
import Foundation

/// SHA-256 as lowercase hex: the digest files carry for evidence, and stores fix in the audit chain.
package enum Hashing {
    package static func sha256Hex(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    package static func sha256Hex(_ text: String) -> String {
        sha256Hex(Data(text.utf8))
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
