/// Writing one CSV field: quoted (RFC 4180) when it holds the separator, a quote or a line
/// break. Used by every CSV Certifolio writes (the PV's CSV, the decisions sheet of a web form).
public enum CSVField {
    public static func quoted(_ value: String, separator: Character) -> String {
        // Scalars, not Characters: "\r\n" is one Character and equals neither "\r" nor "\n".
        let special = Set(separator.unicodeScalars).union(["\"", "\n", "\r"])
        guard value.unicodeScalars.contains(where: special.contains) else { return value }
        var quoted = "\""
        for character in value {
            if character == "\"" { quoted.append("\"") }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
