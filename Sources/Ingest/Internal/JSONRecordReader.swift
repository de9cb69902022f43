import ApenCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the records of a JSON or JSON Lines file into the fields of `RowProcessor`'s records.
///
/// Each canonical column is a dotted path in a record (`"sak.kommunenr"`); a record's fields
/// are the values at those paths, in the header's order: a string is its decoded text, a
/// number its text as written, `true`/`false` their text, `null` or an absent key an empty
/// field. A path that holds an object or a list, a duplicate key on a path, or a record that is
/// not an object rejects that record, naming its line and the path; a syntax error anywhere
/// fails the source at its line and column. A record's line is the physical line of its first
/// byte, counted as for CSV (LF, CRLF and a lone CR each end a line).
///
/// - `json`: the whole document is read into memory (use JSON Lines for large files).
/// - `jsonl`: one record per line, read in 1 MiB blocks; memory follows the longest line.
struct JSONRecordReader {
    /// The path trie: node 0 is the record; a node with `slot >= 0` is a column's field.
    struct Node {
        var keys: [[UInt8]] = []
        var children: [Int] = []
        var slot = -1
        var path = ""
    }

    let path: String
    let paths: [String]
    private var nodes: [Node] = [Node()]

    // The record being read: field bytes in `arena`, per slot its range (`-1`: absent).
    private var arena: [UInt8] = []
    private var starts: [Int]
    private var ends: [Int]
    /// The first problem of the record being read: (path, reason).
    private var problem: (String, String)?
    /// Per slot: whether any record had the path (for columns absent from the whole file).
    private(set) var seen: [Bool]
    private var record = RecordBuffer()

    /// The longest line (jsonl) or file (json) read.
    static let maxBytes = 64 << 20

    init(path: String, paths: [String]) {
        self.path = path
        self.paths = paths
        starts = Array(repeating: -1, count: paths.count)
        ends = Array(repeating: -1, count: paths.count)
        seen = Array(repeating: false, count: paths.count)
        for (slot, p) in paths.enumerated() {
            var n = 0
            for part in p.split(separator: ".", omittingEmptySubsequences: false) {
                let key = Array(part.utf8)
                if let k = nodes[n].keys.firstIndex(of: key) {
                    n = nodes[n].children[k]
                } else {
                    nodes.append(Node())
                    nodes[n].keys.append(key)
                    nodes[n].children.append(nodes.count - 1)
                    n = nodes.count - 1
                }
            }
            nodes[n].slot = slot
            nodes[n].path = p
        }
    }

    func deallocate() { record.deallocate() }

    /// Hands the header (the paths) and then every record to `processor`.
    /// - Throws: a `Diagnostic` for a syntax error, an unreadable file, a missing records path.
    mutating func run(
        format: IngestOptions.Format, processor: inout RowProcessor, deliver: (Table) throws -> Void
    ) throws {
        record.reset()
        for p in paths {
            let bytes = Array(p.utf8)
            bytes.withUnsafeBufferPointer { record.append($0.baseAddress, $0.count) }
        }
        guard processor.handle(record, line: 1, deliver: deliver) else { return }
        switch format {
        case .jsonLines: try runLines(processor: &processor, deliver: deliver)
        case .json(let records): try runDocument(records: records, processor: &processor, deliver: deliver)
        case .csv, .jsonStat: preconditionFailure("not a JSON record format")
        }
    }

    // MARK: JSON Lines

