import Testing
@testable import WalidataCore

@Suite struct PageWindowTests {
    @Test func absentValuesGiveTheFirstPageOfFifty() throws {
        #expect(try PageWindow(limit: nil, offset: nil) == PageWindow(limit: 50, offset: 0))
    }

    @Test func valuesInRangeAreTakenAsSent() throws {
        #expect(try PageWindow(limit: "500", offset: "9950") == PageWindow(limit: 500, offset: 9950))
        #expect(try PageWindow(limit: "1", offset: "0") == PageWindow(limit: 1, offset: 0))
    }

    @Test(arguments: ["0", "501", "-1", "abc", "", "1.5"])
    func aLimitOutsideOneToFiveHundredIsRefused(raw: String) {
        #expect(throws: PageWindow.Problem.limit) { try PageWindow(limit: raw, offset: nil) }
    }

    @Test(arguments: ["-1", "x", "", "1000000001", "7449972107253677817856"])
    func aNegativeOrUnreadableOffsetIsRefused(raw: String) {
        #expect(throws: PageWindow.Problem.offset) { try PageWindow(limit: nil, offset: raw) }
    }

    @Test func sliceTakesTheWindowAndStopsAtTheEnd() {
        let all = Array(0..<7)
        #expect(PageWindow(limit: 3, offset: 0).slice(all) == [0, 1, 2])
        #expect(PageWindow(limit: 3, offset: 6).slice(all) == [6])
        #expect(PageWindow(limit: 3, offset: 7).slice(all) == [])
    }

    @Test func nextAndPreviousWalkThePages() {
        let window = PageWindow(limit: 3, offset: 3)
        #expect(window.next(total: 7) == PageWindow(limit: 3, offset: 6))
        #expect(PageWindow(limit: 3, offset: 6).next(total: 7) == nil)
        #expect(window.previous == PageWindow(limit: 3, offset: 0))
        #expect(PageWindow(limit: 3, offset: 0).previous == nil)
    }
}

@Suite struct TimeStandardAPITextTests {
    @Test(arguments: ["2 hari", "30 menit", "1 jam", "9999 hari"])
    func theDocumentedSpellingIsRead(text: String) {
        #expect(TimeStandard(apiText: text) != nil)
    }

    @Test(arguments: ["2 Hari", "02 hari", "0 jam", "10000 hari", "2  hari", " 2 hari", "2 days", "+2 hari", "2 hari "])
    func anythingOutsideThePatternIsRefused(text: String) {
        #expect(TimeStandard(apiText: text) == nil)
    }
}
