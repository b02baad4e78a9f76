import CertifolioCore
import GRDB

extension AppDatabase {
    /// The directory, by name, with each person's linked account and the sessions they sat on.
    public func juryDirectory() throws -> [JuryPerson] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id, p.name, p.external, a.id AS account_id, a.display_name,
                       (SELECT COUNT(*) FROM jury_member m WHERE m.person_id = p.id) AS sessions
                FROM jury_person p LEFT JOIN user_account a ON a.id = p.account_id
                ORDER BY p.name_key
                """).map { row in
                JuryPerson(id: row["id"], name: row["name"], external: row["external"],
                           account: (row["account_id"] as Int64?).map { ($0, row["display_name"]) },
                           sessions: row["sessions"])
            }
        }
    }

    /// Adds a person to the directory (refused when someone of that name is there, however typed).
    @discardableResult
    public func addJuryPerson(name: String, external: Bool, account: Int64?, actor: Actor) throws -> Int64 {
        try writer.write { db in
            let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !PersonName(name).key.isEmpty else { throw JuryDirectoryError.emptyName }
            if let known = try JuryDirectory.person(named: name, db) { throw JuryDirectoryError.alreadyThere(known.name) }
            let id = try JuryDirectory.insert(name: name, external: external, listed: true, db)
            try JuryDirectory.link(id, to: account, actor: actor, db)
            try AuditLog.append(db, actor: actor, action: "jury.person.add", subject: "personne \(id)",
                                details: ["external": external ? "oui" : "non"])
            return id
        }
    }

    /// Links a person to an évaluateur account (nil: unlinks), each account to one person at most.
    public func linkJuryPerson(_ id: Int64, to account: Int64?, actor: Actor) throws {
        try writer.write { db in
            guard try JuryDirectory.person(id, db) != nil else { throw JuryDirectoryError.unknownPerson(id) }
            try JuryDirectory.link(id, to: account, actor: actor, db)
        }
    }

    /// The évaluateur accounts a person can be linked to: number and name, by name.
    public func evaluatorAccounts() throws -> [(id: Int64, name: String)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, display_name FROM user_account WHERE role = 'evaluateur' AND deactivated_at IS NULL
                ORDER BY display_name
                """).map { ($0["id"], $0["display_name"]) }
        }
    }
}

/// The directory's rows, inside the callers' transactions.
enum JuryDirectory {
    struct Person {
        let id: Int64
        let name: String
        let external: Bool
    }

    static func person(named name: String, _ db: Database) throws -> Person? {
        try Row.fetchOne(db, sql: "SELECT id, name, external FROM jury_person WHERE name_key = ?",
                         arguments: [PersonName(name).key]).map { Person(id: $0["id"], name: $0["name"], external: $0["external"]) }
    }

    static func person(_ id: Int64, _ db: Database) throws -> Person? {
        try Row.fetchOne(db, sql: "SELECT id, name, external FROM jury_person WHERE id = ?", arguments: [id])
            .map { Person(id: $0["id"], name: $0["name"], external: $0["external"]) }
    }

    static func insert(name: String, external: Bool, listed: Bool, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO jury_person (name, name_key, external, listed, created_at) VALUES (?, ?, ?, ?, ?)
            """, arguments: [name, PersonName(name).key, external, listed, Timestamp.now()])
        return db.lastInsertedRowID
    }

    /// The person of this name, added to the directory when new (a member typed on the command
    /// line or the session page); the caller's audit entry names it.
    static func personID(named name: String, external: Bool, _ db: Database) throws -> (id: Int64, isNew: Bool) {
        if let known = try person(named: name, db) { return (known.id, false) }
        return (try insert(name: name, external: external, listed: false, db), true)
    }

    /// A person who came with a membership, sits on no other session and has no account leaves the
    /// directory with it (a name typed by mistake, then removed, is not offered again).
    static func forgetIfUnused(_ id: Int64, _ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM jury_person WHERE id = ? AND listed = 0 AND account_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM jury_member WHERE person_id = ?)
            """, arguments: [id, id])
    }

    static func link(_ id: Int64, to account: Int64?, actor: Actor, _ db: Database) throws {
        let current = try Int64?.fetchOne(db, sql: "SELECT account_id FROM jury_person WHERE id = ?", arguments: [id]) ?? nil
        guard current != account else { return }
        if let account {
            guard let name = try String.fetchOne(db, sql: """
                SELECT display_name FROM user_account WHERE id = ? AND role = 'evaluateur' AND deactivated_at IS NULL
                """, arguments: [account]) else { throw JuryDirectoryError.notAnEvaluator(account) }
            if let holder = try String.fetchOne(db, sql: "SELECT name FROM jury_person WHERE account_id = ? AND id <> ?",
                                                arguments: [account, id]) {
                throw JuryDirectoryError.accountTaken(account: name, by: holder)
            }
        }
        try db.execute(sql: "UPDATE jury_person SET account_id = ? WHERE id = ?", arguments: [account, id])
        try AuditLog.append(db, actor: actor, action: "jury.person.link", subject: "personne \(id)",
                            details: ["account": account.map(String.init) ?? "aucun"])
    }
}
