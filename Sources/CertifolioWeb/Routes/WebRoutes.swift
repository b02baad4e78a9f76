import CertifolioCore
import Foundation
import Hummingbird

/// A value in a web address: how it is written in the path, and read back from it.
protocol PathValue: Sendable {
    init?(pathText: String)
    var pathText: String { get }
}

extension CandidateID: PathValue {
    init?(pathText: String) {
        guard !pathText.isEmpty else { return nil }
        self.init(pathText)
    }
    var pathText: String { rawValue }
}

extension DepositID: PathValue {
    init?(pathText: String) {
        guard let number = Int64(pathText), number > 0 else { return nil }
        self.init(number)
    }
    var pathText: String { String(rawValue) }
}

extension JurySessionID: PathValue {
    init?(pathText: String) {
        guard let number = Int64(pathText), number > 0 else { return nil }
        self.init(number)
    }
    var pathText: String { String(rawValue) }
}

/// An evaluation's or an account's number.
extension Int64: PathValue {
    init?(pathText: String) { self.init(pathText) }
    var pathText: String { String(self) }
}

/// A cohort's name.
extension String: PathValue {
    init?(pathText: String) { self = pathText }
    var pathText: String { self }
}

/// What a path segment may hold unescaped (no "/", "?", "#" nor "%"); built once (a generic
/// type cannot hold a static stored property).
private let pathSegmentCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#%"))

/// An address of the application, as the router registers it (`pattern`, with `{name}` for
/// each value) and as pages link to it (`path(…)`, each value escaped); a handler reads its
/// values back with `values(_:)` (an address whose value cannot be read is a 404).
struct Route<Values>: Sendable {
    let pattern: String
    private let names: [String]
    private let write: @Sendable (Values) -> [String]
    private let read: @Sendable ([String]) -> Values?

    fileprivate init(_ pattern: String, write: @escaping @Sendable (Values) -> [String],
                     read: @escaping @Sendable ([String]) -> Values?) {
        self.pattern = pattern
        self.write = write
        self.read = read
        names = pattern.split(separator: "{").dropFirst().compactMap { $0.split(separator: "}").first.map(String.init) }
    }

    /// The link to this address with `values`.
    func path(_ values: Values) -> String {
        var path = "/" + pattern
        for (name, text) in zip(names, write(values)) {
            let escaped = text.addingPercentEncoding(withAllowedCharacters: pathSegmentCharacters) ?? text
            path = path.replacingOccurrences(of: "{\(name)}", with: escaped)
        }
        return path
    }

    /// The values of the address a request came to.
    func values(_ context: WebContext) throws -> Values {
        let texts = try names.map { try context.parameters.require($0) }
        guard let values = read(texts) else { throw HTTPError(.notFound) }
        return values
    }
}

extension Route where Values == Void {
    init(_ pattern: String) {
        self.init(pattern, write: { _ in [] }, read: { _ in () })
    }

    var path: String { path(()) }
}

extension Route where Values: PathValue {
    init(_ pattern: String) {
        self.init(pattern, write: { [$0.pathText] }, read: { $0.count == 1 ? Values(pathText: $0[0]) : nil })
    }
}

extension Route {
    init<A: PathValue, B: PathValue>(_ pattern: String) where Values == (A, B) {
        self.init(pattern, write: { [$0.0.pathText, $0.1.pathText] }, read: { texts in
            guard texts.count == 2, let a = A(pathText: texts[0]), let b = B(pathText: texts[1]) else { return nil }
            return (a, b)
        })
    }
}

extension Route {
    init<A: PathValue, B: PathValue, C: PathValue>(_ pattern: String) where Values == (A, B, C) {
        self.init(pattern, write: { [$0.0.pathText, $0.1.pathText, $0.2.pathText] }, read: { texts in
            guard texts.count == 3, let a = A(pathText: texts[0]), let b = B(pathText: texts[1]),
                  let c = C(pathText: texts[2]) else { return nil }
            return (a, b, c)
        })
    }
}

/// Every address of the web application, in one list: the router registers these patterns and
/// every link and redirect is built from them.
enum WebRoutes {
    static let home = Route<Void>("")
    static let signIn = Route<Void>("connexion")
    static let signOut = Route<Void>("deconnexion")
    static let stylesheet = Route<Void>("static/style.css")
    static let health = Route<Void>("sante")

    // Public: anyone holding a parchemin's code checks it.
    static let verification = Route<Void>("verification")
    static let verificationCode = Route<String>("verification/{code}")

    // The candidate's own space.
    static let portal = Route<Void>("mon-dossier")
    static let portalAttestation = Route<Void>("mon-dossier/attestation.pdf")
    static let portalParchemin = Route<Void>("mon-dossier/parchemin.pdf")
    static let portalPersonalData = Route<Void>("mon-dossier/donnees-personnelles.zip")
    static let portalDeposits = Route<Void>("mon-dossier/depots")
    static let portalReceipt = Route<DepositID>("mon-dossier/depots/{deposit}/accuse-de-depot.pdf")
    static let portalDepositFile = Route<(DepositID, Int64)>("mon-dossier/depots/{deposit}/fichiers/{position}")

    /// The POST addresses whose body streams to disk (documents): `CSRFMiddleware` leaves it unread.
    static let streamed: Set<String> = [portalDeposits.path]

    /// The POST addresses that take a file read in memory (a cohort's CSV files, a référentiel, a
    /// report, surveys): up to `WebContext.maxUploadSize`. Every other form: `formLimit`.
    static let fileUploads: Set<String> = [importCohort.path, importReferentiel.path, cpfReport.path, surveyFile.path]
    /// The largest body of a form without a file (a promotion's entry page is the largest: 1 MiB
    /// holds thousands of lines).
    static let formLimit = 1 << 20

