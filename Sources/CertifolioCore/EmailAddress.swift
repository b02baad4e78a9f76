/// The one test of an e-mail address, for enrolments and accounts alike: one "@" with
/// something before it, a dot in the domain, no space. Deliberately loose (a certifier's
/// candidates write their addresses as they please); the address is never sent mail by
/// Certifolio itself.
public enum EmailAddress {
    public static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0.isWhitespace })
    }
}
