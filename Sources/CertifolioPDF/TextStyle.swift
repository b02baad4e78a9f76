/// How a piece of text looks: a Pango font description and a grey level.
public struct TextStyle: Sendable, Equatable {
    public var font: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    /// 0 is black; 0.45 is the grey of secondary text.
    public var grey: Double
    public var alignment: Alignment

    public enum Alignment: Sendable {
        case left, center, right
    }

    public init(font: String = TextStyle.sans, size: Double = 10, bold: Bool = false, italic: Bool = false,
                grey: Double = 0, alignment: Alignment = .left) {
        self.font = font
        self.size = size
        self.bold = bold
        self.italic = italic
        self.grey = grey
        self.alignment = alignment
    }

    /// DejaVu (Debian's fonts-dejavu-core) covers every French character.
    public static let sans = "DejaVu Sans"
    public static let serif = "DejaVu Serif"

    public static let body = TextStyle()
    public static let small = TextStyle(size: 8.5)
    public static let note = TextStyle(size: 8.5, italic: true, grey: 0.35)
    public static let heading = TextStyle(size: 12, bold: true)
    public static let title = TextStyle(size: 16, bold: true, alignment: .center)

    public func with(size: Double? = nil, bold: Bool? = nil, italic: Bool? = nil, grey: Double? = nil,
                     alignment: Alignment? = nil) -> TextStyle {
        var copy = self
        if let size { copy.size = size }
        if let bold { copy.bold = bold }
        if let italic { copy.italic = italic }
        if let grey { copy.grey = grey }
        if let alignment { copy.alignment = alignment }
        return copy
    }

    /// "DejaVu Sans Bold Italic 10", as Pango reads it.
    var pangoDescription: String {
        var text = font
        if bold { text += " Bold" }
        if italic { text += " Italic" }
        let points = size == size.rounded() ? String(Int(size)) : String(size)
        return text + " " + points
    }
}
