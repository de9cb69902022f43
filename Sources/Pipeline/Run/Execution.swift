import ApenCore
import Dispatch
import Foundation
import Indicators
import Ingest
import Store

/// The mutable state of one run: tables read, rows computed, summaries, failures.
///
/// Stages run on Dispatch workers; what they share is one ``State`` in a ``Locked`` box, so
/// every read and write of it is inside `state.withLock { }` and the compiler checks the rest.
/// Everything read after `execute()` returns is complete.
final class Execution: Sendable {
    struct Outcome: Sendable {
        var rows: [IndicatorRow] = []
        var summary: StageSummary
        var seconds: Double = 0
    }

    /// What the stages of a run share.
    struct State: Sendable {
        var tables: [String: Table] = [:]  // source name → table
        /// Sources folded into a partial state instead of a table (`streamed`).
        var partials: [String: Partial] = [:]
        var rejected: [RejectedRow] = []
        var outcomes: [Stage.Kind: Outcome] = [:]  // stages that ran in this run
        var failures: [String] = []
        var failed: Set<Stage.Kind> = []
        /// Ingests that read their file but rejected more than `max_rejected` allows: no outcome,
        /// but their rows still count in the run's summary ("rows: N read, M rejected").
        var overLimit: [StageSummary.IngestInfo] = []

        /// Rejected rows in a fixed order (source, file, line), whatever order the workers finished in.
        func sortedRejected() -> [RejectedRow] {
            rejected.sorted(by: RejectedRow.canonicalOrder)
        }

        /// Indicator rows computed in this run (built-in, custom and composite stages).
        var resultRowCount: Int {
            outcomes.filter(\.key.producesResults).values.reduce(0) { $0 + $1.rows.count }
        }
    }

    let spec: PipelineSpec
    let options: RunOptions
    let outDir: String
    let plan: [PlannedStage]
    let store: Store
    let history: StoreHistory
    let runID: Int64

    let state = Locked(State())

    /// Writes each stage's output to the store as the stage finishes (`Store.writeAhead`), one
    /// at a time, while later stages compute; `commit` waits for it and writes the rest. At
    /// national scale the results take about half a second to insert, which used to follow
    /// the report on one core.
    private let recorder = DispatchQueue(label: "apen.store-writer")
    /// Stages whose output `recorder` wrote, and the first error it met (then `commit` fails).
    private let writtenAhead = Locked<(stages: Set<Stage.Kind>, error: (any Error)?)>(([], nil))

    /// Sources whose ingest folds the file into a partial state (`Partial`) instead of
    /// building a table (`Ingestor.fold`): only where the partial is all that is read. That is
    /// the one source of its kind (survey, engagement, publications or access requests) in the
    /// pipeline, a CSV file without harmonisation or `keep_rows`, read by no stage but the
    /// built-in families of `streamingReaders` (no custom indicator, no comparison groups). The
    /// results are the same bytes as from the table (the partials' tests check it), so no
    /// stage's content key changes meaning.
    let streamed: Set<String>

    init(
        spec: PipelineSpec, options: RunOptions, outDir: String, plan: [PlannedStage], store: Store,
        history: StoreHistory, runID: Int64
    ) {
        self.spec = spec
        self.options = options
        self.outDir = outDir
        self.plan = plan
        self.store = store
        self.history = history
        self.runID = runID
        self.streamed = Self.streamedSources(spec: spec, plan: plan)
    }

    /// The kinds of source that can be streamed, and the stages that can read their partial.
    static let streamingReaders: [SourceKind: Set<Stage.Kind>] = [
        .survey: [.indicators(.survey)],
        .engagement: [.indicators(.engagement)],
        .publications: [.indicators(.publication), .indicators(.opendata)],
        .accessRequests: [.indicators(.foi)],
    ]

    /// The kinds whose partial state is bounded by the groups, not by the file (counts and
    /// day histograms per municipality-year): their folds take a few tens of MiB whatever the
    /// file's size, so they may run beside a large ingest. The engagement state grows with the
    /// distinct participants, a table with the rows.
    static let boundedStates: Set<SourceKind> = [.publications, .accessRequests]

