import ApenCore

/// Resolves concrete indicator ids (`survey.trust.index`) to catalogue entries whose ids may
/// hold placeholders (`survey.<scale>.index`).
///
/// A placeholder `<name>` matches one or more characters, dots included (a composite's
/// `shift.<component>` is itself a dotted id). An exact entry wins; otherwise the matching
/// entry with the most literal characters (so `composite.<id>.rank` beats `composite.<id>`),
/// then the earlier entry. The label gets the placeholder values: written into the label
/// where it says `<scale>`, or else appended in parentheses — `Åpenhet (trust)`. A value that
/// is itself an indicator id (a composite component) is shown by its label.
///
/// Ids no entry matches get an inferred entry (family = the id's first segment, label = id),
/// so a report never fails for want of a catalogue line.
struct CatalogueResolver: Sendable {
    let entries: [IndicatorInfo]

    init(_ entries: [IndicatorInfo]) { self.entries = entries }

    func resolve(_ id: String) -> ResolvedIndicator {
        resolve(id, depth: 0)
    }

    private func resolve(_ id: String, depth: Int) -> ResolvedIndicator {
        if let i = entries.firstIndex(where: { $0.id == id }) {
            return ResolvedIndicator(info: entries[i], entryID: id, inferred: false, entryIndex: i)
        }
        var best: (index: Int, captures: [(String, String)], literal: Int)?
        for (i, e) in entries.enumerated() where e.id.contains("<") {
            let pattern = CatalogueResolver.parse(e.id)
            guard let caps = CatalogueResolver.match(pattern, Array(id)) else { continue }
            let literal = pattern.reduce(0) { acc, p in
                if case .literal(let s) = p { return acc + s.count }
                return acc
            }
            if best == nil || literal > best!.literal { best = (i, caps, literal) }
        }
        guard let (entryIndex, captures, _) = best else { return inferred(id, depth: depth) }
        let entry = entries[entryIndex]
        var info = entry
        info.id = id
        func fill(_ text: String, _ language: Language) -> String {
            var t = text
            var extra: [String] = []
            for (name, value) in captures {
                let shown: String
                if depth < 2, value.contains("."), !resolve(value, depth: depth + 1).inferred {
                    shown = resolve(value, depth: depth + 1).label(language)
                } else {
                    shown = value
                }
                if t.contains("<\(name)>") {
                    t = t.replacingOccurrences("<\(name)>", shown)
                } else {
                    extra.append(shown)
                }
            }
            return extra.isEmpty ? t : CatalogueResolver.qualify(t, with: extra.joined(separator: ", "))
        }
        info.label = LocalizedText(
            nb: fill(entry.label.nb, .nb), en: fill(entry.label.en, .en), nn: fill(entry.label.text(.nn), .nn))
        return ResolvedIndicator(
            info: info, entryID: entry.id, inferred: false, entryIndex: entryIndex,
            captureKey: captures.map(\.1).joined(separator: "\u{1F}"))
    }

    /// `label (value)`, with the value placed before the label's own qualifier when it has one:
    /// "Opplevd åpenhet, indeks (0–100)" + trust → "Opplevd åpenhet (trust), indeks (0–100)".
    static func qualify(_ label: String, with value: String) -> String {
        let comma = label.firstRange(of: ", ")?.lowerBound
        let paren = label.firstRange(of: " (")?.lowerBound
        let cut = [comma, paren].compactMap { $0 }.min()
        guard let cut else { return label + " (" + value + ")" }
        return String(label[..<cut]) + " (" + value + ")" + String(label[cut...])
    }

