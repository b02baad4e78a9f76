// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Certifolio",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "certifolio", targets: ["certifolio"]),
        .executable(name: "certifolio-bench", targets: ["certifolio-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        // Value types of the domain: no I/O, no database.
        .target(name: "CertifolioCore"),
        // Pure rules engine: (record, référentiel, date) -> verdict with reasons.
        .target(name: "CertifolioRules", dependencies: ["CertifolioCore"]),
        // SQLite through GRDB: AppDatabase, migrations from Schema/, use-case methods.
        .target(
            name: "CertifolioStore",
            dependencies: [
                "CertifolioCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Schema")]
        ),
        // Files in and out: référentiel YAML, cohort CSV, verdict JSON.
        .target(
            name: "CertifolioInterchange",
            dependencies: ["CertifolioCore", "CertifolioRules", .product(name: "Yams", package: "Yams")],
            // The Caisse des Dépôts' CPF accrochage schema, validated against with libxml2 (loaded at run time).
            resources: [.copy("Schemas")]
        ),
        // A small typesetter over cairo + pango: A4 pages, paragraphs, tables, boxes -> PDF.
        // cairo and pango are loaded at run time from the system's runtime libraries (no -dev
        // package needed to build; see PangoCairo.swift).
        .target(name: "CertifolioPDF", dependencies: ["CertifolioCore"]),
        // Verdicts, sessions and cohorts for people: French tables, PV, attestations (text, CSV, PDF).
        .target(name: "CertifolioReports", dependencies: ["CertifolioCore", "CertifolioRules", "CertifolioPDF"]),
        // The one door (`Certifolio`) for the CLI, the web and the benchmark: typed use cases that
        // check every rule, then the store's transaction. The store is reached only from here.
        .target(
            name: "CertifolioApp",
            dependencies: ["CertifolioCore", "CertifolioRules", "CertifolioStore", "CertifolioInterchange",
                           "CertifolioReports", "CertifolioPDF",
                           .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The web application: Hummingbird routes, pages, sessions, roles; writes through the door.
        .target(
            name: "CertifolioWeb",
            dependencies: [
                "CertifolioCore", "CertifolioRules", "CertifolioInterchange", "CertifolioReports", "CertifolioApp",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Static")]
        ),
        // The executable: ArgumentParser subcommands, thin.
        .executableTarget(
            name: "certifolio",
            dependencies: [
                "CertifolioCore", "CertifolioRules", "CertifolioInterchange", "CertifolioReports",
                "CertifolioApp", "CertifolioWeb", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Benchmark program: prints figures, never a timed test.
        .executableTarget(
            name: "certifolio-bench",
            dependencies: ["CertifolioCore", "CertifolioRules", "CertifolioInterchange", "CertifolioApp",
                           "CertifolioReports", "CertifolioWeb"]
        ),
        // The readers' fuzzing program: libFuzzer with `-sanitize=fuzzer -DFUZZING`, else a replayer
        // of its corpus (Benchmarks/fuzz-readers.sh).
        .executableTarget(
            name: "certifolio-fuzz",
            dependencies: ["CertifolioCore", "CertifolioRules", "CertifolioInterchange"]
        ),
        .testTarget(name: "CertifolioCoreTests", dependencies: ["CertifolioCore"]),
        .testTarget(name: "CertifolioRulesTests", dependencies: ["CertifolioRules", "CertifolioInterchange"]),
        .testTarget(name: "CertifolioStoreTests", dependencies: ["CertifolioStore", "CertifolioInterchange", "CertifolioRules"]),
        .testTarget(name: "CertifolioInterchangeTests", dependencies: ["CertifolioInterchange", "CertifolioTestSupport"],
                    exclude: ["accrochage-example.xml"]),
        .testTarget(name: "CertifolioReportsTests", dependencies: ["CertifolioReports", "CertifolioInterchange"]),
        .testTarget(name: "CertifolioPDFTests", dependencies: ["CertifolioPDF", "CertifolioTestSupport"]),
        .testTarget(name: "CertifolioAppTests",
                    dependencies: ["CertifolioApp", "CertifolioInterchange", "CertifolioReports", "CertifolioRules",
                                   "CertifolioTestSupport"]),
        // Helpers shared by test targets: reading the project's own PDFs back, in Swift; the seeded mutator.
        .target(name: "CertifolioTestSupport", dependencies: ["CZlib"], path: "Tests/Support"),
        // zlib (Debian's zlib1g-dev, on every machine of this kind) to inflate PDF streams.
        .systemLibrary(name: "CZlib", path: "Tests/CZlib"),
        .testTarget(name: "CertifolioCLITests", dependencies: ["certifolio", "CertifolioApp", "CertifolioCore", "CertifolioTestSupport"]),
        .testTarget(name: "CertifolioWebTests",
                    dependencies: ["CertifolioWeb", "CertifolioApp", "CertifolioCore", "CertifolioRules",
                                   "CertifolioReports", "CertifolioTestSupport",
                                   .product(name: "HummingbirdTesting", package: "hummingbird")]),
    ]
)
