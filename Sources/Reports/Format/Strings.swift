import ApenCore

/// Every fixed text of the reports, in bokmål and English.
///
/// Bokmål as a council member writes it: kommune, innsynskrav, arbeidsdager, offentlig journal.
struct Strings: Sendable {
    let language: Language

    /// The text in the report's language; `nn` falls back to bokmål until every string has it.
    private func t(_ nb: String, _ en: String, nn: String? = nil) -> String {
        switch language {
        case .nb: return nb
        case .nn: return nn ?? nb
        case .en: return en
        }
    }

    // Families
    func family(_ f: String) -> String {
        switch f {
        case "survey": return t("Innbyggerundersøkelse: opplevd åpenhet", "Survey: perceived openness")
        case "engagement": return t("Medvirkning", "Citizen engagement")
        case "publication": return t("Offentlig journal og publisering", "Public records journal and publication")
        case "opendata": return t("Åpne data", "Open data")
        case "foi": return t("Innsynskrav", "Access requests (FOI)")
        case "composite": return t("Samlet åpenhetsindeks", "Composite openness index")
        case "custom": return t("Egendefinerte indikatorer", "Custom indicators")
        default: return t("Andre indikatorer", "Other indicators") + " (\(f))"
        }
    }

    // Units for axis titles
    func axisTitle(_ unit: IndicatorUnit) -> String {
        switch unit {
        case .share: return t("Andel (%)", "Share (%)")
        case .index: return t("Indeks (0–100)", "Index (0–100)")
        case .count: return t("Antall", "Count")
        case .ratio: return t("Forhold", "Ratio")
        case .perThousand: return t("Per 1 000 innbyggere", "Per 1,000 residents")
        case .days: return t("Kalenderdager", "Calendar days")
        case .workdays: return t("Arbeidsdager", "Working days")
        case .coefficient: return t("Koeffisient", "Coefficient")
        case .stars: return t("Stjerner (0–5)", "Stars (0–5)")
        case .rank: return t("Rangering (1 = best)", "Rank (1 = best)")
        case .score: return t("Poeng (0–100)", "Score (0–100)")
        }
    }

    var municipality: String { t("Kommune", "Municipality") }
    var year: String { t("År", "Year") }
    var value: String { t("Verdi", "Value") }

    // Chart texts
    func subgroupsTitle(_ label: String, _ year: Int) -> String {
        t("\(label) etter undergruppe, \(year)", "\(label) by subgroup, \(year)")
    }
    func subgroupsDesc(_ year: Int) -> String {
        t(
            "Stolpediagram over de utvalgte kommunene etter undergruppe i \(year), med 95 %-konfidensintervall som streker. Små grupper har brede intervaller.",
            "Bar chart of the focus municipalities by subgroup in \(year), with 95% confidence intervals as whiskers. Small groups have wide intervals."
        )
    }
    func barsTitle(_ label: String, _ year: Int) -> String { "\(label), \(year)" }
    func barsDesc(_ count: Int, _ year: Int, ci: Bool, neutral: Bool) -> String {
        t(
            "Stolpediagram over \(count) kommuner i \(year), "
                + (neutral ? "sortert etter verdi" : "sortert fra best til svakest")
                + (ci ? ", med 95 %-konfidensintervall som streker." : "."),
            "Bar chart of \(count) municipalities in \(year), "
                + (neutral ? "sorted by value" : "sorted from best to weakest")
                + (ci ? ", with 95% confidence intervals as whiskers." : "."))
    }
    func trendTitle(_ label: String) -> String { t("\(label): utvikling", "\(label): trend") }
    func trendDesc(_ focus: [String], _ from: Int, _ to: Int) -> String {
        let names =
            focus.isEmpty ? t("ingen utvalgte kommuner", "no focus municipalities") : focus.joined(separator: ", ")
        return t(
            "Linjediagram \(from)–\(to) for \(names), mot medianen og midtre halvdel (25–75 %) av de andre kommunene.",
            "Line chart \(from)–\(to) for \(names), against the median and middle half (25–75%) of the other municipalities."
        )
    }
    var othersMedian: String { t("Median, andre kommuner", "Median, other municipalities") }
    var allMedian: String { t("Median, alle kommuner", "Median, all municipalities") }
    var othersBand: String { t("Midtre halvdel (25–75 %)", "Middle half (25–75%)") }
    func heatmapTitle(_ year: Int) -> String {
        t("Alle indikatorer, \(year) (normalisert)", "All indicators, \(year) (normalised)")
    }
    func heatmapDesc(_ rows: Int, _ cols: Int, _ year: Int) -> String {
        t(
            "Varmekart med \(rows) kommuner og \(cols) indikatorer i \(year). Hver indikator er skalert fra 0 (svakeste kommune) til 100 (beste kommune) det året; mørkere er bedre. Hvite ruter mangler data.",
            "Heatmap of \(rows) municipalities and \(cols) indicators in \(year). Each indicator is scaled from 0 (weakest municipality) to 100 (best municipality) that year; darker is better. White cells have no data."
        )
    }
    var heatmapLegendLow: String { t("0 = svakest", "0 = weakest") }
    var heatmapLegendHigh: String { t("100 = best", "100 = best") }
    var missing: String { t("mangler", "missing") }
    func rankTitle(_ label: String, _ year: Int) -> String {
        t("\(label): rangering \(year)", "\(label): rank \(year)")
    }
    func rankDesc(_ count: Int, _ year: Int) -> String {
        t(
            "Rangering av \(count) kommuner i \(year). Punktet er rangen med de oppgitte vektene; streken viser 95 %-intervallet (2,5.–97,5. persentil) av rangen når vektene varieres tilfeldig (Monte Carlo).",
            "Rank of \(count) municipalities in \(year). The dot is the rank with the declared weights; the bar shows the 95 % interval (2.5th–97.5th percentile) of the rank when the weights vary at random (Monte Carlo)."
        )
    }
}

