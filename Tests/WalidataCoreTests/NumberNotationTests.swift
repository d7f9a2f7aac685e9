import Testing
@testable import WalidataCore

@Suite("Numbers as each language writes them")
struct NumberNotationTests {
    @Test("Indonesian groups with dots and marks decimals with a comma; English the other way round")
    func bothLanguages() {
        #expect(NumberNotation.indonesian.canonical("1125.46") == "1.125,46")
        #expect(NumberNotation.english.canonical("1125.46") == "1,125.46")
        #expect(NumberNotation.indonesian.canonical("-1234567.5") == "-1.234.567,5")
        #expect(NumberNotation.english.canonical("-1234567.5") == "-1,234,567.5")
        #expect(NumberNotation.indonesian.canonical("901.08") == "901,08")
        #expect(NumberNotation.indonesian.integer(1_234_567) == "1.234.567")
        #expect(NumberNotation.english.integer(-1_234_567) == "-1,234,567")
        #expect(NumberNotation.indonesian.integer(999) == "999")
        #expect(NumberNotation.english.integer(0) == "0")
    }

    @Test("a year is written without a thousands mark when asked")
    func ungrouped() {
        #expect(NumberNotation.indonesian.integer(2024, grouped: false) == "2024")
        #expect(NumberNotation.english.canonical("2024", grouped: false) == "2024")
        #expect(NumberNotation.indonesian.canonical("2024") == "2.024")
    }

    @Test("text that is not a canonical number is not turned into one")
    func notNumbers() {
        for text in ["2026-11-30", "abc", "", "1.2.3", "1,5", "-", ".5", "5.", "1e5"] {
            #expect(NumberNotation.indonesian.canonical(text) == nil, "\(text)")
        }
    }

    @Test("a stored decimal keeps the digits it was uploaded with, in whichever style the file used")
    func uploadedDigits() {
        #expect(NumberNotation.indonesian.decimal(13.1, uploaded: "13,10") == "13,10")
        #expect(NumberNotation.english.decimal(13.1, uploaded: "13,10") == "13.10")
        #expect(NumberNotation.indonesian.decimal(1125.46, uploaded: "1,125.46") == "1.125,46")
        #expect(NumberNotation.english.decimal(1125.46, uploaded: " 1.125,46 ") == "1,125.46")
        #expect(NumberNotation.indonesian.decimal(-0.5, uploaded: "-0,5") == "-0,5")
        // The uploaded text and the value disagree: the value wins.
        #expect(NumberNotation.indonesian.decimal(2.5, uploaded: "7,5") == "2,5")
        #expect(NumberNotation.english.decimal(2.5) == "2.5")
    }

    @Test("the shortest digits of a double never use an exponent")
    func canonicalDouble() {
        #expect(NumberNotation.canonical(1e-7) == "0.0000001")
        #expect(NumberNotation.canonical(1.5e20) == "150000000000000000000")
        #expect(NumberNotation.canonical(-3.0) == "-3")
        #expect(NumberNotation.english.decimal(1.5e20) == "150,000,000,000,000,000,000")
    }

    @Test("uploaded text is read only with the marks given")
    func readWithMarks() {
        #expect(NumberNotation.canonical(uploaded: "1.234,5", decimalMark: ",") == "1234.5")
        #expect(NumberNotation.canonical(uploaded: "1,234.5", decimalMark: ".") == "1234.5")
        #expect(NumberNotation.canonical(uploaded: "+12", decimalMark: ",") == "12")
        #expect(NumberNotation.canonical(uploaded: "1,2,3", decimalMark: ",") == nil)
        #expect(NumberNotation.canonical(uploaded: "NA", decimalMark: ",") == nil)
    }
}
