import ApenCore

/// A tree of XML elements and text, rendered to well-formed SVG or XHTML-compatible HTML.
///
/// Charts and the HTML report build `Markup` values instead of concatenating strings, so
/// every text and attribute value is escaped in exactly one place and the output is always
/// well-formed XML. Attributes keep the order they were given (byte-reproducible output).
///
/// ```swift
/// let t = Markup.element("text", ["x": "4"], ["R&D <2023>"])  // <text x="4">R&amp;D &lt;2023&gt;</text>
/// ```
struct Markup: Sendable, Hashable {
    enum Content: Sendable, Hashable {
        case element(name: String, attributes: [Attribute], children: [Markup])
        case text(String)
        /// Markup already rendered by `render()` (e.g. a chart placed inside the HTML).
        case rendered(String)
    }

    struct Attribute: Sendable, Hashable {
        var name: String
        var value: String
    }

    var content: Content

    /// An element with attributes in the given order.
    static func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [Markup] = [])
        -> Markup
    {
        Markup(
            content: .element(
                name: name, attributes: attributes.map { Attribute(name: $0.key, value: $0.value) }, children: children)
        )
    }

    /// An element with a computed list of attributes.
    static func element(_ name: String, attributes: [Attribute], _ children: [Markup] = []) -> Markup {
        Markup(content: .element(name: name, attributes: attributes, children: children))
    }

    static func text(_ s: String) -> Markup { Markup(content: .text(s)) }

    /// Elements that may be written as `<x/>` when empty: HTML void elements and SVG shapes.
    /// (An HTML parser reads `<div/>` as an open tag, so other elements get `<x></x>`.)
    static let selfClosing: Set<String> = [
        "meta", "br", "hr", "img", "link", "col",
        "rect", "line", "circle", "path", "polyline", "polygon", "stop", "ellipse", "use",
    ]

    /// The markup as text.
    func render() -> String {
        var out = ""
        render(into: &out)
        return out
    }

    func render(into out: inout String) {
        switch content {
        case .text(let s):
            out += Markup.escapeText(s)
        case .rendered(let s):
            out += s
        case .element(let name, let attributes, let children):
            out += "<" + name
            for a in attributes {
                out += " " + a.name + "=\"" + Markup.escapeAttribute(a.value) + "\""
            }
            if children.isEmpty && Markup.selfClosing.contains(name) {
                out += "/>"
                return
            }
            out += ">"
            for c in children { c.render(into: &out) }
            out += "</" + name + ">"
        }
    }

    /// Character data (`XMLText.text`): `&`, `<`, `>` escaped, forbidden characters replaced.
    static func escapeText(_ s: String) -> String { XMLText.text(s) }

    /// A double-quoted attribute value (`XMLText.attribute`).
    static func escapeAttribute(_ s: String) -> String { XMLText.attribute(s) }
}

extension Markup: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self = .text(value) }
}
