import CertifolioCore
import CertifolioRules

/// Reads `calendar.csv` (`cohort,component,modality,deadline,date,place`): one line per cohort
/// and épreuve, a deadline for a work handed in, a day and place for an épreuve sat. Each line
/// decodes into a `CalendarDraft` checked by `CalendarCheck` (the gestionnaire's page passes the
/// same check) and is worded at its line and column; every bad line is reported at once, and a
/// file with one is refused whole.
public enum CalendarReader {
    static let schema = CSVSchema(required: ["cohort", "component", "modality"], optional: ["deadline", "date", "place"])
    public static let conclusion = "Aucune date du calendrier n'a été enregistrée."

    public static func read(file: String, bytes: [UInt8], check: CalendarCheck) throws -> [CalendarEntry] {
        var seen: [String: Int] = [:]
        return try CSVFileReader(schema: schema, conclusion: conclusion, empty: "aucune date dans le fichier.")
            .read(file: file, bytes: bytes) { r, columns -> CalendarEntry? in
                let draft = CalendarDraft(cohort: r.text("cohort"), component: r.text("component"),
                                          modality: r.text("modality"), deadline: r.text("deadline"),
                                          date: r.text("date"), place: r.text("place"))
                let key = "\(draft.cohort)\u{1F}\(draft.component)\u{1F}\(draft.modality)"
                if let first = seen[key] {
                    r.fail("modality", "\(draft.cohort) / \(draft.component) / \(draft.modality) : déjà daté ligne \(first).")
                    return nil
                }
                seen[key] = r.row.line
                switch check.check(draft) {
                case .success(let entry): return entry
                case .failure(let refused):
                    for problem in refused.problems {
                        // Without the column, the problem is the line's (its épreuve).
                        let field = columns[problem.field.rawValue] == nil ? "modality" : problem.field.rawValue
                        r.fail(field, problem.message)
                    }
                    return nil
                }
            }
    }
}
