import ApenCore

/// METHODS.md §4: publication.open_share, exempt_share, lag_median_days, lag_p90_days.
extension BuiltinIndicators {
    static func publication(_ tables: [Table], wanted: Set<String>, jobs: Int) throws -> IndicatorOutput {
        var wanted = wanted
        let extra = dropAbsent(
            "published", needs: ["publication.open_share", "publication.lag_median_days", "publication.lag_p90_days"],
            tables: tables, wanted: &wanted)
        var municipality: [TextColumn] = []
        var years: [[Int32]] = []
        var registered: [[Int32]] = []
        var access: [[RecordAccess]] = []
        var accessCodes: [[Int32]] = []
        var published: [[Int32]?] = []
        for t in tables {
            municipality.append(try required(t, "municipality") { $0.text("municipality") })
            let reg = try required(t, "registered") { $0.days("registered") }
            registered.append(reg)
            years.append(GroupIndex.years(ofDays: reg))
            let a = try required(t, "access") { $0.text("access") }
            access.append(classify(a) { RecordAccess(text: $0) })
            accessCodes.append(a.codes)
            published.append(t.days("published"))
        }
        let index = GroupIndex(municipality: municipality, years: years)
        let results = Parallel.map(count: index.count, jobs: jobs) {
            [registered, access, accessCodes, published, wanted] g -> GroupResult in
            // A group with rows from a table without `published` cannot say what was published.
            let publishedKnown = index.members(g).allSatisfy { published[Int(index.memberTable[$0])] != nil }
            var result = GroupResult()
            let members = index.members(g)
            var openPublished = 0
            var exempt = 0
            var lags: [Double] = []
            for m in members {
                let t = Int(index.memberTable[m])
                let r = Int(index.memberRow[m])
                let code = accessCodes[t][r]
                let a = code < 0 ? RecordAccess.other : access[t][Int(code)]
                let pub = published[t]?[r] ?? Column.missingDay
                let isPublished = pub != Column.missingDay
                if a == .open && isPublished { openPublished += 1 }
                if a == .exempt { exempt += 1 }
                // A publication before registration is rejected at ingest; never count it here.
                if isPublished, pub >= registered[t][r] { lags.append(Double(pub - registered[t][r])) }
            }
            let n = members.count
            if wanted.contains("publication.open_share"), !publishedKnown {
                result.skip("publication.open_share", .sourceWithout("published"))
            } else if wanted.contains("publication.open_share") {
                result.add(row("publication.open_share", index, g, value: Double(openPublished) / Double(n), n: n))
            }
            if wanted.contains("publication.exempt_share") {
                result.add(row("publication.exempt_share", index, g, value: Double(exempt) / Double(n), n: n))
            }
            lags.sort()
            for (id, p) in [("publication.lag_median_days", 0.5), ("publication.lag_p90_days", 0.9)]
            where wanted.contains(id) {
                if !publishedKnown {
                    result.skip(id, .sourceWithout("published"))
                } else if let q = Quantile.type7(sorted: lags, p: p) {
                    result.add(row(id, index, g, value: q, n: lags.count))
                } else {
                    result.skip(id, .noPublishedRecord)
                }
            }
            return result
        }
        return try merge(results, index: index, sources: tables, extra: extra)
    }
}
