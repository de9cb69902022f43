import Foundation
import Testing

@testable import Ingest

/// The county table (classification 104) against the shipped municipality classification (131,
/// from Statistics Norway's files): every municipality number valid in a structure has a county
/// under its first two digits, in force in that structure; and the compiled table is the
/// committed CSV.
struct CountyTests {
    @Test func everyValidMunicipalityHasACountyInForceInItsStructure() {
        var missing: [String] = []
        for line in MunicipalityCrosswalk.shippedCSV.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f[2] == "valid", f[1] != "9999", let structure = Int(f[0]) else { continue }
            guard let county = County.of(municipality: f[1]) else {
                missing.append("\(f[1]) (\(structure)): no county")
                continue
            }
            if structure < county.validFrom || structure > (county.validTo ?? Int.max) {
                missing.append(
                    "\(f[1]) (\(structure)): county \(county.name) \(county.validFrom)–\(county.validTo ?? 0)")
            }
        }
        #expect(missing.isEmpty, "\(missing.prefix(20))")
    }

    @Test func knownCounties() {
        #expect(County.of(municipality: "5006")?.name == "Trøndelag")
        #expect(County.of(municipality: "5501")?.name == "Troms")
        #expect(County.of(municipality: "5401")?.name == "Troms og Finnmark")
        #expect(County.of(municipality: "0301")?.name == "Oslo")
        #expect(County.of(municipality: "1601")?.name == "Sør-Trøndelag")
        #expect(County.named("99") == nil)
    }

    @Test func compiledTableEqualsTheCSV() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../datasets/municipalities/counties.csv")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
            .dropFirst()
        var seen: [String: County] = [:]
        for line in lines {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            seen[f[0]] = County(name: f[1], validFrom: Int(f[2])!, validTo: f[3].isEmpty ? nil : Int(f[3]))
        }
        #expect(seen == County.all)
    }
}
