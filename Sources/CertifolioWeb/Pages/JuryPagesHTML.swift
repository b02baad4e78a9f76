import CertifolioCore

/// The jury secretary's pages: the sessions, one session from convocation to closing, and
/// the decision form of one convoked candidate.

extension JuryRoutes.SessionList: PageContent {
    func html(csrf: String) -> HTML {
        var table = HTML(stringLiteral: "<p>Aucune session pour l'instant.</p>\n")
        if !lines.isEmpty {
            table = """
                <p><a href="\(WebRoutes.sessionsCSV.path)">Exporter la liste des sessions (CSV)</a></p>
                <table>
                  <caption class="sr-only">Sessions de jury, de la plus récente à la plus ancienne</caption>
                  <thead><tr><th scope="col">N°</th><th scope="col">Certification</th><th scope="col">Date</th><th scope="col">Lieu</th><th scope="col">Convoqués</th><th scope="col">État</th></tr></thead>
                  <tbody>
                \(lines.html { l in
                    "<tr><td><a href=\"\(l.link)\">Session n° \(l.id)</a></td><td>\(l.certification)</td><td>\(l.date)</td><td>\(l.place)</td><td>\(l.convoked)</td><td>\(l.state)</td></tr>\n"
                })  </tbody>
                </table>

                """
        }
        return """
            <h1>Sessions de jury</h1>
            \(table)\
            <section class="panel" aria-labelledby="nouvelle">
              <h2 id="nouvelle">Nouvelle session</h2>
              \(FormHTML.alert(error))\
              <form method="post" action="\(WebRoutes.sessions.path)" class="stack">
                \(FormHTML.token(csrf))
                <label for="certification">Certification</label>
                <select id="certification" name="certification">\(FormHTML.options(certifications))</select>
                <label for="date">Date de la session</label>
                <input id="date" name="date" type="date" required value="\(date)">
                <label for="lieu">Lieu</label>
                <input id="lieu" name="lieu" required value="\(place)">
                <button type="submit">Créer la session</button>
              </form>
            </section>

            """
    }
}

extension JuryRoutes.SessionPage: PageContent {
    func html(csrf: String) -> HTML {
        let s = session
        let state: HTML = s.closedOn.map { "close le \($0)" } ?? "ouverte"
        var minutes = HTML.empty
        if !s.isOpen {
            minutes = """
                <section class="panel" aria-labelledby="documents">
                  <h2 id="documents">Documents de la session</h2>
                  <ul>
                    <li><a href="\(s.pvLink)">Procès-verbal (PDF, numéroté à chaque téléchargement)</a> — \
                <a href="\(s.pvCSVLink)">son double CSV</a></li>
                    <li><a href="\(WebRoutes.notifications.path(s.sessionID))">Notifications de décision de tous les candidats (ZIP)</a> \
                — chacune aussi sur la ligne du candidat</li>
                    <li><a href="\(WebRoutes.register.path)">Registre des parchemins</a></li>
                  </ul>
                  <form method="post" action="\(WebRoutes.sessionParchemins.path(s.sessionID))" class="inline-form">
                    \(FormHTML.token(csrf))
                    <button type="submit">Délivrer les parchemins des titres accordés</button>
                  </form>
                  <p class="hint">Chaque parchemin est délivré une fois, numéroté au registre ; le télécharger ensuite \
                redonne le même exemplaire.</p>
                </section>

                """
        } else {
            minutes = """
                <p><a href="\(WebRoutes.draftMinutes.path(s.sessionID))">Projet de PV (PDF)</a> — les décisions saisies, \
                marquées « projet » sur chaque page, à relire avant la clôture.</p>

                """
        }
        var problems = HTML.empty
        if !s.compositionProblems.isEmpty {
            problems = """
                <section class="alert" role="alert" aria-labelledby="composition-problemes">
                  <h2 id="composition-problemes">Composition du jury non réunie</h2>
                  <ul>\(s.compositionProblems.html { p in
                      "<li>\(p.problem) <span class=\"id\">(\(p.candidates.count == 1 ? "candidat" : "\(p.candidates.count) candidats") : \(p.candidates.prefix(12).joined(separator: ", "))\(p.candidates.count > 12 ? "…" : ""))</span></li>"
                  })</ul>
                </section>

                """
        }
        return """
            \(FormHTML.refusal("Action refusée, rien n'a été modifié :", errors))\
            <p class="crumbs"><a href="\(WebRoutes.sessions.path)">Sessions de jury</a></p>
            <h1>Session de jury n° \(s.id)</h1>
            <dl class="facts">
              <dt>Certification</dt><dd>\(s.certification)</dd>
              <dt>Date</dt><dd>\(s.date)</dd>
              <dt>Lieu</dt><dd>\(s.place)</dd>
              <dt>État</dt><dd>\(state)</dd>
              <dt>Présidence</dt><dd>\(s.president ?? "aucun membre désigné")</dd>
            </dl>
            \(problems)\(minutes)\(amendment(csrf: csrf))\(members(csrf: csrf))\(convocation(csrf: csrf))\(closing(csrf: csrf))
            """
    }

