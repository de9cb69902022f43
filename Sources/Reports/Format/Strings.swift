import ApenCore

/// Every fixed text of the reports, in bokmål, English and nynorsk.
///
/// Bokmål as a council member writes it: kommune, innsynskrav, arbeidsdager, offentlig journal;
/// nynorsk as a nynorsk-writing municipality's communication office does: kommunar,
/// innbyggjarar, arbeidsdagar, offentleg journal, ikkje.
struct Strings: Sendable {
    let language: Language

    /// The text in the report's language: every string has all three forms, so a text without
    /// its nynorsk does not compile.
    private func t(_ nb: String, _ en: String, nn: String) -> String {
        switch language {
        case .nb: return nb
        case .nn: return nn
        case .en: return en
        }
    }

    // Families
    func family(_ f: String) -> String {
        switch f {
        case "survey":
            return t(
                "Innbyggerundersøkelse: opplevd åpenhet", "Survey: perceived openness",
                nn: "Innbyggjarundersøking: opplevd openheit")
        case "engagement": return t("Medvirkning", "Citizen engagement", nn: "Medverknad")
        case "publication":
            return t(
                "Offentlig journal og publisering", "Public records journal and publication",
                nn: "Offentleg journal og publisering")
        case "opendata": return t("Åpne data", "Open data", nn: "Opne data")
        case "foi": return t("Innsynskrav", "Access requests (FOI)", nn: "Innsynskrav")
        case "composite": return t("Samlet åpenhetsindeks", "Composite openness index", nn: "Samla openheitsindeks")
        case "custom": return t("Egendefinerte indikatorer", "Custom indicators", nn: "Eigendefinerte indikatorar")
        default: return t("Andre indikatorer", "Other indicators", nn: "Andre indikatorar") + " (\(f))"
        }
    }

    // Units for axis titles
    func axisTitle(_ unit: IndicatorUnit) -> String {
        switch unit {
        case .share: return t("Andel (%)", "Share (%)", nn: "Del (%)")
        case .index: return t("Indeks (0–100)", "Index (0–100)", nn: "Indeks (0–100)")
        case .count: return t("Antall", "Count", nn: "Tal")
        case .ratio: return t("Forhold", "Ratio", nn: "Forhold")
        case .perThousand: return t("Per 1 000 innbyggere", "Per 1,000 residents", nn: "Per 1 000 innbyggjarar")
        case .days: return t("Kalenderdager", "Calendar days", nn: "Kalenderdagar")
        case .workdays: return t("Arbeidsdager", "Working days", nn: "Arbeidsdagar")
        case .coefficient: return t("Koeffisient", "Coefficient", nn: "Koeffisient")
        case .stars: return t("Stjerner (0–5)", "Stars (0–5)", nn: "Stjerner (0–5)")
        case .rank: return t("Rangering (1 = best)", "Rank (1 = best)", nn: "Rangering (1 = best)")
        case .score: return t("Poeng (0–100)", "Score (0–100)", nn: "Poeng (0–100)")
        }
    }

    var municipality: String { t("Kommune", "Municipality", nn: "Kommune") }
    var year: String { t("År", "Year", nn: "År") }
    var value: String { t("Verdi", "Value", nn: "Verdi") }

