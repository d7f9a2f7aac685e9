import Fluent
import Foundation

/// Office hours for one ISO weekday (1 = Monday). No minutes means the office is closed.
final class WorkingHoursRow: Model, @unchecked Sendable {
    static let schema = "working_hours"

    @ID(key: .id) var id: UUID?
    @Field(key: "weekday") var weekday: Int
    @OptionalField(key: "start_minute") var startMinute: Int?
    @OptionalField(key: "end_minute") var endMinute: Int?

    init() {}

    init(weekday: Int, startMinute: Int?, endMinute: Int?) {
        self.weekday = weekday
        self.startMinute = startMinute
        self.endMinute = endMinute
    }
}
