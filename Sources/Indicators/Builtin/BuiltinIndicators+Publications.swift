import ApenCore

/// METHODS.md §4: publication.open_share, exempt_share, lag_median_days, lag_p90_days, and
/// the open-data indicators opendata.open_licence_share and stars_mean.
extension BuiltinIndicators {
    /// The `access` values of §4.
    enum Access: UInt8, Sendable { case open, partial, exempt, other }

    static func publication(_ tables: [Table], wanted: Set<String>, jobs: Int) throws -> IndicatorOutput {
        var municipality: [TextColumn] = []
        var years: [[Int32]] = []
        var registered: [[Int32]] = []
        var access: [[Access]] = []
        var accessCodes: [[Int32]] = []
        var published: [[Int32]?] = []
        for t in tables {
            municipality.append(try required(t, "municipality") { $0.text("municipality") })
            let reg = try required(t, "registered") { $0.days("registered") }
            registered.append(reg)
            years.append(GroupIndex.years(ofDays: reg))
            let a = try required(t, "access") { $0.text("access") }
            access.append(classify(a) { Access(text: $0) })
            accessCodes.append(a.codes)
            published.append(t.days("published"))
        }
        let index = GroupIndex(municipality: municipality, years: years)
        let results = Parallel.map(count: index.count, jobs: jobs) { [registered, access, accessCodes, published] g -> GroupResult in
            var result = GroupResult()
            let members = index.members(g)
            var openPublished = 0
            var exempt = 0
            var lags: [Double] = []
            for m in members {
                let t = Int(index.memberTable[m])
                let r = Int(index.memberRow[m])
                let code = accessCodes[t][r]
                let a = code < 0 ? Access.other : access[t][Int(code)]
                let pub = published[t]?[r] ?? Column.missingDay
                let isPublished = pub != Column.missingDay
                if a == .open && isPublished { openPublished += 1 }
                if a == .exempt { exempt += 1 }
                // A publication before registration is rejected at ingest; never count it here.
                if isPublished, pub >= registered[t][r] { lags.append(Double(pub - registered[t][r])) }
            }
            let n = members.count
            if wanted.contains("publication.open_share") {
                result.add(row("publication.open_share", index, g, value: Double(openPublished) / Double(n), n: n))
            }
            if wanted.contains("publication.exempt_share") {
                result.add(row("publication.exempt_share", index, g, value: Double(exempt) / Double(n), n: n))
            }
            lags.sort()
            for (id, p) in [("publication.lag_median_days", 0.5), ("publication.lag_p90_days", 0.9)] where wanted.contains(id) {
                if let q = Quantile.type7(sorted: lags, p: p) {
                    result.add(row(id, index, g, value: q, n: lags.count))
                } else {
                    result.skip(id, "no published record")
                }
            }
            return result
        }
        return try merge(results, index: index, sources: tables)
    }

    static func opendata(_ tables: [Table], wanted: Set<String>, jobs: Int) throws -> IndicatorOutput {
        var municipality: [TextColumn] = []
        var years: [[Int32]] = []
        var isDataset: [[Bool]] = []
        var typeCodes: [[Int32]] = []
        var openLicence: [[Bool]] = []
        var licenceCodes: [[Int32]?] = []
        var formatLevel: [[Int]] = []
        var formatCodes: [[Int32]?] = []
        var linked: [[Bool]] = []
        var linkedCodes: [[Int32]?] = []
        var extra: [Diagnostic] = []
        for t in tables {
            municipality.append(try required(t, "municipality") { $0.text("municipality") })
            years.append(GroupIndex.years(ofDays: try required(t, "registered") { $0.days("registered") }))
            let type = t.text("record_type")
            if type == nil {
                extra.append(Diagnostic(SourceLocation(path: t.source, field: "record_type"),
                    "no record_type column: no record counts as a dataset", severity: .warning))
            }
            isDataset.append(classify(type) { $0 == "dataset" })
            typeCodes.append(type?.codes ?? [])
            let licence = t.text("licence")
            openLicence.append(classify(licence) { OpenData.isOpenLicence($0) })
            licenceCodes.append(licence?.codes)
            let format = t.text("format")
            formatLevel.append(classify(format) { OpenData.formatLevel($0) })
            formatCodes.append(format?.codes)
            let link = t.text("linked")
            linked.append(classify(link) { OpenData.isTrue($0) })
            linkedCodes.append(link?.codes)
        }
        let index = GroupIndex(municipality: municipality, years: years)
        let results = Parallel.map(count: index.count, jobs: jobs) {
            [typeCodes, isDataset, licenceCodes, openLicence, formatCodes, formatLevel, linkedCodes, linked] g -> GroupResult in
            var result = GroupResult()
            var datasets = 0
            var open = 0
            var stars = 0
            for m in index.members(g) {
                let t = Int(index.memberTable[m])
                let r = Int(index.memberRow[m])
                guard !typeCodes[t].isEmpty, typeCodes[t][r] >= 0, isDataset[t][Int(typeCodes[t][r])] else { continue }
                datasets += 1
                let lc = licenceCodes[t]?[r] ?? -1
                guard lc >= 0, openLicence[t][Int(lc)] else { continue }
                open += 1
                let fc = formatCodes[t]?[r] ?? -1
                let level = fc >= 0 ? formatLevel[t][Int(fc)] : 1
                let lk = linkedCodes[t]?[r] ?? -1
                stars += level == 4 && lk >= 0 && linked[t][Int(lk)] ? 5 : level
            }
            guard datasets > 0 else {
                for id in wanted.sorted() { result.skip(id, "no dataset record") }
                return result
            }
            if wanted.contains("opendata.open_licence_share") {
                result.add(row("opendata.open_licence_share", index, g,
                                       value: Double(open) / Double(datasets), n: datasets))
            }
            if wanted.contains("opendata.stars_mean") {
                result.add(row("opendata.stars_mean", index, g,
                                       value: Double(stars) / Double(datasets), n: datasets))
            }
            return result
        }
        return try merge(results, index: index, sources: tables, extra: extra)
    }
}

extension BuiltinIndicators.Access {
    init(text: String) {
        switch text {
        case "open": self = .open
        case "partial": self = .partial
        case "exempt": self = .exempt
        default: self = .other
        }
    }
}
