/// A text form of any value that is the same in every process: fields in declaration order,
/// dictionary entries sorted (Swift's dictionary order is seeded per process, so
/// `String(describing:)` of a dictionary would change every stage key on every run).
enum CanonicalText {
    static func describe(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary:
            let entries = mirror.children.map { child -> String in
                let pair = Mirror(reflecting: child.value).children.map { describe($0.value) }
                return pair.joined(separator: ": ")
            }
            return "[" + entries.sorted().joined(separator: ", ") + "]"
        case .set:
            return "{" + mirror.children.map { describe($0.value) }.sorted().joined(separator: ", ") + "}"
        case .struct, .class, .tuple:
            let fields = mirror.children.map { "\($0.label ?? "_")=\(describe($0.value))" }
            return "(" + fields.joined(separator: ", ") + ")"
        case .collection:
            return "[" + mirror.children.map { describe($0.value) }.joined(separator: ", ") + "]"
        case .optional:
            return mirror.children.first.map { describe($0.value) } ?? "nil"
        case .enum:
            if let payload = mirror.children.first {
                return "\(payload.label ?? "")(\(describe(payload.value)))"
            }
            return String(describing: value)
        default:
            return String(describing: value)
        }
    }
}
