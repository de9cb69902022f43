import Testing
@testable import Generate

@Test func generateModuleLoads() { #expect(Bool(true)) }
