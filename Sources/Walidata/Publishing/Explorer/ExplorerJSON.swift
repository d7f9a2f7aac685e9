import Foundation
import Vapor
import WalidataTables

/// The explorer's JSON twins: the same data as the page, values typed, links to the next page
/// and to the downloads. Keys are snake_case, dates ISO 8601.
enum ExplorerJSON {
    struct DatasetInfo: Encodable {
        var slug: String
        var title: String
        var description: String
        var organization: String
        var topic: String
        var license: String
        var url: String
    }

    struct VersionInfo: Encodable {
        var number: Int
        var createdAt: Date?
        var changeNote: String
        var rowCount: Int64
        var columnCount: Int
        var current: Bool
        var url: String
        var json: String
    }

    struct Column: Encodable {
        var name: String
        var type: String
        var filled: Int
        var empty: Int
        var distinct: Int
        var distinctCapped: Bool
        var min: String?
        var max: String?
    }

    struct Table: Encodable {
        var dataset: DatasetInfo
        var version: VersionInfo?
        var columns: [Column]
        /// Rows matching the filters, of `tableRows` in the version.
        var total: Int
        var tableRows: Int
        var offset: Int
        var limit: Int
        var rowNumbers: [Int]
        var rows: [[TableValue]]
        var links: [String: String]
        /// The chart's series when the page asks for one (`x`, `y`, …).
        var chart: Chart?
        /// Each row's cells as read, so a decimal keeps its digits (`json()`); not a field itself.
        var texts: [[String]] = []

        enum CodingKeys: String, CodingKey {
            case dataset, version, columns, total, tableRows, offset, limit, rowNumbers, rows, links, chart
        }
    }

    struct Versions: Encodable {
        var dataset: DatasetInfo
        var versions: [VersionInfo]
    }

    struct Changes: Encodable {
        var dataset: DatasetInfo
        var from: VersionInfo?
        var to: VersionInfo
        var comparison: TableComparison?
    }

    struct Chart: Encodable {
        struct Point: Encodable {
            var label: String
            var category: TableValue
            var value: Double
            var rows: Int
            var other: Bool
        }
        var x: String
        var y: String
        var agg: String
        var kind: String
        var title: String
        var rows: Int
        var series: [Point]
        var links: [String: String]
    }

    static func chart(_ a: TableAggregation, choice: ExplorerChart.Choice, points: [ExplorerChart.Point], t: Translator,
                      links: [String: String]) -> Chart {
        Chart(x: a.x, y: a.y, agg: choice.function.rawValue, kind: choice.kind.rawValue, title: ExplorerChart.title(choice, aggregation: a, t: t),
              rows: a.rowCount, series: points.map { .init(label: $0.label, category: $0.category, value: $0.value, rows: $0.rows, other: $0.isRest) },
              links: links)
    }

    static func dataset(_ d: Dataset) -> DatasetInfo {
        DatasetInfo(slug: d.slug, title: d.title, description: d.description, organization: d.$organization.value?.name ?? "",
                    topic: d.topic, license: d.license, url: SiteURL.publicDataset(d.slug).path)
    }

    static func version(_ v: DatasetVersion, of d: Dataset, current: Bool) -> VersionInfo {
        VersionInfo(number: v.number, createdAt: v.createdAt, changeNote: v.changeNote, rowCount: v.rowCount, columnCount: v.columnCount,
                    current: current, url: SiteURL.publicExplorer(d.slug, .table(version: v.number, json: false)).path,
                    json: SiteURL.publicExplorer(d.slug, .table(version: v.number, json: true)).path)
    }

    static func columns(_ profiles: [ColumnProfile]) -> [Column] {
        profiles.map {
            Column(name: $0.name, type: $0.type.rawValue, filled: $0.valueCount, empty: $0.nullCount, distinct: $0.distinctCount,
                   distinctCapped: $0.distinctCountIsCapped, min: $0.minimum, max: $0.maximum)
        }
    }

    /// snake_case keys, sorted; ISO 8601 dates; slashes as they are.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func response<T: Encodable>(_ value: T, status: HTTPResponseStatus = .ok) throws -> Response {
        try response(bytes: Array(encoder.encode(value)), status: status)
    }

    static func response(_ table: Table) throws -> Response { try response(bytes: table.json()) }

    static func response(bytes: [UInt8], status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(buffer: ByteBuffer(bytes: bytes)))
    }
}
