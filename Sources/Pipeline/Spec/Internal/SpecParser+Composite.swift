import ApenCore
import Indicators
import Yams

extension SpecParser {
    static let compositeKeys = [
        "id", "normalisation", "scope", "aggregation", "samples", "delta", "seed", "label", "components",
        "min_available", "impute", "pillars", "winsorise", "uncertainty", "sensitivity",
    ]
    static let uncertaintyKeys = ["normalisation", "aggregation", "impute", "sampling_error"]
    static let winsoriseKeys = ["skew", "kurtosis", "max_points"]
    static let pillarKeys = ["id", "weight", "components"]
    static let componentKeys = ["indicator", "weight", "direction", "goalposts"]

    /// `composite:` — a list of composite indices (METHODS.md §6); components must be
    /// built-in or custom indicators.
    mutating func parseComposites(_ node: Node, known: [String]) -> [CompositeDefinition] {
        guard let items = reader.list(node, key: "composite") else { return [] }
        var result: [CompositeDefinition] = []
        var seen = Set<String>()
        for (i, item) in items.enumerated() {
            let key = "composite[\(i)]"
            guard let m = reader.mapping(item, key: key, allowed: SpecParser.compositeKeys) else { continue }
            for required in ["id", "components"] where !m.has(required) {
                reader.error(m.mark, "\(key): missing required key '\(required)'")
            }
            var id = m.value("id").flatMap { reader.string($0, key: "\(key).id") }
            if let text = id, let mark = m.value("id")?.mark {
                if !SpecParser.isPlainName(text, allowDot: false) || text.contains("-") {
                    reader.error(
                        mark,
                        "\(key).id: '\(text)' becomes the indicator id composite.\(text); use letters, digits and '_' only"
                    )
                    id = nil
                } else if !seen.insert(text).inserted {
                    reader.error(mark, "\(key).id: '\(text)' is declared twice")
                    id = nil
                }
            }
            var normalisation = CompositeDefinition.Normalisation.goalposts
            if let n = m.value("normalisation"),
                let text = reader.choice(n, key: "\(key).normalisation", among: ["goalposts", "minmax", "zscore"])
            {
                normalisation = CompositeDefinition.Normalisation(rawValue: text)!
            }
            var scope = CompositeDefinition.Scope.year
            if let n = m.value("scope"), let text = reader.choice(n, key: "\(key).scope", among: ["year", "all"]) {
                scope = CompositeDefinition.Scope(rawValue: text)!
                if normalisation == .goalposts {
                    reader.warning(
                        m.keyMark("scope"), "\(key).scope: ignored with normalisation 'goalposts' (fixed goalposts)")
                }
            }
            var aggregation = CompositeDefinition.Aggregation.arithmetic
            if let n = m.value("aggregation"),
                let text = reader.choice(n, key: "\(key).aggregation", among: ["arithmetic", "geometric"])
            {
                aggregation = CompositeDefinition.Aggregation(rawValue: text)!
                if aggregation == .geometric && normalisation == .zscore {
                    reader.error(
                        n.mark,
                        "\(key).aggregation: 'geometric' needs scores on 0–100 (normalisation goalposts or minmax), not zscore"
                    )
                }
            }
            var impute = CompositeDefinition.Imputation.none
            if let n = m.value("impute"),
                let text = reader.choice(n, key: "\(key).impute", among: ["none", "mean", "previous"])
            {
                impute = CompositeDefinition.Imputation(rawValue: text)!
            }
            var components: [CompositeDefinition.Component] = []
            if let n = m.value("components"), let list = reader.list(n, key: "\(key).components") {
                if list.isEmpty { reader.error(n.mark, "\(key).components: at least one component is needed") }
                var used = Set<String>()
                for (j, c) in list.enumerated() {
                    let ckey = "\(key).components[\(j)]"
                    guard let component = parseComponent(c, key: ckey, normalisation: normalisation, known: known)
                    else { continue }
                    if !used.insert(component.indicator).inserted {
                        reader.error(c.mark, "\(ckey): '\(component.indicator)' is already a component of this index")
                        continue
                    }
                    components.append(component)
                }
            }
            var definition = CompositeDefinition(id: id ?? "", components: components)
            if let n = m.value("pillars") {
                definition.pillars = parsePillars(n, key: "\(key).pillars", components: components, known: known)
            }
            definition.normalisation = normalisation
            definition.aggregation = aggregation
            definition.scope = scope
            definition.impute = impute
            if let n = m.value("uncertainty") {
                definition.uncertainty = parseUncertainty(n, key: "\(key).uncertainty", definition: definition)
            }
            if let n = m.value("winsorise") { definition.winsorise = parseWinsorise(n, key: "\(key).winsorise") }
            if let n = m.value("samples"), let x = reader.integer(n, key: "\(key).samples") {
                if (1...1_000_000).contains(x) {
                    definition.samples = x
                } else {
                    reader.error(n.mark, "\(key).samples: expected a whole number from 1 to 1000000, found '\(x)'")
                }
            }
            if let n = m.value("delta"), let x = reader.number(n, key: "\(key).delta", in: 0...1) {
                if x < 1 {
                    definition.delta = x
                } else {
                    reader.error(
                        n.mark,
                        "\(key).delta: must be below 1 (a weight of (1 − δ)·w must stay positive), found '\(SpecReader.text(n))'"
                    )
                }
            }
            if let n = m.value("min_available"), let x = reader.number(n, key: "\(key).min_available") {
                if x > 0 && x <= 1 {
                    definition.minAvailable = x
                } else {
                    reader.error(
                        n.mark,
                        "\(key).min_available: expected a share of the weight above 0 and at most 1, found '\(SpecReader.text(n))'"
                    )
                }
            }
            if let n = m.value("seed") {
                if case .scalar(let s) = n, let seed = UInt64(s.string) {
                    definition.seed = seed
                } else {
                    reader.error(
                        n.mark,
                        "\(key).seed: expected a whole number from 0 to 18446744073709551615, found \(SpecReader.describe(n))"
                    )
                }
            }
            if let n = m.value("sensitivity"), let on = reader.bool(n, key: "\(key).sensitivity") {
                definition.sensitivity = on
                if on && definition.delta == 0 && definition.uncertainty.factorCount == 0
                    && !definition.uncertainty.samplingError
                {
                    reader.error(
                        n.mark,
                        "\(key).sensitivity: nothing is uncertain (delta is 0 and there is no 'uncertainty:'); declare the uncertainty to analyse"
                    )
                }
            }
            definition.label = m.value("label").flatMap { reader.localizedText($0, key: "\(key).label") }
            if id != nil { result.append(definition) }
        }
        return result
    }

