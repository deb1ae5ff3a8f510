// swift-tools-version: 6.0
import PackageDescription

// The pipeline's stages are modules of their own, and the folders show the flow:
// Content/ → RosterLoading → RosterValidation → RosterAnalysis → RosterMarkdown/RosterRendering
// → RosterPublishing → Output/. RosterBuild ties them into one Builder; `roster` is a thin CLI.
let package = Package(
    name: "Roster",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "roster", targets: ["roster"]),
        .library(name: "RosterBuild", targets: ["RosterBuild"]),
        // The stages on their own, for the fuzzing package in Fuzz/.
        .library(name: "RosterStages", targets: ["RosterLoading", "RosterMarkdown", "RosterRendering", "RosterModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections.git", exact: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CRosterSystem"),
        .target(name: "CCmarkGFMThreads"),
        .target(name: "RosterModel"),
        .target(name: "RosterLoading", dependencies: ["RosterModel", .product(name: "Yams", package: "Yams")]),
        .target(name: "RosterValidation", dependencies: ["RosterModel"]),
        .target(name: "RosterAnalysis", dependencies: ["RosterModel"]),
        .target(name: "RosterMarkdown", dependencies: ["RosterModel", "CCmarkGFM", "CCmarkGFMThreads"]),
        .target(name: "RosterCharts", dependencies: ["RosterModel"]),
        .target(name: "RosterRendering", dependencies: [
            "RosterModel", "RosterAnalysis", "RosterMarkdown", "RosterCharts",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "OrderedCollections", package: "swift-collections"),
        ], plugins: ["RosterCodegenPlugin"]),
        .target(name: "RosterPublishing", dependencies: ["RosterModel", "RosterAnalysis", "CRosterSystem"]),
        .target(name: "RosterBuild", dependencies: [
            "CRosterSystem", "RosterModel", "RosterLoading", "RosterValidation", "RosterAnalysis",
            "RosterMarkdown", "RosterRendering", "RosterPublishing",
        ]),
        .target(name: "RosterScaffold", dependencies: ["RosterModel"], plugins: ["RosterCodegenPlugin"]),
        // Code written at build time, not committed: the view models' Mustache lookups and the
        // embedded default theme (see Plugins/RosterCodegenPlugin).
        .executableTarget(name: "RosterCodegen"),
        .plugin(name: "RosterCodegenPlugin", capability: .buildTool(), dependencies: ["RosterCodegen"]),
        .target(name: "RosterServe", dependencies: [
            "RosterBuild", "RosterModel", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "roster", dependencies: [
            "RosterBuild", "RosterModel", "RosterScaffold", "RosterServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "RosterModelTests", dependencies: ["RosterModel"]),
        .testTarget(name: "RosterLoadingTests", dependencies: ["RosterLoading", "RosterModel"]),
        .testTarget(name: "RosterValidationTests", dependencies: ["RosterValidation", "RosterModel"]),
        .testTarget(name: "RosterAnalysisTests", dependencies: ["RosterAnalysis", "RosterModel"]),
        .testTarget(name: "RosterMarkdownTests", dependencies: ["RosterMarkdown", "RosterModel"]),
        .testTarget(name: "RosterChartsTests", dependencies: ["RosterCharts"]),
        .testTarget(name: "RosterRenderingTests", dependencies: ["RosterRendering", "RosterMarkdown", "RosterModel"]),
        .testTarget(name: "RosterPublishingTests", dependencies: ["RosterPublishing", "RosterAnalysis", "RosterModel"]),
        .testTarget(name: "RosterScaffoldTests", dependencies: ["RosterScaffold", "RosterBuild", "RosterModel"]),
        .testTarget(name: "RosterServeTests", dependencies: ["RosterServe", "RosterBuild"]),
        .testTarget(name: "EndToEndTests", dependencies: ["RosterBuild", "RosterModel"]),
    ],
    swiftLanguageModes: [.v6]
)
