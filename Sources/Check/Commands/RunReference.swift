/// A run named on the command line: a run id, `latest`, or `previous`.
///
/// `latest` is the newest succeeded run, `previous` the succeeded run before it (of one
/// pipeline when `apen diff --pipeline NAME` is given).
///
/// ```swift
/// RunReference("42")        // .id(42)
/// RunReference("latest")    // .latest
/// RunReference("newest")    // nil: a usage error
/// ```
package enum RunReference: Sendable, Hashable, CustomStringConvertible {
    case id(Int64)
    case latest
    case previous

    /// Parses `latest`, `previous` or a positive run id; `nil` for anything else.
    package init?(_ text: String) {
        switch text.lowercased() {
        case "latest": self = .latest
        case "previous": self = .previous
        default:
            guard let id = Int64(text), id > 0 else { return nil }
            self = .id(id)
        }
    }

    package var description: String {
        switch self {
        case .id(let id): String(id)
        case .latest: "latest"
        case .previous: "previous"
        }
    }
}
