import ApenCore

/// Parses one cell by its column's type and checks its rule (METHODS §1, §2, §7).
///
/// Every check works on the field's bytes; a `String` is made only for a message. A class,
/// made once per column at the header, so the row loop passes a reference instead of copying
/// the rule, missing codes and date plan (and retaining their storage) for every cell.
final class CellValidator: Sendable {
    let rule: ColumnPlan.Rule
    let required: Bool
    let likert: ClosedRange<Double>
    let missingCodes: [Double]
    let decimalComma: Bool
    let dates: DatePlan
    let codec: TextCodec

    init(
        rule: ColumnPlan.Rule, required: Bool, likert: ClosedRange<Double>, missingCodes: [Double],
        decimalComma: Bool, dates: DatePlan, codec: TextCodec
    ) {
        self.rule = rule
        self.required = required
        self.likert = likert
        self.missingCodes = missingCodes
        self.decimalComma = decimalComma
        self.dates = dates
        self.codec = codec
    }

    /// A text cell: `nil` when acceptable. An empty cell is missing unless required.
    func checkText(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        if b.isEmpty { return required ? "required value is empty" : nil }
        if case .oneOf(let allowed) = rule {
            for value in allowed where value.utf8.elementsEqual(b) { return nil }
            return "\(codec.quoted(b)) is not one of \(allowed.joined(separator: ", "))"
        }
        return nil
    }

    /// A number cell; NaN when missing (an empty optional cell, an empty item, a missing code).
    func number(_ b: UnsafeBufferPointer<UInt8>) -> Result<Double, CellProblem> {
        if b.isEmpty {
            switch rule {
            case .likert: return .success(.nan)
            case .weight:
                return .failure(CellProblem(text: "weight is empty (with a weight column every row needs one)"))
            default:
                return required ? .failure(CellProblem(text: "required value is empty")) : .success(.nan)
            }
        }
        if rule == .boolean {
            if let v = CellValidator.boolean(b) { return .success(v) }
            return .failure(
                CellProblem(text: "\(codec.quoted(b)) is not a boolean (true/false, yes/no, ja/nei, 1/0)"))
        }
        guard let v = NumberParser.parse(b, decimalComma: decimalComma) else {
            let hint = decimalComma ? " (decimal comma declared)" : ""
            return .failure(CellProblem(text: "\(codec.quoted(b)) is not a number\(hint)"))
        }
        guard v.isFinite else { return .failure(CellProblem(text: "\(codec.quoted(b)) is not a finite number")) }
        switch rule {
        case .likert:
            if missingCodes.contains(v) { return .success(.nan) }
            if !likert.contains(v) {
                return .failure(
                    CellProblem(
                        text: "\(codec.quoted(b)) is outside the Likert range "
                            + "[\(CellValidator.plain(likert.lowerBound)), \(CellValidator.plain(likert.upperBound))]"
                            + " and not a missing code"))
            }
        case .weight:
            if !(v > 0) { return .failure(CellProblem(text: "\(codec.quoted(b)) is not a positive weight")) }
        case .wholeYear:
            if v.rounded(.towardZero) != v || v < 1 || v > 9999 {
                return .failure(CellProblem(text: "\(codec.quoted(b)) is not a whole year in 1…9999"))
            }
        case .positive:
            if !(v > 0) { return .failure(CellProblem(text: "\(codec.quoted(b)) is not a positive number")) }
        case .integer:
            if v.rounded(.towardZero) != v {
                return .failure(CellProblem(text: "\(codec.quoted(b)) is not a whole number"))
            }
        case .none, .oneOf, .boolean:
            break
        }
        return .success(v)
    }

    /// 1 for true/yes/ja/1, 0 for false/no/nei/0 (ASCII letters in any case), else `nil`.
    static func boolean(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard b.count <= 5 else { return nil }
        var lower: [UInt8] = []
        for c in b { lower.append((0x41...0x5A).contains(c) ? c | 0x20 : c) }
        switch String(decoding: lower, as: UTF8.self) {
        case "true", "yes", "ja", "1": return 1
        case "false", "no", "nei", "0": return 0
        default: return nil
        }
    }

    /// A bound as people write it: `5`, not `5.0`.
    static func plain(_ x: Double) -> String { NumberText.plain(x) }

    /// A date cell as a day number; `Column.missingDay` when empty and optional.
    func date(_ b: UnsafeBufferPointer<UInt8>) -> Result<Int32, CellProblem> {
        if b.isEmpty {
            return required ? .failure(CellProblem(text: "required value is empty")) : .success(Column.missingDay)
        }
        switch dates.parse(b) {
        case .day(let d): return .success(d)
        case .malformed:
            return .failure(CellProblem(text: "\(codec.quoted(b)) is not a date in the format \(dates.display)"))
        case .impossible:
            switch dates.mode {
            case .epochSeconds, .epochMilliseconds:
                // Usually the other unit: milliseconds read as seconds land far past 9999.
                return .failure(
                    CellProblem(text: "\(codec.quoted(b)) as \(dates.display) is not a day in the years 1…9999"))
            case .pattern:
                return .failure(CellProblem(text: "\(codec.quoted(b)) is an impossible date"))
            }
        }
    }
}

/// Why a cell rejects its row, as the message text after `field 'name': `.
struct CellProblem: Error {
    var text: String
}
