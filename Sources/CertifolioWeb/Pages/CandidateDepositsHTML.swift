import CertifolioCore

/// The candidate's deposits (`/mon-dossier/depots`): for each épreuve handed in, its deadline
/// with the days left, the versions deposited with their files and receipts, and while it is
/// open a form to deposit a new version. Read from a phone as often as from a desktop.
struct CandidateDepositsPage: PageContent {
    let slots: [DepositSlot]
    let now: ParisTime
    let limit: Int64
    /// Why the last deposit was refused, and for which épreuve.
    var refused: (epreuve: String, errors: [String])?

    /// What can still be deposited, the nearest deadline first; then what is closed.
    private var open: [DepositSlot] {
        slots.filter { $0.isOpen(at: now) }.sorted { ($0.deadline?.stored ?? "9") < ($1.deadline?.stored ?? "9") }
    }
    private var closed: [DepositSlot] { slots.filter { !$0.isOpen(at: now) } }

    func html(csrf: String) -> HTML {
        // A refusal for an épreuve the page does not list (a forged or stale form) goes on top.
        let shownWithItsEpreuve = slots.contains { EvaluationForm.epreuveValue($0.component, $0.modality) == refused?.epreuve }
        return """
        <h1>Mes dépôts</h1>
        \(shownWithItsEpreuve ? .empty : FormHTML.refusal("Dépôt refusé, rien n'a été enregistré :", refused?.errors ?? []))\
        <p class="hint">Déposez ici les travaux que votre certification demande, avant leur date limite : des fichiers
        PDF, ODT ou DOCX, \(DepositProblem.megabytes(limit)) au plus chacun. Chaque dépôt est une nouvelle version,
        les précédentes restent conservées ; un accusé de dépôt (PDF) en donne la preuve.</p>
        \(slots.isEmpty ? "<p>Aucune épreuve de votre certification ne se dépose.</p>" as HTML : .empty)\
        \(open.isEmpty ? .empty : "<h2 class=\"group\">À déposer</h2>\n" as HTML)\(open.html { section($0, csrf: csrf) })\
        \(closed.isEmpty ? .empty : "<h2 class=\"group\">Dates limites passées</h2>\n" as HTML)\(closed.html { section($0, csrf: csrf) })
        """
    }

    private func section(_ slot: DepositSlot, csrf: String) -> HTML {
        let key = EvaluationForm.epreuveValue(slot.component, slot.modality)
        let id = "depot-" + key.replacingOccurrences(of: "|", with: "-")
        let errors = refused?.epreuve == key ? refused?.errors ?? [] : []
        return """
            <section class="panel deposit" aria-labelledby="\(id)">
              <h3 id="\(id)">\(slot.label)</h3>
              <p class="deadline\(deadlineTone(slot))">\(deadlineText(slot))</p>
              \(FormHTML.refusal("Dépôt refusé, rien n'a été enregistré :", errors))\
              \(DepositHTML.versions(slot.deposits, receipt: { WebRoutes.portalReceipt.path($0.id) },
                                     file: { WebRoutes.portalDepositFile.path(($0.id, Int64($1))) }))\
              \(slot.isOpen(at: now) ? form(slot, key: key, id: id, csrf: csrf) : .empty)
            </section>

            """
    }

    private func deadlineText(_ slot: DepositSlot) -> HTML {
        guard let deadline = slot.deadline else { return "Pas de date limite fixée au calendrier de la promotion." }
        let extended: HTML = slot.extended ? " (délai accordé)" : .empty
        guard slot.isOpen(at: now) else { return "Date limite passée : \(deadline.french)\(extended)." }
        let days = deadline.day.ordinal - now.day.ordinal
        let left: String = days == 0 ? "aujourd'hui" : days == 1 ? "demain" : "dans \(days) jours"
        return "À déposer avant le \(deadline.french)\(extended) — \(left)."
    }

    private func deadlineTone(_ slot: DepositSlot) -> HTML {
        guard let deadline = slot.deadline else { return .empty }
        if !slot.isOpen(at: now) { return slot.deposits.isEmpty ? " ko" : .empty }
        return deadline.day.ordinal - now.day.ordinal <= 7 && slot.deposits.isEmpty ? " soon" : .empty
    }

    private func form(_ slot: DepositSlot, key: String, id: String, csrf: String) -> HTML {
        """
        <form method="post" action="\(WebRoutes.portalDeposits.path)" enctype="multipart/form-data" class="stack">
          \(FormHTML.token(csrf))
          <input type="hidden" name="epreuve" value="\(key)">
          <label for="\(id)-fichiers">\(slot.deposits.isEmpty ? "Fichiers à déposer" : "Fichiers d'une nouvelle version")</label>
          <input id="\(id)-fichiers" name="fichiers" type="file" multiple required
                 accept=".pdf,.odt,.docx,application/pdf,application/vnd.oasis.opendocument.text,application/vnd.openxmlformats-officedocument.wordprocessingml.document">
          <button type="submit">Déposer</button>
        </form>
        """
    }
}

/// A list of deposit versions (latest first) with their files, for the candidate's page and
/// the staff's and jury's.
enum DepositHTML {
    static func versions(_ deposits: [Deposit], receipt: ((Deposit) -> String)?, file: (Deposit, Int) -> String) -> HTML {
        guard !deposits.isEmpty else { return "<p>Rien de déposé pour l'instant.</p>\n" }
        return """
            <ol class="versions" reversed>
            \(deposits.reversed().html { d in
                let receiptLink: HTML = receipt.map { link -> HTML in
                    " — <a href=\"\(link(d))\">accusé de dépôt (PDF)</a>"
                } ?? .empty
                let late: HTML = d.deadline.map { d.at > $0 } == true ? " (hors délai)" : .empty
                return """
                <li><p><strong>Version \(d.version)</strong> — déposée le \(d.at.french)\(late)\(receiptLink)</p>
                  <ul>\(d.files.enumerated().html { n, f in
                      "<li><a href=\"\(file(d, n + 1))\">\(f.name)</a> (\(f.kind.label), \(DepositProblem.megabytes(f.size)))</li>"
                  })</ul>
                </li>

                """
            })</ol>

            """
    }
}
