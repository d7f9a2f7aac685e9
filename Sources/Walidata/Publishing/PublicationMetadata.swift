import Foundation

/// The Satu Data metadata a dataset must carry before an announcement may name it (step 9):
/// what it is about, where it comes from, what its numbers count and which year they are for.
/// Title, access class, frequency and license always have a value (the form requires or
/// defaults them), so they are not listed here.
enum PublicationMetadata {
    /// The form fields, in the form's order, with the key of their label.
    static let required: [(field: String, label: String)] = [
        ("topic", "datasets.field.topic"), ("source", "datasets.field.source"),
        ("unit", "datasets.field.unit"), ("period", "datasets.field.period"),
    ]

    /// The required fields `dataset` leaves blank, by field name.
    static func missing(in dataset: Dataset) -> [String] {
        let values = ["topic": dataset.topic, "source": dataset.source, "unit": dataset.unit, "period": dataset.period]
        return required.map(\.field).filter { (values[$0] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// `«Data A» (Topik / sektor, Satuan); «Data B» (Sumber)`, for the refusal.
    static func describe(_ datasets: [Dataset], _ t: Translator) -> String {
        datasets.map { dataset in
            "«\(dataset.title)» (" + labels(missing(in: dataset), t).joined(separator: ", ") + ")"
        }.joined(separator: "; ")
    }

    static func labels(_ fields: [String], _ t: Translator) -> [String] {
        fields.compactMap { field in required.first { $0.field == field }.map { t($0.label) } }
    }
}
