import ApenCore

/// METHODS.md §4: opendata.open_licence_share and opendata.stars_mean, over the records of
/// type `dataset` in publications sources (levels from `OpenData`).
extension BuiltinIndicators {
    static func opendata(_ tables: [Table], wanted: Set<String>, jobs: Int) throws -> IndicatorOutput {
        var wanted = wanted
        var extra = dropAbsent(
            "licence", needs: ["opendata.open_licence_share", "opendata.stars_mean"], tables: tables, wanted: &wanted)
        guard !wanted.isEmpty else { return IndicatorOutput(warnings: extra) }
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
        for t in tables {
            municipality.append(try required(t, "municipality") { $0.text("municipality") })
            years.append(GroupIndex.years(ofDays: try required(t, "registered") { $0.days("registered") }))
            let type = t.text("record_type")
            if type == nil {
                extra.append(
                    Diagnostic(
                        SourceLocation(path: t.source, field: "record_type"),
                        "no record_type column: no record counts as a dataset", severity: .warning,
                        warning: RunWarning(.noRecordType, source: t.source, column: "record_type")))
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
            [typeCodes, isDataset, licenceCodes, openLicence, formatCodes, formatLevel, linkedCodes, linked, wanted] g
                -> GroupResult in
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
                for id in wanted.sorted() { result.skip(id, .noDatasetRecord) }
                return result
            }
            // A group with datasets from a table without `licence` cannot say which are open.
            if index.members(g).contains(where: { licenceCodes[Int(index.memberTable[$0])] == nil }) {
                for id in wanted.sorted() { result.skip(id, .sourceWithout("licence")) }
                return result
            }
            if wanted.contains("opendata.open_licence_share") {
                result.add(
                    row(
                        "opendata.open_licence_share", index, g,
                        value: Double(open) / Double(datasets), n: datasets))
            }
            if wanted.contains("opendata.stars_mean") {
                result.add(
                    row(
                        "opendata.stars_mean", index, g,
                        value: Double(stars) / Double(datasets), n: datasets))
            }
            return result
        }
        return try merge(results, index: index, sources: tables, extra: extra)
    }
}
