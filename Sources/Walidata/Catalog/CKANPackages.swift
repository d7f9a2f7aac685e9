import Fluent
import Foundation
import SQLKit
import Vapor
import WalidataTables
import WalidataCore

/// The catalogue actions of the CKAN API, as CKAN's dictionaries (`package_show` and friends).
/// A dataset is a package; its current table is its one resource; its agency an organization;
/// its topic a group. The Satu Data metadata travels in `extras`.
enum CKANPackages {
    typealias Params = CKANAction.Params

    @Sendable static func statusShow(_ req: Request, _ params: Params) async throws -> JSONValue {
        ["site_title": "Walidata", "site_description": "", "site_url": .string(req.application.walidata.publicURL("")),
         "ckan_version": "2.10.0", "error_emails_to": nil, "locale_default": "id", "extensions": ["datastore"]]
    }

    @Sendable static func packageList(_ req: Request, _ params: Params) async throws -> JSONValue {
        let limit = try params.int("limit", default: PageWindow.maxOffset, in: 1...PageWindow.maxOffset)
        let offset = try params.int("offset", default: 0, in: 0...PageWindow.maxOffset)
        let names = try await CatalogSearch.visible(to: .publicOnly, on: req.db).map(\.slug).sorted()
        return .array(PageWindow(limit: limit, offset: offset).slice(names).map(JSONValue.string))
    }

    @Sendable static func packageShow(_ req: Request, _ params: Params) async throws -> JSONValue {
        let id = try params.required("id")
        guard let hit = try await hit(id, req) else { throw CKANAction.Failure.notFound("Dataset") }
        return package(hit, req)
    }

    /// `q` (words, as the portal's search box), `fq` (`organization:…`, `tags:…`, `groups:…`,
    /// `res_format:…`, each may repeat), `rows`, `start`, `sort`, `facet.field`.
    @Sendable static func packageSearch(_ req: Request, _ params: Params) async throws -> JSONValue {
        let rows = try params.int("rows", default: 10, in: 0...1000)
        let start = try params.int("start", default: 0, in: 0...PageWindow.maxOffset)
        var query = CatalogSearch.Query(text: params.string("q").map { $0 == "*:*" ? "" : $0 } ?? "")
        let sortText = (params.string("sort") ?? "").lowercased()
        query.sort = sortText.hasPrefix("metadata_modified") ? .newest
            : sortText.hasPrefix("title") || sortText.hasPrefix("name") ? .title : .relevance
        let wantedFacets = params.list("facet.field").filter { ckanFacetFields.contains($0) }
        // CKAN's names (agency and topic slugs) are translated to the values the catalogue
        // stores; a name that matches nothing matches no dataset.
        var conditions: [CatalogSearch.Condition] = []
        let organizations = try await Organization.query(on: req.db).all()
        for (field, value) in filterQuery(params.string("fq") ?? "") {
            let values: Set<String> = switch field {
            case "organization": Set(organizations.filter { organizationName($0) == value }.map(\.code))
            case "groups": Set(try await topics(on: req.db).filter { groupName($0) == value })
            default: [value]
            }
            guard !values.isEmpty else {
                return searchResult(count: 0, page: [], facets: [:], wanted: wantedFacets, params: params, req)
            }
            conditions.append(.init(facet: facetName(field), values: values))
        }
        let found = try await CatalogSearch.find(text: query.text, conditions: conditions, sort: query.sort, window: PageWindow(limit: rows, offset: start),
                                                 facets: wantedFacets.map(facetName), for: .publicOnly, on: req.db,
                                                 cache: req.application.portalCache)
        var counts: [String: [String: Int]] = [:]
        for field in wantedFacets {
            var byName: [String: Int] = [:]
            for c in found.facets[facetName(field)] ?? [] {
                let name = switch field {
                case "organization": DatasetRules.slug(from: c.value.isEmpty ? c.label : c.value)
                case "groups": groupName(c.value)
                default: c.value
                }
                byName[name, default: 0] += c.count
            }
            counts[field] = byName
        }
        return searchResult(count: found.total, page: found.hits, facets: counts, wanted: wantedFacets, params: params, req)
    }

