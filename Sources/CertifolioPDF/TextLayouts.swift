/// The Pango layouts of a document's texts, shaped once and kept for as long as the document
/// draws on the same cairo context.
///
/// Why: shaping (HarfBuzz through Pango) is the typesetter's main cost, and a table measures
/// each cell before drawing it; a PV's decision columns repeat the same few words ("Validé",
/// "Acquis", "—") on every one of its rows. A layout measured is drawn from the cache; a word
/// met again is not shaped again. The cache is bounded: when full it starts again empty, so
/// that a document of a million distinct names holds a few hundred layouts at most.
final class TextLayouts {
    /// A shaped text and its height in points; the layout is released with the last reference.
    final class Layout {
        let pointer: OpaquePointer
        let height: Double
        private let release: @convention(c) (OpaquePointer) -> Void

        init(pointer: OpaquePointer, height: Double, release: @escaping @convention(c) (OpaquePointer) -> Void) {
            self.pointer = pointer
            self.height = height
            self.release = release
        }

        deinit { release(pointer) }
    }

    /// What shapes a text alike: the characters, the font, the alignment and the wrapping width
    /// (the grey is only the colour it is drawn in).
    struct Key: Hashable {
        var text: String
        var font: String
        var alignment: TextStyle.Alignment
        var width: Double
    }

    private let capacity: Int
    private var layouts: [Key: Layout] = [:]

    init(capacity: Int = 512) { self.capacity = capacity }

    /// The cached layout for `key`, or the one `shape` makes, kept.
    func layout(_ key: Key, shape: () -> Layout) -> Layout {
        if let layout = layouts[key] { return layout }
        if layouts.count >= capacity { layouts.removeAll(keepingCapacity: true) }
        let layout = shape()
        layouts[key] = layout
        return layout
    }
}
