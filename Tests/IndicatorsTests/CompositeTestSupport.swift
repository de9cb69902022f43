import Foundation
import Testing

/// Reads `Fixtures/composite_reference.json`, written by `Reference/composite_reference.py`.
enum CompositeReference {
    static func load() throws -> [String: Any] {
        let url = try #require(
            Bundle.module.url(forResource: "composite_reference", withExtension: "json", subdirectory: "Fixtures"))
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func uint64s(_ json: [String: Any], _ key: String) throws -> [UInt64] {
        try #require(json[key] as? [String]).map { try #require(UInt64($0)) }
    }

    static func doubles(_ any: Any?) throws -> [Double] {
        try #require(any as? [String]).map { try #require(Double($0)) }
    }
}