    private func members(csrf: String) -> HTML {
        let s = session
        var list = HTML(stringLiteral: "<p>Aucun membre pour l'instant.</p>\n")
        if !s.members.isEmpty {
            let action: HTML = s.isOpen ? "<th scope=\"col\"><span class=\"sr-only\">Action</span></th>" : .empty
            list = """
                <table class="stacked">
                  <caption class="sr-only">Membres du jury</caption>
                  <thead><tr><th scope="col">Nom</th><th scope="col">Rôle</th><th scope="col">Externe</th><th scope="col">Présence</th>\(action)</tr></thead>
                  <tbody>
                \(s.members.html { m in member(m, csrf: csrf) })  </tbody>
                </table>

                """
        }
        var add = HTML.empty
        if s.isOpen {
            add = """
                <form method="post" action="\(WebRoutes.members.path(s.sessionID))" class="stack">
                  \(FormHTML.token(csrf))
                  <label for="nom">Nom (civilité, prénom, nom)</label>
                  <input id="nom" name="nom" required>
                  <label for="role">Rôle</label>
                  <select id="role" name="role">\(FormHTML.options(s.roles))</select>
                  <label class="inline"><input type="checkbox" name="externe" value="oui"> membre externe à l'organisme</label>
                  <button type="submit">Ajouter le membre</button>
                </form>
                \(directoryForm(csrf: csrf))\
                <p class="hint">Chaque membre entre dans l'<a href="\(WebRoutes.directory.path)">annuaire du jury</a>, où il se retrouve à la session suivante et se lie à son compte d'évaluateur.</p>

                """
        }
        return """
            <section class="panel" aria-labelledby="membres">
              <h2 id="membres">Membres du jury</h2>
              \(list)\(add)\
              <h3>Composition exigée par la fiche</h3>
              <ul>\(s.routes.html { "<li>\($0)</li>" })</ul>
              <p>\(s.presidingRole.map { "La fiche désigne qui préside : « \($0) »." as HTML }
                  ?? "La fiche ne nomme pas de rôle présidant le jury : cochez « préside » pour le membre désigné par la session.")</p>
              <p>Composition respectée pour \(s.compositionMetCount) des \(s.convokedCount) candidats convoqués.</p>
            </section>

            """
    }

