import Foundation

enum FileExists {
    static func at(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
