// libFuzzer target: Ingest's date parser (`DatePlan`), the code behind every date cell.
//
// Input layout: byte 0 picks the format (ISO, epoch seconds/milliseconds, or a pattern whose
// text is taken from the input up to the first 0x00 byte); the rest is the cell.
//
// Properties checked for every input:
// - a parsed day lies in years 1…9999 and is a real calendar day;
// - an ISO or pattern day printed back in the same format parses to the same day
//   (for the fixed formats), and surrounding spaces/tabs do not change the result;
// - epoch seconds and milliseconds agree: `s` seconds and `s*1000` milliseconds give the same day.
@testable import ApenCore
import FuzzSupport
@testable import Ingest

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    guard count >= 1 else { return 0 }
    let input = UnsafeRawBufferPointer(start: start, count: count)
    var cell = Array(input[1...])
    let format: IngestOptions.DateFormat
    switch input[0] % 6 {
    case 0: format = .iso
    case 1: format = .epochSeconds
    case 2: format = .epochMilliseconds
    case 3: format = .pattern("dd.MM.yyyy")
    case 4: format = .pattern("d/M/yyyy")
    default:
        // A free pattern: the bytes before the first NUL (must be valid UTF-8 text, as in YAML).
        guard let nul = cell.firstIndex(of: 0) else { return 0 }
        let text = String(decoding: cell[..<nul], as: UTF8.self)
        cell = Array(cell[(nul + 1)...])
        format = .pattern(text)
    }
    guard let plan = try? DatePlan(format) else { return 0 }
    let result = cell.withUnsafeBufferPointer { plan.parse($0) }

    // Padding with spaces and tabs is ignored.
    let padded = [0x20, 0x09] + cell + [0x09, 0x20]
    let paddedResult = padded.withUnsafeBufferPointer { plan.parse($0) }
    check(paddedResult == result, "padding changed \(result) to \(paddedResult)")

    guard case .day(let raw) = result else { return 0 }
    let day = Day(raw: raw).civil
    check(day.year >= 1 && day.year <= 9999, "year \(day.year) out of 1…9999")
    check(Day(year: day.year, month: day.month, day: day.day)?.raw == raw, "day \(raw) does not round-trip")

    switch input[0] % 6 {
    case 0:
        let text = Day(raw: raw).description
        let again = Array(text.utf8).withUnsafeBufferPointer { plan.parse($0) }
        check(again == result, "ISO \(text) parsed to \(again), not \(result)")
    case 1:
        // The same instant in milliseconds (when it fits the 18-digit limit).
        let ms = String(decoding: cell, as: UTF8.self).trimmingSpacesAndTabs
        if let s = Int64(ms), s.magnitude < 100_000_000_000_000 {
            let millis = try! DatePlan(.epochMilliseconds)
            let again = Array(String(s * 1000).utf8).withUnsafeBufferPointer { millis.parse($0) }
            check(again == result, "\(s) s is \(result) but \(s * 1000) ms is \(again)")
        }
    case 3:
        let text = two(day.day) + "." + two(day.month) + "." + String(format4: day.year)
        let again = Array(text.utf8).withUnsafeBufferPointer { plan.parse($0) }
        check(again == result, "\(text) parsed to \(again), not \(result)")
    default:
        break
    }
    return 0
}

private func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

extension String {
    fileprivate init(format4 v: Int) {
        let s = String(v)
        self = String(repeating: "0", count: Swift.max(0, 4 - s.count)) + s
    }

    fileprivate var trimmingSpacesAndTabs: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

