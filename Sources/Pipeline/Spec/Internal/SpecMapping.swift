import Yams

/// A YAML mapping whose keys are texts, in file order, with the position of each key.
struct SpecMapping {
    struct Entry {
        var key: String
        var keyMark: Mark?
        var value: Node
    }

    /// Where the mapping starts (its first key, for a block mapping).
    var mark: Mark?
    var entries: [Entry]

    /// The value under `key`, if present.
    func value(_ key: String) -> Node? { entries.first { $0.key == key }?.value }

    /// The position of `key` itself, if present.
    func keyMark(_ key: String) -> Mark? { entries.first { $0.key == key }?.keyMark }

    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }
}
