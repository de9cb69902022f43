/// What a run did with a stage: computed it, or reused the stored output of the same key.
package enum StageAction: String, Sendable, Hashable, Codable {
    case ran, skipped
}
