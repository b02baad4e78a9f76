import CertifolioApp
import CertifolioCore

/// The sample certifiers' particulars (`certifolio certifier set`). No fiche publishes them:
/// the addresses, signatories and appeal mentions below are examples that a certifier replaces
/// with its own, worded by its legal service.
enum DemoCertifiers {
    static let profiles = [
        CertifierProfile(
            siret: "92383753800019", address: "AROBASE INGENIERIE — service des certifications\n"
                + "10 rue de l'Exemple\n75011 Paris", city: "Paris", signatoryName: "Camille Martin",
            signatoryQuality: "Présidente",
            appeal: "Exemple de mention : la décision du jury peut faire l'objet d'un recours gracieux motivé, adressé "
                + "au président du jury dans un délai de deux mois à compter de sa notification.",
            verificationURL: "https://certifolio.example/verification"),
        CertifierProfile(
            siret: "19753471200017", address: "Conservatoire national des arts et métiers\n292 rue Saint-Martin\n"
                + "75003 Paris", city: "Paris", signatoryName: "Dominique Durand",
            signatoryQuality: "Administrateur général du Cnam, par délégation",
            appeal: "Exemple de mention : la décision peut faire l'objet d'un recours gracieux auprès du président du "
                + "jury ou d'un recours contentieux devant le tribunal administratif compétent, dans un délai de "
                + "deux mois à compter de sa notification.",
            verificationURL: "https://certifolio.example/verification"),
    ]

    static func set(on app: Certifolio, actor: Actor) throws {
        for profile in profiles { try app.setCertifierProfile(profile, actor: actor) }
    }
}