    /// An entry guessed from the id alone (composite rows, custom indicators without an entry).
    ///
    /// Composite rows get METHODS.md §6 wording, since a pipeline's catalogue usually lists only
    /// `composite.<id>` (and perhaps `.rank`): ranks and leave-one-out shifts are explained here.
    private func inferred(_ id: String, depth: Int) -> ResolvedIndicator {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let family = parts.first ?? id
        var unit = IndicatorUnit.ratio
        var direction = 0
        var label = LocalizedText(nb: id, en: id)
        var definition = LocalizedText(nb: "", en: "", nn: "")
        var methods = ""
        var entryID = id
        if family == "composite", parts.count >= 2 {
            let indexID = parts[0] + "." + parts[1]
            let index = entries.first { $0.id == indexID }?.label ?? LocalizedText(nb: indexID, en: indexID)
            methods = "§6"
            if parts.count >= 4 && parts[2] == "shift" {
                let component = parts[3...].joined(separator: ".")
                let c =
                    depth < 2
                    ? resolve(component, depth: depth + 1).info.label : LocalizedText(nb: component, en: component)
                label = LocalizedText(
                    nb: "\(index.nb): rangendring uten «\(c.nb)»", en: "\(index.en): rank shift without “\(c.en)”",
                    nn: "\(index.text(.nn)): rangendring utan «\(c.text(.nn))»")
                definition = LocalizedText(
                    nb:
                        "Absolutt endring i rang når komponenten tas ut og vektene til de andre skaleres opp (kravet til tilgjengelig vekt gjelder igjen); raden uten kommune er gjennomsnittet over kommunene som er rangert det året.",
                    en:
                        "Absolute change of rank when the component is left out and the other weights are rescaled (the available-weight rule applied again); the row without a municipality is the mean over the municipalities ranked that year.",
                    nn:
                        "Absolutt endring i rang når komponenten blir teken ut og vektene til dei andre blir skalerte opp (kravet til tilgjengeleg vekt gjeld igjen); rada utan kommune er gjennomsnittet over kommunane som er rangerte det året."
                )
                entryID = "composite.<id>.shift.<component>"
            } else if parts.count == 3 && parts[2] == "rank" {
                unit = .rank
                direction = -1
                label = LocalizedText(
                    nb: "\(index.nb) – rangering", en: "\(index.en) – rank", nn: "\(index.text(.nn)) – rangering")
                definition = LocalizedText(
                    nb:
                        "Rang blant kommunene samme år (1 = høyest indeks; like verdier deler laveste rangnummer), med 95 %-intervall (2,5.–97,5. persentil) av rangene når vektene trekkes tilfeldig (Monte Carlo).",
                    en:
                        "Rank among municipalities that year (1 = highest index; ties share the smallest rank), with the 95 % interval (2.5th–97.5th percentile) of the ranks when the weights are drawn at random (Monte Carlo).",
                    nn:
                        "Rang blant kommunane same år (1 = høgast indeks; like verdiar deler lågaste rangnummer), med 95 %-intervall (2,5.–97,5. persentil) av rangane når vektene blir trekte tilfeldig (Monte Carlo)."
                )
            } else if parts.count == 3 && parts[2] == "rank_median" {
                unit = .rank
                label = LocalizedText(
                    nb: "\(index.nb) – median rangering", en: "\(index.en) – median rank",
                    nn: "\(index.text(.nn)) – median rangering")
                definition = LocalizedText(
                    nb: "Medianen av rangene når vektene trekkes tilfeldig (Monte Carlo).",
                    en: "Median of the ranks when the weights are drawn at random (Monte Carlo).",
                    nn: "Medianen av rangane når vektene blir trekte tilfeldig (Monte Carlo).")
            } else if parts.count == 2 {
                unit = .score
                direction = 1
            }
        } else if id.hasSuffix("_share") {
            unit = .share
            direction = 1
        }
        let info = IndicatorInfo(
            id: id, family: family, label: label, unit: unit, direction: direction,
            inputs: [], definition: definition, methods: methods)
        return ResolvedIndicator(info: info, entryID: entryID, inferred: true)
    }

    enum Piece: Equatable {
        case literal([Character])
        case placeholder(String)
    }

    /// `survey.<scale>.index` → literal "survey.", placeholder "scale", literal ".index".
    static func parse(_ pattern: String) -> [Piece] {
        var pieces: [Piece] = []
        var lit: [Character] = []
        var i = pattern.startIndex
        while i < pattern.endIndex {
            if pattern[i] == "<", let close = pattern[i...].firstIndex(of: ">") {
                if !lit.isEmpty {
                    pieces.append(.literal(lit))
                    lit = []
                }
                pieces.append(.placeholder(String(pattern[pattern.index(after: i)..<close])))
                i = pattern.index(after: close)
            } else {
                lit.append(pattern[i])
                i = pattern.index(after: i)
            }
        }
        if !lit.isEmpty { pieces.append(.literal(lit)) }
        return pieces
    }

    /// Matches the whole of `text`; placeholders take the shortest run that lets the rest match.
    static func match(_ pieces: [Piece], _ text: [Character]) -> [(String, String)]? {
        func go(_ p: Int, _ t: Int) -> [(String, String)]? {
            if p == pieces.count { return t == text.count ? [] : nil }
            switch pieces[p] {
            case .literal(let lit):
                guard t + lit.count <= text.count, Array(text[t..<(t + lit.count)]) == lit else { return nil }
                return go(p + 1, t + lit.count)
            case .placeholder(let name):
                var end = t + 1
                while end <= text.count {
                    if let rest = go(p + 1, end) { return [(name, String(text[t..<end]))] + rest }
                    end += 1
                }
                return nil
            }
        }
        return go(0, 0)
    }
}
