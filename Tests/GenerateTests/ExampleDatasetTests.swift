import ApenCore
import Foundation
import Testing

@testable import Generate

@Suite struct ExampleDatasetTests {
    private let folders = TemporaryFolders()

    @Test func regenerationEqualsTheCommittedExample() throws {
        let committed = TestSupport.repositoryRoot().appendingPathComponent("datasets/example").path
        let dir = folders.make()
        let files = try ExampleDataset.write(out: dir)
        #expect(files.count == 6)
        for name in Generator.kinds.map(Generator.fileName) + [ExampleDataset.partnershipsFile] {
            let expected = try TestSupport.bytes(committed + "/" + name)
            #expect(
                try TestSupport.bytes(dir + "/" + name) == expected,
                "\(name) differs from datasets/example — rerun `apen generate --example --out datasets/example`")
        }
    }

    @Test func dialectsAreTheDocumentedOnes() throws {
        let dir = folders.make()
        try ExampleDataset.write(out: dir)

        let survey = try TestSupport.rows(dir + "/survey.csv", delimiter: ";")
        #expect(survey[0].starts(with: ["RespNr", "municipality", "year", "stratum", "psu", "vekt"]))
        #expect(survey.dropFirst().contains { $0[5].contains(",") })  // decimal comma weights

        let engagement = try TestSupport.rows(dir + "/engagement.csv")
        #expect(engagement[0][2] == "tidspunkt")
        // Epoch milliseconds inside 2021–2024: 2021-01-01 = 1 609 459 200 000 ms, 2025-01-01 = 1 735 689 600 000 ms.
        #expect(
            engagement.dropFirst().allSatisfy { Int($0[2])! >= 1_609_459_200_000 && Int($0[2])! < 1_735_689_600_000 })

        let raw = try TestSupport.bytes(dir + "/publications.csv")
        #expect(String(data: raw, encoding: .utf8) == nil)  // Windows-1252 bytes (ø = F8) are not UTF-8
        let text = String(data: raw, encoding: .windowsCP1252)!
        #expect(text.hasPrefix("record_id;municipality;record_type;journaldato;publisert;"))
        #expect(text.contains("Øvre Møllenberg") || text.contains("Årsrapport") || text.contains("Søknad"))
        let firstRow = text.split(separator: "\n")[1].split(separator: ";", omittingEmptySubsequences: false)
        #expect(firstRow[3].count == 10 && firstRow[3].split(separator: ".").count == 3)  // dd.MM.yyyy

        let municipalities = Set(survey.dropFirst().map { $0[1] })
        #expect(municipalities == Set(ExampleDataset.municipalities))
    }

    /// The partnerships register (a `table` source): every row is an agreement in force during
    /// its reporting year, with a known type, ISO dates and ja/nei; an agreement's fields are
    /// the same in every year it appears.
    @Test func partnershipsRegisterIsConsistent() throws {
        let dir = folders.make()
        try ExampleDataset.write(out: dir)
        let rows = try TestSupport.rows(dir + "/" + ExampleDataset.partnershipsFile)
        #expect(
            rows[0] == [
                "kommunenr", "aar", "avtale_id", "partner", "partnertype", "startdato", "sluttdato", "deler_data_apent",
            ])
        var byID: [String: [String]] = [:]
        for r in rows.dropFirst() {
            #expect(ExampleDataset.municipalities.contains(r[0]))
            let year = try #require(Int(r[1]))
            #expect(ExampleDataset.years.contains(year))
            #expect(["research", "business", "civil_society", "public"].contains(r[4]))
            #expect(["ja", "nei"].contains(r[7]))
            // In force for at least a day of the year: ISO text compares as dates do.
            #expect(r[5] <= "\(year)-12-31")
            #expect(r[6].isEmpty || r[6] >= "\(year)-01-01")
            #expect(r[6].isEmpty || r[6] > r[5])
            let fields = [r[0], r[3], r[4], r[5], r[6], r[7]]
            #expect(byID[r[2]].map { $0 == fields } ?? true, "\(r[2]) changes between years")
            byID[r[2]] = fields
        }
        #expect(rows.count - 1 == 95)
    }
}
