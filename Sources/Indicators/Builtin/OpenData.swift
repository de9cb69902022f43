/// The licence and format tables of METHODS.md §4 (`opendata.*`), Berners-Lee's 5-star scheme
/// scored from licence and format as CKAN's QA extension does, with this project's format table.
///
/// ```swift
/// OpenData.isOpenLicence("cc-by-4.0")   // true (case-insensitive)
/// OpenData.isOpenLicence("http://publications.europa.eu/resource/authority/licence/NLOD_2_0")  // true
/// OpenData.formatLevel("CSV")            // 3
/// OpenData.formatLevel("text/csv")       // 3 (an IANA media type)
/// ```
///
/// Catalogues following DCAT-AP-NO give licences and formats as URIs; `licenceID` and
/// `formatName` read them (see docs/ingest.md, "Licences and formats given as URIs").
package enum OpenData {
    /// Open licences (SPDX-style ids), lower-cased.
    package static let openLicences: Set<String> = [
        "cc0-1.0", "cc-by-4.0", "cc-by-sa-4.0", "nlod-1.0", "nlod-2.0", "odbl-1.0", "pddl-1.0",
    ]

    /// Whether a licence id is open (compared case-insensitively, surrounding spaces ignored).
    package static func isOpenLicence(_ licence: String) -> Bool {
        openLicences.contains(licenceID(licence))
    }

    /// A licence as its lower-cased SPDX-style id: the id itself, or the id of a licence URI
    /// (the EU licence authority table, creativecommons.org and opendatacommons.org licence
    /// pages, data.norge.no's NLOD pages, spdx.org licence pages); any other text lower-cased.
    ///
    /// `http`/`https`, `www.`, a trailing `/`, `legalcode` or `deed.xx` page and `.html` do not matter.
    package static func licenceID(_ licence: String) -> String {
        let text = normalise(licence)
        guard let path = uriPath(text) else { return text }
        if let code = path.dropping(prefix: "publications.europa.eu/resource/authority/licence/") {
            return euLicences[code] ?? text
        }
        if let rest = path.dropping(prefix: "spdx.org/licenses/") {
            let id = rest.hasSuffix(".html") ? String(rest.dropLast(5)) : rest
            return id.contains("/") ? text : id
        }
        var parts = path.split(separator: "/").map(String.init)
        while let last = parts.last, last == "legalcode" || last.hasPrefix("deed") || last.hasPrefix("legalcode.") {
            parts.removeLast()
        }
        switch parts.count {
        case 4 where parts[0] == "creativecommons.org" && parts[1] == "licenses":
            return "cc-\(parts[2])-\(parts[3])"  // cc-by-4.0, cc-by-sa-4.0 (unported: no jurisdiction part)
        case 4 where parts[0] == "creativecommons.org" && parts[1] == "publicdomain" && parts[2] == "zero":
            return "cc0-\(parts[3])"
        case 4 where parts[0] == "opendatacommons.org" && parts[1] == "licenses":
            // odbl-1.0, pddl-1.0 (the site's newer pages write the version 1-0)
            return "\(parts[2])-" + String(parts[3].map { $0 == "-" ? "." : $0 })
        case 4 where parts[0] == "data.norge.no" && parts[1] == "nlod" && (parts[2] == "no" || parts[2] == "en"):
            return "nlod-\(parts[3])"
        default:
            return text
        }
    }

    /// The EU Publications Office licence authority table's codes of the open licences.
    static let euLicences: [String: String] = [
        "cc_by_4_0": "cc-by-4.0", "cc0": "cc0-1.0", "cc_bysa_4_0": "cc-by-sa-4.0", "odbl": "odbl-1.0",
        "pddl": "pddl-1.0", "nlod_1_0": "nlod-1.0", "nlod_2_0": "nlod-2.0",
    ]

    /// A format as a lower-cased file-type name (`csv`, `rdf`, `xlsx`): the name itself (a
    /// leading dot dropped), or the name of an EU file-type authority URI or an IANA media
    /// type (bare, `;` parameters ignored, or as an iana.org assignments URI).
    package static func formatName(_ format: String) -> String {
        var f = normalise(format)
        if let semicolon = f.firstIndex(of: ";") { f = String(f[..<semicolon]).trimmingSpaces() }
        if f.hasPrefix(".") { f.removeFirst() }
        if let path = uriPath(f) {
            if let code = path.dropping(prefix: "publications.europa.eu/resource/authority/file-type/") {
                return euFileTypes[code] ?? code
            }
            if let type = path.dropping(prefix: "iana.org/assignments/media-types/") { f = type } else { return f }
        }
        return mediaTypes[f] ?? f
    }

    /// EU file-type authority codes (lower-cased) whose name differs from the format table's.
    static let euFileTypes: [String: String] = [
        "rdf_xml": "rdf", "rdf_turtle": "ttl", "json_ld": "jsonld", "rdf_n_triples": "nt", "rdf_n3": "n3",
        "jpeg": "jpg", "html_simpl": "html", "xhtml": "html", "sparqlq": "sparql",
    ]

    /// IANA media types of the formats METHODS §4 scores.
    static let mediaTypes: [String: String] = [
        "text/csv": "csv", "text/tab-separated-values": "tsv", "application/json": "json",
        "application/xml": "xml", "text/xml": "xml", "application/geo+json": "geojson",
        "application/vnd.geo+json": "geojson", "application/vnd.oasis.opendocument.spreadsheet": "ods",
        "text/plain": "txt", "application/rdf+xml": "rdf", "text/turtle": "ttl", "application/ld+json": "jsonld",
        "application/n-triples": "nt", "text/n3": "n3", "application/sparql-query": "sparql",
        "application/sparql-results+json": "sparql", "application/sparql-results+xml": "sparql",
        "application/pdf": "pdf", "application/msword": "doc",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx", "image/jpeg": "jpg",
        "image/png": "png", "text/html": "html", "application/vnd.ms-excel": "xls",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    ]

    /// `host/path` of an http(s) URI without `www.`, query, fragment or trailing `/`; `nil` for other text.
    private static func uriPath(_ text: String) -> String? {
        guard let rest = text.dropping(prefix: "https://") ?? text.dropping(prefix: "http://") else { return nil }
        var path = Substring(rest)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        if path.hasPrefix("www.") { path = path.dropFirst(4) }
        while path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }

    /// The star level a format earns under an open licence: 1 unstructured or unknown,
    /// 2 structured proprietary, 3 open format, 4 RDF (5 needs the `linked` flag as well).
    /// Case-insensitive; a leading dot (".csv") is ignored.
    package static func formatLevel(_ format: String) -> Int {
        switch formatName(format) {
        case "rdf", "ttl", "jsonld", "nt", "n3", "sparql": return 4
        case "csv", "tsv", "json", "xml", "geojson", "ods", "txt": return 3
        case "xls", "xlsx": return 2
        default: return 1  // pdf, doc, docx, jpg, png, html, unknown, empty
        }
    }

    /// The 5-star level of one dataset (0 when its licence is not open).
    package static func stars(licence: String?, format: String?, linked: Bool) -> Int {
        guard let licence, isOpenLicence(licence) else { return 0 }
        let level = format.map(formatLevel) ?? 1
        return level == 4 && linked ? 5 : level
    }

    /// `true`/`yes` in any case.
    static func isTrue(_ s: String) -> Bool {
        let t = normalise(s)
        return t == "true" || t == "yes"
    }

    private static func normalise(_ s: String) -> String {
        s.lowercased().trimmingSpaces()
    }
}

extension String {
    /// The text after `prefix`, or `nil` when it does not start with it.
    fileprivate func dropping(prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }

    fileprivate func trimmingSpaces() -> String {
        var sub = Substring(self)
        while let f = sub.first, f == " " || f == "\t" { sub.removeFirst() }
        while let l = sub.last, l == " " || l == "\t" { sub.removeLast() }
        return String(sub)
    }
}
