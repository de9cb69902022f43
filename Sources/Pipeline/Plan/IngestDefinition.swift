import ApenCore
import Foundation
import Ingest

/// The parts of a source's settings that change what its ingest produces, as readable
/// manifest entries (`delimiter`, `columns`, `scale 'trust'`…).
enum IngestDefinition {
    /// The shipped crosswalk's identity: a new crosswalk reruns harmonised ingests.
    static let crosswalkDigest = String(SHA256.hex(of: Data(MunicipalityCrosswalk.shippedCSV.utf8)).prefix(16))

    static func parts(_ o: IngestOptions) -> [(String, String)] {
        func map(_ d: [String: String]) -> String {
            d.keys.sorted().map { "\($0)=\(d[$0]!)" }.joined(separator: ",")
        }
        var p: [(String, String)] = [
            ("source '\(o.source)' kind", o.kind.rawValue),
            ("source '\(o.source)' path", o.path),
            ("source '\(o.source)' delimiter", CanonicalText.describe(o.delimiter)),
            ("source '\(o.source)' encoding", o.encoding.rawValue),
            ("source '\(o.source)' decimal", o.decimalComma ? "," : "."),
            ("source '\(o.source)' date_format", CanonicalText.describe(o.dateFormat)),
            ("source '\(o.source)' columns", map(o.columns)),
            ("source '\(o.source)' fixed", map(o.fixed)),
            ("source '\(o.source)' max_rejected", String(o.maxRejected)),
            ("source '\(o.source)' keep_rows", String(o.keepRows)),
            ("source '\(o.source)' columns skipped", o.unusedColumns.sorted().joined(separator: ",")),
        ]
        // Keys added with JSON sources and recoding: listed only when used, so the manifests
        // (and cache keys) of existing pipelines do not change.
        if o.format != .csv { p.append(("source '\(o.source)' format", String(describing: o.format))) }
        if !o.na.isEmpty { p.append(("source '\(o.source)' na", o.na.joined(separator: "\u{1F}"))) }
        for (column, mapping) in o.values.sorted(by: { $0.key < $1.key }) {
            p.append(("source '\(o.source)' values \(column)", map(mapping)))
        }
        if !o.extract.isEmpty { p.append(("source '\(o.source)' extract", map(o.extract))) }
        if !o.extra.isEmpty {
            let text = o.extra.keys.sorted().map { "\($0)=\(o.extra[$0]!.header):\(o.extra[$0]!.type.rawValue)" }
            p.append(("source '\(o.source)' extra", text.joined(separator: ",")))
        }
        if let z = o.timeZone { p.append(("source '\(o.source)' timezone", z)) }
        if let d = o.municipalityDigits { p.append(("source '\(o.source)' municipality digits", String(d))) }
        if let y = o.harmoniseTo {
            p.append(("source '\(o.source)' harmonise_to", "\(y) (classification 131, \(crosswalkDigest))"))
        }
        if o.kind == .survey {
            let s = o.survey
            p.append(("likert", "\(s.likert.lowerBound)-\(s.likert.upperBound)"))
            p.append(("missing codes", s.missingCodes.map { String($0) }.joined(separator: ",")))
            p.append(
                (
                    "design",
                    "strata=\(s.hasStrata) psu=\(s.hasPSU) fpc=\(s.hasFPC) lonely_psu=\(s.lonelyPSU.rawValue)"
                ))
            if !s.breakdowns.isEmpty { p.append(("survey breakdowns", s.breakdowns.joined(separator: ","))) }
            for scale in s.scales {
                p.append(
                    (
                        "scale '\(scale.name)'",
                        "items=\(scale.items.joined(separator: ",")) reverse=\(scale.reverse.joined(separator: ","))"
                    ))
            }
        }
        if o.kind == .accessRequests, let day = o.extracted {
            p.append(("source '\(o.source)' extracted", String(day)))
        }
        return p
    }
}