extension Strings {
    var contents: String { t("Innhold", "Contents") }
    var keyFindings: String { t("Hovedfunn", "Key findings") }
    var noFindings: String {
        t(
            "Ingen funn å trekke fram: for lite data til å sammenligne år eller kommuner.",
            "No findings to highlight: too little data to compare years or municipalities.")
    }
    func period(_ years: [Int]) -> String {
        guard let a = years.first, let b = years.last else { return t("Ingen år med data", "No years with data") }
        return a == b ? t("Periode: \(a).", "Period: \(a).") : t("Periode: \(a)–\(b).", "Period: \(a)–\(b).")
    }
    func municipalitiesCovered(_ names: [String], total: Int) -> String {
        let list = names.joined(separator: ", ")
        if total <= 12 { return t("\(total) kommuner: \(list).", "\(total) municipalities: \(list).") }
        return t("\(total) kommuner.", "\(total) municipalities.")
    }
    func focusLine(_ names: [String]) -> String {
        t(
            "Utvalgte kommuner: \(names.joined(separator: ", ")).",
            "Focus municipalities: \(names.joined(separator: ", ")).")
    }
    func runLine(date: String, run: String) -> String {
        var parts: [String] = []
        if !date.isEmpty { parts.append(t("Kjørt \(date)", "Run on \(date)")) }
        if !run.isEmpty { parts.append(t("kjøring \(run)", "run \(run)")) }
        return parts.isEmpty ? "" : parts.joined(separator: ", ") + "."
    }
    var overview: String { t("Oversikt", "Overview") }
    var overviewText: String {
        t(
            "Varmekartet viser hvor hver kommune står på hver indikator i siste år, sammenlignet med de andre kommunene i rapporten.",
            "The heatmap shows where each municipality stands on each indicator in the latest year, compared with the other municipalities in the report."
        )
    }
    func definitionNote(id: String, methods: String) -> [Inline] {
        var parts: [Inline] = [.text(t("Indikator ", "Indicator ")), .code(id)]
        if !methods.isEmpty {
            parts.append(.text(t(", definert i METHODS.md \(methods).", ", defined in METHODS.md \(methods).")))
        } else {
            parts.append(.text("."))
        }
        return parts
    }
    var tableShowsSubset: String {
        t(
            "Tabellen viser utvalgte kommuner og fordelingen blant alle; alle tall står i indicators.csv.",
            "The table shows the focus municipalities and the distribution across all; every number is in indicators.csv."
        )
    }
    var median: String { t("Median, alle kommuner", "Median, all municipalities") }
    var quartile1: String { t("Nedre kvartil", "Lower quartile") }
    var quartile3: String { t("Øvre kvartil", "Upper quartile") }
    var intervalNote: String {
        t("Tall i parentes er 95 %-konfidensintervall.", "Figures in parentheses are 95% confidence intervals.")
    }
    /// "df" beside a t interval, as the reader's language abbreviates degrees of freedom.
    var degreesOfFreedomShort: String { t("fg", "df") }
    var degreesOfFreedomNote: String {
        t(
            "fg er frihetsgradene i utvalgsdesignet som intervallet bygger på (færre frihetsgrader gir bredere intervall).",
            "df are the degrees of freedom of the survey design behind the interval (fewer give a wider interval).")
    }
    /// The mark of a reliability flag (METHODS §1) and its footnote.
    static func mark(_ flag: IndicatorFlags) -> String {
        switch flag {
        case .lowN: return "*"
        case .dfBelow8: return "†"
        default: return "‡"
        }
    }
    func flagNote(_ flag: IndicatorFlags) -> String {
        switch flag {
        case .lowN:
            return t(
                "* Usikkert tall: det bygger på færre enheter enn pipelinens minstekrav (min_n).",
                "* Uncertain: the value rests on fewer units than the pipeline's minimum (min_n).")
        case .dfBelow8:
            return t(
                "† Usikkert tall: intervallet bygger på færre enn 8 frihetsgrader i utvalgsdesignet.",
                "† Uncertain: the interval rests on fewer than 8 degrees of freedom of the survey design.")
        default:
            return t(
                "‡ Bygger på en anslått (imputert) verdi.", "‡ Built with an estimated (imputed) component.")
        }
    }
    var compositeIndex: String { t("Indeks", "Index") }
    var rank: String { t("Rang", "Rank") }
    var rankInterval: String { t("Rang, 95 %-intervall", "Rank, 95 % interval") }
    func pillarTable(_ index: String, _ year: Int) -> String {
        t("\(index): søyler, \(year)", "\(index): pillars, \(year)")
    }
    var sensitivity: String {
        t(
            "Følsomhet: gjennomsnittlig rangendring når én komponent tas ut",
            "Sensitivity: mean rank change when one component is left out")
    }
    var component: String { t("Komponent", "Component") }
    var meanShift: String { t("Gj.sn. rangendring", "Mean rank change") }
    var dataQuality: String { t("Datakvalitet", "Data quality") }
    var dataQualityText: String {
        t(
            "Rader som ikke kunne brukes, er ikke gjettet på eller stille fjernet: de står med fil, linjenummer og årsak i filen med avviste rader.",
            "Rows that could not be used were neither guessed nor silently dropped: they are listed with file, line number and reason in the rejected-rows file."
        )
    }
    var source: String { t("Kilde", "Source") }
    var file: String { t("Fil", "File") }
    var rowsRead: String { t("Rader lest", "Rows read") }
    var accepted: String { t("Godtatt", "Accepted") }
    var rejected: String { t("Avvist", "Rejected") }
    var rejectedShare: String { t("Andel avvist", "Share rejected") }
    var rejectedRows: String { t("Avviste rader", "Rejected rows") }
    var none: String { t("ingen", "none") }
    func coverageCaption(_ source: String) -> String {
        t(
            "Dekning: godtatte rader i «\(source)» per kommune og år",
            "Coverage: accepted rows in “\(source)” by municipality and year")
    }
    var municipalitiesWithRows: String { t("Kommuner med rader", "Municipalities with rows") }
    var fewestRows: String { t("Færrest rader", "Fewest rows") }
    var mostRows: String { t("Flest rader", "Most rows") }
    func rankTableSubset(_ n: Int) -> String {
        t(
            "Tabellen viser de ti beste og de utvalgte kommunene av \(n); alle står i indicators.csv.",
            "The table shows the ten best and the focus municipalities of \(n); all are in indicators.csv.")
    }
    func andMore(_ n: Int) -> String {
        t("(og \(n) til; hele listen står i kjøringsloggen)", "(and \(n) more; the full list is in the run log)")
    }
    var warnings: String { t("Advarsler", "Warnings") }
    var methods: String { t("Metode", "Methods") }
    var methodsText: String {
        t(
            "Definisjonene nedenfor er hentet fra indikatorkatalogen. Den fullstendige, normative beskrivelsen står i METHODS.md.",
            "The definitions below come from the indicator catalogue. The complete, normative description is in METHODS.md."
        )
    }
    var unit: String { t("Enhet", "Unit") }
    var direction: String { t("Retning", "Direction") }
    func directionText(_ d: Int) -> String {
        d > 0
            ? t("høyere er bedre", "higher is better")
            : d < 0 ? t("lavere er bedre", "lower is better") : t("nøytral", "neutral")
    }
    func unitName(_ u: IndicatorUnit) -> String {
        switch u {
        case .share: return t("andel", "share")
        case .index: return t("indeks 0–100", "index 0–100")
        case .count: return t("antall", "count")
        case .ratio: return t("forholdstall", "ratio")
        case .perThousand: return t("per 1 000 innbyggere", "per 1,000 residents")
        case .days: return t("kalenderdager", "calendar days")
        case .workdays: return t("arbeidsdager", "working days")
        case .coefficient: return t("koeffisient", "coefficient")
        case .stars: return t("stjerner 0–5", "stars 0–5")
        case .rank: return t("rang", "rank")
        case .score: return t("poeng 0–100", "score 0–100")
        }
    }
    var provenance: String { t("Opphav", "Provenance") }
    var provenanceText: String {
        t(
            "Med de samme inndatafilene og den samme pipelinefilen gir Åpen de samme tallene og de samme filene, byte for byte.",
            "With the same input files and the same pipeline file, Åpen gives the same numbers and the same files, byte for byte."
        )
    }
    var pipelineHash: String { t("Pipelinefil (SHA-256)", "Pipeline file (SHA-256)") }
    var toolVersion: String { t("Åpen-versjon", "Åpen version") }
    var municipalityNumbers: String { t("Kommunenummer", "Municipality numbers") }
    func municipalityStructure(_ year: Int) -> String {
        t(
            "kommuneinndelingen per 1. januar \(year) (SSBs klassifikasjon 131; sammenslåtte kommuner regnet som én)",
            "the municipal structure of 1 January \(year) (Statistics Norway's classification 131; merged municipalities counted as one)"
        )
    }
    var runID: String { t("Kjøring", "Run") }
    var date: String { t("Dato", "Date") }
    var inputFiles: String { t("Inndatafiler", "Input files") }
    var item: String { t("Hva", "What") }
    var indicatorsTitle: String { t("Indikatorer", "Indicators") }
    var indicatorsIntro: String {
        t(
            "Alle indikatorverdier, avrundet for lesing. Fulle tall, standardfeil og intervaller står i indicators.csv.",
            "All indicator values, rounded for reading. Full precision, standard errors and intervals are in indicators.csv."
        )
    }
    var shiftEntryLabel: LocalizedText {
        LocalizedText(nb: "Rangendring uten én komponent", en: "Rank shift without one component")
    }
    var breakdown: String { t("Inndeling", "Breakdown") }
}

