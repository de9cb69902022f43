/// A problem in one field of a `custom:` entry, found before any data is read.
///
/// `field` is the pipeline key (`where`, `of`, `per`, `weight`, `by`, `p`, `measure`) so the
/// pipeline validator can point at that key's YAML node; `error.column` is the 1-based column
/// inside the field's text (1 for a problem with the whole value).
package struct CustomIndicatorIssue: Sendable, Hashable, CustomStringConvertible {
    package var field: String
    package var error: CustomExpressionError

    package init(field: String, error: CustomExpressionError) {
        self.field = field
        self.error = error
    }

    package var description: String { "field '\(field)': \(error)" }
}