    static func streamedSources(spec: PipelineSpec, plan: [PlannedStage]) -> Set<String> {
        guard spec.harmoniseTo == nil else { return [] }
        var streamed: Set<String> = []
        for (kind, families) in streamingReaders {
            let sources = spec.sources.filter { $0.options.kind == kind }
            guard sources.count == 1, let source = sources.first else { continue }
            let o = source.options
            guard o.format == .csv, o.harmoniseTo == nil, !o.keepRows else { continue }
            let readers = plan.filter {
                $0.stage.readsTables && $0.stage.dependencies.contains(.ingest(source: source.name))
            }
            if readers.allSatisfy({ families.contains($0.stage.kind) }) { streamed.insert(source.name) }
        }
        return streamed
    }

    // MARK: Scheduling

    /// Runs the planned stages as their inputs become ready: a stage starts as soon as every
    /// stage it depends on has finished (not when a whole wave has), at most `jobs` at once.
    ///
    /// Ready stages start in plan order (a topological order), the stages that read ingested
    /// tables or states before further ingests (so what is in memory is consumed and dropped
    /// before more is read) and small ingests before large ones. A large ingest waits while
    /// another runs — a large file is read on all `jobs` workers already
    /// (`Ingestor.readTable(_:jobs:)`), so a second one would add its table to peak memory and
    /// little speed — and while stages still to run hold a finished large ingest's table or
    /// state (the survey's records are finished and dropped before the engagement file's ids
    /// are collected). A streamed source whose state is bounded (`boundedStates`) is not large
    /// in this sense: its fold fills the gaps a large ingest leaves in the workers (its merges
    /// in file order, its last ranges) for a few MiB. Meanwhile the small ingests and the
    /// indicator stages of the sources already read use the other workers, and each table is
    /// dropped as soon as the last stage reading it has finished. What a stage computes does
    /// not depend on when it ran (stages see only the tables of their dependencies; results
    /// and rejected rows are gathered by stage and sorted), so the outputs are the same for any
    /// `jobs` and any order of finishing.
    func execute() {
        let jobs = max(1, options.jobs)
        // Ingests of files the parallel reader reads on all workers (each file looked at once).
        let largeFiles = Set(plan.filter(isLargeFile).map(\.stage.kind))
        // Those that wait for each other: on several workers, to be run, and not a bounded fold.
        let large = Set(
            plan.filter { jobs > 1 && $0.action == .run && largeFiles.contains($0.stage.kind) && !foldsBounded($0) }
                .map(\.stage.kind))
        // Not started: the stages that read what ingests made first (they free it), then the
        // small ingests (a population file unblocks the engagement family before a large file
        // is read), then the large ones, each in plan order.
        let ingests = plan.filter(\.stage.kind.isIngest)
        var pending =
            plan.filter { !$0.stage.kind.isIngest } + ingests.filter { !largeFiles.contains($0.stage.kind) }
            + ingests.filter { largeFiles.contains($0.stage.kind) }
        var unfinished = Set(plan.map(\.stage.kind))
        var running = 0
        var largeStarted: [Stage.Kind] = []
        let finished = Locked<[Stage.Kind]>([])
        let signal = DispatchSemaphore(value: 0)
        while !pending.isEmpty || running > 0 {
            // Start every stage whose dependencies are done, while a worker is free.
            var i = 0
            while i < pending.count, running < jobs {
                let p = pending[i]
                let isLarge = large.contains(p.stage.kind)
                guard !p.stage.dependencies.contains(where: unfinished.contains),
                    !(isLarge
                        && Self.largeMustWait(p.stage.kind, started: largeStarted, unfinished: unfinished, plan: plan))
                else {
                    i += 1
                    continue
                }
                pending.remove(at: i)
                running += 1
                if isLarge { largeStarted.append(p.stage.kind) }
                DispatchQueue.global().async {
                    self.perform(p)
                    finished.withLock { $0.append(p.stage.kind) }
                    signal.signal()
                }
            }
            guard running > 0 else { break }  // cannot happen: the plan is acyclic
            signal.wait()
            let done = finished.withLock { list in
                defer { list = [] }
                return list
            }
            for kind in done {
                running -= 1
                unfinished.remove(kind)
            }
            // The semaphore was signalled once per finished stage; consume the extra signals.
            for _ in 1..<max(1, done.count) { signal.wait() }
            releaseTables(unfinished: unfinished)
        }
    }