    static func searchResult(count: Int, page: [CatalogSearch.Hit], facets counts: [String: [String: Int]], wanted: [String],
                             params: Params, _ req: Request) -> JSONValue {
        var facets: [String: JSONValue] = [:]
        var searchFacets: [String: JSONValue] = [:]
        for field in wanted {
            let byName = counts[field] ?? [:]
            facets[field] = .object(byName.mapValues { .int($0) })
            searchFacets[field] = ["title": .string(field), "items": .array(byName.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { ["name": .string($0.key), "display_name": .string($0.key), "count": .int($0.value)] })]
        }
        return ["count": .int(count), "results": .array(page.map { package($0, req) }), "facets": .object(facets),
                "search_facets": .object(searchFacets), "sort": .string(params.string("sort") ?? "score desc, metadata_modified desc")]
    }

    /// The `catalog_facets` name of a CKAN search field.
    static func facetName(_ field: String) -> String {
        switch field {
        case "organization": CatalogSearch.Facet.organization.rawValue
        case "tags": CatalogSearch.Facet.tag.rawValue
        case "groups": CatalogSearch.Facet.topic.rawValue
        case "res_format": CatalogSearch.Facet.format.rawValue
        case "license_id": "license"
        default: field
        }
    }

    /// The topics the catalogue has (few: a regency's list of sectors).
    static func topics(on db: any Database) async throws -> [String] {
        guard let sql = db as? any SQLDatabase else { return [] }
        return try await sql.raw("SELECT DISTINCT value FROM catalog_facets WHERE facet = 'topic'").all().map { try $0.decode(column: "value", as: String.self) }
    }

    static let ckanFacetFields: Set<String> = ["organization", "tags", "groups", "res_format", "license_id", "frequency", "year"]

