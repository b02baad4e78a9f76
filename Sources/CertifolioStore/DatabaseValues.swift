import CertifolioCore
import GRDB

// The domain's values as the schema stores them (TEXT), so that GRDB binds and decodes them
// directly: `arguments: [session.date]`, `try row.decode(Day.self, forColumn: "date")`.
// Decoding is strict: a value the schema's CHECKs would not let in is a damaged database, and
// `Row.decode` throws rather than guessing. Ids, days and decimals also read straight from the
// statement (`StatementColumnConvertible`), as `String` does, for the record loader's hot loop.

extension DatabaseValueConvertible where Self: StringIdentifier {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Self? {
        String.fromDatabaseValue(dbValue).map(Self.init)
    }
}

extension StatementColumnConvertible where Self: StringIdentifier {
    public init?(sqliteStatement: SQLiteStatement, index: CInt) {
        self.init(String(sqliteStatement: sqliteStatement, index: index))
    }
}

extension CandidateID: DatabaseValueConvertible, StatementColumnConvertible {
    // Said again here: CandidateID is also Codable, and GRDB has a default for Codable values too.
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CandidateID? {
        String.fromDatabaseValue(dbValue).map(Self.init)
    }
}
extension CertificationCode: DatabaseValueConvertible, StatementColumnConvertible {}
extension BlockCode: DatabaseValueConvertible, StatementColumnConvertible {}
extension ModalityID: DatabaseValueConvertible, StatementColumnConvertible {}
extension JuryRoleID: DatabaseValueConvertible, StatementColumnConvertible {}
extension AccessRouteID: DatabaseValueConvertible, StatementColumnConvertible {}

/// "2027-06-30".
extension Day: DatabaseValueConvertible, StatementColumnConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        String.fromDatabaseValue(dbValue).flatMap(Day.init(iso:))
    }

    public init?(sqliteStatement: SQLiteStatement, index: CInt) {
        guard let day = Day(iso: String(sqliteStatement: sqliteStatement, index: index)) else { return nil }
        self = day
    }
}

/// "12.5", exact.
extension ExactDecimal: DatabaseValueConvertible, StatementColumnConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> ExactDecimal? {
        String.fromDatabaseValue(dbValue).flatMap(ExactDecimal.init(parsing:))
    }

    public init?(sqliteStatement: SQLiteStatement, index: CInt) {
        guard let value = ExactDecimal(parsing: String(sqliteStatement: sqliteStatement, index: index)) else { return nil }
        self = value
    }
}

/// `valide`, `ajourne`, `absent`.
extension DecisionKind: DatabaseValueConvertible {}

/// `document`, `sitting`: how an épreuve is taken.
extension Submission: DatabaseValueConvertible {}

/// `acquis`, `non_acquis`.
extension EvaluationResult: DatabaseValueConvertible {}

/// `candidat`, `evaluateur`, `gestionnaire`, `secretaire_jury`…
extension UserRole: DatabaseValueConvertible {}

/// `final` or a block code, as events.csv writes it.
extension Component: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { fileValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Component? {
        String.fromDatabaseValue(dbValue).map(Component.init(fileValue:))
    }
}

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

/// A deposit's number.
extension DepositID: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> DepositID? {
        Int64.fromDatabaseValue(dbValue).map(DepositID.init)
    }
}

/// `pdf`, `odt`, `docx`: a deposited file's kind, by its content.
extension DocumentKind: DatabaseValueConvertible {}

/// "2027-05-28T12:00", Paris time to the minute (a deadline, a deposit's moment).
extension ParisTime: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { stored.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> ParisTime? {
        String.fromDatabaseValue(dbValue).flatMap(ParisTime.init(typed:))
    }
}

/// `acquis`, `partiellement_acquis`, `non_acquis`: a competence's rating in a grid.
extension CompetenceRating: DatabaseValueConvertible {}
