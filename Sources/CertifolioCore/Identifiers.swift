/// Small wrapper types so that a candidate id is never passed where a block code is expected.

public protocol StringIdentifier: Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    var rawValue: String { get }
    init(_ rawValue: String)
}

extension StringIdentifier {
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A candidate's id as the training centre writes it (`C001`).
public struct CandidateID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A fiche code: `RNCP41818`.
public struct CertificationCode: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A bloc de compétences code: `RNCP41818BC02`.
public struct BlockCode: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A modality id inside a block (`etude_de_cas`) or a final exam id (`memoire`).
public struct ModalityID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A requirement id (`stage`, `experience_or_stage`).
public struct RequirementID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// An access route id (`apprentissage`, `vae`…).
public struct AccessRouteID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A jury role id from the référentiel (`expert_domaine`).
public struct JuryRoleID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A jury session's number, as printed by `jury create`.
public struct JurySessionID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public var description: String { String(rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A candidate id is written as its text (the JSON a rectification keeps).
extension CandidateID: Codable {
    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
