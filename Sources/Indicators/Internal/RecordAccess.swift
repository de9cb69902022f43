/// The `access` values of a publications record (METHODS.md §4); ingest rejects any other.
enum RecordAccess: UInt8, Sendable {
    case open, partial, exempt, other

    init(text: String) {
        switch text {
        case "open": self = .open
        case "partial": self = .partial
        case "exempt": self = .exempt
        default: self = .other
        }
    }
}
