/// The tool version, part of every stage's cache key and of report provenance.
public enum ApenVersion {
    public static let string = "0.2.0"
}
