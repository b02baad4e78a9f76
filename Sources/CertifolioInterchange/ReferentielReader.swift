import CertifolioCore
import Yams

/// Reads a référentiel YAML file (format documented in docs/formats.md) into a `Referentiel`,
/// checking that it is coherent. Every error names the file, line and column.
public enum ReferentielReader {
    public static let formatName = "certifolio-referentiel/1"

    public static func read(yaml text: String, file: String) throws(InputError) -> Referentiel {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw InputError(SourceLocation(file: file, line: 1, column: 1), "le fichier est vide.")
            }
            root = node
        } catch let error as InputError {
            throw error
        } catch let error as YamlError {
            throw yamlSyntaxError(error, file: file)
        } catch {
            throw InputError(SourceLocation(file: file), "YAML illisible : \(error).")
        }
        let doc = YAMLCursor(file: file, node: root, path: "")
        try doc.onlyKeys(["format", "code", "version", "title", "level", "certifiers", "nsf", "formacode", "rome",
                          "registration_end", "predecessors", "acquisition", "entry_prerequisites", "evaluation",
                          "blocks", "final_exams", "requirements", "jury_roles", "access_routes"])
        let format = try doc.required("format")
        guard try format.string() == formatName else {
            throw format.error("format « \(try format.string()) » inconnu : « \(formatName) » attendu.")
        }
        let codeField = try doc.required("code")
        let code = try codeField.string()
        guard code.hasPrefix("RNCP"), code.dropFirst(4).allSatisfy(\.isNumber), code.count > 4 else {
            throw codeField.error("code de fiche « \(code) » invalide (RNCP suivi de chiffres attendu).")
        }
        let level = try doc.int("level")
        guard (1...8).contains(level) else { throw try doc.required("level").error("niveau \(level) hors de 1 à 8.") }

        let juryRoles = try doc.list("jury_roles").map { item throws(InputError) in
            try item.onlyKeys(["id", "label"])
            return JuryRole(id: JuryRoleID(try item.string("id")), label: try item.string("label"))
        }
        let referentiel = Referentiel(
            code: CertificationCode(code),
            version: try doc.string("version"),
            title: try doc.string("title"),
            level: level,
            certifiers: try doc.list("certifiers").map(certifier),
            nsf: try doc.list("nsf").map(codedLabel),
            formacode: try doc.list("formacode").map(codedLabel),
            rome: try doc.list("rome").map(codedLabel),
            registrationEnd: try doc.day("registration_end"),
            predecessors: try doc.list("predecessors").map(codedLabel),
            acquisitionRules: try doc.optionalString("acquisition") ?? "",
            entryPrerequisites: try doc.optionalString("entry_prerequisites") ?? "",
            evaluation: try evaluation(doc.required("evaluation")),
            blocks: try doc.list("blocks").map(block),
            finalExams: try doc.list("final_exams").map { item throws(InputError) in
                try item.onlyKeys(["id", "label", "submission"])
                return FinalExam(id: ModalityID(try item.string("id")), label: try item.string("label"),
                                 submission: try submission(item))
            },
            requirements: try doc.list("requirements").map(requirement),
            juryRoles: juryRoles,
            accessRoutes: try doc.list("access_routes").map { item throws(InputError) in
                try accessRoute(item, roles: juryRoles)
            })
        try ReferentielCoherence.check(referentiel, doc: doc)
        return referentiel
    }

    static func yamlSyntaxError(_ error: YamlError, file: String) -> InputError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return InputError(SourceLocation(file: file, line: mark.line, column: mark.column),
                              "YAML mal formé : \(problem).")
        case let .duplicatedKeysInMapping(duplicates, context):
            return InputError(SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                              (duplicates.count > 1 ? "clés en double : " : "clé en double : ") + duplicates.joined(separator: ", ") + ".")
        case let .reader(problem, offset, value, yaml):
            // Before any token: a character the YAML reader refuses, placed by its byte offset.
            var line = 1
            var column = 1
            for byte in yaml.utf8.prefix(offset ?? 0) {
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            }
            let what = problem.contains("control characters")
                ? "caractère de contrôle interdit (code \(value))"
                : "texte qui n'est pas de l'UTF-8 valide"
            return InputError(SourceLocation(file: file, line: offset == nil ? nil : line, column: offset == nil ? nil : column),
                              "YAML illisible : \(what).")
        default:
            return InputError(SourceLocation(file: file), "YAML mal formé ; rien n'a été importé.")
        }
    }

    static func certifier(_ item: YAMLCursor) throws(InputError) -> Certifier {
        try item.onlyKeys(["legal_name", "siret", "commercial_name", "website"])
        let siret = try item.string("siret")
        guard siret.count == 14, siret.allSatisfy(\.isNumber) else {
            throw try item.required("siret").error("SIRET « \(siret) » invalide : 14 chiffres attendus.")
        }
        return Certifier(legalName: try item.string("legal_name"), siret: siret,
                         commercialName: try item.optionalString("commercial_name"),
                         website: try item.optionalString("website"))
    }

    static func codedLabel(_ item: YAMLCursor) throws(InputError) -> CodedLabel {
        try item.onlyKeys(["code", "label"])
        return CodedLabel(code: try item.string("code"), label: try item.string("label"))
    }

    static func modality(_ item: YAMLCursor) throws(InputError) -> Modality {
        try item.onlyKeys(["id", "label", "description", "submission"])
        let id = try item.string("id")
        guard isIdentifier(id) else {
            throw try item.required("id").error("identifiant « \(id) » invalide : minuscules, chiffres et _ seulement.")
        }
        return Modality(id: ModalityID(id), label: try item.string("label"),
                        description: try item.optionalString("description"), submission: try submission(item))
    }

    /// `submission: document` (a work the candidate deposits) or `sitting` (an épreuve sat on a
    /// date), required for every modality and final exam: the fiche says which.
    static func submission(_ item: YAMLCursor) throws(InputError) -> Submission {
        let text = try item.string("submission")
        guard let submission = Submission(rawValue: text) else {
            throw try item.required("submission").error(
                "« \(text) » inconnu : document (travail rendu : note de synthèse, dossier, étude, mémoire, livret…) "
                    + "ou sitting (épreuve passée : oral, soutenance, mise en situation, devoir sur table) attendu.")
        }
        return submission
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    static func evaluation(_ item: YAMLCursor) throws(InputError) -> EvaluationPolicy {
        try item.onlyKeys(["pass_ratio", "default_max_score", "whole_block_modality"])
        let ratio = try item.decimal("pass_ratio")
        guard ratio.isPositive, !(ExactDecimal(1) < ratio) else {
            throw try item.required("pass_ratio").error("ratio de réussite entre 0 et 1 attendu.")
        }
        let maxScore = try item.decimal("default_max_score")
        guard maxScore.isPositive else { throw try item.required("default_max_score").error("note maximale positive attendue.") }
        return EvaluationPolicy(passRatio: ratio, defaultMaxScore: maxScore,
                                wholeBlockModality: try item.optional("whole_block_modality").map(modality))
    }

    static func block(_ item: YAMLCursor) throws(InputError) -> Block {
        try item.onlyKeys(["code", "title", "competences", "modalities"])
        let modalities = try item.list("modalities").map(modality)
        guard !modalities.isEmpty else { throw item.error("un bloc doit avoir au moins une modalité d'évaluation.") }
        return Block(code: BlockCode(try item.string("code")), title: try item.string("title"),
                     competences: try item.strings("competences"), modalities: modalities)
    }

    static func requirement(_ item: YAMLCursor) throws(InputError) -> Requirement {
        try item.onlyKeys(["id", "label", "any_of", "waived_for"])
        var alternatives: [RequirementAlternative] = []
        for alternative in try item.list("any_of") {
            try alternative.onlyKeys(["stage", "experience"])
            if let stage = try alternative.optional("stage") {
                try stage.onlyKeys(["min_days", "min_months"])
                let minDays = try stage.optional("min_days") == nil ? 1 : try stage.int("min_days")
                let minMonths = try stage.optional("min_months") == nil ? 0 : try stage.int("min_months")
                guard minDays >= 1, minMonths >= 0 else { throw stage.error("durées minimales positives attendues.") }
                alternatives.append(.stage(minDays: minDays, minMonths: minMonths))
            } else if let experience = try alternative.optional("experience") {
                try experience.onlyKeys(["min_years"])
                alternatives.append(.experience(minYears: try experience.decimal("min_years")))
            } else {
                throw alternative.error("stage ou experience attendu.")
            }
        }
        guard !alternatives.isEmpty else { throw item.error("any_of doit proposer au moins une possibilité.") }
        return Requirement(id: RequirementID(try item.string("id")), label: try item.string("label"),
                           alternatives: alternatives, waivedFor: try item.strings("waived_for").map(AccessRouteID.init))
    }

    static func accessRoute(_ item: YAMLCursor, roles: [JuryRole]) throws(InputError) -> AccessRoute {
        try item.onlyKeys(["id", "label", "allowed", "jury", "cpf"])
        let allowed = try item.bool("allowed")
        var cpfAccess: CPFAccessMode?
        if let cpf = try item.optional("cpf") {
            cpfAccess = CPFAccessMode(rawValue: try cpf.string())
            if cpfAccess == nil {
                throw cpf.error("modalité d'accès CPF « \(try cpf.string()) » inconnue ; valeurs du schéma de la Caisse des "
                                + "dépôts : " + CPFAccessMode.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
        }
        var jury: JuryComposition?
        if let field = try item.optional("jury") {
            try field.onlyKeys(["text", "president", "seats"])
            let seats = try field.list("seats").map { seat throws(InputError) in
                try seat.onlyKeys(["role", "count", "external"])
                let role = try seat.required("role")
                guard roles.contains(where: { $0.id.rawValue == (try? role.string()) }) else {
                    throw role.error("rôle « \(try role.string()) » absent de jury_roles.")
                }
                let count = try seat.optional("count") == nil ? 1 : try seat.int("count")
                guard count >= 1 else { throw try seat.required("count").error("au moins 1 membre attendu.") }
                let external = try seat.optional("external") == nil ? false : try seat.bool("external")
                return JurySeat(role: JuryRoleID(try role.string()), count: count, mustBeExternal: external)
            }
            let president = try field.optional("president")
            if let president, !roles.contains(where: { $0.id.rawValue == (try? president.string()) }) {
                throw president.error("rôle « \(try president.string()) » absent de jury_roles.")
            }
            jury = JuryComposition(text: try field.string("text"), seats: seats,
                                   president: try president.map { p throws(InputError) in JuryRoleID(try p.string()) })
        }
        if allowed, jury == nil { throw item.error("une voie ouverte doit décrire la composition de son jury (jury).") }
        return AccessRoute(id: AccessRouteID(try item.string("id")), label: try item.string("label"),
                           allowed: allowed, jury: jury, cpfAccess: cpfAccess)
    }
}
