import ApenCore
import Testing

@testable import Indicators

struct GroupIndexTests {
    private func column(_ values: [String?]) -> TextColumn {
        var dict: [String] = []
        let codes = values.map { v -> Int32 in
            guard let v else { return -1 }
            if let i = dict.firstIndex(of: v) { return Int32(i) }
            dict.append(v)
            return Int32(dict.count - 1)
        }
        return TextColumn(codes: codes, dictionary: dict)
    }

    private func groups(_ index: GroupIndex) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for g in 0..<index.count {
            out[index.label(g)] = index.members(g).map { "\(index.memberTable[$0]):\(index.memberRow[$0])" }
        }
        return out
    }

    // Two tables; groups in UTF-8 order of municipality ("0301" < "5001" < "NO" < "seattle"), then year.
    // A missing municipality or year leaves the row out.
    @Test func groupsAcrossTablesInCanonicalOrder() {
        let index = GroupIndex(
            municipality: [column(["5001", "0301", nil, "seattle"]), column(["NO", "5001", "0301"])],
            years: [[2024, 2023, 2024, 2020], [2024, 2024, GroupIndex.missingYear]])
        #expect((0..<index.count).map(index.label) == ["0301/2023", "5001/2024", "NO/2024", "seattle/2020"])
        #expect(groups(index)["5001/2024"] == ["0:0", "1:1"])
        #expect(index.ungroupedRows == 2)
    }

    // Five municipalities over years 1…999 999 need more than 2²² slots: the sparse path must
    // give the same groups as the dense one.
    @Test func sparseGridGivesTheSameGroups() {
        let munis = ["a", "b", "c", "d", "e", "a", "e"]
        let wide: [Int32] = [1, 999_999, 500_000, 2, 3, 1, 999_999]
        let index = GroupIndex(municipality: [column(munis)], years: [wide])
        #expect((0..<index.count).map(index.label) == ["a/1", "b/999999", "c/500000", "d/2", "e/3", "e/999999"])
        #expect(groups(index)["a/1"] == ["0:0", "0:5"])
        let narrow = GroupIndex(municipality: [column(munis)], years: [wide.map { $0 % 7 }])
        #expect(narrow.count == 6)
        #expect(groups(narrow)["a/1"] == ["0:0", "0:5"])
    }

    @Test func emptyAndAllMissing() {
        #expect(GroupIndex(municipality: [], years: []).count == 0)
        let index = GroupIndex(municipality: [column([nil, "x"])], years: [[2020, GroupIndex.missingYear]])
        #expect(index.count == 0 && index.ungroupedRows == 2)
    }

    // 2023-12-31 is day 19722 (2023-01-01 = 19358, + 364); the next day is 2024.
    @Test func yearsOfDaysAndNumbers() {
        #expect(GroupIndex.years(ofDays: [19722, 19723, Column.missingDay]) == [2023, 2024, GroupIndex.missingYear])
        #expect(
            GroupIndex.years(ofNumbers: [2019, 2019.5, .nan, 2020]) == [
                2019, GroupIndex.missingYear, GroupIndex.missingYear, 2020,
            ])
    }
}
