import Foundation
import Testing

@testable import Generate

@Suite struct MunicipalityTests {
    @Test func norway2024HasThe357Numbers() {
        let codes = Municipality.norway2024.map(\.code)
        #expect(codes.count == 357)
        #expect(Set(codes).count == 357)
        #expect(codes.allSatisfy { $0.count == 4 && $0.allSatisfy(\.isNumber) })
        for required in ["0301", "5001", "5006", "1804", "5501", "3301", "4601"] { #expect(codes.contains(required)) }
    }

    /// Municipalities per county on 1 January 2024 (Statistics Norway's classification 131):
    /// the county is the first two digits.
    @Test(arguments: [
        ("03", 1), ("11", 23), ("15", 27), ("18", 41), ("31", 12), ("32", 21), ("33", 18), ("34", 46),
        ("39", 6), ("40", 17), ("42", 25), ("46", 43), ("50", 38), ("55", 21), ("56", 18),
    ])
    func countyCounts(_ county: String, _ count: Int) {
        #expect(Municipality.norway2024.filter { $0.code.hasPrefix(county) }.count == count)
    }

    @Test func populationsArePlausible() {
        let pops = Municipality.norway2024.map(\.population2024)
        let total = pops.reduce(0, +)
        // Norway had ≈ 5.55 million residents in 2024; the synthetic rest should land near that.
        #expect(total > 4_500_000 && total < 7_000_000)
        let sorted = pops.sorted()
        #expect(sorted[178] > 2_000 && sorted[178] < 12_000)  // median municipality: a few thousand
        #expect(Municipality.norway2024.first { $0.code == "0301" }!.population2024 == 717_700)
    }

    @Test func unknownNumberIsAnErrorNamingIt() {
        #expect { try Municipality.lookup(["5001", "9999"]) } throws: { error in
            "\(error)".contains("'9999'")
        }
    }
}
