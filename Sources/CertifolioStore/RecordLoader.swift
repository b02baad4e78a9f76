import CertifolioCore
import GRDB

/// Reads records with one query per table (not per candidate): `progress --all` on tens of
/// thousands of candidates stays a handful of sequential scans. The statements are cached per
/// connection: a candidate's page reads one record at every request.
///
/// The one place of the store that reads columns by position: this is the measured hot loop of
/// the web's candidate page and of `progress --all` (a lookup by name lower-cases and hashes the
/// name, 6 % of the page's time: docs/performance.md). Each statement's columns are listed next
/// to the code that decodes them, and every value is decoded strictly into its domain type
/// (`DatabaseValues.swift`). Everywhere else rows decode into records by column name.
enum RecordLoader {
    /// `events: false` leaves the records' events empty, for a caller that reads them otherwise.
    static func load(_ db: Database, _ scope: RecordScope, events withEvents: Bool = true) throws -> [CandidateRecord] {
        let (filter, arguments) = scope.filter("candidate_id")
        var records: [CandidateID: CandidateRecord] = [:]
        var order: [CandidateID] = []
        for (candidate, enrolment) in try people(db, scope) {
            order.append(candidate.id)
            records[candidate.id] = CandidateRecord(candidate: candidate, enrolment: enrolment)
        }
        func each(_ sql: String, _ body: (CandidateID, Row) throws -> Void) throws {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
            while let row = try rows.next() {
                let id = try row.decode(CandidateID.self, atIndex: 0)
                if records[id] != nil { try body(id, row) }
            }
        }
        if withEvents {
            try each("SELECT candidate_id, \(eventColumns) FROM evaluation_event \(filter) ORDER BY id") { id, row in
                records[id]!.events.append(try event(row, from: 1))
            }
        }
        try each("SELECT candidate_id, start, \"end\" FROM stage \(filter) ORDER BY id") { id, row in
            records[id]!.stages.append(Stage(start: try row.decode(atIndex: 1), end: try row.decode(atIndex: 2)))
        }
        try each("SELECT candidate_id, years FROM experience \(filter) ORDER BY id") { id, row in
            records[id]!.experiences.append(ExperienceLine(years: try row.decode(atIndex: 1)))
        }
        try each("""
            SELECT candidate_id, id, component, decision, date, revokes_decision_id FROM jury_decision \(filter) ORDER BY id
            """) { id, row in
            records[id]!.decisions.append(JuryDecision(
                id: try row.decode(atIndex: 1), component: try row.decode(atIndex: 2), decision: try row.decode(atIndex: 3),
                date: try row.decode(atIndex: 4), revokes: try row.decode(atIndex: 5)))
        }
        return order.compactMap { records[$0] }
    }

    /// A candidate's evaluations as recorded, oldest first, with who corrected what.
    static func history(_ candidate: CandidateID, _ db: Database) throws -> [EvaluationEntry] {
        // Rows decoded as the cursor goes (not copied first).
        var grids: [Int64: [CompetenceAssessment]] = [:]
        // Cached statements: a record page runs these at every request.
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT g.event_id, g.competence, g.rating, g.comment FROM evaluation_grid g
            JOIN evaluation_event e ON e.id = g.event_id WHERE e.candidate_id = ? ORDER BY g.event_id, g.position
            """), arguments: [candidate]) {
            grids[try row.decode(forColumn: "event_id"), default: []].append(CompetenceAssessment(
                competence: try row.decode(forColumn: "competence"), rating: try row.decode(forColumn: "rating"),
                comment: try row.decode(forColumn: "comment")))
        }
        return try Array(Row.fetchCursor(db.cachedStatement(sql: """
            SELECT \(eventColumnsOfE), e.comment, e.correction_reason, c.id AS corrected_by, e.deposit_id
            FROM evaluation_event e LEFT JOIN evaluation_event c ON c.corrects_event_id = e.id
            WHERE e.candidate_id = ? ORDER BY e.date, e.id
            """), arguments: [candidate]).map { row in
            let event = try event(row, from: 0)
            let next = eventColumnNames.count
            return EvaluationEntry(event: event, comment: try row.decode(atIndex: next),
                                   correctionReason: try row.decode(atIndex: next + 1),
                                   correctedBy: try row.decode(atIndex: next + 2),
                                   grid: grids[event.sequence] ?? [], deposit: try row.decode(atIndex: next + 3))
        })
    }

    /// The columns of an evaluation, in the order `event(_:from:)` reads them.
    private static let eventColumnNames = ["id", "component", "modality", "date", "score", "max_score", "result",
                                           "evaluator", "corrects_event_id", "recorded_by_account"]
    private static let eventColumns = eventColumnNames.joined(separator: ", ")
    private static let eventColumnsOfE = eventColumnNames.map { "e." + $0 }.joined(separator: ", ")

    /// An evaluation from `eventColumns`, the first at `index`.
    private static func event(_ row: Row, from index: Int) throws -> EvaluationEvent {
        EvaluationEvent(
            sequence: try row.decode(atIndex: index), component: try row.decode(atIndex: index + 1),
            modality: try row.decode(atIndex: index + 2), date: try row.decode(atIndex: index + 3),
            score: try row.decode(atIndex: index + 4), maxScore: try row.decode(atIndex: index + 5),
            result: try row.decode(atIndex: index + 6), evaluator: try row.decode(atIndex: index + 7),
            corrects: try row.decode(atIndex: index + 8), recordedBy: try row.decode(atIndex: index + 9))
    }

    /// The candidates and their enrolments alone, sorted by candidate id.
    static func people(_ db: Database, _ scope: RecordScope) throws -> [(candidate: Candidate, enrolment: Enrolment)] {
        let (filter, arguments) = scope.filter("c.id")
        let columns = CandidateRow.columns.count
        return try Array(Row.fetchCursor(db.cachedStatement(sql: """
            SELECT \(CandidateRow.columns.map { "c." + $0 }.joined(separator: ", ")),
                   n.certification, n.route, n.enrolled_on, n.cohort
            FROM candidate c JOIN enrolment n ON n.candidate_id = c.id
            \(filter) ORDER BY c.id
            """), arguments: arguments).map { row in
            (try candidate(row),
             Enrolment(certification: try row.decode(atIndex: columns), route: try row.decode(atIndex: columns + 1),
                       enrolledOn: try row.decode(atIndex: columns + 2), cohort: try row.decode(atIndex: columns + 3)))
        })
    }

    /// A candidate from the `CandidateRow.columns` at the start of `row`, in their order.
    private static func candidate(_ row: Row) throws -> Candidate {
        func text(_ index: Int) throws -> String? { try row.decode(atIndex: index) }
        let firstNames = try text(7).map { $0.split(separator: " ").map(String.init) } ?? []
        return Candidate(
            id: try row.decode(atIndex: 0), familyName: try row.decode(atIndex: 1), givenNames: try row.decode(atIndex: 2),
            birthDate: try row.decode(atIndex: 3), email: try row.decode(atIndex: 4),
            identity: CivilIdentity(
                birthName: try text(5), usageName: try text(6), firstNames: firstNames, sex: try row.decode(atIndex: 8),
                birthPlaceCode: try text(9), birthPlace: try text(10), birthCountryCode: try text(11),
                birthCountry: try text(12), postalAddress: try text(13)))
    }
}
