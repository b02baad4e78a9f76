import CertifolioCore
import CertifolioRules
import Foundation

/// Reads a cohort folder (contract §3) and checks every line against the référentiels.
///
/// Pure apart from reading the files: the caller says which référentiels exist and which
/// candidates are already recorded (and in which certification). On any error nothing is
/// returned: all the errors found are thrown together, each naming file, line and column.
public struct CohortReader: Sendable {
    static let candidatesSchema = CSVSchema(
        required: ["candidate_id", "family_name", "given_names", "birth_date", "email", "certification",
                   "access_route", "enrolled_on", "cohort"],
        optional: IdentityDraft.fields.map(\.0.rawValue))
    static let eventsSchema = CSVSchema(
        required: ["candidate_id", "component", "modality", "date"],
        optional: ["score", "max_score", "result", "evaluator"])
    static let requirementsSchema = CSVSchema(
        required: ["candidate_id", "kind"], optional: ["start", "end", "years"])
    static let decisionsSchema = CSVSchema(
        required: ["candidate_id", "component", "decision", "date"], optional: [])

    public let referentiels: [CertificationCode: Referentiel]
    /// Candidates already in the database, with the certification they are enrolled in.
    public let knownCandidates: [CandidateID: CertificationCode]

    public init(referentiels: [CertificationCode: Referentiel], knownCandidates: [CandidateID: CertificationCode]) {
        self.referentiels = referentiels
        self.knownCandidates = knownCandidates
    }

    /// Reads `candidates.csv` (required) and the optional files of `folder`, whole.
    public func read(folder: String, progress: ProgressReporter? = nil) throws -> CohortBatch {
        var whole = CohortBatch(source: folder)
        try read(folder: folder, progress: progress) { whole.append($0) }
        return whole
    }

