import ApenCore
import Foundation
import Testing

@testable import Generate

@Suite struct GeneratorTests {
    private let folders = TemporaryFolders()

    /// A small national-shaped sample: four municipalities, three years, scale 2 (≈ 1–2 k rows a kind).
    static let sample = ["5001", "5006", "0301", "1151"]

    private func generate(
        seed: UInt64, scale: Double = 2, municipalities: [String]? = sample,
        years: ClosedRange<Int> = 2022...2024
    ) throws -> (String, [String: String]) {
        let dir = folders.make()
        let files = try Generator.write(
            scale: scale, seed: seed, out: dir, municipalities: municipalities, years: years)
        return (dir, files)
    }

    @Test func sameSeedSameBytesDifferentSeedDifferentBytes() throws {
        let (_, a) = try generate(seed: 42)
        let (_, b) = try generate(seed: 42)
        let (_, c) = try generate(seed: 43)
        #expect(Set(a.keys) == ["survey", "engagement", "publications", "access_requests", "population"])
        for kind in ["survey", "engagement", "publications", "access_requests"] {
            #expect(try TestSupport.bytes(a[kind]!) == TestSupport.bytes(b[kind]!), "\(kind)")
            #expect(try TestSupport.bytes(a[kind]!) != TestSupport.bytes(c[kind]!), "\(kind)")
        }
        // Population is a property of the municipalities, not of the seed.
        #expect(try TestSupport.bytes(a["population"]!) == TestSupport.bytes(c["population"]!))
    }

    @Test func headersAreCanonical() throws {
        let (_, files) = try generate(seed: 1)
        for kind in Generator.kinds {
            let header = try TestSupport.rows(files[kind.rawValue]!)[0]
            var canonical = Set(kind.requiredColumns + kind.optionalColumns)
            if kind == .survey {
                canonical.formUnion((1...12).map { $0 < 10 ? "q0\($0)" : "q\($0)" })
                canonical.remove("fpc")  // the synthetic survey is sampled with replacement: no fpc column
                canonical.formUnion(["aldersgruppe", "kjonn"])  // subgroup columns for survey breakdowns
            }
            #expect(Set(header) == canonical, "\(kind)")
            #expect(header.count == canonical.count, "\(kind): no duplicates")
        }
    }

    @Test func writtenRowsMatchThePlan() throws {
        let (_, files) = try generate(seed: 5)
        let plan = try GenerationPlan(scale: 2, seed: 5, municipalities: GeneratorTests.sample, years: 2022...2024)
        for kind in Generator.kinds {
            let rows = try TestSupport.rows(files[kind.rawValue]!)
            #expect(rows.count - 1 == plan.total(kind), "\(kind)")
            #expect(rows.allSatisfy { $0.count == rows[0].count }, "\(kind): every row has every field")
        }
    }

    @Test func surveyValuesAreInRange() throws {
        let (_, files) = try generate(seed: 7)
        let rows = try TestSupport.rows(files["survey"]!)
        let h = Dictionary(uniqueKeysWithValues: rows[0].enumerated().map { ($1, $0) })
        var cells = 0
        var missing = 0
        var nines = 0
        var psusPerStratum: [String: Set<String>] = [:]
        for r in rows.dropFirst() {
            let w = Double(r[h["weight"]!])!
            #expect(w >= 0.3 && w <= 3)
            #expect(GeneratorTests.sample.contains(r[h["municipality"]!]))
            #expect((2022...2024).contains(Int(r[h["year"]!])!))
            psusPerStratum["\(r[h["municipality"]!])/\(r[h["year"]!])/\(r[h["stratum"]!])", default: []].insert(
                r[h["psu"]!])
            for q in 1...12 {
                let v = r[h[q < 10 ? "q0\(q)" : "q\(q)"]!]
                cells += 1
                if v.isEmpty {
                    missing += 1
                    continue
                }
                if v == "9" {
                    nines += 1
                    continue
                }
                #expect((1...5).contains(Int(v)!), "Likert value \(v)")
            }
        }
        #expect(psusPerStratum.values.allSatisfy { $0.count >= 2 })
        // Designed: 3.5 % empty and 2 % code 9 (binomial; the bounds are > 4 SD wide at this size).
        let share = Double(missing + nines) / Double(cells)
        #expect(share > 0.04 && share < 0.07)
        #expect(nines > 0 && missing > nines)
    }

