/// One input file and its SHA-256 digest (hex).
package struct InputFile: Sendable, Hashable {
    package var path: String
    package var sha256: String
    package init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}
