import Fluent
import Foundation
import SQLKit
import WalidataCore
import WalidataTables

/// The full-text index of the catalogue: one row per dataset with its stemmed words in four
/// weighted fields (title; tags, topic and agency; description and the other metadata; the
/// current table's column names). The words are computed here in Swift (`SearchText`), so
/// SQLite's FTS5 and PostgreSQL's full-text search (configuration 'simple', which only splits
/// and lower-cases) index exactly the same words and rank on them.
///
/// The index holds every dataset, public or not: who may see what is decided at query time by
/// `CatalogSearch` with the dataset's own rules, never by the index.
enum CatalogIndex {
    static let table = "catalog_search"

    /// A dataset's words, by field.
    struct Document: Equatable {
        var title: String
        var keywords: String
        var body: String
        var columns: String
    }

    static func isPostgres(_ sql: any SQLDatabase) -> Bool { sql.dialect.name == "postgresql" }

    /// Creates the index table (M021).
    static func create(on sql: any SQLDatabase) async throws {
        if isPostgres(sql) {
            try await sql.raw("""
                CREATE TABLE catalog_search (dataset_id UUID PRIMARY KEY, title TEXT NOT NULL, keywords TEXT NOT NULL,
                  body TEXT NOT NULL, columns TEXT NOT NULL, document TSVECTOR NOT NULL)
                """).run()
            try await sql.raw("CREATE INDEX catalog_search_document ON catalog_search USING GIN (document)").run()
        } else {
            // The words are already folded and stemmed; the tokenizer only splits on spaces.
            try await sql.raw("""
                CREATE VIRTUAL TABLE catalog_search USING fts5(dataset_id UNINDEXED, title, keywords, body, columns,
                  tokenize = 'unicode61 remove_diacritics 0')
                """).run()
        }
    }