    @Test func surveyItemsCorrelateWithinAScaleAndQ04IsReversed() throws {
        let (_, files) = try generate(seed: 8, scale: 5)
        let rows = try TestSupport.rows(files["survey"]!)
        let h = Dictionary(uniqueKeysWithValues: rows[0].enumerated().map { ($1, $0) })
        func pairs(_ a: String, _ b: String) -> [(Double, Double)] {
            rows.dropFirst().compactMap { r in
                guard let x = Int(r[h[a]!]), let y = Int(r[h[b]!]), x != 9, y != 9 else { return nil }
                return (Double(x), Double(y))
            }
        }
        #expect(pearson(pairs("q01", "q02")) > 0.3)
        #expect(pearson(pairs("q05", "q06")) > 0.3)
        #expect(pearson(pairs("q01", "q04")) < -0.3)  // reverse-coded
    }

    @Test func activityLogsAreConsistent() throws {
        let (_, files) = try generate(seed: 9)
        // Publications: published never before registered; access and record types as designed.
        let pubs = try TestSupport.rows(files["publications"]!)
        let ph = Dictionary(uniqueKeysWithValues: pubs[0].enumerated().map { ($1, $0) })
        var types = Set<String>()
        var accesses = Set<String>()
        var unpublished = 0
        var weekend = 0
        for r in pubs.dropFirst() {
            let reg = day(r[ph["registered"]!])!
            if !r[ph["published"]!].isEmpty { #expect(day(r[ph["published"]!])! >= reg) } else { unpublished += 1 }
            if reg.weekday >= 6 { weekend += 1 }
            types.insert(r[ph["record_type"]!])
            accesses.insert(r[ph["access"]!])
            #expect(r[ph["access"]!] == "open" ? r[ph["exemption_basis"]!].isEmpty : !r[ph["exemption_basis"]!].isEmpty)
        }
        #expect(types.isSuperset(of: ["dataset", "decision", "letter_in"]))
        #expect(accesses == ["open", "partial", "exempt"])
        #expect(unpublished > 0 && weekend > 0)

        // Access requests: answered never before received; outcome exactly when answered.
        let reqs = try TestSupport.rows(files["access_requests"]!)
        let rh = Dictionary(uniqueKeysWithValues: reqs[0].enumerated().map { ($1, $0) })
        var unanswered = 0
        for r in reqs.dropFirst() {
            let received = day(r[rh["received"]!])!
            if r[rh["answered"]!].isEmpty {
                unanswered += 1
                #expect(r[rh["outcome"]!].isEmpty)
            } else {
                #expect(day(r[rh["answered"]!])! >= received)
                #expect(["granted", "partial", "denied"].contains(r[rh["outcome"]!]))
            }
        }
        #expect(unanswered > 0)

        // Engagement: skewed participation — the busiest 10 % of participants make well over 10 % of actions.
        let eng = try TestSupport.rows(files["engagement"]!)
        let eh = Dictionary(uniqueKeysWithValues: eng[0].enumerated().map { ($1, $0) })
        var actions: [String: Int] = [:]
        for r in eng.dropFirst() where r[eh["municipality"]!] == "0301" && day(r[eh["date"]!])!.year == 2024 {
            actions[r[eh["participant_id"]!], default: 0] += 1
        }
        let counts = actions.values.sorted(by: >)
        let top = counts.prefix(max(1, counts.count / 10)).reduce(0, +)
        #expect(Double(top) / Double(counts.reduce(0, +)) > 0.3)
    }

    @Test func aSubsetIsExactlyThoseRowsOfTheWholeDataset() throws {
        let (_, whole) = try generate(seed: 11, scale: 0.02, municipalities: nil, years: 2023...2024)
        let (_, part) = try generate(seed: 11, scale: 0.02, municipalities: ["5006"], years: 2024...2024)
        for kind in Generator.kinds {
            let all = try TestSupport.rows(whole[kind.rawValue]!)
            let h = all[0].firstIndex(of: "municipality")!
            let yearOf: ([String]) -> Int = { r in
                if let y = all[0].firstIndex(of: "year") { return Int(r[y])! }
                let dateColumn = ["date", "registered", "received"].compactMap { all[0].firstIndex(of: $0) }.first!
                return day(r[dateColumn])!.year
            }
            let expected = all.dropFirst().filter { $0[h] == "5006" && yearOf($0) == 2024 }
            let got = try TestSupport.rows(part[kind.rawValue]!).dropFirst()
            #expect(Array(got) == expected, "\(kind)")
        }
    }

    private func day(_ s: String) -> Day? {
        let p = s.split(separator: "-").compactMap { Int($0) }
        return p.count == 3 ? Day(year: p[0], month: p[1], day: p[2]) : nil
    }

    private func pearson(_ xy: [(Double, Double)]) -> Double {
        let n = Double(xy.count)
        let mx = xy.reduce(0) { $0 + $1.0 } / n
        let my = xy.reduce(0) { $0 + $1.1 } / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (x, y) in xy {
            sxy += (x - mx) * (y - my)
            sxx += (x - mx) * (x - mx)
            syy += (y - my) * (y - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }
}