    private mutating func runLines(processor: inout RowProcessor, deliver: (Table) throws -> Void) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw Diagnostic(SourceLocation(path: path), "cannot open the file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let blockSize = 1 << 20
        var block = [UInt8](repeating: 0, count: blockSize)
        var carry: [UInt8] = []
        var line = 1
        var first = true
        var skipLF = false
        var stop = false
        while !stop {
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, blockSize) }
            if n < 0 {
                throw Diagnostic(
                    SourceLocation(path: path, line: line), "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            var k = 0
            if first {
                first = false
                if n >= 3, block[0] == 0xEF, block[1] == 0xBB, block[2] == 0xBF { k = 3 }
            }
            if skipLF, block[k] == 0x0A { k += 1 }
            skipLF = false
            var lineStart = k
            // The next LF of the block (or `n`), found once and reused until passed, so a file of
            // lone CRs does not rescan the block per line; then the first CR before it.
            var nextLF = -1
            while k < n {
                if nextLF < k { nextLF = JSONRecordReader.find(0x0A, in: block, from: k, to: n) }
                k = JSONRecordReader.find(0x0D, in: block, from: k, to: nextLF)
                if k == n { break }
                let c = block[k]
                let keepGoing: Bool
                if carry.isEmpty {
                    keepGoing = try block.withUnsafeBufferPointer {
                        try parseLine(UnsafeBufferPointer(rebasing: $0[lineStart..<k]), line: line, &processor, deliver)
                    }
                } else {
                    carry.append(contentsOf: block[lineStart..<k])
                    keepGoing = try carry.withUnsafeBufferPointer { try parseLine($0, line: line, &processor, deliver) }
                    carry.removeAll(keepingCapacity: true)
                }
                if !keepGoing {
                    stop = true
                    break
                }
                line += 1
                k += 1
                if c == 0x0D {
                    if k < n {
                        if block[k] == 0x0A { k += 1 }
                    } else {
                        skipLF = true
                    }
                }
                lineStart = k
            }
            if !stop {
                carry.append(contentsOf: block[lineStart..<n])
                if carry.count > JSONRecordReader.maxBytes {
                    throw Diagnostic(
                        SourceLocation(path: path, line: line),
                        "a line is longer than 64 MiB; is this a JSON Lines file (one record per line)?")
                }
            }
        }
        if !stop, !carry.isEmpty {
            _ = try carry.withUnsafeBufferPointer { try parseLine($0, line: line, &processor, deliver) }
        }
    }

    /// The offset of the first `byte` in `block[from..<to]`, or `to` (memchr: the line search
    /// runs at memory speed instead of a byte-by-byte loop).
    @inline(__always)
    private static func find(_ byte: UInt8, in block: [UInt8], from: Int, to: Int) -> Int {
        guard from < to else { return to }
        return block.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress, let hit = memchr(base + from, Int32(byte), to - from) else { return to }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
    }

    /// One line of a JSON Lines file; `false` stops reading.
    private mutating func parseLine(
        _ bytes: UnsafeBufferPointer<UInt8>, line: Int, _ processor: inout RowProcessor,
        _ deliver: (Table) throws -> Void
    ) throws -> Bool {
        var s = JSONScanner(bytes, line: line)
        s.skipWhitespace()
        if s.atEnd { return true }
        let start = s.i
        let keepGoing: Bool
        do {
            keepGoing = try readRecord(
                &s, line: line, processor: &processor, deliver: deliver,
                raw: { s in
                    UnsafeBufferPointer(rebasing: bytes[start..<s.i])
                })
            s.skipWhitespace()
            if !s.atEnd { throw s.error("text after the record (JSON Lines has one record per line)") }
        } catch let e as JSONSyntaxError {
            throw syntax(e)
        }
        return keepGoing
    }

    // MARK: One JSON document

    private mutating func runDocument(
        records: String?, processor: inout RowProcessor, deliver: (Table) throws -> Void
    ) throws {
        var bytes = try JSONRecordReader.readWhole(path)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let segments = records.map { $0.split(separator: ".", omittingEmptySubsequences: false).map { Array($0.utf8) } }
        try bytes.withUnsafeBufferPointer { all in
            var s = JSONScanner(all)
            do {
                s.skipWhitespace()
                if s.atEnd { throw s.error("the file holds no JSON value") }
                var found = false
                var keepGoing = true
                try JSONRecordReader.walk(&s, path: path, segments: segments ?? [], depth: 0, found: &found) { s in
                    keepGoing = try readList(&s, all, &processor, deliver)
                }
                if !keepGoing { return }
                s.skipWhitespace()
                if !s.atEnd { throw s.error("text after the JSON value") }
                if !found {
                    let what = records.map { "no list of records at '\($0)' (records:)" } ?? "no list of records"
                    throw Diagnostic(
                        SourceLocation(path: path, line: 1),
                        records == nil
                            ? "the file holds \(JSONScanner.kind(of: all.first { $0 > 0x20 } ?? 0)), not a list of records; give 'records: path' when the records are inside an object"
                            : what)
                }
            } catch let e as JSONSyntaxError {
                throw syntax(e)
            }
        }
    }

