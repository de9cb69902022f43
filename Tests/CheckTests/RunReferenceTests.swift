import Testing

@testable import Check

struct RunReferenceTests {
    @Test(arguments: [
        ("latest", RunReference.latest), ("LATEST", .latest), ("previous", .previous), ("42", .id(42)),
    ])
    func parses(text: String, expected: RunReference) {
        #expect(RunReference(text) == expected)
    }

    @Test(arguments: ["", "0", "-1", "newest", "4x", "latest~1"])
    func rejects(text: String) {
        #expect(RunReference(text) == nil)
    }
}