// Key findings (METHODS.md §9). One function per sentence, every language's text side by
// side, so a further language (nynorsk) is one more case in `t`.
extension Strings {
    /// A composite rank, where it was the year before (`previous`: rank, year) and its
    /// Monte-Carlo interval (`interval`: low, high), each already formatted.
    func rankSentence(
        name: String, rank: String, of count: Int, label: String, year: Int, previous: (String, Int)?,
        interval: (String, String)?
    ) -> String {
        var s = t(
            "\(name) er nr. \(rank) av \(count) kommuner på «\(label)» i \(year)",
            "\(name) ranks \(rank) of \(count) municipalities on “\(label)” in \(year)")
        if let (p, y) = previous { s += t(" (nr. \(p) i \(y))", " (\(p) in \(y))") }
        if let (lo, hi) = interval {
            s += t(
                "; i usikkerhetsanalysen ligger rangen mellom \(lo) og \(hi) (95 %-intervall).",
                "; in the uncertainty analysis the rank lies between \(lo) and \(hi) (95% interval).")
        } else {
            s += "."
        }
        return s
    }

    /// The five-working-day rule (offentleglova § 32) for a municipality below 100 %.
    func notAllAnsweredInTime(name: String, share: String, year: Int, requests: Int) -> String {
        t(
            "I \(name) ble \(share) av innsynskravene i \(year) besvart innen 5 arbeidsdager (\(requests) krav). Et krav som ikke er besvart innen fem arbeidsdager, regnes som avslått og kan påklages (offentleglova § 32).",
            "In \(name), \(share) of access requests in \(year) were answered within 5 working days (\(requests) requests). A request not answered within five working days counts as refused and may be appealed (Freedom of Information Act § 32)."
        )
    }

