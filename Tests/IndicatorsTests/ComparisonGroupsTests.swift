import ApenCore
import Testing

@testable import Indicators

/// Comparison groups (issue 16): a group's value is the indicator on the pooled rows of its
/// members, with the family's own estimator — never an average of the members' values. The
/// arithmetic is in the comments; the survey case against R's `survey`
/// (`Reference/groups_survey.R`).
struct ComparisonGroupsTests {
    private func row(_ out: IndicatorOutput, _ id: String, _ group: String, _ year: Int = 2024) -> IndicatorRow? {
        out.rows.first { $0.indicator == id && $0.municipality == group && $0.year == year && $0.breakdown.isEmpty }
    }

    static let peers = ComparisonGroup(id: "peers", membership: .list(["5001", "5006"]))

    // publication.open_share = records published openly / records.
    // 5001: 4 records, 1 open and published → 1/4; 5006: 1 record, open and published → 1/1.
    // 0301: 2 records, 2 open and published.
    // Pooled 5001+5006 (county 50, peers): 2/5 = 0.4 — the average of the values would be 0.625.
    // Country: 4/7; country without Oslo = county 50 = 2/5.
    static let publications = """
        municipality,registered,published,access,record_type
        5001,2024-03-01,2024-03-01,open,journalpost
        5001,2024-03-02,,open,journalpost
        5001,2024-03-03,,exempt,journalpost
        5001,2024-03-04,,open,journalpost
        5006,2024-04-01,2024-04-02,open,journalpost
        0301,2024-05-01,2024-05-01,open,journalpost
        0301,2024-05-02,2024-05-03,open,journalpost
        """

