import Foundation
import WalidataCore
import WalidataTables

/// The public catalogue as DCAT-AP 3 (`RDFGraph`), from plain values: the public datasets (with
/// their agency loaded) and their current accepted tables. Who is public is decided before
/// this (`HarvestStore`); this only describes.
///
/// Addresses: the catalogue is the portal home, a dataset is its portal page, a distribution is
/// its download. Satu Data fields without a DCAT term go in the `sd:` vocabulary of this portal.
struct DCATDocument {
    let publicURL: @Sendable (String) -> String
    var graph: RDFGraph

    static let satuDataPath = "/publik/ns/satudata#"
    static let xsdDateTime = "http://www.w3.org/2001/XMLSchema#dateTime"
    static let xsdDate = "http://www.w3.org/2001/XMLSchema#date"

    init(publicURL: @escaping @Sendable (String) -> String) {
        self.publicURL = publicURL
        graph = RDFGraph(prefixes: DCATVocabulary.prefixes + [("sd", publicURL(Self.satuDataPath))])
    }

    /// The whole catalogue: the catalogue node, each dataset and its distributions.
    static func catalog(_ datasets: [Dataset], tables: [UUID: DatasetVersion], publicURL: @escaping @Sendable (String) -> String) -> RDFGraph {
        var doc = DCATDocument(publicURL: publicURL)
        let catalog = RDFGraph.Term.iri(publicURL(SiteURL.publicHome.path))
        doc.graph.type(catalog, "dcat:Catalog")
        for lang in Lang.allCases {
            let t = Translator(lang: lang)
            doc.graph.add(catalog, "dct:title", text: t("portal.title"), language: lang.rawValue)
            doc.graph.add(catalog, "dct:description", text: t("portal.intro"), language: lang.rawValue)
        }
        let office = RDFGraph.Term.iri(publicURL(SiteURL.publicHome.path) + "#penerbit")
        doc.graph.add(catalog, "dct:publisher", office)
        doc.graph.type(office, "foaf:Agent")
        doc.graph.add(office, "foaf:name", text: Translator(lang: .id)("harvest.publisher"), language: "id")
        doc.graph.add(office, "dct:type", .iri("http://purl.org/adms/publishertype/RegionalAuthority"))
        doc.graph.add(catalog, "foaf:homepage", .iri(publicURL(SiteURL.publicHome.path)))
        doc.graph.add(catalog, "dct:language", .iri("http://publications.europa.eu/resource/authority/language/IND"))
        let modified = datasets.compactMap { modifiedDate($0, tables[$0.id!]) }.max()
        if let modified { doc.graph.add(catalog, "dct:modified", .typed(FeedDate.rfc3339(modified), xsdDateTime)) }
        for dataset in datasets {
            doc.graph.add(catalog, "dcat:dataset", .iri(datasetIRI(dataset, publicURL)))
        }
        for dataset in datasets { doc.describe(dataset, table: tables[dataset.id!]) }
        return doc.graph
    }

    /// One dataset's document: the dataset, its agency, contact and distributions.
    static func dataset(_ dataset: Dataset, table: DatasetVersion?, publicURL: @escaping @Sendable (String) -> String) -> RDFGraph {
        var doc = DCATDocument(publicURL: publicURL)
        doc.describe(dataset, table: table)
        return doc.graph
    }

    static func datasetIRI(_ dataset: Dataset, _ publicURL: (String) -> String) -> String { publicURL(SiteURL.publicDataset(dataset.slug).path) }

    /// The latest of the metadata's and the current table's changes.
    static func modifiedDate(_ dataset: Dataset, _ table: DatasetVersion?) -> Date? {
        [dataset.updatedAt, table?.createdAt, dataset.publishedAt].compactMap { $0 }.max()
    }

    mutating func describe(_ dataset: Dataset, table: DatasetVersion?) {
        let node = RDFGraph.Term.iri(Self.datasetIRI(dataset, publicURL))
        graph.type(node, "dcat:Dataset")
        graph.add(node, "dct:title", text: dataset.title, language: "id")
        // DCAT-AP requires a description; the title stands in when the office wrote none.
        graph.add(node, "dct:description", text: dataset.description.isEmpty ? dataset.title : dataset.description, language: "id")
        graph.add(node, "dct:identifier", .text(dataset.id!.uuidString.lowercased()))
        graph.add(node, "dcat:landingPage", .iri(Self.datasetIRI(dataset, publicURL)))
        graph.add(node, "dct:accessRights", .iri("http://publications.europa.eu/resource/authority/access-right/PUBLIC"))
        for tag in dataset.tagList { graph.add(node, "dcat:keyword", text: tag, language: "id") }
        if let theme = DCATVocabulary.theme(dataset.topic) { graph.add(node, "dcat:theme", .iri(theme)) }
        if let issued = dataset.publishedAt { graph.add(node, "dct:issued", .typed(FeedDate.rfc3339(issued), Self.xsdDateTime)) }
        if let modified = Self.modifiedDate(dataset, table) { graph.add(node, "dct:modified", .typed(FeedDate.rfc3339(modified), Self.xsdDateTime)) }
        if let frequency = DCATVocabulary.frequency(dataset.frequency) { graph.add(node, "dct:accrualPeriodicity", .iri(frequency)) }
        if !dataset.coverage.trimmingCharacters(in: .whitespaces).isEmpty {
            let place = graph.newBlank()
            graph.add(node, "dct:spatial", place)
            graph.type(place, "dct:Location")
            graph.add(place, "skos:prefLabel", text: dataset.coverage, language: "id")
        }
        if let years = DCATVocabulary.years(in: dataset.period) {
            let period = graph.newBlank()
            graph.add(node, "dct:temporal", period)
            graph.type(period, "dct:PeriodOfTime")
            graph.add(period, "dcat:startDate", .typed(years.start, Self.xsdDate))
            graph.add(period, "dcat:endDate", .typed(years.end, Self.xsdDate))
        }
        publisher(dataset, of: node)
        contactPoint(dataset, of: node)
        satuData(dataset, of: node)
        if let table { distributions(dataset, table, of: node) }
    }

