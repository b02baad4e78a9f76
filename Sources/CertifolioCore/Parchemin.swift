/// One line of the parchemin register: an award (a title decision) and the parchemin issued
/// for it, once. Its serial is unique per certification and year of award.
public struct ParcheminEntry: Sendable, Equatable {
    /// `RNCP41818-2027-0001`.
    public var serial: String
    public var certification: CertificationCode
    public var candidate: CandidateID
    /// The title decision that awarded it.
    public var decision: Int64
    public var awardedOn: Day
    /// What anyone types (or scans) at `/verification/CODE`.
    public var verificationCode: String
    /// The PDF made at issue, kept in the file vault under this SHA-256.
    public var sha256: String
    public var size: Int64
    public var issuedAt: String
    public var issuedBy: String

    public init(serial: String, certification: CertificationCode, candidate: CandidateID, decision: Int64,
                awardedOn: Day, verificationCode: String, sha256: String, size: Int64, issuedAt: String,
                issuedBy: String) {
        self.serial = serial
        self.certification = certification
        self.candidate = candidate
        self.decision = decision
        self.awardedOn = awardedOn
        self.verificationCode = verificationCode
        self.sha256 = sha256
        self.size = size
        self.issuedAt = issuedAt
        self.issuedBy = issuedBy
    }
}

/// What the public verification page may say of a parchemin, and nothing more.
public struct ParcheminVerification: Sendable, Equatable {
    public enum Status: String, Sendable {
        case valid = "valide"
        /// The award was revoked by an amendment after the parchemin was issued.
        case annulled = "annulé"
    }

    public var title: String
    public var holder: String
    public var awardedOn: Day
    public var status: Status

    public init(title: String, holder: String, awardedOn: Day, status: Status) {
        self.title = title
        self.holder = holder
        self.awardedOn = awardedOn
        self.status = status
    }
}

/// Verification codes: 12 characters of an alphabet without look-alikes (no 0/O, 1/I/L, U),
/// read aloud or typed from paper without ambiguity.
public enum VerificationCode {
    public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTVWXYZ")
    public static let length = 12

    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// The code as typed, normalised (upper case, spaces and dashes dropped); nil when it
    /// cannot be a code (the page then answers "inconnu" without a lookup).
    public static func normalised(_ typed: String) -> String? {
        let code = typed.uppercased().filter { $0 != " " && $0 != "-" }
        guard code.count == length, code.allSatisfy(alphabet.contains) else { return nil }
        return code
    }
}
