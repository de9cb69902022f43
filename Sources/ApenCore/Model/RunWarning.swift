/// A run warning as data: what kind, where, for which indicator and groups, and why — carried
/// from where it arises to the report, which states it in its own language (nb, nn, en).
///
/// The command line keeps printing the English `Diagnostic` the warning travels with; a report
/// never shows that text (issue 11 point 6). Every field but `kind` is optional so one type
/// carries every kind; `kind`'s documentation says which fields it uses.
///
/// ```swift
/// RunWarning(.noValue, source: "publications", indicator: "opendata.stars_mean",
///            groups: [.init("1804", year: 2021)], reason: .noDatasetRecord)
/// ```
package struct RunWarning: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// `indicator` has no value for `groups`, because of `reason`.
        case noValue
        /// `indicator` has no value for any group: no table of the source has `column`.
        case columnAbsent
        /// `count` rows without a municipality or year were left out.
        case rowsWithoutGroup
        /// Population unknown (empty) for `groups` (municipality and year): rows skipped.
        case populationUnknown
        /// Conflicting population values, treated as unknown, for `groups`.
        case populationConflict
        /// No `record_type` column: no record counts as a dataset.
        case noRecordType
        /// `count` unanswered requests received within 5 working days of the file's latest
        /// date `text` count as not answered in time.
        case undecidedRequests
        /// A table of the custom indicator's source has no `column`; missing on its `count` rows.
        case customColumnAbsent
        /// The composite component `indicator` has no rows; missing everywhere.
        case componentNoRows
        /// The composite component `indicator` was winsorised in `year`; `groups` hold the
        /// municipalities with `from` → `to`.
        case componentWinsorised
        /// The composite component `indicator` has no spread (`count` values) in `year`, or over
        /// all years when `year` is nil: its z-scores are 0.
        case componentNoSpread
        /// The composite component `indicator` correlates negatively (r = `number`) with the
        /// index in `year`.
        case negativeCorrelation
        /// No composite index in `year` for `groups`: available component weight below `number`
        /// (a fraction) of the total.
        case weightTooLow
        /// The municipality of `groups[0]` is divided between the rest of `groups` in the
        /// structure of 1 January `year`; its rows keep its number (METHODS §8).
        case municipalitySplit
        /// The municipality of `groups[0]` is in no version of classification 131; kept as written.
        case municipalityUnknown
        /// The declared comparison group `source` has members (`groups`) with no rows in any
        /// source: the group pools the other members.
        case groupMemberWithoutData
        /// A warning stored by an Åpen from before warnings were data: `text` in English.
        case other
    }

    /// Why a group has no value (METHODS §1–§5, docs/custom-indicators.md).
    package enum Reason: Sendable, Hashable, Codable {
        case noPublishedRecord, noParticipant, fewerThanTwoParticipants, noRespondentWithScore
        case singleItemScale, fewerThanTwoCompleteCases, zeroVariance, noDatasetRecord
        case everyRequestUndecided, noAnsweredRequest, noAnsweredRequestWithOutcome
        case notFinite, noRespondentInDomain, populationUnknown, populationNotPositiveOrConflicting
        /// Some rows of the group come from a table without this column.
        case sourceWithout(String)
        /// Custom measures: no rows; no row matches `where`; none matches `per`; no value of `of`;
        /// no row with both `of` and `weight` (or the weights sum to 0).
        case customNoRows, customNoneWhere, customNonePer, customNoValues, customNoWeights

        /// The English text the run's warnings have always used.
        package var english: String {
            switch self {
            case .noPublishedRecord: return "no published record"
            case .noParticipant: return "no participant"
            case .fewerThanTwoParticipants: return "fewer than 2 participants"
            case .noRespondentWithScore: return "no respondent with a score"
            case .singleItemScale: return "a scale of one item"
            case .fewerThanTwoCompleteCases: return "fewer than 2 complete cases"
            case .zeroVariance: return "zero variance of the total score"
            case .noDatasetRecord: return "no dataset record"
            case .everyRequestUndecided: return "every request undecided at the extraction date"
            case .noAnsweredRequest: return "no answered request"
            case .noAnsweredRequestWithOutcome: return "no answered request with an outcome"
            case .notFinite: return "not a finite number"
            case .noRespondentInDomain: return "no respondent in the domain"
            case .populationUnknown: return "population unknown"
            case .populationNotPositiveOrConflicting: return "population not positive or conflicting"
            case .sourceWithout(let column): return "a source without \(column)"
            case .customNoRows: return "no rows"
            case .customNoneWhere: return "no rows match 'where' (the denominator is 0)"
            case .customNonePer: return "no rows match 'per' (the denominator is 0)"
            case .customNoValues: return "no non-missing values of 'of' among the rows matching 'where'"
            case .customNoWeights: return "no rows with both 'of' and 'weight', or the weights sum to 0"
            }
        }
    }

    /// A municipality, with its year and breakdown when the warning is about one (municipality,
    /// year) group, and a value change (`from` → `to`) for winsorising.
    package struct Group: Sendable, Hashable, Codable {
        package var municipality: String
        package var year: Int?
        package var breakdown: String?
        package var from: Double?
        package var to: Double?
        package init(
            _ municipality: String, year: Int? = nil, breakdown: String? = nil, from: Double? = nil, to: Double? = nil
        ) {
            self.municipality = municipality
            self.year = year
            self.breakdown = breakdown
            self.from = from
            self.to = to
        }
    }

    package var kind: Kind
    /// The source (its name or file) or the stage it concerns: `custom '<id>'` for a custom
    /// indicator's warnings, the index id `composite.<id>` for a composite's, empty for the
    /// municipality structure's.
    package var source: String
    package var indicator: String?
    package var groups: [Group]
    package var reason: Reason?
    package var column: String?
    package var count: Int?
    package var year: Int?
    package var number: Double?
    package var text: String?

    package init(
        _ kind: Kind, source: String, indicator: String? = nil, groups: [Group] = [], reason: Reason? = nil,
        column: String? = nil, count: Int? = nil, year: Int? = nil, number: Double? = nil, text: String? = nil
    ) {
        self.kind = kind
        self.source = source
        self.indicator = indicator
        self.groups = groups
        self.reason = reason
        self.column = column
        self.count = count
        self.year = year
        self.number = number
        self.text = text
    }
}
