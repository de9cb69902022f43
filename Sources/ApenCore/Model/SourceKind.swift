/// The five kinds of input a pipeline reads (METHODS.md §1, "Columns of each source kind").
package enum SourceKind: String, Sendable, CaseIterable, Codable, Hashable {
    case survey
    case engagement
    case publications
    case accessRequests = "access_requests"
    case population
    /// A generic table (METHODS §1): `municipality`, `year` and declared extra columns, read by
    /// custom indicators only.
    case table

    /// Canonical columns a source of this kind must have (in the file or as a fixed value).
    ///
    /// For surveys the item columns named by the scales are required too; they are not listed here.
    package var requiredColumns: [String] {
        switch self {
        case .survey: return ["municipality", "year"]
        case .engagement: return ["municipality", "date", "participant_id"]
        case .publications: return ["municipality", "registered", "access"]
        case .accessRequests: return ["municipality", "received"]
        case .population: return ["municipality", "year", "population"]
        case .table: return ["municipality", "year"]
        }
    }

    /// Canonical columns a source of this kind may have. Any other column is ignored.
    package var optionalColumns: [String] {
        switch self {
        case .survey: return ["respondent_id", "weight", "stratum", "psu", "fpc"]
        case .engagement: return ["event_id", "channel", "action", "initiative_id"]
        case .publications:
            return ["record_id", "record_type", "published", "exemption_basis", "format", "licence", "linked"]
        case .accessRequests: return ["request_id", "answered", "outcome"]
        case .population, .table: return []
        }
    }

    /// The type every canonical column is read as. Survey item columns are `.number`.
    package func columnType(_ name: String) -> ColumnType? {
        switch (self, name) {
        case (_, "municipality"): return .text
        case (.survey, "year"), (.population, "year"), (.table, "year"), (.population, "population"),
            (.survey, "weight"),
            (.survey, "fpc"):
            return .number
        case (.engagement, "date"), (.publications, "registered"), (.publications, "published"),
            (.accessRequests, "received"), (.accessRequests, "answered"):
            return .date
        default:
            return (requiredColumns + optionalColumns).contains(name) ? .text : nil
        }
    }

    /// The closed value sets of METHODS.md §4 and §5; a value outside its set rejects the row.
    package func allowedValues(_ column: String) -> Set<String>? {
        switch (self, column) {
        case (.publications, "access"): return ["open", "partial", "exempt"]
        case (.accessRequests, "outcome"): return ["granted", "partial", "denied"]
        default: return nil
        }
    }
}

/// How a column's cells are typed after ingestion.
package enum ColumnType: String, Sendable, Codable, Hashable {
    case text, number, date
}
