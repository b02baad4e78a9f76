import CertifolioCore

/// A deposit as `deposit list --json` writes it, one object per line:
/// `{"id":3,"candidate_id":"MQ016","component":"RNCP41818BC01","modality":"note_synthese",
/// "epreuve":"…","version":2,"deposited_at":"2027-01-15T11:42","deadline":"2027-01-15T12:00",
/// "files":[{"name":"note.pdf","kind":"pdf","size":48213,"sha256":"…"}]}` (times are Paris time;
/// `deadline` is absent when the calendar gives none).
public enum DepositJSON {
    public static func line(_ d: Deposit, epreuve: String) -> String {
        let out = JSONWriter()
        out.object {
            out.key("id"); out.raw(d.id.description)
            out.field("candidate_id", d.candidate.rawValue)
            out.field("component", d.component.fileValue)
            out.field("modality", d.modality.rawValue)
            out.field("epreuve", epreuve)
            out.key("version"); out.raw(String(d.version))
            out.field("deposited_at", d.at.stored)
            if let deadline = d.deadline { out.field("deadline", deadline.stored) }
            out.key("files")
            out.array(d.files) { f in
                out.object {
                    out.field("name", f.name)
                    out.field("kind", f.kind.rawValue)
                    out.key("size"); out.raw(String(f.size))
                    out.field("sha256", f.sha256)
                }
            }
        }
        return out.text
    }
}
