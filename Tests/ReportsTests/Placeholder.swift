import Testing
@testable import Reports

@Test func reportsModuleLoads() { #expect(Bool(true)) }
