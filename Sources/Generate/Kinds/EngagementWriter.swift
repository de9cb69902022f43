import ApenCore

/// Writes `engagement.csv`: one row per action (METHODS.md §3 input) with skewed participation.
///
/// Per municipality and year the generator creates initiatives (consultations, budgets) with
/// Zipf popularity and a centre date; participants arrive one by one with a power-law number
/// of actions (P(1 action) ≈ 0.58, a few hundred at most), so a few people make many actions
/// (Gini ≈ 0.5–0.7). Each action goes to the participant's home initiative (70 %) or another
/// one, which makes repeat participation (≥ 2 initiatives) common but not universal. Dates
/// cluster within ±4 weeks of the initiative's centre, so weekends and holidays occur.
/// Participant numbers overlap between consecutive years (about 30 % of a year's id range is
/// reused), as real people return.
enum EngagementWriter {
    static let columns = ["event_id", "municipality", "date", "participant_id", "channel", "action", "initiative_id"]

    static let channels = Choice([("web", 55.0), ("app", 20), ("meeting", 12), ("email", 8), ("paper", 5)])
    static let actions = Choice([("vote", 40.0), ("comment", 35), ("like", 17), ("proposal", 8)])

    static func write(plan: GenerationPlan, dialect: Dialect, path: String) throws -> Int {
        let w = try RowWriter(path: path, dialect: dialect)
        w.header(columns)
        let channelBytes = channels.values.map { w.encode($0) }
        let actionBytes = actions.values.map { w.encode($0) }
        let attend = w.encode("attend")
        let meeting = channels.values.firstIndex(of: "meeting")!
        for m in plan.municipalities {
            let code = w.encode(m.code)
            for year in plan.years {
                let total = plan.count(.engagement, m, year)
                if total == 0 { continue }
                var rng = Xoshiro256(
                    seed: SplitMix64.mix(plan.seed, SourceKind.engagement.streamKey, m.streamKey, UInt64(year)))
                let first = Day(year: year, month: 1, day: 1)!
                let last = Day(year: year, month: 12, day: 31)!
                let daysInYear = Int(last.raw - first.raw) + 1
                let nInitiatives = max(2, min(60, total / 150 + 2))
                let popularity = Choice((0..<nInitiatives).map { ($0, 1.0 / Double($0 + 1)) })
                let centres = (0..<nInitiatives).map { _ in rng.below(daysInYear) }
                let initiativeIDs = (0..<nInitiatives).map {
                    w.encode("\(m.code)-\(year)-I\($0 + 1 < 10 ? "0" : "")\($0 + 1)")
                }
                // Participant numbering: each year starts 70 % of an expected year's participants after the previous one.
                let stride = max(1, Int(0.7 * Double(total) / 4.4))
                var participant = (year - 2000) * stride
                let eventPrefix = w.encode("\(m.code)-\(year)-")
                let participantPrefix = w.encode("P\(m.code)-")
                var emitted = 0
                while emitted < total {
                    participant += 1
                    let actionsHere = min(total - emitted, rng.powerLaw(r: 0.42, maxTier: 8))
                    let home = popularity.drawIndex(&rng)
                    let preferred = channels.drawIndex(&rng)
                    for _ in 0..<actionsHere {
                        emitted += 1
                        let initiative = rng.chance(0.7) ? home : popularity.drawIndex(&rng)
                        let offset = rng.below(29) + rng.below(29) - 28
                        let dayIndex = min(daysInYear - 1, max(0, centres[initiative] + offset))
                        let channel = rng.chance(0.8) ? preferred : channels.drawIndex(&rng)
                        w.id(eventPrefix, emitted, digits: 6)
                        w.raw(code)
                        w.date(
                            first.adding(days: dayIndex),
                            millisecondsOfDay: (7 * 3600 + rng.below(15 * 3600)) * 1000 + rng.below(1000))
                        w.id(participantPrefix, participant, digits: 6)
                        w.raw(channelBytes[channel])
                        w.raw(channel == meeting ? attend : actionBytes[actions.drawIndex(&rng)])
                        w.raw(initiativeIDs[initiative])
                        w.endRow()
                    }
                }
            }
        }
        try w.finish()
        return w.rows
    }
}
