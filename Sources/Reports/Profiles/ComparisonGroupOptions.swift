/// `report: groups:` — whether comparison groups are computed, and the groups the pipeline
/// declares (issue 16). The built-in groups (each municipality's county, the country, the
/// country without Oslo) come with any `groups:` or `profiles:` setting.
package struct ComparisonGroupOptions: Sendable, Hashable {
    /// A declared group: its name and member numbers, in the order given.
    package struct Declared: Sendable, Hashable {
        package var name: String
        package var members: [String]

        package init(name: String, members: [String]) {
            self.name = name
            self.members = members
        }
    }

    /// Whether the groups are computed (`groups:` given, or `profiles:` on).
    package var enabled = false
    /// Declared groups, in the order of the pipeline (or of first appearance in the CSV).
    package var declared: [Declared] = []
    /// The groups CSV, when `groups:` names one (resolved against the pipeline's folder).
    package var file: String?

    package init(enabled: Bool = false, declared: [Declared] = [], file: String? = nil) {
        self.enabled = enabled
        self.declared = declared
        self.file = file
    }
}

/// `report: profiles:` — `false` (none, the default), `true` (the focus municipalities) or
/// `all` (every municipality in the results).
package enum ProfileScope: String, Sendable, Hashable {
    case none
    case focus
    case all
}
