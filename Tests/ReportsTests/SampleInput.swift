import ApenCore

@testable import Reports

/// A realistic report input: five Norwegian municipalities over three years, every indicator
/// family, a composite with Monte-Carlo rank intervals, data quality and provenance.
///
/// Values come from a fixed formula per municipality and year (no randomness), so the
/// sample is the same everywhere; they are plausible, not real.
enum SampleInput {
    static let municipalities = ["5001", "5006", "1804", "5501", "0301"]
    static let names = ["5001": "Trondheim", "5006": "Steinkjer", "1804": "Bodø", "5501": "Tromsø", "0301": "Oslo"]
    static let years = [2021, 2022, 2023]

    static let catalogue: [IndicatorInfo] = [
        IndicatorInfo(
            id: "survey.<scale>.index", family: "survey", label: LocalizedText(nb: "Åpenhet", en: "Openness"),
            unit: .index, direction: 1,
            inputs: ["survey"],
            definition: LocalizedText(
                nb: "Vektet gjennomsnitt av respondentenes skår på skalaen, 0–100.",
                en: "Weighted mean of respondents' scale scores, 0–100."), methods: "§2", hasInterval: true),
        IndicatorInfo(
            id: "survey.<scale>.agree_share", family: "survey",
            label: LocalizedText(nb: "Andel enige", en: "Share agreeing"), unit: .share, direction: 1,
            inputs: ["survey"],
            definition: LocalizedText(
                nb: "Andel respondenter med skår over midtpunktet.",
                en: "Share of respondents scoring above the midpoint."), methods: "§2", hasInterval: true),
        IndicatorInfo(
            id: "survey.responses", family: "survey", label: LocalizedText(nb: "Antall svar", en: "Responses"),
            unit: .count, direction: 0,
            inputs: ["survey"], definition: LocalizedText(nb: "Antall respondenter.", en: "Number of respondents."),
            methods: "§2"),
        IndicatorInfo(
            id: "engagement.participants_per_1000", family: "engagement",
            label: LocalizedText(nb: "Deltakere per 1 000 innbyggere", en: "Participants per 1,000 residents"),
            unit: .perThousand, direction: 1,
            inputs: ["engagement", "population"],
            definition: LocalizedText(
                nb: "Ulike deltakere delt på folketallet, ganger 1 000.",
                en: "Distinct participants over population, times 1,000."), methods: "§3"),
        IndicatorInfo(
            id: "engagement.gini", family: "engagement",
            label: LocalizedText(nb: "Skjevhet i deltakelse (Gini)", en: "Inequality of participation (Gini)"),
            unit: .coefficient, direction: -1,
            inputs: ["engagement"],
            definition: LocalizedText(
                nb: "Gini-koeffisient for handlinger per deltaker.", en: "Gini coefficient of actions per participant."),
            methods: "§3"),
        IndicatorInfo(
            id: "publication.open_share", family: "publication",
            label: LocalizedText(nb: "Andel dokumenter publisert åpent", en: "Records published openly"), unit: .share,
            direction: 1,
            inputs: ["publications"],
            definition: LocalizedText(
                nb: "Dokumenter i offentlig journal som er åpne og publisert, delt på alle.",
                en: "Records in the public journal that are open and published, over all records."), methods: "§4"),
        IndicatorInfo(
            id: "publication.lag_median_days", family: "publication",
            label: LocalizedText(nb: "Median dager til publisering", en: "Median days to publication"), unit: .days,
            direction: -1,
            inputs: ["publications"],
            definition: LocalizedText(
                nb: "Median kalenderdager fra journalføring til publisering.",
                en: "Median calendar days from registration to publication."), methods: "§4"),
        IndicatorInfo(
            id: "opendata.stars_mean", family: "opendata",
            label: LocalizedText(
                nb: "Gjennomsnittlig stjernenivå", en: "Mean star level", nn: "Gjennomsnittleg stjernenivå"),
            unit: .stars, direction: 1,
            inputs: ["publications"],
            definition: LocalizedText(
                nb: "Gjennomsnittlig nivå på femstjerneskalaen for åpne data.",
                en: "Mean level on the five-star open-data scale."), methods: "§4"),
        IndicatorInfo(
            id: "foi.within_5_workdays_share", family: "foi",
            label: LocalizedText(
                nb: "Innsynskrav besvart innen 5 arbeidsdager", en: "Requests answered within 5 working days"),
            unit: .share, direction: 1,
            inputs: ["access_requests"],
            definition: LocalizedText(
                nb: "Andel innsynskrav besvart innen fem arbeidsdager (offentleglova § 32).",
                en: "Share of access requests answered within five working days (FOI Act § 32)."), methods: "§5"),
        IndicatorInfo(
            id: "foi.median_workdays", family: "foi",
            label: LocalizedText(nb: "Median arbeidsdager til svar", en: "Median working days to answer"),
            unit: .workdays, direction: -1,
            inputs: ["access_requests"],
            definition: LocalizedText(
                nb: "Median arbeidsdager fra mottak til svar, for besvarte krav.",
                en: "Median working days from receipt to answer, for answered requests."), methods: "§5"),
        IndicatorInfo(
            id: "composite.<id>", family: "composite", label: LocalizedText(nb: "Åpenhetsindeks", en: "Openness index"),
            unit: .score, direction: 1,
            inputs: [],
            definition: LocalizedText(
                nb: "Vektet gjennomsnitt av normaliserte komponenter.", en: "Weighted mean of normalised components."),
            methods: "§6"),
        IndicatorInfo(
            id: "composite.<id>.rank", family: "composite",
            label: LocalizedText(nb: "Rangering på åpenhetsindeksen", en: "Rank on the openness index"), unit: .rank,
            direction: -1,
            inputs: [],
            definition: LocalizedText(
                nb: "Rang blant kommunene (1 = høyest indeks).", en: "Rank among municipalities (1 = highest index)."),
            methods: "§6", hasInterval: true),
        IndicatorInfo(
            id: "composite.<id>.shift.<component>", family: "composite",
            label: LocalizedText(nb: "Rangendring uten komponent", en: "Rank shift without component"), unit: .ratio,
            direction: 0,
            inputs: [],
            definition: LocalizedText(
                nb: "Gjennomsnittlig endring i rang når komponenten tas ut.",
                en: "Mean change of rank when the component is left out."), methods: "§6"),
    ]

