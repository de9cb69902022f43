import ApenCore
import Testing

@testable import Indicators

/// Each family on inputs small enough to check on paper; the arithmetic is in the comments.
struct BuiltinIndicatorsFamilyTests {
    private func value(_ out: IndicatorOutput, _ id: String, _ muni: String = "5001", _ year: Int = 2024)
        -> IndicatorRow?
    {
        out.rows.first { $0.indicator == id && $0.municipality == muni && $0.year == year }
    }

    // Scale "trust" = q1, q2, q3 (q3 reversed), Likert 1–5, ⌈3/2⌉ = 2 answers needed.
    // r1: 5, 4, 2→4: score 13/3, y = 100·(13/3 − 1)/4 = 250/3 ≈ 83.33, agree (13/3 > 3). w = 2.
    // r2: 1, _, 5→1: score 1, y = 0, no agreement. w = 1.
    // r3: 3, _, _ : one answer < 2 → no score (not in n). w = 1.
    // r4: 3, 3, 3→3: score 3, y = 50, at the midpoint: no agreement. w = 1.
    // Index: Σw = 4, Σwy = 500/3 + 0 + 50 = 650/3, ȳ = 650/12 = 54.1666…; n = 3.
    // Agree: Σw·agree = 2, share = 2/4 = 0.5.
    // Alpha over complete cases r1, r4 (after reversal): items (5,3), (4,3), (4,3):
    //   s² = 2, 0.5, 0.5; T = (13, 9), s_T² = 8; α = 3/2·(1 − 3/8) = 15/16 = 0.9375.
    // Responses: 4 rows.
    static let survey = """
        municipality,year,q1,q2,q3,weight
        5001,2024,5,4,2,2
        5001,2024,1,,5,1
        5001,2024,3,,,1
        5001,2024,3,3,3,1
        """

    @Test func surveyByHand() throws {
        let t = FixtureTables.table(Self.survey, kind: .survey, numbers: ["q1", "q2", "q3"])
        let settings = SurveySettings(scales: [ScaleSpec(name: "trust", items: ["q1", "q2", "q3"], reverse: ["q3"])])
        let out = try BuiltinIndicators.compute(
            .survey, inputs: IndicatorInputs(surveys: [SurveyInput(table: t, settings: settings)]))
        let index = try #require(value(out, "survey.trust.index"))
        #expect(close(index.value, 650.0 / 12.0))
        #expect(index.n == 3)
        // z = w(y − ȳ)/Σw over the 3 scored; no design, so the wave is one stratum of 4 PSUs
        // (the unscored r3 is one too, METHODS r2 §2): SE² = 4/3·Σz², df = 3 − 1 = 2,
        // t_{0.975, 2} = 4.302652729749464 (mpmath: (2p − 1)/√(2p(1 − p))).
        let ybar = 650.0 / 12.0
        let z = [2 * (250.0 / 3 - ybar) / 4, (0 - ybar) / 4, (50 - ybar) / 4]
        let se = (4.0 / 3.0 * z.map { $0 * $0 }.reduce(0, +)).squareRoot()
        #expect(close(index.se, se))
        #expect(index.df == 2)
        #expect(close(index.ciLow, ybar - 4.302652729749464 * se))
        #expect(index.flags == [.lowN, .dfBelow8])
        #expect(close(value(out, "survey.trust.agree_share")?.value, 0.5))
        #expect(value(out, "survey.trust.agree_share")?.n == 3)
        let alpha = try #require(value(out, "survey.trust.alpha"))
        #expect(close(alpha.value, 0.9375))
        #expect(alpha.n == 2)
        #expect(value(out, "survey.responses")?.value == 4)
        #expect(value(out, "survey.responses")?.n == 4)
        #expect(value(out, "survey.responses")?.se == nil)
    }