    /// `organization:dinas-pendidikan +tags:"angka partisipasi"`: field–value pairs; other Solr
    /// syntax is ignored rather than refused, so a harvester's habitual extras do not break it.
    static func filterQuery(_ fq: String) -> [(String, String)] {
        let pattern = /\+?([a-z_]+):(?:"([^"]*)"|([^\s"]+))/
        return fq.matches(of: pattern).compactMap { m in
            let field = String(m.output.1)
            guard ckanFacetFields.contains(field) else { return nil }
            return (field, String(m.output.2 ?? m.output.3 ?? ""))
        }
    }

    @Sendable static func organizationList(_ req: Request, _ params: Params) async throws -> JSONValue {
        let counts = try await organizationCounts(on: req.db)
        if params.bool("all_fields") { return .array(counts.map { organization($0.0, count: $0.1, req) }) }
        return .array(counts.map { .string(organizationName($0.0)) })
    }

    @Sendable static func organizationShow(_ req: Request, _ params: Params) async throws -> JSONValue {
        let id = try params.required("id")
        guard let (org, count) = try await organizationCounts(on: req.db)
            .first(where: { organizationName($0.0) == id || $0.0.id?.uuidString.lowercased() == id.lowercased() })
        else { throw CKANAction.Failure.notFound("Organization") }
        var dict = organization(org, count: count, req)
        if params.bool("include_datasets"), case .object(var o) = dict {
            let mine = try await hits(on: req.db).filter { $0.dataset.$organization.id == org.id }
            o["packages"] = .array(CatalogSearch.sorted(mine, by: .title).map { package($0, req) })
            dict = .object(o)
        }
        return dict
    }

    /// The agencies with at least one public dataset (an agency with none is not published).
    static func organizationCounts(on db: any Database) async throws -> [(Organization, Int)] {
        var byID: [UUID: (Organization, Int)] = [:]
        for dataset in try await CatalogSearch.visible(to: .publicOnly, on: db) {
            let org = dataset.organization
            byID[org.id!, default: (org, 0)].1 += 1
        }
        return byID.values.sorted { organizationName($0.0) < organizationName($1.0) }
    }

    @Sendable static func groupList(_ req: Request, _ params: Params) async throws -> JSONValue {
        let topics = Set(try await CatalogSearch.visible(to: .publicOnly, on: req.db).map(\.topic).filter { !$0.isEmpty })
        return .array(topics.sorted().map { .string(groupName($0)) })
    }

    @Sendable static func tagList(_ req: Request, _ params: Params) async throws -> JSONValue {
        let tags = Set(try await CatalogSearch.visible(to: .publicOnly, on: req.db).flatMap(\.tagList))
        let q = params.string("query")?.lowercased()
        return .array(tags.filter { q == nil || $0.lowercased().contains(q!) }.sorted().map(JSONValue.string))
    }

    /// The resource, with its data dictionary (`fields`: each column and its description) as
    /// datastore-enabled CKAN portals show it.
    @Sendable static func resourceShow(_ req: Request, _ params: Params) async throws -> JSONValue {
        let resource = try await resource(try params.required("id"), req)
        guard case .object(var dict)? = resourceDict(resource.hit, req) else { throw CKANAction.Failure.notFound("Resource") }
        dict["fields"] = .array(CatalogIndex.columnNames(of: resource.check).map { name -> JSONValue in
            var field: [String: JSONValue] = ["id": .string(name)]
            if let note = resource.notes[name] { field["info"] = ["notes": .string(note), "label": .string(name)] }
            return .object(field)
        })
        return .object(dict)
    }

    /// The public dataset whose current table has this id; anything else is not found.
    /// Only that version and its dataset are read, whatever the catalogue's size.
    /// Read once per catalogue generation (`PortalCache`), with its column descriptions and check report.
    static func resource(_ id: String, _ req: Request) async throws -> Resource {
        let generation = try await CatalogGeneration.current(on: req.db)
        return try await req.application.portalCache.value("resource\u{1F}" + id, generation: generation) {
            let db = req.db
            guard let uuid = UUID(uuidString: id), let version = try await DatasetVersion.find(uuid, on: db),
                  let hit = try await hit(version.$dataset.id.uuidString, on: db),
                  let current = hit.current, current.id == version.id, current.state == .accepted
            else { throw CKANAction.Failure.notFound("Resource") }
            return Resource(hit: hit, version: current, notes: try await ColumnDescriptions.forDataset(hit.dataset, on: db),
                            check: Intake.report(of: current))
        }
    }

    /// A public dataset's current table as the CKAN API shows it.
    struct Resource: Sendable {
        var hit: CatalogSearch.Hit
        var version: DatasetVersion
        /// Column descriptions by column name.
        var notes: [String: String]
        var check: CSVCheck?
    }

    /// `hit(_:on:)`, read once per catalogue generation.
    static func hit(_ id: String, _ req: Request) async throws -> CatalogSearch.Hit? {
        let generation = try await CatalogGeneration.current(on: req.db)
        return try await req.application.portalCache.value("package\u{1F}" + id, generation: generation) { try await hit(id, on: req.db) }
    }

    /// One public dataset by name (slug) or id, with its current version; nil for anything the
    /// public may not see. Reads that dataset only.
    static func hit(_ id: String, on db: any Database) async throws -> CatalogSearch.Hit? {
        let query = Dataset.query(on: db).filter(\.$deletedAt == nil).with(\.$organization)
        if let uuid = UUID(uuidString: id) {
            query.group(.or) { $0.filter(\.$id == uuid).filter(\.$slug == id) }
        } else {
            query.filter(\.$slug == id)
        }
        guard let dataset = try await query.first(), PublicationStore.isPublic(dataset) else { return nil }
        var current: DatasetVersion?
        if let id = dataset.currentVersionID { current = try await DatasetVersion.find(id, on: db) }
        return CatalogSearch.Hit(dataset: dataset, current: current, score: 0)
    }

    static func hits(on db: any Database) async throws -> [CatalogSearch.Hit] {
        try await CatalogSearch.matching(CatalogSearch.Query(), for: .publicOnly, on: db)
    }

    // MARK: Dictionaries

    static func organizationName(_ org: Organization) -> String { DatasetRules.slug(from: org.code.isEmpty ? org.name : org.code) }
    static func groupName(_ topic: String) -> String { DatasetRules.slug(from: topic) }

    static func organization(_ org: Organization, count: Int, _ req: Request) -> JSONValue {
        ["id": .string(org.id?.uuidString.lowercased() ?? ""), "name": .string(organizationName(org)), "title": .string(org.name),
         "display_name": .string(org.name), "description": "", "image_url": "", "type": "organization", "state": "active",
         "is_organization": true, "approval_status": "approved", "package_count": .int(count)]
    }

    static func resourceDict(_ hit: CatalogSearch.Hit, _ req: Request) -> JSONValue? {
        guard let v = hit.current, v.state == .accepted else { return nil }
        let slug = hit.dataset.slug
        return ["id": .string(v.id!.uuidString.lowercased()), "package_id": .string(hit.dataset.id!.uuidString.lowercased()),
                "name": .string(hit.dataset.title), "description": .string(v.changeNote), "format": "CSV", "mimetype": "text/csv",
                "url": .string(req.application.walidata.publicURL(SiteURL.publicDatasetFile(slug, "data.csv").path)),
                "size": .int(Int(v.size)), "created": JSONValue(v.createdAt), "last_modified": JSONValue(v.createdAt),
                "datastore_active": true, "position": 0, "state": "active", "url_type": nil, "hash": .string("sha256:" + v.blobHash),
                "resource_type": nil]
    }

    static func package(_ hit: CatalogSearch.Hit, _ req: Request) -> JSONValue {
        let d = hit.dataset
        let t = Translator(lang: .id)
        let resources: [JSONValue] = resourceDict(hit, req).map { [$0] } ?? []
        let tags: [JSONValue] = d.tagList.map { ["name": .string($0), "display_name": .string($0), "state": "active", "vocabulary_id": nil] }
        let groups: [JSONValue] = d.topic.isEmpty ? [] : [["name": .string(groupName(d.topic)), "title": .string(d.topic), "display_name": .string(d.topic)]]
        // The Satu Data metadata, under the keys Indonesian portals of this kind use.
        let extras: [(String, String)] = [
            ("produsen", d.organization.name), ("frekuensi", d.frequency.isEmpty ? "" : t("datasets.frequency." + d.frequency)),
            ("cakupan", d.coverage), ("satuan", d.unit), ("tahun", d.period), ("klasifikasi_akses", d.access), ("sumber", d.source),
        ]
        return [
            "id": .string(d.id!.uuidString.lowercased()), "name": .string(d.slug), "title": .string(d.title), "notes": .string(d.description),
            "url": .string(req.application.walidata.publicURL(SiteURL.publicDataset(d.slug).path)), "version": nil,
            "author": .string(d.organization.name), "author_email": nil, "maintainer": .string(d.contact), "maintainer_email": nil,
            "license_id": .string(d.license), "license_title": .string(d.license), "state": "active", "private": false, "type": "dataset",
            "metadata_created": JSONValue(d.createdAt), "metadata_modified": JSONValue(hit.modified),
            "owner_org": .string(d.organization.id!.uuidString.lowercased()),
            "organization": organization(d.organization, count: 0, req).removingCount,
            "num_resources": .int(resources.count), "num_tags": .int(tags.count), "tags": .array(tags), "groups": .array(groups),
            "resources": .array(resources),
            "extras": .array(extras.filter { !$0.1.isEmpty }.map { ["key": .string($0.0), "value": .string($0.1)] }),
        ]
    }
}

private extension JSONValue {
    var removingCount: JSONValue {
        guard case .object(var o) = self else { return self }
        o["package_count"] = nil
        return .object(o)
    }
}
