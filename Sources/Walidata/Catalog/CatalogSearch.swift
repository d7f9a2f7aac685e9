import Fluent
import Foundation
import WalidataCore

/// Finding data: one search over the catalogue for the portal, the office's list and the CKAN
/// API. Words are matched through `CatalogIndex` (stemmed, diacritics folded, ranked by the
/// database); who sees what is decided by the dataset's own rules (`Dataset.isPublic` for the
/// public, `DatasetPolicy` for a signed-in user), never here.
enum CatalogSearch {
    enum Audience {
        /// The public portal and its APIs: published datasets only.
        case publicOnly
        /// The office's list: what this user may see.
        case user(User)
    }

    enum Facet: String, CaseIterable, Sendable {
        case organization, topic, tag, format, frequency, year
    }

    enum Sort: String, CaseIterable, Sendable {
        case relevance, newest, title
    }

    struct Query: Sendable {
        var text: String = ""
        /// Chosen facet values; a dataset must match every facet named (any of its values).
        var filters: [Facet: Set<String>] = [:]
        var sort: Sort = .relevance
        var window = PageWindow()
    }

    /// One dataset found, with what its facets read.
    struct Hit: Sendable {
        var dataset: Dataset
        var current: DatasetVersion?
        var score: Double

        var format: String? { current.map { ($0.filename as NSString).pathExtension.uppercased() }.flatMap { $0.isEmpty ? nil : $0 } }

        /// The years the dataset's period names ("2019–2023" gives 2019 … 2023); none if it names none.
        var years: [String] { CatalogSearch.years(in: dataset.period) }

        /// When the dataset last changed as a reader sees it: its metadata or its current file.
        var modified: Date {
            max(dataset.updatedAt ?? .distantPast, current?.createdAt ?? .distantPast, dataset.publishedAt ?? .distantPast)
        }

        func values(_ facet: Facet) -> [String] {
            switch facet {
            case .organization: [dataset.organization.code]
            case .topic: dataset.topic.isEmpty ? [] : [dataset.topic]
            case .tag: dataset.tagList
            case .format: format.map { [$0] } ?? []
            case .frequency: dataset.frequency.isEmpty ? [] : [dataset.frequency]
            case .year: years
            }
        }
    }

    struct FacetCount: Sendable, Equatable {
        var value: String
        /// What to show: the agency's name for an agency code, the value itself otherwise.
        var label: String
        var count: Int
    }

    struct Result: Sendable {
        var hits: [Hit]
        var total: Int
        var facets: [Facet: [FacetCount]]
    }

    static func search(_ query: Query, for audience: Audience, on db: any Database, cache: PortalCache? = nil) async throws -> Result {
        let conditions = Facet.allCases.compactMap { facet in query.filters[facet].map { Condition(facet: facet.rawValue, values: $0) } }
        let found = try await find(text: query.text, conditions: conditions, sort: query.sort, window: query.window,
                                   facets: Facet.allCases.map(\.rawValue), for: audience, on: db, cache: cache)
        var facets: [Facet: [FacetCount]] = [:]
        for facet in Facet.allCases { facets[facet] = found.facets[facet.rawValue] ?? [] }
        return Result(hits: found.hits, total: found.total, facets: facets)
    }

    /// Every dataset the audience may see that holds all the words, unsorted, unpaged.
    static func matching(_ query: Query, for audience: Audience, on db: any Database) async throws -> [Hit] {
        let terms = SearchText.queryTerms(query.text)
        let scores = try await CatalogIndex.match(terms, on: db)
        if !terms.isEmpty && scores.isEmpty { return [] }
        // With words, only the matching rows are read: the cost follows the matches, not the catalogue.
        let datasets = try await visible(to: audience, among: terms.isEmpty ? nil : Array(scores.keys), on: db)
        let versionIDs = datasets.compactMap(\.currentVersionID)
        var versions: [UUID: DatasetVersion] = [:]
        if !versionIDs.isEmpty {
            for version in try await DatasetVersion.query(on: db).filter(\.$id ~~ versionIDs).all() { versions[version.id!] = version }
        }
        return datasets.map { dataset in
            Hit(dataset: dataset, current: dataset.currentVersionID.flatMap { versions[$0] }, score: dataset.id.flatMap { scores[$0] } ?? 0)
        }
    }

    /// The datasets an audience may see, whatever the words.
    static func visible(to audience: Audience, among ids: [UUID]? = nil, on db: any Database) async throws -> [Dataset] {
        switch audience {
        case .publicOnly:
            guard let ids else { return try await PublicationStore.publicDatasets(on: db).filter(PublicationStore.isPublic) }
            // The query narrows the read; the rule itself decides.
            return try await Dataset.query(on: db).filter(\.$id ~~ ids).filter(\.$publishedAt != nil).filter(\.$deletedAt == nil)
                .with(\.$organization).all().filter(PublicationStore.isPublic)
        case .user(let user):
            var q = Dataset.query(on: db).filter(\.$deletedAt == nil).with(\.$organization)
            if let ids { q = q.filter(\.$id ~~ ids) }
            switch DatasetPolicy.listScope(user) {
            case .agency(let org): q = q.filter(\.$organization.$id == org)
            case .nothing: return []
            case .all: break
            }
            return try await q.all().filter { DatasetPolicy.may(.view, user, $0) }
        }
    }

    static func sorted(_ hits: [Hit], by sort: Sort) -> [Hit] {
        let byTitle = { (a: Hit, b: Hit) in
            a.dataset.title.localizedCaseInsensitiveCompare(b.dataset.title) == .orderedAscending
        }
        return hits.sorted { a, b in
            switch sort {
            case .relevance: a.score != b.score ? a.score > b.score : byTitle(a, b)
            case .newest: a.modified != b.modified ? a.modified > b.modified : byTitle(a, b)
            case .title: byTitle(a, b)
            }
        }
    }

    /// Four-digit years (1900–2099) in a period text; a range of two years names the years
    /// between as well (at most 50, so a typo cannot make thousands).
    static func years(in period: String) -> [String] {
        let found = period.split(whereSeparator: { !$0.isNumber }).compactMap { run in
            run.count == 4 ? Int(run).flatMap { (1900...2099).contains($0) ? $0 : nil } : nil
        }
        guard let first = found.first else { return [] }
        if found.count == 2, let last = found.last, last > first, last - first <= 50, period.contains(where: { "-–—".contains($0) }) || period.contains("s.d") {
            return (first...last).map(String.init)
        }
        var seen = Set<Int>()
        return found.filter { seen.insert($0).inserted }.map(String.init)
    }
}
