import ApenCore
import Testing

@testable import Indicators

/// The seven measures of custom indicators (Custom/CustomIndicators.swift), each computed by
/// hand on the small tables below.
@Suite struct CustomIndicatorsTests {
    // Engagement, two tables of one source (a file per year, say).
    //  table 1: municipality date        participant channel action
    //   r0      5001         2019-03-01  p1          web     comment
    //   r1      5001         2019-05-01  p2          web     vote
    //   r2      5001         2019-06-01  p1          meeting comment
    //   r3      5001         2020-01-10  p3          web     vote
    //   r4      5006         2019-02-02  p9          meeting vote
    //   r5      5006         2019-02-03  –           web     comment
    //  table 2:
    //   s0      5001         2019-12-31  p2          web     comment
    //   s1      5006         2019-04-04  p9          web     vote
    static let engagement1 = CustomTestTables.table(
        .engagement,
        [
            "municipality": CustomTestTables.text(["5001", "5001", "5001", "5001", "5006", "5006"]),
            "date": CustomTestTables.date([
                "2019-03-01", "2019-05-01", "2019-06-01", "2020-01-10", "2019-02-02", "2019-02-03",
            ]),
            "participant_id": CustomTestTables.text(["p1", "p2", "p1", "p3", "p9", nil]),
            "channel": CustomTestTables.text(["web", "web", "meeting", "web", "meeting", "web"]),
            "action": CustomTestTables.text(["comment", "vote", "comment", "vote", "vote", "comment"]),
        ], source: "engagement")
    // Dictionaries deliberately in another order than table 1's.
    static let engagement2 = CustomTestTables.table(
        .engagement,
        [
            "municipality": CustomTestTables.text(["5001", "5006"]).reversedRows(),
            "date": CustomTestTables.date(["2019-12-31", "2019-04-04"]),
            "participant_id": CustomTestTables.text(["p2", "p9"]).reversedRows(),
            "channel": CustomTestTables.text(["web", "web"]),
            "action": CustomTestTables.text(["comment", "vote"]).reversedRows(),
        ], source: "engagement")

    static func def(_ measure: CustomIndicator.Measure, _ configure: (inout CustomIndicator) -> Void = { _ in })
        -> CustomIndicator
    {
        var d = CustomIndicator(id: "x.custom", source: "engagement", measure: measure)
        configure(&d)
        return d
    }

    static func row(_ m: String, _ y: Int, _ b: String = "", _ v: Double, _ n: Int) -> IndicatorRow {
        IndicatorRow(indicator: "x.custom", municipality: m, year: y, breakdown: b, value: v, n: n)
    }

    static func engagement(_ d: CustomIndicator, jobs: Int = 1) throws -> IndicatorOutputRows {
        try CustomIndicators.compute(d, tables: [engagement1, engagement2], jobs: jobs)
    }

