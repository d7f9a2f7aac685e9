import Foundation
import WalidataCore
import WalidataTables

extension TableQueryParams {
    /// The explorer's page: 50 rows unless asked otherwise, so it stays light on a slow link;
    /// the JSON twin may ask up to the engine's cap.
    static let explorerRows = 50
    /// Cells an HTML page shows at most (50 rows of 16 columns, about 20 KB): a wider table
    /// gets fewer rows a page, never fewer than 10, so every page stays under 30 KB.
    static let explorerCells = 800

    /// Rows an HTML page of a table with this many columns shows at most.
    static func explorerRows(columns: Int) -> Int {
        columns <= 0 ? explorerRows : min(explorerRows, max(10, explorerCells / columns))
    }

    func explorer(json: Bool, columns: Int = 0) -> TableQueryParams {
        var params = self
        let most = Self.explorerRows(columns: columns)
        params.limit = json ? (limit ?? Self.explorerRows) : min(limit ?? most, most)
        return params
    }

    /// The filters and sort as name/value pairs, for hidden fields of another form on the page.
    var hiddenPairs: [(String, String)] {
        encoded(dropPaging: true).split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            return (parts[0], FormText.decode(Substring(parts[1])) ?? parts[1])
        }
    }
}
