import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 15: the server stops cleanly on SIGTERM (exit 0), as a supervisor stops it.
@Suite struct ServeStopTests {
    /// Whether something listens on 127.0.0.1:`port`.
    static func listening(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    @Test func sigtermStopsTheServerCleanly() throws {
        let cli = try CLI()
        try cli.ready()
        let port = UInt16(20_000 + Int.random(in: 0..<20_000))
        let server = CLI.quietProcess(["serve", "--db", cli.db, "--port", String(port)])
        try server.run()
        var up = false
        for _ in 0..<100 where !up {
            up = Self.listening(port)
            if !up { usleep(100_000) }
        }
        #expect(up, "the server listens")
        kill(server.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while server.isRunning, Date() < deadline { usleep(50_000) }
        if server.isRunning { server.terminate() }
        #expect(!server.isRunning && server.terminationStatus == 0 && server.terminationReason == .exit)
    }
}