    /// Creates the facet table (M022): one row per dataset, facet and value, what `CatalogSearch`
    /// counts with GROUP BY. `label` is what a reader sees (the agency's name for its code).
    static func createFacets(on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            CREATE TABLE catalog_facets (dataset_id \(unsafeRaw: isPostgres(sql) ? "UUID" : "TEXT") NOT NULL, facet TEXT NOT NULL,
              value TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (dataset_id, facet, value))
            """).run()
        try await sql.raw("CREATE INDEX catalog_facets_value ON catalog_facets (facet, value)").run()
    }

    static func drop(on sql: any SQLDatabase) async throws {
        try await sql.raw("DROP TABLE IF EXISTS catalog_search").run()
    }

    /// The words of one dataset row as the index query below reads it.
    /// The column field holds the current table's column names and their descriptions (those of
    /// columns the table has; a description of a dropped column waits for it to come back).
    static func document(title: String, description: String, tags: String, topic: String, organization: String,
                         otherMetadata: [String], report: String?, columnDescriptions: [String: String] = [:]) -> Document {
        let columns = columnNames(report: report)
        func words(_ parts: [String]) -> String { SearchText.terms(parts.joined(separator: " ")).joined(separator: " ") }
        return Document(title: words([title]), keywords: words([tags, topic, organization]),
                        body: words([description] + otherMetadata), columns: words(columns + columns.compactMap { columnDescriptions[$0] }))
    }

    static func columnNames(report: String?) -> [String] {
        guard let report, !report.isEmpty else { return [] }
        return columnNames(of: try? JSONDecoder().decode(CSVCheck.self, from: Data(report.utf8)))
    }

    /// A checked table's column names (its header when it has no profiled columns).
    static func columnNames(of check: CSVCheck?) -> [String] {
        guard let check else { return [] }
        return check.columns.isEmpty ? check.header : check.columns.map(\.name)
    }

    /// A dataset's facet values as `CatalogSearch.Hit.values` gives them, plus its licence (a CKAN
    /// facet): (facet, value, label).
    static func facetRows(organizationCode: String, organizationName: String, topic: String, tags: String, frequency: String,
                          period: String, license: String, filename: String?) -> [(String, String, String)] {
        let format = filename.map { ($0 as NSString).pathExtension.uppercased() }.flatMap { $0.isEmpty ? nil : $0 }
        let tagList = tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var rows: [(String, String, String)] = [(CatalogSearch.Facet.organization.rawValue, organizationCode, organizationName)]
        func add(_ facet: String, _ values: [String]) {
            for value in values where !value.isEmpty && !rows.contains(where: { $0.0 == facet && $0.1 == value }) { rows.append((facet, value, value)) }
        }
        add(CatalogSearch.Facet.topic.rawValue, [topic])
        add(CatalogSearch.Facet.tag.rawValue, tagList)
        add(CatalogSearch.Facet.format.rawValue, format.map { [$0] } ?? [])
        add(CatalogSearch.Facet.frequency.rawValue, [frequency])
        add(CatalogSearch.Facet.year.rawValue, CatalogSearch.years(in: period))
        add("license", [license])
        return rows
    }

    /// Writes the index row of each dataset in `ids` (or of every dataset) afresh, in the
    /// caller's transaction; a dataset that no longer exists loses its row.
    ///
    /// `withM022: false` is for M021, which runs before the facet and column-description tables exist.
    static func refresh(_ ids: [UUID]? = nil, on db: any Database, withM022: Bool = true) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let tables = withM022 ? [table, "catalog_facets"] : [table]
        for table in tables {
            if let ids {
                guard !ids.isEmpty else { return }
                if isPostgres(sql) {
                    try await sql.delete(from: table).where("dataset_id", .in, ids).run()
                } else {
                    try await sql.delete(from: table).where("dataset_id", .in, ids.map(\.uuidString)).run()
                }
            } else {
                try await sql.raw("DELETE FROM \(ident: table)").run()
            }
        }
        let descriptions = withM022 ? try await ColumnDescriptions.all(of: ids, on: sql) : [:]
        var select = sql.select()
            .columns(SQLColumn("id", table: "d"), SQLColumn("title", table: "d"), SQLColumn("description", table: "d"),
                     SQLColumn("tags", table: "d"), SQLColumn("topic", table: "d"), SQLColumn("coverage", table: "d"),
                     SQLColumn("unit", table: "d"), SQLColumn("source", table: "d"), SQLColumn("period", table: "d"),
                     SQLColumn("frequency", table: "d"), SQLColumn("license", table: "d"))
            .column(SQLColumn("name", table: "o"), as: "organization_name")
            .column(SQLColumn("code", table: "o"), as: "organization_code")
            .column(SQLColumn("report", table: "v"), as: "report")
            .column(SQLColumn("filename", table: "v"), as: "filename")
            .from(SQLAlias(SQLIdentifier("datasets"), as: SQLIdentifier("d")))
            .join(SQLAlias(SQLIdentifier("organizations"), as: SQLIdentifier("o")), on: SQLColumn("organization_id", table: "d"), .equal, SQLColumn("id", table: "o"))
            .join(SQLAlias(SQLIdentifier("dataset_versions"), as: SQLIdentifier("v")), method: SQLJoinMethod.left,
                  on: SQLColumn("current_version_id", table: "d"), .equal, SQLColumn("id", table: "v"))
        if let ids { select = select.where(SQLColumn("id", table: "d"), .in, SQLBind.group(ids)) }
        for row in try await select.all() {
            let id = try row.decode(column: "id", as: UUID.self)
            let text = { (column: String) in (try? row.decode(column: column, as: String.self)) ?? "" }
            let document = document(
                title: text("title"), description: text("description"), tags: text("tags"), topic: text("topic"),
                organization: text("organization_name") + " " + text("organization_code"),
                otherMetadata: [text("coverage"), text("unit"), text("source"), text("period")], report: text("report"),
                columnDescriptions: descriptions[id] ?? [:])
            try await insert(id, document, on: sql)
            guard withM022 else { continue }
            let filename = try? row.decode(column: "filename", as: String?.self)
            for (facet, value, label) in facetRows(
                organizationCode: text("organization_code"), organizationName: text("organization_name"), topic: text("topic"), tags: text("tags"),
                frequency: text("frequency"), period: text("period"), license: text("license"), filename: filename ?? nil) {
                try await sql.raw("""
                    INSERT INTO catalog_facets (dataset_id, facet, value, label) VALUES (\(bind: id), \(bind: facet), \(bind: value), \(bind: label))
                    """).run()
            }
        }
    }

    private static func insert(_ id: UUID, _ d: Document, on sql: any SQLDatabase) async throws {
        if isPostgres(sql) {
            try await sql.raw("""
                INSERT INTO catalog_search (dataset_id, title, keywords, body, columns, document)
                VALUES (\(bind: id), \(bind: d.title), \(bind: d.keywords), \(bind: d.body), \(bind: d.columns),
                  setweight(to_tsvector('simple', \(bind: d.title)), 'A') || setweight(to_tsvector('simple', \(bind: d.keywords)), 'B')
                  || setweight(to_tsvector('simple', \(bind: d.body)), 'C') || setweight(to_tsvector('simple', \(bind: d.columns)), 'D'))
                """).run()
        } else {
            try await sql.raw("""
                INSERT INTO catalog_search (dataset_id, title, keywords, body, columns)
                VALUES (\(bind: id.uuidString), \(bind: d.title), \(bind: d.keywords), \(bind: d.body), \(bind: d.columns))
                """).run()
        }
    }

    /// The datasets whose words hold every term, with a score (higher is better). The terms are
    /// letters and digits only (`SearchText.queryTerms`), and are sent as bound values.
    static func match(_ terms: [String], on db: any Database) async throws -> [UUID: Double] {
        guard !terms.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        var scores: [UUID: Double] = [:]
        if isPostgres(sql) {
            let rows = try await sql.raw("""
                SELECT dataset_id, ts_rank(document, plainto_tsquery('simple', \(bind: terms.joined(separator: " ")))) AS score
                FROM catalog_search WHERE document @@ plainto_tsquery('simple', \(bind: terms.joined(separator: " ")))
                """).all()
            for row in rows { scores[try row.decode(column: "dataset_id", as: UUID.self)] = try row.decode(column: "score", as: Double.self) }
        } else {
            // Each term quoted: FTS5 then reads it as a word, never as an operator (NEAR, AND…).
            let expression = terms.map { "\"\($0)\"" }.joined(separator: " ")
            let rows = try await sql.raw("""
                SELECT dataset_id, -bm25(catalog_search, 0.0, 8.0, 4.0, 2.0, 1.0) AS score
                FROM catalog_search WHERE catalog_search MATCH \(bind: expression)
                """).all()
            for row in rows {
                guard let id = UUID(uuidString: try row.decode(column: "dataset_id", as: String.self)) else { continue }
                scores[id] = try row.decode(column: "score", as: Double.self)
            }
        }
        return scores
    }
}