    /// Steps over the value at `s`, calling `body` at the list the records path leads to.
    private static func walk(
        _ s: inout JSONScanner, path: String, segments: [[UInt8]], depth: Int, found: inout Bool,
        _ body: (inout JSONScanner) throws -> Void
    ) throws {
        if depth == segments.count {
            guard s.peek == 0x5B else {
                if segments.isEmpty {
                    // Not a list: stepped over (so a syntax error is still found), and reported
                    // by the caller as "holds an object, not a list of records".
                    try s.skipValue()
                    return
                }
                throw Diagnostic(
                    SourceLocation(path: path, line: s.line, column: s.column),
                    "records: '\(segments.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "."))' holds \(JSONScanner.kind(of: s.peek)), not a list of records"
                )
            }
            found = true
            try body(&s)
            return
        }
        guard s.peek == 0x7B else {
            try s.skipValue()
            return
        }
        s.i += 1
        s.skipWhitespace()
        if s.peek == 0x7D {
            s.i += 1
            return
        }
        var key: [UInt8] = []
        while true {
            guard s.peek == 0x22 else { throw s.error("expected a key in double quotes, found \(s.found)") }
            let k = try s.scanString()
            key.removeAll(keepingCapacity: true)
            try s.unescape(k.start, k.end, into: &key)
            s.skipWhitespace()
            try s.expect(0x3A, "':' after a key")
            s.skipWhitespace()
            if !found, key == segments[depth] {
                try walk(&s, path: path, segments: segments, depth: depth + 1, found: &found, body)
            } else {
                try s.skipValue()
            }
            s.skipWhitespace()
            if s.peek == 0x2C {
                s.i += 1
                s.skipWhitespace()
                continue
            }
            try s.expect(0x7D, "',' or '}' after a member of an object")
            return
        }
    }

    /// The items of the list at `s`, each a record; `false` when reading stopped.
    private mutating func readList(
        _ s: inout JSONScanner, _ all: UnsafeBufferPointer<UInt8>, _ processor: inout RowProcessor,
        _ deliver: (Table) throws -> Void
    ) throws -> Bool {
        s.i += 1
        s.skipWhitespace()
        if s.peek == 0x5D {
            s.i += 1
            return true
        }
        while true {
            let start = s.i
            let ok = try readRecord(&s, line: s.line, processor: &processor, deliver: deliver) { s in
                UnsafeBufferPointer(rebasing: all[start..<s.i])
            }
            if !ok { return false }
            s.skipWhitespace()
            if s.peek == 0x2C {
                s.i += 1
                s.skipWhitespace()
                continue
            }
            try s.expect(0x5D, "',' or ']' after a record")
            return true
        }
    }

    // MARK: Records

    /// Reads the value at `s` as a record and hands it (or its problem) to `processor`.
    private mutating func readRecord(
        _ s: inout JSONScanner, line: Int, processor: inout RowProcessor, deliver: (Table) throws -> Void,
        raw: (JSONScanner) -> UnsafeBufferPointer<UInt8>
    ) throws -> Bool {
        guard s.peek == 0x7B else {
            let kind = JSONScanner.kind(of: s.peek)
            try s.skipValue()
            processor.rejectUnread(line: line, field: nil, reason: "the record is \(kind), not an object", raw: raw(s))
            return true
        }
        arena.removeAll(keepingCapacity: true)
        for k in starts.indices {
            starts[k] = -1
            ends[k] = -1
        }
        problem = nil
        try object(&s, node: 0)
        if let (field, reason) = problem {
            processor.rejectUnread(line: line, field: field, reason: reason, raw: raw(s))
            return true
        }
        record.reset()
        arena.withUnsafeBufferPointer { a in
            for k in starts.indices {
                if starts[k] < 0 {
                    record.append(a.baseAddress, 0)
                } else {
                    record.append(a.baseAddress.map { $0 + starts[k] }, ends[k] - starts[k])
                }
            }
        }
        let text = raw(s)
        return processor.handle(record, line: line, raw: text, deliver: deliver)
    }

