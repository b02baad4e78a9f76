/// One evaluation as recorded, for a history: the event, its comment, and its correction links.
public struct EvaluationEntry: Sendable, Equatable {
    public var event: EvaluationEvent
    public var comment: String?
    public var correctionReason: String?
    /// The event that corrects this one (it then no longer counts).
    public var correctedBy: Int64?
    /// The competence grid (empty when none was given).
    public var grid: [CompetenceAssessment]
    /// The deposit assessed, if any.
    public var deposit: DepositID?

    public var id: Int64 { event.sequence }

    public init(event: EvaluationEvent, comment: String?, correctionReason: String?, correctedBy: Int64?,
                grid: [CompetenceAssessment] = [], deposit: DepositID? = nil) {
        self.event = event
        self.comment = comment
        self.correctionReason = correctionReason
        self.correctedBy = correctedBy
        self.grid = grid
        self.deposit = deposit
    }
}