    @Test func aShareIsPooledNumeratorOverPooledDenominator() throws {
        let t = FixtureTables.table(Self.publications, kind: .publications)
        let out = try ComparisonGroups.compute(
            [Self.peers, .country, .countryWithoutOslo], counties: true, families: [.publication],
            inputs: IndicatorInputs(publications: [t]), select: { $0 == "publication.open_share" })
        let single = try BuiltinIndicators.compute(
            .publication, inputs: IndicatorInputs(publications: [t]), select: { $0 == "publication.open_share" })
        #expect(close(row(single, "publication.open_share", "5001")?.value, 0.25))
        for g in ["peers", "county:50", "country_excl_oslo"] {
            let r = try #require(row(out, "publication.open_share", g), "\(g)")
            #expect(close(r.value, 0.4), "\(g)")
            #expect(r.n == 5, "\(g)")
        }
        #expect(close(row(out, "publication.open_share", "country")?.value, 4.0 / 7))
        #expect(close(row(out, "publication.open_share", "county:03")?.value, 1))
        // Only group ids come out: no municipality rows.
        #expect(
            Set(out.rows.map(\.municipality)) == ["peers", "county:50", "county:03", "country", "country_excl_oslo"])
    }

    // Participants are distinct across the group: a acts in 5001 and 5006 and counts once.
    // 2024: 5001 {a, b}, 5006 {a, c} → pooled 3 participants (not 2 + 2).
    // Population 2024: 5001 1000, 5006 500, 5007 700 (no engagement rows: not in the pool).
    // Per 1000: 3 / (1000 + 500) · 1000 = 2.
    // 2023: 5001 {d} has a population, 5006 {e} has none → the pooled population is unknown.
    static let engagement = """
        municipality,date,participant_id
        5001,2024-01-05,a
        5001,2024-02-05,b
        5006,2024-03-05,a
        5006,2024-03-06,c
        5001,2023-05-01,d
        5006,2023-05-02,e
        """

    @Test func perThousandDividesByThePooledPopulation() throws {
        let t = FixtureTables.table(Self.engagement, kind: .engagement)
        let pop = FixtureTables.table(
            "municipality,year,population\n5001,2024,1000\n5006,2024,500\n5007,2024,700\n5001,2023,990\n",
            kind: .population)
        let out = try ComparisonGroups.compute(
            [Self.peers], counties: true, families: [.engagement],
            inputs: IndicatorInputs(engagement: [t], population: [pop]))
        for g in ["peers", "county:50"] {
            #expect(row(out, "engagement.participants", g)?.value == 3, "\(g)")
            #expect(close(row(out, "engagement.participants_per_1000", g)?.value, 2), "\(g)")
            #expect(row(out, "engagement.participants", g, 2023)?.value == 2, "\(g)")
            #expect(row(out, "engagement.participants_per_1000", g, 2023) == nil, "\(g)")
        }
    }

    // Survey: one wave, strata A (PSUs p1, p2, p5) and B (p3, p4) crossing the municipalities;
    // scale items q1, q2 on 1–5, y = 100·(mean − 1)/4. Group {5001, 5006}:
    //   y = 87.5 (w 2), 50 (1), 100 (1), 12.5 (1), 62.5 (2): Σw = 7, Σwy = 462.5, ȳ = 66.0714…
    // The SE, df and interval are a domain estimate of the whole wave's design; R `survey`
    // (Reference/groups_survey.R: svymean on subset(design, municipality %in% g), degf,
    // confint with that df; svyciprop(method = "beta")):
    //   {5001,5006}:       66.071428571428569, se 7.9737242898407068, df 2,
    //                      ci 31.763261989475865 … 100.37959515338127; agree 0.71428571428571419,
    //                      se 0.19144554121728286, ci 0.071550536841596027 … 0.99869005726833748
    //   {5001,5006,0301}:  55.357142857142854, se 9.9824463281240607, df 3,
    //                      ci 23.58854342251152 … 87.125742291774188
    static let survey = """
        municipality,year,stratum,psu,weight,q1,q2
        5001,2024,A,p1,2,4,5
        5001,2024,A,p1,1,3,3
        5006,2024,A,p2,1,5,5
        0301,2024,A,p2,3,2,1
        5001,2024,B,p3,1,1,2
        0301,2024,B,p3,2,4,4
        5006,2024,B,p4,2,3,4
        0301,2024,B,p4,1,5,5
        0301,2024,A,p5,1,2,2
        """

    @Test func surveyGroupIsADomainOfTheWave() throws {
        let t = FixtureTables.table(Self.survey, kind: .survey, numbers: ["q1", "q2", "weight"])
        let settings = SurveySettings(
            scales: [ScaleSpec(name: "trust", items: ["q1", "q2"])], hasStrata: true, hasPSU: true)
        let out = try ComparisonGroups.compute(
            [Self.peers, .country], counties: false, families: [.survey],
            inputs: IndicatorInputs(surveys: [SurveyInput(table: t, settings: settings)]))
        let index = try #require(row(out, "survey.trust.index", "peers"))
        #expect(close(index.value, 462.5 / 7, rel: 1e-12))
        #expect(close(index.value, 66.071428571428569, rel: 1e-12))
        #expect(close(index.se, 7.9737242898407068, rel: 1e-9))
        #expect(index.df == 2)
        #expect(index.n == 5)
        #expect(close(index.ciLow, 31.763261989475865, rel: 1e-9))
        #expect(close(index.ciHigh, 100.37959515338127, rel: 1e-9))
        let agree = try #require(row(out, "survey.trust.agree_share", "peers"))
        #expect(close(agree.value, 0.71428571428571419, rel: 1e-12))
        #expect(close(agree.se, 0.19144554121728286, rel: 1e-9))
        #expect(close(agree.ciLow, 0.071550536841596027, rel: 1e-9))
        #expect(close(agree.ciHigh, 0.99869005726833748, rel: 1e-9))
        let country = try #require(row(out, "survey.trust.index", "country"))
        #expect(close(country.value, 55.357142857142854, rel: 1e-12))
        #expect(close(country.se, 9.9824463281240607, rel: 1e-9))
        #expect(country.df == 3)
        #expect(country.n == 9)
    }

    @Test func theResultDoesNotDependOnJobs() throws {
        let t = FixtureTables.table(Self.publications, kind: .publications)
        let e = FixtureTables.table(Self.engagement, kind: .engagement)
        let inputs = IndicatorInputs(engagement: [e], publications: [t])
        let one = try ComparisonGroups.compute([Self.peers, .country], counties: true, inputs: inputs, jobs: 1)
        let four = try ComparisonGroups.compute([Self.peers, .country], counties: true, inputs: inputs, jobs: 4)
        #expect(one == four)
        #expect(!one.rows.isEmpty)
    }

    @Test func countyOfANumber() {
        #expect(ComparisonGroup.county(of: "5006")?.id == "county:50")
        #expect(ComparisonGroup.county(of: "0301")?.id == "county:03")
        #expect(ComparisonGroup.county(of: "501") == nil)
        #expect(ComparisonGroup.countyNumber(ofID: "county:55") == "55")
        #expect(ComparisonGroup.isReserved("country"))
        #expect(!ComparisonGroup.isReserved("storbyer"))
    }
}