    /// Whether a large ingest must wait: another large ingest is running, or one has finished
    /// but stages still to run hold its table or growing state — unless one of those stages
    /// needs `candidate` too (waiting would then never end; the example's comparison groups
    /// read every table).
    static func largeMustWait(
        _ candidate: Stage.Kind, started: [Stage.Kind], unfinished: Set<Stage.Kind>, plan: [PlannedStage]
    ) -> Bool {
        /// Whether `stage` depends on `other`, directly or through other stages.
        func needs(_ stage: Stage.Kind, _ other: Stage.Kind) -> Bool {
            guard let p = plan.first(where: { $0.stage.kind == stage }) else { return false }
            return p.stage.dependencies.contains { $0 == other || needs($0, other) }
        }
        return started.contains { other in
            if unfinished.contains(other) { return true }
            let holders = plan.filter {
                unfinished.contains($0.stage.kind) && $0.action == .run && $0.stage.readsTables
                    && $0.stage.dependencies.contains(other)
            }
            return !holders.isEmpty && !holders.contains { needs($0.stage.kind, candidate) }
        }
    }

    /// Drops the tables no unfinished stage reads, so peak memory is that of the tables in use,
    /// not of every table the run read. Tables of `keep_rows` sources stay for the commit.
    private func releaseTables(unfinished: Set<Stage.Kind>) {
        let stillRead = Set(
            plan.filter { unfinished.contains($0.stage.kind) && $0.action == .run && $0.stage.readsTables }
                .flatMap(\.stage.dependencies))
        let kept = Set(spec.sources.filter(\.options.keepRows).map(\.name))
        state.withLock { state in
            for source in Array(state.tables.keys)
            where !stillRead.contains(.ingest(source: source)) && !kept.contains(source) {
                state.tables[source] = nil
            }
            for source in Array(state.partials.keys) where !stillRead.contains(.ingest(source: source)) {
                state.partials[source] = nil
            }
        }
    }

    /// An ingest of a streamed source whose partial state is bounded by the groups.
    private func foldsBounded(_ p: PlannedStage) -> Bool {
        guard case .ingest(let source) = p.stage.kind, streamed.contains(source),
            let kind = spec.sources.first(where: { $0.name == source })?.options.kind
        else { return false }
        return Self.boundedStates.contains(kind)
    }

    /// An ingest of a file of at least `Ingestor.parallelMinimumBytes`, which
    /// `Ingestor.readTable(_:jobs:)` reads in parallel.
    private func isLargeFile(_ p: PlannedStage) -> Bool {
        guard case .ingest(let source) = p.stage.kind,
            let path = spec.sources.first(where: { $0.name == source })?.options.path,
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int
        else { return false }
        return size >= Ingestor.parallelMinimumBytes
    }

    private func perform(_ p: PlannedStage) {
        let upstreamFailed = state.withLock { state in
            guard p.stage.dependencies.contains(where: state.failed.contains) else { return false }
            state.failed.insert(p.stage.kind)
            return true
        }
        if upstreamFailed { return }
        if p.action == .skip {
            options.progress.stageSkipped(p.stage.id)
            return
        }
        options.progress.stageStarted(p.stage.id, reason: p.reasonText)
        let t0 = ContinuousClock.now
        do {
            var outcome = try run(p)
            outcome.seconds = (ContinuousClock.now - t0).seconds
            let detail = describe(outcome, stage: p.stage)
            state.withLock { $0.outcomes[p.stage.kind] = outcome }
            writeAhead(p, outcome)
            options.progress.stageFinished(p.stage.id, detail: detail, seconds: outcome.seconds)
        } catch {
            state.withLock {
                $0.failed.insert(p.stage.kind)
                $0.failures.append("\(p.stage.id): \(error)")
            }
            options.progress.message("failed \(p.stage.id): \(error)")
        }
    }

    /// Queues a finished stage's output for the store (see `recorder`).
    private func writeAhead(_ p: PlannedStage, _ outcome: Outcome) {
        recorder.async {
            guard self.writtenAhead.withLock({ $0.error == nil }) else { return }
            do {
                let output = StageOutput(
                    stage: p.stage.id, key: p.key, summary: try encodeSummary(outcome.summary), results: outcome.rows)
                try self.store.writeAhead([output], runID: self.runID)
                self.writtenAhead.withLock { _ = $0.stages.insert(p.stage.kind) }
            } catch {
                self.writtenAhead.withLock { $0.error = error }
            }
        }
    }