    // One scored respondent: a value, but no SE or interval (n < 2).
    @Test func singleRespondentHasNoInterval() throws {
        let t = FixtureTables.table("municipality,year,q1\n0301,2023,4\n0301,2023,\n", kind: .survey, numbers: ["q1"])
        let settings = SurveySettings(scales: [ScaleSpec(name: "s", items: ["q1"])])
        let out = try BuiltinIndicators.compute(
            .survey, inputs: IndicatorInputs(surveys: [SurveyInput(table: t, settings: settings)]))
        let row = try #require(value(out, "survey.s.index", "0301", 2023))
        #expect(row.value == 75 && row.n == 1 && row.se == nil && row.ciLow == nil && row.ciHigh == nil)
        // A one-item scale has no alpha.
        #expect(
            out.warnings.contains {
                $0.message.contains("survey.s.alpha: no value (a scale of one item) for 0301/2023")
            })
    }

    // A missing code (9) that reached the indicators is still missing: r1 = (2, 9) → score 2 (one of
    // two answers is enough), r2 = (4, 4) → 4. Index: y = 25 and 75 → 50. Alpha: one complete case → none.
    // A NaN weight (ingest rejects it) must not leak a NaN: r3 in 5006 gives no row and a warning.
    @Test func missingCodesAndBadWeightsNeverReachAnOutput() throws {
        let t = FixtureTables.table(
            """
            municipality,year,q1,q2,weight
            5001,2024,2,9,1
            5001,2024,4,4,1
            5006,2024,4,4,
            """, kind: .survey, numbers: ["q1", "q2"])
        let settings = SurveySettings(scales: [ScaleSpec(name: "s", items: ["q1", "q2"])])
        let out = try BuiltinIndicators.compute(
            .survey, inputs: IndicatorInputs(surveys: [SurveyInput(table: t, settings: settings)]))
        #expect(value(out, "survey.s.index")?.value == 50)
        #expect(value(out, "survey.s.alpha") == nil)
        #expect(value(out, "survey.s.index", "5006") == nil)
        #expect(out.warnings.contains { $0.message == "survey.s.index: no value (not a finite number) for 5006/2024" })
        #expect(out.rows.allSatisfy { $0.value.isFinite })
    }

    // Declared strata/PSU columns missing from the table: an error naming the column.
    @Test func missingDesignColumnIsAnError() {
        let t = FixtureTables.table("municipality,year,q1\n0301,2023,4\n", kind: .survey, numbers: ["q1"])
        let settings = SurveySettings(scales: [ScaleSpec(name: "s", items: ["q1"])], hasStrata: true)
        let error = #expect(throws: Diagnostic.self) {
            try BuiltinIndicators.compute(
                .survey, inputs: IndicatorInputs(surveys: [SurveyInput(table: t, settings: settings)]))
        }
        #expect(error?.location.field == "stratum")
        #expect(error?.description.contains("municipality, q1, year") == true)
    }

    // 5001 in 2024: a: 3 actions in i1, i1, i2 (two initiatives); b: 1 action in i1; c: 2 actions in i3, (none).
    // participants 3; actions 6 → 2 per participant; repeat: only a → 1/3.
    // Gini of [1, 2, 3]: Σix = 1+4+9 = 14, Σx = 6, G = 28/18 − 4/3 = 2/9.
    // Population 2024 = 1500 → 3/1500·1000 = 2. The 2023 row (d) has no population → warning.
    static let engagement = """
        municipality,date,participant_id,initiative_id
        5001,2024-01-05,a,i1
        5001,2024-02-05,a,i1
        5001,2024-03-05,a,i2
        5001,2024-03-05,b,i1
        5001,2024-12-31,c,i3
        5001,2024-06-01,c,
        5001,2023-12-31,d,i1
        """

    @Test func engagementByHand() throws {
        let t = FixtureTables.table(Self.engagement, kind: .engagement)
        let pop = FixtureTables.table("municipality,year,population\n5001,2024,1500\n", kind: .population)
        let out = try BuiltinIndicators.compute(
            .engagement, inputs: IndicatorInputs(engagement: [t], population: [pop]))
        #expect(value(out, "engagement.participants")?.value == 3)
        #expect(value(out, "engagement.actions_per_participant")?.value == 2)
        #expect(close(value(out, "engagement.repeat_share")?.value, 1.0 / 3))
        #expect(close(value(out, "engagement.gini")?.value, 2.0 / 9))
        #expect(close(value(out, "engagement.participants_per_1000")?.value, 2))
        #expect(out.rows.filter { $0.year == 2024 }.allSatisfy { $0.n == 3 })
        #expect(value(out, "engagement.participants", "5001", 2023)?.value == 1)
        #expect(value(out, "engagement.participants_per_1000", "5001", 2023) == nil)
        #expect(
            out.warnings.contains {
                $0.message == "engagement.participants_per_1000: no value (population unknown) for 5001/2023"
            })
    }

    @Test func noInitiativeColumnMeansNoRepeatShare() throws {
        let t = FixtureTables.table(
            "municipality,date,participant_id\n5001,2024-01-05,a\n5001,2024-01-06,b\n", kind: .engagement)
        let out = try BuiltinIndicators.compute(.engagement, inputs: IndicatorInputs(engagement: [t]))
        #expect(!out.rows.contains { $0.indicator == "engagement.repeat_share" })
        #expect(value(out, "engagement.gini")?.value == 0)  // [1, 1]: 2·3/(2·2) − 3/2 = 0
    }

    // Two tables pooled: participant "a" appears in both and is one person; group 5001/2024.
    @Test func tablesArePooledByText() throws {
        let t1 = FixtureTables.table(
            "municipality,date,participant_id\n5001,2024-01-05,a\n5001,2024-01-06,b\n", kind: .engagement, source: "one"
        )
        let t2 = FixtureTables.table(
            "municipality,date,participant_id\n5001,2024-02-05,c\n5001,2024-02-06,a\n", kind: .engagement, source: "two"
        )
        let out = try BuiltinIndicators.compute(
            .engagement, inputs: IndicatorInputs(engagement: [t1, t2]),
            select: { $0 == "engagement.participants" })
        #expect(out.rows.map(\.value) == [3])
        #expect(out.rows.count == 1)
    }

    // One table without initiative_id in a group: no repeat share there (a warning), but still
    // in a group fed only by the table that has it.
    @Test func repeatShareNeedsTheColumnInEveryTableOfTheGroup() throws {
        let t1 = FixtureTables.table(
            "municipality,date,participant_id,initiative_id\n5001,2024-01-05,a,i1\n5001,2024-01-06,a,i2\n0301,2024-01-01,b,i1\n",
            kind: .engagement)
        let t2 = FixtureTables.table("municipality,date,participant_id\n5001,2024-02-05,c\n", kind: .engagement)
        let out = try BuiltinIndicators.compute(.engagement, inputs: IndicatorInputs(engagement: [t1, t2]))
        #expect(value(out, "engagement.repeat_share") == nil)
        #expect(value(out, "engagement.repeat_share", "0301")?.value == 0)
        #expect(
            out.warnings.contains {
                $0.message == "engagement.repeat_share: no value (a source without initiative_id) for 5001/2024"
            })
    }

    // Two survey sources for the same municipality and year are pooled: index over 4 respondents,
    // y = 0, 50, 100, 100 (q1 = 1, 3, 5, 5 on 1–5) → mean 62.5; responses 4. (Each source is its
    // own wave; a wave of one respondent would be a stratum with a single PSU.)
    @Test func surveySourcesArePooled() throws {
        let a = FixtureTables.table("municipality,year,q1\n5001,2024,1\n5001,2024,3\n", kind: .survey, numbers: ["q1"])
        let b = FixtureTables.table("municipality,year,q1\n5001,2024,5\n5001,2024,5\n", kind: .survey, numbers: ["q1"])
        let settings = SurveySettings(scales: [ScaleSpec(name: "s", items: ["q1"])])
        let out = try BuiltinIndicators.compute(
            .survey,
            inputs: IndicatorInputs(surveys: [
                SurveyInput(table: a, settings: settings), SurveyInput(table: b, settings: settings),
            ]))
        #expect(value(out, "survey.s.index")?.value == 62.5)
        #expect(value(out, "survey.s.index")?.n == 4)
        // df: 4 PSUs in 2 strata (one per source) − 2 = 2.
        #expect(value(out, "survey.s.index")?.df == 2)
        #expect(value(out, "survey.responses")?.value == 4)
    }

    // 0301/2024, 5 records:
    //   r1 open, published after 0 days; r2 open, not published; r3 exempt; r4 partial, 10 days; r5 open, 4 days.
    // open_share = (r1, r5) 2/5; exempt_share = 1/5.
    // Lags sorted [0, 4, 10]: median = 4; p90: h = 2·0.9 = 1.8 → 4 + 0.8·(10 − 4) = 8.8; n = 3.
    static let publications = """
        municipality,registered,published,access,record_type,format,licence,linked
        0301,2024-03-01,2024-03-01,open,journalpost,,,
        0301,2024-03-02,,open,journalpost,,,
        0301,2024-03-03,,exempt,journalpost,,,
        0301,2024-12-28,2025-01-07,partial,dataset,csv,NLOD-2.0,
        0301,2024-05-01,2024-05-05,open,dataset,TTL,cc0-1.0,yes
        """

    @Test func publicationsByHand() throws {
        let t = FixtureTables.table(Self.publications, kind: .publications)
        let out = try BuiltinIndicators.compute(.publication, inputs: IndicatorInputs(publications: [t]))
        #expect(close(value(out, "publication.open_share", "0301")?.value, 0.4))
        #expect(value(out, "publication.open_share", "0301")?.n == 5)
        #expect(close(value(out, "publication.exempt_share", "0301")?.value, 0.2))
        #expect(value(out, "publication.lag_median_days", "0301")?.value == 4)
        #expect(close(value(out, "publication.lag_p90_days", "0301")?.value, 8.8))
        #expect(value(out, "publication.lag_p90_days", "0301")?.n == 3)
        // Datasets r4 (open licence, csv: 3 stars) and r5 (open, linked RDF: 5 stars): mean 4, both open.
        let od = try BuiltinIndicators.compute(.opendata, inputs: IndicatorInputs(publications: [t]))
        #expect(value(od, "opendata.open_licence_share", "0301")?.value == 1)
        #expect(value(od, "opendata.stars_mean", "0301")?.value == 4)
        #expect(value(od, "opendata.stars_mean", "0301")?.n == 2)
    }

    // 5006/2024, 5 requests (2024 working days; see NorwegianCalendarTests):
    //   q1 Wed 27 Mar → Tue 2 Apr: 1 workday, granted.
    //   q2 Fri 3 May → Fri 17 May: 8 workdays, denied.
    //   q3 Mon 23 Dec → Thu 2 Jan 2025: 5 workdays, partial.
    //   q4 Wed 5 Jun → same day: 0, granted.
    //   q5 not answered.
    // within 3: q1, q4 → 2/5; within 5: q1, q3, q4 → 3/5; median of [0, 1, 5, 8] = (1 + 5)/2 = 3, n = 4;
    // granted share (granted + partial)/answered = 3/4.
    static let requests = """
        municipality,received,answered,outcome
        5006,2024-03-27,2024-04-02,granted
        5006,2024-05-03,2024-05-17,denied
        5006,2024-12-23,2025-01-02,partial
        5006,2024-06-05,2024-06-05,granted
        5006,2024-06-05,,
        """

    @Test func accessRequestsByHand() throws {
        let t = FixtureTables.table(Self.requests, kind: .accessRequests)
        let out = try BuiltinIndicators.compute(.foi, inputs: IndicatorInputs(accessRequests: [t]))
        #expect(close(value(out, "foi.within_3_workdays_share", "5006")?.value, 0.4))
        #expect(close(value(out, "foi.within_5_workdays_share", "5006")?.value, 0.6))
        #expect(value(out, "foi.within_5_workdays_share", "5006")?.n == 5)
        #expect(value(out, "foi.median_workdays", "5006")?.value == 3)
        #expect(value(out, "foi.median_workdays", "5006")?.n == 4)
        #expect(value(out, "foi.granted_share", "5006")?.value == 0.75)
        #expect(value(out, "foi.granted_share", "5006")?.n == 4)
    }

    @Test func rowsAreInCanonicalOrderAndSelectionIsHonoured() throws {
        let t = FixtureTables.table(Self.engagement + "\n0301,2024-01-01,z,i1\n", kind: .engagement)
        let out = try BuiltinIndicators.compute(
            .engagement, inputs: IndicatorInputs(engagement: [t]),
            select: { $0.hasSuffix("participants") || $0 == "engagement.gini" })
        #expect(out.rows == out.rows.canonicallySorted())
        #expect(Set(out.rows.map(\.indicator)) == ["engagement.participants", "engagement.gini"])
        // engagement.gini sorts first; 0301 has one participant, so no Gini row there.
        #expect(
            out.rows.map { "\($0.indicator) \($0.municipality) \($0.year)" } == [
                "engagement.gini 5001 2024", "engagement.participants 0301 2024",
                "engagement.participants 5001 2023", "engagement.participants 5001 2024",
            ])
        #expect(try BuiltinIndicators.compute(.foi, inputs: IndicatorInputs(), select: { _ in false }).rows.isEmpty)
    }

    @Test func missingRequiredColumnIsAnError() {
        let t = FixtureTables.table("municipality,received\n5006,2024-01-01\n", kind: .accessRequests)
        #expect(throws: Never.self) {
            try BuiltinIndicators.compute(.foi, inputs: IndicatorInputs(accessRequests: [t]))
        }
        let p = FixtureTables.table(
            "municipality,registered\n5006,2024-01-01\n", kind: .publications, source: "journal")
        let error = #expect(throws: Diagnostic.self) {
            try BuiltinIndicators.compute(.publication, inputs: IndicatorInputs(publications: [p]))
        }
        #expect(
            error?.description
                == "journal: field 'access': required publications column 'access' is missing or has the wrong type (columns: municipality, registered)"
        )
    }
}
