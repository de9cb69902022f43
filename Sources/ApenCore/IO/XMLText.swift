/// Text for XML 1.0 documents (the reports' SVG and HTML, `apen check --format junit`).
package enum XMLText {
    /// Character data: `&`, `<`, `>` escaped; characters XML 1.0 forbids (C0 controls other
    /// than tab, LF and CR; U+FFFE, U+FFFF) replaced by U+FFFD.
    package static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default:
                if (u.value < 0x20 && u != "\t" && u != "\n" && u != "\r") || u.value == 0xFFFE || u.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    /// A double-quoted attribute value: `text` plus `"`, and line breaks and tabs as character
    /// references (a parser would otherwise normalise them to spaces).
    package static func attribute(_ s: String) -> String {
        var out = ""
        for ch in text(s).unicodeScalars {
            switch ch {
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