    /// Waits for the outputs queued for the store and rolls them back: the run failed.
    func abandonWritesAhead() {
        recorder.sync {}
        store.abandonWritesAhead()
    }

    private func describe(_ o: Outcome, stage: Stage) -> String {
        if let i = o.summary.ingest { return "\(i.rowsRead) rows read, \(i.rejected) rejected" }
        if let c = o.summary.check { return c.summaryLine }
        if !o.summary.files.isEmpty { return "\(o.summary.files.count) files" }
        if let g = o.summary.groupRows { return "\(g.count) group rows" }
        return "\(o.rows.count) rows"
    }

    // MARK: Stages

    private func run(_ p: PlannedStage) throws -> Outcome {
        var summary = StageSummary(manifest: p.manifest)
        switch p.stage.kind {
        case .ingest(let source):
            guard let spec = self.spec.sources.first(where: { $0.name == source }) else {
                throw Diagnostic(SourceLocation(path: self.spec.path), "no source '\(source)'")
            }
            var options = spec.options
            options.unusedColumns = ColumnUse.unused(spec, in: self.spec)
            let (read, report) = try ingest(source, options: options)
            summary.ingest = StageSummary.IngestInfo(
                source: source, kind: options.kind.rawValue, path: options.path,
                sha256: p.manifest.parts.first { $0.kind == .file }?.value ?? "",
                rowsRead: report.rowsRead, accepted: report.accepted, rejected: report.rejected.count,
                coverage: read.coverage)
            summary.warnings = report.warnings
            summary.reportWarnings = report.runWarnings
            let ingest = summary.ingest
            state.withLock {
                switch read {
                case .table(let table): $0.tables[source] = table
                case .partial(let partial): $0.partials[source] = partial
                }
                $0.rejected.append(contentsOf: report.rejected)
                if !report.withinLimit, let info = ingest { $0.overLimit.append(info) }
            }
            if !report.withinLimit {
                throw Diagnostic(
                    SourceLocation(path: options.path),
                    "\(report.rejected.count) of \(report.rowsRead) rows rejected (\(percent(report.rejectedShare))), more than max_rejected \(percent(options.maxRejected)); every bad row is listed in \(rejectedPath)"
                )
            }
            return Outcome(summary: summary)

        case .indicators(let family):
            let inputs = indicatorInputs(tables: tables(of: p.stage))
            let selection = IndicatorSelection(spec)
            if let partial = partial(of: p.stage),
                let out = try finish(partial, family: family, inputs: inputs, selection: selection)
            {
                summary.warnings = out.warnings.map(\.description)
                summary.reportWarnings = out.warnings.compactMap(\.warning)
                return Outcome(rows: out.rows, summary: summary)
            }
            let out = try BuiltinIndicators.compute(
                family, inputs: inputs, select: selection.selects, jobs: options.jobs)
            summary.warnings = out.warnings.map(\.description)
            summary.reportWarnings = out.warnings.compactMap(\.warning)
            return Outcome(rows: out.rows, summary: summary)

        case .custom(let id):
            guard let def = spec.custom.first(where: { $0.id == id }) else {
                throw Diagnostic(SourceLocation(path: spec.path), "no custom indicator '\(id)'")
            }
            let read = tables(of: p.stage)
            let sources = spec.sources.filter { $0.name == def.source }
            let tables = sources.compactMap { read[$0.name] }
            // Over a survey source, mean and share are design-based (METHODS §2).
            let survey = sources.first.flatMap { $0.options.kind == .survey ? $0.options.survey : nil }
            let out = try CustomIndicators.compute(
                def, tables: tables, jobs: options.jobs, survey: survey, minN: spec.minN)
            summary.warnings = out.warnings.map(\.description)
            summary.reportWarnings = out.warnings.compactMap(\.warning)
            return Outcome(rows: out.rows, summary: summary)

        case .composite(let id):
            guard let def = spec.composites.first(where: { $0.id == id }) else {
                throw Diagnostic(SourceLocation(path: spec.path), "no composite '\(id)'")
            }
            let rows = try p.stage.dependencies.flatMap { try resultRows(of: $0) }
            let out = try CompositeIndex.compute(def, rows: rows, jobs: options.jobs)
            summary.warnings = out.warnings.map(\.description)
            summary.reportWarnings = out.warnings.compactMap(\.warning)
            return Outcome(rows: out.rows, summary: summary)

        case .groups:
            let out = try computeGroups(p.stage)
            summary.groupRows = out.rows
            summary.warnings = out.warnings.map(\.description)
            summary.reportWarnings = out.warnings.compactMap(\.warning)
            return Outcome(summary: summary)

        case .report:
            (summary.files, summary.findings) = try writeReport(p)
            return Outcome(summary: summary)

        case .check:
            summary.check = try runCheck(p)
            return Outcome(summary: summary)
        }
    }

