import Fluent
import Foundation

/// The registration letter (Surat Pendaftaran) of step 2, one per case. The number stays nil
/// while the officer drafts it and is set once, when step 2 completes; later edits keep it.
final class Letter: Model, @unchecked Sendable {
    static let schema = "letters"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var caseRecord: Case
    @OptionalField(key: "number") var number: String?
    @Field(key: "place") var place: String
    @Field(key: "date") var date: Date
    @Field(key: "nature") var nature: String
    @Field(key: "attachment") var attachment: String
    @Field(key: "subject") var subject: String
    @Field(key: "recipient") var recipient: String
    @Field(key: "body") var body: String
    @Field(key: "signer_title") var signerTitle: String
    @Field(key: "signer_name") var signerName: String
    @Field(key: "signer_nip") var signerNIP: String
    /// One recipient of a copy per line.
    @Field(key: "copies") var copies: String
    @OptionalField(key: "numbered_at") var numberedAt: Date?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(caseID: UUID, fields: LetterFields, at instant: Date) {
        self.$caseRecord.id = caseID
        self.updatedAt = instant
        apply(fields)
    }

    func apply(_ f: LetterFields) {
        place = f.place
        date = f.date
        nature = f.nature
        attachment = f.attachment
        subject = f.subject
        recipient = f.recipient
        body = f.body
        signerTitle = f.signerTitle
        signerName = f.signerName
        signerNIP = f.signerNIP
        copies = f.copies
    }

    var fields: LetterFields {
        LetterFields(
            place: place, date: date, nature: nature, attachment: attachment, subject: subject, recipient: recipient,
            body: body, signerTitle: signerTitle, signerName: signerName, signerNIP: signerNIP, copies: copies)
    }

    var copyLines: [String] {
        copies.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