    func allAnsweredInTime(name: String, year: Int, requests: Int) -> String {
        t(
            "\(name) besvarte alle innsynskrav i \(year) innen 5 arbeidsdager (\(requests) krav).",
            "\(name) answered all access requests in \(year) within 5 working days (\(requests) requests).")
    }

    func municipalitiesNotAllInTime(_ below: Int, of count: Int, year: Int) -> String {
        t(
            "\(below) av \(count) kommuner besvarte ikke alle innsynskrav innen 5 arbeidsdager i \(year).",
            "\(below) of \(count) municipalities did not answer every access request within 5 working days in \(year)."
        )
    }

    /// «Steinkjer: «Andel unntatt offentlighet» steg fra 8,3 % i 2023 til 25,0 % i 2024
    /// (+16,7 prosentpoeng; 95 % KI for endringen 1,2 til 30,4), en svekkelse.»
    /// `verdict` is `improvement`, `deterioration`, `increase` or `decrease`.
    func changeSentence(
        name: String, label: String, up: Bool, from: String, fromYear: Int, to: String, toYear: Int,
        change: String, low: String, high: String, verdict: String
    ) -> String {
        let judgement: String
        switch verdict {
        case "improvement": judgement = t(", en forbedring", ", an improvement")
        case "deterioration": judgement = t(", en svekkelse", ", a deterioration")
        default: judgement = ""
        }
        return t(
            "\(name): «\(label)» \(up ? "steg" : "falt") fra \(from) i \(fromYear) til \(to) i \(toYear) (\(change); 95\u{00A0}% KI for endringen \(low) til \(high))\(judgement).",
            "\(name): “\(label)” \(up ? "rose" : "fell") from \(from) in \(fromYear) to \(to) in \(toYear) (\(change); 95% CI for the change \(low) to \(high))\(judgement)."
        )
    }

