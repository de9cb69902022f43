import Testing

@testable import Pipeline

struct SpecPathResolutionTests {
    @Test(arguments: [
        ("../data/s.csv", "pipelines/p.yaml", "data/s.csv"),
        ("s.csv", "p.yaml", "s.csv"),
        ("./s.csv", "./p.yaml", "s.csv"),
        ("/abs/s.csv", "x/p.yaml", "/abs/s.csv"),
        ("./a/../b.csv", "/r/p/x.yaml", "/r/p/b.csv"),
        ("../../s.csv", "p/x.yaml", "../s.csv"),
        ("s.csv", "/p.yaml", "/s.csv"),
        ("../../../s.csv", "/a/p.yaml", "/s.csv"),
        ("d//s.csv", "a/p.yaml", "a/d/s.csv"),
    ])
    func resolve(path: String, file: String, expected: String) {
        #expect(PathResolution.resolve(path, relativeToFile: file) == expected)
    }
}
