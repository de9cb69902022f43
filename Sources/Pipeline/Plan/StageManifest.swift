import ApenCore
import Foundation

/// The named parts of a stage's content key: input file hashes, its own definition, the tool
/// version and the keys of the stages it reads.
///
/// The key is the SHA-256 of the manifest's canonical text, so a stage reruns exactly when one
/// of these parts changes, and comparing two manifests says *which* part changed — the reason
/// `apen plan` prints (`survey.csv changed`, `scale 'trust' definition changed`).
package struct StageManifest: Sendable, Hashable, Codable {
    package enum PartKind: String, Sendable, Hashable, Codable {
        /// An input file: value = its SHA-256.
        case file
        /// A piece of the stage's definition: value = its canonical text.
        case definition
        /// An upstream stage: value = its key.
        case upstream
        /// The tool version.
        case tool
    }

    package struct Part: Sendable, Hashable, Codable {
        package var kind: PartKind
        /// A readable name: the file's name, `scale 'trust'`, `ingest.survey`.
        package var name: String
        package var value: String
        package init(_ kind: PartKind, _ name: String, _ value: String) {
            self.kind = kind
            self.name = name
            self.value = value
        }
    }

    package var parts: [Part]

    package init(parts: [Part] = []) { self.parts = parts }

    package mutating func add(_ kind: PartKind, _ name: String, _ value: String) {
        parts.append(Part(kind, name, value))
    }

    /// Canonical text: one `kind<TAB>name<TAB>value` line per part, sorted, so the key does not
    /// depend on the order parts were added.
    package var canonicalText: String {
        parts.map { "\($0.kind.rawValue)\t\($0.name)\t\($0.value)" }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .joined(separator: "\n")
    }

    /// The content key: SHA-256 (hex) of the canonical text.
    package var key: String { SHA256.hex(of: Data(canonicalText.utf8)) }

    /// One difference between a manifest and the one of the stage's last successful run.
    package enum Change: Sendable, Hashable, CustomStringConvertible {
        /// A file part that the old manifest lacked.
        case fileNew(String)
        /// Another part that the old manifest lacked.
        case added(String)
        case fileChanged(String)
        case definitionChanged(String)
        /// An upstream stage's key changed (its stage id).
        case upstreamChanged(String)
        case toolVersion(from: String, to: String)
        case removed(String)

        package var description: String {
            switch self {
            case .fileNew(let name): return "\(name) is new"
            case .added(let name): return "\(name) added"
            case .fileChanged(let name), .upstreamChanged(let name): return "\(name) changed"
            case .definitionChanged(let name): return "\(name) definition changed"
            case .toolVersion(let was, let now): return "tool version changed (\(was) → \(now))"
            case .removed(let name): return "\(name) removed"
            }
        }
    }

    /// Why a stage with this manifest must run again, given the manifest of its last successful run.
    /// Empty when nothing differs.
    package func changes(comparedWith old: StageManifest) -> [Change] {
        var changes: [Change] = []
        let before = Dictionary(
            old.parts.map { ("\($0.kind.rawValue)\t\($0.name)", $0.value) }, uniquingKeysWith: { a, _ in a })
        let now = Set(parts.map { "\($0.kind.rawValue)\t\($0.name)" })
        for p in parts {
            let k = "\(p.kind.rawValue)\t\(p.name)"
            guard let was = before[k] else {
                changes.append(p.kind == .file ? .fileNew(p.name) : .added(p.name))
                continue
            }
            guard was != p.value else { continue }
            switch p.kind {
            case .file: changes.append(.fileChanged(p.name))
            case .definition: changes.append(.definitionChanged(p.name))
            case .upstream: changes.append(.upstreamChanged(p.name))
            case .tool: changes.append(.toolVersion(from: was, to: p.value))
            }
        }
        for p in old.parts where !now.contains("\(p.kind.rawValue)\t\(p.name)") {
            changes.append(.removed(p.name))
        }
        return changes
    }
}