    /// A deterministic "wobble" in [−1, 1] from the municipality index, year and a salt.
    static func wobble(_ m: Int, _ y: Int, _ salt: Int) -> Double {
        let h = (m * 7919 + y * 104729 + salt * 1_299_709) % 2001
        return Double(h) / 1000 - 1
    }

    static func rows() -> [IndicatorRow] {
        var out: [IndicatorRow] = []
        for (mi, m) in municipalities.enumerated() {
            for (yi, y) in years.enumerated() {
                let trust = 55 + Double(mi) * 3 + Double(yi) * 1.5 + wobble(mi, y, 1) * 2
                let se = 1.2 + Double(mi) * 0.1
                out.append(
                    IndicatorRow(
                        indicator: "survey.trust.index", municipality: m, year: y, value: trust, n: 400 + mi * 50,
                        se: se, ciLow: trust - 1.959963984540054 * se, ciHigh: trust + 1.959963984540054 * se))
                let agree = 0.4 + Double(mi) * 0.04 + Double(yi) * 0.02
                out.append(
                    IndicatorRow(
                        indicator: "survey.trust.agree_share", municipality: m, year: y, value: agree, n: 400 + mi * 50,
                        se: 0.02, ciLow: agree - 0.039, ciHigh: agree + 0.039))
                out.append(
                    IndicatorRow(
                        indicator: "survey.responses", municipality: m, year: y, value: Double(400 + mi * 50 + yi * 10),
                        n: 400 + mi * 50 + yi * 10))
                out.append(
                    IndicatorRow(
                        indicator: "engagement.participants_per_1000", municipality: m, year: y,
                        value: 12 + Double(mi) * 2.5 - Double(yi) * 0.7 + wobble(mi, y, 2), n: 900))
                out.append(
                    IndicatorRow(
                        indicator: "engagement.gini", municipality: m, year: y, value: 0.45 + wobble(mi, y, 3) * 0.08,
                        n: 900))
                out.append(
                    IndicatorRow(
                        indicator: "publication.open_share", municipality: m, year: y,
                        value: 0.62 + Double(yi) * 0.03 - Double(mi) * 0.02, n: 5000))
                out.append(
                    IndicatorRow(
                        indicator: "publication.lag_median_days", municipality: m, year: y,
                        value: 6 + Double(mi) - Double(yi) * 0.5, n: 3100))
                out.append(
                    IndicatorRow(
                        indicator: "opendata.stars_mean", municipality: m, year: y, value: 2.2 + Double(mi) * 0.3, n: 40
                    ))
                let within5 = m == "5006" ? 0.92 + Double(yi) * 0.02 : min(1, 0.95 + Double(mi) * 0.02)
                out.append(
                    IndicatorRow(
                        indicator: "foi.within_5_workdays_share", municipality: m, year: y, value: within5,
                        n: 120 + mi * 30))
                out.append(
                    IndicatorRow(
                        indicator: "foi.median_workdays", municipality: m, year: y, value: 1.5 + Double(mi) * 0.5,
                        n: 110 + mi * 30))
            }
        }
        // Composite for the latest year only: index, nominal rank and a 5–95 % rank interval.
        let index: [String: Double] = ["5001": 64.2, "5006": 58.9, "1804": 61.0, "5501": 66.7, "0301": 70.3]
        let order = index.sorted { $0.value > $1.value }.map(\.key)
        for (i, m) in order.enumerated() {
            out.append(
                IndicatorRow(indicator: "composite.openness", municipality: m, year: 2023, value: index[m]!, n: 5))
            let r = Double(i + 1)
            out.append(
                IndicatorRow(
                    indicator: "composite.openness.rank", municipality: m, year: 2023, value: r, n: 5,
                    ciLow: max(1, r - 1), ciHigh: min(5, r + 1)))
            out.append(
                IndicatorRow(
                    indicator: "composite.openness.shift.foi.median_workdays", municipality: m, year: 2023, value: 0.4,
                    n: 5))
        }
        return out
    }

