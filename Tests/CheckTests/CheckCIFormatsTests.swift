import ApenCore
import Foundation
import Testing

@testable import Check

/// `apen check --format junit` and `--format github` on the six rows of
/// `CheckReportRenderingTests.report()` (their arithmetic is written out there). The expected
/// text was written by hand from that arithmetic, the JUnit schema and GitHub's workflow-command
/// syntax, not copied from the output.
struct CheckCIFormatsTests {
    @Test func junitHasOneCasePerIndicatorWithTheFailingRows() throws {
        let xml = try CheckReportRenderingTests.report().rendered(
            as: .junit, all: false, title: "Åpen check: p.yaml")
        // Six indicators in METHODS §1 order; two fail (missing, drift), two warn.
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="Åpen check: p.yaml" tests="6" failures="2" errors="0">
              <testsuite name="Åpen check: p.yaml" tests="6" failures="2" errors="0" skipped="0">
                <properties><property name="summary" value="6 checked, 1 drifted, 1 missing, 1 added, 1 n changed — failed: 2 failures, 2 warnings"/></properties>
                <testcase classname="apen.check" name="engagement.repeat_share"/>
                <testcase classname="apen.check" name="foi.granted_share">
                  <system-out>foi.granted_share 5001 2023: baseline 0.75, new 0.75, Δ 0 (0%), n 4→5, tolerance abs 0.0 (foi.granted_share), n changed</system-out>
                </testcase>
                <testcase classname="apen.check" name="foi.median_workdays">
                  <failure type="missing" message="1 of 1 rows failed">foi.median_workdays 5006 2023: baseline 3.5, n 10, tolerance abs 1e-09 (default), missing</failure>
                </testcase>
                <testcase classname="apen.check" name="publications.open_share">
                  <system-out>publications.open_share 5001 2023: new 0.5, n 8, tolerance abs 1e-09 (default), added</system-out>
                </testcase>
                <testcase classname="apen.check" name="survey.transparency.index">
                  <failure type="drift" message="1 of 1 rows failed">survey.transparency.index 5001 2019: baseline 61.25, new 62.5, Δ +1.25 (+2.04%), n 120, tolerance rel 0.005 (survey.*), drift</failure>
                </testcase>
                <testcase classname="apen.check" name="survey.trust.index"/>
              </testsuite>
            </testsuites>

            """
        #expect(xml == expected)
    }

    @Test func githubAnnotatesEveryRowThatNeedsIt() throws {
        let text = try CheckReportRenderingTests.report().rendered(
            as: .github, all: false, title: "Åpen check: p.yaml", file: "pipelines/p.yaml")
        // Failures first, then warnings (the report's order); `:` in a title is %3A.
        let expected = """
            ::error file=pipelines/p.yaml,title=apen check%3A missing::foi.median_workdays 5006 2023: baseline 3.5, n 10, tolerance abs 1e-09 (default), missing
            ::error file=pipelines/p.yaml,title=apen check%3A drift::survey.transparency.index 5001 2019: baseline 61.25, new 62.5, Δ +1.25 (+2.04%25), n 120, tolerance rel 0.005 (survey.*), drift
            ::warning file=pipelines/p.yaml,title=apen check%3A n changed::foi.granted_share 5001 2023: baseline 0.75, new 0.75, Δ 0 (0%25), n 4→5, tolerance abs 0.0 (foi.granted_share), n changed
            ::warning file=pipelines/p.yaml,title=apen check%3A added::publications.open_share 5001 2023: new 0.5, n 8, tolerance abs 1e-09 (default), added
            ::notice title=apen check::6 checked, 1 drifted, 1 missing, 1 added, 1 n changed — failed: 2 failures, 2 warnings

            """
        #expect(text == expected)
    }

    @Test func escapingForXMLAndWorkflowCommands() {
        #expect(CheckReport.xml("a<b & \"c\" 'd'\u{1}") == "a&lt;b &amp; &quot;c&quot; 'd'\u{FFFD}")
        #expect(CheckReport.workflowData("50%\nx") == "50%25%0Ax")
        #expect(CheckReport.workflowProperty("a:b,c") == "a%3Ab%2Cc")
    }
}
