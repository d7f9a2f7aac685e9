import NIOConcurrencyHelpers

/// Work the server runs beside requests (the daily backup, the late-step scan): started when
/// `walidata serve` has booted, cancelled and awaited when it shuts down.
final class BackgroundTask: Sendable {
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    func start(_ body: @escaping @Sendable () async -> Void) {
        let started = Task { await body() }
        task.withLockedValue { $0 = started }
    }

    func stop() async {
        let running = task.withLockedValue { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        running?.cancel()
        await running?.value
    }
}
