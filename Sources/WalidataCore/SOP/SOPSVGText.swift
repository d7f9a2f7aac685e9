/// Text and number formatting for hand-written SVG/XML.
public enum SVGText {
    /// Escapes text for XML content and attribute values, and drops characters XML 1.0
    /// forbids (control characters other than tab/newline/CR), which would otherwise
    /// make the whole inline SVG unparseable in strict renderers.
    public static func escape(_ text: String) -> String {
        XMLText.escape(text, apostrophe: "&#39;")
    }

    /// A coordinate with at most two decimals and no trailing zeros, locale-independent.
    public static func number(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        if hundredths == 0 { return "0" }
        let negative = hundredths < 0
        let magnitude = Int(abs(hundredths))
        var text = String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            let digits = fraction < 10 ? "0\(fraction)" : String(fraction)
            text += "." + (digits.hasSuffix("0") ? String(digits.dropLast()) : digits)
        }
        return negative ? "-" + text : text
    }
}
