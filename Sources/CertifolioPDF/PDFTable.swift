/// A table that flows across pages: rows are drawn one at a time, the header row again at the
/// top of each new page, and a row is never split.
public struct PDFTable {
    public struct Column {
        public var title: String
        /// Share of the content width.
        public var weight: Double
        public var alignment: TextStyle.Alignment

        public init(_ title: String, weight: Double, alignment: TextStyle.Alignment = .left) {
            self.title = title
            self.weight = weight
            self.alignment = alignment
        }
    }

    public let columns: [Column]
    public var style: TextStyle
    public var padding = 3.0
    private unowned let document: PDFDocument
    private let widths: [Double]

    public init(_ document: PDFDocument, columns: [Column], style: TextStyle = .small) {
        self.document = document
        self.columns = columns
        self.style = style
        let total = columns.map(\.weight).reduce(0, +)
        widths = columns.map { document.contentWidth * $0.weight / total }
    }

    /// Draws the header row now and again at the top of every following page until `end()`.
    public func begin() {
        header()
        document.onNewPage { [self] in header() }
    }

    /// Stops repeating the header.
    public func end() {
        document.onNewPage(nil)
        document.skip(8)
    }

    /// One row; goes to a new page first if it does not fit.
    public func row(_ cells: [String], bold: Bool = false, shaded: Bool = false) {
        draw(cells, style: style.with(bold: bold), fill: shaded ? 0.94 : nil)
    }

    private func header() {
        draw(columns.map(\.title), style: style.with(bold: true), fill: 0.86)
    }

    private func draw(_ cells: [String], style: TextStyle, fill: Double?) {
        // Measured as drawn (same style, same width): the document shapes each cell once.
        let styles = columns.map { style.with(alignment: $0.alignment) }
        var height = 0.0
        for (i, (cell, width)) in zip(cells, widths).enumerated() {
            height = max(height, document.measure(cell, style: styles[i], width: width - 2 * padding))
        }
        height += 2 * padding
        if document.remaining < height { document.newPage() }
        let top = document.y
        var x = document.margin
        for (i, (cell, width)) in zip(cells, widths).enumerated() {
            document.box(x: x, y: top, width: width, height: height, fill: fill, border: 0.55, lineWidth: 0.4)
            document.draw(cell, style: styles[i], x: x + padding, y: top + padding,
                          width: width - 2 * padding)
            x += width
        }
        document.moveTo(y: top + height)
    }
}
