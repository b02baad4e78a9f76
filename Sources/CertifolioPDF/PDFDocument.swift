import Foundation

/// An A4 PDF written page by page through cairo + pango, top to bottom like a word processor:
/// paragraphs and tables flow onto new pages as needed.
///
/// cairo's PDF surface writes each page out when it is finished, so memory holds the current
/// page only, whatever the number of pages. The file is written beside its final path and
/// moved into place by `finish()`: a failure leaves no half-written document behind.
public final class PDFDocument {
    /// A4 in PostScript points.
    public static let pageWidth = 595.28
    public static let pageHeight = 841.89

    public let margin: Double
    /// Where the next block of content starts, in points from the top of the page.
    public private(set) var y: Double
    public private(set) var pageNumber = 1
    /// Printed at the foot of every page, with the page number; nil for no footer at all.
    public var footer: String?
    /// The number of pages, when known (`counted`): the footer then says "page 2/5".
    public private(set) var totalPages: Int?

    let context: OpaquePointer
    /// cairo and pango, as loaded from the system.
    let cairo: PangoCairo
    private let surface: OpaquePointer
    private let path: String
    private let temporaryPath: String
    private var finished = false
    /// Drawn at the top of every page after the first (e.g. a table's header row).
    private var continuation: (() -> Void)?

    public convenience init(path: String, title: String, footer: String? = "", margin: Double = 48) throws {
        try self.init(path: path, title: title, footer: footer, margin: margin, typesetter: PangoCairo.system)
    }

    /// `typesetter` is the system's cairo and pango, or why they cannot be had (tests name
    /// libraries that do not exist).
    init(path: String, title: String, footer: String?, margin: Double,
         typesetter: Result<PangoCairo, PangoCairo.Unavailable>) throws {
        self.path = path
        self.margin = margin
        self.footer = footer
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw PDFError(path: path, detail: "le dossier n'existe pas")
        }
        switch typesetter {
        case .success(let loaded): cairo = loaded
        case .failure(let unavailable): throw PDFError(path: path, detail: unavailable.detail)
        }
        guard let surface = cairo.pdfSurfaceCreate(temporaryPath, Self.pageWidth, Self.pageHeight) else {
            throw PDFError(path: path, detail: "écriture refusée dans ce dossier")
        }
        guard cairo.surfaceStatus(surface) == PangoCairo.statusSuccess, let context = cairo.create(surface) else {
            cairo.surfaceDestroy(surface)
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw PDFError(path: path, detail: "écriture refusée dans ce dossier")
        }
        self.surface = surface
        self.context = context
        cairo.pdfSurfaceSetMetadata(surface, PangoCairo.metadataTitle, title)
        cairo.pdfSurfaceSetMetadata(surface, PangoCairo.metadataCreator, "Certifolio")
        y = margin
    }

    deinit {
        if !finished {
            cairo.destroy(context)
            cairo.surfaceDestroy(surface)
            try? FileManager.default.removeItem(atPath: temporaryPath)
        }
    }

    /// Why no PDF can be written on this machine (a runtime library of cairo or pango is
    /// missing), in French; nil when the typesetter is there.
    public static var unavailability: String? {
        if case .failure(let unavailable) = PangoCairo.system { unavailable.detail } else { nil }
    }

    public var contentWidth: Double { Self.pageWidth - 2 * margin }
    /// The lowest point content may reach (the footer sits below).
    public var bottom: Double { Self.pageHeight - margin - 14 }
    public var remaining: Double { bottom - y }

    /// Moves down by `points`.
    public func skip(_ points: Double) { y += points }

    /// Starts a new page when fewer than `points` remain on this one.
    public func keep(_ points: Double) {
        if remaining < points { newPage() }
    }

    /// Ends the current page and starts the next.
    public func newPage() {
        drawFooter()
        cairo.showPage(context)
        pageNumber += 1
        y = margin
        continuation?()
    }

    /// What to draw at the top of each following page (nil to stop).
    public func onNewPage(_ draw: (() -> Void)?) { continuation = draw }

    /// A paragraph across the content width (or `width` from `x`), wrapped; flows to a new
    /// page when it does not fit.
    public func paragraph(_ text: String, style: TextStyle = .body, spaceAfter: Double = 6,
                          x: Double? = nil, width: Double? = nil) {
        let left = x ?? margin
        let box = width ?? contentWidth
        let height = measure(text, style: style, width: box)
        keep(height)
        draw(text, style: style, x: left, y: y, width: box)
        y += height + spaceAfter
    }

    /// A thin horizontal rule.
    public func rule(grey: Double = 0.6) {
        cairo.setSourceRGB(context, grey, grey, grey)
        cairo.setLineWidth(context, 0.5)
        cairo.moveTo(context, margin, y)
        cairo.lineTo(context, margin + contentWidth, y)
        cairo.stroke(context)
        y += 6
    }

    /// An empty framed box (signature, stamp).
    public func frame(x: Double, y top: Double, width: Double, height: Double) {
        cairo.setSourceRGB(context, 0.3, 0.3, 0.3)
        cairo.setLineWidth(context, 0.6)
        cairo.rectangle(context, x, top, width, height)
        cairo.stroke(context)
    }

    /// A QR code, `side` points wide, its top-left corner at (x, y); the quiet zone of four
    /// modules the standard asks for is left white around it, inside `side`.
    public func qrCode(_ code: QRCode, x: Double, y top: Double, side: Double) {
        let module = side / Double(code.size + 8)
        cairo.setSourceRGB(context, 0, 0, 0)
        for (row, line) in code.modules.enumerated() {
            for (column, dark) in line.enumerated() where dark {
                // A hair wider than the module so that neighbours join without seams.
                cairo.rectangle(context, x + Double(column + 4) * module, top + Double(row + 4) * module,
                                module + 0.02, module + 0.02)
            }
        }
        cairo.fill(context)
    }

    /// Places `y` (after drawing side by side, for instance).
    public func moveTo(y newY: Double) { y = newY }

    /// Writes the last page and moves the file into place.
    public func finish() throws {
        drawFooter()
        cairo.showPage(context)
        cairo.destroy(context)
        cairo.surfaceFinish(surface)
        let status = cairo.surfaceStatus(surface)
        cairo.surfaceDestroy(surface)
        finished = true
        guard status == PangoCairo.statusSuccess else {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw PDFError(path: path, detail: cairo.statusToString(status).map { String(cString: $0) } ?? "erreur cairo \(status)")
        }
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporaryPath, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw PDFError(path: path, detail: "le fichier ne peut être remplacé")
        }
    }

    /// Writes a document whose footer says "page x/y": `draw` runs twice, first into a scratch
    /// file to count the pages, then into `path` with the total known (the footer sits below
    /// the content, so the two runs break pages alike). Returns the number of pages.
    @discardableResult
    public static func counted(path: String, title: String, footer: String, margin: Double = 48,
                               draw: (PDFDocument) throws -> Void) throws -> Int {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("certifolio-pages-\(UUID().uuidString).pdf").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let first = try PDFDocument(path: scratch, title: title, footer: footer, margin: margin)
        try draw(first)
        try first.finish()
        let document = try PDFDocument(path: path, title: title, footer: footer, margin: margin)
        document.totalPages = first.pageNumber
        try draw(document)
        try document.finish()
        return document.pageNumber
    }

    private func drawFooter() {
        guard let footer else { return }
        let number = totalPages.map { "\(pageNumber)/\($0)" } ?? "\(pageNumber)"
        let text = footer.isEmpty ? "Page \(number)" : "\(footer) — page \(number)"
        draw(text, style: TextStyle.small.with(grey: 0.4, alignment: .center), x: margin,
             y: Self.pageHeight - margin + 2, width: contentWidth)
    }
}

