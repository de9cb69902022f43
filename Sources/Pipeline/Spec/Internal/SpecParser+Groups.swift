import ApenCore
import Foundation
import Indicators
import Ingest
import Reports
import Yams

extension SpecParser {
    /// `report: groups:` — `true`/`false` (the built-in groups), a mapping `name: [numbers…]`,
    /// or the path of a CSV `municipality,group` (one row per member). A member must be a number
    /// of some version of classification 131; one that merely has no data is a warning of the
    /// run (the groups stage), not an error here.
    mutating func parseGroups(_ node: Node) -> ComparisonGroupOptions {
        var options = ComparisonGroupOptions(enabled: true)
        switch node {
        case .scalar(let s):
            switch s.string.lowercased() {
            case "true", "yes", "on": return options
            case "false", "no", "off": return ComparisonGroupOptions()
            default:
                let file = PathResolution.resolve(s.string, relativeToFile: path)
                options.file = file
                options.declared = readGroupsCSV(file, mark: node.mark)
            }
        case .mapping:
            guard let m = reader.mapping(node, key: "report.groups", allowed: nil) else { return options }
            for e in m.entries {
                let key = "report.groups.\(e.key)"
                guard checkGroupName(e.key, mark: e.keyMark, key: key) else { continue }
                guard let members = reader.strings(e.value, key: key) else { continue }
                var seen: [String: Int] = [:]
                var numbers: [String] = []
                for (i, member) in members.enumerated() {
                    if let first = seen[member.text] {
                        reader.error(
                            member.mark,
                            "\(key)[\(i)]: municipality \(member.text) is listed twice in the group (first as [\(first)])"
                        )
                        continue
                    }
                    seen[member.text] = i
                    groupMemberLocations[e.key, default: [:]][member.text] = reader.location(member.mark)
                    if let problem = Self.unknownMunicipality(member.text) {
                        reader.error(member.mark, "\(key)[\(i)]: \(problem)")
                        continue
                    }
                    numbers.append(member.text)
                }
                options.declared.append(.init(name: e.key, members: numbers))
            }
        default:
            reader.error(
                node.mark,
                "report.groups: expected true, a mapping name: [municipality numbers], or the path of a CSV municipality,group; found \(SpecReader.describe(node))"
            )
        }
        return options
    }

    /// `report: profiles:` — `true` (the focus municipalities), `false`, or `all`.
    mutating func parseProfiles(_ node: Node) -> ProfileScope {
        if case .scalar(let s) = node {
            switch s.string.lowercased() {
            case "true", "yes", "on": return .focus
            case "false", "no", "off": return .none
            case "all": return .all
            default: break
            }
        }
        reader.error(
            node.mark,
            "report.profiles: expected true (the focus municipalities), false or all; found \(SpecReader.describe(node))"
        )
        return .none
    }

    /// Why `number` cannot be a group member, or nil: four digits and a number of some version
    /// of classification 131 (2012 to the latest shipped).
    static func unknownMunicipality(_ number: String) -> String? {
        let crosswalk = MunicipalityCrosswalk.shipped
        guard crosswalk.name(of: number) == nil else { return nil }
        let span = "\(crosswalk.structures[0])–\(crosswalk.structures.last!)"
        if number.count < 4, number.allSatisfy(\.isNumber) {
            return
                "municipality '\(number)' is in no version of classification 131 (\(span)); numbers have four digits — quote them so a leading zero stays ('0\(number)')"
        }
        return "municipality '\(number)' is in no version of classification 131 (\(span))"
    }

    /// A declared group's name: a plain name that is not a built-in group's id.
    private mutating func checkGroupName(_ name: String, mark: Mark?, key: String) -> Bool {
        guard SpecParser.isPlainName(name, allowDot: true) else {
            reader.error(mark, "\(key): a group name uses letters, digits, '.', '_' and '-' (found '\(name)')")
            return false
        }
        guard !ComparisonGroup.isReserved(name) else {
            reader.error(
                mark,
                "\(key): '\(name)' is the name of a built-in group (country, country_excl_oslo, county:<nn>); choose another"
            )
            return false
        }
        return true
    }

    /// Reads a groups CSV (`municipality,group`, a header, one member per row); errors at
    /// `file:line:column` for an unknown number, a duplicate member of a group, a bad group
    /// name or a missing field; every bad row is reported.
    private mutating func readGroupsCSV(_ file: String, mark: Mark?) -> [ComparisonGroupOptions.Declared] {
        guard let data = FileManager.default.contents(atPath: file) else {
            reader.error(mark, "report.groups: cannot read the groups file \(file)")
            return []
        }
        guard var text = String(data: data, encoding: .utf8) else {
            reader.error(mark, "report.groups: \(file) is not UTF-8 text")
            return []
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        func fail(_ line: Int, _ column: Int, _ message: String) {
            reader.append(Diagnostic(SourceLocation(path: file, line: line, column: column), message))
        }
        guard let headerLine = lines.first, !headerLine.isEmpty else {
            fail(1, 1, "empty groups file: expected the header municipality,group")
            return []
        }
        let header = Self.csvFields(headerLine).map { $0.text.lowercased() }
        guard let mi = header.firstIndex(of: "municipality"), let gi = header.firstIndex(of: "group") else {
            fail(1, 1, "the header must name the columns municipality and group (found: \(headerLine))")
            return []
        }
        var order: [String] = []
        var members: [String: [String]] = [:]
        var firstLine: [String: [String: Int]] = [:]  // group → member → line
        for (i, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let n = i + 1
            let fields = Self.csvFields(line)
            guard fields.count > max(mi, gi) else {
                fail(n, 1, "expected \(header.count) fields (municipality,group), found \(fields.count)")
                continue
            }
            let number = fields[mi]
            let group = fields[gi]
            guard !group.text.isEmpty else {
                fail(n, group.column, "the group is empty")
                continue
            }
            guard SpecParser.isPlainName(group.text, allowDot: true), !ComparisonGroup.isReserved(group.text) else {
                fail(
                    n, group.column,
                    "group '\(group.text)': a group name uses letters, digits, '.', '_' and '-' and is not a built-in group's (country, country_excl_oslo, county:<nn>)"
                )
                continue
            }
            if let problem = Self.unknownMunicipality(number.text) {
                fail(n, number.column, problem)
                continue
            }
            if let first = firstLine[group.text]?[number.text] {
                fail(
                    n, number.column,
                    "municipality \(number.text) is listed twice in group '\(group.text)' (first on line \(first))")
                continue
            }
            if members[group.text] == nil { order.append(group.text) }
            members[group.text, default: []].append(number.text)
            firstLine[group.text, default: [:]][number.text] = n
            groupMemberLocations[group.text, default: [:]][number.text] = SourceLocation(
                path: file, line: n, column: number.column)
        }
        return order.map { .init(name: $0, members: members[$0]!) }
    }

    /// The fields of a CSV line with the 1-based column where each starts; quotes around a
    /// field are removed (`""` inside is one quote), spaces around it trimmed.
    static func csvFields(_ line: String) -> [(text: String, column: Int)] {
        var out: [(text: String, column: Int)] = []
        var field = ""
        var start = 1
        var quoted = false
        var column = 0
        var chars = Array(line).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            column += 1
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" {
                            field.append("\"")
                            column += 1
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "," {
                out.append((field.trimmingCharacters(in: .whitespaces), start))
                field = ""
                start = column + 1
            } else if c == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
                quoted = true
                field = ""
            } else {
                field.append(c)
            }
        }
        out.append((field.trimmingCharacters(in: .whitespaces), start))
        return out
    }
}
