// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "walidata",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "walidata", targets: ["WalidataCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0" ..< "5.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // Pure rules: SOP definition, working-time arithmetic, the event hash chain. No Vapor, no Fluent.
        .target(name: "WalidataCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // The system SQLite (libsqlite3-dev), used directly for the per-version data tables where
        // bulk loading needs the C API; Fluent keeps using its own copy for metadata.
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // CSV checking and profiling, per-version tables, queries, comparisons. No Vapor, no Fluent.
        .target(name: "WalidataTables", dependencies: ["WalidataCore", "CSQLite", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "Walidata",
            dependencies: [
                "WalidataCore",
                "WalidataTables",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(name: "WalidataCLI", dependencies: ["Walidata"]),
        .testTarget(name: "WalidataCoreTests", dependencies: ["WalidataCore"]),
        .testTarget(name: "WalidataTablesTests", dependencies: ["WalidataTables"]),
        .testTarget(
            name: "WalidataTests",
            dependencies: [
                "Walidata",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
