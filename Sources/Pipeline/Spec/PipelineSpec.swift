import ApenCore
import Check
import Indicators
import Ingest
import Reports

/// A pipeline file, parsed and validated (see docs/pipeline.md for every key).
///
/// Sections are independent values so that adding a section (custom, composite, report,
/// check) is a local change: a new field here, its parser, and the stages it adds.
public struct PipelineSpec: Sendable, Hashable {
    /// `pipeline:` — the name; outputs go to `reports/<name>/` by default.
    public var name: String
    /// `title:` — the report title.
    public var title: String
    /// `language:` — `nb` or `en`.
    public var language: Language
    /// The pipeline file's path, as given.
    public var path: String
    /// `sources:` in file order.
    package var sources: [SourceSpec]
    /// `indicators:` — ids or globs over built-in and custom indicator ids.
    package var indicators: [String]
    /// `custom:` — declarative indicators.
    package var custom: [CustomIndicator]
    /// `composite:` — composite indices.
    package var composites: [CompositeDefinition]
    /// `report:` — what the report draws.
    package var report: ReportOptions
    /// `report.date:` — the date the report shows; `nil`: the run's date (`SOURCE_DATE_EPOCH`
    /// when set, else the clock). Pinning it makes a committed report reproducible by a plain run.
    package var reportDate: Day?
    /// `check:` — the regression check against a baseline; `nil` when absent.
    package var check: CheckConfiguration?
    /// `min_n:` — below this n a survey, engagement-share or FOI-share row is flagged `low_n`
    /// (METHODS.md §1).
    package var minN: Int = PipelineSpec.defaultMinN
    package static let defaultMinN = 5
    /// `municipalities.harmonise_to:` — the year whose 1 January structure municipality numbers
    /// follow (METHODS §8); `nil`: numbers as written. Each source's options carry it too.
    package var harmoniseTo: Int?
    /// Where each declared comparison-group member is written (group → number → position in the
    /// pipeline or groups file), for the warning about a member without data. Kept out of
    /// `report`, so moving a line does not change a stage key.
    package var groupMemberLocations: [String: [String: SourceLocation]] = [:]
    /// Problems found while loading that do not stop a run (an indicator family without
    /// its source kind, goalposts that the normalisation ignores, …), in file order; each
    /// message starts with `warning: `.
    public var warnings: [Diagnostic] = []

    package init(
        name: String, title: String, language: Language, path: String, sources: [SourceSpec],
        indicators: [String], custom: [CustomIndicator] = [], composites: [CompositeDefinition] = [],
        report: ReportOptions = ReportOptions(), check: CheckConfiguration? = nil
    ) {
        self.name = name
        self.title = title
        self.language = language
        self.path = path
        self.sources = sources
        self.indicators = indicators
        self.custom = custom
        self.composites = composites
        self.report = report
        self.check = check
    }
}

/// One entry of `sources:`; `options.path` is resolved against the pipeline file's folder.
package struct SourceSpec: Sendable, Hashable {
    public var name: String
    package var options: IngestOptions
    package init(name: String, options: IngestOptions) {
        self.name = name
        self.options = options
    }
}