    mutating func parseComponent(
        _ node: Node, key: String, normalisation: CompositeDefinition.Normalisation, known: [String]
    )
        -> CompositeDefinition.Component?
    {
        guard let m = reader.mapping(node, key: key, allowed: SpecParser.componentKeys) else { return nil }
        for required in ["indicator", "direction"] where !m.has(required) {
            reader.error(m.mark, "\(key): missing required key '\(required)'")
        }
        var indicator = m.value("indicator").flatMap { reader.string($0, key: "\(key).indicator") }
        if let text = indicator, !known.contains(text) {
            reader.error(
                m.value("indicator")?.mark,
                "\(key).indicator: unknown indicator '\(text)'\(EditDistance.hint(for: text, among: known))")
            indicator = nil
        }
        var weight = 1.0
        if let n = m.value("weight"), let w = reader.number(n, key: "\(key).weight") {
            if w > 0 {
                weight = w
            } else {
                reader.error(n.mark, "\(key).weight: expected a positive number, found '\(SpecReader.text(n))'")
            }
        }
        var direction: Int?
        if let n = m.value("direction"), let d = reader.integer(n, key: "\(key).direction") {
            if d == 1 || d == -1 {
                direction = d
            } else {
                reader.error(
                    n.mark, "\(key).direction: expected 1 (higher is better) or -1 (lower is better), found '\(d)'")
            }
        }
        var goalposts: ClosedRange<Double>?
        if let n = m.value("goalposts") {
            goalposts = reader.range(n, key: "\(key).goalposts")
            if normalisation != .goalposts {
                reader.warning(
                    m.keyMark("goalposts"), "\(key).goalposts: ignored with normalisation '\(normalisation.rawValue)'")
            }
        } else if normalisation == .goalposts {
            reader.error(m.mark, "\(key): missing 'goalposts: [low, high]', needed by the goalposts normalisation")
        }
        guard let indicator, let direction else { return nil }
        return CompositeDefinition.Component(
            indicator: indicator, weight: weight, direction: direction, goalposts: goalposts)
    }