    static func input(language: Language = .nb) -> ReportInput {
        var options = ReportOptions()
        options.focus = ["5001", "5006"]
        options.names = names
        let quality = [
            SourceQuality(
                name: "survey", file: "datasets/example/survey.csv", rowsRead: 2312, accepted: 2310, rejected: 2,
                rejectedRowsFile: "rejected.csv",
                coverage: municipalities.flatMap { m in years.map { Coverage(municipality: m, year: $0, rows: 150) } }),
            SourceQuality(
                name: "foi", file: "datasets/example/innsynskrav.csv", rowsRead: 1500, accepted: 1500, rejected: 0),
        ]
        let provenance = Provenance(
            inputFiles: [InputFile(path: "datasets/example/survey.csv", sha256: String(repeating: "ab", count: 32))],
            pipelineHash: String(repeating: "0f", count: 32), toolVersion: "0.1.0", runID: "run-0001",
            date: "2024-03-01")
        return ReportInput(
            title: language == .nb ? "Åpen kommune – følgeevaluering" : "Open municipality – follow-up evaluation",
            language: language, rows: rows(), catalogue: catalogue, options: options, quality: quality,
            provenance: provenance,
            warnings: [
                RunWarning(
                    .noValue, source: "engagement", indicator: "engagement.participants_per_1000",
                    groups: [RunWarning.Group("5501", year: 2020)], reason: .populationUnknown)
            ])
    }
}
