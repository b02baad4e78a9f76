import CertifolioCore
import CertifolioApp
import Foundation
import Hummingbird

/// Lets through only signed-in accounts of the given roles: an anonymous visitor is sent to
/// the sign-in page (and brought back after), another role gets 403.
struct RequireRole: RouterMiddleware {
    typealias Context = WebContext
    let roles: Set<UserRole>

    init(_ roles: UserRole...) { self.roles = Set(roles) }

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard let account = context.identity else {
            let back = request.method == .get ? "?suite=" + (request.uri.path.addingPercentEncoding(
                withAllowedCharacters: .urlPathAllowed) ?? "/") : ""
            return Response(status: .seeOther, headers: [.location: WebRoutes.signIn.path + back])
        }
        guard roles.contains(account.role) else { throw Forbidden() }
        return try await next(request, context)
    }
}

/// A page the signed-in account may not see (another candidate's record, another role's page).
struct Forbidden: Error {}

/// Whose records an account may read. A candidate: their own only. An évaluateur: the
/// candidates of the cohorts they are assigned to. A gestionnaire: everyone.
enum RecordAccess {
    static func cohortVisible(_ cohort: String, to account: UserAccount) -> Bool {
        switch account.role {
        case .manager: return true
        case .evaluator: return account.cohorts.contains(cohort)
        case .candidate, .secretary: return false
        }
    }

    /// Throws `Forbidden` unless the account may read (and, staff, evaluate) this candidate;
    /// returns the candidate's enrolment. An unknown id gets the same answer as a forbidden one,
    /// so that ids cannot be probed.
    @discardableResult
    static func requireCandidate(_ id: CandidateID, _ account: UserAccount, _ app: Certifolio) throws -> Enrolment {
        if account.role == .candidate {
            guard account.candidateID == id else { throw Forbidden() }
        }
        guard let enrolment = try app.enrolment(of: id) else { throw Forbidden() }
        if account.role != .candidate, !cohortVisible(enrolment.cohort, to: account) { throw Forbidden() }
        return enrolment
    }
}
