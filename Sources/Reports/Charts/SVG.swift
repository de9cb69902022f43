/// Small builders shared by the chart types.
enum SVG {
    static func n(_ x: Double) -> String { DisplayNumber.coordinate(x) }

    static func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil,
        cls: String? = nil
    ) -> Markup {
        var a: [Markup.Attribute] = [
            .init(name: "x1", value: n(x1)), .init(name: "y1", value: n(y1)),
            .init(name: "x2", value: n(x2)), .init(name: "y2", value: n(y2)),
            .init(name: "stroke", value: stroke), .init(name: "stroke-width", value: n(width)),
        ]
        if let dash { a.append(.init(name: "stroke-dasharray", value: dash)) }
        if let cls { a.append(.init(name: "class", value: cls)) }
        return .element("line", attributes: a)
    }

    static func rect(
        _ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, extra: [Markup.Attribute] = [],
        tooltip: String? = nil
    ) -> Markup {
        let a: [Markup.Attribute] =
            [
                .init(name: "x", value: n(x)), .init(name: "y", value: n(y)),
                .init(name: "width", value: n(max(0, w))), .init(name: "height", value: n(max(0, h))),
                .init(name: "fill", value: fill),
            ] + extra
        return .element("rect", attributes: a, tooltip.map { [.element("title", [:], [.text($0)])] } ?? [])
    }

    static func circle(
        _ cx: Double, _ cy: Double, _ r: Double, fill: String, extra: [Markup.Attribute] = [], tooltip: String? = nil
    ) -> Markup {
        let a: [Markup.Attribute] =
            [
                .init(name: "cx", value: n(cx)), .init(name: "cy", value: n(cy)), .init(name: "r", value: n(r)),
                .init(name: "fill", value: fill),
            ] + extra
        return .element("circle", attributes: a, tooltip.map { [.element("title", [:], [.text($0)])] } ?? [])
    }

    enum Anchor: String { case start, middle, end }

    static func text(
        _ s: String, _ x: Double, _ y: Double, anchor: Anchor = .start, size: Double? = nil, weight: String? = nil,
        fill: String? = nil, cls: String? = nil, rotate: Double? = nil
    ) -> Markup {
        var a: [Markup.Attribute] = [.init(name: "x", value: n(x)), .init(name: "y", value: n(y))]
        if anchor != .start { a.append(.init(name: "text-anchor", value: anchor.rawValue)) }
        if let size { a.append(.init(name: "font-size", value: n(size))) }
        if let weight { a.append(.init(name: "font-weight", value: weight)) }
        if let fill { a.append(.init(name: "fill", value: fill)) }
        if let cls { a.append(.init(name: "class", value: cls)) }
        if let rotate { a.append(.init(name: "transform", value: "rotate(\(n(rotate)) \(n(x)) \(n(y)))")) }
        return .element("text", attributes: a, [.text(s)])
    }

    static func group(_ cls: String, _ children: [Markup]) -> Markup {
        .element("g", ["class": cls], children)
    }
}
