// libFuzzer target: the indicator results CSV (`IndicatorCSV`), read back by `apen check`
// as the baseline and written by `apen baseline` and every run.
//
// The input bytes are the file text (invalid UTF-8 is replaced). For every text that parses:
// - writing the rows (`render`) and reading them again gives the same rows: a baseline
//   written by Åpen must read back as the rows it was written from, or `apen check` reports
//   rows as missing and added;
// - writing is idempotent: rendering the reread rows gives the same text.
@testable import ApenCore
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    guard let rows = try? IndicatorCSV.parse(text: text, path: "in.csv") else { return 0 }
    let rendered = IndicatorCSV.render(rows)
    let again: [IndicatorRow]
    do {
        again = try IndicatorCSV.parse(text: rendered, path: "out.csv")
    } catch {
        fatalError("the rendering of \(text.debugDescription) does not parse: \(error)\n\(rendered.debugDescription)")
    }
    let expected = rows.canonicallySorted()
    check(
        again.count == expected.count,
        "\(expected.count) rows written, \(again.count) read back from \(rendered.debugDescription)")
    for (a, b) in zip(expected, again) {
        check(a == b, "row \(a) reads back as \(b) from \(rendered.debugDescription)")
    }
    check(IndicatorCSV.render(again) == rendered, "rendering is not idempotent for \(rendered.debugDescription)")
    return 0
}
