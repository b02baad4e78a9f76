import CertifolioApp
import Foundation
import Hummingbird

/// `GET /sante`: whether the server answers and its database reads, for a supervisor or a load
/// balancer — no account, and nothing about anyone (`{"statut":"ok","base":"ok"}`, or 503).
struct HealthRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get(WebRoutes.health) { _, _ -> Response in
            let ok = (try? services.app.appliedMigrations().isEmpty == false) ?? false
            let body = ok ? #"{"statut":"ok","base":"ok"}"# : #"{"statut":"degrade","base":"illisible"}"#
            return Response(status: ok ? .ok : .serviceUnavailable,
                            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: body + "\n")))
        }
    }
}