    // Chart texts
    func subgroupsTitle(_ label: String, _ year: Int) -> String {
        t(
            "\(label) etter undergruppe, \(year)", "\(label) by subgroup, \(year)",
            nn: "\(label) etter undergruppe, \(year)")
    }
    func subgroupsDesc(_ year: Int) -> String {
        t(
            "Stolpediagram over de utvalgte kommunene etter undergruppe i \(year), med 95 %-konfidensintervall som streker. Små grupper har brede intervaller.",
            "Bar chart of the focus municipalities by subgroup in \(year), with 95% confidence intervals as whiskers. Small groups have wide intervals.",
            nn:
                "Stolpediagram over dei utvalde kommunane etter undergruppe i \(year), med 95 %-konfidensintervall som strekar. Små grupper har breie intervall."
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
                + (ci ? ", with 95% confidence intervals as whiskers." : "."),
            nn: "Stolpediagram over \(count) kommunar i \(year), "
                + (neutral ? "sortert etter verdi" : "sortert frå best til svakast")
                + (ci ? ", med 95 %-konfidensintervall som strekar." : "."))
    }
    func trendTitle(_ label: String) -> String {
        t("\(label): utvikling", "\(label): trend", nn: "\(label): utvikling")
    }
    func trendDesc(_ focus: [String], _ from: Int, _ to: Int) -> String {
        let names =
            focus.isEmpty
            ? t("ingen utvalgte kommuner", "no focus municipalities", nn: "ingen utvalde kommunar")
            : focus.joined(separator: ", ")
        return t(
            "Linjediagram \(from)–\(to) for \(names), mot medianen og midtre halvdel (25–75 %) av de andre kommunene.",
            "Line chart \(from)–\(to) for \(names), against the median and middle half (25–75%) of the other municipalities.",
            nn:
                "Linjediagram \(from)–\(to) for \(names), mot medianen og midtre halvpart (25–75 %) av dei andre kommunane."
        )
    }
    var othersMedian: String {
        t("Median, andre kommuner", "Median, other municipalities", nn: "Median, andre kommunar")
    }
    var allMedian: String { t("Median, alle kommuner", "Median, all municipalities", nn: "Median, alle kommunar") }
    var othersBand: String { t("Midtre halvdel (25–75 %)", "Middle half (25–75%)", nn: "Midtre halvpart (25–75 %)") }
    func heatmapTitle(_ year: Int) -> String {
        t(
            "Alle indikatorer, \(year) (normalisert)", "All indicators, \(year) (normalised)",
            nn: "Alle indikatorar, \(year) (normalisert)")
    }
    func heatmapDesc(_ rows: Int, _ cols: Int, _ year: Int) -> String {
        t(
            "Varmekart med \(rows) kommuner og \(cols) indikatorer i \(year). Hver indikator er skalert fra 0 (svakeste kommune) til 100 (beste kommune) det året; mørkere er bedre. Hvite ruter mangler data.",
            "Heatmap of \(rows) municipalities and \(cols) indicators in \(year). Each indicator is scaled from 0 (weakest municipality) to 100 (best municipality) that year; darker is better. White cells have no data.",
            nn:
                "Varmekart med \(rows) kommunar og \(cols) indikatorar i \(year). Kvar indikator er skalert frå 0 (svakaste kommune) til 100 (beste kommune) det året; mørkare er betre. Kvite ruter manglar data."
        )
    }
    var heatmapLegendLow: String { t("0 = svakest", "0 = weakest", nn: "0 = svakast") }
    var heatmapLegendHigh: String { t("100 = best", "100 = best", nn: "100 = best") }
    var missing: String { t("mangler", "missing", nn: "manglar") }
    func rankTitle(_ label: String, _ year: Int) -> String {
        t("\(label): rangering \(year)", "\(label): rank \(year)", nn: "\(label): rangering \(year)")
    }
    /// - Parameter factors: the uncertain factors when the sensitivity rows name them (in METHODS
    ///   order); empty: only the weights are said to vary.
    func rankDesc(_ count: Int, _ year: Int, factors: [String] = []) -> String {
        if factors.count > 1 {
            let names = factors.map(factorName)
            let and = t(" og ", " and ", nn: " og ")
            let list = names.dropLast().joined(separator: ", ") + and + names.last!
            return t(
                "Rangering av \(count) kommuner i \(year). Punktet er rangen med de oppgitte valgene; streken viser 95 %-intervallet (2,5.–97,5. persentil) av rangen når \(list) varieres tilfeldig (Monte Carlo).",
                "Rank of \(count) municipalities in \(year). The dot is the rank with the declared choices; the bar shows the 95 % interval (2.5th–97.5th percentile) of the rank when \(list) vary at random (Monte Carlo).",
                nn:
                    "Rangering av \(count) kommunar i \(year). Punktet er rangen med dei oppgjevne vala; streken viser 95 %-intervallet (2,5.–97,5. persentil) av rangen når \(list) vert varierte tilfeldig (Monte Carlo)."
            )
        }
        return t(
            "Rangering av \(count) kommuner i \(year). Punktet er rangen med de oppgitte vektene; streken viser 95 %-intervallet (2,5.–97,5. persentil) av rangen når vektene varieres tilfeldig (Monte Carlo).",
            "Rank of \(count) municipalities in \(year). The dot is the rank with the declared weights; the bar shows the 95 % interval (2.5th–97.5th percentile) of the rank when the weights vary at random (Monte Carlo).",
            nn:
                "Rangering av \(count) kommunar i \(year). Punktet er rangen med dei valde vektene; streken viser 95 %-intervallet (2,5.–97,5. persentil) av rangen når vektene varierer tilfeldig (Monte Carlo)."
        )
    }
}