    /// One sentence instead of changes when none is larger than its uncertainty; `name` for a
    /// focus municipality, `from`/`to` when every tested change spans the same two years.
    func noClearChange(name: String?, from: Int?, to: Int?) -> String {
        let span: (nb: String, en: String) =
            if let from, let to { ("fra \(from) til \(to)", "from \(from) to \(to)") } else {
                ("fra ett år til det neste", "from one year to the next")
            }
        if let name {
            return t(
                "\(name): ingen endringer \(span.nb) er større enn usikkerheten i tallene.",
                "\(name): no change \(span.en) is larger than the uncertainty in the figures.")
        }
        return t(
            "Ingen endringer \(span.nb) er større enn usikkerheten i tallene.",
            "No change \(span.en) is larger than the uncertainty in the figures.")
    }
}

// Municipality profiles and comparison groups (issue 16). Every text with its nynorsk form.
extension Strings {
    func profileTitle(name: String, code: String) -> String {
        t(
            "Åpenhetsprofil: \(name) (\(code))", "Openness profile: \(name) (\(code))",
            nn: "Openheitsprofil: \(name) (\(code))")
    }
    /// The lead: where the page comes from and what it compares with (`groups` already joined).
    func profileLead(report: String, groups: String) -> String {
        t(
            "Én side om kommunen fra rapporten «\(report)»: de siste tallene, endringen fra året før og sammenligning med \(groups).",
            "One page on the municipality from the report “\(report)”: its latest figures, the change from the year before and a comparison with \(groups).",
            nn:
                "Éi side om kommunen frå rapporten «\(report)»: dei siste tala, endringa frå året før og samanlikning med \(groups)."
        )
    }
    var toFullReport: String { t("Til hele rapporten", "To the full report", nn: "Til heile rapporten") }
    var latestFigures: String { t("Siste tall", "Latest figures", nn: "Siste tal") }
    var indicatorHeader: String { t("Indikator", "Indicator", nn: "Indikator") }
    var changeFromYearBefore: String {
        t("Endring fra året før", "Change from the year before", nn: "Endring frå året før")
    }
    /// A change the rounded figures show and the uncertainty allows stating (METHODS §9).
    func changeCell(up: Bool, change: String) -> String {
        up
            ? t("steg \(change)", "rose \(change)", nn: "steig \(change)")
            : t("falt \(change)", "fell \(change)", nn: "fall \(change)")
    }
    var noClearChangeCell: String { t("ingen klar endring", "no clear change", nn: "inga klar endring") }
    var changeColumnNote: String {
        t(
            "«Steg» og «falt» står bare der endringen er større enn usikkerheten (95 %-intervall for endringen, METHODS §9); ellers står det «ingen klar endring». – betyr at året før mangler eller bygger på for få enheter til å teste endringen.",
            "“Rose” and “fell” appear only where the change is larger than its uncertainty (95% interval for the change, METHODS §9); otherwise the cell says “no clear change”. – means that the year before is missing or rests on too few units to test the change.",
            nn:
                "«Steig» og «fall» står berre der endringa er større enn uvissa (95 %-intervall for endringa, METHODS §9); elles står det «inga klar endring». – tyder at året før manglar eller byggjer på for få einingar til å teste endringa."
        )
    }
    var countryGroup: String { t("Landet", "Country", nn: "Landet") }
    var countryWithoutOsloGroup: String { t("Landet utenom Oslo", "Country excl. Oslo", nn: "Landet utanom Oslo") }
    var countryInText: String { t("landet", "the country", nn: "landet") }
    var countryWithoutOsloInText: String {
        t("landet utenom Oslo", "the country excluding Oslo", nn: "landet utanom Oslo")
    }
    /// How a group is computed, and which municipalities with data each group holds.
    func groupsNote(_ members: [(group: String, names: [String])]) -> String {
        let list = members.map { g in
            g.names.count <= 6
                ? "\(g.group): \(g.names.joined(separator: ", "))"
                : t(
                    "\(g.group): \(g.names.count) kommuner", "\(g.group): \(g.names.count) municipalities",
                    nn: "\(g.group): \(g.names.count) kommunar")
        }.joined(separator: "; ")
        return t(
            "Tallene for fylket, landet og gruppene er regnet ut på de samlede dataene for kommunene i gruppen, med samme metode som for én kommune – ikke som et gjennomsnitt av kommunenes tall. Kommuner med data: \(list).",
            "The figures for the county, the country and the groups are computed on the pooled data of their municipalities, with the same method as for one municipality — not as an average of the municipalities' figures. Municipalities with data: \(list).",
            nn:
                "Tala for fylket, landet og gruppene er rekna ut på dei samla dataa for kommunane i gruppa, med same metode som for éin kommune – ikkje som eit gjennomsnitt av tala til kommunane. Kommunar med data: \(list)."
        )
    }
    var compositeHasNoGroupValue: String {
        t(
            "En sammensatt indeks sammenligner kommunene med hverandre og har derfor ingen verdi for fylket, landet eller gruppene.",
            "A composite index compares the municipalities with one another, so it has no value for the county, the country or the groups.",
            nn:
                "Ein samansett indeks samanliknar kommunane med kvarandre og har difor ingen verdi for fylket, landet eller gruppene."
        )
    }
    var trendsHeading: String { t("Utvikling over tid", "Trends", nn: "Utvikling over tid") }
    /// A profile chart's text alternative: what is drawn and the latest values it shows.
    func profileTrendDescription(label: String, name: String, groups: String, first: Int, last: Int, latest: String)
        -> String
    {
        t(
            "«\(label)», \(first)–\(last): \(name) mot \(groups). \(latest)",
            "“\(label)”, \(first)–\(last): \(name) against \(groups). \(latest)",
            nn: "«\(label)», \(first)–\(last): \(name) mot \(groups). \(latest)")
    }
    func latestValuesSentence(year: Int, values: String) -> String {
        t("I \(year): \(values).", "In \(year): \(values).", nn: "I \(year): \(values).")
    }
    var profilesHeading: String { t("Kommuneprofiler", "Municipality profiles", nn: "Kommuneprofilar") }
    var profilesText: String {
        t(
            "Én side per kommune med de siste tallene, endringen fra året før og sammenligning med fylket, landet og sammenligningsgrupper – til å skrive ut eller legge ved en sak:",
            "One page per municipality with its latest figures, the change from the year before and a comparison with the county, the country and comparison groups — to print or attach to a case:",
            nn:
                "Éi side per kommune med dei siste tala, endringa frå året før og samanlikning med fylket, landet og samanlikningsgrupper – til å skrive ut eller leggje ved ei sak:"
        )
    }
    /// Items joined as a reader writes a list: «a, b og c».
    func listed(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + t(" og ", " and ", nn: " og ") + items.last!
    }
}
