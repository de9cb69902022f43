import ApenCore

/// Hand-written JSON with a fixed key order (the order the caller gives).
enum JSONText {
    static func string(_ s: String) -> String {
        // Fast path: nothing to escape (the usual indicator id, municipality, number text).
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// Shortest round-trip text (valid JSON: `1e-05`, `0.5`), or `null`.
    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "null" }
        return NumberText.shortest(x)
    }

    static func int(_ x: Int?) -> String { x.map(String.init) ?? "null" }

    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    /// An array with one element per line, indented by `indent` spaces.
    static func array(_ items: [String], indent: Int) -> String {
        guard !items.isEmpty else { return "[]" }
        let pad = String(repeating: " ", count: indent)
        let closing = String(repeating: " ", count: max(0, indent - 2))
        return "[\n" + items.map { pad + $0 }.joined(separator: ",\n") + "\n" + closing + "]"
    }
}
