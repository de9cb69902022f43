/// Outlier treatment of a composite's components (METHODS §6 "Outlier treatment"), as COINr's
/// `qTreat` default: winsorisation while a component is both skewed and heavy-tailed.
package enum CompositeTreatment {
    /// Thresholds: treat while |g₁| > `skew` and g₂ > `kurtosis`, changing at most `maxPoints` values.
    package struct Winsorise: Sendable, Hashable {
        package var skew: Double = 2
        package var kurtosis: Double = 3.5
        package var maxPoints: Int = 5
        package init(skew: Double = 2, kurtosis: Double = 3.5, maxPoints: Int = 5) {
            self.skew = skew
            self.kurtosis = kurtosis
            self.maxPoints = maxPoints
        }
    }

    /// Sample skewness g₁ = m₃/m₂^{3/2} and excess kurtosis g₂ = m₄/m₂² − 3 (central moments
    /// with divisor n, summed in the given order); nil without spread.
    package static func moments(_ xs: [Double]) -> (skew: Double, kurtosis: Double)? {
        guard xs.count >= 2 else { return nil }
        var sum = 0.0
        for x in xs { sum += x }
        let mean = sum / Double(xs.count)
        var m2 = 0.0
        var m3 = 0.0
        var m4 = 0.0
        for x in xs {
            let d = x - mean
            m2 += d * d
            m3 += d * d * d
            m4 += d * d * d * d
        }
        let n = Double(xs.count)
        m2 /= n
        m3 /= n
        m4 /= n
        guard m2 > 0 else { return nil }
        return (m3 / (m2 * m2.squareRoot()), m4 / (m2 * m2) - 3)
    }

    /// Winsorises `xs` in place of a copy: while |g₁| > skew, g₂ > kurtosis and fewer than
    /// `maxPoints` values have changed, the most extreme value on the side of the skew (the
    /// largest when g₁ > 0; all values tied with it) is replaced by the nearest remaining value
    /// on that side (the largest of the others). Stops when a step would exceed `maxPoints`
    /// or no other value is left.
    ///
    /// ```swift
    /// CompositeTreatment.winsorise([1, 2, 3, 4, 100], .init()).changed   // [] (g₂ below 3.5 for n = 5)
    /// ```
    /// - Returns: the treated values and the indices changed, in the order they were changed.
    package static func winsorise(_ xs: [Double], _ rule: Winsorise) -> (values: [Double], changed: [Int]) {
        var v = xs
        var changed: [Int] = []
        while let (g1, g2) = moments(v), abs(g1) > rule.skew, g2 > rule.kurtosis {
            let high = g1 > 0
            guard let extreme = high ? v.max() : v.min() else { break }
            let tied = v.indices.filter { v[$0] == extreme }
            let others = v.indices.filter { v[$0] != extreme }.map { v[$0] }
            guard let nearest = high ? others.max() : others.min() else { break }
            // Values already changed count once (a value can move again when the next step's
            // extreme is the one it was set to).
            if changed.count + tied.filter({ !changed.contains($0) }).count > rule.maxPoints { break }
            for i in tied {
                v[i] = nearest
                if !changed.contains(i) { changed.append(i) }
            }
        }
        return (v, changed)
    }
}
