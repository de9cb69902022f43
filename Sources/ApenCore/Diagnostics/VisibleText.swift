/// Text as it should appear inside a message: characters that print as nothing are spelled out
/// (Ingest's and the pipeline validator's header messages share this rule).
///
/// A header name such as `"\u{FEFF}date"` (a byte-order mark pasted in the middle of a header)
/// prints exactly like `date`, so "required column 'date' is missing; the header is: …,
/// 'date', …" would contradict itself. Control characters (Unicode category Cc), format
/// characters (Cf: byte-order mark, zero-width space and joiners, direction marks) and line or
/// paragraph separators are written as `\u{XXXX}`; everything else, spaces and letters in any
/// script included, is kept.
///
/// ```swift
/// VisibleText.escaping("\u{FEFF}date")   // "\\u{FEFF}date"
/// VisibleText.escaping("Bodø")           // "Bodø"
/// ```
package enum VisibleText {
    package static func escaping(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate, .privateUse:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
