/// A problem in one field of a `custom:` entry, found before any data is read.
///
/// `field` is the pipeline key (`where`, `of`, `per`, `weight`, `by`, `p`, `measure`) so the
/// pipeline validator can point at that key's YAML node; `error.column` is the 1-based column
/// inside the field's text (1 for a problem with the whole value).
public struct CustomIndicatorIssue: Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var error: CustomExpressionError

    public init(field: String, error: CustomExpressionError) {
        self.field = field
        self.error = error
    }

    public var description: String { "field '\(field)': \(error)" }
}
