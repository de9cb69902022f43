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
        #expect(files.count == 5)
        for kind in SourceKind.allCases {
            let name = Generator.fileName(kind)
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
}
