import CertifolioCore

/// The pages of the évaluateur's workspace (the gestionnaire's too): the cohorts, a cohort,
/// the dashboard, a candidate's record with the evaluation form, and a correction.

extension StaffRoutes.CohortList: PageContent {
    func html(csrf: String) -> HTML {
        """
        <h1>Promotions</h1>
        \(FormHTML.flag(cohorts.isEmpty, "<p>Aucune promotion ne vous est affectée pour l'instant.</p>\n"))\
        <ul>\(cohorts.html { "<li><a href=\"\($0.link)\">\($0.name)</a></li>" })</ul>

        """
    }
}

extension StaffRoutes.CohortPage: PageContent {
    func html(csrf: String) -> HTML {
        """
        <h1>Promotion \(name)</h1>
        <p>Situation au \(asOf). <a href="\(WebRoutes.cohortDeposits.path(name))">Dépôts de la promotion</a> (attendus, en retard, à évaluer, à publier) · <a href="\(WebRoutes.cohortEntry.path(name))">Saisir une épreuve pour toute la promotion</a>.</p>
        <p>\(filter.map { "Candidats « \($0.label) » (\(lines.count)) — <a href=\"\(WebRoutes.cohort.path(name))\">tous les candidats</a> · " as HTML } ?? .empty)\
        <a href="\(WebRoutes.cohortCSV.path(name))\(filter.map { "?titre=\($0.rawValue)" } ?? "")">Exporter cette liste (CSV)</a></p>
        <table>
          <caption class="sr-only">Candidats de la promotion \(name)</caption>
          <thead><tr><th scope="col">Candidat</th><th scope="col">Voie d'accès</th><th scope="col">Blocs</th><th scope="col">Titre</th></tr></thead>
          <tbody>
        \(lines.html { line in
            """
              <tr class="\(line.tone)"><td><a href="\(line.link)">\(line.name)</a> <span class="id">(\(line.id))</span></td>\
            <td>\(line.route)</td><td>\(line.acquired)</td><td>\(line.title)</td></tr>

            """
        })  </tbody>
        </table>

        """
    }
}

extension DashboardView: PageContent {
    func html(csrf: String) -> HTML {
        """
        <h1>Tableau de bord</h1>
        <p>Situation au \(asOf), pour les promotions que vous suivez.</p>
        \(FormHTML.flag(cohorts.isEmpty, "<p>Aucune promotion ne vous est affectée pour l'instant.</p>\n"))\
        \(cohorts.html(Self.section))
        """
    }

    private static func section(_ c: CohortLine) -> HTML {
        let failed: HTML = c.failedBlocks.isEmpty ? "<p>Aucun bloc échoué.</p>"
            : "<ol>\(c.failedBlocks.html { "<li>\($0.code) — \($0.title) : \(French.count($0.candidates, "candidat", "candidats"))</li>" })</ol>"
        // Each count opens the list behind it.
        func link(_ n: Int, _ filter: StaffRoutes.TitleFilter?) -> HTML {
            n == 0 ? "0" : "<a href=\"\(c.link)\(filter.map { "?titre=\($0.rawValue)" } ?? "")\">\(n)</a>"
        }
        let alert: HTML = c.expiry.map { e in
            """
            <p class="alert" role="alert">La fiche \(e.code) n'est plus enregistrée après le \(e.end) : \
            <a href="\(c.link)?titre=\(StaffRoutes.TitleFilter.inProgress.rawValue)">\(French.count(e.inProgress, "candidat", "candidats"))</a> \
            de la promotion \(e.inProgress > 1 ? "sont" : "est") encore en cours.</p>
            """
        } ?? .empty
        return """
            <section class="panel" aria-labelledby="promo-\(c.name)">
              <h2 id="promo-\(c.name)"><a href="\(c.link)">Promotion \(c.name)</a></h2>
              \(alert)\
              <p><a href="\(WebRoutes.cohortDeposits.path(c.name))">Dépôts : attendus, en retard, à évaluer, à publier</a></p>
              <table>
                <caption>Candidats selon leur situation pour le titre</caption>
                <thead><tr><th scope="col">Candidats</th><th scope="col">Titre délivré</th><th scope="col">Présentables au jury</th>\
            <th scope="col">En cours</th><th scope="col">Blocs acquis</th><th scope="col">Blocs réussis à valider</th></tr></thead>
                <tbody><tr><td>\(link(c.candidates, nil))</td><td>\(link(c.awarded, .awarded))</td><td>\(link(c.eligible, .eligible))</td><td>\(link(c.notEligible, .inProgress))</td>\
            <td>\(c.blocksAcquired)</td><td>\(c.blocksPassed)</td></tr></tbody>
              </table>
              <h3>Blocs le plus souvent échoués</h3>
              \(failed)
            </section>

            """
    }
}

