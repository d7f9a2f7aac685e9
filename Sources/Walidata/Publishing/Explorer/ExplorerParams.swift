import Foundation
import WalidataTables

extension TableQueryParams {
    /// The explorer's page: 50 rows unless asked otherwise. A page is at most 50 rows, so it
    /// stays light on a slow link; the JSON twin may ask up to the engine's cap.
    static let explorerRows = 50

    func explorer(json: Bool) -> TableQueryParams {
        var params = self
        params.limit = json ? (limit ?? Self.explorerRows) : min(limit ?? Self.explorerRows, Self.explorerRows)
        return params
    }

    /// Percent-encoding as `encoded` writes a value.
    static func percentEncoded(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The filters and sort as name/value pairs, for hidden fields of another form on the page.
    var hiddenPairs: [(String, String)] {
        encoded(dropPaging: true).split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            return (parts[0], parts[1].removingPercentEncoding ?? parts[1])
        }
    }
}
