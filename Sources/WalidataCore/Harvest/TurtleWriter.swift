import Foundation

/// RDF 1.1 Turtle from an `RDFGraph`: prefixes, then one block per subject.
public enum TurtleWriter {
    public static func write(_ graph: RDFGraph) -> String {
        var out = graph.prefixes.map { "@prefix \($0.0): <\(IRIText.safe($0.1))> ." }.joined(separator: "\n") + "\n"
        for (subject, triples) in graph.bySubject {
            out += "\n" + term(subject, graph)
            // Triples of one predicate are written together: `p o1, o2`.
            var predicates: [String] = []
            var objects: [String: [RDFGraph.Term]] = [:]
            for triple in triples {
                if objects[triple.predicate] == nil { predicates.append(triple.predicate) }
                objects[triple.predicate, default: []].append(triple.object)
            }
            let lines = predicates.map { p in
                let name = p == RDFGraph.rdfType ? "a" : (graph.compact(p) ?? "<\(IRIText.safe(p))>")
                return "    \(name) " + objects[p]!.map { term($0, graph) }.joined(separator: ", ")
            }
            out += "\n" + lines.joined(separator: " ;\n") + " .\n"
        }
        return out
    }

    static func term(_ term: RDFGraph.Term, _ graph: RDFGraph) -> String {
        switch term {
        case .iri(let iri): graph.compact(iri) ?? "<\(IRIText.safe(iri))>"
        case .blank(let label): "_:\(label)"
        case .literal(let value, let datatype, let language):
            "\"\(escape(value))\"" + (language.map { "@\($0)" } ?? "") + (datatype.map { "^^" + (graph.compact($0) ?? "<\(IRIText.safe($0))>") } ?? "")
        }
    }

    /// A Turtle short string (STRING_LITERAL_QUOTE): quote, backslash and line breaks escaped,
    /// other control characters as `\uXXXX`; everything else (any Unicode) as it is.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
