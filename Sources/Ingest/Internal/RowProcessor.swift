import ApenCore

/// Turns records into typed column chunks and rejected rows; one per read.
///
/// The first record is the header: it binds each canonical column to a field. Every later
/// record is checked field by field in file order, stopping at the first problem (one
/// rejected row per record, naming that field), then across fields (publication before
/// registration, answer before request); only a fully valid row is committed to the chunk.
/// Text is interned at commit, so values of rejected rows never enter a dictionary.
///
/// A struct, held in a local variable of `Ingestor.read` and mutated in place from the
/// reader's callback: its arrays are then checked for exclusive access statically, not on
/// every cell as they would be as properties of a class.
struct RowProcessor {
    /// A canonical column read from the file: its field, plan entry and storage slot.
    struct Bound {
        var field: Int
        var column: ColumnPlan.Column
        /// Unretained: `validators` owns them. Calls go through `_withUnsafeGuaranteedRef`,
        /// which skips a retain/release pair per cell.
        var validator: Unmanaged<CellValidator>
        var slot: Int
    }

    let options: IngestOptions
    let plan: ColumnPlan
    let codec: TextCodec
    let delimiter: UInt8
    let chunkRows: Int

    private(set) var headerLine: Int?
    private(set) var headerNames: [String] = []
    private(set) var failure: Diagnostic?
    private var bound: [Bound] = []
    /// Owns the validators `bound` refers to.
    private var validators: [CellValidator] = []
    /// Slots of cross-field checks: (earlier, later) dates that must not go backwards.
    private var ordered: [(earlier: Int, later: Int, earlierName: String, laterName: String)] = []
    /// The slot of `answered` when the source declares `extracted:` (METHODS.md §5).
    private var answeredAfterExtraction: (slot: Int, extracted: Int32)?

    // The chunk being built, by storage slot.
    private var slotTypes: [ColumnType] = []
    private var texts: [ByteInterner] = []
    private var textCodes: [[Int32]] = []
    /// Parallel reads (`ParallelReader`): text cells are kept as bytes in `rawTexts`, to be
    /// interned later in file order, and the chunk's text columns of the file are left empty.
    var keepsRawText = false
    /// With `keepsRawText`: bytes reserved per text column up front (the range's size: a
    /// reservation untouched costs address space, not memory), so the arenas never regrow.
    var rawTextReserve = 0
    private var rawTexts: [RawTextColumn] = []
    private var numbers: [[Double]] = []
    private var dates: [[Int32]] = []
    /// Slot → index into `texts`/`numbers`/`dates`.
    private var storage: [Int] = []
    private var chunkCount = 0

    // Staged values of the record being checked, by slot.
    private var stagedNumber: [Double] = []
    private var stagedDate: [Int32] = []
    private var stagedTextField: [Int] = []

    /// Per field of the header: the recoder of its column (`na:`, `extract:`, `values:`, digits).
    private var recoders: [CellRecoder?] = []
    private var hasRecoders = false
    /// The record after recoding (owned, reused for every record).
    private let rewritten = ScratchRecord()
    /// Population sources: the field of `population` (an empty one skips the row), and the
    /// fields of the group columns for the warning (`-1`: fixed).
    private var populationField = -1
    private var groupFields: [(field: Int, fixed: String?)] = []
    /// Population rows skipped because the population is empty: their groups, `municipality year`.
    private(set) var unknownPopulation: [String] = []

    private(set) var rowsRead = 0
    private(set) var accepted = 0
    private(set) var rejected: [RejectedRow] = []
    private(set) var chunksDelivered = 0

    init(options: IngestOptions, plan: ColumnPlan, delimiter: UInt8, chunkRows: Int) {
        self.options = options
        self.plan = plan
        self.codec = TextCodec(encoding: options.encoding)
        self.delimiter = delimiter
        self.chunkRows = chunkRows
    }

    /// Handles one record; returns `false` to stop reading (a header problem or a chunk error).
    ///
    /// `raw` is the record's text in the file when it is not its fields joined (a JSON
    /// record), shown in the rejected-rows file.
    mutating func handle(
        _ record: borrowing RecordBuffer, line: Int, raw: UnsafeBufferPointer<UInt8>? = nil,
        deliver: (Table) throws -> Void
    ) -> Bool {
        if headerLine == nil { return bindHeader(record, line: line) }
        rowsRead += 1
        if record.count != headerNames.count {
            reject(
                record, line: line, field: nil,
                reason: "has \(record.count) field\(record.count == 1 ? "" : "s"), the header has \(headerNames.count)",
                raw: raw)
            return true
        }
        if hasRecoders {
            if let problem = rewrite(record) {
                reject(record, line: line, field: problem.field, reason: problem.reason, raw: raw)
                return true
            }
            return accept(rewritten.buffer, original: record, line: line, raw: raw, deliver: deliver)
        }
        return accept(record, original: record, line: line, raw: raw, deliver: deliver)
    }

