/// RFC 4180 record splitting over bytes in a buffer that is refilled chunk by chunk.
///
/// `scan` either finds one complete record or reports that the buffer ends inside one; the
/// caller then refills and scans the same record again from its start, which keeps the scanner
/// free of resumable state. Escaped fields are rewritten in place only by `finishRecord`, after
/// which the record is never scanned again.
///
/// Leniencies, chosen because spreadsheets and hand edits produce them: spaces before an
/// opening quote and after a closing quote are ignored; a quote inside an unquoted field is a
/// literal character; text after a closing quote is appended to the field (and reported).
struct CSVTokenizer: ~Copyable {
    enum Scan: Equatable {
        case record(next: Int)
        case needMore
        case finished
        case unterminatedQuote(line: Int)
    }

    let delimiter: UInt8
    /// The physical line (1-based) at the position the next scan starts from.
    private(set) var line = 1
    /// The physical line the last scanned record starts on.
    private(set) var recordLine = 1
    var fields = FieldList()
    private let special: UnsafeMutablePointer<Bool>

    private static let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, space: UInt8 = 0x20

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        special = .allocate(capacity: 256)
        special.initialize(repeating: false, count: 256)
        special[Int(delimiter)] = true
        special[Int(Self.lf)] = true
        special[Int(Self.cr)] = true
    }

    deinit { special.deallocate() }

    /// True when the last record is a blank line (or a line of spaces and tabs only).
    func recordIsBlank(_ base: UnsafeMutablePointer<UInt8>) -> Bool {
        guard fields.count == 1, fields.kinds[0] == .plain else { return false }
        for i in fields.starts[0]..<fields.ends[0] where base[i] != Self.space && base[i] != 0x09 { return false }
        return true
    }

    mutating func scan(_ base: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int, eof: Bool) -> Scan {
        var p = start
        var line = self.line
        fields.count = 0
        recordLine = line
        if p >= end { return eof ? .finished : .needMore }
        let special = self.special
        let delimiter = self.delimiter
        while true {
            var q = p
            while q < end, base[q] == Self.space { q += 1 }
            if q == end, !eof { return .needMore }
            if q < end, base[q] == Self.quote {
                let quoteLine = line
                var r = q + 1
                var escaped = false
                var closing = -1
                while r < end {
                    let b = base[r]
                    if b == Self.quote {
                        if r + 1 < end {
                            if base[r + 1] == Self.quote {
                                escaped = true
                                r += 2
                                continue
                            }
                        } else if !eof {
                            return .needMore
                        }
                        closing = r
                        break
                    } else if b == Self.lf {
                        line += 1
                    } else if b == Self.cr {
                        if r + 1 < end {
                            if base[r + 1] != Self.lf { line += 1 }
                        } else if eof {
                            line += 1
                        } else {
                            return .needMore
                        }
                    }
                    r += 1
                }
                if closing < 0 { return eof ? .unterminatedQuote(line: quoteLine) : .needMore }
                var s = closing + 1
                while s < end, base[s] == Self.space { s += 1 }
                if s < end, !special[Int(base[s])] {
                    while s < end, !special[Int(base[s])] { s += 1 }
                    if s == end, !eof { return .needMore }
                    fields.append(q, s, .quotedWithTrailingText, closing: closing)
                } else {
                    if s == end, !eof { return .needMore }
                    if escaped {
                        fields.append(q, closing + 1, .quotedEscaped, closing: closing)
                    } else {
                        fields.append(q + 1, closing, .quoted)
                    }
                }
                p = s
            } else {
                var r = q
                while r < end, !special[Int(base[r])] { r += 1 }
                if r == end, !eof { return .needMore }
                fields.append(p, r, .plain)
                p = r
            }
            if p == end {
                self.line = line
                return .record(next: p)
            }
            let b = base[p]
            if b == delimiter {
                p += 1
                continue
            }
            line += 1
            if b == Self.cr {
                if p + 1 < end {
                    p += base[p + 1] == Self.lf ? 2 : 1
                } else if eof {
                    p += 1
                } else {
                    return .needMore
                }
            } else {
                p += 1
            }
            self.line = line
            return .record(next: p)
        }
    }

    /// Unescapes the quoted fields of the record just scanned, in place. Returns how many
    /// fields had text after their closing quote.
    mutating func finishRecord(_ base: UnsafeMutablePointer<UInt8>) -> Int {
        var trailing = 0
        for i in 0..<fields.count {
            let kind = fields.kinds[i]
            guard kind == .quotedEscaped || kind == .quotedWithTrailingText else { continue }
            let open = fields.starts[i], closing = fields.closings[i], end = fields.ends[i]
            var w = open
            var r = open + 1
            while r < closing {
                base[w] = base[r]
                r += base[r] == Self.quote ? 2 : 1
                w += 1
            }
            if kind == .quotedWithTrailingText {
                trailing += 1
                r = closing + 1
                while r < end {
                    base[w] = base[r]
                    r += 1
                    w += 1
                }
            }
            fields.setRange(i, start: open, end: w)
        }
        return trailing
    }
}
