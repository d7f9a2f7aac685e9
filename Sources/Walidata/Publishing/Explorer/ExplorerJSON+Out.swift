import Foundation
import Vapor
import WalidataTables

/// The table twin written straight into its bytes (`JSONOut`): it is the explorer's most read
/// answer, and `JSONEncoder` over its rows was most of its cost. Keys and values are what
/// `response(_:)` would write for the same fields (snake_case, sorted, ISO 8601 dates), except
/// that a decimal keeps the digits it was read with (`13.10`), as the JSON download does.
extension ExplorerJSON.Table {
    func json() throws -> [UInt8] {
        var out = JSONOut(capacity: 8192 + rows.count * 256)
        out.beginObject()
        if let chart {
            out.key("chart")
            out.raw(try ExplorerJSON.encoder.encode(chart))
        }
        out.key("columns")
        out.beginArray()
        for c in columns {
            out.beginObject()
            out.key("distinct"); out.int(c.distinct)
            out.key("distinct_capped"); out.bool(c.distinctCapped)
            out.key("empty"); out.int(c.empty)
            out.key("filled"); out.int(c.filled)
            if let max = c.max { out.key("max"); out.string(max) }
            if let min = c.min { out.key("min"); out.string(min) }
            out.key("name"); out.string(c.name)
            out.key("type"); out.string(c.type)
            out.endObject()
        }
        out.endArray()
        out.key("dataset")
        out.beginObject()
        out.key("description"); out.string(dataset.description)
        out.key("license"); out.string(dataset.license)
        out.key("organization"); out.string(dataset.organization)
        out.key("slug"); out.string(dataset.slug)
        out.key("title"); out.string(dataset.title)
        out.key("topic"); out.string(dataset.topic)
        out.key("url"); out.string(dataset.url)
        out.endObject()
        out.key("limit"); out.int(limit)
        out.key("links"); out.object(links)
        out.key("offset"); out.int(offset)
        out.key("row_numbers")
        out.beginArray()
        for number in rowNumbers { out.int(number) }
        out.endArray()
        out.key("rows")
        out.beginArray()
        for (r, row) in rows.enumerated() {
            let texts = r < self.texts.count ? self.texts[r] : []
            out.beginArray()
            for (i, value) in row.enumerated() { out.value(value, text: i < texts.count ? texts[i] : nil) }
            out.endArray()
        }
        out.endArray()
        out.key("table_rows"); out.int(tableRows)
        out.key("total"); out.int(total)
        if let version {
            out.key("version")
            out.beginObject()
            out.key("change_note"); out.string(version.changeNote)
            out.key("column_count"); out.int(version.columnCount)
            if let created = version.createdAt { out.key("created_at"); out.date(created) }
            out.key("current"); out.bool(version.current)
            out.key("json"); out.string(version.json)
            out.key("number"); out.int(version.number)
            out.key("row_count"); out.int(version.rowCount)
            out.key("url"); out.string(version.url)
            out.endObject()
        }
        out.endObject()
        return out.bytes
    }
}
