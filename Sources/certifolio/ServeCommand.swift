import ArgumentParser
import CertifolioApp
import CertifolioCore
import CertifolioWeb
import Foundation
import Hummingbird
import Logging

/// `certifolio serve`: the web application for candidates, staff and jury secretaries.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Sert l'application web (candidats, évaluateurs, gestionnaires, secrétaires de jury).")

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "Port d'écoute.")
    var port: Int = 8080

    @Option(name: .long, help: "Adresse d'écoute (127.0.0.1 : cette machine seulement).")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Cookies de session envoyés en HTTPS seulement (derrière un proxy TLS).")
    var secureCookies = false

    @Option(name: .long, help: "Date de référence des situations (AAAA-MM-JJ ; par défaut : aujourd'hui).")
    var asOf: Day?

    func run() async throws {
        // Structured logs: one JSON object per line on the standard error, without personal data.
        LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
        var today: @Sendable () -> Day = Today.day
        if let asOf { today = { asOf } }
        let certifolio = try Certifolio.open(path: database.db)
        // What a crash during a deposit may have left: files received, never recorded.
        try certifolio.sweepStrayFiles()
        let app = try await WebApp.application(
            app: certifolio, configuration: .init(host: host, port: port, secureCookies: secureCookies), today: today)
        print("Certifolio : http://\(host):\(port)/ (base \(database.db)) — Ctrl+C pour arrêter.")
        try await app.runService()
    }
}
