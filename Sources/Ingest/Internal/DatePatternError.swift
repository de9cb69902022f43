/// A declared date pattern that cannot be used, with the reason.
struct DatePatternError: Error, Sendable {
    var pattern: String
    var reason: String
}
