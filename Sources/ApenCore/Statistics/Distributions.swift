import Foundation

/// The Beta distribution: the regularized incomplete beta function I_x(a, b) and its inverse.
///
/// I_x(a, b) by its continued fraction (modified Lentz), using I_x(a, b) = 1 − I_{1−x}(b, a)
/// where x > (a + 1)/(a + b + 2) so that the fraction converges fast (Abramowitz–Stegun 26.5.8;
/// Numerical Recipes, 3rd ed., §6.4). The inverse starts from the usual normal or power
/// approximation and refines with Halley steps on f(x) = I_x(a, b) − p.
package enum Beta {
    /// I_x(a, b) for a, b > 0 and x in [0, 1].
    package static func cdf(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = exp(a * log(x) + b * log1p(-x) - logBeta(a, b))
        if x < (a + 1) / (a + b + 2) { return front * fraction(x, a, b) / a }
        return 1 - front * fraction(1 - x, b, a) / b
    }

    /// The p-quantile: x with I_x(a, b) = p. A first shape parameter of 0 gives 0 and a
    /// second of 0 gives 1 (the limits of the distribution, as METHODS.md §2 uses them).
    package static func quantile(_ p: Double, a: Double, b: Double) -> Double {
        if a <= 0 { return 0 }
        if b <= 0 { return 1 }
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        var x: Double
        if a >= 1, b >= 1 {
            let pp = p < 0.5 ? p : 1 - p
            let t = (-2 * log(pp)).squareRoot()
            var z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t
            if p < 0.5 { z = -z }
            let al = (z * z - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w = z * (al + h).squareRoot() / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h))
            x = a / (a + b * exp(2 * w))
        } else {
            let lna = log(a / (a + b))
            let lnb = log(b / (a + b))
            let t = exp(a * lna) / a
            let u = exp(b * lnb) / b
            let w = t + u
            x = p < t / w ? pow(a * w * p, 1 / a) : 1 - pow(b * w * (1 - p), 1 / b)
        }
        if !(x > 0 && x < 1) { x = 0.5 }
        // Bracket kept alongside Halley steps: bisection (geometric near 0) when a step leaves it.
        var lo = 0.0
        var hi = 1.0
        let afac = -logBeta(a, b)
        for _ in 0..<300 {
            let f = cdf(x, a: a, b: b) - p
            if f == 0 { return x }
            if f < 0 { lo = x } else { hi = x }
            let density = exp((a - 1) * log(x) + (b - 1) * log1p(-x) + afac)
            var next = x
            if density > 0, density.isFinite {
                let u = f / density
                let curvature = (a - 1) / x - (b - 1) / (1 - x)
                next = x - u / (1 - 0.5 * min(1, max(-1, u * curvature)))
            }
            if !(next > lo && next < hi) || !next.isFinite {
                next = lo > 0 ? (lo * hi).squareRoot() : (hi > 1e-300 ? hi * 1e-3 : hi / 2)
                if lo > 0, hi / lo < 4 { next = 0.5 * (lo + hi) }
            }
            if abs(next - x) <= 4 * Double.ulpOfOne * x { return next }
            x = next
            if hi - lo <= 2 * Double.ulpOfOne * hi { return x }
        }
        return x
    }

    /// log B(a, b).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        lgamma(a) + lgamma(b) - lgamma(a + b)
    }

    /// The continued fraction of I_x(a, b) (without the front factor), modified Lentz.
    private static func fraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let mf = Double(m)
            let m2 = 2 * mf
            var aa = mf * (b - mf) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + mf) * (qab + mf) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let del = d * c
            h *= del
            if abs(del - 1) < 1e-16 { break }
        }
        return h
    }
}

/// Student's t distribution: the quantile function, through the Beta inverse
/// (for p > ½, t = √(df·(1 − x)/x) with x = I⁻¹_{2(1−p)}(df/2, ½); A–S 26.7.1 and 26.5.27),
/// with the closed forms for df = 1 and 2.
package enum StudentT {
    /// t_{0.975, df} for a whole `df` ≥ 1: the 95 % two-sided quantile every survey interval
    /// uses, from a table for df ≤ 512 (built once) and computed above it.
    package static func quantile975(df: Int) -> Double {
        df <= table975.count ? table975[df - 1] : quantile(0.975, df: Double(df))
    }

    private static let table975: [Double] = (1...512).map { quantile(0.975, df: Double($0)) }

    /// The p-quantile of Student's t with `df` > 0 degrees of freedom.
    package static func quantile(_ p: Double, df: Double) -> Double {
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, df: df) }
        if p >= 1 { return .infinity }
        if df == 1 { return tan(Double.pi * (p - 0.5)) }
        if df == 2 { return (2 * p - 1) / (2 * p * (1 - p)).squareRoot() }
        let tail = 2 * (1 - p)
        let x = Beta.quantile(tail, a: df / 2, b: 0.5)
        if x < 0.5 { return (df * (1 - x) / x).squareRoot() }
        // x near 1 (large df): work with 1 − x = I⁻¹_{1−tail}(½, df/2) to keep its digits.
        let y = Beta.quantile(1 - tail, a: 0.5, b: df / 2)
        return (df * y / (1 - y)).squareRoot()
    }
}
