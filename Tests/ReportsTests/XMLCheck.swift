import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses text as XML with Foundation's `XMLParser` (libxml2 on Linux) and collects the
/// elements, so tests can check well-formedness and structure without string matching.
final class XMLCheck: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        var depth: Int
    }

    private(set) var elements: [Element] = []
    private(set) var error: String?
    private var stack: [Int] = []

    /// Parses `text`; `error` is nil when the document is well-formed.
    static func parse(_ text: String) -> XMLCheck {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = check
        if !parser.parse() {
            check.error =
                parser.parserError.map { "\($0) at line \(parser.lineNumber), column \(parser.columnNumber)" }
                ?? "parse failed"
        }
        return check
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        elements.append(Element(name: elementName, attributes: attributeDict, text: "", depth: stack.count))
        stack.append(elements.count - 1)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = stack.last { elements[i].text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if error == nil { error = "\(parseError) at line \(parser.lineNumber), column \(parser.columnNumber)" }
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Elements whose `class` attribute contains `cls` as a word.
    func withClass(_ cls: String, _ name: String? = nil) -> [Element] {
        elements.filter { e in
            (name == nil || e.name == name!)
                && (e.attributes["class"]?.split(separator: " ").contains(Substring(cls)) ?? false)
        }
    }
}

extension XMLCheck.Element {
    func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
}

extension XMLCheck.Element {
    /// The `data-municipality` attribute charts put on each mark.
    var municipality: String { attributes["data-municipality"] ?? "" }
}
