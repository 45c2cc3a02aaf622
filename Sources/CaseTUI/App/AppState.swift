import CaseModel
import CaseStore
import CaseTraining
import Foundation

/// Everything the console shows, and nothing it does not: views render this alone.
public struct AppState: Sendable {
    /// Terminal columns.
    public var width: Int
    /// Terminal rows.
    public var height: Int
    /// The current time; a tick action advances it.
    public var now: Date
    /// How wide characters are (East Asian ambiguous width is a setting).
    public var measure: DisplayWidth = .standard
    /// The interface language.
    public var language: Language = .en
    /// Where the database lives, for the status bar.
    public var databaseLabel: String
    /// The queue window.
    public var queue = QueueWindow()
    /// The focused pane.
    public var focus: Pane = .queue
    /// Whether the help overlay is open.
    public var showHelp = false
    /// The page of help shown, when the keys need more than one.
    public var helpPage = 0
    /// The step menu, while open.
    public var stepMenu: StepMenu?
    /// The last command that can be undone, and how.
    public var undoable: Undoable?
    /// The form being filled in, while open.
    public var form: Form?
    /// Forms submitted that the store has not answered yet, oldest first: each closes on Enter
    /// (so the panes answer keys at once) and reopens with the reason if the store refuses it.
    public var submittedForms: [Form] = []
    /// The line being typed for a search or a filter, while open.
    public var prompt: Prompt?
    /// The queue's filters and order.
    public var query = QueueQuery.all
    /// The filter expression the query came from, shown in the status bar.
    public var filterText = ""
    /// The saved view the queue shows.
    public var view = SavedView.all
    /// The full-text search the queue shows, if any.
    public var searchText: String?
    /// The question before an irreversible step, while asked.
    public var confirmation: Confirmation?
    /// The person at the console; what they may do comes from their role.
    public var staff = StaffMember(name: "viewer", role: .trainer)
    /// The registered independent observers, by name.
    public var observers: [String] = []
    /// A slow read running now, shown on the status bar.
    public var busy: LocalizedText?
    /// How many of the user's writes the store has not finished yet.
    public var writesInFlight = 0
    /// Whether the sweeper is applying expired deadlines now.
    public var sweeping = false
    /// The case the user just changed: the next reload follows it wherever it now sorts.
    public var followCase: Int64?
    /// The case open in the detail pane.
    public var openCase: Case?
    /// The open case's evidence.
    public var evidence: [Evidence] = []
    /// The open case's audit trail, oldest first: its newest page, and the older pages scrolled to.
    public var timeline: [AuditEntry] = []
    /// Whether the case has audit records older than the timeline holds (they load on scrolling).
    public var timelineHasOlder = false
    /// Whether a page of older records has been asked for and not yet arrived.
    public var timelineLoading = false
    /// Whether the detail pane shows the timeline instead of the details.
    public var showTimeline = false
    /// The open case's points in dispute.
    public var issues: [DisputeIssue] = []
    /// The open case's evidence requests, for on-time / late marks.
    public var requests: [EvidenceRequest] = []
    /// The open case's rulings, obligations, sign-offs and appeals.
    public var decisions = CaseDecisions()
    /// A document over the panes (a ruling notice, the dashboard), while open.
    public var document: Document?
    /// How far the document is scrolled.
    public var documentScroll = 0
    /// A count typed before a motion (the 5 of 5j).
    public var count: Int?
    /// The selected evidence item.
    public var evidenceSelection = 0
    /// How far the detail pane is scrolled.
    public var detailScroll = 0
    /// A one-line message for the status bar.
    public var message: String?
    /// Whether the message reports an error.
    public var messageIsError = false
    /// The key bindings: the defaults and any from the configuration file.
    public var keymap = Keymap.standard
    /// The rule packs, for what happens when a deadline expires.
    public var rules = RulePackCatalog([])
    /// The database's change token when the screen was last loaded.
    public var changeToken: Int64 = -1
    /// Whether the database was opened read-only; the status bar says so at all times.
    public var readOnly = false
    /// Whether the database runs on a simulated clock (a rehearsal or test database), marked in the status bar.
    public var simulated = false
    /// When the audit chain was last anchored (`casedesk anchor`), if ever: the status bar shows its age.
    public var lastAnchor: Date?
    /// The training scenario being played, when the console runs in training mode.
    public var training: TrainingStatus?
    /// Set when the user asked to quit.
    public var shouldQuit = false

    /// A state for a terminal of the given size.
    public init(width: Int, height: Int, now: Date, databaseLabel: String) {
        self.width = width
        self.height = height
        self.now = now
        self.databaseLabel = databaseLabel
    }

    /// Where keys go now.
    public var context: Context {
        if form != nil { return .form }
        if document != nil { return .document }
        if prompt != nil { return .prompt }
        if confirmation != nil { return .confirm }
        if stepMenu != nil { return .steps }
        return showHelp ? .help : .pane(focus)
    }

    /// Whether an overlay covers the panes (so no pane shows as focused).
    public var hasOverlay: Bool {
        showHelp || stepMenu != nil || confirmation != nil || prompt != nil || form != nil
            || document != nil
    }

    /// What the status bar marks as running: the sweep, a write being saved, or a slow read.
    public var busyMark: LocalizedText? {
        if writesInFlight > 0 { return UIText.saving }
        if sweeping { return UIText.sweeping }
        return busy
    }

    /// Whether the terminal is below the minimum size.
    public var isTooSmall: Bool { width < Layout.minimumWidth || height < Layout.minimumHeight }

    /// Rows of the queue on screen.
    public var visibleQueueRows: Int { layout.queueRows }

    /// Where everything goes on screen.
    public var layout: Layout { Layout(width: width, height: height, banner: training != nil) }
}

/// What the console shows of a training scenario: its brief and the walkthrough's step notes.
public struct TrainingStatus: Sendable {
    /// The scenario's id.
    public var scenarioID: String
    /// Its title.
    public var title: String
    /// What it teaches.
    public var summary: String
    /// The step notes, in order.
    public var notes: [String]
    /// The step the trainee is on (0-based).
    public var step = 0

    /// Creates the status for a scenario.
    public init(scenario: Scenario) {
        scenarioID = scenario.id
        title = scenario.title
        summary = scenario.summary
        notes = scenario.steps.map(\.note)
    }
}
