/// Numbers in messages, grouped the way each language's readers expect (`1.234` / `1,234`).
enum Count {
    static func id(_ n: Int) -> String { grouped(n, separator: ".") }
    static func en(_ n: Int) -> String { grouped(n, separator: ",") }

    static func idList(_ numbers: [Int]) -> String { list(numbers.map(id), and: "dan") }
    static func enList(_ numbers: [Int]) -> String { list(numbers.map(en), and: "and") }

    static func list(_ items: [String], and: String) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " \(and) " + items[items.count - 1]
        }
    }

    private static func grouped(_ n: Int, separator: Character) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
