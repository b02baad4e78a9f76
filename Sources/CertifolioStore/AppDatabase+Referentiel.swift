import CertifolioCore
import Foundation
import GRDB

extension AppDatabase {
    /// Records a référentiel. The same version with the same text is a no-op; the same version
    /// with another text is refused (unless the one recorded predates `submission`, which the
    /// new text then adds); a new version replaces the old one unless it drops a route, block
    /// or modality that recorded candidates use.
    public func importReferentiel(_ referentiel: Referentiel, sourceText: String,
                                  actor: Actor) throws -> ReferentielImportOutcome {
        try writer.write { db in
            let outcome = try Self.recordReferentiel(referentiel, sourceText: sourceText, db)
            if outcome != .unchanged {
                try AuditLog.append(db, actor: actor, action: "referentiel.import", subject: referentiel.code.rawValue,
                                    details: ["version": referentiel.version, "title": referentiel.title])
            }
            return outcome
        }
    }

    private static func recordReferentiel(_ referentiel: Referentiel, sourceText: String,
                                          _ db: Database) throws -> ReferentielImportOutcome {
        let existing = try Row.fetchOne(db, sql: """
            SELECT version, source_text, submission_known FROM certification WHERE code = ?
            """, arguments: [referentiel.code.rawValue])
        if let existing {
            let version: String = try existing.decode(forColumn: "version")
            let text: String = try existing.decode(forColumn: "source_text")
            let submissionKnown: Bool = try existing.decode(forColumn: "submission_known")
            if version == referentiel.version {
                if text == sourceText { return .unchanged }
                // A référentiel recorded before a key existed (submission, cpf) may be completed under
                // its version; once complete, the same version with another text is a conflict.
                let cpfKnown = !(try Bool.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM access_route WHERE certification = ? AND cpf_access IS NULL
                    """, arguments: [referentiel.code.rawValue]) ?? false)
                guard !(submissionKnown && cpfKnown) else {
                    throw StoreError.referentielVersionConflict(referentiel.code, version: version)
                }
            }
            try Self.checkStillCovers(referentiel, db)
            // Deferred so that rows of enrolments keep pointing at routes re-inserted below.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            try db.execute(sql: "DELETE FROM certification WHERE code = ?", arguments: [referentiel.code.rawValue])
            try ReferentielRows.insert(referentiel, sourceText: sourceText, db)
            return .updated(fromVersion: version)
        }
        try ReferentielRows.insert(referentiel, sourceText: sourceText, db)
        return .created
    }

    /// A candidate's enrolment and the référentiel of their certification, read together (what
    /// checking an evaluation of theirs needs); nil for an unknown candidate.
    public func enrolmentWithReferentiel(of candidate: CandidateID) throws -> (Enrolment, Referentiel?)? {
        try writer.read { db in
            guard let enrolment = try EnrolmentRow.fetchOne(db, sql: """
                SELECT certification, route, enrolled_on, cohort FROM enrolment WHERE candidate_id = ?
                """, arguments: [candidate])?.value else { return nil }
            return (enrolment, try ReferentielRows.load(enrolment.certification, db))
        }
    }

    /// Every référentiel recorded, by code.
    public func referentiels() throws -> [CertificationCode: Referentiel] {
        try writer.read { db in try ReferentielRows.loadAll(db) }
    }

    /// Refuses a new version that would orphan recorded enrolments or evaluations.
    private static func checkStillCovers(_ referentiel: Referentiel, _ db: Database) throws {
        let code = referentiel.code.rawValue
        for route in try String.fetchAll(db, sql: "SELECT DISTINCT route FROM enrolment WHERE certification = ?",
                                         arguments: [code])
        where referentiel.route(AccessRouteID(route)) == nil {
            throw StoreError.referentielStillUsed(referentiel.code, what: "la voie d'accès « \(route) »")
        }
        let used = try Row.fetchAll(db, sql: """
            SELECT DISTINCT e.component, e.modality FROM evaluation_event e
            JOIN enrolment n ON n.candidate_id = e.candidate_id WHERE n.certification = ?
            """, arguments: [code])
        for row in used {
            let component: String = row["component"]
            let modality = try row.decode(ModalityID.self, forColumn: "modality")
            if component == "final" {
                if referentiel.finalExam(modality) == nil {
                    throw StoreError.referentielStillUsed(referentiel.code, what: "l'épreuve finale « \(modality) »")
                }
            } else if let block = referentiel.block(BlockCode(component)) {
                if block.modality(modality) == nil, modality != referentiel.evaluation.wholeBlockModality?.id {
                    throw StoreError.referentielStillUsed(referentiel.code, what: "la modalité « \(modality) » du bloc \(component)")
                }
            } else {
                throw StoreError.referentielStillUsed(referentiel.code, what: "le bloc \(component)")
            }
        }
        let decided = try String.fetchAll(db, sql: """
            SELECT DISTINCT d.component FROM jury_decision d JOIN enrolment n ON n.candidate_id = d.candidate_id
            WHERE n.certification = ? AND d.component <> 'title'
            """, arguments: [code])
        for component in decided where referentiel.block(BlockCode(component)) == nil {
            throw StoreError.referentielStillUsed(referentiel.code, what: "le bloc \(component)")
        }
        let roles = try String.fetchAll(db, sql: """
            SELECT DISTINCT m.role FROM jury_member m JOIN jury_session s ON s.id = m.session_id
            WHERE s.certification = ?
            """, arguments: [code])
        for role in roles where referentiel.juryRole(JuryRoleID(role)) == nil {
            throw StoreError.referentielStillUsed(referentiel.code, what: "le rôle de jury « \(role) »")
        }
    }
}

/// The référentiel tables: writing one référentiel, reading them all back.
enum ReferentielRows {
    static func insert(_ r: Referentiel, sourceText: String, _ db: Database) throws {
        let code = r.code.rawValue
        try db.execute(sql: """
            INSERT INTO certification (code, version, title, level, registration_end, acquisition_rules,
                entry_prerequisites, pass_ratio, default_max_score, whole_block_modality_id,
                whole_block_modality_label, whole_block_modality_submission, submission_known, source_text, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """, arguments: [code, r.version, r.title, r.level, r.registrationEnd, r.acquisitionRules,
                             r.entryPrerequisites, r.evaluation.passRatio, r.evaluation.defaultMaxScore,
                             r.evaluation.wholeBlockModality?.id, r.evaluation.wholeBlockModality?.label,
                             r.evaluation.wholeBlockModality?.submission, sourceText, Timestamp.now()])
        for (i, c) in r.certifiers.enumerated() {
            try db.execute(sql: """
                INSERT INTO certifier (certification, position, legal_name, siret, commercial_name, website)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [code, i, c.legalName, c.siret, c.commercialName, c.website])
        }
        for (nomenclature, labels) in [("nsf", r.nsf), ("formacode", r.formacode), ("rome", r.rome),
                                       ("predecessor", r.predecessors)] {
            for (i, label) in labels.enumerated() {
                try db.execute(sql: """
                    INSERT INTO certification_code (certification, nomenclature, position, code, label)
                    VALUES (?, ?, ?, ?, ?)
                    """, arguments: [code, nomenclature, i, label.code, label.label])
            }
        }
        for (i, block) in r.blocks.enumerated() {
            try db.execute(sql: "INSERT INTO block (code, certification, position, title) VALUES (?, ?, ?, ?)",
                           arguments: [block.code.rawValue, code, i, block.title])
            for (j, text) in block.competences.enumerated() {
                try db.execute(sql: "INSERT INTO competence (block, position, text) VALUES (?, ?, ?)",
                               arguments: [block.code.rawValue, j, text])
            }
            for (j, modality) in block.modalities.enumerated() {
                try db.execute(sql: """
                    INSERT INTO modality (block, id, position, label, description, submission) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [block.code, modality.id, j, modality.label, modality.description, modality.submission])
            }
        }
        for (i, exam) in r.finalExams.enumerated() {
            try db.execute(sql: "INSERT INTO final_exam (certification, id, position, label, submission) VALUES (?, ?, ?, ?, ?)",
                           arguments: [code, exam.id, i, exam.label, exam.submission])
        }
        for (i, role) in r.juryRoles.enumerated() {
            try db.execute(sql: "INSERT INTO jury_role (certification, id, position, label) VALUES (?, ?, ?, ?)",
                           arguments: [code, role.id.rawValue, i, role.label])
        }
        for (i, route) in r.accessRoutes.enumerated() {
            try db.execute(sql: """
                INSERT INTO access_route (certification, id, position, label, allowed, jury_text, jury_president, cpf_access)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [code, route.id.rawValue, i, route.label, route.allowed, route.jury?.text,
                                 route.jury?.president?.rawValue, route.cpfAccess?.rawValue])
            for (j, seat) in (route.jury?.seats ?? []).enumerated() {
                try db.execute(sql: """
                    INSERT INTO jury_seat (certification, route, position, role, count, must_be_external)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [code, route.id.rawValue, j, seat.role.rawValue, seat.count, seat.mustBeExternal])
            }
        }
        for (i, requirement) in r.requirements.enumerated() {
            try db.execute(sql: "INSERT INTO requirement (certification, id, position, label) VALUES (?, ?, ?, ?)",
                           arguments: [code, requirement.id.rawValue, i, requirement.label])
            for (j, alternative) in requirement.alternatives.enumerated() {
                switch alternative {
                case let .stage(minDays, minMonths):
                    try db.execute(sql: """
                        INSERT INTO requirement_alternative (certification, requirement, position, kind, min_days, min_months)
                        VALUES (?, ?, ?, 'stage', ?, ?)
                        """, arguments: [code, requirement.id.rawValue, j, minDays, minMonths])
                case let .experience(minYears):
                    try db.execute(sql: """
                        INSERT INTO requirement_alternative (certification, requirement, position, kind, min_years)
                        VALUES (?, ?, ?, 'experience', ?)
                        """, arguments: [code, requirement.id.rawValue, j, minYears.description])
                }
            }
            for route in requirement.waivedFor {
                try db.execute(sql: "INSERT INTO requirement_waiver (certification, requirement, route) VALUES (?, ?, ?)",
                               arguments: [code, requirement.id.rawValue, route.rawValue])
            }
        }
    }

    /// One référentiel; nil when it was never imported.
    static func load(_ code: CertificationCode, _ db: Database) throws -> Referentiel? {
        try Row.fetchOne(db, sql: "SELECT * FROM certification WHERE code = ?", arguments: [code]).map { try load($0, db) }
    }

    static func loadAll(_ db: Database) throws -> [CertificationCode: Referentiel] {
        var result: [CertificationCode: Referentiel] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM certification ORDER BY code") {
            let referentiel = try load(row, db)
            result[referentiel.code] = referentiel
        }
        return result
    }

    private static func load(_ row: Row, _ db: Database) throws -> Referentiel {
        let code: String = row["code"]
        let args: StatementArguments = [code]
        func labels(_ nomenclature: String) throws -> [CodedLabel] {
            try Row.fetchAll(db, sql: """
                SELECT code, label FROM certification_code WHERE certification = ? AND nomenclature = ? ORDER BY position
                """, arguments: [code, nomenclature]).map { CodedLabel(code: $0["code"], label: $0["label"]) }
        }
        let certifiers = try Row.fetchAll(db, sql: "SELECT * FROM certifier WHERE certification = ? ORDER BY position",
                                          arguments: args).map {
            Certifier(legalName: $0["legal_name"], siret: $0["siret"], commercialName: $0["commercial_name"],
                      website: $0["website"])
        }
        let blocks = try Row.fetchAll(db, sql: "SELECT * FROM block WHERE certification = ? ORDER BY position",
                                      arguments: args).map { blockRow -> Block in
            let blockCode: String = blockRow["code"]
            let competences = try String.fetchAll(db, sql: "SELECT text FROM competence WHERE block = ? ORDER BY position",
                                                  arguments: [blockCode])
            let modalities = try Row.fetchAll(db, sql: "SELECT * FROM modality WHERE block = ? ORDER BY position",
                                              arguments: [blockCode]).map {
                Modality(id: try $0.decode(forColumn: "id"), label: try $0.decode(forColumn: "label"),
                         description: try $0.decode(forColumn: "description"), submission: try $0.decode(forColumn: "submission"))
            }
            return Block(code: BlockCode(blockCode), title: blockRow["title"], competences: competences,
                         modalities: modalities)
        }
        let finals = try Row.fetchAll(db, sql: "SELECT * FROM final_exam WHERE certification = ? ORDER BY position",
                                      arguments: args).map {
            FinalExam(id: try $0.decode(forColumn: "id"), label: try $0.decode(forColumn: "label"),
                      submission: try $0.decode(forColumn: "submission"))
        }
        let roles = try Row.fetchAll(db, sql: "SELECT * FROM jury_role WHERE certification = ? ORDER BY position",
                                     arguments: args).map { JuryRole(id: try $0.decode(forColumn: "id"), label: $0["label"]) }
        let routes = try Row.fetchAll(db, sql: "SELECT * FROM access_route WHERE certification = ? ORDER BY position",
                                      arguments: args).map { routeRow -> AccessRoute in
            let id: String = routeRow["id"]
            var jury: JuryComposition?
            if let text: String = routeRow["jury_text"] {
                let seats = try Row.fetchAll(db, sql: """
                    SELECT * FROM jury_seat WHERE certification = ? AND route = ? ORDER BY position
                    """, arguments: [code, id]).map {
                    JurySeat(role: try $0.decode(forColumn: "role"), count: $0["count"], mustBeExternal: $0["must_be_external"])
                }
                jury = JuryComposition(text: text, seats: seats,
                                       president: try routeRow.decode(forColumn: "jury_president"))
            }
            return AccessRoute(id: AccessRouteID(id), label: routeRow["label"], allowed: routeRow["allowed"], jury: jury,
                               cpfAccess: (routeRow["cpf_access"] as String?).flatMap(CPFAccessMode.init(rawValue:)))
        }
        let requirements = try Row.fetchAll(db, sql: "SELECT * FROM requirement WHERE certification = ? ORDER BY position",
                                            arguments: args).map { reqRow -> Requirement in
            let id: String = reqRow["id"]
            let alternatives = try Row.fetchAll(db, sql: """
                SELECT * FROM requirement_alternative WHERE certification = ? AND requirement = ? ORDER BY position
                """, arguments: [code, id]).map { alt -> RequirementAlternative in
                if (alt["kind"] as String) == "stage" {
                    return .stage(minDays: alt["min_days"], minMonths: alt["min_months"])
                }
                return .experience(minYears: try alt.decode(forColumn: "min_years"))
            }
            let waived = try String.fetchAll(db, sql: """
                SELECT route FROM requirement_waiver WHERE certification = ? AND requirement = ? ORDER BY route
                """, arguments: [code, id]).map(AccessRouteID.init)
            return Requirement(id: RequirementID(id), label: reqRow["label"], alternatives: alternatives, waivedFor: waived)
        }
        var whole: Modality?
        if let id: String = row["whole_block_modality_id"] {
            whole = Modality(id: ModalityID(id), label: row["whole_block_modality_label"] ?? id,
                             submission: try row.decode(Submission?.self, forColumn: "whole_block_modality_submission")
                                 ?? .sitting)
        }
        return Referentiel(
            code: CertificationCode(code), version: row["version"], title: row["title"], level: row["level"],
            certifiers: certifiers, nsf: try labels("nsf"), formacode: try labels("formacode"), rome: try labels("rome"),
            registrationEnd: try row.decode(forColumn: "registration_end"), predecessors: try labels("predecessor"),
            acquisitionRules: row["acquisition_rules"], entryPrerequisites: row["entry_prerequisites"],
            evaluation: EvaluationPolicy(passRatio: try row.decode(forColumn: "pass_ratio"),
                                         defaultMaxScore: try row.decode(forColumn: "default_max_score"),
                                         wholeBlockModality: whole),
            blocks: blocks, finalExams: finals, requirements: requirements, juryRoles: roles, accessRoutes: routes)
    }
}