extension Strings {
    var contents: String { t("Innhold", "Contents", nn: "Innhald") }
    var keyFindings: String { t("Hovedfunn", "Key findings", nn: "Hovudfunn") }
    var noFindings: String {
        t(
            "Ingen funn å trekke fram: for lite data til å sammenligne år eller kommuner.",
            "No findings to highlight: too little data to compare years or municipalities.",
            nn: "Ingen funn å trekkje fram: for lite data til å samanlikne år eller kommunar.")
    }
    func period(_ years: [Int]) -> String {
        guard let a = years.first, let b = years.last else {
            return t("Ingen år med data", "No years with data", nn: "Ingen år med data")
        }
        return a == b
            ? t("Periode: \(a).", "Period: \(a).", nn: "Periode: \(a).")
            : t("Periode: \(a)–\(b).", "Period: \(a)–\(b).", nn: "Periode: \(a)–\(b).")
    }
    func municipalitiesCovered(_ names: [String], total: Int) -> String {
        let list = names.joined(separator: ", ")
        if total <= 12 {
            return t(
                "\(total) kommuner: \(list).", "\(total) municipalities: \(list).", nn: "\(total) kommunar: \(list).")
        }
        return t("\(total) kommuner.", "\(total) municipalities.", nn: "\(total) kommunar.")
    }
    func focusLine(_ names: [String]) -> String {
        t(
            "Utvalgte kommuner: \(names.joined(separator: ", ")).",
            "Focus municipalities: \(names.joined(separator: ", ")).",
            nn: "Utvalde kommunar: \(names.joined(separator: ", ")).")
    }
    func runLine(date: String, run: String) -> String {
        var parts: [String] = []
        if !date.isEmpty { parts.append(t("Kjørt \(date)", "Run on \(date)", nn: "Køyrt \(date)")) }
        if !run.isEmpty { parts.append(t("kjøring \(run)", "run \(run)", nn: "køyring \(run)")) }
        return parts.isEmpty ? "" : parts.joined(separator: ", ") + "."
    }
    var overview: String { t("Oversikt", "Overview", nn: "Oversyn") }
    var overviewText: String {
        t(
            "Varmekartet viser hvor hver kommune står på hver indikator i siste år, sammenlignet med de andre kommunene i rapporten.",
            "The heatmap shows where each municipality stands on each indicator in the latest year, compared with the other municipalities in the report.",
            nn:
                "Varmekartet viser korleis kvar kommune ligg an på kvar indikator i siste år, samanlikna med dei andre kommunane i rapporten."
        )
    }
    func definitionNote(id: String, methods: String) -> [Inline] {
        var parts: [Inline] = [.text(t("Indikator ", "Indicator ", nn: "Indikator ")), .code(id)]
        if !methods.isEmpty {
            parts.append(
                .text(
                    t(
                        ", definert i METHODS.md \(methods).", ", defined in METHODS.md \(methods).",
                        nn: ", definert i METHODS.md \(methods).")))
        } else {
            parts.append(.text("."))
        }
        return parts
    }
    var tableShowsSubset: String {
        t(
            "Tabellen viser utvalgte kommuner og fordelingen blant alle; alle tall står i indicators.csv.",
            "The table shows the focus municipalities and the distribution across all; every number is in indicators.csv.",
            nn: "Tabellen viser dei utvalde kommunane og fordelinga blant alle; alle tal står i indicators.csv."
        )
    }
    var median: String { t("Median, alle kommuner", "Median, all municipalities", nn: "Median, alle kommunar") }
    var quartile1: String { t("Nedre kvartil", "Lower quartile", nn: "Nedre kvartil") }
    var quartile3: String { t("Øvre kvartil", "Upper quartile", nn: "Øvre kvartil") }
    var intervalNote: String {
        t(
            "Tall i parentes er 95 %-konfidensintervall.", "Figures in parentheses are 95% confidence intervals.",
            nn: "Tal i parentes er 95 %-konfidensintervall.")
    }
    /// "df" beside a t interval, as the reader's language abbreviates degrees of freedom.
    var degreesOfFreedomShort: String { t("fg", "df", nn: "fg") }
    var degreesOfFreedomNote: String {
        t(
            "fg er frihetsgradene i utvalgsdesignet som intervallet bygger på (færre frihetsgrader gir bredere intervall).",
            "df are the degrees of freedom of the survey design behind the interval (fewer give a wider interval).",
            nn:
                "fg er fridomsgradene i utvalsdesignet som intervallet byggjer på (færre fridomsgrader gir breiare intervall)."
        )
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
                "* Uncertain: the value rests on fewer units than the pipeline's minimum (min_n).",
                nn: "* Usikkert tal: det byggjer på færre einingar enn minstekravet i pipelinen (min_n).")
        case .dfBelow8:
            return t(
                "† Usikkert tall: intervallet bygger på færre enn 8 frihetsgrader i utvalgsdesignet.",
                "† Uncertain: the interval rests on fewer than 8 degrees of freedom of the survey design.",
                nn: "† Usikkert tal: intervallet byggjer på færre enn 8 fridomsgrader i utvalsdesignet.")
        default:
            return t(
                "‡ Bygger på en anslått (imputert) verdi.", "‡ Built with an estimated (imputed) component.",
                nn: "‡ Byggjer på ein estimert (imputert) verdi.")
        }
    }
    /// The footnote of «:» in tables and charts (`report: {suppress_below: N}`).
    func suppressedNote(_ limit: Int) -> String {
        t(
            ": Tallet er skjult fordi det bygger på færre enn \(limit) enheter (suppress_below); alle tall står i indicators.csv.",
            ": The figure is suppressed because it rests on fewer than \(limit) units (suppress_below); every figure is in indicators.csv.",
            nn:
                ": Talet er skjult fordi det byggjer på færre enn \(limit) einingar (suppress_below); alle tal står i indicators.csv."
        )
    }
    /// Added to a chart's description when it has flagged values.
    var chartFlagged: String {
        t(
            "Hule stolper og punkter merket *, † eller ‡ er usikre eller anslåtte tall (se fotnoten).",
            "Hollow bars and points marked *, † or ‡ are uncertain or estimated figures (see the footnote).",
            nn: "Hole stolpar og punkt merkte med *, † eller ‡ er usikre eller estimerte tal (sjå fotnoten).")
    }
    /// Added to a chart's description when it has suppressed values.
    func chartSuppressed(_ limit: Int) -> String {
        t(
            "«:» står for tall som er skjult fordi de bygger på færre enn \(limit) enheter.",
            "“:” stands for figures suppressed because they rest on fewer than \(limit) units.",
            nn: "«:» står for tal som er skjulte fordi dei byggjer på færre enn \(limit) einingar.")
    }
    /// Added to a trend chart's description when values are left out of it.
    func trendSuppressed(_ limit: Int) -> String {
        t(
            "Tall som bygger på færre enn \(limit) enheter, er utelatt (skjult).",
            "Figures resting on fewer than \(limit) units are left out (suppressed).",
            nn: "Tal som byggjer på færre enn \(limit) einingar, er utelatne (skjulte).")
    }
    /// The heatmap legend's entry for a suppressed cell.
    func suppressedLegend(_ limit: Int) -> String {
        t("skjult (n < \(limit))", "suppressed (n < \(limit))", nn: "skjult (n < \(limit))")
    }
    var compositeIndex: String { t("Indeks", "Index", nn: "Indeks") }
    var rank: String { t("Rang", "Rank", nn: "Rang") }
    var rankInterval: String { t("Rang, 95 %-intervall", "Rank, 95 % interval", nn: "Rang, 95 %-intervall") }
    func pillarTable(_ index: String, _ year: Int) -> String {
        t("\(index): søyler, \(year)", "\(index): pillars, \(year)", nn: "\(index): søyler, \(year)")
    }
    var sensitivity: String {
        t(
            "Følsomhet: gjennomsnittlig rangendring når én komponent tas ut",
            "Sensitivity: mean rank change when one component is left out",
            nn: "Følsemd: gjennomsnittleg rangendring når éin komponent blir teken ut")
    }
    var component: String { t("Komponent", "Component", nn: "Komponent") }
    var meanShift: String { t("Gj.sn. rangendring", "Mean rank change", nn: "Gj.sn. rangendring") }
    /// An uncertain factor of the composite's sensitivity analysis (METHODS §6), as a noun phrase.
    func factorName(_ factor: String) -> String {
        switch factor {
        case "weights": return t("vektene", "the weights", nn: "vektene")
        case "normalisation": return t("normaliseringsmetoden", "the normalisation method", nn: "normaliseringsmetoden")
        case "aggregation": return t("aggregeringsmetoden", "the aggregation method", nn: "aggregeringsmetoden")
        case "impute": return t("imputeringsmetoden", "the imputation method", nn: "imputeringsmetoden")
        case "sampling_error":
            return t(
                "utvalgsfeilen i komponentene", "the components' sampling error", nn: "utvalsfeilen i komponentane")
        default: return factor
        }
    }
    func sobolTitle(_ label: String, _ year: Int) -> String {
        t(
            "\(label): hva rangeringen avhenger av, \(year)", "\(label): what the ranking depends on, \(year)",
            nn: "\(label): kva rangeringa avheng av, \(year)")
    }
    var sobolAxis: String {
        t(
            "Totalordens Sobol-indeks (andel av variansen i rangene)",
            "Total-order Sobol index (share of the rank variance)",
            nn: "Totalordens Sobol-indeks (del av variansen i rangane)")
    }
    /// The text alternative of the Sobol chart: what it shows and what it finds, factors ordered
    /// by total-order index (largest first), with their values.
    func sobolDesc(_ year: Int, _ factors: [(name: String, value: String)], municipalities n: Int) -> String {
        let listed = factors.map { "\(factorName($0.name)) (\($0.value))" }
        let list: String
        switch language {
        case .en: list = listed.dropLast().joined(separator: ", ") + (listed.count > 1 ? ", then " : "") + listed.last!
        default:
            list = listed.dropLast().joined(separator: ", ") + (listed.count > 1 ? ", deretter " : "") + listed.last!
        }
        return t(
            "Søylene viser hvor stor del av variasjonen i kommunenes rang i \(year) som skyldes hver usikker faktor, medregnet samspill med de andre (totalordens Sobol-indeks, vektet med hver kommunes rangvarians, \(n) kommuner der rangen varierer). Rangeringen avhenger mest av \(list).",
            "The bars show how much of the variation in the municipalities' ranks in \(year) is due to each uncertain factor, interactions with the others included (total-order Sobol index, weighted by each municipality's rank variance, \(n) municipalities whose rank varies). The ranking depends most on \(list).",
            nn:
                "Søylene viser kor stor del av variasjonen i rangen til kommunane i \(year) som kjem av kvar usikker faktor, medrekna samspel med dei andre (totalordens Sobol-indeks, vekta med rangvariansen til kvar kommune, \(n) kommunar der rangen varierer). Rangeringa avheng mest av \(list)."
        )
    }
    func sobolTable(_ label: String, _ year: Int) -> String {
        t(
            "\(label): Sobol-indekser per usikker faktor, \(year)",
            "\(label): Sobol indices per uncertain factor, \(year)",
            nn: "\(label): Sobol-indeksar per usikker faktor, \(year)")
    }
    var uncertainFactor: String { t("Usikker faktor", "Uncertain factor", nn: "Usikker faktor") }
    var firstOrder: String { t("Førsteordens indeks", "First-order index", nn: "Førsteordens indeks") }
    var totalOrder: String { t("Totalordens indeks", "Total-order index", nn: "Totalordens indeks") }
    var sobolNote: String {
        t(
            "Førsteordens indeks: andelen av rangvariansen faktoren forklarer alene. Totalordens indeks: andelen som forsvinner om faktoren holdes fast, samspill medregnet (Saltelli 2010, Jansen 1999).",
            "First-order index: the share of the rank variance the factor explains alone. Total-order index: the share that would vanish if the factor were fixed, interactions included (Saltelli 2010, Jansen 1999).",
            nn:
                "Førsteordens indeks: delen av rangvariansen faktoren forklarer åleine. Totalordens indeks: delen som forsvinn om faktoren vert halden fast, samspel medrekna (Saltelli 2010, Jansen 1999)."
        )
    }
    func coherenceTable(_ label: String, _ year: Int) -> String {
        t(
            "\(label): samvariasjon mellom komponentene og med indeksen (Pearsons r), \(year)",
            "\(label): correlation of the components with each other and with the index (Pearson's r), \(year)",
            nn: "\(label): samvariasjon mellom komponentane og med indeksen (Pearsons r), \(year)")
    }
    func coherenceNote(alpha: String?, cases: Int) -> String {
        let a =
            alpha.map {
                t(
                    "Cronbachs α for komponentene: \($0) (\(cases) kommuner med alle komponentene). ",
                    "Cronbach's α of the components: \($0) (\(cases) municipalities with every component). ",
                    nn: "Cronbachs α for komponentane: \($0) (\(cases) kommunar med alle komponentane). ")
            } ?? ""
        return a
            + t(
                "Kolonnene 1, 2, … er komponentene i radenes rekkefølge. En negativ korrelasjon med indeksen kan bety at komponentens retning er feil.",
                "Columns 1, 2, … are the components in the order of the rows. A negative correlation with the index may mean that the component's direction is wrong.",
                nn:
                    "Kolonnane 1, 2, … er komponentane i same rekkjefølgje som radene. Ein negativ korrelasjon med indeksen kan tyde på at retninga til komponenten er feil."
            )
    }
    func treatedTable(_ label: String) -> String {
        t(
            "\(label): behandlede uteliggere (winsorisert før normaliseringen)",
            "\(label): treated outliers (winsorised before normalisation)",
            nn: "\(label): handsama uteliggjarar (winsoriserte før normaliseringa)")
    }
    var originalValue: String { t("Opprinnelig verdi", "Original value", nn: "Opphavleg verdi") }
    var treatedValue: String { t("Satt til", "Set to", nn: "Sett til") }
    func imputedTable(_ label: String) -> String {
        t(
            "\(label): anslåtte (imputerte) verdier for manglende komponenter",
            "\(label): estimated (imputed) values for missing components",
            nn: "\(label): anslåtte (imputerte) verdiar for manglande komponentar")
    }
    var imputedValue: String { t("Anslått verdi", "Imputed value", nn: "Anslått verdi") }
    func rowsSubset(_ shown: Int, _ all: Int) -> String {
        t(
            "Tabellen viser \(shown) av \(all) rader (de utvalgte kommunene og det siste året først); alle står i indicators.csv.",
            "The table shows \(shown) of \(all) rows (the focus municipalities and the latest year first); all are in indicators.csv.",
            nn:
                "Tabellen viser \(shown) av \(all) rader (dei utvalde kommunane og det siste året først); alle står i indicators.csv."
        )
    }
    var dataQuality: String { t("Datakvalitet", "Data quality", nn: "Datakvalitet") }
    var dataQualityText: String {
        t(
            "Rader som ikke kunne brukes, er ikke gjettet på eller stille fjernet: de står med fil, linjenummer og årsak i filen med avviste rader.",
            "Rows that could not be used were neither guessed nor silently dropped: they are listed with file, line number and reason in the rejected-rows file.",
            nn:
                "Rader som ikkje kunne brukast, er ikkje gjetta på eller fjerna i det stille: dei står med fil, linjenummer og årsak i fila med avviste rader."
        )
    }
    var source: String { t("Kilde", "Source", nn: "Kjelde") }
    var file: String { t("Fil", "File", nn: "Fil") }
    var rowsRead: String { t("Rader lest", "Rows read", nn: "Rader lesne") }
    var accepted: String { t("Godtatt", "Accepted", nn: "Godteke") }
    var rejected: String { t("Avvist", "Rejected", nn: "Avvist") }
    var rejectedShare: String { t("Andel avvist", "Share rejected", nn: "Del avvist") }
    var rejectedRows: String { t("Avviste rader", "Rejected rows", nn: "Avviste rader") }
    var none: String { t("ingen", "none", nn: "ingen") }
    func coverageCaption(_ source: String) -> String {
        t(
            "Dekning: godtatte rader i «\(source)» per kommune og år",
            "Coverage: accepted rows in “\(source)” by municipality and year",
            nn: "Dekning: godtekne rader i «\(source)» per kommune og år")
    }
    var municipalitiesWithRows: String { t("Kommuner med rader", "Municipalities with rows", nn: "Kommunar med rader") }
    var fewestRows: String { t("Færrest rader", "Fewest rows", nn: "Færrast rader") }
    var mostRows: String { t("Flest rader", "Most rows", nn: "Flest rader") }
    func rankTableSubset(_ n: Int) -> String {
        t(
            "Tabellen viser de ti beste og de utvalgte kommunene av \(n); alle står i indicators.csv.",
            "The table shows the ten best and the focus municipalities of \(n); all are in indicators.csv.",
            nn: "Tabellen viser dei ti beste og dei utvalde kommunane av \(n); alle står i indicators.csv.")
    }
    var warnings: String { t("Advarsler", "Warnings", nn: "Åtvaringar") }
    var methods: String { t("Metode", "Methods", nn: "Metode") }
    var methodsText: String {
        t(
            "Definisjonene nedenfor er hentet fra indikatorkatalogen. Den fullstendige, normative beskrivelsen står i METHODS.md.",
            "The definitions below come from the indicator catalogue. The complete, normative description is in METHODS.md.",
            nn:
                "Definisjonane nedanfor er henta frå indikatorkatalogen. Den fullstendige, normative skildringa står i METHODS.md."
        )
    }
    var unit: String { t("Enhet", "Unit", nn: "Eining") }
    var direction: String { t("Retning", "Direction", nn: "Retning") }
    func directionText(_ d: Int) -> String {
        d > 0
            ? t("høyere er bedre", "higher is better", nn: "høgare er betre")
            : d < 0
                ? t("lavere er bedre", "lower is better", nn: "lågare er betre")
                : t("nøytral", "neutral", nn: "nøytral")
    }
    func unitName(_ u: IndicatorUnit) -> String {
        switch u {
        case .share: return t("andel", "share", nn: "del")
        case .index: return t("indeks 0–100", "index 0–100", nn: "indeks 0–100")
        case .count: return t("antall", "count", nn: "tal")
        case .ratio: return t("forholdstall", "ratio", nn: "forholdstal")
        case .perThousand: return t("per 1 000 innbyggere", "per 1,000 residents", nn: "per 1 000 innbyggjarar")
        case .days: return t("kalenderdager", "calendar days", nn: "kalenderdagar")
        case .workdays: return t("arbeidsdager", "working days", nn: "arbeidsdagar")
        case .coefficient: return t("koeffisient", "coefficient", nn: "koeffisient")
        case .stars: return t("stjerner 0–5", "stars 0–5", nn: "stjerner 0–5")
        case .rank: return t("rang", "rank", nn: "rang")
        case .score: return t("poeng 0–100", "score 0–100", nn: "poeng 0–100")
        }
    }
    var provenance: String { t("Opphav", "Provenance", nn: "Opphav") }
    var provenanceText: String {
        t(
            "Med de samme inndatafilene og den samme pipelinefilen gir Åpen de samme tallene og de samme filene, byte for byte.",
            "With the same input files and the same pipeline file, Åpen gives the same numbers and the same files, byte for byte.",
            nn:
                "Med dei same inndatafilene og den same pipelinefila gir Åpen dei same tala og dei same filene, byte for byte."
        )
    }
    var pipelineHash: String { t("Pipelinefil (SHA-256)", "Pipeline file (SHA-256)", nn: "Pipelinefil (SHA-256)") }
    var toolVersion: String { t("Åpen-versjon", "Åpen version", nn: "Åpen-versjon") }
    var municipalityNumbers: String { t("Kommunenummer", "Municipality numbers", nn: "Kommunenummer") }
    func municipalityStructure(_ year: Int) -> String {
        t(
            "kommuneinndelingen per 1. januar \(year) (SSBs klassifikasjon 131; sammenslåtte kommuner regnet som én)",
            "the municipal structure of 1 January \(year) (Statistics Norway's classification 131; merged municipalities counted as one)",
            nn:
                "kommuneinndelinga per 1. januar \(year) (klassifikasjon 131 frå SSB; samanslåtte kommunar rekna som éin)"
        )
    }
    var runID: String { t("Kjøring", "Run", nn: "Køyring") }
    var date: String { t("Dato", "Date", nn: "Dato") }
    var inputFiles: String { t("Inndatafiler", "Input files", nn: "Inndatafiler") }
    var item: String { t("Hva", "What", nn: "Kva") }
    var indicatorsTitle: String { t("Indikatorer", "Indicators", nn: "Indikatorar") }
    var indicatorsIntro: String {
        t(
            "Alle indikatorverdier, avrundet for lesing. Fulle tall, standardfeil og intervaller står i indicators.csv.",
            "All indicator values, rounded for reading. Full precision, standard errors and intervals are in indicators.csv.",
            nn:
                "Alle indikatorverdiar, avrunda for lesing. Fulle tal, standardfeil og intervall står i indicators.csv."
        )
    }
    var shiftEntryLabel: LocalizedText {
        LocalizedText(
            nb: "Rangendring uten én komponent", en: "Rank shift without one component",
            nn: "Rangendring utan éin komponent")
    }
    var breakdown: String { t("Inndeling", "Breakdown", nn: "Inndeling") }
}

