import Foundation

/// RFC 4180 record splitting that remembers on which physical line each record starts.
struct CSVRecords {
    /// `quoted` fields keep their text verbatim; callers trim the others.
    struct Field {
        var text: String
        var quoted: Bool

        var trimmed: String { quoted ? text : text.trimmingCharacters(in: .whitespaces) }
    }

    struct Record {
        var line: Int
        var fields: [Field]

        var isBlank: Bool {
            fields.allSatisfy { !$0.quoted && $0.text.allSatisfy(\.isWhitespace) }
        }
    }

    static func split(_ text: String) throws -> [Record] {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        var records: [Record] = []
        var fields: [Field] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var line = 1
        var recordLine = 1
        var index = scalars.startIndex

        func endField() {
            fields.append(Field(text: String(field), quoted: quoted))
            field = String.UnicodeScalarView()
            quoted = false
        }

        func endRecord() {
            endField()
            records.append(Record(line: recordLine, fields: fields))
            fields = []
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            switch scalar {
            case "\"" where !quoted && field.allSatisfy({ $0 == " " || $0 == "\t" }):
                let quoteLine = line
                field = String.UnicodeScalarView()
                quoted = true
                index = scalars.index(after: index)
                var closed = false
                while index < scalars.endIndex {
                    let inner = scalars[index]
                    if inner == "\"" {
                        let next = scalars.index(after: index)
                        if next < scalars.endIndex, scalars[next] == "\"" {
                            field.append("\"")
                            index = scalars.index(after: next)
                            continue
                        }
                        index = next
                        closed = true
                        break
                    }
                    if inner == "\n" || (inner == "\r" && !isCRLF(scalars, at: index)) { line += 1 }
                    field.append(inner)
                    index = scalars.index(after: index)
                }
                guard closed else { throw HolidayCSVError.unterminatedQuote(line: quoteLine) }
                while index < scalars.endIndex, scalars[index] == " " || scalars[index] == "\t" {
                    index = scalars.index(after: index)
                }
                if index < scalars.endIndex, !(scalars[index] == "," || scalars[index] == "\r" || scalars[index] == "\n") {
                    throw HolidayCSVError.textAfterClosingQuote(line: line)
                }
                continue
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r", isCRLF(scalars, at: index) { index = scalars.index(after: index) }
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(scalar)
            }
            index = scalars.index(after: index)
        }
        if !field.isEmpty || !fields.isEmpty || quoted { endRecord() }
        return records
    }

    private static func isCRLF(_ scalars: Substring.UnicodeScalarView, at index: Substring.UnicodeScalarView.Index) -> Bool {
        let next = scalars.index(after: index)
        return next < scalars.endIndex && scalars[next] == "\n"
    }
}
