import ApenCore

/// Where the numbers come from: inputs with their digests, the pipeline, the tool, the run.
package struct Provenance: Sendable, Hashable {
    package var inputFiles: [InputFile]
    /// SHA-256 of the pipeline file (or of its canonical form), hex.
    package var pipelineHash: String
    package var toolVersion: String
    package var runID: String
    /// The run date as the caller wants it shown (e.g. `2024-03-01`); never read from a clock here.
    package var date: String
    /// The year whose 1 January municipality structure the numbers follow (METHODS §8), or
    /// `nil` when they are as the sources wrote them.
    package var municipalityStructure: Int?

    package init(
        inputFiles: [InputFile] = [], pipelineHash: String = "", toolVersion: String = ApenVersion.string,
        runID: String = "", date: String = "", municipalityStructure: Int? = nil
    ) {
        self.municipalityStructure = municipalityStructure
        self.inputFiles = inputFiles
        self.pipelineHash = pipelineHash
        self.toolVersion = toolVersion
        self.runID = runID
        self.date = date
    }
}
