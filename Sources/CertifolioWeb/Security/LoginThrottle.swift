import Foundation

/// Slows down password guessing: after `limit` failed sign-ins for one e-mail (or from one
/// address) within `window`, further attempts are refused until the window has passed.
/// A success clears the e-mail's count. Kept in memory: a restart forgets it, which only
/// gives an attacker one more window.
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// The keys an attempt counts against.
    static func keys(email: String, address: String?) -> [String] {
        ["email:" + email.lowercased()] + (address.map { ["ip:" + $0] } ?? [])
    }

    /// When the attempt may be made again, or nil if it may be made now.
    func blockedUntil(_ keys: [String], now: Date = Date()) -> Date? {
        keys.compactMap { key -> Date? in
            // An address gets more tries than one e-mail: several people may share it.
            let allowed = key.hasPrefix("ip:") ? limit * 4 : limit
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[key] = recent
            return recent.count >= allowed ? recent.min()!.addingTimeInterval(window) : nil
        }.max()
    }

    func failed(_ keys: [String], now: Date = Date()) {
        for key in keys { failures[key, default: []].append(now) }
    }

    func succeeded(email: String) {
        failures["email:" + email.lowercased()] = nil
    }
}
