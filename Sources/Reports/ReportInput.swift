import ApenCore

/// Everything a report is made from. The writer reads nothing else: no clock, no environment.
///
/// The caller (the pipeline runner) fills it from a run: the indicator rows (composite rows
/// `composite.<id>`, `.rank`, `.shift.<component>` included), the catalogue that explains them,
/// per-source data quality, provenance and warnings. The run date is a string the caller
/// chooses (from `SOURCE_DATE_EPOCH` when set), so the same input gives byte-identical files.
///
/// ```swift
/// var input = ReportInput(title: "Åpen kommune", language: .nb, rows: rows, catalogue: BuiltinCatalogue.entries)
/// input.options.focus = ["5001", "5006"]
/// input.provenance.date = "2024-03-01"
/// let written = try ReportWriter.write(input, to: "reports/example")
/// ```
public struct ReportInput: Sendable {
    public var title: String
    public var language: Language
    public var rows: [IndicatorRow]
    /// Catalogue entries; ids may be placeholders (`survey.<scale>.index`).
    public var catalogue: [IndicatorInfo]
    public var options: ReportOptions
    public var quality: [SourceQuality]
    public var provenance: Provenance
    /// Run warnings (skipped groups, unknown populations, …), shown as given, in order.
    public var warnings: [String]

    public init(
        title: String, language: Language, rows: [IndicatorRow], catalogue: [IndicatorInfo],
        options: ReportOptions = ReportOptions(), quality: [SourceQuality] = [],
        provenance: Provenance = Provenance(), warnings: [String] = []
    ) {
        self.title = title
        self.language = language
        self.rows = rows
        self.catalogue = catalogue
        self.options = options
        self.quality = quality
        self.provenance = provenance
        self.warnings = warnings
    }
}

/// How much of one source was usable (METHODS.md §7), for the report's data-quality section.
public struct SourceQuality: Sendable, Hashable {
    /// The source's name in the pipeline (`survey`).
    public var name: String
    /// The input file, as the report should show it (relative to the project is best).
    public var file: String
    /// Data rows read (header excluded).
    public var rowsRead: Int
    public var accepted: Int
    public var rejected: Int
    /// The rejected-rows file, relative to the report folder (a link); `nil` when none was written.
    public var rejectedRowsFile: String?
    /// Accepted rows per municipality and year.
    public var coverage: [Coverage]

    public init(
        name: String, file: String, rowsRead: Int, accepted: Int, rejected: Int,
        rejectedRowsFile: String? = nil, coverage: [Coverage] = []
    ) {
        self.name = name
        self.file = file
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.rejected = rejected
        self.rejectedRowsFile = rejectedRowsFile
        self.coverage = coverage
    }
}

/// Accepted rows of a source for one municipality and year.
public struct Coverage: Sendable, Hashable {
    public var municipality: String
    public var year: Int
    public var rows: Int
    public init(municipality: String, year: Int, rows: Int) {
        self.municipality = municipality
        self.year = year
        self.rows = rows
    }
}

/// Where the numbers come from: inputs with their digests, the pipeline, the tool, the run.
public struct Provenance: Sendable, Hashable {
    public var inputFiles: [InputFile]
    /// SHA-256 of the pipeline file (or of its canonical form), hex.
    public var pipelineHash: String
    public var toolVersion: String
    public var runID: String
    /// The run date as the caller wants it shown (e.g. `2024-03-01`); never read from a clock here.
    public var date: String

    public init(
        inputFiles: [InputFile] = [], pipelineHash: String = "", toolVersion: String = ApenVersion.string,
        runID: String = "", date: String = ""
    ) {
        self.inputFiles = inputFiles
        self.pipelineHash = pipelineHash
        self.toolVersion = toolVersion
        self.runID = runID
        self.date = date
    }
}

/// One input file and its SHA-256 digest (hex).
public struct InputFile: Sendable, Hashable {
    public var path: String
    public var sha256: String
    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}
