/// Where a problem was found: a file, and if known a line, a column and a field.
public struct SourceLocation: Sendable, Hashable, Codable {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var field: String?

    public init(path: String, line: Int? = nil, column: Int? = nil, field: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.field = field
    }
}

/// A problem with input, kept as a value with its context and rendered for people in one place.
///
/// Rendered as `path:line: field 'weight': "abc" is not a number`, or
/// `path:line:column: message` for pipeline files.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var location: SourceLocation
    public var message: String
    public var severity: Severity
    /// A warning's content as data, for reports in their own language; `message` stays the
    /// English text the command line prints.
    package var warning: RunWarning?

    public init(_ location: SourceLocation, _ message: String, severity: Severity = .error) {
        self.init(location, message, severity: severity, warning: nil)
    }

    package init(_ location: SourceLocation, _ message: String, severity: Severity = .error, warning: RunWarning?) {
        self.location = location
        self.message = message
        self.severity = severity
        self.warning = warning
    }

    public var description: String {
        var s = location.path
        if let line = location.line {
            s += ":\(line)"
            if let column = location.column { s += ":\(column)" }
        }
        s += ": "
        if let field = location.field { s += "field '\(field)': " }
        return s + message
    }
}

/// Several diagnostics at once (validation reports every error, not the first).
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
