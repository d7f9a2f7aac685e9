/// What a number is made of at the moment it is issued. The year and month are the office's
/// local ones (WIB), which the caller reads from `WorkingCalendar.localDate(of:)`, so a letter
/// issued on 1 January at 00:30 WIB carries the new year even though it is still December in UTC.
public struct NumberingValues: Sendable, Equatable {
    /// The counter value the app drew for `NumberingPattern.sequenceKey(year:)`; 1 is the first.
    public var sequence: Int
    public var year: Int
    public var month: Int
    public var unit: String?
    public var classification: String?
    public var organization: String?

    public init(
        sequence: Int,
        year: Int,
        month: Int,
        unit: String? = nil,
        classification: String? = nil,
        organization: String? = nil
    ) {
        self.sequence = sequence
        self.year = year
        self.month = month
        self.unit = unit
        self.classification = classification
        self.organization = organization
    }

    public init(
        sequence: Int,
        date: LocalDate,
        unit: String? = nil,
        classification: String? = nil,
        organization: String? = nil
    ) {
        self.init(
            sequence: sequence, year: date.year, month: date.month,
            unit: unit, classification: classification, organization: organization)
    }
}
