import Foundation

/// Reads and writes the yearly holiday file that staff keep in a spreadsheet:
///
/// ```
/// tanggal,jenis,keterangan
/// 2026-12-24,cuti_bersama,Cuti bersama Kelahiran Yesus Kristus
/// 2026-03-19,libur_nasional,"Hari Suci Nyepi, Tahun Baru Saka 1948"
/// ```
///
/// Spreadsheet exports differ, so parsing tolerates a UTF-8 BOM, CRLF or CR line ends, blank
/// lines, quoted fields (with `""` for a quote and line breaks inside), spaces around fields,
/// `Libur Nasional` for `libur_nasional`, and a missing `keterangan`. It rejects anything that
/// would silently change which days are off: a bad date, an unknown kind, a date listed twice.
/// An unquoted `keterangan` that contains commas is rejoined, since only the last column can
/// absorb them without ambiguity.
public enum HolidayCSV {
    public static let header = ["tanggal", "jenis", "keterangan"]

    public static func parse(_ text: String) throws -> [NonWorkingDay] {
        let records = try CSVRecords.split(text)
        guard let headerIndex = records.firstIndex(where: { !$0.isBlank }) else {
            throw HolidayCSVError.missingHeader
        }
        let headerRecord = records[headerIndex]
        let found = headerRecord.fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
        guard found.map({ $0.lowercased() }) == header else {
            throw HolidayCSVError.unexpectedHeader(line: headerRecord.line, found: found.joined(separator: ","))
        }

        var days: [NonWorkingDay] = []
        var firstLineOfDate: [LocalDate: Int] = [:]
        for record in records[(headerIndex + 1)...] where !record.isBlank {
            let fields = record.fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 2 else {
                throw HolidayCSVError.missingFields(line: record.line, found: fields.count)
            }
            guard let date = LocalDate(iso: fields[0]) else {
                throw HolidayCSVError.invalidDate(line: record.line, value: fields[0])
            }
            let kindText = fields[1].lowercased()
                .replacingOccurrences(of: " ", with: "_")
                .replacingOccurrences(of: "-", with: "_")
            guard let kind = NonWorkingKind(rawValue: kindText) else {
                throw HolidayCSVError.unknownKind(line: record.line, value: fields[1])
            }
            if let firstLine = firstLineOfDate[date] {
                throw HolidayCSVError.duplicateDate(line: record.line, date: date, firstLine: firstLine)
            }
            firstLineOfDate[date] = record.line
            let description = switch record.fields.count {
            case 2: ""
            case 3: record.fields[2].trimmed
            default: record.fields[2...].map(\.text).joined(separator: ",").trimmingCharacters(in: .whitespaces)
            }
            days.append(NonWorkingDay(date: date, kind: kind, description: description))
        }
        return days
    }

    /// Writes the days in the given order with LF line ends, quoting only where needed,
    /// so that `parse(render(days)) == days` for days with distinct dates.
    public static func render(_ days: [NonWorkingDay]) -> String {
        var lines = [header.joined(separator: ",")]
        for day in days {
            lines.append([day.date.iso, day.kind.rawValue, quoted(day.description)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0.isNewline }
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
