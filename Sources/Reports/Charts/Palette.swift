/// Colours: the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), readable
/// with every common form of colour-vision deficiency, plus neutral greys for context.
enum Palette {
    static let black = "#000000"
    static let orange = "#E69F00"
    static let skyBlue = "#56B4E9"
    static let bluishGreen = "#009E73"
    static let yellow = "#F0E442"
    static let blue = "#0072B2"
    static let vermillion = "#D55E00"
    static let reddishPurple = "#CC79A7"

    /// Series colours in the order focus municipalities get them.
    static let series = [blue, vermillion, bluishGreen, reddishPurple, orange, skyBlue, black]

    /// Bars/dots of municipalities that are not in focus: 3.25:1 against white, above the 3:1
    /// WCAG 2.1 asks of graphical objects (1.4.11; the earlier #9DB9CC was 2.05:1).
    static let context = "#7193AB"
    /// Axis lines, grid and quiet text.
    static let grid = "#D9D9D9"
    static let axis = "#555555"
    static let text = "#222222"
    /// The interquartile band of the others in trend charts (sky blue, light).
    static let band = "#CFE8F7"

    /// Sequential colour for a score in [0, 100]: from a pale blue to Okabe–Ito blue,
    /// interpolated in sRGB. Low = light, high = dark; text on it switches to white above 60.
    /// The pale end is not white, so a score of 0 never looks like a missing (white) cell.
    static func sequential(_ score: Double) -> String {
        let t = max(0, min(1, score / 100))
        let from = (r: 0xDD, g: 0xEB, b: 0xF5)
        let to = (r: 0x00, g: 0x72, b: 0xB2)
        func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
        return hex(mix(from.r, to.r), mix(from.g, to.g), mix(from.b, to.b))
    }

    static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        var s = "#"
        for v in [r, g, b] {
            s.append(digits[(v >> 4) & 15])
            s.append(digits[v & 15])
        }
        return s
    }
}