// Key findings (METHODS.md §9). One function per sentence, every language's text side by
// side.
extension Strings {
    /// A composite rank, where it was the year before (`previous`: rank, year) and its
    /// Monte-Carlo interval (`interval`: low, high), each already formatted.
    func rankSentence(
        name: String, rank: String, of count: Int, label: String, year: Int, previous: (String, Int)?,
        interval: (String, String)?
    ) -> String {
        var s = t(
            "\(name) er nr. \(rank) av \(count) kommuner på «\(label)» i \(year)",
            "\(name) ranks \(rank) of \(count) municipalities on “\(label)” in \(year)",
            nn: "\(name) er nr. \(rank) av \(count) kommunar på «\(label)» i \(year)")
        if let (p, y) = previous { s += t(" (nr. \(p) i \(y))", " (\(p) in \(y))", nn: " (nr. \(p) i \(y))") }
        if let (lo, hi) = interval {
            s += t(
                "; i usikkerhetsanalysen ligger rangen mellom \(lo) og \(hi) (95 %-intervall).",
                "; in the uncertainty analysis the rank lies between \(lo) and \(hi) (95% interval).",
                nn: "; i usikkerheitsanalysen ligg rangen mellom \(lo) og \(hi) (95 %-intervall).")
        } else {
            s += "."
        }
        return s
    }

