import Testing
@testable import Indicators

@Test func indicatorsModuleLoads() { #expect(Bool(true)) }
