import Vapor
import WalidataCore

/// The draft editor's form. Step numbers and lane codes are fixed by position; everything an
/// admin may change is here. Lists in the identity sheet are one item per line.
struct SOPDraftForm: Content {
    struct Lane: Content { var name: String? }
    struct Step: Content {
        var activity: String?
        var activityEnglish: String?
        var lane: String?
        var kind: String?
        var requirement: String?
        var time: String?
        var output: String?
        var note: String?
        var next: String?
        var yes: String?
        var no: String?
    }

    var changeNote: String?
    var nomor: String?
    var namaSOP: String?
    var unit: String?
    var tanggalPembuatan: String?
    var disahkanJabatan: String?
    var dasarHukum: String?
    var kualifikasiPelaksana: String?
    var keterkaitan: String?
    var peralatan: String?
    var peringatan: String?
    var pencatatan: String?
    var lanes: [String: Lane]?
    var steps: [String: Step]?

    /// The definition with this form's changes. A time that cannot be read keeps an invalid
    /// marker (0 minutes) so validation reports it instead of silently keeping the old value.
    func apply(to original: SOPDefinition) -> SOPDefinition {
        var definition = original
        func clean(_ text: String?) -> String? { text.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } }
        func lines(_ text: String?) -> [String]? {
            text.map { $0.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        }
        if let v = clean(nomor) { definition.identity.nomor = v }
        if let v = clean(namaSOP) { definition.identity.namaSOP = v }
        if let v = clean(unit) { definition.identity.unit = v }
        if let v = clean(tanggalPembuatan) { definition.identity.tanggalPembuatan = v }
        if let v = clean(disahkanJabatan) { definition.identity.disahkanJabatan = v }
        if let v = lines(dasarHukum) { definition.identity.dasarHukum = v }
        if let v = lines(kualifikasiPelaksana) { definition.identity.kualifikasiPelaksana = v }
        if let v = lines(keterkaitan) { definition.identity.keterkaitan = v }
        if let v = lines(peralatan) { definition.identity.peralatan = v }
        if let v = clean(peringatan) { definition.identity.peringatan = v }
        if let v = clean(pencatatan) { definition.identity.pencatatan = v }
        for (key, lane) in lanes ?? [:] {
            guard let index = Int(key), definition.lanes.indices.contains(index) else { continue }
            if let name = clean(lane.name), !name.isEmpty { definition.lanes[index].name = name }
        }
        for (key, step) in steps ?? [:] {
            guard let index = Int(key), definition.steps.indices.contains(index) else { continue }
            var s = definition.steps[index]
            if let v = clean(step.activity) { s.activity = v }
            if let v = clean(step.activityEnglish) { s.activityEnglish = v }
            if let v = clean(step.lane) { s.lane = v }
            if let v = step.kind.flatMap(SOPStepKind.init(rawValue:)) { s.kind = v }
            if let v = clean(step.requirement) { s.requirement = v }
            if let v = clean(step.time) { s.time = TimeStandard(parsing: v) ?? TimeStandard(amount: 0, unit: .minutes) }
            if let v = clean(step.output) { s.output = v }
            if let v = clean(step.note) { s.note = v }
            if s.kind == .decision {
                s.next = nil
                s.yes = step.yes.flatMap { Int($0) } ?? s.yes
                s.no = step.no.flatMap { Int($0) } ?? s.no
            } else {
                s.yes = nil
                s.no = nil
                if let raw = step.next { s.next = Int(raw) }
            }
            definition.steps[index] = s
        }
        return definition
    }
}