    /// The five-working-day rule (offentleglova § 32) for a municipality below 100 %.
    func notAllAnsweredInTime(name: String, share: String, year: Int, requests: Int) -> String {
        t(
            "I \(name) ble \(share) av innsynskravene i \(year) besvart innen 5 arbeidsdager (\(requests) krav). Et krav som ikke er besvart innen fem arbeidsdager, regnes som avslått og kan påklages (offentleglova § 32).",
            "In \(name), \(share) of access requests in \(year) were answered within 5 working days (\(requests) requests). A request not answered within five working days counts as refused and may be appealed (Freedom of Information Act § 32).",
            nn:
                "I \(name) fekk \(share) av innsynskrava i \(year) svar innan 5 arbeidsdagar (\(requests) krav). Eit krav som ikkje har fått svar innan fem arbeidsdagar, skal reknast som avslått og kan klagast på (offentleglova § 32)."
        )
    }

    func allAnsweredInTime(name: String, year: Int, requests: Int) -> String {
        t(
            "\(name) besvarte alle innsynskrav i \(year) innen 5 arbeidsdager (\(requests) krav).",
            "\(name) answered all access requests in \(year) within 5 working days (\(requests) requests).",
            nn: "\(name) svara på alle innsynskrav i \(year) innan 5 arbeidsdagar (\(requests) krav).")
    }

