import CertifolioCore

/// Cross-field checks of a référentiel: unique ids, block codes of this fiche, waivers that
/// name real routes. Each error points at the YAML node at fault.
enum ReferentielCoherence {
    static func check(_ r: Referentiel, doc: YAMLCursor) throws(InputError) {
        let blockItems = try doc.list("blocks")
        guard !r.blocks.isEmpty else { throw doc.error("au moins un bloc de compétences est attendu (blocks).") }
        var codes: Set<BlockCode> = []
        for (block, item) in zip(r.blocks, blockItems) {
            let field = try item.required("code")
            guard block.code.rawValue.hasPrefix(r.code.rawValue + "BC") else {
                throw field.error("le code de bloc « \(block.code) » doit commencer par \(r.code)BC.")
            }
            guard codes.insert(block.code).inserted else { throw field.error("bloc « \(block.code) » en double.") }
            var ids: Set<ModalityID> = []
            for (modality, modalityItem) in zip(block.modalities, try item.list("modalities")) {
                guard ids.insert(modality.id).inserted else {
                    throw try modalityItem.required("id").error("modalité « \(modality.id) » en double dans le bloc.")
                }
                if modality.id == r.evaluation.wholeBlockModality?.id {
                    throw try modalityItem.required("id")
                        .error("« \(modality.id) » est déjà la modalité qui évalue un bloc entier.")
                }
            }
        }
        try unique(r.finalExams.map(\.id.rawValue), items: doc.list("final_exams"), what: "épreuve finale")
        try unique(r.requirements.map(\.id.rawValue), items: doc.list("requirements"), what: "exigence")
        try unique(r.juryRoles.map(\.id.rawValue), items: doc.list("jury_roles"), what: "rôle de jury")
        try unique(r.accessRoutes.map(\.id.rawValue), items: doc.list("access_routes"), what: "voie d'accès")
        guard r.accessRoutes.contains(where: \.allowed) else {
            throw doc.error("au moins une voie d'accès ouverte est attendue (access_routes).")
        }
        for (requirement, item) in zip(r.requirements, try doc.list("requirements")) {
            for route in requirement.waivedFor where r.route(route) == nil {
                throw try item.required("waived_for").error("voie d'accès « \(route) » absente de access_routes.")
            }
        }
    }

    private static func unique(_ ids: [String], items: [YAMLCursor], what: String) throws(InputError) {
        var seen: Set<String> = []
        for (id, item) in zip(ids, items) where !seen.insert(id).inserted {
            throw try item.required("id").error("\(what) « \(id) » en double.")
        }
    }
}
