import ApenCore

/// Where the numbers come from: inputs with their digests, the pipeline, the tool, the run.
public struct Provenance: Sendable, Hashable {
    public var inputFiles: [InputFile]
    /// SHA-256 of the pipeline file (or of its canonical form), hex.
    public var pipelineHash: String
    public var toolVersion: String
    public var runID: String
    /// The run date as the caller wants it shown (e.g. `2024-03-01`); never read from a clock here.
    public var date: String
    /// The year whose 1 January municipality structure the numbers follow (METHODS §8), or
    /// `nil` when they are as the sources wrote them.
    public var municipalityStructure: Int?

    public init(
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
