import Fluent
import Foundation
import SQLKit
import Vapor
import WalidataCore

/// The search done by the database: which datasets match (words, facets, who may see them) is one
/// WHERE clause; the total is a COUNT over it, the facet counts one GROUP BY over `catalog_facets`
/// for the same rows, and only the page's rows are read, column by column.
///
/// Loading every matching dataset as a Fluent model (which reflects over all its properties per
/// row) and counting in Swift took 350–700 ms over 1,000 datasets; this reads a page of rows.
extension CatalogSearch {
    /// A dataset must have one of `values` under `facet` (a `catalog_facets.facet`: a `Facet`'s raw
    /// value, or `license` for the CKAN API).
    struct Condition: Sendable {
        var facet: String
        var values: Set<String>
    }

    struct Found: Sendable {
        var hits: [Hit]
        var total: Int
        /// Per facet name, its values with counts, most first, then by label.
        var facets: [String: [FacetCount]]
    }

    /// With a `cache`, the public audience's answer is kept per catalogue generation
    /// (`PortalCache`): a search repeated before anything changes reads one row.
    static func find(text: String, conditions: [Condition], sort: Sort, window: PageWindow, facets facetNames: [String],
                     for audience: Audience, on db: any Database, cache: PortalCache? = nil) async throws -> Found {
        guard let cache, case .publicOnly = audience else {
            return try await find(text: text, conditions: conditions, sort: sort, window: window, facets: facetNames, for: audience, on: db)
        }
        // Every part of the question, each one unambiguous (unit separators cannot be typed in a query).
        let key = (["search", text, sort.rawValue, String(window.limit), String(window.offset), facetNames.joined(separator: ",")]
            + conditions.sorted { $0.facet < $1.facet }.map { $0.facet + "=" + $0.values.sorted().joined(separator: "\u{1E}") })
            .joined(separator: "\u{1F}")
        let generation = try await CatalogGeneration.current(on: db)
        return try await cache.value(key, generation: generation) {
            try await find(text: text, conditions: conditions, sort: sort, window: window, facets: facetNames, for: audience, on: db)
        }
    }

