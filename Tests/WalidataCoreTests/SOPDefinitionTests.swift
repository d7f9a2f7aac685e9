import Foundation
import Testing
@testable import WalidataCore

@Suite("SOP definition")
struct SOPDefinitionTests {
    let seed = SOPDefinition.mentawai2022

    @Test func seedIsValid() {
        #expect(seed.validate() == [])
    }

    @Test func seedFollowsTheDocument() {
        #expect(seed.steps.map(\.number) == Array(1...9))
        #expect(seed.steps.map(\.lane) == [
            "administrasi", "administrasi", "pengelola_ti", "pengelola_ti", "pengelola_ti", "pengelola_ti",
            "kasi", "kasi", "kabid",
        ])
        #expect(seed.steps.map(\.time.text) == [
            "30 menit", "1 jam", "1 hari", "1 hari", "1 hari", "2 hari", "1 jam", "1 jam", "1 jam",
        ])
        #expect(seed.lanes.map(\.name) == [
            "Bagian Administrasi", "Bagian Pengelola Teknologi Informasi", "Kasi Pengelola Data", "Kabid Komunikasi",
        ])
        #expect(seed.steps.filter { $0.kind == .decision }.map(\.number) == [7])
        #expect(seed.step(7)?.yes == 8)
        #expect(seed.step(7)?.no == 5)
        #expect(seed.step(7)?.next == nil)
        #expect(seed.step(9)?.next == nil)
        #expect(seed.step(2)?.output == "Surat Pendaftaran")
        #expect(seed.step(10) == nil)
        #expect(seed.identity.nomor == "/SOP-DISKOMINFO/2022")
        #expect(seed.identity.tanggalRevisi == ["-", "-", "-"])
        #expect(seed.identity.disahkanNIP == "197601132001121002")
        #expect(seed.identity.dasarHukum.count == 3)
        #expect(!seed.steps.contains { $0.activity.contains("melakukann") })
    }

    @Test func jsonRoundTripKeepsEverything() throws {
        let data = try JSONEncoder().encode(seed)
        let decoded = try JSONDecoder().decode(SOPDefinition.self, from: data)
        #expect(decoded == seed)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains("\"kind\":\"decision\""))
        #expect(text.contains("\"kind\":\"process\""))
    }

    @Test func decodingDefaultsAMissingNoteToBlank() throws {
        let json = """
        {"number":1,"activity":"A","lane":"kasi","kind":"process","requirement":"Komputer",
         "time":{"amount":1,"unit":"jam"},"output":"Berkas"}
        """
        let step = try JSONDecoder().decode(SOPStep.self, from: Data(json.utf8))
        #expect(step.note == "")
        #expect(step.activityEnglish == "")
        #expect(step.next == nil)
        #expect(step.time == TimeStandard(amount: 1, unit: .hours))
    }

    @Test func decodingRejectsAnUnknownStepKind() {
        let json = """
        {"number":1,"activity":"A","lane":"kasi","kind":"loop","requirement":"Komputer",
         "time":{"amount":1,"unit":"jam"},"output":"Berkas"}
        """
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SOPStep.self, from: Data(json.utf8)) }
    }

    /// A definition broken in one way, what validation must say about it, and the repair.
    struct BrokenCase: Sendable, CustomTestStringConvertible {
        let name: String
        let expected: [SOPValidationIssue]
        let breakIt: @Sendable (inout SOPDefinition) -> Void
        let fix: @Sendable (inout SOPDefinition) -> Void
        var testDescription: String { name }
    }

    static let brokenCases: [BrokenCase] = [
        BrokenCase(
            name: "no lanes",
            expected: [.noLanes] + SOPDefinition.mentawai2022.steps.map { .unknownLane(step: $0.number, lane: $0.lane) },
            breakIt: { $0.lanes = [] },
            fix: { $0.lanes = SOPDefinition.mentawai2022.lanes }
        ),
        BrokenCase(
            name: "duplicate lane code",
            expected: [.duplicateLane(code: "kasi")],
            breakIt: { $0.lanes.append(SOPLane(code: "kasi", name: "Kasi Lain")) },
            fix: { $0.lanes.removeLast() }
        ),
        BrokenCase(
            name: "no steps",
            expected: [.noSteps],
            breakIt: { $0.steps = [] },
            fix: { $0.steps = SOPDefinition.mentawai2022.steps }
        ),
        BrokenCase(
            name: "numbering skips",
            expected: [.stepNumbering(expected: 9, found: 10)],
            breakIt: { $0.steps[8].number = 10; $0.steps[7].next = 10 },
            fix: { $0.steps[8].number = 9; $0.steps[7].next = 9 }
        ),
        BrokenCase(
            name: "blank activity",
            expected: [.emptyActivity(step: 4)],
            breakIt: { $0.steps[3].activity = "  \n" },
            fix: { $0.steps[3].activity = "Menindaklanjuti pengelolaan data" }
        ),
        BrokenCase(
            name: "unreadable time standard",
            expected: [.invalidTime(step: 5)],
            breakIt: { $0.steps[4].time = TimeStandard(amount: 0, unit: .minutes) },
            fix: { $0.steps[4].time = TimeStandard(amount: 1, unit: .days) }
        ),
        BrokenCase(
            name: "unknown lane",
            expected: [.unknownLane(step: 1, lane: "sekretariat")],
            breakIt: { $0.steps[0].lane = "sekretariat" },
            fix: { $0.steps[0].lane = "administrasi" }
        ),
        BrokenCase(
            name: "decision without yes",
            expected: [.decisionTargets(step: 7), .unreachable(step: 8), .unreachable(step: 9)],
            breakIt: { $0.steps[6].yes = nil },
            fix: { $0.steps[6].yes = 8 }
        ),
        BrokenCase(
            name: "decision with the same target twice",
            expected: [.decisionTargets(step: 7), .unreachable(step: 8), .unreachable(step: 9)],
            breakIt: { $0.steps[6].yes = 5 },
            fix: { $0.steps[6].yes = 8 }
        ),
        BrokenCase(
            name: "decision pointing nowhere",
            expected: [.decisionTargets(step: 7)],
            breakIt: { $0.steps[6].no = 42 },
            fix: { $0.steps[6].no = 5 }
        ),
        BrokenCase(
            name: "decision pointing at itself",
            expected: [.decisionTargets(step: 7)],
            breakIt: { $0.steps[6].no = 7 },
            fix: { $0.steps[6].no = 5 }
        ),
        BrokenCase(
            name: "decision with a plain next",
            expected: [.decisionTargets(step: 7)],
            breakIt: { $0.steps[6].next = 8 },
            fix: { $0.steps[6].next = nil }
        ),
        BrokenCase(
            name: "process pointing nowhere",
            expected: [.processTarget(step: 8), .unreachable(step: 9)],
            breakIt: { $0.steps[7].next = 42 },
            fix: { $0.steps[7].next = 9 }
        ),
        BrokenCase(
            name: "process ending the flow before the last step",
            expected: [.processTarget(step: 8), .unreachable(step: 9)],
            breakIt: { $0.steps[7].next = nil },
            fix: { $0.steps[7].next = 9 }
        ),
        BrokenCase(
            name: "process with decision targets",
            expected: [.processTarget(step: 1)],
            breakIt: { $0.steps[0].yes = 2 },
            fix: { $0.steps[0].yes = nil }
        ),
        BrokenCase(
            name: "step skipped by the flow",
            expected: [.unreachable(step: 3)],
            breakIt: { $0.steps[1].next = 4 },
            fix: { $0.steps[1].next = 3 }
        ),
        BrokenCase(
            name: "flow never ends",
            expected: [.noEnd],
            breakIt: { $0.steps[8].next = 1 },
            fix: { $0.steps[8].next = nil }
        ),
    ]

    @Test(arguments: brokenCases)
    func validationReportsTheBrokenRule(_ broken: BrokenCase) {
        var definition = SOPDefinition.mentawai2022
        broken.breakIt(&definition)
        #expect(definition.validate() == broken.expected)
    }

    @Test(arguments: brokenCases)
    func repairedDefinitionValidates(_ broken: BrokenCase) {
        var definition = SOPDefinition.mentawai2022
        broken.breakIt(&definition)
        broken.fix(&definition)
        #expect(definition.validate() == [])
    }

    static let everyIssue: [SOPValidationIssue] = [
        .noLanes, .duplicateLane(code: "kasi"), .noSteps, .stepNumbering(expected: 3, found: 4),
        .emptyActivity(step: 2), .invalidTime(step: 2), .unknownLane(step: 1, lane: "x"), .decisionTargets(step: 7),
        .processTarget(step: 8), .unreachable(step: 9), .noEnd,
    ]

    @Test func issueCodesAreDistinct() {
        #expect(Set(Self.everyIssue.map(\.code)).count == Self.everyIssue.count)
    }

    @Test(arguments: everyIssue)
    func issueDescriptionsNameTheirParameters(_ issue: SOPValidationIssue) {
        #expect(!issue.indonesianDescription.isEmpty)
        #expect(!issue.englishDescription.isEmpty)
        #expect(issue.indonesianDescription != issue.englishDescription)
        for value in issue.parameters.values {
            #expect(issue.indonesianDescription.contains(value))
            #expect(issue.englishDescription.contains(value))
        }
    }

    @Test func decisionMessageTellsTheAdminWhatToFix() {
        let issue = SOPValidationIssue.decisionTargets(step: 7)
        #expect(issue.indonesianDescription.hasPrefix(
            "Langkah 7 adalah keputusan: harus punya tepat satu tujuan \"Ya\" dan satu tujuan \"Tidak\""))
        #expect(issue.englishDescription.hasPrefix("Step 7 is a decision"))
        #expect(issue.code == "decision_targets")
        #expect(issue.parameters == ["step": "7"])
        #expect(issue.step == 7)
    }
}
