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

    // DCAT-AP-NO catalogues give licences as URIs (EU licence authority table, creativecommons.org,
    // opendatacommons.org, data.norge.no's NLOD pages, spdx.org).
    @Test(arguments: [
        ("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0", "cc-by-4.0"),
        ("http://publications.europa.eu/resource/authority/licence/CC0", "cc0-1.0"),
        ("https://publications.europa.eu/resource/authority/licence/CC_BYSA_4_0", "cc-by-sa-4.0"),
        ("http://publications.europa.eu/resource/authority/licence/ODBL", "odbl-1.0"),
        ("http://publications.europa.eu/resource/authority/licence/PDDL", "pddl-1.0"),
        ("http://publications.europa.eu/resource/authority/licence/NLOD_1_0", "nlod-1.0"),
        ("http://publications.europa.eu/resource/authority/licence/NLOD_2_0", "nlod-2.0"),
        ("https://creativecommons.org/licenses/by/4.0/", "cc-by-4.0"),
        ("http://creativecommons.org/licenses/by-sa/4.0/legalcode", "cc-by-sa-4.0"),
        ("https://creativecommons.org/licenses/by/4.0/deed.no", "cc-by-4.0"),
        ("https://creativecommons.org/publicdomain/zero/1.0/", "cc0-1.0"),
        ("http://opendatacommons.org/licenses/odbl/1.0/", "odbl-1.0"),
        ("https://opendatacommons.org/licenses/pddl/1-0/", "pddl-1.0"),
        ("http://data.norge.no/nlod/no/1.0", "nlod-1.0"),
        ("https://data.norge.no/nlod/en/2.0/", "nlod-2.0"),
        ("https://spdx.org/licenses/CC-BY-4.0.html", "cc-by-4.0"),
        ("https://creativecommons.org/licenses/by-nc/4.0/", "cc-by-nc-4.0"),
        (
            "http://publications.europa.eu/resource/authority/licence/CC_BYNC_4_0",
            "http://publications.europa.eu/resource/authority/licence/cc_bync_4_0"
        ),
    ])
    func licenceURIs(uri: String, id: String) {
        #expect(OpenData.licenceID(uri) == id)
    }

    @Test(arguments: [
        "http://publications.europa.eu/resource/authority/licence/NLOD_2_0",
        "https://creativecommons.org/licenses/by/4.0/", "http://data.norge.no/nlod/no/2.0",
        "https://creativecommons.org/publicdomain/zero/1.0/legalcode",
    ])
    func openLicenceURIs(uri: String) {
        #expect(OpenData.isOpenLicence(uri))
    }

    @Test(arguments: [
        "https://creativecommons.org/licenses/by-nc/4.0/", "https://creativecommons.org/licenses/by/3.0/no/",
        "http://publications.europa.eu/resource/authority/licence/COM_REUSE",
    ])
    func notOpenLicenceURIs(uri: String) {
        #expect(!OpenData.isOpenLicence(uri))
    }

    // EU file-type authority URIs and IANA media types map onto METHODS §4's format table.
    @Test(arguments: [
        ("http://publications.europa.eu/resource/authority/file-type/CSV", 3),
        ("http://publications.europa.eu/resource/authority/file-type/GEOJSON", 3),
        ("http://publications.europa.eu/resource/authority/file-type/XLSX", 2),
        ("http://publications.europa.eu/resource/authority/file-type/RDF_TURTLE", 4),
        ("http://publications.europa.eu/resource/authority/file-type/JSON_LD", 4),
        ("http://publications.europa.eu/resource/authority/file-type/PDF", 1),
        ("text/csv", 3), ("text/csv; charset=utf-8", 3), ("application/json", 3), ("application/geo+json", 3),
        ("application/vnd.oasis.opendocument.spreadsheet", 3), ("text/tab-separated-values", 3),
        ("application/vnd.ms-excel", 2), ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 2),
        ("application/rdf+xml", 4), ("text/turtle", 4), ("application/ld+json", 4), ("application/pdf", 1),
        ("https://www.iana.org/assignments/media-types/text/csv", 3), ("image/png", 1),
    ])
    func formatURIs(format: String, level: Int) {
        #expect(OpenData.formatLevel(format) == level)
    }

    @Test func missingLicenceOrFormat() {
        #expect(OpenData.stars(licence: nil, format: "csv", linked: false) == 0)
        #expect(OpenData.stars(licence: "cc0-1.0", format: nil, linked: true) == 1)
    }
}
