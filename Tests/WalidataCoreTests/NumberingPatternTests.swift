import Foundation
import Testing
@testable import WalidataCore

@Suite("Numbering patterns")
struct NumberingPatternTests {
    @Test func registrationNumberFromTheIssueExample() throws {
        let pattern = try NumberingPattern("PD/{year}/{seq:4}")
        #expect(try pattern.render(NumberingValues(sequence: 1, year: 2026, month: 1)) == "PD/2026/0001")
        #expect(try pattern.render(NumberingValues(sequence: 42, year: 2026, month: 11)) == "PD/2026/0042")
    }

    @Test func letterNumberWithClassificationAndUnit() throws {
        let pattern = try NumberingPattern("{class}/{seq:4}/{unit}/{year}")
        let values = NumberingValues(sequence: 17, year: 2026, month: 3, unit: "Diskominfo", classification: "000.5.2")
        #expect(try pattern.render(values) == "000.5.2/0017/Diskominfo/2026")
    }

    @Test func everyTokenIsFilledIn() throws {
        let pattern = try NumberingPattern("{seq}-{year}-{month}-{roman_month}-{unit}-{class}-{org}")
        let values = NumberingValues(
            sequence: 7, year: 2026, month: 3, unit: "Diskominfo", classification: "000.5.2", organization: "DINKES")
        #expect(try pattern.render(values) == "7-2026-03-III-Diskominfo-000.5.2-DINKES")
        #expect(pattern.usesOrganization)
        #expect(try !NumberingPattern("PD/{year}/{seq}").usesOrganization)
    }

