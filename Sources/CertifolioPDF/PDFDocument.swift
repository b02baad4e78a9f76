import Foundation

/// An A4 PDF written page by page through cairo + pango, top to bottom like a word processor:
/// paragraphs and tables flow onto new pages as needed.
///
/// cairo's PDF surface writes each page out when it is finished, so memory holds the current
/// page only, whatever the number of pages. The file is written beside its final path and
/// moved into place by `finish()`: a failure leaves no half-written document behind.
///
/// A document may also only measure (`counted` uses one to count the pages): it breaks pages
/// exactly as the drawn one would, and draws nothing.
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
    /// False for a document that only measures: nothing reaches the surface.
    let drawing: Bool
    private let surface: OpaquePointer
    private let path: String
    /// Where the file is written until `finish()`; nil when only measuring.
    private let temporaryPath: String?
    private let layouts = TextLayouts()
    private var finished = false
    /// Drawn at the top of every page after the first (e.g. a table's header row).
    private var continuation: (() -> Void)?

    public convenience init(path: String, title: String, footer: String? = "", margin: Double = 48) throws {
        try self.init(path: path, title: title, footer: footer, margin: margin, typesetter: PangoCairo.system)
    }

    /// `typesetter` is the system's cairo and pango, or why they cannot be had (tests name
    /// libraries that do not exist).
    convenience init(path: String, title: String, footer: String?, margin: Double,
         typesetter: Result<PangoCairo, PangoCairo.Unavailable>) throws {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw PDFError(path: path, detail: "le dossier n'existe pas")
        }
        let temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        try self.init(path: path, temporaryPath: temporaryPath, title: title, footer: footer, margin: margin,
                      typesetter: typesetter)
    }

    /// A document that measures and breaks pages as one written to `path` would, and writes nothing.
    private convenience init(measuring path: String, title: String, footer: String?, margin: Double) throws {
        try self.init(path: path, temporaryPath: nil, title: title, footer: footer, margin: margin,
                      typesetter: PangoCairo.system)
    }

    private init(path: String, temporaryPath: String?, title: String, footer: String?, margin: Double,
                 typesetter: Result<PangoCairo, PangoCairo.Unavailable>) throws {
        self.path = path
        self.temporaryPath = temporaryPath
        self.margin = margin
        self.footer = footer
        drawing = temporaryPath != nil
        switch typesetter {
        case .success(let loaded): cairo = loaded
        case .failure(let unavailable): throw PDFError(path: path, detail: unavailable.detail)
        }
        // cairo's PDF surface without a file name writes nothing: its fonts measure the same.
        guard let surface = cairo.pdfSurfaceCreate(temporaryPath, Self.pageWidth, Self.pageHeight) else {
            throw PDFError(path: path, detail: "écriture refusée dans ce dossier")
        }
        guard cairo.surfaceStatus(surface) == PangoCairo.statusSuccess, let context = cairo.create(surface) else {
            cairo.surfaceDestroy(surface)
            if let temporaryPath { try? FileManager.default.removeItem(atPath: temporaryPath) }
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
            if let temporaryPath { try? FileManager.default.removeItem(atPath: temporaryPath) }
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
        if drawing { cairo.showPage(context) }
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
        defer { y += 6 }
        guard drawing else { return }
        cairo.setSourceRGB(context, grey, grey, grey)
        cairo.setLineWidth(context, 0.5)
        cairo.moveTo(context, margin, y)
        cairo.lineTo(context, margin + contentWidth, y)
        cairo.stroke(context)
    }

    /// An empty framed box (signature, stamp).
    public func frame(x: Double, y top: Double, width: Double, height: Double) {
        box(x: x, y: top, width: width, height: height, border: 0.3, lineWidth: 0.6)
    }

    /// A rectangle filled with the grey `fill` (if any), its border drawn in the grey `border`.
    func box(x: Double, y top: Double, width: Double, height: Double, fill: Double? = nil,
             border: Double, lineWidth: Double) {
        guard drawing else { return }
        if let fill {
            cairo.setSourceRGB(context, fill, fill, fill)
            cairo.rectangle(context, x, top, width, height)
            cairo.fill(context)
        }
        cairo.setSourceRGB(context, border, border, border)
        cairo.setLineWidth(context, lineWidth)
        cairo.rectangle(context, x, top, width, height)
        cairo.stroke(context)
    }

    /// A QR code, `side` points wide, its top-left corner at (x, y); the quiet zone of four
    /// modules the standard asks for is left white around it, inside `side`.
    public func qrCode(_ code: QRCode, x: Double, y top: Double, side: Double) {
        guard drawing else { return }
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
        guard let temporaryPath else { preconditionFailure("a measuring document writes no file") }
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

    /// Writes a document whose footer says "page x/y": `draw` runs twice, first on a document
    /// that only measures, to count the pages, then into `path` with the total known (the
    /// footer sits below the content, so the two runs break pages alike). Returns the number
    /// of pages.
    @discardableResult
    public static func counted(path: String, title: String, footer: String, margin: Double = 48,
                               draw: (PDFDocument) throws -> Void) throws -> Int {
        let first = try PDFDocument(measuring: path, title: title, footer: footer, margin: margin)
        try draw(first)
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
        layout(text, style: style, width: width).height
    }

    /// Draws `text` with its top-left corner at (x, y), wrapped at `width`; does not move `y`.
    public func draw(_ text: String, style: TextStyle, x: Double, y top: Double, width: Double) {
        guard drawing else { return }
        let layout = layout(text, style: style, width: width)
        cairo.setSourceRGB(context, style.grey, style.grey, style.grey)
        cairo.moveTo(context, x, top)
        cairo.showLayout(context, layout.pointer)
    }

    static let pangoScale = 1024.0

    /// `text` shaped for `style` and `width`: from the document's cache when measured or drawn before.
    private func layout(_ text: String, style: TextStyle, width: Double) -> TextLayouts.Layout {
        let description = style.pangoDescription
        let key = TextLayouts.Key(text: text, font: description, alignment: style.alignment, width: width)
        return layouts.layout(key) {
            let layout = cairo.createLayout(context)!
            let font = cairo.fontDescriptionFromString(description)
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
            var w: Int32 = 0
            var h: Int32 = 0
            cairo.layoutGetSize(layout, &w, &h)
            return TextLayouts.Layout(pointer: layout, height: Double(h) / Self.pangoScale, release: cairo.objectUnref)
        }
    }
}
