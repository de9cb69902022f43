import ApenCore

/// Weighted choices as cumulative tables for `Xoshiro256.pick(cumulative:)`.
struct Choice<Value: Sendable>: Sendable {
    let values: [Value]
    let cumulative: [Double]

    init(_ pairs: [(Value, Double)]) {
        values = pairs.map(\.0)
        var c: [Double] = []
        var s = 0.0
        for p in pairs {
            s += p.1
            c.append(s)
        }
        cumulative = c
    }

    @inline(__always)
    func draw(_ rng: inout Xoshiro256) -> Value { values[rng.pick(cumulative: cumulative)] }

    @inline(__always)
    func drawIndex(_ rng: inout Xoshiro256) -> Int { rng.pick(cumulative: cumulative) }
}
