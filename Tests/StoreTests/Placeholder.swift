import Testing
@testable import Store

@Test func storeModuleLoads() { #expect(Bool(true)) }
