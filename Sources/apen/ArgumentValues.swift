import ApenCore
import ArgumentParser
import Check
import Ingest

// The values of the CLI's enumerated options, in one place and one style: an enum that
// ArgumentParser parses (and lists in --help and in its error for an unknown value). A library
// enum whose raw values are the CLI's words is used as it is (a conformance here,
// so the libraries stay free of ArgumentParser); CLI-only choices get their own small enum.

/// `--kind` of `apen ingest`.
extension SourceKind: ExpressibleByArgument {}

/// `--language` of `apen indicators`: every report language.
extension Language: ExpressibleByArgument {}

/// `--encoding` of `apen ingest` (case-insensitive, as in a pipeline file).
extension IngestOptions.Encoding: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `--format` of `apen ingest`.
enum IngestFormatOption: String, ExpressibleByArgument, CaseIterable {
    case csv, json, jsonl, jsonstat
}

/// `--delimiter` of `apen ingest`: one of the four a pipeline file accepts; `tab` also as `\t`.
enum DelimiterOption: String, ExpressibleByArgument, CaseIterable {
    case comma = ","
    case semicolon = ";"
    case pipe = "|"
    case tab
    init?(argument: String) {
        switch argument {
        case "\\t", "\t": self = .tab
        default: self.init(rawValue: argument)
        }
    }
    var byte: UInt8 { self == .tab ? 9 : UInt8(ascii: rawValue.unicodeScalars.first!) }
}

/// `--decimal` of `apen ingest`.
enum DecimalOption: String, ExpressibleByArgument, CaseIterable {
    case point = "."
    case comma = ","
}

/// `--format` of `apen check` and `apen diff`.
enum FormatOption: String, ExpressibleByArgument, CaseIterable {
    case text, md, json, junit, github
    var value: OutputFormat {
        switch self {
        case .text: .text
        case .md: .md
        case .json: .json
        case .junit: .junit
        case .github: .github
        }
    }
}