    private mutating func publisher(_ dataset: Dataset, of node: RDFGraph.Term) {
        let agency = dataset.organization
        let iri = RDFGraph.Term.iri(publicURL(SiteURL.publicDatasets.path) + "#produsen-" + IRIText.segment(agency.code))
        graph.add(node, "dct:publisher", iri)
        graph.type(iri, "foaf:Agent")
        graph.add(iri, "foaf:name", text: agency.name, language: "id")
        graph.add(iri, "dct:identifier", text: agency.code)
        graph.add(iri, "dct:type", .iri("http://purl.org/adms/publishertype/RegionalAuthority"))
    }

    /// The dataset's contact as typed, else the agency's contact person or name; the agency's
    /// e-mail and phone when the contact names none.
    private mutating func contactPoint(_ dataset: Dataset, of node: RDFGraph.Term) {
        let agency = dataset.organization
        let contact = graph.newBlank()
        graph.add(node, "dcat:contactPoint", contact)
        graph.type(contact, "vcard:Organization")
        let typed = dataset.contact.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = [typed, agency.contactName, agency.name].first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? agency.name
        graph.add(contact, "vcard:fn", text: name)
        let typedEmail = typed.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }).first { $0.contains("@") && $0.contains(".") }
        let email = typedEmail.map(String.init) ?? agency.email.trimmingCharacters(in: .whitespaces)
        if !email.isEmpty, email.contains("@") { graph.add(contact, "vcard:hasEmail", .iri("mailto:" + email)) }
        let phone = agency.phone.filter { $0.isNumber || $0 == "+" }
        if !phone.isEmpty { graph.add(contact, "vcard:hasTelephone", .iri("tel:" + phone)) }
    }

    /// Satu Data's own fields, as typed, for portals that show them.
    private mutating func satuData(_ dataset: Dataset, of node: RDFGraph.Term) {
        graph.add(node, "sd:produsenData", text: dataset.organization.name)
        graph.add(node, "sd:topik", text: dataset.topic)
        graph.add(node, "sd:frekuensi", text: dataset.frequency)
        graph.add(node, "sd:cakupan", text: dataset.coverage)
        graph.add(node, "sd:periode", text: dataset.period)
        graph.add(node, "sd:satuan", text: dataset.unit)
        graph.add(node, "sd:sumber", text: dataset.source)
        graph.add(node, "sd:klasifikasiAkses", text: dataset.access)
    }

    /// The portal's four downloads of the current table.
    private mutating func distributions(_ dataset: Dataset, _ table: DatasetVersion, of node: RDFGraph.Term) {
        let files: [(file: String, title: String, format: String, media: String)] = [
            ("data.csv", "CSV", "CSV", "text/csv"),
            ("data-excel.csv", Translator(lang: .id)("harvest.distribution.excel"), "CSV", "text/csv"),
            ("data.json", "JSON", "JSON", "application/json"),
            ("data.xlsx", "Excel (.xlsx)", "XLSX", ExportFormat.xlsx.mediaType),
        ]
        let licence = licenceTerm(dataset.license)
        for file in files {
            let iri = RDFGraph.Term.iri(publicURL(SiteURL.publicDatasetFile(dataset.slug, file.file).path))
            graph.add(node, "dcat:distribution", iri)
            graph.type(iri, "dcat:Distribution")
            graph.add(iri, "dct:title", text: "\(dataset.title) (\(file.title))", language: "id")
            graph.add(iri, "dcat:accessURL", .iri(Self.datasetIRI(dataset, publicURL)))
            graph.add(iri, "dcat:downloadURL", iri)
            graph.add(iri, "dct:format", .iri("http://publications.europa.eu/resource/authority/file-type/" + file.format))
            graph.add(iri, "dcat:mediaType", .iri("https://www.iana.org/assignments/media-types/" + file.media))
            if let licence { graph.add(iri, "dct:license", licence) }
            if let created = table.createdAt { graph.add(iri, "dct:modified", .typed(FeedDate.rfc3339(created), Self.xsdDateTime)) }
        }
    }

    private var licenceCache: [String: RDFGraph.Term] = [:]

    private mutating func licenceTerm(_ raw: String) -> RDFGraph.Term? {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { return nil }
        if let iri = DCATVocabulary.licence(value) {
            graph.type(.iri(iri), "dct:LicenseDocument")
            return .iri(iri)
        }
        if let known = licenceCache[value] { return known }
        let node = graph.newBlank()
        graph.type(node, "dct:LicenseDocument")
        graph.add(node, "rdfs:label", text: value)
        licenceCache[value] = node
        return node
    }
}
