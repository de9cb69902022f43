import ApenCore

/// A comparison group of municipalities (issue 16): the county, the country, the country
/// without Oslo, or a group the pipeline declares.
///
/// A group's value is the indicator computed on the pooled rows of its members, never an
/// average of their values: each family's own computation runs on the tables with the
/// municipality number replaced by the group's id (``ComparisonGroups``), so a share is the
/// pooled numerator over the pooled denominator, a per-1000 rate divides by the pooled
/// population, a quantile is taken over the pooled lags, and a survey value is a domain
/// estimate over the wave's design (METHODS.md §2), with its SE.
package struct ComparisonGroup: Sendable, Hashable {
    /// Who belongs to a group.
    package enum Membership: Sendable, Hashable {
        /// Every municipality but these (the country: `except` empty; without Oslo: `["0301"]`).
        case all(except: Set<String>)
        /// These municipality numbers.
        case list(Set<String>)
        /// The numbers whose first two digits are `prefix` (a county in the structure the
        /// numbers follow).
        case prefix(String)

        func contains(_ municipality: String) -> Bool {
            switch self {
            case .all(let except): return !except.contains(municipality)
            case .list(let members): return members.contains(municipality)
            case .prefix(let p): return municipality.count == 4 && municipality.hasPrefix(p)
            }
        }
    }

    /// The id written in the `group` column (`county:50`, `country`, `country_excl_oslo`, or a
    /// declared name).
    package var id: String
    package var membership: Membership

    package init(id: String, membership: Membership) {
        self.id = id
        self.membership = membership
    }

    /// The id of the built-in country group.
    package static let countryID = "country"
    /// The id of the built-in country-without-Oslo group.
    package static let countryWithoutOsloID = "country_excl_oslo"
    /// Oslo's municipality number, left out of ``countryWithoutOslo``.
    package static let oslo = "0301"

    package static let country = ComparisonGroup(id: countryID, membership: .all(except: []))
    package static let countryWithoutOslo = ComparisonGroup(
        id: countryWithoutOsloID, membership: .all(except: [oslo]))

    /// The county group of a municipality number (`"5006"` → `county:50`), nil for a number
    /// that is not four digits.
    package static func county(of municipality: String) -> ComparisonGroup? {
        guard municipality.count == 4, municipality.allSatisfy(\.isASCII), municipality.allSatisfy(\.isNumber)
        else { return nil }
        let prefix = String(municipality.prefix(2))
        return ComparisonGroup(id: countyPrefix + prefix, membership: .prefix(prefix))
    }

    /// `county:` — the start of every county group's id.
    package static let countyPrefix = "county:"

    /// The two-digit county number of a county group's id (`county:50` → `50`), else nil.
    package static func countyNumber(ofID id: String) -> String? {
        id.hasPrefix(countyPrefix) ? String(id.dropFirst(countyPrefix.count)) : nil
    }

    /// Whether a declared name would collide with a built-in id.
    package static func isReserved(_ name: String) -> Bool {
        name == countryID || name == countryWithoutOsloID || name.hasPrefix(countyPrefix)
    }
}
