/// Ranks for the composite index (METHODS §6): 1 = highest value; ties share the smallest
/// rank number ("competition ranking": 1, 2, 2, 4).
package enum CompositeRanking {
    /// The rank of each value, in the input's order.
    ///
    /// ```swift
    /// CompositeRanking.ranks([70, 90, 70, 50])   // [2, 1, 2, 4]
    /// ```
    /// - Precondition: no NaN.
    /// - Complexity: O(n log n).
    package static func ranks(_ values: [Double]) -> [Int] {
        let order = values.indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var ranks = [Int](repeating: 0, count: values.count)
        var k = 0
        while k < order.count {
            var j = k
            while j + 1 < order.count && values[order[j + 1]] == values[order[k]] { j += 1 }
            for t in k...j { ranks[order[t]] = k + 1 }
            k = j + 1
        }
        return ranks
    }
}
