import WalidataCore

/// Who may start cases and act on steps, beyond what the engine checks per step.
enum CaseRules {
    /// A produsen submits for its agency; the administration section registers paper and phone
    /// requests for any agency; the admin can do either.
    static let starters: Set<Role> = [.produsen, .administrasi, .admin]
    /// The roles that may try to complete a step; the engine then holds each to its lane. A
    /// produsen follows its cases but never completes a step.
    static let actors: Set<Role> = Set(Role.executors + [.admin])
}
