/// Finds YAML aliases (`*name`) in a pipeline file's text before the text is composed.
///
/// Yams resolves an alias by sharing the anchored node, so a few lines of nested aliases
/// (the "billion laughs" file) describe a tree with billions of nodes. Composing it is
/// cheap, but anything that walks or hashes the tree — Yams' own duplicate-key check
/// hashes mapping keys — would hang. Pipeline files have no need for aliases, so the
/// loader rejects them up front, naming each one's position.
///
/// This is a small lexical scan, not a YAML parser: it skips comments, quoted scalars,
/// plain scalars (where `*` is ordinary text, as in `survey.*` or `a *b*`) and the
/// content of block scalars (`|`, `>`), and reports a `*` that starts a token. Columns
/// count Unicode scalars from 1, as libyaml's marks do.
///
/// ```swift
/// YAMLAliasScanner.aliases(in: "a: &x [1]\nb: *x\n")  // [Alias(line: 2, column: 4, name: "x")]
/// ```
/// - Complexity: O(length of the text).
enum YAMLAliasScanner {
    struct Alias: Equatable {
        var line: Int
        var column: Int
        var name: String
    }

    private enum Quote { case none, single, double }

    static func aliases(in text: String) -> [Alias] {
        var found: [Alias] = []
        var quote = Quote.none
        var blockThreshold: Int?  // lines indented more than this are block-scalar content
        var flowDepth = 0
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var s = Array(rawLine.unicodeScalars)
            if s.last == "\r" { s.removeLast() }
            let indent = s.prefix { $0 == " " }.count
            if let threshold = blockThreshold {
                if indent == s.count || indent > threshold { continue }
                blockThreshold = nil
            }
            // Where a key would start on this line, after any `- ` sequence indicators.
            var keyColumn = indent
            var lastDash: Int?
            while keyColumn < s.count, s[keyColumn] == "-", keyColumn + 1 == s.count || s[keyColumn + 1] == " " {
                lastDash = keyColumn
                keyColumn += 1
                while keyColumn < s.count, s[keyColumn] == " " { keyColumn += 1 }
            }

            var i = 0
            var tokenStart = true
            var inPlain = false
            scan: while i < s.count {
                let c = s[i]
                let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
                let nextIsBlank = next == nil || next == " " || next == "\t"
                switch quote {
                case .double:
                    if c == "\\" {
                        i += 2
                        continue scan
                    }
                    if c == "\"" { quote = .none }
                    i += 1
                    continue scan
                case .single:
                    if c == "'" {
                        if next == "'" {
                            i += 2
                            continue scan
                        }
                        quote = .none
                    }
                    i += 1
                    continue scan
                case .none:
                    break
                }
                if inPlain {
                    if c == "#", i > 0, s[i - 1] == " " || s[i - 1] == "\t" { break scan }
                    if c == ":", nextIsBlank || (flowDepth > 0 && isFlowIndicator(next)) {
                        inPlain = false
                    } else if flowDepth > 0, c == "," || c == "]" || c == "}" {
                        inPlain = false
                        if c != "," { flowDepth -= 1 }
                        tokenStart = true
                    }
                    i += 1
                    continue scan
                }
                switch c {
                case " ", "\t":
                    tokenStart = true
                case "#" where tokenStart:
                    break scan
                case "\"" where tokenStart:
                    quote = .double
                    tokenStart = false
                case "'" where tokenStart:
                    quote = .single
                    tokenStart = false
                case "[", "{":
                    flowDepth += 1
                    tokenStart = true
                case "]", "}":
                    flowDepth = max(0, flowDepth - 1)
                    tokenStart = false
                case "," where flowDepth > 0:
                    tokenStart = true
                case "-" where tokenStart && nextIsBlank, "?" where tokenStart && nextIsBlank,
                    ":" where tokenStart && nextIsBlank:
                    tokenStart = true
                case "&" where tokenStart, "!" where tokenStart:
                    while i + 1 < s.count, !isBlankOrFlow(s[i + 1]) { i += 1 }
                    tokenStart = false
                case "*" where tokenStart:
                    var name = ""
                    var j = i + 1
                    while j < s.count, !isBlankOrFlow(s[j]) {
                        name.unicodeScalars.append(s[j])
                        j += 1
                    }
                    if !name.isEmpty { found.append(Alias(line: lineNumber, column: i + 1, name: name)) }
                    i = j
                    tokenStart = false
                    continue scan
                case "|" where tokenStart && flowDepth == 0, ">" where tokenStart && flowDepth == 0:
                    var j = i + 1
                    while j < s.count, s[j] == "+" || s[j] == "-" || ("0"..."9").contains(s[j]) { j += 1 }
                    let rest = s[j...].drop { $0 == " " || $0 == "\t" }
                    if rest.isEmpty || rest.first == "#" {
                        blockThreshold = i == keyColumn ? (lastDash ?? indent - 1) : keyColumn
                        break scan
                    }
                    inPlain = true
                    tokenStart = false
                default:
                    if tokenStart {
                        inPlain = true
                        tokenStart = false
                        // A key such as `a:b` is impossible here; `:` ends the plain scalar above.
                    }
                }
                i += 1
            }
        }
        return found
    }

    private static func isBlankOrFlow(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || isFlowIndicator(c)
    }

    private static func isFlowIndicator(_ c: Unicode.Scalar?) -> Bool {
        c == "," || c == "[" || c == "]" || c == "{" || c == "}"
    }
}
