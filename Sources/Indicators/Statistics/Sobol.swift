import ApenCore

/// Variance-based (Sobol) sensitivity indices from the A, B and A_B⁽ⁱ⁾ sample matrices
/// (METHODS.md §6, "Sensitivity"): N rows each of k uncertain factors, A_B⁽ⁱ⁾ being A with its
/// column i taken from B, so a model is run N·(k + 2) times.
///
/// With f_A, f_B, f_AB⁽ⁱ⁾ the model outputs on those rows and V the variance (divisor 2N) of
/// f_A and f_B together:
/// - first order, Saltelli et al. (2010), *Comput. Phys. Commun.* 181, 259–270, table 2 (b):
///   Sᵢ = (1/N)·Σⱼ f_B,j·(f_AB⁽ⁱ⁾,j − f_A,j) / V;
/// - total order, Jansen (1999), *Comput. Phys. Commun.* 117, 35–43 (Saltelli 2010 table 2 (f)):
///   S_Tᵢ = (1/2N)·Σⱼ (f_A,j − f_AB⁽ⁱ⁾,j)² / V.
///
/// These are the estimators SALib's `sobol.analyze` uses. Sums are compensated and run in row
/// order, so the indices depend only on the outputs, never on threads.
///
/// ```swift
/// let s = Sobol.indices(fA: fA, fB: fB, fAB: [fAB1, fAB2, fAB3])
/// // s?.first[0] ≈ 0.314 for the Ishigami function
/// ```
package enum Sobol {
    package struct Indices: Sendable, Equatable {
        /// Sᵢ per factor, in factor order.
        package var first: [Double]
        /// S_Tᵢ per factor.
        package var total: [Double]
    }

    /// The indices of every factor; nil when the outputs do not vary (V = 0) or N = 0.
    /// - Precondition: every array has the same length N.
    package static func indices(fA: [Double], fB: [Double], fAB: [[Double]]) -> Indices? {
        let n = fA.count
        precondition(fB.count == n && fAB.allSatisfy { $0.count == n }, "f_A, f_B and f_AB differ in length")
        guard n > 0 else { return nil }
        var sum = StableSum()
        for y in fA { sum.add(y) }
        for y in fB { sum.add(y) }
        let mean = sum.value / Double(2 * n)
        var squares = StableSum()
        for y in fA { squares.add((y - mean) * (y - mean)) }
        for y in fB { squares.add((y - mean) * (y - mean)) }
        let variance = squares.value / Double(2 * n)
        guard variance > 0 else { return nil }
        var first: [Double] = []
        var total: [Double] = []
        for column in fAB {
            var s1 = StableSum()
            var st = StableSum()
            for j in 0..<n {
                s1.add(fB[j] * (column[j] - fA[j]))
                let d = fA[j] - column[j]
                st.add(d * d)
            }
            first.append(s1.value / Double(n) / variance)
            total.append(st.value / Double(2 * n) / variance)
        }
        return Indices(first: first, total: total)
    }

    /// The matrices A and B: N rows of k uniforms in [0, 1) each, drawn from `rng` row by row,
    /// A before B — a fixed order, so a seed gives the same matrices on every machine.
    package static func sampleMatrices(rows n: Int, factors k: Int, rng: inout Xoshiro256StarStar) -> (
        a: [[Double]], b: [[Double]]
    ) {
        var a: [[Double]] = []
        var b: [[Double]] = []
        a.reserveCapacity(n)
        b.reserveCapacity(n)
        for _ in 0..<n { a.append((0..<k).map { _ in rng.nextUniform() }) }
        for _ in 0..<n { b.append((0..<k).map { _ in rng.nextUniform() }) }
        return (a, b)
    }

    /// A_B⁽ⁱ⁾: the rows of A with column `i` taken from B.
    package static func mixed(_ a: [[Double]], _ b: [[Double]], column i: Int) -> [[Double]] {
        zip(a, b).map { rowA, rowB in
            var r = rowA
            r[i] = rowB[i]
            return r
        }
    }
}