    /// A record that no field could be read from (a JSON value that is not an object, a path
    /// holding a list): rejected with its text as written.
    mutating func rejectUnread(line: Int, field: String?, reason: String, raw: UnsafeBufferPointer<UInt8>) {
        rowsRead += 1
        rejected.append(
            RejectedRow(
                source: options.source, file: options.path, line: line, field: field, reason: reason,
                record: String(decoding: raw, as: UTF8.self)))
    }

    /// Recodes every field that has a recoder into `rewritten`; the first problem, if any.
    private mutating func rewrite(_ record: borrowing RecordBuffer) -> (field: String, reason: String)? {
        rewritten.buffer.reset()
        for f in 0..<record.count {
            let cell = record.field(f)
            guard let recoder = recoders[f] else {
                rewritten.buffer.append(cell.baseAddress, cell.count)
                continue
            }
            switch recoder.recode(cell) {
            case .same: rewritten.buffer.append(cell.baseAddress, cell.count)
            case .text(let bytes): bytes.withUnsafeBufferPointer { rewritten.buffer.append($0.baseAddress, $0.count) }
            case .problem(let reason): return (recoder.column, reason)
            }
        }
        return nil
    }

    /// Checks and commits a record whose cells are final (`original` as read, for messages).
    private mutating func accept(
        _ record: RecordBuffer, original: borrowing RecordBuffer, line: Int, raw: UnsafeBufferPointer<UInt8>?,
        deliver: (Table) throws -> Void
    ) -> Bool {
        if populationField >= 0, record.field(populationField).isEmpty {
            unknownPopulation.append(
                groupFields.map { $0.fixed ?? codec.decode(record.field($0.field)) }.joined(separator: " "))
            return true
        }
        if let problem = stage(record) {
            reject(original, line: line, field: problem.field, reason: problem.reason, raw: raw)
            return true
        }
        for o in ordered {
            let a = stagedDate[o.earlier]
            let b = stagedDate[o.later]
            if a != Column.missingDay, b != Column.missingDay, b < a {
                reject(
                    original, line: line, field: o.laterName,
                    reason: "\(o.laterName) \(Day(raw: b)) is before \(o.earlierName) \(Day(raw: a))", raw: raw)
                return true
            }
        }
        if let check = answeredAfterExtraction {
            let d = stagedDate[check.slot]
            if d != Column.missingDay, d > check.extracted {
                reject(
                    record, line: line, field: "answered",
                    reason: "answered \(Day(raw: d)) is after the extraction date \(Day(raw: check.extracted))")
                return true
            }
        }
        commit(record)
        if chunkCount == chunkRows {
            do {
                try deliver(takeChunk())
            } catch {
                deliveryError = error
                return false
            }
        }
        return true
    }

    /// Checks every bound cell in file order and stages its value; the first problem, if any.
    ///
    /// Works on a local copy of `bound` through a buffer pointer, so calling a cell's validator
    /// borrows it in place instead of copying (and retaining) it for every cell.
    private mutating func stage(_ record: RecordBuffer) -> (field: String, reason: String)? {
        let bound = self.bound  // `self.validators` keeps the unretained validators alive
        let codec = self.codec
        return bound.withUnsafeBufferPointer { bp -> (field: String, reason: String)? in
            for i in 0..<bp.count {
                let cell = record.field(bp[i].field)
                if !codec.isValid(cell) {
                    return (
                        bp[i].column.name,
                        "\(codec.quoted(cell)) has bytes that are not valid \(options.encoding.rawValue)"
                    )
                }
                let slot = bp[i].slot
                switch bp[i].column.type {
                case .text:
                    if let reason = bp[i].validator._withUnsafeGuaranteedRef({ $0.checkText(cell) }) {
                        return (bp[i].column.name, reason)
                    }
                    stagedTextField[slot] = cell.isEmpty ? -1 : bp[i].field
                case .number:
                    switch bp[i].validator._withUnsafeGuaranteedRef({ $0.number(cell) }) {
                    case .success(let v): stagedNumber[slot] = v
                    case .failure(let p): return (bp[i].column.name, p.text)
                    }
                case .date:
                    switch bp[i].validator._withUnsafeGuaranteedRef({ $0.date(cell) }) {
                    case .success(let d): stagedDate[slot] = d
                    case .failure(let p): return (bp[i].column.name, p.text)
                    }
                }
            }
            return nil
        }
    }

