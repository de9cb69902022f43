/// An estimate of how wide a label renders, for fitting and thinning labels without a font.
///
/// Widths are average advance widths of common sans-serif faces (Helvetica/Arial, DejaVu
/// Sans, Liberation Sans) in em, grouped by character class; the estimate errs on the wide
/// side so labels judged to fit do fit. No font file is read: output must not depend on the
/// machine.
///
/// ```swift
/// TextMetrics.width("Steinkjer", fontSize: 12)   // ≈ 56 px
/// ```
enum TextMetrics {
    /// Estimated width in px of `text` at `fontSize` px.
    static func width(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for ch in text {
            em += advance(ch)
        }
        return em * fontSize
    }

    /// Average advance width of one character in em.
    static func advance(_ ch: Character) -> Double {
        switch ch {
        case "i", "j", "l", "I", "!", "|", "'", ".", ",", ":", ";", "\u{00A0}", " ": return 0.3
        case "f", "t", "r", "(", ")", "[", "]", "-", "/": return 0.38
        case "m", "w", "M", "W", "Æ", "æ", "%", "@": return 0.9
        case "0"..."9", "+", "−", "–", "=", "<", ">": return 0.58
        default:
            if ch.isUppercase { return 0.7 }
            return 0.58
        }
    }

    /// `text` cut with an ellipsis so that it fits `maxWidth` px (whole text when it fits).
    static func truncated(_ text: String, fontSize: Double, maxWidth: Double) -> String {
        if width(text, fontSize: fontSize) <= maxWidth { return text }
        var chars = Array(text)
        while !chars.isEmpty && width(String(chars) + "…", fontSize: fontSize) > maxWidth { chars.removeLast() }
        return chars.isEmpty ? "" : String(chars) + "…"
    }
}