    func municipalitiesNotAllInTime(_ below: Int, of count: Int, year: Int) -> String {
        t(
            "\(below) av \(count) kommuner besvarte ikke alle innsynskrav innen 5 arbeidsdager i \(year).",
            "\(below) of \(count) municipalities did not answer every access request within 5 working days in \(year).",
            nn: "\(below) av \(count) kommunar svara ikkje på alle innsynskrav innan 5 arbeidsdagar i \(year)."
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
        case "improvement": judgement = t(", en forbedring", ", an improvement", nn: ", ei forbetring")
        case "deterioration": judgement = t(", en svekkelse", ", a deterioration", nn: ", ei svekking")
        default: judgement = ""
        }
        return t(
            "\(name): «\(label)» \(up ? "steg" : "falt") fra \(from) i \(fromYear) til \(to) i \(toYear) (\(change); 95\u{00A0}% KI for endringen \(low) til \(high))\(judgement).",
            "\(name): “\(label)” \(up ? "rose" : "fell") from \(from) in \(fromYear) to \(to) in \(toYear) (\(change); 95% CI for the change \(low) to \(high))\(judgement).",
            nn:
                "\(name): «\(label)» \(up ? "steig" : "fall") frå \(from) i \(fromYear) til \(to) i \(toYear) (\(change); 95\u{00A0}% KI for endringa \(low) til \(high))\(judgement)."
        )
    }

    /// One sentence instead of changes when none is larger than its uncertainty; `name` for a
    /// focus municipality, `from`/`to` when every tested change spans the same two years.
    /// `hiddenByRounding`: some change is larger than its uncertainty but too small to show in
    /// the rounded figures, so the sentence says that none is both.
    func noClearChange(name: String?, from: Int?, to: Int?, hiddenByRounding: Bool = false) -> String {
        let span: (nb: String, en: String, nn: String) =
            if let from, let to { ("fra \(from) til \(to)", "from \(from) to \(to)", "frå \(from) til \(to)") } else {
                ("fra ett år til det neste", "from one year to the next", "frå eitt år til det neste")
            }
        let sentence =
            hiddenByRounding
            ? t(
                "ingen endringer \(span.nb) er både større enn usikkerheten og store nok til å synes i de avrundede tallene.",
                "no change \(span.en) is both larger than the uncertainty and large enough to show in the rounded figures.",
                nn:
                    "ingen endringar \(span.nn) er både større enn usikkerheita og store nok til å synast i dei avrunda tala."
            )
            : t(
                "ingen endringer \(span.nb) er større enn usikkerheten i tallene.",
                "no change \(span.en) is larger than the uncertainty in the figures.",
                nn: "ingen endringar \(span.nn) er større enn usikkerheita i tala.")
        if let name { return "\(name): \(sentence)" }
        return sentence.prefix(1).uppercased() + sentence.dropFirst()
    }
}