    /// `pillars:` — named groups of the index's components with a weight each (METHODS §6);
    /// every component in exactly one pillar.
    mutating func parsePillars(
        _ node: Node, key: String, components: [CompositeDefinition.Component], known: [String]
    ) -> [CompositeDefinition.Pillar] {
        guard let items = reader.list(node, key: key) else { return [] }
        if items.isEmpty { reader.error(node.mark, "\(key): at least one pillar is needed (or leave 'pillars' out)") }
        let componentIDs = components.map(\.indicator)
        var result: [CompositeDefinition.Pillar] = []
        var names = Set<String>()
        var pillarOf: [String: String] = [:]
        for (i, item) in items.enumerated() {
            let pkey = "\(key)[\(i)]"
            guard let m = reader.mapping(item, key: pkey, allowed: SpecParser.pillarKeys) else { continue }
            for required in ["id", "components"] where !m.has(required) {
                reader.error(m.mark, "\(pkey): missing required key '\(required)'")
            }
            var id = m.value("id").flatMap { reader.string($0, key: "\(pkey).id") }
            if let text = id, let mark = m.value("id")?.mark {
                if !SpecParser.isPlainName(text, allowDot: false) || text.contains("-") {
                    reader.error(
                        mark, "\(pkey).id: '\(text)' becomes part of an indicator id; use letters, digits and '_' only")
                    id = nil
                } else if CompositeIndex.reservedPillarNames.contains(text) {
                    reader.error(
                        mark, "\(pkey).id: '\(text)' is the name of another output of the index; choose another")
                    id = nil
                } else if !names.insert(text).inserted {
                    reader.error(mark, "\(pkey).id: '\(text)' is declared twice")
                    id = nil
                }
            }
            var weight = 1.0
            if let n = m.value("weight"), let w = reader.number(n, key: "\(pkey).weight") {
                if w > 0 {
                    weight = w
                } else {
                    reader.error(n.mark, "\(pkey).weight: expected a positive number, found '\(SpecReader.text(n))'")
                }
            }
            var members: [String] = []
            if let n = m.value("components"), let list = reader.list(n, key: "\(pkey).components") {
                if list.isEmpty { reader.error(n.mark, "\(pkey).components: at least one component is needed") }
                for (j, c) in list.enumerated() {
                    let ckey = "\(pkey).components[\(j)]"
                    guard let text = reader.string(c, key: ckey) else { continue }
                    if !known.contains(text) {
                        reader.error(
                            c.mark, "\(ckey): unknown indicator '\(text)'\(EditDistance.hint(for: text, among: known))")
                    } else if !componentIDs.contains(text) {
                        reader.error(c.mark, "\(ckey): '\(text)' is not among this index's components")
                    } else if let other = pillarOf[text] {
                        reader.error(c.mark, "\(ckey): '\(text)' is already in pillar '\(other)'")
                    } else {
                        pillarOf[text] = id ?? "?"
                        members.append(text)
                    }
                }
            }
            if let id { result.append(CompositeDefinition.Pillar(id: id, weight: weight, components: members)) }
        }
        if !items.isEmpty {
            for c in componentIDs where pillarOf[c] == nil {
                reader.error(node.mark, "\(key): component '\(c)' is in no pillar")
            }
        }
        return result
    }

