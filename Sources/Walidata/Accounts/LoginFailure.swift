import Fluent
import Vapor

/// One failed sign-in, kept to lock an account after repeated guessing.
final class LoginFailure: Model, @unchecked Sendable {
    static let schema = "login_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "at") var at: Date

    init() {}

    init(username: String, at: Date) {
        self.username = username
        self.at = at
    }
}