extension StaffRoutes.CandidatePage: PageContent {
    /// The épreuves handed in: deadline, versions and files, and the link that assesses the latest.
    private var depositsHTML: HTML {
        let deposited = deposits.filter { !$0.deposits.isEmpty }
        guard !deposited.isEmpty else { return .empty }
        let id = CandidateID(record.candidateID)
        return """
            <section aria-labelledby="depots">
              <h2 id="depots">Dépôts</h2>
            \(deposited.html { slot in
                let deadline: HTML = slot.deadline.map { d -> HTML in
                    "<p class=\"hint\">Date limite : \(d.french)\(slot.extended ? " (délai accordé)" as HTML : .empty)</p>"
                } ?? .empty
                let assess: HTML = slot.deposits.last.map { latest -> HTML in
                    let link = WebRoutes.candidate.path(id) + "?epreuve="
                        + StaffRoutes.query(EvaluationForm.epreuveValue(slot.component, slot.modality)) + "&depot=\(latest.id)#saisie"
                    return "<p><a href=\"\(link)\">Évaluer la version \(latest.version) avec la grille</a></p>"
                } ?? .empty
                return """
                  <div class="panel"><h3>\(slot.label)</h3>\(deadline)
                  \(DepositHTML.versions(slot.deposits, receipt: nil,
                                         file: { WebRoutes.depositFile.path((id, $0.id, Int64($1))) }))\(assess)</div>

                """
            })</section>

            """
    }

    func html(csrf: String) -> HTML {
        let attestation: HTML = record.canDownloadAttestation
            ? "<p><a href=\"\(WebRoutes.candidateAttestation.path(CandidateID(record.candidateID)))\">Attestation des blocs acquis (PDF)</a></p>\n"
            : .empty
        return """
            <p class="crumbs"><a href="\(record.cohortLink)">Promotion \(record.cohort)</a></p>
            <h1>\(record.name) <span class="id">(\(record.candidateID))</span></h1>
            \(canRectify ? "<p><a href=\"\(WebRoutes.identity.path(CandidateID(record.candidateID)))\">État civil : consulter, rectifier</a> · <a href=\"\(WebRoutes.personalData.path(CandidateID(record.candidateID)))\">Données personnelles (ZIP, droit d'accès)</a></p>\n" as HTML : .empty)\
            <section aria-labelledby="saisie" class="panel">
              <h2 id="saisie">Enregistrer une évaluation</h2>
              \(form.html(csrf: csrf))
            </section>
            \(depositsHTML)\
            \(delay?.html(csrf: csrf) ?? .empty)\
            \(RecordHTML.render(record))\(attestation)
            """
    }
}

extension StaffRoutes.CorrectionPage: PageContent {
    func html(csrf: String) -> HTML {
        """
        <p class="crumbs"><a href="\(WebRoutes.candidate.path(CandidateID(record.candidateID)))">\(record.name) (\(record.candidateID))</a></p>
        <h1>Corriger l'évaluation n° \(corrected.id)</h1>
        <p>Évaluation corrigée : \(corrected.epreuve), le \(corrected.date), \(corrected.outcome) (\(corrected.evaluator)).</p>
        <p class="hint">La correction est une nouvelle évaluation qui remplace celle-ci ; l'ancienne reste dans l'historique et ne compte plus.</p>
        \(form.html(csrf: csrf))
        """
    }
}

