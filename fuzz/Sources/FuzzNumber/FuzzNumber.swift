// libFuzzer target: Ingest's number parser (`NumberParser`), the code behind every number cell.
//
// Input layout: byte 0 bit 0 declares a decimal comma; the rest is the cell.
//
// The parser has a fast path (Clinger: an exact mantissa times an exact power of ten) and
// falls back to the standard library. The reference here is the standard library alone,
// `Double(String)` on the trimmed cell with the separator mapped to `.`, so the fast path
// is checked bit for bit against a correctly rounded parser:
// - when NumberParser accepts a cell, `Double(String)` accepts it and gives the same bits;
// - when the cell uses only digits, signs, `e`/`E` and the separator, and `Double(String)`
//   accepts it, NumberParser accepts it too (the grammars agree on plain decimal text);
// - the other separator is never accepted (`2.5` is not a number in a decimal-comma file).
@testable import ApenCore
import FuzzSupport
@testable import Ingest

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count >= 1 else { return 0 }
    let decimalComma = start[0] & 1 != 0
    let cell = UnsafeBufferPointer(start: start + 1, count: count - 1)
    let value = NumberParser.parse(cell, decimalComma: decimalComma)

    let separator: UInt8 = decimalComma ? 0x2C : 0x2E
    let other: UInt8 = decimalComma ? 0x2E : 0x2C
    var bytes = Array(cell)
    while let f = bytes.first, f == 0x20 || f == 0x09 { bytes.removeFirst() }
    while let l = bytes.last, l == 0x20 || l == 0x09 { bytes.removeLast() }
    if value != nil {
        check(!bytes.contains(other), "accepted the other separator in \(bytes)")
    }
    let mapped = bytes.map { $0 == separator ? 0x2E : $0 }
    let text = String(decoding: mapped, as: UTF8.self)
    let reference = bytes.contains(other) ? nil : Double(text)

    if let value {
        check(reference != nil, "NumberParser accepts \(text.debugDescription) as \(value), Double(String) does not")
        check(
            value.bitPattern == reference!.bitPattern,
            "\(text.debugDescription): NumberParser \(value) (\(value.bitPattern)) ≠ Double \(reference!) (\(reference!.bitPattern))")
    } else if let reference {
        let plain = mapped.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 == 0x65 || $0 == 0x45 }
        check(!plain, "NumberParser rejects \(text.debugDescription), Double(String) reads \(reference)")
    }
    return 0
}
