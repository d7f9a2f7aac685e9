import Fluent
import Vapor

/// The catalogue metadata of a dataset as a form (and as the API's JSON body).
struct DatasetForm: Content {
    var title: String
    var description: String?
    var organizationID: String?
    var topic: String?
    var tags: String?
    var frequency: String?
    var coverage: String?
    var period: String?
    var unit: String?
    var source: String?
    var license: String?
    var contact: String?
    var access: String?

    init(_ dataset: Dataset?) {
        title = dataset?.title ?? ""
        description = dataset?.description
        organizationID = dataset?.$organization.id.uuidString
        topic = dataset?.topic
        tags = dataset?.tags
        frequency = dataset?.frequency ?? Dataset.Frequency.tahunan.rawValue
        coverage = dataset?.coverage ?? "Kabupaten Kepulauan Mentawai"
        period = dataset?.period
        unit = dataset?.unit
        source = dataset?.source
        license = dataset?.license ?? Dataset.defaultLicense
        contact = dataset?.contact
        access = dataset?.access ?? Dataset.Access.terbuka.rawValue
    }

    static let licenses = ["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "ODbL-1.0", "lainnya"]

    /// Checks the form for `user`. Editing (`existing` given), a missing agency or access class
    /// means "unchanged", as the form of someone who may not change them does not carry them.
    func validate(for user: User, existing: Dataset? = nil, on db: any Database) async throws -> [Problem] {
        var problems: [Problem] = []
        let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 200 { problems.append("datasets.error.title") }
        if existing != nil && (organizationID ?? "").isEmpty {
            // unchanged
        } else if let raw = organizationID, let id = UUID(uuidString: raw), try await Organization.find(id, on: db) != nil {
            if user.role == .produsen && user.$organization.id != id { problems.append("datasets.error.own_organization") }
        } else {
            problems.append("datasets.error.organization")
        }
        if Dataset.Frequency(rawValue: frequency ?? "") == nil { problems.append("datasets.error.frequency") }
        if !(existing != nil && (access ?? "").isEmpty) && Dataset.Access(rawValue: access ?? "") == nil {
            problems.append("datasets.error.access")
        }
        for (value, limit) in [(description, 5000), (topic, 200), (tags, 500), (coverage, 200), (period, 100), (unit, 100), (source, 300), (license, 100), (contact, 300)] {
            if (value ?? "").count > limit { problems.append(Problem("datasets.error.too_long", String(limit))); break }
        }
        return problems
    }

    func apply(to dataset: Dataset) { apply(to: dataset, over: nil) }

    /// Writes the form into `dataset`; the agency and the access class, when the form does not
    /// carry them, stay as in `base`.
    func apply(to dataset: Dataset, over base: Dataset?) {
        func clean(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        dataset.title = clean(title)
        dataset.description = clean(description)
        if let id = organizationID.flatMap(UUID.init(uuidString:)) {
            dataset.$organization.id = id
        } else if let base {
            dataset.$organization.id = base.$organization.id
        }
        dataset.topic = clean(topic)
        dataset.tags = clean(tags)
        dataset.frequency = clean(frequency)
        dataset.coverage = clean(coverage)
        dataset.period = clean(period)
        dataset.unit = clean(unit)
        dataset.source = clean(source)
        dataset.license = clean(license).isEmpty ? Dataset.defaultLicense : clean(license)
        dataset.contact = clean(contact)
        dataset.access = clean(access).isEmpty ? (base?.access ?? "") : clean(access)
    }

    /// The fields only a curator may change (`DatasetPolicy.Action.classify`).
    static let classificationFields: Set<String> = ["organization", "access"]

    struct Change: Equatable, Sendable {
        var field: String
        var old: String
        var new: String
    }

    /// Field by field, what differs between two forms, in the form's order.
    static func changes(from old: DatasetForm, to new: DatasetForm) -> [Change] {
        let pairs: [(String, String?, String?)] = [
            ("title", old.title, new.title), ("description", old.description, new.description),
            ("organization", old.organizationID, new.organizationID), ("topic", old.topic, new.topic),
            ("tags", old.tags, new.tags), ("frequency", old.frequency, new.frequency), ("coverage", old.coverage, new.coverage),
            ("period", old.period, new.period), ("unit", old.unit, new.unit), ("source", old.source, new.source),
            ("license", old.license, new.license), ("contact", old.contact, new.contact), ("access", old.access, new.access),
        ]
        return pairs.compactMap { field, a, b in
            (a ?? "") == (b ?? "") ? nil : Change(field: field, old: a ?? "", new: b ?? "")
        }
    }
}
