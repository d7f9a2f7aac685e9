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

    /// Checks the form for `user`; a produsen can only name its own agency.
    func validate(for user: User, on db: any Database) async throws -> [Problem] {
        var problems: [Problem] = []
        let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 200 { problems.append("datasets.error.title") }
        if let raw = organizationID, let id = UUID(uuidString: raw), try await Organization.find(id, on: db) != nil {
            if user.role == .produsen && user.$organization.id != id { problems.append("datasets.error.own_organization") }
        } else {
            problems.append("datasets.error.organization")
        }
        if Dataset.Frequency(rawValue: frequency ?? "") == nil { problems.append("datasets.error.frequency") }
        if Dataset.Access(rawValue: access ?? "") == nil { problems.append("datasets.error.access") }
        for (value, limit) in [(description, 5000), (topic, 200), (tags, 500), (coverage, 200), (period, 100), (unit, 100), (source, 300), (license, 100), (contact, 300)] {
            if (value ?? "").count > limit { problems.append(Problem("datasets.error.too_long", String(limit))); break }
        }
        return problems
    }

    func apply(to dataset: Dataset) {
        func clean(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        dataset.title = clean(title)
        dataset.description = clean(description)
        if let id = organizationID.flatMap(UUID.init(uuidString:)) { dataset.$organization.id = id }
        dataset.topic = clean(topic)
        dataset.tags = clean(tags)
        dataset.frequency = clean(frequency)
        dataset.coverage = clean(coverage)
        dataset.period = clean(period)
        dataset.unit = clean(unit)
        dataset.source = clean(source)
        dataset.license = clean(license).isEmpty ? Dataset.defaultLicense : clean(license)
        dataset.contact = clean(contact)
        dataset.access = clean(access)
    }
}
