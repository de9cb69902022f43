/// A county (fylke) of Statistics Norway's classification 104, by its two-digit number: the
/// first two digits of a municipality number in the structure the number belongs to.
///
/// The table is `datasets/municipalities/counties.csv` (source and date there), embedded.
///
/// ```swift
/// County.named("50")?.name   // "Trøndelag"
/// County.of(municipality: "5501")?.name   // "Troms"
/// ```
package struct County: Sendable, Hashable {
    /// The Norwegian name (the classification also has parallel Sami and Kven names).
    package var name: String
    /// The first year of the structure the county number belongs to.
    package var validFrom: Int
    /// The last year, or nil for a county in force in the latest shipped structure.
    package var validTo: Int?

    /// The county with two-digit number `number`, if any version of classification 104 has it.
    package static func named(_ number: String) -> County? { all[number] }

    /// The county of a four-digit municipality number (its first two digits), if known.
    package static func of(municipality: String) -> County? {
        municipality.count == 4 ? all[String(municipality.prefix(2))] : nil
    }

    /// Every county number 2012–2024 (numbers are not reused across versions).
    package static let all: [String: County] = [
        "01": County(name: "Østfold", validFrom: 2012, validTo: 2019),
        "02": County(name: "Akershus", validFrom: 2012, validTo: 2019),
        "03": County(name: "Oslo", validFrom: 2012, validTo: nil),
        "04": County(name: "Hedmark", validFrom: 2012, validTo: 2019),
        "05": County(name: "Oppland", validFrom: 2012, validTo: 2019),
        "06": County(name: "Buskerud", validFrom: 2012, validTo: 2019),
        "07": County(name: "Vestfold", validFrom: 2012, validTo: 2019),
        "08": County(name: "Telemark", validFrom: 2012, validTo: 2019),
        "09": County(name: "Aust-Agder", validFrom: 2012, validTo: 2019),
        "10": County(name: "Vest-Agder", validFrom: 2012, validTo: 2019),
        "11": County(name: "Rogaland", validFrom: 2012, validTo: nil),
        "12": County(name: "Hordaland", validFrom: 2012, validTo: 2019),
        "14": County(name: "Sogn og Fjordane", validFrom: 2012, validTo: 2019),
        "15": County(name: "Møre og Romsdal", validFrom: 2012, validTo: nil),
        "16": County(name: "Sør-Trøndelag", validFrom: 2012, validTo: 2017),
        "17": County(name: "Nord-Trøndelag", validFrom: 2012, validTo: 2017),
        "18": County(name: "Nordland", validFrom: 2012, validTo: nil),
        "19": County(name: "Troms", validFrom: 2012, validTo: 2019),
        "20": County(name: "Finnmark", validFrom: 2012, validTo: 2019),
        "30": County(name: "Viken", validFrom: 2020, validTo: 2023),
        "31": County(name: "Østfold", validFrom: 2024, validTo: nil),
        "32": County(name: "Akershus", validFrom: 2024, validTo: nil),
        "33": County(name: "Buskerud", validFrom: 2024, validTo: nil),
        "34": County(name: "Innlandet", validFrom: 2020, validTo: nil),
        "38": County(name: "Vestfold og Telemark", validFrom: 2020, validTo: 2023),
        "39": County(name: "Vestfold", validFrom: 2024, validTo: nil),
        "40": County(name: "Telemark", validFrom: 2024, validTo: nil),
        "42": County(name: "Agder", validFrom: 2020, validTo: nil),
        "46": County(name: "Vestland", validFrom: 2020, validTo: nil),
        "50": County(name: "Trøndelag", validFrom: 2018, validTo: nil),
        "54": County(name: "Troms og Finnmark", validFrom: 2020, validTo: 2023),
        "55": County(name: "Troms", validFrom: 2024, validTo: nil),
        "56": County(name: "Finnmark", validFrom: 2024, validTo: nil),
    ]
}