// Run warnings (RunWarning), stated in the report's language. Names, labels, group lists and
// numbers come in already formatted; `source` is the source name as the pipeline declares it.
extension Strings {
    /// Why a group has no value.
    func reason(_ r: RunWarning.Reason) -> String {
        switch r {
        case .noPublishedRecord:
            return t("ingen publiserte journalposter", "no published record", nn: "ingen publiserte journalpostar")
        case .noParticipant: return t("ingen deltakere", "no participant", nn: "ingen deltakarar")
        case .fewerThanTwoParticipants:
            return t("færre enn 2 deltakere", "fewer than 2 participants", nn: "færre enn 2 deltakarar")
        case .noRespondentWithScore:
            return t("ingen respondenter med skår", "no respondent with a score", nn: "ingen respondentar med skår")
        case .singleItemScale:
            return t("skalaen har bare ett spørsmål", "a scale of one item", nn: "skalaen har berre eitt spørsmål")
        case .fewerThanTwoCompleteCases:
            return t(
                "færre enn 2 fullstendige svar", "fewer than 2 complete cases", nn: "færre enn 2 fullstendige svar")
        case .zeroVariance:
            return t(
                "totalskåren varierer ikke", "zero variance of the total score", nn: "totalskåren varierer ikkje")
        case .noDatasetRecord:
            return t("ingen poster av typen datasett", "no dataset record", nn: "ingen postar av typen datasett")
        case .everyRequestUndecided:
            return t(
                "ingen krav var avgjort på uttrekksdatoen", "every request undecided at the extraction date",
                nn: "ingen krav var avgjorde på uttrekksdatoen")
        case .noAnsweredRequest:
            return t("ingen besvarte innsynskrav", "no answered request", nn: "ingen innsynskrav med svar")
        case .noAnsweredRequestWithOutcome:
            return t(
                "ingen besvarte innsynskrav med utfall", "no answered request with an outcome",
                nn: "ingen innsynskrav med svar og utfall")
        case .notFinite: return t("ikke et endelig tall", "not a finite number", nn: "ikkje eit endeleg tal")
        case .noRespondentInDomain:
            return t("ingen respondenter i gruppen", "no respondent in the group", nn: "ingen respondentar i gruppa")
        case .populationUnknown: return t("folketallet er ukjent", "population unknown", nn: "folketalet er ukjent")
        case .populationNotPositiveOrConflicting:
            return t(
                "folketallet er ikke positivt eller er motstridende", "population not positive or conflicting",
                nn: "folketalet er ikkje positivt eller er motstridande")
        case .sourceWithout(let c):
            return t(
                "en kilde mangler kolonnen «\(c)»", "a source without the “\(c)” column",
                nn: "ei kjelde manglar kolonnen «\(c)»")
        case .customNoRows: return t("ingen rader", "no rows", nn: "ingen rader")
        case .customNoneWhere:
            return t(
                "ingen rader oppfyller where (nevneren er 0)", "no rows match where (the denominator is 0)",
                nn: "ingen rader oppfyller where (nemnaren er 0)")
        case .customNonePer:
            return t(
                "ingen rader oppfyller per (nevneren er 0)", "no rows match per (the denominator is 0)",
                nn: "ingen rader oppfyller per (nemnaren er 0)")
        case .customNoValues:
            return t(
                "ingen verdier av of blant radene som oppfyller where",
                "no values of of among the rows matching where",
                nn: "ingen verdiar av of blant radene som oppfyller where")
        case .customNoWeights:
            return t(
                "ingen rader med både of og weight, eller vektene summerer til 0",
                "no rows with both of and weight, or the weights sum to 0",
                nn: "ingen rader med både of og weight, eller vektene summerer seg til 0")
        }
    }

    /// Before a list of years in a warning: «Bodø i 2021–2024».
    var inYears: String { t("i", "in", nn: "i") }

    /// «3 rader» / «1 rad»: a count of rows.
    func rows(_ n: Int) -> String {
        n == 1 ? t("1 rad", "1 row", nn: "1 rad") : t("\(n) rader", "\(n) rows", nn: "\(n) rader")
    }