    /// The tables of the stage's ingest dependencies (all finished before it started): never
    /// another table that happens to be in memory, so what a stage sees does not depend on
    /// the order stages ran in.
    func tables(of stage: Stage) -> [String: Table] {
        let sources = Set(
            stage.dependencies.compactMap { kind -> String? in
                if case .ingest(let source) = kind { return source }
                return nil
            })
        return state.withLock { $0.tables.filter { sources.contains($0.key) } }
    }

    /// The partial state of a streamed source.
    enum Partial: Sendable {
        case survey(SurveyPartial)
        case engagement(EngagementPartial)
        case publications(PublicationsPartial)
        case accessRequests(AccessRequestsPartial)

        /// Rows per group: what `TableCoverage.of` gives on the table.
        var coverage: TableCoverage {
            var rows: [TableCoverage.Group: Int] = [:]
            func add(_ municipality: String, _ year: Int, _ n: Int) {
                rows[TableCoverage.Group(municipality: municipality, year: year)] = n
            }
            switch self {
            case .survey(let p): for (k, n) in p.coverage { add(k.municipality, k.year, n) }
            case .engagement(let p): for (k, g) in p.groups { add(k.municipality, k.year, g.rows) }
            case .publications(let p): for (k, g) in p.groups { add(k.municipality, k.year, g.rows) }
            case .accessRequests(let p): for (k, g) in p.groups { add(k.municipality, k.year, g.rows) }
            }
            return TableCoverage(rows: rows)
        }
    }

    /// What an ingest stage read: a table, or for a streamed source its partial state.
    enum Read {
        case table(Table)
        case partial(Partial)

        var coverage: TableCoverage {
            switch self {
            case .table(let t): return TableCoverage.of(t)
            case .partial(let p): return p.coverage
            }
        }
    }

    /// Reads a source: folded into a partial when it is streamed, else into a table. Two
    /// participant or initiative ids with the same 64-bit hash, or a survey item that is not
    /// a whole number 0…254, make the partial inexact: then the file is read into a table
    /// after all (same results, more memory).
    private func ingest(_ source: String, options: IngestOptions) throws -> (Read, IngestSummary) {
        if streamed.contains(source) {
            let jobs = self.options.jobs
            switch options.kind {
            case .survey:
                do {
                    let (partial, report) = try Ingestor.fold(
                        options, jobs: jobs, initial: { SurveyPartial(source: source, settings: options.survey) },
                        fold: { try $0.fold($1) }, merge: { $0.merge($1, sameSource: true) })
                    return (.partial(.survey(partial)), report)
                } catch let error as SurveyPartial.NotCompact {
                    self.options.progress.message("\(error); reading the whole table")
                }
            case .engagement:
                do {
                    let (partial, report) = try Ingestor.fold(
                        options, jobs: jobs, initial: { EngagementPartial(source: source) },
                        fold: { try $0.fold($1) }, merge: { try $0.merge($1, sameSource: true) })
                    return (.partial(.engagement(partial)), report)
                } catch is EngagementPartial.Collision {
                    self.options.progress.message("\(source): two ids share a 64-bit hash; reading the whole table")
                }
            case .publications:
                let (partial, report) = try Ingestor.fold(
                    options, jobs: jobs, initial: { PublicationsPartial(source: source) }, fold: { $0.fold($1) },
                    merge: { $0.merge($1, sameSource: true) })
                return (.partial(.publications(partial)), report)
            case .accessRequests:
                let extracted = options.extracted
                let (partial, report) = try Ingestor.fold(
                    options, jobs: jobs, initial: { AccessRequestsPartial(source: source, extracted: extracted) },
                    fold: { $0.fold($1) }, merge: { $0.merge($1, sameSource: true) })
                return (.partial(.accessRequests(partial)), report)
            case .population, .table: break
            }
        }
        let (table, report) = try Ingestor.readTable(options, jobs: self.options.jobs)
        return (.table(table), report)
    }

