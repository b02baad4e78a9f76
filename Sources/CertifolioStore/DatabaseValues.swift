import CertifolioCore
import GRDB

// The domain's values as the schema stores them (TEXT), so that GRDB binds and decodes them
// directly: `arguments: [session.date]`, `try row.decode(Day.self, forColumn: "date")`.
// Decoding is strict: a value the schema's CHECKs would not let in is a damaged database, and
// `Row.decode` throws rather than guessing.

extension DatabaseValueConvertible where Self: StringIdentifier {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Self? {
        String.fromDatabaseValue(dbValue).map(Self.init)
    }
}

extension CandidateID: DatabaseValueConvertible {}
extension CertificationCode: DatabaseValueConvertible {}
extension BlockCode: DatabaseValueConvertible {}
extension ModalityID: DatabaseValueConvertible {}
extension JuryRoleID: DatabaseValueConvertible {}
extension AccessRouteID: DatabaseValueConvertible {}

/// "2027-06-30".
extension Day: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        String.fromDatabaseValue(dbValue).flatMap(Day.init(iso:))
    }
}

/// "12.5", exact.
extension ExactDecimal: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> ExactDecimal? {
        String.fromDatabaseValue(dbValue).flatMap(ExactDecimal.init(parsing:))
    }
}

/// `valide`, `ajourne`, `absent`.
extension DecisionKind: DatabaseValueConvertible {}

/// `title` or a block code, as decisions.csv writes it.
extension DecisionComponent: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { fileValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> DecisionComponent? {
        String.fromDatabaseValue(dbValue).map(DecisionComponent.init(fileValue:))
    }
}

/// A session's number (the `jury_session.id` integer).
extension JurySessionID: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> JurySessionID? {
        Int64.fromDatabaseValue(dbValue).map(JurySessionID.init)
    }
}
