import ApenCore
import Testing

@testable import Pipeline

/// One case per kind of error: the file, and the diagnostics expected, each as
/// `line:column: message` (a prefix of the rendered diagnostic, so messages that end
/// with a machine-specific path still compare exactly up to it). Positions were counted
/// by hand in the inline YAML, 1-based, as libyaml counts them.
struct ValidationCase: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var expected: [String]
    var testDescription: String { name }
}

/// The valid base every case edits (a survey source with its year mapped and municipality fixed):
///
///     1 pipeline: t
///     2 sources:
///     3   survey:
///     4     kind: survey
///     5     path: survey.csv
///     6     columns: {year: aar}
///     7     fixed: {municipality: "5001"}
///     8 indicators: [survey.responses]
let validationCases: [ValidationCase] = [
    ValidationCase(
        name: "unknown top-level key, did you mean",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                columns: {year: aar}
                fixed: {municipality: "5001"}
            indicators: [survey.responses]
            langauge: en
            """, expected: ["9:1: unknown key 'langauge'; did you mean 'language'?"]),
    ValidationCase(
        name: "unknown source key, did you mean",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                delimeter: ";"
                columns: {year: aar}
                fixed: {municipality: "5001"}
            indicators: [survey.responses]
            """, expected: ["6:5: sources.survey: unknown key 'delimeter'; did you mean 'delimiter'?"]),
    ValidationCase(
        name: "not a number",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                max_rejected: abc
                columns: {year: aar}
                fixed: {municipality: "5001"}
            indicators: [survey.responses]
            """, expected: ["6:19: sources.survey.max_rejected: expected a number, found 'abc'"]),
    ValidationCase(
        name: "number out of range",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                max_rejected: 2
                columns: {year: aar}
                fixed: {municipality: "5001"}
            indicators: [survey.responses]
            """, expected: ["6:19: sources.survey.max_rejected: expected a number from 0 to 1, found '2'"]),
    ValidationCase(
        name: "not a boolean",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                keep_rows: maybe
                columns: {year: aar}
                fixed: {municipality: "5001"}
            indicators: [survey.responses]
            """, expected: ["6:16: sources.survey.keep_rows: expected true or false, found 'maybe'"]),
    ValidationCase(
        name: "missing required top-level keys",
        yaml: """
            title: no name
            sources:
              survey:
                kind: survey
                path: survey.csv
                columns: {year: aar}
                fixed: {municipality: "5001"}
            """,
        expected: [
            "1:1: missing required key 'pipeline'",
            "1:1: missing required key 'indicators' (or 'custom' for a pipeline of custom indicators only)",
        ]),
    ValidationCase(
        name: "missing kind and path",
        yaml: """
            pipeline: t
            sources:
              survey:
                columns: {year: aar}
            indicators: [survey.responses]
            """,
        expected: [
            "3:3: sources.survey: missing required key 'kind'", "3:3: sources.survey: missing required key 'path'",
        ]),
    ValidationCase(
        name: "source file not found",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: nothere.csv
            indicators: [survey.responses]
            """, expected: ["5:11: sources.survey.path: no file at 'nothere.csv' (resolved to '"]),
    ValidationCase(
        name: "source path is a folder",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: folder.csv
            indicators: [survey.responses]
            """, expected: ["5:11: sources.survey.path: 'folder.csv' is a folder, not a file"]),
    ValidationCase(
        name: "unknown kind",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survy
                path: survey.csv
            indicators: [engagement.participants]
            """, expected: ["4:11: sources.survey.kind: unknown value 'survy'; did you mean 'survey'?"]),
    ValidationCase(
        name: "bad delimiter",
        yaml: """
            pipeline: t
            sources:
              e:
                kind: engagement
                path: engagement.csv
                delimiter: ":"
            indicators: [engagement.participants]
            """, expected: ["6:16: sources.e.delimiter: expected ',', ';', '|' or tab, found ':'"]),
    ValidationCase(
        name: "bad encoding",
        yaml: """
            pipeline: t
            sources:
              e:
                kind: engagement
                path: engagement.csv
                encoding: latin1
            indicators: [engagement.participants]
            """,
        expected: [
            "6:15: sources.e.encoding: unknown value 'latin1' (expected one of 'utf-8', 'windows-1252', 'iso-8859-1')"
        ]),
    ValidationCase(
        name: "bad date format",
        yaml: """
            pipeline: t
            sources:
              e:
                kind: engagement
                path: engagement.csv
                date_format: dd.mm.yyyy
            indicators: [engagement.participants]
            """, expected: ["6:18: sources.e.date_format: bad date format 'dd.mm.yyyy': 'mm' is not a field"]),
    ValidationCase(
        name: "unknown indicator id, did you mean",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                columns: {year: aar}
                fixed: {municipality: "5001"}
            indicators: [survey.respones]
            """,
        expected: ["8:14: indicators[0]: unknown indicator 'survey.respones'; did you mean 'survey.responses'?"]),
    ValidationCase(
        name: "glob that matches nothing",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                columns: {year: aar}
                fixed: {municipality: "5001"}
            indicators:
              - survey.*
              - opendta.*
            """, expected: ["10:5: indicators[1]: 'opendta.*' matches no indicator"]),
    ValidationCase(
        name: "scale index of an undeclared scale",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                columns: {year: aar}
                fixed: {municipality: "5001"}
                scales:
                  trust: {items: [q01, q02]}
            indicators: [survey.trsut.index]
            """,
        expected: ["10:14: indicators[0]: unknown indicator 'survey.trsut.index'; did you mean 'survey.trust.index'?"]),
    ValidationCase(
        name: "scale item not in the header",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                columns: {year: aar}
                fixed: {municipality: "5001"}
                scales:
                  t: {items: [q01, q5]}
            indicators: [survey.responses]
            """, expected: ["9:24: sources.survey.scales.t: item 'q5' is not a column of '"]),
    ValidationCase(
        name: "mapped column not in the header",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                columns: {year: aar, weight: vekten}
                fixed: {municipality: "5001"}
            indicators: [survey.responses]
            """, expected: ["6:34: sources.survey: column 'vekten' (for weight) is not in the header of '"]),
    ValidationCase(
        name: "required column missing everywhere",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                columns: {year: aar}
            indicators: [survey.responses]
            """, expected: ["3:3: sources.survey: required column 'municipality' is not in the header of '"]),
    ValidationCase(
        name: "unknown canonical column",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                columns: {year: aar, wieght: vekt}
                fixed: {municipality: "5001"}
            indicators: [survey.responses]
            """,
        expected: ["6:26: sources.survey.columns: 'wieght' is not a column of a survey source; did you mean 'weight'?"]),
    ValidationCase(
        name: "fixed number that is not a number",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                fixed: {municipality: "5001", year: twenty}
            indicators: [survey.responses]
            """, expected: ["6:41: sources.survey.fixed.year: expected a number, found 'twenty'"]),
    ValidationCase(
        name: "scale items mapped under columns are looked up by their header name",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                columns: {year: aar, trust1: q01, trust2: q02x}
                fixed: {municipality: "5001"}
                scales:
                  trust: {items: [trust1, trust2]}
            indicators: [survey.trust.index]
            """, expected: ["6:47: sources.survey: column 'q02x' (for trust2) is not in the header of '"]),
    ValidationCase(
        name: "decimal comma with a comma delimiter",
        yaml: """
            pipeline: t
            sources:
              e:
                kind: engagement
                path: engagement.csv
                delimiter: ","
                decimal: ","
            indicators: [engagement.participants]
            """,
        expected: [
            "6:16: sources.e.delimiter: a decimal comma cannot be read from a comma-delimited file; declare ';' or tab"
        ]),
    ValidationCase(
        name: "decimal comma with a sniffed comma header",
        yaml: """
            pipeline: t
            sources:
              e:
                kind: engagement
                path: engagement.csv
                decimal: ","
            indicators: [engagement.participants]
            """, expected: ["6:14: sources.e.decimal: the header of '"]),
    ValidationCase(
        name: "fixed value outside its closed set",
        yaml: """
            pipeline: t
            sources:
              p:
                kind: publications
                path: publications.csv
                fixed: {access: closed}
            indicators: [publication.open_share]
            """, expected: ["6:21: sources.p.fixed.access: 'closed' is not one of exempt, open, partial"]),
    ValidationCase(
        name: "fixed year that is not a whole year",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                fixed: {municipality: "5001", year: 2019.5}
            indicators: [survey.responses]
            """, expected: ["6:41: sources.survey.fixed.year: expected a whole year from 1 to 9999, found '2019.5'"]),
    ValidationCase(
        name: "survey-only key on another kind",
        yaml: """
            pipeline: t
            sources:
              e:
                kind: engagement
                path: engagement.csv
                likert: [1, 5]
            indicators: [engagement.participants]
            """, expected: ["6:5: sources.e: 'likert' applies only to survey sources (this one is kind 'engagement')"]),
    ValidationCase(
        name: "missing code inside the Likert range",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                columns: {year: aar}
                fixed: {municipality: "5001"}
                missing: [9, 3]
            indicators: [survey.responses]
            """, expected: ["8:18: sources.survey.missing[1]: the missing code 3 is inside the Likert range [1, 5]"]),
    ValidationCase(
        name: "reverse item not in the scale",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                columns: {year: aar}
                fixed: {municipality: "5001"}
                scales:
                  t: {items: [q01, q02], reverse: [q03]}
            indicators: [survey.responses]
            """, expected: ["9:40: sources.survey.scales.t.reverse: 'q03' is not one of the scale's items"]),
    ValidationCase(
        name: "bad lonely_psu",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                columns: {year: aar}
                fixed: {municipality: "5001"}
                design: {strata: stratum, lonely_psu: drop}
            indicators: [survey.responses]
            """,
        expected: [
            "8:43: sources.survey.design.lonely_psu: unknown value 'drop' (expected one of 'fail', 'remove', 'adjust')"
        ]),
    ValidationCase(
        name: "custom indicator over an unknown source",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                columns: {year: aar}
                fixed: {municipality: "5001"}
            indicators: [survey.responses]
            custom:
              - id: survey.rows
                source: surveys
                measure: count
            """,
        expected: ["11:13: custom[0].source: unknown source 'surveys'; did you mean 'survey'? (sources: survey)"]),
    ValidationCase(
        name: "custom measure needs of, p only for quantile",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            custom:
              - id: engagement.web_share
                source: e
                measure: share
                p: 0.5
            """,
        expected: [
            "6:5: custom[0]: share needs 'of' (the condition counted)", "9:8: custom[0].p: only quantile uses 'p'",
        ]),
    ValidationCase(
        name: "custom expression: unknown column inside a quoted expression",
        yaml: """
            pipeline: t
            sources:
              p: {kind: publications, path: publications.csv}
            indicators: [publication.open_share]
            custom:
              - id: publication.decision_open_share
                source: p
                measure: share
                of: "acess == 'open'"
                where: record_type == 'decision' and
            """,
        expected: [
            "9:10: custom[0].of: unknown column 'acess'; did you mean 'access'?",
            "10:41: custom[0].where: expected a condition after 'and'",
        ]),
    ValidationCase(
        name: "custom column of the wrong type",
        yaml: """
            pipeline: t
            sources:
              r: {kind: access_requests, path: requests.csv}
            indicators: [foi.granted_share]
            custom:
              - {id: foi.mean_outcome, source: r, measure: mean, of: outcome, by: chanel}
            """,
        expected: [
            "6:58: custom[0].of: column 'outcome' holds text; mean needs a number column",
            "6:71: custom[0].by: unknown column 'chanel'",
        ]),
    ValidationCase(
        name: "duplicate custom id and a built-in id",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            custom:
              - {id: engagement.rows, source: e, measure: count}
              - {id: engagement.rows, source: e, measure: count}
              - {id: engagement.gini, source: e, measure: count}
            """,
        expected: [
            "7:10: custom[1].id: 'engagement.rows' is declared twice",
            "8:10: custom[2].id: 'engagement.gini' is a built-in indicator; choose another id",
        ]),
    ValidationCase(
        name: "custom id that is a scale's built-in id",
        yaml: """
            pipeline: t
            sources:
              survey:
                kind: survey
                path: survey.csv
                columns: {year: aar}
                fixed: {municipality: "5001"}
                scales:
                  trust: {items: [q01, q02]}
            indicators: [survey.responses]
            custom:
              - {id: survey.trust.alpha, source: survey, measure: count}
            """, expected: ["12:10: custom[0].id: 'survey.trust.alpha' is a built-in indicator; choose another id"]),
    ValidationCase(
        name: "composite ids: invalid and repeated; a repeated component",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            composite:
              - id: my-index
                components:
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
              - id: a
                components:
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
              - id: a
                components: []
            """,
        expected: [
            "6:9: composite[0].id: 'my-index' becomes the indicator id composite.my-index; use letters, digits and '_' only",
            "12:9: composite[1].components[1]: 'engagement.gini' is already a component of this index",
            "13:9: composite[2].id: 'a' is declared twice",
            "14:17: composite[2].components: at least one component is needed",
        ]),
    ValidationCase(
        name: "composite component that is not an indicator",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            composite:
              - id: idx
                components:
                  - {indicator: engagement.ginni, direction: -1, goalposts: [0, 1]}
            """,
        expected: [
            "8:21: composite[0].components[0].indicator: unknown indicator 'engagement.ginni'; did you mean 'engagement.gini'?"
        ]),
    ValidationCase(
        name: "goalposts missing",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            composite:
              - id: idx
                components:
                  - {indicator: engagement.gini, direction: -1}
            """,
        expected: [
            "8:9: composite[0].components[0]: missing 'goalposts: [low, high]', needed by the goalposts normalisation"
        ]),
    ValidationCase(
        name: "bad direction and weight, reversed goalposts",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            composite:
              - id: idx
                components:
                  - indicator: engagement.gini
                    direction: 2
                    weight: 0
                    goalposts: [1, 0]
            """,
        expected: [
            "9:20: composite[0].components[0].direction: expected 1 (higher is better) or -1 (lower is better), found '2'",
            "10:17: composite[0].components[0].weight: expected a positive number, found '0'",
            "11:20: composite[0].components[0].goalposts: the low end 1 must be below the high end 0",
        ]),
    ValidationCase(
        name: "composite min_available outside (0, 1]",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            composite:
              - id: a
                min_available: 0
                components:
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
              - id: b
                min_available: 1.5
                components:
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
              - id: c
                min_available: most
                components:
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
            """,
        expected: [
            "7:20: composite[0].min_available: expected a share of the weight above 0 and at most 1, found '0'",
            "11:20: composite[1].min_available: expected a share of the weight above 0 and at most 1, found '1.5'",
            "15:20: composite[2].min_available: expected a number, found 'most'",
        ]),
    ValidationCase(
        name: "composite geometric aggregation with zscore; unknown scope, aggregation, impute",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            composite:
              - id: a
                normalisation: zscore
                aggregation: geometric
                components:
                  - {indicator: engagement.gini, direction: -1}
              - id: b
                scope: decade
                aggregation: harmonic
                impute: median
                components:
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
            """,
        expected: [
            "8:18: composite[0].aggregation: 'geometric' needs scores on 0–100 (normalisation goalposts or minmax), not zscore",
            "12:12: composite[1].scope: unknown value 'decade' (expected one of 'year', 'all')",
            "13:18: composite[1].aggregation: unknown value 'harmonic' (expected one of 'arithmetic', 'geometric')",
            "14:13: composite[1].impute: unknown value 'median'; did you mean 'mean'? (expected one of 'none', 'mean', 'previous')",
        ]),
    ValidationCase(
        name: "composite pillars: unknown indicator, not a component, in two pillars, in none, bad weight",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            composite:
              - id: a
                components:
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
                  - {indicator: engagement.participants, direction: 1, goalposts: [0, 100]}
                  - {indicator: engagement.repeat_share, direction: 1, goalposts: [0, 1]}
                pillars:
                  - {id: one, weight: 0, components: [engagement.ginni, engagement.gini]}
                  - {id: two, components: [engagement.gini, engagement.actions_per_participant]}
            """,
        expected: [
            "12:7: composite[0].pillars: component 'engagement.participants' is in no pillar",
            "12:7: composite[0].pillars: component 'engagement.repeat_share' is in no pillar",
            "12:27: composite[0].pillars[0].weight: expected a positive number, found '0'",
            "12:43: composite[0].pillars[0].components[0]: unknown indicator 'engagement.ginni'; did you mean 'engagement.gini'?",
            "13:32: composite[0].pillars[1].components[0]: 'engagement.gini' is already in pillar 'one'",
            "13:49: composite[0].pillars[1].components[1]: 'engagement.actions_per_participant' is not among this index's components",
        ]),
    ValidationCase(
        name: "composite winsorise: bad thresholds",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            composite:
              - id: a
                winsorise: {skew: 0, max_points: 0, tails: 2}
                components:
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
              - id: b
                winsorise: maybe
                components:
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
            """,
        expected: [
            "7:23: composite[0].winsorise.skew: expected a number above 0, found '0'",
            "7:38: composite[0].winsorise.max_points: expected a whole number from 1, found '0'",
            "7:41: composite[0].winsorise: unknown key 'tails'",
            "11:16: composite[1].winsorise: expected true or false, found 'maybe'",
        ]),
    ValidationCase(
        name: "composite uncertainty: unknown method, geometric with zscore",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            composite:
              - id: a
                uncertainty: {normalisation: [goalposts, rank], aggregation: [median]}
                components:
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
              - id: b
                uncertainty: {normalisation: [goalposts, zscore], aggregation: [arithmetic, geometric]}
                components:
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
            """,
        expected: [
            "7:46: composite[0].uncertainty.normalisation[1]: unknown value 'rank' (expected one of 'goalposts', 'minmax', 'zscore')",
            "7:67: composite[0].uncertainty.aggregation[0]: unknown value 'median' (expected one of 'arithmetic', 'geometric')",
            "11:18: composite[1].uncertainty: geometric aggregation needs scores on 0–100 and cannot be drawn together with zscore normalisation",
        ]),
    ValidationCase(
        name: "composite sensitivity without uncertainty",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            composite:
              - id: a
                delta: 0
                sensitivity: true
                components:
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
            """,
        expected: [
            "8:18: composite[0].sensitivity: nothing is uncertain (delta is 0 and there is no 'uncertainty:'); declare the uncertainty to analyse"
        ]),
    ValidationCase(
        name: "composite sampling_error not a boolean",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            composite:
              - id: a
                uncertainty: {sampling_error: 2, aggregation: [arithmetic, geometric]}
                components:
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
              - id: b
                delta: 0
                sensitivity: true
                uncertainty: {sampling_error: true}
                components:
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
            """,
        expected: [
            "7:35: composite[0].uncertainty.sampling_error: expected true or false, found '2'"
        ]),
    ValidationCase(
        name: "duplicate source names",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            """, expected: ["3:3: duplicate key 'e' in the same mapping"]),
    ValidationCase(
        name: "wrong type of section",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: {engagement.participants: yes}
            report: [bars]
            """,
        expected: [
            "4:13: indicators: expected a list, found a mapping",
            "5:9: report: expected a mapping (key: value), found a list",
        ]),
    ValidationCase(
        name: "report chart kind and check policy",
        yaml: """
            pipeline: t
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            report:
              charts: [bars, heatmpa]
            check:
              baseline: baseline.csv
              missing: ignore
              tolerance:
                default: {abs: -1}
            """,
        expected: [
            "6:18: report.charts[1]: unknown value 'heatmpa'; did you mean 'heatmap'?",
            "9:12: check.missing: unknown value 'ignore' (expected one of 'fail', 'warn')",
            "11:20: check.tolerance.default.abs: expected a number ≥ 0, found '-1'",
        ]),
    ValidationCase(
        name: "pipeline name that is not a folder name",
        yaml: """
            pipeline: ../up
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            """, expected: ["1:11: pipeline: the name is used as a folder name"]),
    ValidationCase(
        name: "YAML syntax error",
        yaml: """
            pipeline: t
            sources: [
            indicators: [x]
            """, expected: ["4:1: YAML syntax error: "]),
    ValidationCase(
        name: "alias",
        yaml: """
            pipeline: &n t
            title: *n
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants]
            """, expected: ["2:8: YAML alias '*n' is not allowed in a pipeline file; write the value out in full"]),
    ValidationCase(name: "empty file", yaml: "# nothing here\n", expected: ["1:1: the pipeline file is empty"]),
    ValidationCase(
        name: "a list instead of a mapping", yaml: "- pipeline: t\n",
        expected: [
            "1:1: the pipeline file: expected a mapping (key: value), found a list"
        ]),
    ValidationCase(
        name: "two documents", yaml: "pipeline: t\n---\npipeline: u\n",
        expected: ["2:1: YAML syntax error: but found another document"]),
]

struct ValidationErrorTests {
    @Test(arguments: validationCases)
    func reportsErrorAtPosition(_ c: ValidationCase) {
        let got = SpecFixtures.diagnostics(c.yaml)
        #expect(got.count == c.expected.count, "\(got)")
        for (g, e) in zip(got, c.expected) {
            #expect(g.hasPrefix(e), "got: \(g)\nexpected prefix: \(e)")
        }
    }

    /// One file with errors in five sections: all are reported in one go, in file order.
    @Test func allErrorsAtOnce() {
        let yaml = """
            pipeline: t
            langage: nb
            sources:
              e: {kind: engagement, path: engagement.csv, max_rejected: lots}
              r: {kind: requests, path: requests.csv}
            indicators: [engagement.participants, foi.median_days]
            custom:
              - {id: x.y, source: q, measure: count}
            composite:
              - id: c
                samples: 0
                components:
                  - {indicator: foi.median_workdays, direction: -1, goalposts: [0, 10]}
            """
        #expect(
            SpecFixtures.diagnostics(yaml) == [
                "2:1: unknown key 'langage'; did you mean 'language'?",
                "4:61: sources.e.max_rejected: expected a number, found 'lots'",
                "5:13: sources.r.kind: unknown value 'requests' (expected one of 'survey', 'engagement', 'publications', 'access_requests', 'population', 'table')",
                "6:39: indicators[1]: unknown indicator 'foi.median_days'; did you mean 'foi.median_workdays'?",
                "8:23: custom[0].source: unknown source 'q' (sources: e, r)",
                "11:14: composite[0].samples: expected a whole number from 1 to 1000000, found '0'",
            ])
    }

    /// The rendered form is `file:line:column: message`.
    @Test func renderedWithPath() throws {
        let error = try #require(throws: DiagnosticList.self) {
            try PipelineLoader.load(yaml: "pipeline: t\nsources: {}\nindicators: []\n", path: "p/x.yaml")
        }
        #expect(error.description == "p/x.yaml:2:10: sources: at least one source is needed")
    }
}