    /// Reads a folder and hands checked rows to `deliver` as they are ready, in the order a
    /// store writes them: the candidates first, then events in chunks, then stages,
    /// experiences and decisions. At the first bad line it stops delivering but goes on
    /// checking, then throws every error found: the receiver must discard what it was given.
    public func read(folder: String, progress: ProgressReporter? = nil,
                     deliver: (CohortBatch) throws -> Void) throws {
        let url = URL(fileURLWithPath: folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(SourceLocation(file: folder), "dossier de cohorte introuvable.")
        }
        func bytes(_ name: String, required: Bool) throws -> [UInt8]? {
            let path = url.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path) else {
                if required {
                    throw InputError(SourceLocation(file: path), "fichier obligatoire absent du dossier de cohorte.")
                }
                return nil
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError(SourceLocation(file: path), "fichier illisible.")
            }
            return [UInt8](data)
        }
        func table(_ name: String) throws -> CSVTable? {
            try bytes(name, required: false).map { b throws(InputError) in try CSVTable(file: name, bytes: b) }
        }
        let candidates = try CSVTable(file: "candidates.csv", bytes: bytes("candidates.csv", required: true)!)
        // events.csv, the large one, is parsed as it is checked and written.
        let events = try bytes("events.csv", required: false).map { b throws(InputError) in
            RowSource.stream(try CSVStream(file: "events.csv", bytes: b))
        }
        try read(source: folder, candidates: candidates, events: events, requirements: try table("requirements.csv"),
                 decisions: try table("decisions.csv"), progress: progress, deliver: deliver)
    }

    /// Checks already-parsed tables (what `read(folder:)` does after reading the files).
    public func read(source: String, candidates: CSVTable, events: CSVTable?, requirements: CSVTable?,
                     decisions: CSVTable?, progress: ProgressReporter? = nil) throws -> CohortBatch {
        var whole = CohortBatch(source: source)
        try read(source: source, candidates: candidates, events: events, requirements: requirements,
                 decisions: decisions, progress: progress) { whole.append($0) }
        return whole
    }

    /// Rows of events.csv handed over at a time.
    static let eventChunk = 8192

    /// Checks already-parsed tables, delivering chunks as `read(folder:progress:deliver:)` does.
    public func read(source: String, candidates: CSVTable, events: CSVTable?, requirements: CSVTable?,
                     decisions: CSVTable?, progress: ProgressReporter? = nil,
                     deliver: (CohortBatch) throws -> Void) throws {
        try read(source: source, candidates: candidates, events: events.map(RowSource.table),
                 requirements: requirements, decisions: decisions, progress: progress, deliver: deliver)
    }

    private func read(source: String, candidates: CSVTable, events: RowSource?, requirements: CSVTable?,
                      decisions: CSVTable?, progress: ProgressReporter?,
                      deliver: (CohortBatch) throws -> Void) throws {
        let errors = ErrorCollector()
        var certificationOf = knownCandidates
        let total = candidates.rows.count + (events?.count ?? 0) + (requirements?.rows.count ?? 0)
            + (decisions?.rows.count ?? 0)
        progress?.start(total: total)
        defer { progress?.finish() }
        func handOver(_ fill: (inout CohortBatch) -> Void) throws {
            guard errors.isEmpty else { return }
            var chunk = CohortBatch(source: source)
            fill(&chunk)
            try deliver(chunk)
        }

        let candidateColumns = try Self.candidatesSchema.columns(of: candidates)
        let (newCandidates, refusedIDs) = readCandidates(candidates, columns: candidateColumns, errors: errors,
                                                          progress: progress)
        var seenInFile: Set<CandidateID> = []
        var accepted: [CohortBatch.CandidateEntry] = []
        for entry in newCandidates {
            if !seenInFile.insert(entry.candidate.id).inserted {
                errors.add(InputError(candidateColumns.location(line: entry.line, "candidate_id"),
                                      "le candidat \(entry.candidate.id) apparaît deux fois dans le fichier."))
                continue
            }
            certificationOf[entry.candidate.id] = entry.enrolment.certification
            accepted.append(entry)
        }
        try handOver { $0.candidates = accepted }
        let context = RowContext(referentiels: referentiels, certificationOf: certificationOf, refused: refusedIDs)
        if let events {
            try readEvents(events, context: context, errors: errors, progress: progress) { entries in
                try handOver { $0.events = entries }
            }
        }
        var stages: [CohortBatch.StageEntry] = []
        var experiences: [CohortBatch.ExperienceEntry] = []
        if let requirements {
            (stages, experiences) = try readRequirements(requirements, context: context, errors: errors, progress: progress)
        }
        var decided: [CohortBatch.DecisionEntry] = []
        if let decisions {
            decided = try readDecisions(decisions, context: context, errors: errors, progress: progress)
        }
        try handOver {
            $0.stages = stages
            $0.experiences = experiences
            $0.decisions = decided
        }
        try errors.throwIfAny()
    }

    /// The rows of one file, already parsed or parsed as they are asked for.
    struct RowSource {
        let file: String
        let header: [String]
        /// The number of rows, or an upper bound for a stream.
        let count: Int
        let next: () throws -> CSVTable.Row?

        static func table(_ table: CSVTable) -> RowSource {
            var iterator = table.rows.makeIterator()
            return RowSource(file: table.file, header: table.header, count: table.rows.count) { iterator.next() }
        }

        static func stream(_ stream: CSVStream) -> RowSource {
            var stream = stream
            return RowSource(file: stream.file, header: stream.header, count: stream.estimatedRows) { try stream.next() }
        }
    }

    /// What rows of the other files are checked against. A class holding each référentiel
    /// once: rows borrow it instead of copying a large struct per line.
    final class RowContext {
        final class Box {
            let referentiel: Referentiel
            init(_ referentiel: Referentiel) { self.referentiel = referentiel }
        }

        let boxes: [CertificationCode: Box]
        let certificationOf: [CandidateID: CertificationCode]
        /// Candidates whose line of candidates.csv was refused: their other lines are not
        /// reported again as "inconnu" (one error per wrong line, no cascade).
        let refused: Set<CandidateID>

        init(referentiels: [CertificationCode: Referentiel], certificationOf: [CandidateID: CertificationCode],
             refused: Set<CandidateID> = []) {
            boxes = referentiels.mapValues(Box.init)
            self.certificationOf = certificationOf
            self.refused = refused
        }

        func referentiel(for id: CandidateID, _ reader: CSVFieldReader) -> Box? {
            guard let code = certificationOf[id] else {
                if !refused.contains(id) {
                    reader.fail("candidate_id", "candidat « \(id) » inconnu : il n'est ni dans candidates.csv ni déjà enregistré.")
                }
                return nil
            }
            return boxes[code]
        }
    }

    /// The candidates' lines that pass, and the ids of those refused (their own line says why).
    private func readCandidates(_ table: CSVTable, columns: CSVColumns, errors: ErrorCollector,
                                progress: ProgressReporter?) -> ([CohortBatch.CandidateEntry], Set<CandidateID>) {
        var refusedIDs: Set<CandidateID> = []
        var entries: [CohortBatch.CandidateEntry] = []
        entries.reserveCapacity(table.rows.count)
        for row in table.rows {
            progress?.advance()
            let r = CSVFieldReader(columns: columns, row: row, errors: errors)
            var identity = IdentityDraft()
            for (field, path) in IdentityDraft.fields { identity[keyPath: path] = r.text(field.rawValue) }
            let draft = EnrolmentDraft(
                candidateID: r.text("candidate_id"), familyName: r.text("family_name"), givenNames: r.text("given_names"),
                birthDate: r.text("birth_date"), email: r.text("email"), certification: r.text("certification"),
                accessRoute: r.text("access_route"), enrolledOn: r.text("enrolled_on"), cohort: r.text("cohort"),
                identity: identity)
            switch EnrolmentCheck.check(draft, referentiels: referentiels,
                                        enrolledIn: knownCandidates[CandidateID(draft.candidateID)]) {
            case .success(let (candidate, enrolment)):
                entries.append(CohortBatch.CandidateEntry(candidate: candidate, enrolment: enrolment, line: row.line))
            case .failure(let refused):
                for problem in refused.problems { r.fail(problem.field.rawValue, problem.message) }
                if !draft.candidateID.isEmpty { refusedIDs.insert(CandidateID(draft.candidateID)) }
            }
        }
        return (entries, refusedIDs)
    }

    private func readEvents(_ source: RowSource, context: RowContext, errors: ErrorCollector, progress: ProgressReporter?,
                            deliver: ([CohortBatch.EventEntry]) throws -> Void) throws {
        let columns = try Self.eventsSchema.columns(file: source.file, header: source.header)
        var entries: [CohortBatch.EventEntry] = []
        entries.reserveCapacity(min(source.count, Self.eventChunk))
        while let row = try source.next() {
            progress?.advance()
            let r = CSVFieldReader(columns: columns, row: row, errors: errors)
            if let entry = Self.event(r, context: context) { entries.append(entry) }
            if entries.count == Self.eventChunk {
                try deliver(entries)
                entries.removeAll(keepingCapacity: true)
            }
        }
        if !entries.isEmpty { try deliver(entries) }
    }

    /// One events.csv line checked, or nil (its errors are in the reader's collector).
    private static func event(_ r: CSVFieldReader, context: RowContext) -> CohortBatch.EventEntry? {
        guard let id = r.nonEmpty("candidate_id", what: "identifiant du candidat").map(CandidateID.init) else {
            return nil
        }
        // An unknown candidate is reported by the context; the rest of the line then has
        // nothing to be checked against.
        guard let referentiel = context.referentiel(for: id, r)?.referentiel else { return nil }
        let draft = EvaluationDraft(component: r.text("component"), modality: r.text("modality"), date: r.text("date"),
                                    score: r.text("score"), maxScore: r.text("max_score"), result: r.text("result"),
                                    evaluator: r.text("evaluator"))
        switch EvaluationCheck.check(draft, referentiel: referentiel) {
        case .success(let event):
            return CohortBatch.EventEntry(candidateID: id, event: event, line: r.row.line)
        case .failure(let refused):
            for problem in refused.problems { r.fail(problem.field.rawValue, problem.message) }
            return nil
        }
    }

    private func readRequirements(_ table: CSVTable, context: RowContext, errors: ErrorCollector,
                                  progress: ProgressReporter?) throws
        -> ([CohortBatch.StageEntry], [CohortBatch.ExperienceEntry]) {
        let columns = try Self.requirementsSchema.columns(of: table)
        var stages: [CohortBatch.StageEntry] = []
        var experiences: [CohortBatch.ExperienceEntry] = []
        for row in table.rows {
            progress?.advance()
            let r = CSVFieldReader(columns: columns, row: row, errors: errors)
            guard let id = r.nonEmpty("candidate_id", what: "identifiant du candidat").map(CandidateID.init) else {
                continue
            }
            let known = context.referentiel(for: id, r) != nil
            switch r.text("kind") {
            case "stage":
                if !r.text("years").isEmpty { r.fail("years", "un stage se décrit par ses dates start et end, sans years.") }
                guard let start = r.day("start"), let end = r.day("end") else { continue }
                guard !(end < start) else {
                    r.fail("end", "le stage finit (\(end.iso)) avant de commencer (\(start.iso)).")
                    continue
                }
                if known { stages.append(.init(candidateID: id, stage: Stage(start: start, end: end), line: row.line)) }
            case "experience":
                if !r.text("start").isEmpty || !r.text("end").isEmpty {
                    r.fail("start", "une expérience se décrit par years seul, sans dates.")
                }
                guard let years = r.optionalDecimal("years") else { continue }
                guard let years, !years.isNegative, years.isPositive else {
                    r.fail("years", "nombre d'années d'expérience manquant ou nul.")
                    continue
                }
                if known { experiences.append(.init(candidateID: id, experience: ExperienceLine(years: years), line: row.line)) }
            case let other:
                r.fail("kind", "type « \(other) » inconnu : stage ou experience attendu.")
            }
        }
        return (stages, experiences)
    }

    private func readDecisions(_ table: CSVTable, context: RowContext, errors: ErrorCollector,
                               progress: ProgressReporter?) throws -> [CohortBatch.DecisionEntry] {
        let columns = try Self.decisionsSchema.columns(of: table)
        var entries: [CohortBatch.DecisionEntry] = []
        for row in table.rows {
            progress?.advance()
            let r = CSVFieldReader(columns: columns, row: row, errors: errors)
            guard let id = r.nonEmpty("candidate_id", what: "identifiant du candidat").map(CandidateID.init) else {
                continue
            }
            let referentiel = context.referentiel(for: id, r)
            let component = referentiel.flatMap { box -> DecisionComponent? in
                switch SessionDecisionCheck.component(r.text("component"), in: box.referentiel) {
                case .success(let component): return component
                case .failure(let unknown): r.fail("component", unknown.message); return nil
                }
            }
            let kindText = r.text("decision")
            let kind = DecisionKind(rawValue: kindText)
            if kind == nil {
                r.fail("decision", "décision « \(kindText) » inconnue : valide, ajourne ou absent attendu.")
            }
            let date = r.day("date")
            guard let component, let kind, let date else { continue }
            entries.append(.init(candidateID: id,
                                 decision: JuryDecision(id: 0, component: component, decision: kind, date: date),
                                 line: row.line))
        }
        return entries
    }
}
