import Testing

@testable import Reports

@Suite struct MarkdownRendererTests {
    @Test func tableWithAlignmentEmphasisAndLinks() {
        var t = TableModel(header: ["Kommune", "2023"], rows: [["Oslo", "1\u{00A0}234"], ["A|B", "5"]])
        t.emphasised = [0]
        t.links[TableModel.Cell(row: 1, column: 1)] = "rejected.csv"
        let md = MarkdownRenderer.render(blocks: [.table(t)])
        #expect(
            md == "| Kommune | 2023 |\n|:---|---:|\n| **Oslo** | **1\u{00A0}234** |\n| A\\|B | [5](rejected.csv) |\n")
    }

    @Test func escapesMarkupInText() {
        #expect(MarkdownRenderer.escape("a*b_c [x] <y> #1") == "a\\*b\\_c \\[x\\] \\<y\\> \\#1")
    }

    @Test func figureLinksTheChartFile() {
        let chart = Chart(slug: "bars-x", title: "T [1]", description: "D", width: 10, height: 10, body: [])
        #expect(MarkdownRenderer.render(blocks: [.figure(chart)]) == "![T \\[1\\]](charts/bars-x.svg)\n\n*D*\n")
    }
}
