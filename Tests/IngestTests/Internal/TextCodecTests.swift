import Foundation
import Testing

@testable import Ingest

@Suite struct TextCodecTests {
    /// Every byte 0x80–0xFF against Python's cp1252 codec (Fixtures/cp1252_reference.txt).
    @Test func windows1252MatchesPython() throws {
        let reference = try String(contentsOfFile: Fixture.path("cp1252_reference.txt"), encoding: .utf8)
        let codec = TextCodec(encoding: .windows1252)
        var checked = 0
        for line in reference.split(separator: "\n") {
            let parts = line.split(separator: " ")
            let byte = UInt8(parts[0], radix: 16)!
            let valid = withUnsafeBytes(of: byte) { codec.isValid($0.bindMemory(to: UInt8.self)) }
            let decoded = withUnsafeBytes(of: byte) { codec.decode($0.bindMemory(to: UInt8.self)) }
            if parts[1] == "undefined" {
                #expect(!valid, "0x\(parts[0])")
            } else {
                #expect(valid, "0x\(parts[0])")
                #expect(decoded.unicodeScalars.map(\.value) == [UInt32(parts[1], radix: 16)!], "0x\(parts[0])")
            }
            checked += 1
        }
        #expect(checked == 128)
    }

    @Test func iso88591IsTheIdentity() {
        let codec = TextCodec(encoding: .iso88591)
        let bytes: [UInt8] = Array(0x80...0xFF)
        bytes.withUnsafeBufferPointer { b in
            #expect(codec.isValid(b))
            #expect(codec.decode(b).unicodeScalars.map(\.value) == (0x80...0xFF).map { UInt32($0) })
        }
    }

    // Well-formed UTF-8 per the Unicode Standard, table 3-7.
    @Test(
        arguments: [
            ([0x61, 0x62], true),
            ([0xC3, 0xA6], true),  // æ
            ([0xE2, 0x82, 0xAC], true),  // €
            ([0xF0, 0x9F, 0x98, 0x80], true),  // U+1F600
            ([0xE6], false),  // æ in windows-1252: a lone lead byte
            ([0xC0, 0xAF], false),  // overlong '/'
            ([0xED, 0xA0, 0x80], false),  // surrogate U+D800
            ([0xF4, 0x90, 0x80, 0x80], false),  // above U+10FFFF
            ([0x80], false),  // lone continuation
            ([0x61, 0xC3], false),  // truncated at the end
        ] as [([UInt8], Bool)])
    func utf8Validity(bytes: [UInt8], valid: Bool) {
        let codec = TextCodec(encoding: .utf8)
        #expect(bytes.withUnsafeBufferPointer { codec.isValid($0) } == valid)
    }
}
