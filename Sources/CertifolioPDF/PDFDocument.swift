import CPangoCairo
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

    let context: OpaquePointer
    private let surface: OpaquePointer
    private let path: String
    private let temporaryPath: String
    private var finished = false
    /// Drawn at the top of every page after the first (e.g. a table's header row).
    private var continuation: (() -> Void)?

    public init(path: String, title: String, footer: String? = "", margin: Double = 48) throws {
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
        guard let surface = cairo_pdf_surface_create(temporaryPath, Self.pageWidth, Self.pageHeight),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw PDFError(path: path, detail: "écriture refusée dans ce dossier")
        }
        self.surface = surface
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Certifolio")
        context = cairo_create(surface)
        y = margin
    }

    deinit {
        if !finished {
            cairo_destroy(context)
            cairo_surface_destroy(surface)
            try? FileManager.default.removeItem(atPath: temporaryPath)
        }
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
        cairo_show_page(context)
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
        cairo_set_source_rgb(context, grey, grey, grey)
        cairo_set_line_width(context, 0.5)
        cairo_move_to(context, margin, y)
        cairo_line_to(context, margin + contentWidth, y)
        cairo_stroke(context)
        y += 6
    }

    /// An empty framed box (signature, stamp).
    public func frame(x: Double, y top: Double, width: Double, height: Double) {
        cairo_set_source_rgb(context, 0.3, 0.3, 0.3)
        cairo_set_line_width(context, 0.6)
        cairo_rectangle(context, x, top, width, height)
        cairo_stroke(context)
    }

    /// Places `y` (after drawing side by side, for instance).
    public func moveTo(y newY: Double) { y = newY }

    /// Writes the last page and moves the file into place.
    public func finish() throws {
        drawFooter()
        cairo_show_page(context)
        cairo_destroy(context)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        finished = true
        guard status == CAIRO_STATUS_SUCCESS else {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw PDFError(path: path, detail: String(cString: cairo_status_to_string(status)))
        }
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporaryPath, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw PDFError(path: path, detail: "le fichier ne peut être remplacé")
        }
    }

    private func drawFooter() {
        guard let footer else { return }
        let text = footer.isEmpty ? "Page \(pageNumber)" : "\(footer) — page \(pageNumber)"
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
            pango_layout_get_size(layout, &w, &h)
            return Double(h) / Self.pangoScale
        }
    }

    /// Draws `text` with its top-left corner at (x, y), wrapped at `width`; does not move `y`.
    public func draw(_ text: String, style: TextStyle, x: Double, y top: Double, width: Double) {
        withLayout(text, style: style, width: width) { layout in
            cairo_set_source_rgb(context, style.grey, style.grey, style.grey)
            cairo_move_to(context, x, top)
            pango_cairo_show_layout(context, layout)
        }
    }

    static let pangoScale = 1024.0

    private func withLayout<T>(_ text: String, style: TextStyle, width: Double,
                               _ body: (OpaquePointer) -> T) -> T {
        let layout = pango_cairo_create_layout(context)!
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let font = pango_font_description_from_string(style.pangoDescription)
        defer { pango_font_description_free(font) }
        pango_layout_set_font_description(layout, font)
        pango_layout_set_width(layout, Int32(width * Self.pangoScale))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        switch style.alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        pango_layout_set_text(layout, text, -1)
        return body(layout)
    }
}