    /// On a closed session: the avenant that revokes a decision, motivated and dated.
    private func amendment(csrf: String) -> HTML {
        let s = session
        guard !s.isOpen, !s.candidates.isEmpty else { return .empty }
        let people = s.candidates.map { SelectOption(value: $0.id, label: "\($0.name) (\($0.id))") }
        let kinds = DecisionKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.pvWord) }
        return """
            <section class="panel" aria-labelledby="avenant">
              <h2 id="avenant">Avenant : corriger une décision</h2>
              <p class="hint">La décision en vigueur est révoquée, jamais effacée : l'avenant, daté et motivé, figure au \
            PV et dans la notification du candidat.</p>
              <form method="post" action="\(WebRoutes.amendment.path(s.sessionID))" class="stack">
                \(FormHTML.token(csrf))
                <label for="avenant-candidat">Candidat</label>
                <select id="avenant-candidat" name="candidat">\(FormHTML.options(people))</select>
                <label for="avenant-objet">Objet</label>
                <select id="avenant-objet" name="objet">\(FormHTML.options(s.components))</select>
                <label for="avenant-decision">Nouvelle décision</label>
                <select id="avenant-decision" name="decision">\(FormHTML.options(kinds))</select>
                <label for="avenant-date">Date de l'avenant</label>
                <input id="avenant-date" name="date" type="date" required>
                <label for="avenant-raison">Raison (figure au PV)</label>
                <textarea id="avenant-raison" name="raison" rows="2" required></textarea>
                <button type="submit">Enregistrer l'avenant</button>
              </form>
            </section>

            """
    }

    /// A member's row; on an open session, their attendance and presidency are set there.
    private func member(_ m: SessionView.Member, csrf: String) -> HTML {
        let s = session
        let presence: HTML = (m.excused ? "excusé" : "présent") + (m.presides ? " — préside" as HTML : .empty)
        guard s.isOpen else {
            return "<tr><td data-label=\"Nom\">\(m.name)</td><td data-label=\"Rôle\">\(m.role)</td><td data-label=\"Externe\">\(m.external ? "oui" : "non")</td><td data-label=\"Présence\">\(presence)</td></tr>\n"
        }
        let preside: HTML = s.presidingRole == nil ? """
             <label class="inline"><input type="checkbox" name="preside" value="oui"\(m.presides ? " checked" : "")> préside</label>
            """ : .empty
        return """
            <tr><td data-label="Nom">\(m.name)</td><td data-label="Rôle">\(m.role)</td><td data-label="Externe">\(m.external ? "oui" : "non")</td>
            <td data-label="Présence"><form method="post" action="\(WebRoutes.memberStanding.path(s.sessionID))" class="inline-form">\(FormHTML.token(csrf))\
            <input type="hidden" name="nom" value="\(m.name)">\
            <select name="presence" aria-label="Présence de \(m.name)"><option value="present"\(m.excused ? "" : " selected")>présent</option>\
            <option value="excuse"\(m.excused ? " selected" : "")>absence excusée</option></select>\(preside)\
            <button type="submit" class="small">Enregistrer</button></form></td>
            <td><form method="post" action="\(WebRoutes.memberRemoval.path(s.sessionID))">\(FormHTML.token(csrf))\
            <input type="hidden" name="nom" value="\(m.name)"><button type="submit" class="small">Retirer \(m.name)</button></form></td></tr>

            """
    }

    /// A person of the directory, chosen rather than typed again.
    private func directoryForm(csrf: String) -> HTML {
        let s = session
        guard !s.directory.isEmpty else { return .empty }
        return """
            <form method="post" action="\(WebRoutes.directoryMember.path(s.sessionID))" class="stack">
              \(FormHTML.token(csrf))
              <label for="personne">Ou une personne de l'annuaire</label>
              <select id="personne" name="personne" required><option value="">— choisir —</option>\(FormHTML.options(s.directory))</select>
              <label for="role-annuaire">Rôle</label>
              <select id="role-annuaire" name="role">\(FormHTML.options(s.roles))</select>
              <button type="submit">Ajouter depuis l'annuaire</button>
            </form>

            """
    }

    private func convocation(csrf: String) -> HTML {
        let s = session
        var convoke = HTML.empty
        if s.isOpen {
            convoke = """
                <form method="post" action="\(WebRoutes.convocation.path(s.sessionID))" class="stack">
                  \(FormHTML.token(csrf))
                  <label for="promotion">Convoquer une promotion</label>
                  <select id="promotion" name="promotion"><option value="">— aucune —</option>\(FormHTML.options(s.cohorts))</select>
                  <label for="candidats">ou des candidats (identifiants séparés par des virgules)</label>
                  <input id="candidats" name="candidats">
                  <button type="submit">Convoquer</button>
                </form>

                """
        }
        var table = HTML.empty
        if !s.candidates.isEmpty {
            let proposal: HTML = s.isOpen ? "<th scope=\"col\">Proposition</th>" : .empty
            let shown = s.candidates.filter { $0.shows(s.filter) }
            // One link per filter with its count; the current one is not a link.
            let filters = SessionView.Filter.allCases.html { f -> HTML in
                let n = s.candidates.filter { $0.shows(f) }.count
                guard f == .all || n > 0 else { return .empty }
                let label: HTML = "\(f.label) (\(n))"
                return f == s.filter ? "<li><strong aria-current=\"true\">\(label)</strong></li>"
                    : "<li><a href=\"\(WebRoutes.session.path(s.sessionID))?filtre=\(f.rawValue)#convocation\">\(label)</a></li>"
            }
            let aside: HTML = s.steppingAside.isEmpty ? .empty : """
                <p class="hint">\(s.steppingAside.html { a in
                    "\(a.name) a évalué \(a.candidates) des candidats et ne siège pas pour leur décision. " as HTML
                })</p>
                """
            table = """
                <ul class="filters" aria-label="Filtrer les candidats">\(filters)</ul>
                \(aside)\
                <table class="stacked">
                  <caption>Propositions et décisions (\(decidedWords(s.decidedCount, of: s.convokedCount)))</caption>
                  <thead><tr><th scope="col">Candidat</th><th scope="col">Voie</th>\(proposal)<th scope="col">Décisions</th><th scope="col">Composition</th></tr></thead>
                  <tbody>
                \(shown.html { candidate(isOpen: s.isOpen, $0) })  </tbody>
                </table>

                """
        }
        return """
            <section class="panel" aria-labelledby="convocation">
              <h2 id="convocation">Candidats convoqués (\(s.convokedCount))</h2>
              \(convoke)\(table)\
            </section>

            """
    }

    /// "12 candidats avec décision sur 29", agreed in number.
    private func decidedWords(_ decided: Int, of convoked: Int) -> String {
        "\(decided) candidat\(decided > 1 ? "s" : "") avec décision sur \(convoked)"
    }

    private func candidate(isOpen: Bool, _ c: SessionView.Candidate) -> HTML {
        let name: HTML = isOpen ? "<a href=\"\(c.decisionLink)\">\(c.name)</a>" : "\(c.name)"
        let attestation: HTML = c.attestationLink.map { "<br><a href=\"\($0)\">Attestation</a>" } ?? .empty
        // The problems themselves are listed once at the top of the page.
        let composition: HTML = c.compositionMet ? "respectée" : "<strong>non respectée</strong>"
        let notification: HTML = c.notificationLink.map { " · <a href=\"\($0)\">Notification</a>" } ?? .empty
        return """
              <tr>
                <td data-label="Candidat">\(name) <span class="id">(\(c.id))</span>\(attestation)\(notification)</td>
                <td data-label="Voie">\(c.route)</td>
                \(isOpen ? "<td data-label=\"Proposition\">\(c.proposal)</td>" as HTML : .empty)
                <td data-label="Décisions">\(c.decisions)</td>
                <td data-label="Composition">\(composition)</td>
              </tr>

            """
    }

    private func closing(csrf: String) -> HTML {
        guard session.isOpen else { return .empty }
        return """
            <section class="panel" aria-labelledby="cloture">
              <h2 id="cloture">Décisions et clôture</h2>
              <form method="post" action="\(WebRoutes.proposals.path(session.sessionID))" class="inline-form">
                \(FormHTML.token(csrf))
                <button type="submit">Reprendre les propositions pour les candidats sans décision</button>
              </form>
              <p><a class="button primary" href="\(WebRoutes.closingReview.path(session.sessionID))">Clore la session…</a></p>
              <p class="hint">Une page récapitule d'abord ce que la clôture verrouille et demande confirmation.</p>
            </section>

            """
    }
}

