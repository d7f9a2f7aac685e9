/// A backup failure to be shown as it is: the words already say what went wrong.
enum BackupError: Error, CustomStringConvertible {
    case message(String)
    var description: String {
        switch self {
        case .message(let text): text
        }
    }
}
