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
    ],
    targets: [
        // Pure rules: SOP definition, working-time arithmetic. No Vapor, no Fluent.
        .target(name: "WalidataCore"),
        .target(
            name: "Walidata",
            dependencies: [
                "WalidataCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        .executableTarget(name: "WalidataCLI", dependencies: ["Walidata"]),
        .testTarget(name: "WalidataCoreTests", dependencies: ["WalidataCore"]),
        .testTarget(
            name: "WalidataTests",
            dependencies: [
                "Walidata",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
