import ApenCore

extension SourceKind {
    /// A stable number per kind for seeding streams.
    var streamKey: UInt64 {
        switch self {
        case .survey: return 1
        case .engagement: return 2
        case .publications: return 3
        case .accessRequests: return 4
        case .population: return 5
        case .table: return 6
        }
    }
}