    /// `winsorise: true` (COINr `qTreat` defaults) or `{skew, kurtosis, max_points}` (METHODS §6).
    mutating func parseWinsorise(_ node: Node, key: String) -> CompositeTreatment.Winsorise? {
        if case .scalar = node {
            guard let on = reader.bool(node, key: key) else { return nil }
            return on ? CompositeTreatment.Winsorise() : nil
        }
        guard let m = reader.mapping(node, key: key, allowed: SpecParser.winsoriseKeys) else { return nil }
        var rule = CompositeTreatment.Winsorise()
        if let n = m.value("skew"), let x = reader.number(n, key: "\(key).skew") {
            if x > 0 {
                rule.skew = x
            } else {
                reader.error(n.mark, "\(key).skew: expected a number above 0, found '\(SpecReader.text(n))'")
            }
        }
        if let n = m.value("kurtosis"), let x = reader.number(n, key: "\(key).kurtosis") { rule.kurtosis = x }
        if let n = m.value("max_points"), let x = reader.integer(n, key: "\(key).max_points") {
            if x >= 1 {
                rule.maxPoints = x
            } else {
                reader.error(n.mark, "\(key).max_points: expected a whole number from 1, found '\(x)'")
            }
        }
        return rule
    }

    /// `uncertainty: {normalisation: [...], aggregation: [...], impute: [...], sampling_error: true}` —
    /// the methods each Monte-Carlo sample chooses among, and whether it draws each component
    /// value from its standard error (METHODS §6 "Uncertainty").
    mutating func parseUncertainty(_ node: Node, key: String, definition: CompositeDefinition)
        -> CompositeDefinition.Uncertainty
    {
        var u = CompositeDefinition.Uncertainty()
        guard let m = reader.mapping(node, key: key, allowed: SpecParser.uncertaintyKeys) else { return u }
        func names(_ name: String, among: [String]) -> [String] {
            guard let n = m.value(name), let list = reader.list(n, key: "\(key).\(name)") else { return [] }
            if list.isEmpty { reader.error(n.mark, "\(key).\(name): list at least one method (or leave it out)") }
            var out: [String] = []
            for (i, item) in list.enumerated() {
                guard let text = reader.choice(item, key: "\(key).\(name)[\(i)]", among: among) else { continue }
                if out.contains(text) {
                    reader.error(item.mark, "\(key).\(name)[\(i)]: '\(text)' is listed twice")
                } else {
                    out.append(text)
                }
            }
            return out
        }
        u.normalisation = names("normalisation", among: ["goalposts", "minmax", "zscore"]).compactMap {
            CompositeDefinition.Normalisation(rawValue: $0)
        }
        u.aggregation = names("aggregation", among: ["arithmetic", "geometric"]).compactMap {
            CompositeDefinition.Aggregation(rawValue: $0)
        }
        u.impute = names("impute", among: ["none", "mean", "previous"]).compactMap {
            CompositeDefinition.Imputation(rawValue: $0)
        }
        if let n = m.value("sampling_error"), let on = reader.bool(n, key: "\(key).sampling_error") {
            u.samplingError = on
        }
        let geometric = u.aggregation.contains(.geometric) || definition.aggregation == .geometric
        let zscore = u.normalisation.contains(.zscore) || definition.normalisation == .zscore
        if geometric && zscore && !(definition.aggregation == .geometric && definition.normalisation == .zscore) {
            reader.error(
                node.mark,
                "\(key): geometric aggregation needs scores on 0–100 and cannot be drawn together with zscore normalisation"
            )
        }
        if u.normalisation.contains(.goalposts) && definition.normalisation != .goalposts {
            for c in definition.components where c.goalposts == nil {
                reader.error(
                    node.mark, "\(key): drawing goalposts normalisation needs goalposts for component '\(c.indicator)'")
            }
        }
        return u
    }
}
