// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "CaseDesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "casedesk", targets: ["casedesk"]),
        .executable(name: "casedesk-bench", targets: ["casedesk-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "CaseModel"),
        .target(
            name: "RulePacks",
            dependencies: ["CaseModel", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Packs"), .copy("Catalogue")]
        ),
        .target(
            name: "CaseInterchange",
            dependencies: ["CaseModel", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/examples.json")]
        ),
        .target(
            name: "CaseStore",
            dependencies: ["CaseModel", "CaseInterchange"]
        ),
        .target(
            name: "CaseStoreSQLite",
            dependencies: [
                "CaseModel", "CaseStore", "CaseInterchange",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "CaseTraining",
            dependencies: ["CaseModel", "CaseStore", "CaseInterchange", "RulePacks"],
            resources: [.copy("Resources/Scenarios")]
        ),
        .target(name: "CaseTUI", dependencies: ["CaseModel", "CaseStore", "CaseTraining", "CNcurses"]),
        .executableTarget(
            name: "casedesk",
            dependencies: [
                "CaseTUI", "CaseStore", "CaseStoreSQLite", "CaseTraining", "CaseInterchange", "CaseModel", "RulePacks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "casedesk-bench",
            dependencies: [
                "CaseTUI", "CaseStore", "CaseStoreSQLite", "CaseTraining", "CaseModel", "RulePacks",
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CaseModelTests", dependencies: ["CaseModel"]),
        .testTarget(name: "RulePacksTests", dependencies: ["RulePacks", "CaseModel"]),
        .target(
            name: "StoreTestSupport",
            dependencies: ["CaseStore", "CaseStoreSQLite", "CaseTraining", "CaseInterchange", "CaseModel"],
            path: "Tests/StoreTestSupport"
        ),
        .testTarget(
            name: "CaseStoreTests",
            dependencies: [
                "StoreTestSupport", "CaseStore", "CaseStoreSQLite", "CaseTraining", "CaseInterchange", "CaseModel",
                "RulePacks",
            ]
        ),
        .testTarget(
            name: "CaseStoreSQLiteTests",
            dependencies: [
                "StoreTestSupport", "CaseStore", "CaseStoreSQLite", "CaseTraining", "CaseInterchange", "CaseModel",
                "RulePacks", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "CaseTUITests",
            dependencies: [
                "CaseTUI", "CaseStore", "CaseStoreSQLite", "CaseTraining", "CaseModel", "RulePacks",
            ],
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
