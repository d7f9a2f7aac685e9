/// The explorer's addresses under `/publik/data/{slug}`. Every page has a JSON twin at the same
/// path with `.json` on its last segment and the same query parameters (Datasette's habit), so a
/// program reads exactly what a visitor sees.
enum ExplorerPath: Equatable, Sendable {
    /// The table of the current version (`version` nil) or of an earlier one: `/publik/data/{slug}`,
    /// `/publik/data/{slug}/versi/{n}`, or their `.json`.
    case table(version: Int?, json: Bool)
    /// `…/grafik.svg` or `…/grafik.json` below the table's address.
    case chart(version: Int?, json: Bool)
    /// `…/data.csv`, `data-excel.csv`, `data.json` below the table's address.
    case file(version: Int?, String)
    /// `/publik/data/{slug}/versi`: the accepted versions.
    case versions(json: Bool)
    /// `/publik/data/{slug}/versi/{n}/perubahan`: what changed against the accepted version before.
    case changes(Int, json: Bool)

    func path(_ slug: String) -> String {
        let base = "/publik/data/\(slug)"
        func table(_ version: Int?) -> String { version.map { "\(base)/versi/\($0)" } ?? base }
        let json = ".json"
        return switch self {
        case .table(let version, let isJSON): table(version) + (isJSON ? json : "")
        case .chart(let version, let isJSON): table(version) + "/grafik" + (isJSON ? json : ".svg")
        case .file(let version, let name): table(version) + "/" + name
        case .versions(let isJSON): base + "/versi" + (isJSON ? json : "")
        case .changes(let number, let isJSON): "\(base)/versi/\(number)/perubahan" + (isJSON ? json : "")
        }
    }
}
