import Foundation
import WalidataCore

/// Canonical text of stored numbers: digits with `.` for the decimal part, never an exponent,
/// no trailing `.0`. It is what exports and profiles show for values typed without a
/// separator-free original to fall back on.
enum NumberText {
    static func decimal(_ value: Double) -> String { NumberNotation.canonical(value) }

    static func date(_ yyyymmdd: Int64) -> String {
        let y = yyyymmdd / 10000, m = yyyymmdd / 100 % 100, d = yyyymmdd % 100
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }
}
