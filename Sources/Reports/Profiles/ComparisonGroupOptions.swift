/// `report: groups:` — whether comparison groups are computed, and the groups the pipeline
/// declares (issue 16). The built-in groups (each municipality's county, the country, the
/// country without Oslo) come with any `groups:` or `profiles:` setting.
public struct ComparisonGroupOptions: Sendable, Hashable {
    /// A declared group: its name and member numbers, in the order given.
    public struct Declared: Sendable, Hashable {
        public var name: String
        public var members: [String]

        public init(name: String, members: [String]) {
            self.name = name
            self.members = members
        }
    }

    /// Whether the groups are computed (`groups:` given, or `profiles:` on).
    public var enabled = false
    /// Declared groups, in the order of the pipeline (or of first appearance in the CSV).
    public var declared: [Declared] = []
    /// The groups CSV, when `groups:` names one (resolved against the pipeline's folder).
    public var file: String?

    public init(enabled: Bool = false, declared: [Declared] = [], file: String? = nil) {
        self.enabled = enabled
        self.declared = declared
        self.file = file
    }
}

/// `report: profiles:` — `false` (none, the default), `true` (the focus municipalities) or
/// `all` (every municipality in the results).
public enum ProfileScope: String, Sendable, Hashable {
    case none
    case focus
    case all
}