    /// One warning as a sentence. `source` is where it arose (a source, or a custom indicator's
    /// quoted label), `label` the indicator's (or the component's, or the municipality's) label,
    /// `index` the composite's label, `groups` the formatted list of municipalities (and years),
    /// `number` the formatted number the kind carries (r, a share of the weight), `date` its date.
    func warning(
        _ w: RunWarning, source src: String, label: String, index: String, groups: String, number: String,
        year: String
    ) -> String {
        let column = w.column ?? ""
        let count = w.count ?? 0
        switch w.kind {
        case .noValue:
            let why = w.reason.map(reason) ?? ""
            return t(
                "«\(label)» har ingen verdi for \(groups): \(why).", "“\(label)” has no value for \(groups): \(why).",
                nn: "«\(label)» har ingen verdi for \(groups): \(why).")
        case .columnAbsent:
            return t(
                "«\(label)» har ingen verdi for noen kommune: \(src) mangler kolonnen «\(column)» (en kolonne som mangler, er ukjent, ikke tom).",
                "“\(label)” has no value for any municipality: \(src) has no “\(column)” column (an absent column is unknown, not empty).",
                nn:
                    "«\(label)» har ingen verdi for nokon kommune: \(src) manglar kolonnen «\(column)» (ein kolonne som manglar, er ukjent, ikkje tom)."
            )
        case .rowsWithoutGroup:
            return count == 1
                ? t(
                    "\(src): 1 rad uten kommune eller år ble holdt utenfor.",
                    "\(src): 1 row without a municipality or year was left out.",
                    nn: "\(src): 1 rad utan kommune eller år vart halden utanfor.")
                : t(
                    "\(src): \(count) rader uten kommune eller år ble holdt utenfor.",
                    "\(src): \(count) rows without a municipality or year were left out.",
                    nn: "\(src): \(count) rader utan kommune eller år vart haldne utanfor.")
        case .populationUnknown:
            return t(
                "\(src): folketallet er ukjent (tomt) for \(groups); radene er hoppet over.",
                "\(src): population unknown (empty) for \(groups); the rows are skipped.",
                nn: "\(src): folketalet er ukjent (tomt) for \(groups); radene er hoppa over.")
        case .populationConflict:
            return t(
                "\(src): motstridende folketall for \(groups), regnet som ukjent.",
                "\(src): conflicting population values for \(groups), treated as unknown.",
                nn: "\(src): motstridande folketal for \(groups), rekna som ukjent.")
        case .noRecordType:
            return t(
                "\(src): kolonnen record_type mangler, så ingen poster regnes som datasett.",
                "\(src): no record_type column, so no record counts as a dataset.",
                nn: "\(src): kolonnen record_type manglar, så ingen postar blir rekna som datasett.")
        case .undecidedRequests:
            let date = w.text ?? ""
            return t(
                "\(src): \(count) ubesvarte innsynskrav mottatt innen 5 arbeidsdager før filens siste dato (\(date)) regnes som ikke besvart i tide; oppgi extracted: ÅÅÅÅ-MM-DD for å holde uavgjorte krav utenfor.",
                "\(src): \(count) unanswered requests received within 5 working days of the file's latest date (\(date)) count as not answered in time; declare extracted: YYYY-MM-DD to leave undecided requests out.",
                nn:
                    "\(src): \(count) innsynskrav utan svar, mottekne innan 5 arbeidsdagar før den siste datoen i fila (\(date)), blir rekna som ikkje svara på i tide; set extracted: ÅÅÅÅ-MM-DD for å halde uavgjorde krav utanfor."
            )
        case .customColumnAbsent:
            return t(
                "«\(label)»: en tabell i kilden \(src) mangler kolonnen «\(column)», som derfor mangler på alle tabellens \(rows(count)).",
                "“\(label)”: a table of source \(src) has no “\(column)” column, so it is missing on all its \(rows(count)).",
                nn:
                    "«\(label)»: ein tabell i kjelda \(src) manglar kolonnen «\(column)», som difor manglar på alle \(rows(count)) i tabellen."
            )
        case .componentNoRows:
            return t(
                "\(index): komponenten «\(label)» har ingen rader og regnes som manglende overalt.",
                "\(index): component “\(label)” has no rows; it counts as missing everywhere.",
                nn: "\(index): komponenten «\(label)» har ingen rader og blir rekna som manglande overalt.")
        case .componentWinsorised:
            return t(
                "\(index): komponenten «\(label)» ble winsorisert i \(year): \(groups).",
                "\(index): component “\(label)” was winsorised in \(year): \(groups).",
                nn: "\(index): komponenten «\(label)» vart winsorisert i \(year): \(groups).")
        case .componentNoSpread:
            let when =
                w.year == nil
                ? t("over alle år", "over all years", nn: "over alle år")
                : t(
                    "i \(year)", "in \(year)", nn: "i \(year)")
            return t(
                "\(index): komponenten «\(label)» varierer ikke \(when) (\(count) verdier), så z-skårene er 0.",
                "\(index): component “\(label)” has no spread \(when) (\(count) values), so its z-scores are 0.",
                nn: "\(index): komponenten «\(label)» varierer ikkje \(when) (\(count) verdiar), så z-skårane er 0.")
        case .negativeCorrelation:
            return t(
                "\(index): komponenten «\(label)» er negativt korrelert med indeksen i \(year) (r = \(number)); kontroller retningen.",
                "\(index): component “\(label)” is negatively correlated with the index in \(year) (r = \(number)); check its direction.",
                nn:
                    "\(index): komponenten «\(label)» er negativt korrelert med indeksen i \(year) (r = \(number)); kontroller retninga."
            )
        case .weightTooLow:
            return t(
                "\(index): ingen indeks i \(year) for \(groups): tilgjengelig komponentvekt er under \(number) av totalen.",
                "\(index): no index in \(year) for \(groups): available component weight below \(number) of the total.",
                nn:
                    "\(index): ingen indeks i \(year) for \(groups): tilgjengeleg komponentvekt er under \(number) av totalen."
            )
        case .municipalitySplit:
            return t(
                "\(label) er delt mellom \(groups) i kommuneinndelingen per 1. januar \(year); radene beholder kommunenummeret (METHODS §8).",
                "\(label) is divided between \(groups) in the municipal structure of 1 January \(year); its rows keep their number (METHODS §8).",
                nn:
                    "\(label) er delt mellom \(groups) i kommuneinndelinga per 1. januar \(year); radene held på kommunenummeret (METHODS §8)."
            )
        case .groupMemberWithoutData:
            let many = w.groups.count > 1
            return t(
                "Sammenligningsgruppen «\(src)»: \(groups) har ingen rader i datagrunnlaget, så gruppen bygger på de andre medlemmene.",
                "Comparison group “\(src)”: \(groups) \(many ? "have" : "has") no rows in the data, so the group pools the other members.",
                nn:
                    "Samanlikningsgruppa «\(src)»: \(groups) har ingen rader i datagrunnlaget, så gruppa byggjer på dei andre medlemmene."
            )
        case .municipalityUnknown:
            return t(
                "Kommunenummeret \(label) finnes ikke i noen versjon av SSBs klassifikasjon 131 og er beholdt som skrevet.",
                "Municipality number \(label) is in no version of Statistics Norway's classification 131 and is kept as written.",
                nn:
                    "Kommunenummeret \(label) finst ikkje i nokon versjon av klassifikasjon 131 frå SSB og står slik det er skrive."
            )
        case .other:
            return w.text ?? ""
        }
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