extension PDFDocument {
    /// The height `text` takes wrapped at `width`.
    public func measure(_ text: String, style: TextStyle, width: Double) -> Double {
        withLayout(text, style: style, width: width) { layout in
            var w: Int32 = 0
            var h: Int32 = 0
            cairo.layoutGetSize(layout, &w, &h)
            return Double(h) / Self.pangoScale
        }
    }

    /// Draws `text` with its top-left corner at (x, y), wrapped at `width`; does not move `y`.
    public func draw(_ text: String, style: TextStyle, x: Double, y top: Double, width: Double) {
        withLayout(text, style: style, width: width) { layout in
            cairo.setSourceRGB(context, style.grey, style.grey, style.grey)
            cairo.moveTo(context, x, top)
            cairo.showLayout(context, layout)
        }
    }

    static let pangoScale = 1024.0

    private func withLayout<T>(_ text: String, style: TextStyle, width: Double,
                               _ body: (OpaquePointer) -> T) -> T {
        let layout = cairo.createLayout(context)!
        defer { cairo.objectUnref(layout) }
        let font = cairo.fontDescriptionFromString(style.pangoDescription)
        defer { cairo.fontDescriptionFree(font) }
        cairo.layoutSetFontDescription(layout, font)
        cairo.layoutSetWidth(layout, Int32(width * Self.pangoScale))
        cairo.layoutSetWrap(layout, PangoCairo.wrapWordChar)
        switch style.alignment {
        case .left: cairo.layoutSetAlignment(layout, PangoCairo.alignLeft)
        case .center: cairo.layoutSetAlignment(layout, PangoCairo.alignCenter)
        case .right: cairo.layoutSetAlignment(layout, PangoCairo.alignRight)
        }
        cairo.layoutSetText(layout, text, -1)
        return body(layout)
    }
}