    @Test func countWithBreakdown() throws {
        let out = try Self.engagement(
            Self.def(.count) {
                $0.filter = "action == 'comment'"
                $0.by = "channel"
            })
        // Comments: 5001/2019 r0, r2, s0 = 3 (web r0, s0 = 2; meeting r2 = 1); 5001/2020 none = 0
        // (r3 is a vote, web); 5006/2019 r5 = 1 (web r5 = 1; meeting r4 is a vote = 0).
        #expect(
            out.rows == [
                Self.row("5001", 2019, "", 3, 3), Self.row("5001", 2019, "channel=meeting", 1, 1),
                Self.row("5001", 2019, "channel=web", 2, 2),
                Self.row("5001", 2020, "", 0, 0), Self.row("5001", 2020, "channel=web", 0, 0),
                Self.row("5006", 2019, "", 1, 1), Self.row("5006", 2019, "channel=meeting", 0, 0),
                Self.row("5006", 2019, "channel=web", 1, 1),
            ])
        #expect(out.warnings.isEmpty)
    }

    @Test func distinct() throws {
        let out = try Self.engagement(Self.def(.distinct) { $0.of = "participant_id" })
        // 5001/2019: p1, p2, p1, p2 → 2; 5001/2020: p3 → 1; 5006/2019: p9, (missing), p9 → 1.
        #expect(
            out.rows == [
                Self.row("5001", 2019, "", 2, 2), Self.row("5001", 2020, "", 1, 1), Self.row("5006", 2019, "", 1, 1),
            ])
    }

    @Test func share() throws {
        let out = try Self.engagement(Self.def(.share) { $0.of = "action == 'vote'" })
        // 5001/2019: r1 of r0 r1 r2 s0 → 1/4; 5001/2020: r3 → 1/1; 5006/2019: r4, s1 of r4 r5 s1 → 2/3.
        #expect(
            out.rows == [
                Self.row("5001", 2019, "", 1.0 / 4.0, 4), Self.row("5001", 2020, "", 1, 1),
                Self.row("5006", 2019, "", 2.0 / 3.0, 3),
            ])
    }

    @Test func shareWithEmptyDenominatorWarns() throws {
        let out = try Self.engagement(
            Self.def(.share) {
                $0.of = "action == 'vote'"
                $0.filter = "channel == 'meeting'"
            })
        // Meeting rows: 5001/2019 r2 (comment) → 0/1; 5006/2019 r4 (vote) → 1/1; 5001/2020 has none → no row.
        #expect(out.rows == [Self.row("5001", 2019, "", 0, 1), Self.row("5006", 2019, "", 1, 1)])
        #expect(out.warnings.count == 1)
        #expect(out.warnings.first?.severity == .warning)
        #expect(out.warnings.first?.description.contains("no value for 1 group(s) (5001 2020)") == true)
    }

    @Test func ratio() throws {
        let out = try Self.engagement(
            Self.def(.ratio) {
                $0.of = "action == 'comment'"
                $0.per = "action == 'vote'"
            })
        // 5001/2019: comments r0 r2 s0 = 3, votes r1 = 1 → 3 (n 1); 5001/2020: 0/1 → 0;
        // 5006/2019: comments r5 = 1, votes r4 s1 = 2 → 0.5 (n 2).
        #expect(
            out.rows == [
                Self.row("5001", 2019, "", 3, 1), Self.row("5001", 2020, "", 0, 1), Self.row("5006", 2019, "", 0.5, 2),
            ])
    }

    // Survey rows:  municipality year q1 weight
    //   0           5001         2019 4  1
    //   1           5001         2019 2  3
    //   2           5001         2019 –  2
    //   3           5001         2019 5  1
    //   4           5006         2019 3  2
    //   5           5006         2020 –  1
    static let survey = CustomTestTables.table(
        .survey,
        [
            "municipality": CustomTestTables.text(["5001", "5001", "5001", "5001", "5006", "5006"]),
            "year": CustomTestTables.number([2019, 2019, 2019, 2019, 2019, 2020]),
            "q1": CustomTestTables.number([4, 2, nil, 5, 3, nil]),
            "weight": CustomTestTables.number([1, 3, 2, 1, 2, 1]),
        ], source: "survey")

    @Test(arguments: [
        // mean q1: 5001/2019 (4 + 2 + 5)/3 = 11/3, n 3; 5006/2019 3, n 1; 5006/2020 none → warning.
        (def(.mean) { $0.of = "q1" }, [row("5001", 2019, "", 11.0 / 3.0, 3), row("5006", 2019, "", 3, 1)], 1),
        // where q1 >= 3: (4 + 5)/2 = 4.5, n 2.
        (
            def(.mean) {
                $0.of = "q1"
                $0.filter = "q1 >= 3"
            }, [row("5001", 2019, "", 4.5, 2), row("5006", 2019, "", 3, 1)], 1
        ),
        // weighted: (4·1 + 2·3 + 5·1)/(1 + 3 + 1) = 15/5 = 3, n 3 (row 2 has no q1).
        (
            def(.weightedMean) {
                $0.of = "q1"
                $0.weight = "weight"
            }, [row("5001", 2019, "", 3, 3), row("5006", 2019, "", 3, 1)], 1
        ),
        // p 0.9 of [2, 4, 5]: h = 2·0.9 = 1.8 → 4 + 0.8·(5 − 4) = 4.8.
        (
            def(.quantile) {
                $0.of = "q1"
                $0.p = 0.9
            }, [row("5001", 2019, "", 4 + 0.8 * (5 - 4), 3), row("5006", 2019, "", 3, 1)], 1
        ),
        // p 0.5 of [2, 4, 5] = 4.
        (
            def(.quantile) {
                $0.of = "q1"
                $0.p = 0.5
            }, [row("5001", 2019, "", 4, 3), row("5006", 2019, "", 3, 1)], 1
        ),
        // by a number column: weight 1 → q1 4, 5 → 4.5; weight 3 → 2; weight 2 → only row 2 (missing) → warning;
        // 5006/2019 weight 2 → 3; 5006/2020 weight 1 → missing → warning.
        (
            def(.mean) {
                $0.of = "q1"
                $0.by = "weight"
            },
            [
                row("5001", 2019, "", 11.0 / 3.0, 3), row("5001", 2019, "weight=1", 4.5, 2),
                row("5001", 2019, "weight=3", 2, 1),
                row("5006", 2019, "", 3, 1), row("5006", 2019, "weight=2", 3, 1),
            ], 1
        ),
        // count by year (a number): the breakdown equals the year.
        (
            def(.count) { $0.by = "year" },
            [
                row("5001", 2019, "", 4, 4), row("5001", 2019, "year=2019", 4, 4), row("5006", 2019, "", 1, 1),
                row("5006", 2019, "year=2019", 1, 1), row("5006", 2020, "", 1, 1), row("5006", 2020, "year=2020", 1, 1),
            ], 0
        ),
    ])
    func surveyMeasures(def: CustomIndicator, expected: [IndicatorRow], warnings: Int) throws {
        var d = def
        d.source = "survey"
        let out = try CustomIndicators.compute(d, table: Self.survey, jobs: 2)
        #expect(out.rows == expected)
        #expect(out.warnings.count == warnings)
    }

    @Test func undefinedGroupsAreListed() throws {
        let out = try CustomIndicators.compute(
            Self.def(.mean) {
                $0.of = "q1"
                $0.by = "weight"
            }, table: Self.survey, jobs: 1)
        #expect(
            out.warnings.map(\.description) == [
                "custom 'x.custom': no value for 3 group(s) (5001 2019 [weight=2]; 5006 2020; 5006 2020 [weight=1]): no non-missing values of 'of' among the rows matching 'where'"
            ])
    }

    @Test func breakdownByDate() throws {
        let out = try Self.engagement(
            Self.def(.count) {
                $0.by = "date"
                $0.filter = "municipality == '5006'"
            })
        // 5006 rows: r4 2019-02-02, r5 2019-02-03, s1 2019-04-04; 5001 groups count 0 with their dates.
        let rows5006 = out.rows.filter { $0.municipality == "5006" }
        #expect(
            rows5006 == [
                Self.row("5006", 2019, "", 3, 3), Self.row("5006", 2019, "date=2019-02-02", 1, 1),
                Self.row("5006", 2019, "date=2019-02-03", 1, 1),
                Self.row("5006", 2019, "date=2019-04-04", 1, 1),
            ])
    }

    @Test func canonicalColumnAbsentFromAFileIsMissing() throws {
        // Table 2 has no `channel` column (an optional engagement column the file lacked).
        var t2 = Self.engagement2
        t2.columns["channel"] = nil
        let d = Self.def(.count) {
            $0.filter = "channel == 'web'"
            $0.by = "channel"
        }
        let out = try CustomIndicators.compute(d, tables: [Self.engagement1, t2], jobs: 1)
        // Web rows of table 1 only: 5001/2019 r0 r1 = 2 (s0 not counted), 5001/2020 r3 = 1, 5006/2019 r5 = 1.
        let ordinary = out.rows.filter { $0.breakdown.isEmpty }
        #expect(
            ordinary == [
                Self.row("5001", 2019, "", 2, 2), Self.row("5001", 2020, "", 1, 1), Self.row("5006", 2019, "", 1, 1),
            ])
        #expect(
            out.warnings.map(\.description) == [
                "custom 'x.custom': a table of source 'engagement' has no column 'channel'; it is missing on all its 2 rows"
            ])
        // A column that is not canonical for the kind stays an error.
        #expect(throws: DiagnosticList.self) {
            try CustomIndicators.compute(
                Self.def(.count) { $0.filter = "colour == 'red'" }, tables: [Self.engagement1], jobs: 1)
        }
    }

    @Test func surveyWithoutWeightColumnWeighsOne() throws {
        var t = Self.survey
        t.columns["weight"] = nil
        let out = try CustomIndicators.compute(
            Self.def(.weightedMean) {
                $0.of = "q1"
                $0.weight = "weight"
            }, table: t, jobs: 1)
        // Weight 1 for everyone: the plain mean (4 + 2 + 5)/3 = 11/3.
        #expect(out.rows.first == Self.row("5001", 2019, "", 11.0 / 3.0, 3))
        #expect(out.warnings.count == 1)  // only 5006/2020 without a value
    }

    @Test func negativeWeightIsAnError() throws {
        var t = Self.survey
        t.columns["weight"] = CustomTestTables.number([1, -3, 2, 1, 2, 1])
        #expect(throws: Diagnostic.self) {
            try CustomIndicators.compute(
                Self.def(.weightedMean) {
                    $0.of = "q1"
                    $0.weight = "weight"
                }, table: t, jobs: 1)
        }
    }

    static let engagementColumns: [String: ColumnType] = {
        var c: [String: ColumnType] = [:]
        for name in SourceKind.engagement.requiredColumns + SourceKind.engagement.optionalColumns {
            c[name] = SourceKind.engagement.columnType(name)
        }
        return c
    }()

    @Test(arguments: [
        (def(.count), [String]()),
        (def(.count) { $0.of = "x" }, ["of|1|count does not use 'of'; put the condition in 'where'"]),
        (def(.share), ["of|1|share needs 'of' (the condition counted)"]),
        (def(.share) { $0.of = "action == " }, ["of|11|expected a value after '=='"]),
        (
            def(.share) {
                $0.of = "action == 'vote'"
                $0.filter = "chanel == 'web'"
            },
            [
                "where|1|unknown column 'chanel'; did you mean 'channel'? (columns: action, channel, date, event_id, initiative_id, municipality, participant_id)"
            ]
        ),
        (def(.mean) { $0.of = "channel" }, ["of|1|column 'channel' holds text; mean needs a number column"]),
        (
            def(.quantile) {
                $0.of = "date"
                $0.p = 1.5
            },
            [
                "of|1|column 'date' holds dates; quantile needs a number column",
                "p|1|p must be between 0 and 1, found 1.5",
            ]
        ),
        (
            def(.quantile) { $0.of = "date" },
            [
                "of|1|column 'date' holds dates; quantile needs a number column",
                "p|1|quantile needs 'p' (between 0 and 1, e.g. 0.5 for the median)",
            ]
        ),
        (
            def(.weightedMean) { $0.of = "x" },
            [
                "of|1|unknown column 'x' (columns: action, channel, date, event_id, initiative_id, municipality, participant_id)",
                "weight|1|weighted_mean needs 'weight' (a number column)",
            ]
        ),
        (def(.ratio) { $0.of = "action == 'vote'" }, ["per|1|ratio needs 'per' (the denominator condition)"]),
        (
            def(.count) {
                $0.per = "a"
                $0.p = 0.5
                $0.weight = "w"
                $0.by = "chanel"
            },
            [
                "weight|1|only weighted_mean uses 'weight'", "p|1|only quantile uses 'p'",
                "per|1|only ratio uses 'per'",
                "by|1|unknown column 'chanel'; did you mean 'channel'? (columns: action, channel, date, event_id, initiative_id, municipality, participant_id)",
            ]
        ),
    ])
    func validates(def: CustomIndicator, expected: [String]) {
        let issues = CustomIndicators.validate(def, columns: Self.engagementColumns)
        #expect(issues.map { "\($0.field)|\($0.error.column)|\($0.error.message)" } == expected)
    }

    @Test func invalidDefinitionThrowsAllProblems() {
        #expect(throws: DiagnosticList.self) {
            try Self.engagement(Self.def(.ratio) { $0.of = "action == 'vote'" })
        }
    }

    /// METHODS §1 Determinism: the same bits for any `jobs` and any row order, across chunk borders.
    @Test func bitIdenticalAcrossJobsAndRowOrder() throws {
        var rng = Xoshiro256StarStar(seed: 99)
        let n = 6_000  // 12 chunks of 500 rows below
        var municipality: [String?] = []
        var year: [Double?] = []
        var q1: [Double?] = []
        var weight: [Double?] = []
        var stratum: [String?] = []
        for _ in 0..<n {
            municipality.append(["5001", "5006", "0301"][Int(rng.next() % 3)])
            year.append(Double(2019 + Int(rng.next() % 2)))
            q1.append(rng.next() % 10 == 0 ? nil : rng.nextUniform() * 4 + 1)
            weight.append(rng.nextUniform() * 3 + 0.1)
            stratum.append(["a", "b", "c", "d"][Int(rng.next() % 4)])
        }
        let table = CustomTestTables.table(
            .survey,
            [
                "municipality": CustomTestTables.text(municipality), "year": CustomTestTables.number(year),
                "q1": CustomTestTables.number(q1), "weight": CustomTestTables.number(weight),
                "stratum": CustomTestTables.text(stratum),
            ])
        var permutation = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) { permutation.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        let shuffled = CustomTestTables.permuted(table, permutation)
        for measure in [CustomIndicator.Measure.mean, .weightedMean, .quantile, .distinct, .share] {
            let d = Self.def(measure) {
                $0.source = "survey"
                $0.by = "stratum"
                switch measure {
                case .distinct: $0.of = "q1"
                case .share: $0.of = "q1 > 3"
                default: $0.of = "q1"
                }
                if measure == .weightedMean { $0.weight = "weight" }
                if measure == .quantile { $0.p = 0.9 }
            }
            func run(_ t: Table, jobs: Int, denseLimit: Int = 1 << 18) throws -> IndicatorOutputRows {
                try CustomIndicators.compute(d, tables: [t], jobs: jobs, denseLimit: denseLimit, chunkSize: 500)
            }
            let a = try run(table, jobs: 1)
            let b = try run(table, jobs: 4)
            let c = try run(shuffled, jobs: 3)
            // The hashed slot lookup (large breakdowns) gives the same rows as the dense one.
            let hashed = try run(shuffled, jobs: 2, denseLimit: 0)
            // The public entry point (65 536-row chunks: one chunk here) agrees too.
            let whole = try CustomIndicators.compute(d, table: shuffled, jobs: 1)
            #expect(a.rows.count == 3 * 2 * 5)
            #expect(a == b)
            #expect(a == hashed)
            #expect(a == whole)
            #expect(a.rows.map(\.value.bitPattern) == c.rows.map(\.value.bitPattern))
            #expect(a.rows == c.rows)
        }
    }

    @Test func catalogueEntry() {
        let d = Self.def(.share) {
            $0.of = "action == 'vote'"
            $0.filter = "channel == 'web'"
            $0.by = "channel"
        }
        let info = CustomIndicators.info(d)
        #expect(info.id == "x.custom")
        #expect(info.unit == .share)
        #expect(info.direction == 0)
        #expect(info.label.en == "x.custom")
        #expect(
            info.definition.en
                == "Share of rows where action == 'vote', among rows where channel == 'web' (source engagement, also by channel)."
        )
        #expect(
            info.definition.nb
                == "Andel rader der action == 'vote', blant rader der channel == 'web' (kilde engagement, også fordelt på channel)."
        )
    }
}

extension Column {
    /// The same cells with the dictionary built in reverse row order (so codes differ between tables).
    fileprivate func reversedRows() -> Column {
        guard case .text(let t) = self else { return self }
        let cells = (0..<t.codes.count).map { t[$0] }
        guard case .text(let r) = CustomTestTables.text(cells.reversed()) else { return self }
        let codes = Array(r.codes.reversed())
        return .text(TextColumn(codes: codes, dictionary: r.dictionary))
    }
}