    /// The partial state of an indicator stage's one streamed source, when it was streamed.
    func partial(of stage: Stage) -> Partial? {
        let sources = stage.dependencies.compactMap { kind -> String? in
            if case .ingest(let source) = kind, streamed.contains(source) { return source }
            return nil
        }
        guard sources.count == 1 else { return nil }
        return state.withLock { $0.partials[sources[0]] }
    }

    /// A family's rows from the partial state of its source (`nil`: not a state this family reads).
    private func finish(
        _ partial: Partial, family: IndicatorFamily, inputs: IndicatorInputs, selection: IndicatorSelection
    ) throws -> IndicatorOutput? {
        let jobs = options.jobs
        switch (family, partial) {
        case (.survey, .survey(let p)):
            return try BuiltinIndicators.survey(partial: p, select: selection.selects, minN: spec.minN, jobs: jobs)
        case (.engagement, .engagement(let p)):
            return try BuiltinIndicators.engagement(
                partial: p, population: inputs.population, select: selection.selects, minN: spec.minN, jobs: jobs)
        case (.publication, .publications(let p)):
            return try BuiltinIndicators.publication(partial: p, select: selection.selects, jobs: jobs)
        case (.opendata, .publications(let p)):
            return try BuiltinIndicators.opendata(partial: p, select: selection.selects, jobs: jobs)
        case (.foi, .accessRequests(let p)):
            return try BuiltinIndicators.foi(partial: p, select: selection.selects, minN: spec.minN, jobs: jobs)
        default:
            return nil
        }
    }

    /// Built-in indicator inputs from the tables read, grouped by kind.
    func indicatorInputs(tables: [String: Table]) -> IndicatorInputs {
        var inputs = IndicatorInputs(minN: spec.minN)
        for s in spec.sources {
            guard let t = tables[s.name] else { continue }
            switch s.options.kind {
            case .survey: inputs.surveys.append(SurveyInput(table: t, settings: s.options.survey))
            case .engagement: inputs.engagement.append(t)
            case .publications: inputs.publications.append(t)
            case .accessRequests:
                inputs.accessRequests.append(t)
                if let day = s.options.extracted { inputs.extracted[t.source] = day }
            case .population: inputs.population.append(t)
            case .table: break  // read by custom indicators only
            }
        }
        return inputs
    }

    /// Result rows of a stage: computed in this run, or loaded from the store for its key.
    func resultRows(of stage: Stage.Kind) throws -> [IndicatorRow] {
        if let o = state.withLock({ $0.outcomes[stage] }) { return o.rows }
        guard let p = plan.first(where: { $0.stage.kind == stage }) else { return [] }
        return try store.results(stage: stage.id, key: p.key)
    }

    /// A stage's summary: from this run, or the stored one for its key.
    func stageSummary(of stage: Stage.Kind) throws -> StageSummary? {
        if let o = state.withLock({ $0.outcomes[stage] }) { return o.summary }
        guard let p = plan.first(where: { $0.stage.kind == stage }) else { return nil }
        return try history.summary(stage: stage.id, key: p.key)
    }

    var rejectedPath: String { outDir + "/rejected-rows.csv" }

    /// The warnings in order, each once (a split municipality is named once per run, METHODS §8).
    private func uniqued(_ warnings: [String]) -> [String] {
        var seen = Set<String>()
        return warnings.filter { seen.insert($0).inserted }
    }

    private func percent(_ x: Double) -> String { String(format: "%.2f %%", x * 100) }

    // MARK: Results

    func allResultRows() throws -> [IndicatorRow] {
        try plan.filter(\.stage.kind.producesResults).flatMap { try resultRows(of: $0.stage.kind) }
            .canonicallySorted()
    }

