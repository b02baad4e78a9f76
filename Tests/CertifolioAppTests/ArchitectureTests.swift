import Foundation
import Testing

/// The one door, as the sources say it: the CLI, the web and the benchmark reach the store only
/// through `Certifolio` (CertifolioApp). SwiftPM lets a target import a module it reaches
/// transitively, so the rule is checked here rather than left to the build.
@Suite struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let edges = ["Sources/certifolio", "Sources/CertifolioWeb", "Sources/certifolio-bench"]

    @Test(arguments: edges) func noEdgeImportsTheStore(_ folder: String) throws {
        let base = Self.root.appendingPathComponent(folder)
        let files = try #require(FileManager.default.enumerator(atPath: base.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("import CertifolioStore"), "\(folder)/\(file) importe le store")
            #expect(!text.contains("AppDatabase"), "\(folder)/\(file) nomme AppDatabase")
        }
    }

    @Test func noEdgeTargetDependsOnTheStore() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        for target in ["\"certifolio\"", "\"CertifolioWeb\"", "\"certifolio-bench\""] {
            // The target declaration (its name ends the line; a product's is followed by its targets).
            let start = try #require(manifest.range(of: "name: \(target),\n"))
            let declaration = manifest[start.upperBound...].prefix { $0 != "]" }
            #expect(declaration.contains("\"CertifolioApp\""), "\(target) passe par CertifolioApp")
            #expect(!declaration.contains("\"CertifolioStore\""), "\(target) ne dépend pas du store")
        }
    }
}
