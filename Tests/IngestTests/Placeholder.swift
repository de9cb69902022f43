import Testing
@testable import Ingest

@Test func ingestModuleLoads() { #expect(Bool(true)) }