extension EvaluationFormView: PageContent {
    func html(csrf: String) -> HTML {
        let radios = [("", "selon la note"), ("acquis", "acquis"), ("non_acquis", "non acquis")].html { choice -> HTML in
            """
                <label class="inline"><input type="radio" name="resultat" value="\(choice.0)"\
            \(FormHTML.flag(result == choice.0, " checked"))> \(choice.1)</label>

            """
        }
        var correction = HTML.empty
        if let reason {
            correction = """
                <label for="motif">Raison de la correction</label>
                <textarea id="motif" name="motif" rows="2" required\(FormHTML.invalid(reason.error, "motif-erreur"))>\(reason.value)</textarea>
                \(FormHTML.fieldError(reason.error, "motif-erreur"))
                """
        }
        let describedByScore = score.error == nil ? "note-aide" : "note-aide note-erreur"
        let depositField: HTML = deposit.isEmpty ? .empty : "<input type=\"hidden\" name=\"depot\" value=\"\(deposit)\">\n"
        var gridHTML = depositField
        if let grid {
            gridHTML += """
                <fieldset class="grid" aria-describedby="grille-aide">
                  <legend>Grille des compétences — \(grid.block)</legend>
                  <p class="hint" id="grille-aide">Chaque compétence du bloc : acquis, partiellement acquis ou non acquis, avec une remarque si besoin.</p>
                  \(FormHTML.refusal("À compléter :", gridErrors))\
                \(grid.lines.html { line in
                    """
                      <div class="grid-line">
                        <p class="competence" id="c\(line.number)">\(line.number). \(line.competence)</p>
                        <div role="radiogroup" aria-labelledby="c\(line.number)">
                    \(CompetenceRating.allCases.html { rating in
                        """
                              <label class="inline"><input type="radio" name="grille[c\(line.number)]" value="\(rating.rawValue)"\
                        \(FormHTML.flag(line.rating == rating.rawValue, " checked"))> \(rating.label)</label>

                        """
                    })    </div>
                        <label class="sr-only" for="r\(line.number)">Remarque sur la compétence \(line.number)</label>
                        <input id="r\(line.number)" name="remarque[c\(line.number)]" value="\(line.comment)" placeholder="Remarque (facultative)">
                      </div>

                    """
                })</fieldset>

                """
        } else if !gridLinks.isEmpty {
            gridHTML += """
                <details class="grid-choice"><summary>Évaluer une épreuve de bloc avec sa grille de compétences</summary>
                  <ul>\(gridLinks.html { "<li><a href=\"\($0.link)\">\($0.label)</a></li>" })</ul>
                </details>

                """
        }
        return """
            \(FormHTML.refusal("L'évaluation n'a pas été enregistrée :", errors))\
            <form method="post" action="\(action)" class="stack evaluation">
              \(FormHTML.token(csrf))
              <label for="epreuve">Épreuve évaluée</label>
              <select id="epreuve" name="epreuve" required\(FormHTML.invalid(epreuveError, "epreuve-erreur"))>
                <option value="">— choisir —</option>
                \(FormHTML.groups(groups))
              </select>
              \(FormHTML.fieldError(epreuveError, "epreuve-erreur"))\
              <label for="date">Date de l'évaluation</label>
              <input id="date" name="date" type="date" required value="\(date.value)"\(FormHTML.invalid(date.error, "date-erreur"))>
              \(FormHTML.fieldError(date.error, "date-erreur"))\
              <div class="row">
                <div>
                  <label for="note">Note</label>
                  <input id="note" name="note" inputmode="decimal" value="\(score.value)" aria-describedby="\(describedByScore)"\(FormHTML.flag(score.error != nil, " aria-invalid=\"true\""))>
                </div>
                <div>
                  <label for="bareme">sur</label>
                  <input id="bareme" name="bareme" inputmode="decimal" value="\(maxScore.value)"\(FormHTML.invalid(maxScore.error, "bareme-erreur"))>
                </div>
              </div>
              <p class="hint" id="note-aide">Virgule ou point : 12,5. Laissez la note vide si l'épreuve se juge acquise ou non acquise.</p>
              \(FormHTML.fieldError(score.error, "note-erreur"))\(FormHTML.fieldError(maxScore.error, "bareme-erreur"))\
              <fieldset>
                <legend>Résultat</legend>
            \(radios)  </fieldset>
              \(FormHTML.fieldError(resultError, "resultat-erreur"))\
              \(gridHTML)\
              <label for="commentaire">Commentaire (facultatif)</label>
              <textarea id="commentaire" name="commentaire" rows="3">\(comment)</textarea>
              \(correction)\
              <button type="submit">\(reason == nil ? "Enregistrer l'évaluation" : "Enregistrer la correction")</button>
            </form>

            """
    }
}
