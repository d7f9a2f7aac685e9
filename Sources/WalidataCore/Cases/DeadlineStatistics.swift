import Foundation

/// How long one SOP step takes in practice, for the dashboard: over a period's completed
/// instances of the step, the median and 90th-percentile working time against its standard,
/// and the share done on time.
///
/// - The median of an even count is the mean of the two middle values (the usual definition,
///   what a spreadsheet's MEDIAN gives).
/// - The 90th percentile is nearest-rank: the value at rank ⌈0.9·n⌉ of the sorted list
///   (1-based), so it is always a duration that really happened. Below 10 samples that is the
///   largest (⌈0.9·9⌉ = 9); with 10 it is the second largest; with one sample, that sample.
public struct StepStatistics: Codable, Sendable, Equatable {
    /// One completed instance: how long it took in working seconds, and whether it met its deadline.
    public struct Sample: Codable, Sendable, Equatable {
        public var duration: TimeInterval
        public var onTime: Bool

        public init(duration: TimeInterval, onTime: Bool) {
            self.duration = duration
            self.onTime = onTime
        }
    }

    public let count: Int
    /// Nil when there is no sample.
    public let median: TimeInterval?
    public let percentile90: TimeInterval?
    /// From 0 to 1; nil when there is no sample.
    public let onTimeShare: Double?

    public init(samples: [Sample]) {
        let sorted = samples.map(\.duration).sorted()
        count = sorted.count
        guard !sorted.isEmpty else {
            median = nil
            percentile90 = nil
            onTimeShare = nil
            return
        }
        let middle = sorted.count / 2
        median = sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
        percentile90 = sorted[Self.nearestRank(percent: 90, of: sorted.count) - 1]
        onTimeShare = Double(samples.filter(\.onTime).count) / Double(sorted.count)
    }

    /// Durations in working seconds against one standard in working seconds; a duration equal
    /// to the standard is on time.
    public init(durations: [TimeInterval], standard: TimeInterval) {
        self.init(samples: durations.map { Sample(duration: $0, onTime: $0 <= standard) })
    }

    /// The completed instances among `instances` (open ones are skipped), each measured in
    /// working time on `calendar` and judged against its own due instant, so the share agrees
    /// with the `doneOnTime` / `doneLate` badges users saw.
    public init(instances: [StepInstance], calendar: WorkingCalendar) {
        self.init(samples: instances.compactMap { instance in
            guard let completedAt = instance.completedAt else { return nil }
            return Sample(duration: calendar.workingTime(from: instance.openedAt, to: completedAt), onTime: completedAt <= instance.dueAt)
        })
    }

    /// 1-based rank ⌈percent·n/100⌉, in integers so 90% of 10 is exactly rank 9.
    static func nearestRank(percent: Int, of count: Int) -> Int {
        max(1, (percent * count + 99) / 100)
    }
}
