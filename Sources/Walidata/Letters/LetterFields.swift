import Foundation

/// The editable text of a letter, as the form and the draft carry it.
struct LetterFields: Sendable, Equatable {
    var place: String
    var date: Date
    var nature: String
    var attachment: String
    var subject: String
    var recipient: String
    var body: String
    var signerTitle: String
    var signerName: String
    var signerNIP: String
    var copies: String
}
