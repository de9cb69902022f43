import ApenCore
import Foundation
import Testing

@testable import Generate

@Suite struct RowWriterTests {
    private let folders = TemporaryFolders()

    private func written(_ dialect: Dialect, _ body: (RowWriter) -> Void) throws -> [UInt8] {
        let dir = folders.make()
        let path = dir + "/t.csv"
        let w = try RowWriter(path: path, dialect: dialect)
        body(w)
        try w.finish()
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
        return [UInt8](try TestSupport.bytes(path))
    }

    @Test(arguments: [
        (1274, "1.274"), (1500, "1.5"), (2000, "2"), (300, "0.3"), (3000, "3"), (1005, "1.005"), (1050, "1.05"),
    ])
    func thousandths(_ v: Int, _ text: String) throws {
        let bytes = try written(.canonical) { w in
            w.thousandths(v)
            w.endRow()
        }
        #expect(bytes == Array((text + "\n").utf8))
    }

    @Test func decimalCommaAndSemicolon() throws {
        var d = Dialect()
        d.delimiter = UInt8(ascii: ";")
        d.decimalComma = true
        let bytes = try written(d) { w in
            w.text("5001")
            w.thousandths(1274)
            w.int(-7)
            w.empty()
            w.endRow()
        }
        #expect(bytes == Array("5001;1,274;-7;\n".utf8))
    }

    @Test func dateStyles() throws {
        let day = Day(year: 2021, month: 3, day: 7)!
        var d = Dialect()
        d.dateStyle = .dayMonthYear
        #expect(
            try written(d) { w in
                w.date(day)
                w.endRow()
            } == Array("07.03.2021\n".utf8))
        #expect(
            try written(.canonical) { w in
                w.date(day)
                w.endRow()
            } == Array("2021-03-07\n".utf8))
        d.dateStyle = .epochMilliseconds
        // 2021-03-07 is day 18693 after 1970-01-01 (Python: date(2021,3,7) - date(1970,1,1)); ×86 400 000 + 1 234 ms.
        #expect(
            try written(d) { w in
                w.date(day, millisecondsOfDay: 1234)
                w.endRow()
            }
                == Array("1615075201234\n".utf8))
    }

    @Test func windows1252EncodesNorwegianLetters() throws {
        var d = Dialect()
        d.encoding = .windows1252
        let bytes = try written(d) { w in
            w.text("æøåÆØÅ § –")
            w.endRow()
        }
        // Windows-1252: æ E6, ø F8, å E5, Æ C6, Ø D8, Å C5, § A7, en dash 96.
        #expect(bytes == [0xE6, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5, 0x20, 0xA7, 0x20, 0x96, 0x0A])
    }

    @Test func quotesOnlyWhenNeeded() throws {
        let bytes = try written(.canonical) { w in
            w.text("a,b")
            w.text("say \"hi\"")
            w.text("plain")
            w.endRow()
        }
        #expect(String(decoding: bytes, as: UTF8.self) == "\"a,b\",\"say \"\"hi\"\"\",plain\n")
    }

    @Test func paddedIDs() throws {
        let bytes = try written(.canonical) { w in
            w.id(Array("5001-2021-".utf8), 42, digits: 5)
            w.id(Array("2021/".utf8), 12, UInt8(ascii: "-"), 3)
            w.endRow()
        }
        #expect(String(decoding: bytes, as: UTF8.self) == "5001-2021-00042,2021/12-3\n")
    }

    /// Many rows cross the 1 MiB buffer several times; the bytes must equal a simply built String.
    @Test func bufferBoundariesLoseNothing() throws {
        var expected = ""
        let first = Day(year: 2015, month: 1, day: 1)!
        let bytes = try written(.canonical) { w in
            for i in 0..<150_000 {
                let d = first.adding(days: i % 4000)
                w.int(i)
                w.date(d)
                w.id(Array("P".utf8), i % 977, digits: 6)
                w.endRow()
                let digits = String(i % 977)
                expected += "\(i),\(d),P" + String(repeating: "0", count: 6 - digits.count) + digits + "\n"
            }
        }
        #expect(bytes.count > 2 << 20)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func aTextLargerThanTheBufferIsWrittenWhole() throws {
        let big = String(repeating: "æ", count: 700_000)  // 1.4 MB of UTF-8
        let bytes = try written(.canonical) { w in
            w.int(1)
            w.text(big)
            w.int(2)
            w.endRow()
        }
        #expect(String(decoding: bytes, as: UTF8.self) == "1,\(big),2\n")
    }
}
