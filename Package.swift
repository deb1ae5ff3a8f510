// swift-tools-version: 6.0
import PackageDescription

// The pipeline's stages are modules of their own, and the folders show the flow:
// Content/ → RosterLoading → RosterValidation → RosterAnalysis / RosterMarkdown → RosterTemplates
// → RosterRendering → RosterPublishing → Output/. RosterBuild ties them into one Builder; `roster`
// is a thin command line around it. docs/architecture.md draws the graph.
let package = Package(
    name: "Roster",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "roster", targets: ["roster"]),
        .library(name: "RosterBuild", targets: ["RosterBuild"]),
        // The stages on their own, for the fuzzing package in Fuzz/.
        .library(name: "RosterStages", targets: ["RosterLoading", "RosterMarkdown", "RosterRendering", "RosterModel", "RosterSupport"]),
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
        // C: cmark-gfm from Debian, its thread-safety shim, and the system calls Swift lacks.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CCmarkGFMThreads"),
        .target(name: "CRosterSystem"),

        // The small core: helpers every stage shares, and the model.
        .target(name: "RosterSupport"),
        .target(name: "RosterModel"),

        // The pipeline, in order: load → validate → analyse / markdown → templates → render → publish.
        .target(name: "RosterLoading", dependencies: ["RosterModel", "RosterSupport", .product(name: "Yams", package: "Yams")],
                plugins: ["RosterCodegenPlugin"]),
        .target(name: "RosterValidation", dependencies: ["RosterModel", "RosterSupport"]),
        .target(name: "RosterAnalysis", dependencies: ["RosterModel", "RosterSupport"]),
        .target(name: "RosterMarkdown", dependencies: ["RosterModel", "RosterSupport", "CCmarkGFM", "CCmarkGFMThreads"]),
        .target(name: "RosterCharts", dependencies: ["RosterModel", "RosterSupport"]),
        .target(name: "RosterTemplates", dependencies: [
            "RosterModel", "RosterSupport", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "RosterRendering", dependencies: [
            "RosterModel", "RosterSupport", "RosterLoading", "RosterAnalysis", "RosterMarkdown", "RosterCharts",
            "RosterTemplates",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "OrderedCollections", package: "swift-collections"),
        ], plugins: ["RosterCodegenPlugin"]),
        .target(name: "RosterPublishing", dependencies: ["RosterModel", "RosterSupport", "RosterAnalysis", "CRosterSystem"]),
        .target(name: "RosterBuild", dependencies: [
            "CRosterSystem", "RosterModel", "RosterSupport", "RosterLoading", "RosterValidation", "RosterAnalysis",
            "RosterMarkdown", "RosterTemplates", "RosterRendering", "RosterPublishing",
        ]),

        // The shells around the Builder: the dev server, the scaffolder, the command line.
        .target(name: "RosterServe", dependencies: [
            "RosterBuild", "RosterModel", "RosterPublishing", "RosterSupport", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "RosterScaffold", dependencies: ["RosterModel", "RosterSupport", "RosterLoading"], plugins: ["RosterCodegenPlugin"]),
        .executableTarget(name: "roster", dependencies: [
            "RosterBuild", "RosterModel", "RosterSupport", "RosterScaffold", "RosterServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Code written at build time, not committed: the view models' Mustache lookups and the
        // embedded default theme (see Plugins/RosterCodegenPlugin).
        .executableTarget(name: "RosterCodegen"),
        .plugin(name: "RosterCodegenPlugin", capability: .buildTool(), dependencies: ["RosterCodegen"]),

        // Tests mirror the modules; EndToEndTests build real sites; RosterStressTests are the long
        // cases (`make test-stress`); RosterTestSupport holds the fixtures and helpers they share.
        .target(name: "RosterTestSupport", dependencies: ["RosterBuild", "RosterModel", "RosterSupport"],
                path: "Tests/RosterTestSupport"),
        .testTarget(name: "RosterSupportTests", dependencies: ["RosterSupport"]),
        .testTarget(name: "RosterModelTests", dependencies: ["RosterModel", "RosterSupport", "RosterTestSupport"]),
        .testTarget(name: "RosterLoadingTests", dependencies: ["RosterLoading", "RosterModel", "RosterSupport"]),
        .testTarget(name: "RosterValidationTests", dependencies: ["RosterValidation", "RosterModel"]),
        .testTarget(name: "RosterAnalysisTests", dependencies: ["RosterAnalysis", "RosterModel", "RosterSupport"]),
        .testTarget(name: "RosterMarkdownTests", dependencies: ["RosterMarkdown", "RosterModel"]),
        .testTarget(name: "RosterChartsTests", dependencies: ["RosterCharts", "RosterLoading", "RosterModel"]),
        .testTarget(name: "RosterTemplatesTests", dependencies: ["RosterTemplates", "RosterModel", "RosterSupport", "RosterTestSupport"]),
        .testTarget(name: "RosterRenderingTests", dependencies: ["RosterRendering", "RosterAnalysis", "RosterTemplates", "RosterMarkdown", "RosterModel",
                                                         "RosterLoading", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "RosterPublishingTests", dependencies: ["RosterPublishing", "RosterAnalysis", "RosterModel", "RosterSupport"]),
        .testTarget(name: "RosterBuildTests", dependencies: ["RosterBuild", "RosterModel", "RosterRendering", "RosterTestSupport"]),
        .testTarget(name: "RosterScaffoldTests", dependencies: [
            "RosterScaffold", "RosterBuild", "RosterModel", "RosterTestSupport", .product(name: "Yams", package: "Yams"),
        ]),
        .testTarget(name: "RosterServeTests", dependencies: ["RosterServe", "RosterBuild", "RosterTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["RosterBuild", "RosterModel", "RosterPublishing", "RosterSupport", "RosterTestSupport"]),
        .testTarget(name: "RosterStressTests", dependencies: ["RosterBuild", "RosterModel", "RosterSupport", "RosterTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
