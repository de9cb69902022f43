import Testing

@testable import Indicators

struct OpenDataTests {
    @Test(arguments: [
        "CC0-1.0", "cc-by-4.0", "CC-BY-SA-4.0", "NLOD-1.0", "nlod-2.0", "ODbL-1.0", "pddl-1.0", " CC-BY-4.0 ",
    ])
    func openLicences(licence: String) {
        #expect(OpenData.isOpenLicence(licence))
    }

    @Test(arguments: ["", "proprietary", "CC-BY-NC-4.0", "CC-BY-3.0", "MIT"])
    func notOpenLicences(licence: String) {
        #expect(!OpenData.isOpenLicence(licence))
    }

    // METHODS §4 table: 0 not open; 1 unstructured or unknown; 2 xls/xlsx; 3 open format; 4 RDF; 5 linked RDF.
    @Test(arguments: [
        ("CC-BY-4.0", "pdf", false, 1), ("CC-BY-4.0", "HTML", false, 1), ("CC-BY-4.0", "", false, 1),
        ("CC-BY-4.0", "zip", false, 1), ("NLOD-2.0", "xlsx", false, 2), ("NLOD-2.0", "XLS", true, 2),
        ("CC0-1.0", "csv", false, 3), ("CC0-1.0", "GeoJSON", true, 3), ("CC0-1.0", ".ods", false, 3),
        ("ODbL-1.0", "ttl", false, 4), ("ODbL-1.0", "JSONLD", true, 5), ("PDDL-1.0", "sparql", true, 5),
        ("proprietary", "ttl", true, 0), ("", "csv", false, 0),
    ])
    func stars(licence: String, format: String, linked: Bool, expected: Int) {
        #expect(OpenData.stars(licence: licence, format: format, linked: linked) == expected)
    }

    @Test func missingLicenceOrFormat() {
        #expect(OpenData.stars(licence: nil, format: "csv", linked: false) == 0)
        #expect(OpenData.stars(licence: "cc0-1.0", format: nil, linked: true) == 1)
    }
}
