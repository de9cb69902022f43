import ApenCore
import Indicators
import Ingest
import Reports

extension Execution {
    /// The groups stage: every built-in family the plan computes and every custom indicator,
    /// on the pooled rows of each comparison group (``ComparisonGroups``), and a warning for a
    /// declared member with no rows in any source (it joins the group once it has data).
    func computeGroups(_ stage: Stage) throws -> IndicatorOutput {
        let tables = tables(of: stage)
        let inputs = indicatorInputs(tables: tables)
        let families = IndicatorFamily.allCases.filter { f in plan.contains { $0.stage.kind == .indicators(f) } }
        let custom = spec.custom.compactMap { def -> ComparisonGroups.CustomInput? in
            let sources = spec.sources.filter { $0.name == def.source }
            let read = sources.compactMap { tables[$0.name] }
            guard !read.isEmpty else { return nil }
            let survey = sources.first.flatMap { $0.options.kind == .survey ? $0.options.survey : nil }
            return ComparisonGroups.CustomInput(definition: def, tables: read, survey: survey)
        }
        let declared = spec.report.groups.declared.map {
            ComparisonGroup(id: $0.name, membership: .list(Set($0.members)))
        }
        var out = try ComparisonGroups.compute(
            [.country, .countryWithoutOslo] + declared, counties: true, families: families, inputs: inputs,
            custom: custom, select: IndicatorSelection(spec).selects, jobs: options.jobs)
        var present = Set<String>()
        for t in tables.values {
            guard let m = t.text("municipality") else { continue }
            var used = [Bool](repeating: false, count: m.dictionary.count)
            for c in m.codes where c >= 0 { used[Int(c)] = true }
            for (i, name) in m.dictionary.enumerated() where used[i] { present.insert(name) }
        }
        for g in spec.report.groups.declared {
            let absent = g.members.filter { !present.contains($0) }
            guard !absent.isEmpty else { continue }
            let named = absent.map { n in MunicipalityCrosswalk.shipped.displayName(of: n).map { "\(n) \($0)" } ?? n }
            // At the first absent member's position (the others are named in the same line).
            let location =
                spec.groupMemberLocations[g.name]?[absent[0]]
                ?? SourceLocation(path: spec.report.groups.file ?? spec.path)
            out.warnings.append(
                Diagnostic(
                    location,
                    "group '\(g.name)': \(named.joined(separator: ", ")) \(absent.count == 1 ? "has" : "have") no rows in the data, so the group pools the other members",
                    severity: .warning,
                    warning: RunWarning(
                        .groupMemberWithoutData, source: g.name, groups: absent.map { RunWarning.Group($0) })))
        }
        return out
    }
}
