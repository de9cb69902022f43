/// The licence and format tables of METHODS.md §4 (`opendata.*`), Berners-Lee's 5-star scheme
/// scored from licence and format as CKAN's QA extension does, with this project's format table.
///
/// ```swift
/// OpenData.isOpenLicence("cc-by-4.0")   // true (case-insensitive)
/// OpenData.formatLevel("CSV")            // 3
/// ```
public enum OpenData {
    /// Open licences (SPDX-style ids), lower-cased.
    public static let openLicences: Set<String> = [
        "cc0-1.0", "cc-by-4.0", "cc-by-sa-4.0", "nlod-1.0", "nlod-2.0", "odbl-1.0", "pddl-1.0",
    ]

    /// Whether a licence id is open (compared case-insensitively, surrounding spaces ignored).
    public static func isOpenLicence(_ licence: String) -> Bool {
        openLicences.contains(normalise(licence))
    }

    /// The star level a format earns under an open licence: 1 unstructured or unknown,
    /// 2 structured proprietary, 3 open format, 4 RDF (5 needs the `linked` flag as well).
    /// Case-insensitive; a leading dot (".csv") is ignored.
    public static func formatLevel(_ format: String) -> Int {
        var f = normalise(format)
        if f.hasPrefix(".") { f.removeFirst() }
        switch f {
        case "rdf", "ttl", "jsonld", "nt", "n3", "sparql": return 4
        case "csv", "tsv", "json", "xml", "geojson", "ods", "txt": return 3
        case "xls", "xlsx": return 2
        default: return 1  // pdf, doc, docx, jpg, png, html, unknown, empty
        }
    }

    /// The 5-star level of one dataset (0 when its licence is not open).
    public static func stars(licence: String?, format: String?, linked: Bool) -> Int {
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
    fileprivate func trimmingSpaces() -> String {
        var sub = Substring(self)
        while let f = sub.first, f == " " || f == "\t" { sub.removeFirst() }
        while let l = sub.last, l == " " || l == "\t" { sub.removeLast() }
        return String(sub)
    }
}
