/// What a Graph error code means, said for the officer who reads the case page (the translation
/// key of one sentence): the raw message of Meta is English jargon and stays beside it, small.
extension GraphFailure {
    public static func wordsKey(code: Int?) -> String {
        guard let code else { return "delivery.words.network" }
        switch code {
        case 190: return "delivery.words.token"
        case 10, 200...299: return "delivery.words.permission"
        case 100: return "delivery.words.parameter"
        case 368: return "delivery.words.policy"
        case 131026: return "delivery.words.recipient"
        case 131047: return "delivery.words.window"
        case 132000...132999: return "delivery.words.template"
        case 4, 17, 32, 341, 613, 80001, 130429, 131056: return "delivery.words.rate_limit"
        case 1, 2, 131000, 131016: return "delivery.words.service"
        default: return "delivery.words.other"
        }
    }
}
