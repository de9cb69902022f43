import ApenCore
import Foundation

/// Receives progress events of a run. Implementations must be thread-safe: stages report from
/// Dispatch workers.
public protocol ProgressReporter: Sendable {
    func stageStarted(_ stage: String, reason: String)
    func stageFinished(_ stage: String, detail: String, seconds: Double)
    func stageSkipped(_ stage: String)
    func message(_ text: String)
}

/// Reports nothing (`--quiet`, tests).
public struct SilentProgress: ProgressReporter {
    public init() {}
    public func stageStarted(_ stage: String, reason: String) {}
    public func stageFinished(_ stage: String, detail: String, seconds: Double) {}
    public func stageSkipped(_ stage: String) {}
    public func message(_ text: String) {}
}

/// One line per stage start and end on standard error; on a terminal the running stages are
/// shown on one live line that is rewritten in place.
public final class StderrProgress: ProgressReporter, Sendable {
    private let live: Bool
    /// The stages running, with their start; held while writing, so lines never interleave.
    private let running = Locked<[String: Date]>([:])
    private let started = Date()

    public init(isTerminal: Bool = isatty(STDERR_FILENO) == 1) { self.live = isTerminal }

    public func stageStarted(_ stage: String, reason: String) {
        running.withLock { running in
            running[stage] = Date()
            if live { redraw(running) } else { write("start \(stage) (\(reason))\n") }
        }
    }

    public func stageFinished(_ stage: String, detail: String, seconds: Double) {
        running.withLock { running in
            running[stage] = nil
            clearLine()
            write("done  \(stage): \(detail) (\(String(format: "%.2f", seconds)) s)\n")
            if live { redraw(running) }
        }
    }

    public func stageSkipped(_ stage: String) {
        running.withLock { running in
            clearLine()
            write("skip  \(stage) (unchanged)\n")
            if live { redraw(running) }
        }
    }

    public func message(_ text: String) {
        running.withLock { running in
            clearLine()
            write(text + "\n")
            if live { redraw(running) }
        }
    }

    private func clearLine() { if live { write("\r\u{1B}[2K") } }

    private func redraw(_ running: [String: Date]) {
        guard !running.isEmpty else { return }
        let now = Date()
        let parts = running.sorted { $0.key < $1.key }.map {
            "\($0.key) \(String(format: "%.1f", now.timeIntervalSince($0.value))) s"
        }
        write(
            "\r\u{1B}[2K▸ " + parts.joined(separator: " · ")
                + " · \(String(format: "%.1f", now.timeIntervalSince(started))) s")
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
