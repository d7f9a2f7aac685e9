import Foundation
import Testing
@testable import Walidata

@Suite("Translation table")
struct TranslationTests {
    @Test("every key has both Bahasa Indonesia and English")
    func everyKeyHasBothLanguages() {
        for (key, row) in Strings.table {
            #expect(!(row[.id] ?? "").isEmpty, "missing Indonesian for \(key)")
            #expect(!(row[.en] ?? "").isEmpty, "missing English for \(key)")
        }
    }

    @Test("every key the code asks for exists")
    func everyUsedKeyExists() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Walidata")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 10)
        // Literal keys: t("a.b"), UserError(..., "a.b"), flash(.ok, "a.b"), errors.append("a.b"), Problem("a.b").
        let pattern = try NSRegularExpression(pattern: #"(?:\bt\(|UserError\([^,]+, |flash\(\.\w+, |append\(|Problem\()"([a-z][a-z0-9_]*\.[a-z0-9_.]*[a-z0-9_])""#)
        var used = Set<String>()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        #expect(used.count > 100)
        let missing = used.filter { Strings.table[$0] == nil }.sorted()
        #expect(missing.isEmpty, "keys used in code but missing from Strings: \(missing)")
    }

    @Test("keys built from values exist for every value")
    func dynamicKeysExist() {
        for role in Role.allCases { #expect(Strings.table["role." + role.rawValue] != nil) }
        for lang in Lang.allCases {
            #expect(Strings.table["lang.name." + lang.rawValue] != nil)
            #expect(Strings.table["lang.switch_to." + lang.rawValue] != nil)
        }
        for kind in NonWorkingKind.allCases { #expect(Strings.table["calendar.kind." + kind.rawValue] != nil) }
        for status in SOPRevision.Status.allCases { #expect(Strings.table["sop.status." + status.rawValue] != nil) }
        for kind in SOPStepKind.allCases { #expect(Strings.table["sop.kind." + kind.rawValue] != nil) }
        for code in [400, 401, 403, 404, 409, 413, 422, 429, 500] { #expect(Strings.table["error.\(code)"] != nil) }
        for key in ["nav.home", "nav.sop", "nav.calendar", "nav.users", "nav.organizations", "nav.account", "nav.datasets", "nav.dashboard", "nav.notifications"] { #expect(Strings.table[key] != nil) }
        for access in Dataset.Access.allCases { #expect(Strings.table["datasets.access." + access.rawValue] != nil) }
        for frequency in Dataset.Frequency.allCases { #expect(Strings.table["datasets.frequency." + frequency.rawValue] != nil) }
        for status in DatasetVersion.Status.allCases {
            #expect(Strings.table["versions.status." + status.rawValue] != nil)
            #expect(Strings.table["upload.done." + status.rawValue] != nil)
        }
        for action in StorageLogController.actions + StorageLogController.auditActions { #expect(Strings.table["log.action." + action] != nil, "\(action)") }
        for type in ColumnType.allCases { #expect(Strings.table["report.type." + type.rawValue] != nil) }
        for op in TableFilter.Operation.allCases { #expect(Strings.table["table.op." + op.rawValue] != nil) }
        for delimiter in CSVDelimiter.allCases { #expect(Strings.table["report.delimiter." + delimiter.name] != nil) }
        for kind in UserNotification.Kind.allCases { #expect(Strings.table["notifications.kind." + kind.rawValue] != nil) }
        for unit in TimeStandard.Unit.allCases {
            for amount in [1, 2] { #expect(Strings.table[DurationText.key(TimeStandard(amount: amount, unit: unit))] != nil, "\(amount) \(unit)") }
        }
    }

    @Test("arguments are placed into the text")
    func argumentsAreSubstituted() {
        #expect(Translator(lang: .id)("users.created", "budi") == "Pengguna budi telah dibuat.")
        #expect(Translator(lang: .en)("users.created", "budi") == "User budi has been created.")
    }
}

import WalidataCore
import WalidataTables
