import Foundation

/// JSON-LD 1.1 from an `RDFGraph`, in the flattened form (`@context` with the graph's prefixes
/// and one `@graph` node per subject), which every JSON-LD processor reads the same way.
public enum JSONLDWriter {
    public static func write(_ graph: RDFGraph) -> String {
        let context = graph.prefixes.map { "    \(string($0.0)): \(string($0.1))" }.joined(separator: ",\n")
        let nodes = graph.bySubject.map { subject, triples -> String in
            var fields: [String] = ["\"@id\": " + string(id(subject))]
            let types = triples.filter { $0.predicate == RDFGraph.rdfType }.compactMap { t -> String? in
                if case .iri(let iri) = t.object { return string(graph.compact(iri) ?? iri) } else { return nil }
            }
            if !types.isEmpty { fields.append("\"@type\": [" + types.joined(separator: ", ") + "]") }
            var predicates: [String] = []
            var objects: [String: [RDFGraph.Term]] = [:]
            for t in triples where t.predicate != RDFGraph.rdfType {
                if objects[t.predicate] == nil { predicates.append(t.predicate) }
                objects[t.predicate, default: []].append(t.object)
            }
            for p in predicates {
                fields.append(string(graph.compact(p) ?? p) + ": [" + objects[p]!.map { value($0, graph) }.joined(separator: ", ") + "]")
            }
            return "    {\n      " + fields.joined(separator: ",\n      ") + "\n    }"
        }
        return "{\n  \"@context\": {\n\(context)\n  },\n  \"@graph\": [\n" + nodes.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    static func id(_ term: RDFGraph.Term) -> String {
        switch term {
        case .iri(let iri): IRIText.safe(iri)
        case .blank(let label): "_:" + label
        case .literal(let value, _, _): value
        }
    }

    static func value(_ term: RDFGraph.Term, _ graph: RDFGraph) -> String {
        switch term {
        case .iri, .blank: return "{\"@id\": \(string(id(term)))}"
        case .literal(let text, let datatype, let language):
            var parts = ["\"@value\": " + string(text)]
            if let language { parts.append("\"@language\": " + string(language)) }
            if let datatype { parts.append("\"@type\": " + string(graph.compact(datatype) ?? datatype)) }
            return "{" + parts.joined(separator: ", ") + "}"
        }
    }

    /// A JSON string: quote, backslash and control characters escaped (RFC 8259).
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