    @Test(arguments: zip(1...12, ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]))
    func romanMonths(month: Int, roman: String) throws {
        let pattern = try NumberingPattern("{seq}/{roman_month}/{year}")
        #expect(try pattern.render(NumberingValues(sequence: 5, year: 2026, month: month)) == "5/\(roman)/2026")
    }

    @Test func monthIsTwoDigits() throws {
        let pattern = try NumberingPattern("{year}.{month}.{seq}")
        #expect(try pattern.render(NumberingValues(sequence: 3, year: 2026, month: 9)) == "2026.09.3")
        #expect(try pattern.render(NumberingValues(sequence: 3, year: 2026, month: 12)) == "2026.12.3")
    }

    @Test func sequencePaddingPadsButNeverCuts() throws {
        let four = try NumberingPattern("{seq:4}/{year}")
        #expect(try four.render(NumberingValues(sequence: 17, year: 2026, month: 1)) == "0017/2026")
        #expect(try four.render(NumberingValues(sequence: 9999, year: 2026, month: 1)) == "9999/2026")
        #expect(try four.render(NumberingValues(sequence: 12345, year: 2026, month: 1)) == "12345/2026")
        let plain = try NumberingPattern("{seq}/{year}")
        #expect(try plain.render(NumberingValues(sequence: 5, year: 2026, month: 1)) == "5/2026")
        #expect(try NumberingPattern("{seq:1}/{year}").parts == plain.parts)
        let nine = try NumberingPattern("{seq:9}/{year}")
        #expect(try nine.render(NumberingValues(sequence: 1, year: 2026, month: 1)) == "000000001/2026")
    }

    @Test func fixedWidthTokensMayTouchTheSequence() throws {
        let pattern = try NumberingPattern("{year}{seq:4}")
        #expect(try pattern.render(NumberingValues(sequence: 12, year: 2026, month: 1)) == "20260012")
    }

    @Test func patternIsParsedIntoParts() throws {
        let pattern = try NumberingPattern("PD/{year}/{seq:4}")
        #expect(pattern.parts == [.literal("PD/"), .year, .literal("/"), .sequence(width: 4)])
        #expect(pattern.parts.compactMap(\.token) == ["{year}", "{seq:4}"])
    }

    @Test(arguments: [
        ("", NumberingError.empty),
        ("PD/{year}", .missingSequence),
        ("PD/2026", .missingSequence),
        ("{seq}/{seq:2}/{year}", .duplicateSequence),
        ("{seq}/{tahun}", .unknownToken("tahun")),
        ("{seq}/{Year}", .unknownToken("Year")),
        ("{seq}/{}/{year}", .unknownToken("")),
        ("{seq/{year}", .unclosedBrace(position: 1)),
        ("{seq}/{year", .unclosedBrace(position: 7)),
        ("{seq}}/{year}", .unexpectedClosingBrace(position: 6)),
        ("PD}{seq}/{year}", .unexpectedClosingBrace(position: 3)),
        ("{seq:0}/{year}", .invalidSequenceWidth("seq:0")),
        ("{seq:x}/{year}", .invalidSequenceWidth("seq:x")),
        ("{seq:10}/{year}", .invalidSequenceWidth("seq:10")),
        ("{seq:}/{year}", .invalidSequenceWidth("seq:")),
        ("{seq}/{unit}", .yearlyResetWithoutYear),
        ("PD/{month}/{seq:4}", .yearlyResetWithoutYear),
        ("{org}{seq}/{year}", .sequenceTouchesText(token: "{org}")),
        ("{year}/{seq:4}{unit}", .sequenceTouchesText(token: "{unit}")),
        ("{class}{seq}/{year}", .sequenceTouchesText(token: "{class}")),
    ])
    func invalidPatternsAreRefused(pattern: String, expected: NumberingError) {
        #expect(throws: expected) { try NumberingPattern(pattern) }
    }

    @Test func aPatternThatNeverResetsNeedsNoYear() throws {
        let pattern = try NumberingPattern("REG-{seq:6}", reset: .never)
        #expect(try pattern.render(NumberingValues(sequence: 31, year: 2027, month: 2)) == "REG-000031")
        #expect(pattern.sequenceKey(year: 2026) == "all")
        #expect(pattern.sequenceKey(year: 2027) == "all")
    }

    @Test func aYearlyPatternCountsEachYearApart() throws {
        let pattern = try NumberingPattern("PD/{year}/{seq:4}")
        #expect(pattern.reset == .yearly)
        #expect(pattern.sequenceKey(year: 2026) == "2026")
        #expect(pattern.sequenceKey(year: 2027) == "2027")
        // The first number of each year reads differently, which is why the year is required.
        let first2026 = try pattern.render(NumberingValues(sequence: 1, year: 2026, month: 12))
        let first2027 = try pattern.render(NumberingValues(sequence: 1, year: 2027, month: 1))
        #expect(first2026 != first2027)
    }

    @Test func yearAndMonthComeFromTheOfficeDate() throws {
        // 00:30 WIB on 1 January is still 31 December in UTC; the number belongs to the new year.
        let calendar = WorkingCalendar.standard()
        let day = calendar.localDate(of: wib("2027-01-01 00:30"))
        let pattern = try NumberingPattern("{seq:3}/{roman_month}/{year}")
        #expect(try pattern.render(NumberingValues(sequence: 1, date: day)) == "001/I/2027")
        #expect(pattern.sequenceKey(year: day.year) == "2027")
    }

    @Test func missingOrBlankValuesAreRefused() throws {
        let pattern = try NumberingPattern("{class}/{seq:4}/{unit}/{year}")
        #expect(throws: NumberingError.missingValue(token: "{class}")) {
            try pattern.render(NumberingValues(sequence: 1, year: 2026, month: 1, unit: "Diskominfo"))
        }
        #expect(throws: NumberingError.missingValue(token: "{unit}")) {
            try pattern.render(NumberingValues(sequence: 1, year: 2026, month: 1, unit: "  ", classification: "000.5.2"))
        }
        #expect(throws: NumberingError.missingValue(token: "{org}")) {
            try NumberingPattern("{org}/{seq}/{year}").render(NumberingValues(sequence: 1, year: 2026, month: 1))
        }
        let trimmed = NumberingValues(sequence: 1, year: 2026, month: 1, unit: " Diskominfo ", classification: "000.5.2")
        #expect(try pattern.render(trimmed) == "000.5.2/0001/Diskominfo/2026")
    }

    @Test func outOfRangeValuesAreRefused() throws {
        let pattern = try NumberingPattern("PD/{year}/{seq:4}")
        #expect(throws: NumberingError.invalidSequence(0)) { try pattern.render(NumberingValues(sequence: 0, year: 2026, month: 1)) }
        #expect(throws: NumberingError.invalidMonth(13)) { try pattern.render(NumberingValues(sequence: 1, year: 2026, month: 13)) }
        #expect(throws: NumberingError.invalidYear(0)) { try pattern.render(NumberingValues(sequence: 1, year: 0, month: 1)) }
    }

    @Test func storedAsPatternAndReset() throws {
        let pattern = try NumberingPattern("{class}/{seq:4}/{unit}/{year}")
        let data = try JSONEncoder().encode(pattern)
        #expect(try JSONDecoder().decode(NumberingPattern.self, from: data) == pattern)
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(json.contains("\"reset\":\"yearly\""))

        let withoutReset = Data(#"{"pattern":"PD/{year}/{seq:4}"}"#.utf8)
        #expect(try JSONDecoder().decode(NumberingPattern.self, from: withoutReset).reset == .yearly)
        let never = Data(#"{"pattern":"REG-{seq}","reset":"never"}"#.utf8)
        #expect(try JSONDecoder().decode(NumberingPattern.self, from: never).reset == .never)
        let invalid = Data(#"{"pattern":"PD/{seq}","reset":"yearly"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NumberingPattern.self, from: invalid) }
    }

    @Test func errorsSpeakBothLanguages() {
        let errors: [NumberingError] = [
            .empty, .unclosedBrace(position: 4), .unexpectedClosingBrace(position: 2), .unknownToken("tahun"),
            .invalidSequenceWidth("seq:0"), .missingSequence, .duplicateSequence, .yearlyResetWithoutYear,
            .sequenceTouchesText(token: "{org}"), .missingValue(token: "{unit}"), .invalidSequence(0),
            .invalidYear(0), .invalidMonth(13),
        ]
        #expect(Set(errors.map(\.code)).count == errors.count)
        for error in errors {
            #expect(!error.indonesianDescription.isEmpty)
            #expect(!error.englishDescription.isEmpty)
            #expect(error.indonesianDescription != error.englishDescription)
        }
        #expect(NumberingError.unclosedBrace(position: 4).indonesianDescription.contains("ke-4"))
        #expect(NumberingError.unknownToken("tahun").englishDescription.contains("{roman_month}"))
    }
}
