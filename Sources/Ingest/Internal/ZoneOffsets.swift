import Foundation

/// A time zone's offsets from UTC as a table of transitions, so the day of an instant is a
/// binary search instead of a call into Foundation (`secondsFromGMT(for:)` takes a lock and
/// works out an ICU calendar on every call: ≈ 10 % of an epoch-date ingest with `timezone:`).
///
/// The table covers 1900–2100 and is built once per source from the zone's own transitions;
/// an instant outside it asks the zone. `ZoneOffsetsTests` checks it against
/// `secondsFromGMT(for:)` hour by hour and at every transition.
///
/// ```swift
/// let oslo = ZoneOffsets(TimeZone(identifier: "Europe/Oslo")!)
/// oslo.offset(at: 1_711_846_799)   // 3600 (2024-03-31T00:59:59Z, CET)
/// oslo.offset(at: 1_711_846_800)   // 7200 (01:00Z, CEST)
/// ```
struct ZoneOffsets: Sendable {
    let zone: TimeZone
    /// Instants (seconds since 1970-01-01T00:00Z) from which `offsets[i]` holds, ascending;
    /// `starts[0]` is `first`.
    private let starts: [Int64]
    private let offsets: [Int32]

    /// 1900-01-01T00:00Z and 2100-01-01T00:00Z: the range the table covers.
    static let first: Int64 = -2_208_988_800
    static let last: Int64 = 4_102_444_800

    init(_ zone: TimeZone) {
        self.zone = zone
        var starts = [ZoneOffsets.first]
        var offsets = [Int32(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(ZoneOffsets.first))))]
        var t = Date(timeIntervalSince1970: Double(ZoneOffsets.first))
        while let next = zone.nextDaylightSavingTimeTransition(after: t), next > t,
            next.timeIntervalSince1970 < Double(ZoneOffsets.last)
        {
            let offset = Int32(zone.secondsFromGMT(for: next))
            if offset != offsets.last {
                starts.append(Int64(next.timeIntervalSince1970.rounded(.down)))
                offsets.append(offset)
            }
            t = next
        }
        self.starts = starts
        self.offsets = offsets
    }

    /// The zone's offset from UTC in seconds at `seconds` since 1970-01-01T00:00Z.
    @inline(__always)
    func offset(at seconds: Int64) -> Int64 {
        guard seconds >= ZoneOffsets.first, seconds < ZoneOffsets.last else {
            return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
        }
        // The last start at or before `seconds` (starts[0] = first ≤ seconds).
        var lo = 0
        var hi = starts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if starts[mid] <= seconds { lo = mid } else { hi = mid }
        }
        return Int64(offsets[lo])
    }
}
