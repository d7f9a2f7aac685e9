import Fluent
import Vapor

/// Migrations are append-only: a released one is never edited; a change is a new file.
enum Migrations {
    static func register(on app: Application) {
        app.migrations.add(SessionRecord.migration)
        app.migrations.add(M001CreateAccounts())
        app.migrations.add(M002CreateSOPRevisions())
        app.migrations.add(M003CreateCalendar())
        app.migrations.add(M004CreateDataStore())
        app.migrations.add(M005CreateBackupRuns())
        app.migrations.add(M006CreateCases())
        app.migrations.add(M007CreateLetters())
        app.migrations.add(M008CreateCaseReports())
        app.migrations.add(M009CreatePublications())
        app.migrations.add(M010CreateNotifications())
        app.migrations.add(M011AddReturnSection())
        app.migrations.add(M012CreateCaseAttachments())
        app.migrations.add(M013AddEventCaseID())
        app.migrations.add(M014AddDatasetPublication())
        app.migrations.add(M015AddReceiptSnapshot())
        app.migrations.add(M016AddFinalReportSnapshot())
        app.migrations.add(M017AddFinalNarrative())
        app.migrations.add(M020CreateChannels())
        app.migrations.add(M018AddStepLane())
        app.migrations.add(M021CreateCatalogSearch())
        app.migrations.add(M024CreateSOPForms())
        app.migrations.add(M022ColumnDescriptions())
        app.migrations.add(M023AddVersionReading())
        app.migrations.add(M025CatalogGeneration())
    }
}