    private static func find(text: String, conditions: [Condition], sort: Sort, window: PageWindow, facets facetNames: [String],
                             for audience: Audience, on db: any Database) async throws -> Found {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "the catalogue search needs an SQL database") }
        let terms = SearchText.queryTerms(text)
        guard let base = matchingRows(terms: terms, conditions: conditions, for: audience, postgres: CatalogIndex.isPostgres(sql)) else {
            return Found(hits: [], total: 0, facets: [:])
        }
        let total = try await sql.raw("SELECT COUNT(*) AS n \(base)").first()?.decode(column: "n", as: Int.self) ?? 0
        guard total > 0 else { return Found(hits: [], total: 0, facets: [:]) }
        let hits = window.limit > 0 && window.offset < total
            ? try await page(base, scored: !terms.isEmpty, sort: sort, window: window, on: sql, db: db) : []
        let facets = facetNames.isEmpty ? [:] : try await counts(facetNames, over: base, on: sql)
        return Found(hits: hits, total: total, facets: facets)
    }

    /// `FROM … WHERE …` of the datasets found, as `d` (with `m.score` when there are words); nil
    /// when the audience may see nothing.
    static func matchingRows(terms: [String], conditions: [Condition], for audience: Audience, postgres: Bool) -> SQLQueryString? {
        var q: SQLQueryString = "FROM datasets d"
        if !terms.isEmpty {
            if postgres {
                q += """
                     JOIN (SELECT dataset_id, ts_rank(document, plainto_tsquery('simple', \(bind: terms.joined(separator: " ")))) AS score
                    FROM catalog_search WHERE document @@ plainto_tsquery('simple', \(bind: terms.joined(separator: " ")))) m ON m.dataset_id = d.id
                    """
            } else {
                // Each term quoted: FTS5 then reads it as a word, never as an operator (NEAR, AND…).
                let expression = terms.map { "\"\($0)\"" }.joined(separator: " ")
                q += """
                     JOIN (SELECT dataset_id, -bm25(catalog_search, 0.0, 8.0, 4.0, 2.0, 1.0) AS score
                    FROM catalog_search WHERE catalog_search MATCH \(bind: expression)) m ON m.dataset_id = d.id
                    """
            }
        }
        q += " WHERE d.deleted_at IS NULL"
        switch audience {
        case .publicOnly:
            // `Dataset.isPublic`, as SQL: terbuka, not in the trash, published.
            q += " AND d.access = \(bind: Dataset.Access.terbuka.rawValue) AND d.published_at IS NOT NULL"
        case .user(let user):
            // `DatasetPolicy.listScope`: every role sees every agency's datasets but a produsen, who sees its own.
            switch DatasetPolicy.listScope(user) {
            case .all: break
            case .agency(let org): q += " AND d.organization_id = \(bind: org)"
            case .nothing: return nil
            }
        }
        for condition in conditions where !condition.values.isEmpty {
            let values: [any Encodable & Sendable] = condition.values.sorted()
            q += " AND d.id IN (SELECT dataset_id FROM catalog_facets WHERE facet = \(bind: condition.facet) AND value IN (\(binds: values)))"
        }
        return q
    }

    static let datasetColumns = [
        "id", "slug", "title", "description", "organization_id", "topic", "tags", "frequency", "coverage", "period", "unit", "source",
        "license", "contact", "access", "current_version_id", "created_by", "created_at", "updated_at", "deleted_at", "deleted_by",
        "published_at", "published_by",
    ]

    /// The page's datasets in order, with their agency and current version.
    private static func page(_ base: SQLQueryString, scored: Bool, sort: Sort, window: PageWindow, on sql: any SQLDatabase,
                             db: any Database) async throws -> [Hit] {
        let postgres = CatalogIndex.isPostgres(sql)
        // One title order on both databases: lower-cased, byte order (PostgreSQL's locale order would
        // skip spaces and punctuation).
        let title = postgres ? "LOWER(d.title) COLLATE \"C\"" : "LOWER(d.title)"
        // `Hit.modified`: the latest of the metadata change, the current file and the publication.
        let file = "(SELECT v.created_at FROM dataset_versions v WHERE v.id = d.current_version_id)"
        let modified = postgres ? "GREATEST(d.updated_at, \(file), d.published_at)"
            : "MAX(COALESCE(d.updated_at, 0), COALESCE(\(file), 0), COALESCE(d.published_at, 0))"
        let order = switch sort {
        case .relevance: scored ? "m.score DESC, \(title), d.id" : "\(title), d.id"
        case .newest: "\(modified) DESC, \(title), d.id"
        case .title: "\(title), d.id"
        }
        let columns = datasetColumns.map { "d.\($0)" }.joined(separator: ", ") + (scored ? ", m.score" : "")
        let rows = try await sql.raw("""
            SELECT \(unsafeRaw: columns) \(base) ORDER BY \(unsafeRaw: order) LIMIT \(literal: window.limit) OFFSET \(literal: window.offset)
            """).all()
        var hits: [Hit] = []
        for row in rows {
            let dataset = try Dataset(row: row)
            hits.append(Hit(dataset: dataset, current: nil, score: scored ? try row.decode(column: "score", as: Double.self) : 0))
        }
        // The page's agencies and current versions: a handful of rows each.
        let orgIDs = Set(hits.map { $0.dataset.$organization.id })
        let orgs = Dictionary(try await Organization.query(on: db).filter(\.$id ~~ orgIDs).all().map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let versionIDs = hits.compactMap(\.dataset.currentVersionID)
        let versions = versionIDs.isEmpty ? [:]
            : Dictionary(try await DatasetVersion.query(on: db).filter(\.$id ~~ versionIDs).all().map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        return hits.compactMap { hit in
            guard let org = orgs[hit.dataset.$organization.id] else { return nil }
            var hit = hit
            hit.dataset.$organization.value = org
            hit.current = hit.dataset.currentVersionID.flatMap { versions[$0] }
            return hit
        }
    }

    private static func counts(_ names: [String], over base: SQLQueryString, on sql: any SQLDatabase) async throws -> [String: [FacetCount]] {
        let wanted: [any Encodable & Sendable] = names
        let rows = try await sql.raw("""
            SELECT f.facet, f.value, MAX(f.label) AS label, COUNT(*) AS n FROM catalog_facets f
            WHERE f.facet IN (\(binds: wanted)) AND f.dataset_id IN (SELECT d.id \(base)) GROUP BY f.facet, f.value
            """).all()
        var result: [String: [FacetCount]] = [:]
        for name in names { result[name] = [] }
        for row in rows {
            let facet = try row.decode(column: "facet", as: String.self)
            result[facet, default: []].append(FacetCount(value: try row.decode(column: "value", as: String.self),
                                                         label: try row.decode(column: "label", as: String.self),
                                                         count: try row.decode(column: "n", as: Int.self)))
        }
        return result.mapValues { $0.sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label } }
    }
}

extension Dataset {
    /// A dataset read column by column (no reflection); the agency is loaded by the caller.
    convenience init(row: any SQLRow) throws {
        self.init()
        id = try row.decode(column: "id", as: UUID.self)
        $id.exists = true
        slug = try row.decode(column: "slug", as: String.self)
        title = try row.decode(column: "title", as: String.self)
        description = try row.decode(column: "description", as: String.self)
        $organization.id = try row.decode(column: "organization_id", as: UUID.self)
        topic = try row.decode(column: "topic", as: String.self)
        tags = try row.decode(column: "tags", as: String.self)
        frequency = try row.decode(column: "frequency", as: String.self)
        coverage = try row.decode(column: "coverage", as: String.self)
        period = try row.decode(column: "period", as: String.self)
        unit = try row.decode(column: "unit", as: String.self)
        source = try row.decode(column: "source", as: String.self)
        license = try row.decode(column: "license", as: String.self)
        contact = try row.decode(column: "contact", as: String.self)
        access = try row.decode(column: "access", as: String.self)
        currentVersionID = try row.decode(column: "current_version_id", as: UUID?.self)
        createdBy = try row.decode(column: "created_by", as: UUID?.self)
        createdAt = try row.decode(column: "created_at", as: Date?.self)
        updatedAt = try row.decode(column: "updated_at", as: Date?.self)
        deletedAt = try row.decode(column: "deleted_at", as: Date?.self)
        deletedBy = try row.decode(column: "deleted_by", as: UUID?.self)
        publishedAt = try row.decode(column: "published_at", as: Date?.self)
        publishedBy = try row.decode(column: "published_by", as: UUID?.self)
    }
}
