import ApenCore

/// METHODS.md §5: foi.within_3_workdays_share, within_5_workdays_share, median_workdays,
/// granted_share, with Norwegian working days, and the extraction date that censors requests
/// still undecided when the log was exported.
extension BuiltinIndicators {
    /// The family on tables: folded into an `AccessRequestsPartial` and finished, the one computation.
    static func foi(
        _ tables: [Table], wanted: Set<String>, extracted: [String: Int32] = [:], minN: Int = 5, jobs: Int
    ) throws -> IndicatorOutput {
        try foi(
            AccessRequestsPartial.of(tables, extracted: extracted, jobs: jobs), wanted: wanted, minN: minN, jobs: jobs)
    }

    static func foi(_ partial: AccessRequestsPartial, wanted: Set<String>, minN: Int, jobs: Int) throws
        -> IndicatorOutput
    {
        var wanted = wanted
        var extra: [Diagnostic] = []
        if !partial.sources.isEmpty, !partial.sources.contains(where: \.hasOutcome) {
            extra = dropAbsent("outcome", needs: ["foi.granted_share"], path: partial.path, wanted: &wanted)
        }
        if let missing = partial.sources.lazy.compactMap(\.missing).first { throw missing.error }
        for source in partial.sources where source.extracted == nil {
            if let w = openEndWarning(source) { extra.append(w) }
        }
        let index = partial.index
        let results = Parallel.map(count: index.count, jobs: jobs) { [wanted] g -> GroupResult in
            let group = partial.group(g, of: index)
            var result = GroupResult()
            let within3 = group.workdays.count(atMost: 3)
            let within5 = group.workdays.count(atMost: 5)
            for (id, count, undecided) in [
                ("foi.within_3_workdays_share", within3, group.undecided3),
                ("foi.within_5_workdays_share", within5, group.undecided5),
            ] where wanted.contains(id) {
                let n = group.rows - undecided
                if n > 0 {
                    var r = row(id, index, g, value: Double(count) / Double(n), n: n)
                    if n < minN { r.flags = .lowN }
                    result.add(r)
                } else {
                    result.skip(id, .everyRequestUndecided)
                }
            }
            if wanted.contains("foi.median_workdays") {
                if let median = Quantile.type7(sorted: group.workdays.sortedValues(), p: 0.5) {
                    result.add(row("foi.median_workdays", index, g, value: median, n: group.workdays.total))
                } else {
                    result.skip("foi.median_workdays", .noAnsweredRequest)
                }
            }
            if wanted.contains("foi.granted_share") {
                if group.rowWithoutOutcome {
                    result.skip("foi.granted_share", .sourceWithout("outcome"))
                } else if group.withOutcome > 0 {
                    var r = row(
                        "foi.granted_share", index, g, value: Double(group.granted) / Double(group.withOutcome),
                        n: group.withOutcome)
                    if group.withOutcome < minN { r.flags = .lowN }
                    result.add(r)
                } else {
                    result.skip("foi.granted_share", .noAnsweredRequestWithOutcome)
                }
            }
            return result
        }
        return try merge(results, index: index, path: partial.path, extra: extra)
    }

    /// Without `extracted:`, unanswered requests of the latest year received within five
    /// working days of the file's latest date may simply not be due yet: they count as not
    /// answered in time (METHODS.md §5), and the run says so.
    private static func openEndWarning(_ source: AccessRequestsPartial.Source) -> Diagnostic? {
        let latest = source.latest
        guard latest != Int32.min else { return nil }
        // `recent` holds the unanswered requests of the latest date's year only.
        let calendar = WorkdayTable(years: Day(raw: latest).year...Day(raw: latest).year)
        let recent = source.recent.lazy.filter { calendar.workdays(from: $0, to: latest) < 5 }.count
        guard recent > 0 else { return nil }
        return Diagnostic(
            SourceLocation(path: source.name, field: "answered"),
            "\(recent) unanswered request(s) received within 5 working days of the file's latest date \(Day(raw: latest)) count as not answered in time; declare extracted: YYYY-MM-DD to leave undecided requests out",
            severity: .warning,
            warning: RunWarning(
                .undecidedRequests, source: source.name, column: "answered", count: recent,
                text: "\(Day(raw: latest))"))
    }
}