extension DecisionFormView: PageContent {
    func html(csrf: String) -> HTML {
        """
        <p class="crumbs"><a href="\(WebRoutes.session.path(JurySessionID(sessionID)))">Session de jury n° \(sessionID)</a></p>
        <h1>Décisions pour \(name) <span class="id">(\(candidateID))</span></h1>
        <p>Proposition : <strong>\(proposal)</strong>.</p>
        \(FormHTML.refusal("Les décisions n'ont pas été enregistrées :", errors))\
        <form method="post" action="\(action)" class="stack">
          \(FormHTML.token(csrf))
        \(lines.html(Self.line))\
          <button type="submit">Enregistrer les décisions</button>
        </form>
        \(evidenceHTML)\
        \(RecordHTML.render(record))
        """
    }

    /// The deposits and the latest grid behind each block.
    private var evidenceHTML: HTML {
        guard !evidence.isEmpty else { return .empty }
        let session = JurySessionID(sessionID)
        return """
            <section aria-labelledby="preuves">
              <h2 id="preuves">Dépôts et grilles, bloc par bloc</h2>
            \(evidence.html { e in
                let grid: HTML = e.grid.map { g -> HTML in "<p>Dernière grille : \(g.from)</p>\(RecordHTML.grid(g.lines))" }
                    ?? "<p>Aucune grille de compétences pour ce bloc.</p>"
                return """
                  <div class="panel"><h3>\(e.block)</h3>
                  \(e.deposits.html { d -> HTML in
                      "<h4>\(d.label)</h4>" + DepositHTML.versions(d.versions, receipt: nil, file: { deposit, n in
                          WebRoutes.juryDepositFile.path((session, deposit.id, Int64(n)))
                      })
                  })\(grid)</div>

                """
            })</section>

            """
    }

    private static func line(_ l: Line) -> HTML {
        func radio(_ kind: DecisionKind, _ label: String) -> HTML {
            """
            <label class="inline"><input type="radio" name="decision[\(l.component)]" value="\(kind.rawValue)"\
            \(FormHTML.flag(l.chosen == kind, " checked"))> \(label)</label>
            """
        }
        return """
              <fieldset>
                <legend>\(l.label) <span class="hint">(proposition : \(l.expected))</span></legend>
                <input type="hidden" name="composante[]" value="\(l.component)">
                \(radio(.valide, "validé"))
                \(radio(.ajourne, "ajourné"))
                \(radio(.absent, "absent"))
                <label for="motif_\(l.component)">Motif (obligatoire si la décision s'écarte de la proposition)</label>
                <input id="motif_\(l.component)" name="motif[\(l.component)]" value="\(l.motive)">
              </fieldset>

            """
    }
}
