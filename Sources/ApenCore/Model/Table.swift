/// A column of text cells, dictionary-encoded: `codes[row]` indexes `dictionary`, `-1` is missing.
///
/// Municipality numbers, participant ids and categories repeat a lot, so one `String` per
/// distinct value keeps memory flat and makes grouping an integer operation.
package struct TextColumn: Sendable, Equatable {
    package var codes: [Int32]
    package var dictionary: [String]

    package init(codes: [Int32] = [], dictionary: [String] = []) {
        self.codes = codes
        self.dictionary = dictionary
    }

    /// The cell's text, or `nil` when missing (an empty cell).
    package subscript(row: Int) -> String? {
        let c = codes[row]
        return c < 0 ? nil : dictionary[Int(c)]
    }
}

/// A typed column of a `Table`.
///
/// Missing cells: `nil` text (code −1), `Double.nan` numbers, `Day?` dates stored as `Int32.min`.
/// Missing values never reach an output; indicators skip or reject them as METHODS.md says.
package enum Column: Sendable, Equatable {
    case text(TextColumn)
    case number([Double])
    case date([Int32])

    /// The sentinel for a missing date in `.date` columns.
    package static let missingDay = Int32.min

    package var count: Int {
        switch self {
        case .text(let t): return t.codes.count
        case .number(let v): return v.count
        case .date(let v): return v.count
        }
    }

    package var type: ColumnType {
        switch self {
        case .text: return .text
        case .number: return .number
        case .date: return .date
        }
    }
}

/// The validated rows of one source, column by column, under canonical column names.
///
/// Every column has `rowCount` cells. Group columns given as fixed values in the pipeline
/// are materialised like any other column, so indicators never special-case them.
package struct Table: Sendable, Equatable {
    /// The source's name in the pipeline (e.g. `survey`).
    package var source: String
    package var kind: SourceKind
    package var rowCount: Int
    package var columns: [String: Column]

    package init(source: String, kind: SourceKind, rowCount: Int = 0, columns: [String: Column] = [:]) {
        self.source = source
        self.kind = kind
        self.rowCount = rowCount
        self.columns = columns
    }

    package func text(_ name: String) -> TextColumn? {
        if case .text(let t)? = columns[name] { return t }
        return nil
    }

    package func numbers(_ name: String) -> [Double]? {
        if case .number(let v)? = columns[name] { return v }
        return nil
    }

    package func days(_ name: String) -> [Int32]? {
        if case .date(let v)? = columns[name] { return v }
        return nil
    }
}
