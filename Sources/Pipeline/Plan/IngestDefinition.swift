import ApenCore
import Ingest

/// The parts of a source's settings that change what its ingest produces, as readable
/// manifest entries (`delimiter`, `columns`, `scale 'trust'`…).
enum IngestDefinition {
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
        if o.kind == .survey {
            let s = o.survey
            p.append(("likert", "\(s.likert.lowerBound)-\(s.likert.upperBound)"))
            p.append(("missing codes", s.missingCodes.map { String($0) }.joined(separator: ",")))
            p.append(
                (
                    "design",
                    "strata=\(s.hasStrata) psu=\(s.hasPSU) fpc=\(s.hasFPC) lonely_psu=\(s.lonelyPSU.rawValue)"
                ))
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
