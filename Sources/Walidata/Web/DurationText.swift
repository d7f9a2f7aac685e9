import Foundation
import WalidataCore

/// Working time in words, in the user's language: "1 hari 2 jam" / "1 day 2 hours",
/// "3 jam 20 menit" / "3 hours 20 minutes". See `WorkingDuration` for the rounding.
enum DurationText {
    static func working(_ seconds: TimeInterval, dayLength: TimeInterval, t: Translator) -> String {
        let parts = WorkingDuration(seconds: seconds, dayLength: dayLength).parts
        guard !parts.isEmpty else { return t("duration.zero") }
        return parts.map { part in
            t(key(part), String(part.amount))
        }.joined(separator: " ")
    }

    /// A time standard in the user's language: "1 hari" stays the SOP's words in Indonesian and
    /// reads "1 day" in English.
    static func standard(_ time: TimeStandard, t: Translator) -> String {
        t(key(time), String(time.amount))
    }

    /// `duration.hari.one`, `duration.jam.other`, …: English needs the plural, Indonesian does not.
    static func key(_ part: TimeStandard) -> String {
        "duration." + part.unit.rawValue + (part.amount == 1 ? ".one" : ".other")
    }
}
