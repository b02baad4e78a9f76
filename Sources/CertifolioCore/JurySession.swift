/// A jury session of one certification: where and when it sits, who sits, who is convoked.
public struct JurySession: Sendable, Equatable {
    public var id: JurySessionID
    public var certification: CertificationCode
    public var date: Day
    public var place: String
    public var members: [JuryMember]
    /// Convoked candidates, in candidate id order.
    public var convoked: [CandidateID]
    /// When the session was closed (a timestamp); nil while it is open.
    public var closedAt: String?

    public init(id: JurySessionID, certification: CertificationCode, date: Day, place: String,
                members: [JuryMember] = [], convoked: [CandidateID] = [], closedAt: String? = nil) {
        self.id = id
        self.certification = certification
        self.date = date
        self.place = place
        self.members = members
        self.convoked = convoked
        self.closedAt = closedAt
    }

    public var isClosed: Bool { closedAt != nil }
}

/// A member of a jury session: a person holding one of the référentiel's jury roles.
public struct JuryMember: Sendable, Equatable {
    public var name: String
    public var role: JuryRoleID
    /// External to the certifier and the training centre (the fiche asks it of some seats).
    public var external: Bool
    /// Designated by the session to preside (when the fiche names no presiding role).
    public var presides: Bool
    /// Excused: named on the PV as such, fills no seat and signs nothing.
    public var excused: Bool
    /// The member's évaluateur account (from the jury directory), if any: what it recorded makes
    /// the member step aside for that candidate, whatever the names typed.
    public var account: Int64?

    public init(name: String, role: JuryRoleID, external: Bool, presides: Bool = false, excused: Bool = false,
                account: Int64? = nil) {
        self.name = name
        self.role = role
        self.external = external
        self.presides = presides
        self.excused = excused
        self.account = account
    }
}

extension JurySession {
    /// Who presides: the member holding the role the fiche names to preside the route's jury,
    /// else the member the session designated; nil when neither.
    public func president(in referentiel: Referentiel) -> JuryMember? {
        let named = Set(referentiel.accessRoutes.compactMap { $0.jury?.president })
        return members.first { !$0.excused && named.contains($0.role) } ?? members.first { $0.presides && !$0.excused }
    }
}

/// What one decision is about: a candidate's block or title. A session holds one decision
/// per slot.
public struct DecisionSlot: Hashable, Sendable {
    public var candidate: CandidateID
    public var component: DecisionComponent

    public init(_ candidate: CandidateID, _ component: DecisionComponent) {
        self.candidate = candidate
        self.component = component
    }
}

/// One decision entered in a session: for a candidate, on a block or the title.
public struct SessionDecision: Sendable, Equatable {
    public var candidate: CandidateID
    public var component: DecisionComponent
    public var decision: DecisionKind
    /// Why the jury departed from the proposal (required then).
    public var motive: String?
    /// The earlier decision this one revokes, with the reason.
    public var revokes: Int64?
    public var revocationReason: String?

    public init(candidate: CandidateID, component: DecisionComponent, decision: DecisionKind, motive: String?,
                revokes: Int64? = nil, revocationReason: String? = nil) {
        self.candidate = candidate
        self.component = component
        self.decision = decision
        self.motive = motive
        self.revokes = revokes
        self.revocationReason = revocationReason
    }

    public var slot: DecisionSlot { DecisionSlot(candidate, component) }
}

/// A decision as recorded for good (a closed session's, or an amendment), with its id.
public struct RecordedSessionDecision: Sendable, Equatable {
    public var id: Int64
    public var date: Day
    public var decision: SessionDecision

    public init(id: Int64, date: Day, decision: SessionDecision) {
        self.id = id
        self.date = date
        self.decision = decision
    }
}

/// Who makes a write, for the audit trail: `cli:marie` or a web account's e-mail.
public struct Actor: Sendable, Equatable, CustomStringConvertible {
    public let name: String
    /// The web account behind the write, if any: an evaluation keeps it, so that the jury knows
    /// who evaluated whom without comparing typed names.
    public let account: Int64?
    public init(_ name: String, account: Int64? = nil) {
        self.name = name
        self.account = account
    }
    public var description: String { name }
}
