/// One step of the store's schema history: a version number and the SQL that reaches it.
///
/// Migrations run in order, each in the same transaction as the `schema_version` row that
/// records it, so a store is always at exactly one version. Never edit a shipped migration;
/// append a new one (and describe it in docs/store.md).
struct Migration: Sendable {
    let version: Int
    let description: String
    let sql: String
}