    // The staff's workspace.
    static let dashboard = Route<Void>("tableau-de-bord")
    static let cohorts = Route<Void>("promotions")
    static let cohort = Route<String>("promotions/{cohort}")
    static let cohortCSV = Route<String>("promotions/{cohort}/candidats.csv")
    static let cohortDeposits = Route<String>("promotions/{cohort}/depots")
    static let cohortDepositsCSV = Route<String>("promotions/{cohort}/depots.csv")
    static let cohortEntry = Route<String>("promotions/{cohort}/saisie")
    static let candidate = Route<CandidateID>("candidats/{id}")
    static let candidateAttestation = Route<CandidateID>("candidats/{id}/attestation.pdf")
    static let evaluations = Route<CandidateID>("candidats/{id}/evaluations")
    static let correction = Route<(CandidateID, Int64)>("candidats/{id}/evaluations/{event}/correction")
    static let queue = Route<Void>("a-evaluer")
    static let depositFile = Route<(CandidateID, DepositID, Int64)>("candidats/{id}/depots/{deposit}/fichiers/{position}")

    // The gestionnaire's.
    static let candidates = Route<Void>("candidats")
    static let candidatesCSV = Route<Void>("candidats.csv")
    static let enrol = Route<Void>("inscription")
    static let imports = Route<Void>("import")
    static let importCohort = Route<Void>("import/promotion")
    static let confirmImport = Route<Void>("import/promotion/confirmer")
    static let importReferentiel = Route<Void>("import/referentiel")
    static let accounts = Route<Void>("comptes")
    static let publications = Route<Void>("publications")
    static let calendar = Route<Void>("calendrier")
    static let extensions = Route<CandidateID>("candidats/{id}/delais")
    static let identity = Route<CandidateID>("candidats/{id}/etat-civil")
    static let personalData = Route<CandidateID>("candidats/{id}/donnees-personnelles.zip")
    static let accountCohorts = Route<Int64>("comptes/{account}/promotions")
    static let cohortAccounts = Route<Void>("comptes/promotion")
    static let accountLink = Route<Int64>("comptes/{account}/lien")
    static let accountDeactivation = Route<Int64>("comptes/{account}/desactivation")
    static let invitation = Route<String>("invitation/{token}")
    static let ownPassword = Route<Void>("mot-de-passe")

    // The jury secretary's.
    static let sessions = Route<Void>("jury")
    static let sessionsCSV = Route<Void>("jury.csv")
    static let session = Route<JurySessionID>("jury/{session}")
    static let members = Route<JurySessionID>("jury/{session}/membres")
    static let memberRemoval = Route<JurySessionID>("jury/{session}/membres/retrait")
    static let directoryMember = Route<JurySessionID>("jury/{session}/membres/annuaire")
    static let directory = Route<Void>("annuaire-du-jury")
    static let directoryCSV = Route<Void>("annuaire-du-jury.csv")
    static let directoryAccount = Route<Int64>("annuaire-du-jury/{person}/compte")
    static let convocation = Route<JurySessionID>("jury/{session}/convocation")
    static let proposals = Route<JurySessionID>("jury/{session}/propositions")
    static let closing = Route<JurySessionID>("jury/{session}/cloture")
    static let decision = Route<(JurySessionID, CandidateID)>("jury/{session}/candidats/{candidate}")
    static let juryDepositFile = Route<(JurySessionID, DepositID, Int64)>("jury/{session}/depots/{deposit}/fichiers/{position}")
    static let minutesPDF = Route<JurySessionID>("jury/{session}/pv.pdf")
    static let minutesCSV = Route<JurySessionID>("jury/{session}/pv.csv")
    static let sessionAttestation = Route<(JurySessionID, CandidateID)>("jury/{session}/attestations/{candidate}.pdf")
    static let memberStanding = Route<JurySessionID>("jury/{session}/membres/presence")
    static let amendment = Route<JurySessionID>("jury/{session}/avenant")
    static let draftMinutes = Route<JurySessionID>("jury/{session}/projet-pv.pdf")
    static let notifications = Route<JurySessionID>("jury/{session}/notifications.zip")
    static let notification = Route<(JurySessionID, CandidateID)>("jury/{session}/notifications/{candidate}.pdf")
    static let sessionParchemins = Route<JurySessionID>("jury/{session}/parchemins")
    static let closingReview = Route<JurySessionID>("jury/{session}/cloture")
    static let register = Route<Void>("parchemins")
    static let registerCSV = Route<Void>("parchemins.csv")
    static let parcheminFile = Route<String>("parchemins/{serial}")
    static let certifierProfile = Route<Void>("certificateur")
    static let statistics = Route<Void>("statistiques")
    static let statisticsCSV = Route<Void>("statistiques.csv")
    static let surveys = Route<Void>("statistiques/enquetes")
    static let surveyFile = Route<Void>("statistiques/enquetes/fichier")
    static let cpf = Route<Void>("cpf")
    static let cpfCSV = Route<Void>("cpf.csv")
    static let cpfSettings = Route<Void>("cpf/parametres")
    static let cpfFlux = Route<Void>("cpf/flux")
    static let cpfReport = Route<Void>("cpf/rapport")
}

extension RouterMethods {
    /// Registers `handler` for GET on the address `route`.
    @discardableResult
    func get<Values>(_ route: Route<Values>,
                     use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        get(RouterPath(route.pattern), use: handler)
    }

    /// Registers `handler` for POST on the address `route`.
    @discardableResult
    func post<Values>(_ route: Route<Values>,
                      use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        post(RouterPath(route.pattern), use: handler)
    }
}
