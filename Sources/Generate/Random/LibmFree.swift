// Elementary functions without libm, so values that decide generated data are bit-identical on
// every platform (libm's exp/log may differ in the last bit between C libraries).

/// 2^x without libm (so the population table is identical on every platform): integer part by
/// shifting, fractional part by a short Taylor series of e^(f·ln 2), accurate to ~1e-9.
func exp2Approx(_ x: Double) -> Double {
    let i = x.rounded(.down)
    let f = (x - i) * 0.6931471805599453
    var term = 1.0
    var sum = 1.0
    for k in 1...14 {
        term *= f / Double(k)
        sum += term
    }
    return sum * Double(sign: .plus, exponent: Int(i), significand: 1)
}

/// log2 x for x > 0 without libm: exponent from the bits, mantissa by atanh series.
func log2Approx(_ x: Double) -> Double {
    let e = Double(x.exponent)
    let m = x.significand  // [1, 2)
    let t = (m - 1) / (m + 1)
    let t2 = t * t
    var term = t
    var sum = 0.0
    var k = 1.0
    for _ in 0..<20 {
        sum += term / k
        term *= t2
        k += 2
    }
    return e + 2 * sum / 0.6931471805599453
}
