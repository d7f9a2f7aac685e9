import Foundation

/// File sizes as people read them: "85,3 MB" in Indonesian, "85.3 MB" in English.
enum ByteCountText {
    static func format(_ bytes: Int64, lang: Lang = .id) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let text = unit == 0 ? String(bytes) : String(format: "%.1f", value)
        return (lang == .id ? text.replacingOccurrences(of: ".", with: ",") : text) + " " + units[unit]
    }
}