    /// The members of the object at `s` under trie node `node`.
    private mutating func object(_ s: inout JSONScanner, node: Int) throws(JSONSyntaxError) {
        s.i += 1
        s.skipWhitespace()
        if s.peek == 0x7D {
            s.i += 1
            return
        }
        var key: [UInt8] = []
        while true {
            guard s.peek == 0x22 else { throw s.error("expected a key in double quotes, found \(s.found)") }
            let k = try s.scanString()
            s.skipWhitespace()
            try s.expect(0x3A, "':' after a key")
            s.skipWhitespace()
            var child = -1
            let keys = nodes[node].keys
            if !keys.isEmpty {
                if k.escaped {
                    key.removeAll(keepingCapacity: true)
                    try s.unescape(k.start, k.end, into: &key)
                    if let at = keys.firstIndex(of: key) { child = nodes[node].children[at] }
                } else {
                    let n = k.end - k.start
                    for (at, candidate) in keys.enumerated() where candidate.count == n {
                        if candidate.withUnsafeBufferPointer({ memcmp($0.baseAddress!, s.base + k.start, n) == 0 }) {
                            child = nodes[node].children[at]
                            break
                        }
                    }
                }
            }
            if child < 0 {
                try s.skipValue()
            } else {
                try member(&s, node: child)
            }
            s.skipWhitespace()
            if s.peek == 0x2C {
                s.i += 1
                s.skipWhitespace()
                continue
            }
            try s.expect(0x7D, "',' or '}' after a member of an object")
            return
        }
    }

    /// The value of a key on a column's path.
    private mutating func member(_ s: inout JSONScanner, node: Int) throws(JSONSyntaxError) {
        let c = s.peek
        let slot = nodes[node].slot
        if c == 0x7B, !nodes[node].children.isEmpty {
            try object(&s, node: node)
            return
        }
        guard slot >= 0 else {
            try s.skipValue()
            return
        }
        seen[slot] = true
        if starts[slot] >= 0 || ends[slot] == -2 {
            note(nodes[node].path, "the key '\(nodes[node].path)' appears twice in the record")
        }
        switch c {
        case 0x7B, 0x5B:
            try s.skipValue()
            note(
                nodes[node].path,
                "'\(nodes[node].path)' holds \(JSONScanner.kind(of: c)), not a text, number or boolean")
        case 0x22:
            let str = try s.scanString()
            let from = arena.count
            if str.escaped {
                try s.unescape(str.start, str.end, into: &arena)
            } else {
                arena.append(contentsOf: UnsafeBufferPointer(start: s.base + str.start, count: str.end - str.start))
            }
            starts[slot] = from
            ends[slot] = arena.count
        case 0x6E, 0x74, 0x66:
            let lit = try s.scanLiteral()
            if s.base[lit.start] == 0x6E {
                ends[slot] = -2  // null: present, and empty
            } else {
                set(slot, s.base + lit.start, lit.end - lit.start)
            }
        default:
            let num = try s.scanNumber()
            set(slot, s.base + num.start, num.end - num.start)
        }
    }

    private mutating func set(_ slot: Int, _ p: UnsafePointer<UInt8>, _ n: Int) {
        let from = arena.count
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        starts[slot] = from
        ends[slot] = arena.count
    }

    private mutating func note(_ path: String, _ reason: String) {
        if problem == nil { problem = (path, reason) }
    }

    private func syntax(_ e: JSONSyntaxError) -> Diagnostic {
        Diagnostic(SourceLocation(path: path, line: e.line, column: e.column), "JSON syntax error: \(e.message)")
    }

    /// The whole file's bytes.
    static func readWhole(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw Diagnostic(SourceLocation(path: path), "cannot open the file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                throw Diagnostic(
                    SourceLocation(path: path), "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: block[0..<n])
            if bytes.count > maxBytes * 16 {
                throw Diagnostic(
                    SourceLocation(path: path), "the file is larger than 1 GiB; write it as JSON Lines (format: jsonl)")
            }
        }
    }
}
