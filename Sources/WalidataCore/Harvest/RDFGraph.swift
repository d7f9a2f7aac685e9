import Foundation

/// A small RDF graph, enough for the DCAT documents harvesters read. Both serialisations
/// (`TurtleWriter`, `JSONLDWriter`) are written from the same triples, so the two formats cannot
/// say different things.
public struct RDFGraph: Sendable {
    public enum Term: Hashable, Sendable {
        case iri(String)
        /// A blank node, by a label unique within the graph.
        case blank(String)
        case literal(String, datatype: String? = nil, language: String? = nil)

        public static func text(_ value: String, _ language: String? = nil) -> Term { .literal(value, language: language) }
        public static func typed(_ value: String, _ datatype: String) -> Term { .literal(value, datatype: datatype) }
    }

    public struct Triple: Hashable, Sendable {
        public var subject: Term
        public var predicate: String
        public var object: Term
    }

    /// The prefixes used in both documents: `(prefix, namespace)`.
    public var prefixes: [(String, String)]
    public private(set) var triples: [Triple] = []
    private var seen: Set<Triple> = []
    private var blankCount = 0

    public init(prefixes: [(String, String)]) { self.prefixes = prefixes }

    /// Adds a triple; a predicate is written `prefix:local` with a prefix the graph declares.
    public mutating func add(_ subject: Term, _ predicate: String, _ object: Term) {
        let triple = Triple(subject: subject, predicate: expand(predicate), object: object)
        if seen.insert(triple).inserted { triples.append(triple) }
    }

    /// Adds a text value unless it is empty (a missing field says nothing, not "").
    public mutating func add(_ subject: Term, _ predicate: String, text: String, language: String? = nil) {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !value.isEmpty { add(subject, predicate, .text(value, language)) }
    }

    public mutating func type(_ subject: Term, _ type: String) { add(subject, Self.rdfType, .iri(expand(type))) }

    public mutating func newBlank() -> Term {
        blankCount += 1
        return .blank("b\(blankCount)")
    }

    /// `dcat:Dataset` → the full IRI; a full IRI stays as it is.
    public func expand(_ name: String) -> String {
        guard let colon = name.firstIndex(of: ":") else { return name }
        let prefix = String(name[..<colon])
        guard let namespace = prefixes.first(where: { $0.0 == prefix })?.1 else { return name }
        return namespace + name[name.index(after: colon)...]
    }

    /// The full IRI → `dcat:Dataset` when a prefix covers it and the rest is a plain local name.
    public func compact(_ iri: String) -> String? {
        for (prefix, namespace) in prefixes where iri.hasPrefix(namespace) {
            let local = iri.dropFirst(namespace.count)
            if !local.isEmpty, local.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }), local.first!.isLetter {
                return prefix + ":" + local
            }
        }
        return nil
    }

    /// Subjects in the order they first appear, each with its triples in order.
    public var bySubject: [(Term, [Triple])] {
        var order: [Term] = []
        var groups: [Term: [Triple]] = [:]
        for triple in triples {
            if groups[triple.subject] == nil { order.append(triple.subject) }
            groups[triple.subject, default: []].append(triple)
        }
        return order.map { ($0, groups[$0]!) }
    }

    public static let rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
}

/// Making IRIs safe to write between `<` and `>`: characters Turtle and IRIs forbid there are
/// percent-encoded, so a typed value (an agency code, a licence URL) can never end the IRI early.
public enum IRIText {
    public static func safe(_ iri: String) -> String {
        var out = ""
        for scalar in iri.unicodeScalars {
            if scalar.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(scalar) {
                for byte in String(scalar).utf8 { out += String(format: "%%%02X", byte) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One path segment or fragment made of anything a user typed.
    public static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? ""
    }
}
