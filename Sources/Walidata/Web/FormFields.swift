import Vapor

/// Small builders for labelled form fields, so every form looks and behaves the same.
enum FormField {
    static func text(_ name: String, label: String, value: String = "", type: String = "text", required: Bool = false, hint: String? = nil, extra: HTML = .empty) -> HTML {
        """
        <label for="\(name)">\(label)</label>
        <input type="\(type)" id="\(name)" name="\(name)" value="\(value)"\(HTML.when(required, " required"))\(extra)>
        \(hint.map { "<p class=\"hint\">\($0)</p>" as HTML })
        """
    }

    /// A day typed as `YYYY-MM-DD` (TTTT-BB-HH) in a plain text field, so every browser shows it
    /// the same way as its hint, and the server reads exactly that (`DateTimeInput`). No numeric
    /// `inputmode`: phone number pads lack the `-`.
    static func date(_ name: String, label: String, value: String = "", required: Bool = false, t: Translator) -> HTML {
        text(name, label: label, value: value, required: required, hint: t("input.date_hint"), extra: dateAttributes(t))
    }

    /// A 24-hour clock time typed as `HH:MM` (JJ:MM), like `date`.
    static func time(_ name: String, label: String, value: String = "", required: Bool = false, t: Translator) -> HTML {
        text(name, label: label, value: value, required: required, hint: t("input.time_hint"), extra: timeAttributes(t))
    }

    static func dateAttributes(_ t: Translator) -> HTML {
        " class=\"date-input\" pattern=\"\(DateTimeInput.datePattern)\" placeholder=\"\(t("input.date_placeholder"))\" maxlength=\"10\" autocomplete=\"off\" title=\"\(t("input.date_hint"))\""
    }

    static func timeAttributes(_ t: Translator) -> HTML {
        " class=\"time-input\" pattern=\"\(DateTimeInput.timePattern)\" placeholder=\"\(t("input.time_placeholder"))\" maxlength=\"5\" autocomplete=\"off\" title=\"\(t("input.time_hint"))\""
    }

    static func textarea(_ name: String, label: String, value: String = "", rows: Int = 3, hint: String? = nil) -> HTML {
        """
        <label for="\(name)">\(label)</label>
        <textarea id="\(name)" name="\(name)" rows="\(rows)">\(value)</textarea>
        \(hint.map { "<p class=\"hint\">\($0)</p>" as HTML })
        """
    }

    static func select(_ name: String, label: String, options: [(value: String, label: String)], selected: String?, hint: String? = nil) -> HTML {
        let items = options.map { option -> HTML in
            "<option value=\"\(option.value)\"\(HTML.when(option.value == selected, " selected"))>\(option.label)</option>"
        }
        return """
        <label for="\(name)">\(label)</label>
        <select id="\(name)" name="\(name)">\(items)</select>
        \(hint.map { "<p class=\"hint\">\($0)</p>" as HTML })
        """
    }

    /// The list of problems at the top of a re-shown form.
    static func errors(_ problems: [Problem], t: Translator) -> HTML {
        guard !problems.isEmpty else { return .empty }
        let items = problems.map { "<li>\($0.text(t))</li>" as HTML }
        return "<div class=\"flash-error errors\" role=\"alert\"><strong>\(t("form.fix_these"))</strong><ul>\(items)</ul></div>"
    }
}
