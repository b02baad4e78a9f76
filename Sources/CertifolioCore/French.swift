/// French as a person reads it: "1 candidat", "0 candidat", "2 candidats" — agreement, not "(s)".
public enum French {
    /// `n` with the singular for 0 and 1 and the plural beyond (French usage).
    public static func count(_ n: Int, _ one: String, _ many: String) -> String {
        n > 1 ? "\(n) \(many)" : "\(n) \(one)"
    }
}
