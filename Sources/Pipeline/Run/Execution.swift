import ApenCore
import Dispatch
import Foundation
import Indicators
import Ingest
import Store

/// The mutable state of one run: tables read, rows computed, summaries, failures.
///
/// Stages run on Dispatch workers and hand their outcome back through `record`, which is the
/// only writer; everything read after `execute()` returns is complete.
// @unchecked: all mutable state is guarded by `lock`; stage work itself touches no shared state.
final class Execution: @unchecked Sendable {
    struct Outcome: Sendable {
        var rows: [IndicatorRow] = []
        var summary: StageSummary
        var seconds: Double = 0
    }

    let spec: PipelineSpec
    let options: RunOptions
    let outDir: String
    let plan: [PlannedStage]
    let store: Store
    let history: StoreHistory
    let runID: Int64

    private let lock = NSLock()
    private var tables: [String: Table] = [:]  // source name → table
    private var rejected: [RejectedRow] = []
    private var outcomes: [String: Outcome] = [:]  // stage id → outcome (ran or loaded)
    private var failures: [String] = []
    private var failed: Set<String> = []
    /// Ingests that read their file but rejected more than `max_rejected` allows: no outcome,
    /// but their rows still count in the run's summary ("rows: N read, M rejected").
    private var overLimit: [StageSummary.IngestInfo] = []

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
    }

    // MARK: Scheduling

    /// Runs the planned stages in dependency waves; the stages of a wave run concurrently.
    func execute() {
        let byID = Dictionary(uniqueKeysWithValues: plan.map { ($0.stage.id, $0) })
        var level: [String: Int] = [:]
        for p in plan {
            level[p.stage.id] = (p.stage.dependencies.compactMap { level[$0] }.max() ?? -1) + 1
        }
        let waves = Dictionary(grouping: plan.map(\.stage.id), by: { level[$0]! }).sorted { $0.key < $1.key }.map(
            \.value)
        let jobs = max(1, options.jobs)
        // A large file is read on all `jobs` workers already (Ingestor.readTable(_:jobs:)), so
        // large ingests go one at a time, after the small stages of their wave: the same CPU
        // and wall, but peak memory is the largest ingest's, not the sum of all of them.
        let largeIngest = DispatchSemaphore(value: 1)
        for wave in waves {
            let stages = wave.map { byID[$0]! }
            let work =
                stages.filter { !isLargeIngest($0, jobs: jobs) } + stages.filter { isLargeIngest($0, jobs: jobs) }
            let semaphore = DispatchSemaphore(value: jobs)
            let group = DispatchGroup()
            for p in work {
                let large = isLargeIngest(p, jobs: jobs)
                if large { largeIngest.wait() }
                semaphore.wait()
                DispatchQueue.global().async(group: group) {
                    defer {
                        semaphore.signal()
                        if large { largeIngest.signal() }
                    }
                    self.perform(p)
                }
            }
            group.wait()
            releaseTables(
                after: wave, remaining: waves.drop { $0 != wave }.dropFirst().flatMap { $0 }.compactMap { byID[$0] })
        }
    }

    /// Drops the tables no remaining stage reads, so peak memory is that of the tables in use,
    /// not of every table the run read. Tables of `keep_rows` sources stay for the commit.
    private func releaseTables(after wave: [String], remaining: [PlannedStage]) {
        let stillRead = Set(
            remaining.filter { $0.action == .run && $0.stage.readsTables }.flatMap(\.stage.dependencies))
        let kept = Set(spec.sources.filter(\.options.keepRows).map(\.name))
        lock.withLock {
            for source in Array(tables.keys) where !stillRead.contains("ingest.\(source)") && !kept.contains(source) {
                tables[source] = nil
            }
        }
    }

    /// An ingest stage that will run, of a file `Ingestor.readTable(_:jobs:)` reads in parallel.
    private func isLargeIngest(_ p: PlannedStage, jobs: Int) -> Bool {
        guard jobs > 1, p.action == .run, case .ingest(let source) = p.stage.kind,
            let path = spec.sources.first(where: { $0.name == source })?.options.path,
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int
        else { return false }
        return size >= Ingestor.parallelMinimumBytes
    }

    private func perform(_ p: PlannedStage) {
        let upstreamFailed = lock.withLock { p.stage.dependencies.contains { failed.contains($0) } }
        if upstreamFailed {
            lock.withLock { _ = failed.insert(p.stage.id) }
            return
        }
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
            lock.withLock { outcomes[p.stage.id] = outcome }
            options.progress.stageFinished(p.stage.id, detail: detail, seconds: outcome.seconds)
        } catch {
            lock.withLock {
                _ = failed.insert(p.stage.id)
                failures.append("\(p.stage.id): \(error)")
            }
            options.progress.message("failed \(p.stage.id): \(error)")
        }
    }

    private func describe(_ o: Outcome, stage: Stage) -> String {
        if let i = o.summary.ingest { return "\(i.rowsRead) rows read, \(i.rejected) rejected" }
        if let c = o.summary.check { return c.summaryLine }
        if !o.summary.files.isEmpty { return "\(o.summary.files.count) files" }
        return "\(o.rows.count) rows"
    }

    // MARK: Stages

    private func run(_ p: PlannedStage) throws -> Outcome {
        var summary = StageSummary(manifest: p.manifest)
        switch p.stage.kind {
        case .ingest(let source):
            let spec = self.spec.sources.first { $0.name == source }!
            var options = spec.options
            options.unusedColumns = ColumnUse.unused(spec, in: self.spec)
            let (table, report) = try Ingestor.readTable(options, jobs: self.options.jobs)
            summary.ingest = StageSummary.IngestInfo(
                source: source, kind: options.kind.rawValue, path: options.path,
                sha256: p.manifest.parts.first { $0.kind == .file }?.value ?? "",
                rowsRead: report.rowsRead, accepted: report.accepted, rejected: report.rejected.count,
                coverage: TableCoverage.of(table))
            summary.warnings = report.warnings
            lock.withLock {
                tables[source] = table
                rejected.append(contentsOf: report.rejected)
                if !report.withinLimit, let info = summary.ingest { overLimit.append(info) }
            }
            if !report.withinLimit {
                throw Diagnostic(
                    SourceLocation(path: options.path),
                    "\(report.rejected.count) of \(report.rowsRead) rows rejected (\(percent(report.rejectedShare))), more than max_rejected \(percent(options.maxRejected)); every bad row is listed in \(rejectedPath)"
                )
            }
            return Outcome(summary: summary)

        case .indicators(let family):
            let inputs = lock.withLock { indicatorInputs() }
            let selection = IndicatorSelection(spec)
            let out = try BuiltinIndicators.compute(
                IndicatorFamily(rawValue: family)!, inputs: inputs, select: selection.selects, jobs: options.jobs)
            summary.warnings = out.warnings.map(\.description)
            return Outcome(rows: out.rows, summary: summary)

        case .custom(let id):
            let def = spec.custom.first { $0.id == id }!
            let tables = lock.withLock {
                spec.sources.filter { $0.name == def.source }.compactMap { self.tables[$0.name] }
            }
            let out = try CustomIndicators.compute(def, tables: tables, jobs: options.jobs)
            summary.warnings = out.warnings.map(\.description)
            return Outcome(rows: out.rows, summary: summary)

        case .composite(let id):
            let def = spec.composites.first { $0.id == id }!
            let rows = try p.stage.dependencies.flatMap { try resultRows(of: $0) }
            let out = try CompositeIndex.compute(def, rows: rows, jobs: options.jobs)
            summary.warnings = out.warnings.map(\.description)
            return Outcome(rows: out.rows, summary: summary)

        case .report:
            (summary.files, summary.findings) = try writeReport(p)
            return Outcome(summary: summary)

        case .check:
            summary.check = try runCheck(p)
            return Outcome(summary: summary)
        }
    }

    /// Built-in indicator inputs from every table read, grouped by kind. Caller holds `lock`.
    private func indicatorInputs() -> IndicatorInputs {
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
            }
        }
        return inputs
    }

    /// Result rows of a stage: computed in this run, or loaded from the store for its key.
    func resultRows(of stage: String) throws -> [IndicatorRow] {
        if let o = lock.withLock({ outcomes[stage] }) { return o.rows }
        guard let p = plan.first(where: { $0.stage.id == stage }) else { return [] }
        return try store.results(stage: stage, key: p.key)
    }

    /// A stage's summary: from this run, or the stored one for its key.
    func stageSummary(of stage: String) throws -> StageSummary? {
        if let o = lock.withLock({ outcomes[stage] }) { return o.summary }
        guard let p = plan.first(where: { $0.stage.id == stage }) else { return nil }
        return try history.summary(stage: stage, key: p.key)
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
        try plan.filter { p in
            switch p.stage.kind {
            case .indicators, .custom, .composite: return true
            default: return false
            }
        }.flatMap { try resultRows(of: $0.stage.id) }.canonicallySorted()
    }

    func summary(runID: Int64, wall: Double) -> RunSummary {
        lock.withLock {
            // A failed ingest still lists every bad row, in the rejected-rows file.
            if !failures.isEmpty, !rejected.isEmpty {
                do { try RejectedRowsFile.write(sortedRejected(), to: rejectedPath) } catch {
                    failures.append("cannot write \(rejectedPath): \(error)")
                }
            }
            let ingests =
                plan.compactMap { p -> StageSummary.IngestInfo? in
                    if let o = outcomes[p.stage.id] { return o.summary.ingest }
                    return nil
                } + overLimit
            let resultCount = outcomes.filter {
                $0.key.hasPrefix("indicators.") || $0.key.hasPrefix("custom.") || $0.key.hasPrefix("composite.")
            }
            .values.reduce(0) { $0 + $1.rows.count }
            return RunSummary(
                runID: runID, pipeline: spec.name, plan: plan,
                seconds: outcomes.mapValues(\.seconds),
                rowsRead: ingests.reduce(0) { $0 + $1.rowsRead }, rowsRejected: ingests.reduce(0) { $0 + $1.rejected },
                indicatorRows: resultCount,
                outputs: (outcomes["report"]?.summary.files.keys.sorted()) ?? [],
                rejectedRowsFile: rejected.isEmpty ? nil : rejectedPath,
                warnings: uniqued(plan.flatMap { outcomes[$0.stage.id]?.summary.warnings ?? [] }),
                failures: failures, check: outcomes["check"]?.summary.check, wallSeconds: wall)
        }
    }

    /// The rejected rows so far, in a fixed order (takes the lock).
    func lockedRejected() -> [RejectedRow] { lock.withLock { sortedRejected() } }

    /// Rejected rows in a fixed order (source, file, line), whatever order the workers finished in.
    func sortedRejected() -> [RejectedRow] {
        rejected.sorted { ($0.source, $0.file, $0.line) < ($1.source, $1.file, $1.line) }
    }

    /// Input files and rejected rows of the run, for the store. Caller holds `lock`.
    private func records() -> (inputs: [InputRecord], rejected: [RejectedRecord]) {
        let inputs = spec.sources.compactMap { s -> InputRecord? in
            guard let p = plan.first(where: { $0.stage.id == "ingest.\(s.name)" }) else { return nil }
            let sha = p.manifest.parts.first { $0.kind == .file }?.value ?? ""
            let size = (try? FileManager.default.attributesOfItem(atPath: s.options.path)[.size] as? Int) ?? 0
            return InputRecord(source: s.name, path: s.options.path, sha256: sha, size: Int64(size))
        }
        let rejected = sortedRejected().map {
            RejectedRecord(
                source: $0.source, file: $0.file, line: $0.line, field: $0.field, reason: $0.reason, record: $0.record)
        }
        return (inputs, rejected)
    }

    /// What a failed run leaves in the store: its inputs and every rejected row.
    func failureRecords() -> (inputs: [InputRecord], rejected: [RejectedRecord]) { lock.withLock { records() } }

    /// Records the run: stage keys and actions for all, outputs for the stages that ran.
    func commit(runID: Int64, finished: String) throws {
        try lock.withLock {
            let stages = plan.map {
                StageRecord(
                    stage: $0.stage.id, key: $0.key, action: $0.action == .run ? .ran : .skipped, reason: $0.reasonText)
            }
            let outputs = try plan.compactMap { p -> StageOutput? in
                guard let o = outcomes[p.stage.id] else { return nil }
                return StageOutput(
                    stage: p.stage.id, key: p.key, summary: try encodeSummary(o.summary), results: o.rows)
            }
            let (inputs, rej) = records()
            let ingests = outcomes.values.compactMap(\.summary.ingest)
            let indicatorCount = outcomes.filter { !$0.key.hasPrefix("ingest.") }.values.reduce(0) {
                $0 + $1.rows.count
            }
            // Kept rows, for sources that ask for them, in the same transaction.
            let kept = spec.sources.filter(\.options.keepRows).compactMap { tables[$0.name] }
            try store.commitRun(
                runID, finished: finished, stages: stages, outputs: outputs, inputs: inputs, rejected: rej,
                counts: RunCounts(
                    rowsRead: ingests.reduce(0) { $0 + $1.rowsRead },
                    rowsRejected: ingests.reduce(0) { $0 + $1.rejected }, indicators: indicatorCount),
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
