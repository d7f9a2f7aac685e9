import Foundation
import Vapor
import WalidataCore

/// What the JSON API returns. Field names are stable: they are the API's contract and are
/// described in `OpenAPIDocument`.
enum APIModels {
    struct UserOut: Content {
        var id: UUID
        var username: String
        var fullName: String
        var role: String
        var organizationID: UUID?
        var active: Bool
        var language: String

        init(_ user: User) {
            id = user.id!
            username = user.username
            fullName = user.fullName
            role = user.roleRaw
            organizationID = user.$organization.id
            active = user.active
            language = user.language
        }
    }

    struct OrganizationOut: Content {
        var id: UUID
        var name: String
        var code: String
        var contactName: String
        var phone: String
        var email: String
        var address: String
        var active: Bool

        init(_ org: Organization) {
            id = org.id!
            name = org.name
            code = org.code
            contactName = org.contactName
            phone = org.phone
            email = org.email
            address = org.address
            active = org.active
        }
    }

    struct SOPRevisionOut: Content {
        var number: Int
        var status: String
        var changeNote: String
        var createdAt: Date?
        var approvedAt: Date?
        var approverName: String?
        var approverNIP: String?
        var definition: SOPDefinition?

        init(_ revision: SOPRevision, withDefinition: Bool) throws {
            number = revision.number
            status = revision.statusRaw
            changeNote = revision.changeNote
            createdAt = revision.createdAt
            approvedAt = revision.approvedAt
            approverName = revision.approverName
            approverNIP = revision.approverNIP
            definition = withDefinition ? try revision.definition() : nil
        }
    }

    struct CalendarOut: Content {
        struct Hours: Content {
            var weekday: Int
            var opens: String?
            var closes: String?
        }
        struct Day: Content {
            var date: String
            var kind: String
            var description: String
        }
        var timeZone: String
        var hours: [Hours]
        var nonWorkingDays: [Day]
    }

    struct DueOut: Content {
        var start: Date
        var standard: String
        var due: Date
        var workingSeconds: Double
    }

    /// Every list of the API: one page (`?limit=` 1–500, default 50; `?offset=`), with the total.
    struct ListOut<Item: Content>: Content {
        var items: [Item]
        /// Items on this page.
        var count: Int
        /// Items in the whole list.
        var total: Int
        var limit: Int
        var offset: Int

        init(_ items: [Item], total: Int, window: PageWindow) {
            self.items = items
            count = items.count
            self.total = total
            limit = window.limit
            offset = window.offset
        }

        /// A short list already in memory (revisions, agencies, a case's rounds), cut to the window.
        init(all: [Item], window: PageWindow) {
            self.init(window.slice(all), total: all.count, window: window)
        }
    }
}
