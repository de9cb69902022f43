import ApenCore

extension Table {
    /// This table followed by the rows of `other` (same source kind and columns).
    ///
    /// Text dictionaries are merged as `TableBuilder` merges them: this table's codes are
    /// kept, values new in `other` get the next codes in `other`'s dictionary order. To join
    /// many chunks use `TableBuilder`, which appends in place; this copies `self` each time.
    ///
    /// ```swift
    /// let joined = first.appending(second)
    /// ```
    /// - Precondition: both tables have the same kind, column names and types.
    /// - Complexity: O(rows of both + dictionaries of both).
    package func appending(_ other: Table) -> Table {
        var builder = TableBuilder()
        builder.append(self)
        builder.append(other)
        return builder.table!
    }
}
