/// A light stemmer for Indonesian: it removes the common affixes so that "pendidikan",
/// "mendidik" and "didik" meet, without a dictionary. It works on folded lower-case words
/// (`SearchText.fold`). Without a dictionary some cuts are guesses; the rules prefer the word
/// forms a data catalogue uses (nouns like *pendidikan*, *kependudukan*, *pertanian*) and leave
/// a word alone rather than cut it too short, because a missed cut only loses a match between
/// two forms while a wrong cut can join unrelated words. Known limits are in the tests.
///
/// Order, after Nazief–Adriani and Tala: particle (-lah) and possessive (-nya), then up to two
/// prefixes (me-/di-/ke-/pe-/ter-/ber- families, with the nasal changes meny- → s, men- → t,
/// mem- → p), then one derivational suffix (-kan, -an, -i).
public enum IndonesianStemmer {
    /// Shorter stems are not produced by removing a prefix ("dinas" stays, not "nas").
    static let minPrefixStem = 4
    /// Without a prefix, a suffix is removed only if this much remains ("bulan" stays,
    /// "bulanan" becomes "bulan").
    static let minBareSuffixStem = 5
    /// With a prefix removed, a suffix is removed if this much remains ("kesehatan" → "sehat").
    static let minSuffixStem = 3

    private enum PrefixKind { case verbal, nominal }

    public static func stem(_ word: String) -> String {
        var w = Array(word)
        guard w.count > 3, w.allSatisfy({ $0.isASCII && $0.isLetter }) else { return word }
        for particle in ["lah", "nya"] where w.hasSuffix(particle) && w.count - particle.count >= 5 {
            w.removeLast(particle.count)
            break
        }
        var kinds: [PrefixKind] = []
        var substituted = false
        while kinds.count < 2, !substituted, let (rest, kind, sub) = removePrefix(w, first: kinds.isEmpty) {
            w = rest
            kinds.append(kind)
            substituted = sub
        }
        return String(removeSuffix(w, after: kinds))
    }

    /// One prefix off `w`, if one fits: the rest, the kind, and whether a nasal change put a
    /// letter back (after that no further prefix is looked for: "pemerintah" → "perintah").
    private static func removePrefix(_ w: [Character], first: Bool) -> ([Character], PrefixKind, Bool)? {
        func rest(_ n: Int, put letter: Character? = nil) -> [Character]? {
            var r = Array(w.dropFirst(n))
            if let letter { r.insert(letter, at: 0) }
            return r.count >= minPrefixStem ? r : nil
        }
        func at(_ i: Int) -> Character? { i < w.count ? w[i] : nil }
        let vowel = { (c: Character?) in c.map { "aiueo".contains($0) } ?? false }
        // me- and pe- share the nasal rules; di-, ke- only open a word (first prefix).
        for (head, kind) in [("me", PrefixKind.verbal), ("pe", .nominal)] where w.hasPrefix(head) {
            let c2 = at(2), c3 = at(3)
            if c2 == "n" && c3 == "g", let r = rest(4) { return (r, kind, false) }
            if c2 == "n" && c3 == "y" && vowel(at(4)), let r = rest(4, put: "s") { return (r, kind, true) }
            if c2 == "n" && vowel(c3), let r = rest(3, put: "t") { return (r, kind, true) }
            if c2 == "n", let c3, "cdjstz".contains(c3), let r = rest(3) { return (r, kind, false) }
            if c2 == "m" && vowel(c3), let r = rest(3, put: "p") { return (r, kind, true) }
            if c2 == "m", let c3, "bfpv".contains(c3), let r = rest(3) { return (r, kind, false) }
            if head == "pe" && c2 == "r", let r = rest(3) { return (r, kind, false) }
            // pe- before k/t ("pekerjaan", "peternakan"): the rest begins a root that looks like a
            // prefix (ter-), so no second prefix is taken off.
            if head == "pe", let c2, "kt".contains(c2), let r = rest(2) { return (r, kind, true) }
            if let c2, "lrwy".contains(c2), let r = rest(2) { return (r, kind, false) }
            return nil
        }
        if w.hasPrefix("ber"), let r = rest(3) { return (r, .verbal, false) }
        if w.hasPrefix("bek"), let r = rest(2) { return (r, .verbal, false) }
        if w.hasPrefix("ter"), let r = rest(3) { return (r, .verbal, false) }
        if first, w.hasPrefix("di"), let r = rest(2) { return (r, .verbal, false) }
        if first, w.hasPrefix("ke"), let r = rest(2) { return (r, .nominal, false) }
        return nil
    }

    /// One derivational suffix. "-kan" after a vowel is ambiguous ("didik-an" or "guna-kan"):
    /// after a noun-making prefix (pe-, ke-) next to the root it is read as -an, after a
    /// verb-making one as -kan. "-i" goes only after a verb-making prefix ("diperbaiki"), since
    /// bare words ending in -i are mostly roots ("tani", "informasi").
    private static func removeSuffix(_ w: [Character], after kinds: [PrefixKind]) -> [Character] {
        let prefix = kinds.last
        let minimum = prefix == nil ? minBareSuffixStem : minSuffixStem
        func cut(_ n: Int) -> [Character]? { w.count - n >= minimum ? Array(w.dropLast(n)) : nil }
        if w.hasSuffix("kan") {
            let beforeK = w.count > 3 ? w[w.count - 4] : "k"
            let asAn = "aiueo".contains(beforeK) && prefix != .verbal
            if let r = cut(asAn ? 2 : 3) { return r }
            return w
        }
        if w.hasSuffix("an"), let r = cut(2) { return r }
        if kinds.contains(.verbal), w.hasSuffix("i"), w.count > 1, !"aiueo".contains(w[w.count - 2]), let r = cut(1) { return r }
        return w
    }
}

private extension Array where Element == Character {
    func hasPrefix(_ s: String) -> Bool { starts(with: s) }
    func hasSuffix(_ s: String) -> Bool { reversed().starts(with: s.reversed()) }
}
