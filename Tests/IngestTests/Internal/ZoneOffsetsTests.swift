import Foundation
import Testing

@testable import Ingest

/// `ZoneOffsets` (the transition table behind `timezone:`) must give what Foundation gives for
/// every instant: checked against `secondsFromGMT(for:)` at samples over 1900–2100 and, where
/// two samples differ, at the exact second of the change, found by bisection with Foundation
/// alone (not with the transitions the table was built from). The zones have summer time
/// (Oslo, Dublin's negative one in the database, São Paulo until 2019, Lord Howe's half hour),
/// changes of standard time without summer time (Moscow 2011 and 2014, Apia's skipped day in
/// 2011), odd offsets (Kolkata +05:30, Kathmandu +05:45, St John's −03:30) and none (UTC).
@Suite struct ZoneOffsetsTests {
    @Test(arguments: [
        ("Europe/Oslo", 3600), ("Europe/Moscow", 6 * 3600), ("Pacific/Apia", 6 * 3600),
        ("Asia/Kolkata", 6 * 3600), ("Asia/Kathmandu", 6 * 3600), ("America/St_Johns", 6 * 3600),
        ("America/Sao_Paulo", 6 * 3600), ("Australia/Lord_Howe", 6 * 3600), ("Europe/Dublin", 6 * 3600),
        ("UTC", 24 * 3600),
    ])
    func agreesWithFoundation(zone name: String, step: Int) throws {
        let zone = try #require(TimeZone(identifier: name))
        let table = ZoneOffsets(zone)
        func foundation(_ t: Int64) -> Int64 { Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t)))) }
        var mismatches: [String] = []
        var edges = 0
        var t = ZoneOffsets.first
        var previous = foundation(t)
        while t < ZoneOffsets.last {
            let now = foundation(t)
            if table.offset(at: t) != now { mismatches.append("\(t)") }
            if now != previous {
                // The change lies in (t − step, t]: find its first second.
                var lo = t - Int64(step)
                var hi = t
                while hi - lo > 1 {
                    let mid = (lo + hi) / 2
                    if foundation(mid) == previous { lo = mid } else { hi = mid }
                }
                edges += 1
                if table.offset(at: lo) != foundation(lo) { mismatches.append("\(lo) (before a change)") }
                if table.offset(at: hi) != foundation(hi) { mismatches.append("\(hi) (a change)") }
            }
            previous = now
            t += Int64(step)
        }
        #expect(mismatches.isEmpty, "\(name): \(mismatches.prefix(10))")
        if name == "UTC" { #expect(edges == 0) } else { #expect(edges > 0) }
        // Outside the table the zone itself answers.
        for outside in [ZoneOffsets.first - 1, ZoneOffsets.last, Int64(-1) << 40] {
            #expect(table.offset(at: outside) == foundation(outside))
        }
    }
}
