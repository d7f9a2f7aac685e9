import Fluent
import Foundation

/// A dataset a case concerns. A join table rather than a JSON column, so "which cases touched
/// this dataset" (the storage log of step 4, the dataset page) is one indexed query and the
/// database keeps the ids real. Purging a dataset (admin, after the trash period) drops the link.
final class CaseDataset: Model, @unchecked Sendable {
    static let schema = "case_datasets"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var caseRecord: Case
    @Parent(key: "dataset_id") var dataset: Dataset

    init() {}

    init(caseID: UUID, datasetID: UUID) {
        self.$caseRecord.id = caseID
        self.$dataset.id = datasetID
    }
}
