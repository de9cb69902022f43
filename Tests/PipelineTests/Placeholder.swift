import Testing
@testable import Pipeline

@Test func pipelineModuleLoads() { #expect(Bool(true)) }
