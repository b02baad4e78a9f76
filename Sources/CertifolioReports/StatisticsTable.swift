import CertifolioCore
import CertifolioRules

/// A fiche's statistics as its own *Statistiques* table reads: year of award, holders, holders
/// through the VAE, the three insertion rates (in %, "-" without anyone counted), and beside each
/// rate the respondents and non-respondents it rests on.
public enum StatisticsTable {
    public static let headings = [
        "Année d'obtention de la certification", "Nombre de certifiés",
        "Nombre de certifiés à la suite d'un parcours VAE", "Taux d'insertion global à 6 mois (en %)",
        "Taux d'insertion dans le métier visé à 6 mois (en %)", "Taux d'insertion dans le métier visé à 2 ans (en %)",
    ]

    /// "83 (12 répondants dont 2 neutralisés, 3 sans réponse)" or "- (…)".
    public static func rate(_ value: Int?, _ h: InsertionStatistics.Horizon) -> String {
        let base = value.map(String.init) ?? "-"
        var detail = French.count(h.respondents, "répondant", "répondants")
        if h.neutralised > 0 { detail += " dont " + French.count(h.neutralised, "neutralisé", "neutralisés") }
        return base + " (\(detail), \(h.nonRespondents) sans réponse)"
    }

    public static func cells(_ row: InsertionStatistics.Row) -> [String] {
        [String(row.year), String(row.certified), String(row.certifiedVAE),
         rate(row.sixMonths.global, row.sixMonths), rate(row.sixMonths.targetJob, row.sixMonths),
         rate(row.twoYears.targetJob, row.twoYears)]
    }

    /// One block per year, each heading with its value: readable at any terminal width.
    public static func text(_ rows: [InsertionStatistics.Row], referentiel: Referentiel, asOf: Day) -> String {
        var out = "Statistiques — \(referentiel.code) « \(referentiel.title) » (titres délivrés au \(asOf.french))\n"
        if rows.isEmpty { return out + "Aucun titre délivré.\n" }
        for row in rows {
            out += "\n"
            for (heading, cell) in zip(headings, cells(row)) { out += "  \(heading) : \(cell)\n" }
        }
        return out
    }

    /// The contract's columns (§8) and the counts behind each rate.
    public static let csvHeader = ["year", "certified", "certified_vae", "insertion_6m_global", "insertion_6m_job",
                                   "insertion_2y_job", "respondents_6m", "respondents_2y", "non_respondents_6m",
                                   "non_respondents_2y", "neutralised_6m", "neutralised_2y"]

    public static func csvFields(_ r: InsertionStatistics.Row) -> [String] {
        [String(r.year), String(r.certified), String(r.certifiedVAE), r.sixMonths.global.map(String.init) ?? "",
         r.sixMonths.targetJob.map(String.init) ?? "", r.twoYears.targetJob.map(String.init) ?? "",
         String(r.sixMonths.respondents), String(r.twoYears.respondents), String(r.sixMonths.nonRespondents),
         String(r.twoYears.nonRespondents), String(r.sixMonths.neutralised), String(r.twoYears.neutralised)]
    }
}