    /// An error thrown by the chunk consumer; `read` rethrows it.
    private(set) var deliveryError: (any Error)?

    // MARK: Header

    private mutating func bindHeader(_ record: borrowing RecordBuffer, line: Int) -> Bool {
        headerLine = line
        let location = SourceLocation(path: options.path, line: line)
        var names: [String] = []
        for i in 0..<record.count {
            let cell = record.field(i)
            guard codec.isValid(cell) else {
                failure = Diagnostic(
                    location,
                    "header field \(i + 1) \(codec.quoted(cell)) has bytes that are not valid \(options.encoding.rawValue)"
                )
                return false
            }
            names.append(codec.decode(cell))
        }
        headerNames = names
        let trimmed = names.map(\.trimmingHeaderSpaces)
        let listing = names.map { "'\(VisibleText.escaping($0))'" }.joined(separator: ", ")

        var missing: [String] = []
        var missingExtra: [String] = []
        var slot = 0
        for column in plan.columns {
            if column.fixed != nil {
                addSlot(column.type)
                slot += 1
                continue
            }
            let matches = trimmed.indices.filter { trimmed[$0] == column.headerName }
            if matches.count > 1 {
                let positions = matches.map { String($0 + 1) }.joined(separator: " and ")
                failure = Diagnostic(
                    location,
                    "the header names column \(describe(column)) twice (fields \(positions)); the header is: \(listing)"
                )
                return false
            }
            if let field = matches.first {
                let validator = CellValidator(
                    rule: column.rule, required: column.required, likert: plan.likert,
                    missingCodes: plan.missingCodes, decimalComma: options.decimalComma, dates: plan.dates, codec: codec
                )
                validators.append(validator)
                bound.append(
                    Bound(field: field, column: column, validator: Unmanaged.passUnretained(validator), slot: slot))
                addSlot(column.type)
                slot += 1
            } else if column.required || column.rule == .likert {
                missing.append(describe(column))
            } else if column.isExtra {
                missingExtra.append(describe(column))
            }
        }
        if missing.isEmpty, !missingExtra.isEmpty {
            let s = missingExtra.count == 1 ? "" : "s"
            failure = Diagnostic(
                location,
                "extra column\(s) \(missingExtra.joined(separator: ", ")) declared under extra: "
                    + "\(missingExtra.count == 1 ? "is" : "are") not in the header; the header is: \(listing)")
            return false
        }
        if !missing.isEmpty {
            let s = missing.count == 1 ? "" : "s"
            failure = Diagnostic(
                location,
                "required column\(s) \(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") "
                    + "neither in the file nor fixed; the header is: \(listing)")
            return false
        }
        bound.sort { $0.field < $1.field }
        recoders = Array(repeating: nil, count: names.count)
        for b in bound {
            do {
                recoders[b.field] = try CellRecoder.make(column: b.column.name, kind: options.kind, options: options)
            } catch let d as Diagnostic {
                failure = d
                return false
            } catch {
                failure = Diagnostic(location, "\(error)")
                return false
            }
        }
        hasRecoders = recoders.contains { $0 != nil }
        if options.kind == .population, let p = bound.first(where: { $0.column.name == "population" }) {
            populationField = p.field
            for name in ["municipality", "year"] {
                if let g = bound.first(where: { $0.column.name == name }) {
                    groupFields.append((g.field, nil))
                } else {
                    groupFields.append((-1, options.fixed[name] ?? ""))
                }
            }
        }
        stagedNumber = Array(repeating: .nan, count: slot)
        stagedDate = Array(repeating: Column.missingDay, count: slot)
        stagedTextField = Array(repeating: -1, count: slot)
        for (earlier, later) in [("registered", "published"), ("received", "answered")] {
            if let a = slotOf(earlier), let b = slotOf(later) {
                ordered.append((a, b, earlier, later))
            }
        }
        if options.kind == .accessRequests, let extracted = options.extracted, let s = slotOf("answered") {
            answeredAfterExtraction = (s, extracted)
        }
        return true
    }

    private func describe(_ column: ColumnPlan.Column) -> String {
        column.headerName == column.name ? "'\(column.name)'" : "'\(column.headerName)' (for '\(column.name)')"
    }

    /// The slot of a canonical column read from the file (not fixed).
    private func slotOf(_ name: String) -> Int? { bound.first { $0.column.name == name }?.slot }

    private mutating func addSlot(_ type: ColumnType) {
        slotTypes.append(type)
        switch type {
        case .text:
            storage.append(texts.count)
            texts.append(ByteInterner())
            textCodes.append([])
            var raw = RawTextColumn()
            if keepsRawText { raw.bytes.reserveCapacity(rawTextReserve) }
            rawTexts.append(raw)
        case .number:
            storage.append(numbers.count)
            numbers.append([])
        case .date:
            storage.append(dates.count)
            dates.append([])
        }
    }

    // MARK: Rows

    private mutating func commit(_ record: borrowing RecordBuffer) {
        let codec = self.codec
        for i in bound.indices {
            let slot = bound[i].slot
            let k = storage[slot]
            switch slotTypes[slot] {
            case .text:
                let f = stagedTextField[slot]
                if keepsRawText {
                    rawTexts[k].append(f < 0 ? nil : record.field(f))
                    continue
                }
                let code = f < 0 ? -1 : texts[k].code(record.field(f), decode: codec.decode)
                textCodes[k].append(code)
            case .number: numbers[k].append(stagedNumber[slot])
            case .date: dates[k].append(stagedDate[slot])
            }
        }
        chunkCount += 1
        accepted += 1
    }

    private mutating func reject(
        _ record: borrowing RecordBuffer, line: Int, field: String?, reason: String,
        raw: UnsafeBufferPointer<UInt8>? = nil
    ) {
        let text: String
        if let raw {
            text = String(decoding: raw, as: UTF8.self)
        } else {
            var fields: [String] = []
            for i in 0..<record.count { fields.append(recordField(codec.decode(record.field(i)))) }
            text = fields.joined(separator: String(Unicode.Scalar(delimiter)))
        }
        rejected.append(
            RejectedRow(
                source: options.source, file: options.path, line: line, field: field, reason: reason, record: text))
    }

    /// A field of a rejected record, quoted when it holds the delimiter, a quote, CR or LF.
    private func recordField(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        var out = "\""
        for ch in s.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        return out + "\""
    }

    // MARK: Chunks

    /// The rows committed since the last chunk as a `Table`, fixed columns materialised;
    /// resets the builders (dictionaries start afresh in every chunk).
    mutating func takeChunk() -> Table {
        var table = Table(source: options.source, kind: options.kind, rowCount: chunkCount)
        for column in plan.columns {
            if let fixed = column.fixed {
                switch fixed {
                case .text(let s):
                    table.columns[column.name] = .text(
                        TextColumn(codes: Array(repeating: 0, count: chunkCount), dictionary: [s]))
                case .number(let v): table.columns[column.name] = .number(Array(repeating: v, count: chunkCount))
                case .date(let d): table.columns[column.name] = .date(Array(repeating: d, count: chunkCount))
                }
                continue
            }
            guard let b = bound.first(where: { $0.column.name == column.name }) else { continue }
            let k = storage[b.slot]
            switch column.type {
            case .text:
                table.columns[column.name] = .text(TextColumn(codes: textCodes[k], dictionary: texts[k].dictionary))
                textCodes[k] = []
                texts[k] = ByteInterner()
            case .number:
                table.columns[column.name] = .number(numbers[k])
                numbers[k] = []
            case .date:
                table.columns[column.name] = .date(dates[k])
                dates[k] = []
            }
        }
        chunkCount = 0
        chunksDelivered += 1
        return table
    }

    /// With `keepsRawText`: the text cells of the file's columns since the last call, by
    /// canonical column name (call before `takeChunk`, whose text columns are then empty).
    mutating func takeRawTexts() -> [String: RawTextColumn] {
        var result: [String: RawTextColumn] = [:]
        for b in bound where b.column.type == .text {
            let k = storage[b.slot]
            result[b.column.name] = rawTexts[k]
            rawTexts[k] = RawTextColumn()
        }
        return result
    }
}

/// A record buffer that frees its storage with its owner.
final class ScratchRecord {
    var buffer = RecordBuffer()
    deinit { buffer.deallocate() }
}
