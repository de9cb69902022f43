/// One finished chart: its file name, accessible title and description, and the SVG tree.
///
/// `svg` is a complete `<svg>` element with `<title>` and `<desc>` as its first children
/// (what screen readers announce) and real `<text>` for every label, so charts stay
/// searchable and copyable when pasted into a paper.
struct Chart: Sendable {
    /// File name under `charts/` without `.svg`, e.g. `bars-survey.trust.index`.
    let slug: String
    let title: String
    let description: String
    let width: Double
    let height: Double
    let svg: Markup
    /// `svg` rendered once: written to `charts/` and inlined into the HTML.
    let svgText: String

    /// The standalone SVG file: XML declaration, then the element, then a newline.
    var fileText: String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgText + "\n" }

    /// Builds the root `<svg>`: size, viewBox, font, white background, title and description.
    ///
    /// Ids are prefixed with the slug, so several charts inlined into one HTML page never
    /// share an id.
    init(slug: String, title: String, description: String, width: Double, height: Double, body: [Markup]) {
        self.slug = slug
        self.title = title
        self.description = description
        self.width = width
        self.height = height
        let idBase = "c-" + Chart.idSafe(slug)
        let w = DisplayNumber.coordinate(width)
        let h = DisplayNumber.coordinate(height)
        svg = .element(
            "svg",
            [
                "xmlns": "http://www.w3.org/2000/svg", "width": w, "height": h, "viewBox": "0 0 \(w) \(h)",
                "role": "img", "aria-labelledby": "\(idBase)-t \(idBase)-d",
                "font-family": "'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif",
                "font-size": "12", "fill": Palette.text,
            ],
            [
                .element("title", ["id": "\(idBase)-t"], [.text(title)]),
                .element("desc", ["id": "\(idBase)-d"], [.text(description)]),
                .element("rect", ["width": w, "height": h, "fill": "#FFFFFF"]),
            ] + body)
        svgText = svg.render()
    }

    /// Letters, digits, `-` and `_` kept; anything else becomes `-`.
    static func idSafe(_ s: String) -> String {
        String(s.map { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" ? $0 : "-" })
    }
}
