/// What a row does to the check's outcome. Ordered worst first: `fail < warn < ok`.
package enum Verdict: String, Sendable, Hashable, Comparable, CaseIterable {
    case fail
    case warn
    case ok

    private var rank: Int {
        switch self {
        case .fail: 0
        case .warn: 1
        case .ok: 2
        }
    }

    package static func < (a: Verdict, b: Verdict) -> Bool { a.rank < b.rank }

    /// The verdict a configured policy gives.
    package init(_ policy: CheckConfiguration.Policy) {
        self = policy == .fail ? .fail : .warn
    }
}
