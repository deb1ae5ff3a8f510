// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for Roster's parsers, in a package of their own so that the main package never
// links a fuzzer. Built and run by `make fuzz SECONDS=N` with -sanitize=fuzzer,address.
let package = Package(
    name: "RosterFuzz",
    dependencies: [.package(path: "roster")],  // roster is a link to the repository
    targets: [
        .target(name: "CFuzzDriver"),
        .executableTarget(name: "RosterFuzz", dependencies: ["CFuzzDriver", .product(name: "RosterStages", package: "roster")]),
    ]
)
