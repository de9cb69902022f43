/// Numbers as written to CSV outputs: the shortest text that reads back to the same double
/// (METHODS.md §1), `-0` written as `0`, integers without a fraction only in integer columns.
package enum NumberText {
    /// Shortest round-trip text of a finite double (`0.1`, `2.0`, `1e-05`, as Python's `repr`).
    ///
    /// - Precondition: `x.isFinite` — outputs never hold NaN or infinity.
    package static func shortest(_ x: Double) -> String {
        precondition(x.isFinite, "non-finite number reached an output")
        return x == 0 ? "0.0" : x.description
    }

    /// A number for a message, as people write it: `5`, `0.5`, `1e-09` (not `5.0`).
    package static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : x.description
    }

    /// Parses a number written by `shortest` (or any decimal a CSV holds); `nil` when it is not one.
    package static func parse(_ s: Substring) -> Double? {
        let t = s.trimmingCharacters(in: " \t")
        guard !t.isEmpty, let v = Double(t), v.isFinite else { return nil }
        return v
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var sub = Substring(self)
        while let f = sub.first, set.contains(f) { sub.removeFirst() }
        while let l = sub.last, set.contains(l) { sub.removeLast() }
        return sub
    }
}
