import Testing
@testable import ApenCore

@Test func apencoreModuleLoads() { #expect(Bool(true)) }