    func summary(runID: Int64, wall: Double) -> RunSummary {
        state.withLock { state in
            // A failed ingest still lists every bad row, in the rejected-rows file.
            if !state.failures.isEmpty, !state.rejected.isEmpty {
                do { try RejectedRowsFile.write(state.sortedRejected(), to: rejectedPath) } catch {
                    state.failures.append("cannot write \(rejectedPath): \(error)")
                }
            }
            let ingests = plan.compactMap { state.outcomes[$0.stage.kind]?.summary.ingest } + state.overLimit
            return RunSummary(
                runID: runID, pipeline: spec.name, plan: plan,
                seconds: Dictionary(uniqueKeysWithValues: state.outcomes.map { ($0.key.id, $0.value.seconds) }),
                rowsRead: ingests.reduce(0) { $0 + $1.rowsRead }, rowsRejected: ingests.reduce(0) { $0 + $1.rejected },
                indicatorRows: state.resultRowCount,
                outputs: (state.outcomes[.report]?.summary.files.keys.sorted()) ?? [],
                rejectedRowsFile: state.rejected.isEmpty ? nil : rejectedPath,
                warnings: uniqued(plan.flatMap { state.outcomes[$0.stage.kind]?.summary.warnings ?? [] }),
                failures: state.failures, check: state.outcomes[.check]?.summary.check, wallSeconds: wall)
        }
    }

    /// The rejected rows so far, in a fixed order.
    func sortedRejected() -> [RejectedRow] { state.withLock { $0.sortedRejected() } }

    /// Input files and rejected rows of the run, for the store.
    private func records(_ state: State) -> (inputs: [InputRecord], rejected: [RejectedRow]) {
        let inputs = spec.sources.compactMap { s -> InputRecord? in
            guard let p = plan.first(where: { $0.stage.kind == .ingest(source: s.name) }) else { return nil }
            let sha = p.manifest.parts.first { $0.kind == .file }?.value ?? ""
            let size = (try? FileManager.default.attributesOfItem(atPath: s.options.path)[.size] as? Int) ?? 0
            return InputRecord(source: s.name, path: s.options.path, sha256: sha, size: Int64(size))
        }
        let rejected = state.sortedRejected()
        return (inputs, rejected)
    }

    /// What a failed run leaves in the store: its inputs and every rejected row.
    func failureRecords() -> (inputs: [InputRecord], rejected: [RejectedRow]) {
        state.withLock { records($0) }
    }

    /// Records the run: stage keys and actions for all, outputs for the stages that ran.
    func commit(runID: Int64, finished: String) throws {
        recorder.sync {}
        let ahead = writtenAhead.withLock { $0 }
        if let error = ahead.error {
            store.abandonWritesAhead()
            throw error
        }
        try state.withLock { state in
            let stages = plan.map {
                StageRecord(
                    stage: $0.stage.id, key: $0.key, action: $0.action == .run ? .ran : .skipped, reason: $0.reasonText)
            }
            let outputs = try plan.compactMap { p -> StageOutput? in
                guard let o = state.outcomes[p.stage.kind], !ahead.stages.contains(p.stage.kind) else { return nil }
                return StageOutput(
                    stage: p.stage.id, key: p.key, summary: try encodeSummary(o.summary), results: o.rows)
            }
            let (inputs, rej) = records(state)
            let ingests = state.outcomes.values.compactMap(\.summary.ingest)
            // Kept rows, for sources that ask for them, in the same transaction.
            let kept = spec.sources.filter(\.options.keepRows).compactMap { state.tables[$0.name] }
            try store.commitRun(
                runID, finished: finished, stages: stages, outputs: outputs, inputs: inputs, rejected: rej,
                counts: RunCounts(
                    rowsRead: ingests.reduce(0) { $0 + $1.rowsRead },
                    rowsRejected: ingests.reduce(0) { $0 + $1.rejected }, indicators: state.resultRowCount),
                kept: kept)
        }
    }
}

func encodeSummary(_ s: StageSummary) throws -> String {
    let enc = JSONEncoder()
    enc.outputFormatting = [.sortedKeys]
    return String(decoding: try enc.encode(s), as: UTF8.self)
}

func decodeSummary(_ text: String) throws -> StageSummary {
    try JSONDecoder().decode(StageSummary.self, from: Data(text.utf8))
}
