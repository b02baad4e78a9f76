import Foundation
import Hummingbird

/// The stylesheet (the only static file: no script, no font, no image).
enum StaticRoutes {
    static let stylesheet: String = {
        guard let url = Bundle.module.url(forResource: "Static/style", withExtension: "css"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }()

    static func add(to router: Router<WebContext>) {
        router.get(WebRoutes.stylesheet) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: stylesheet)))
        }
    }
}
