#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few functions of cairo, pango and gobject the typesetter calls, found at run time in the
/// versioned libraries the system ships (`libcairo.so.2`, `libpangocairo-1.0.so.0`, …).
///
/// Why not link them: linking needs their `-dev` packages (headers and pkg-config files) at
/// build time, which a bare machine lacks, and a binary linked to a missing library does not
/// even start. Loaded here, the package builds with nothing but the runtime libraries, and
/// without them only the PDF commands fail, with a message naming the package to install.
///
/// Each signature is the one of the library's own header (cairo 1.16, pango 1.50); pointers to
/// the libraries' objects are opaque. The enum values below are those headers' too.
struct PangoCairo: @unchecked Sendable {  // C function pointers: plain immutable addresses
    typealias Object = OpaquePointer

    // cairo.h, cairo-pdf.h
    let pdfSurfaceCreate: @convention(c) (UnsafePointer<CChar>?, Double, Double) -> Object?
    let pdfSurfaceSetMetadata: @convention(c) (Object, Int32, UnsafePointer<CChar>) -> Void
    let surfaceStatus: @convention(c) (Object) -> Int32
    let surfaceFinish: @convention(c) (Object) -> Void
    let surfaceDestroy: @convention(c) (Object) -> Void
    let statusToString: @convention(c) (Int32) -> UnsafePointer<CChar>?
    let create: @convention(c) (Object) -> Object?
    let destroy: @convention(c) (Object) -> Void
    let showPage: @convention(c) (Object) -> Void
    let setSourceRGB: @convention(c) (Object, Double, Double, Double) -> Void
    let setLineWidth: @convention(c) (Object, Double) -> Void
    let moveTo: @convention(c) (Object, Double, Double) -> Void
    let lineTo: @convention(c) (Object, Double, Double) -> Void
    let rectangle: @convention(c) (Object, Double, Double, Double, Double) -> Void
    let stroke: @convention(c) (Object) -> Void
    let fill: @convention(c) (Object) -> Void
    // pangocairo.h
    let createLayout: @convention(c) (Object) -> Object?
    let showLayout: @convention(c) (Object, Object) -> Void
    // pango-layout.h, pango-font.h
    let layoutSetText: @convention(c) (Object, UnsafePointer<CChar>, Int32) -> Void
    let layoutSetWidth: @convention(c) (Object, Int32) -> Void
    let layoutSetWrap: @convention(c) (Object, Int32) -> Void
    let layoutSetAlignment: @convention(c) (Object, Int32) -> Void
    let layoutSetFontDescription: @convention(c) (Object, Object?) -> Void
    let layoutGetSize: @convention(c) (Object, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>) -> Void
    let fontDescriptionFromString: @convention(c) (UnsafePointer<CChar>) -> Object?
    let fontDescriptionFree: @convention(c) (Object?) -> Void
    // gobject.h
    let objectUnref: @convention(c) (Object) -> Void

    static let statusSuccess: Int32 = 0          // CAIRO_STATUS_SUCCESS
    static let metadataTitle: Int32 = 0          // CAIRO_PDF_METADATA_TITLE
    static let metadataCreator: Int32 = 4        // CAIRO_PDF_METADATA_CREATOR
    static let wrapWordChar: Int32 = 2           // PANGO_WRAP_WORD_CHAR
    static let alignLeft: Int32 = 0              // PANGO_ALIGN_LEFT
    static let alignCenter: Int32 = 1            // PANGO_ALIGN_CENTER
    static let alignRight: Int32 = 2             // PANGO_ALIGN_RIGHT

    /// A shared library by its versioned file name, and the Debian package that ships it.
    struct Library: Sendable, Equatable {
        var file: String
        var package: String
    }

    /// Where each function lives.
    struct Libraries: Sendable {
        var cairo = Library(file: "libcairo.so.2", package: "libcairo2")
        var pango = Library(file: "libpango-1.0.so.0", package: "libpango-1.0-0")
        var pangoCairo = Library(file: "libpangocairo-1.0.so.0", package: "libpangocairo-1.0-0")
        var gobject = Library(file: "libgobject-2.0.so.0", package: "libglib2.0-0")
    }

    /// Why the typesetter cannot run on this machine.
    enum Unavailable: Error, Equatable, Sendable {
        case missingLibrary(Library)
        case missingFunction(String, Library)

        /// French, for the person who has to install something.
        var detail: String {
            switch self {
            case .missingLibrary(let library):
                "la bibliothèque \(library.file) est introuvable sur cette machine : "
                    + "installez le paquet Debian \(library.package)"
            case .missingFunction(let name, let library):
                "la fonction \(name) manque à \(library.file), trop ancienne : "
                    + "mettez à jour le paquet Debian \(library.package) (cairo 1.16 et pango 1.44 au moins)"
            }
        }
    }

    /// The system's libraries, loaded once for the process.
    static let system = load(Libraries())

    static func load(_ libraries: Libraries) -> Result<PangoCairo, Unavailable> {
        do { return .success(try PangoCairo(libraries: libraries)) } catch { return .failure(error) }
    }

    init(libraries: Libraries) throws(Unavailable) {
        let cairo = try Self.open(libraries.cairo)
        let pango = try Self.open(libraries.pango)
        let pangoCairo = try Self.open(libraries.pangoCairo)
        let gobject = try Self.open(libraries.gobject)
        pdfSurfaceCreate = try cairo.function("cairo_pdf_surface_create")
        pdfSurfaceSetMetadata = try cairo.function("cairo_pdf_surface_set_metadata")
        surfaceStatus = try cairo.function("cairo_surface_status")
        surfaceFinish = try cairo.function("cairo_surface_finish")
        surfaceDestroy = try cairo.function("cairo_surface_destroy")
        statusToString = try cairo.function("cairo_status_to_string")
        create = try cairo.function("cairo_create")
        destroy = try cairo.function("cairo_destroy")
        showPage = try cairo.function("cairo_show_page")
        setSourceRGB = try cairo.function("cairo_set_source_rgb")
        setLineWidth = try cairo.function("cairo_set_line_width")
        moveTo = try cairo.function("cairo_move_to")
        lineTo = try cairo.function("cairo_line_to")
        rectangle = try cairo.function("cairo_rectangle")
        stroke = try cairo.function("cairo_stroke")
        fill = try cairo.function("cairo_fill")
        createLayout = try pangoCairo.function("pango_cairo_create_layout")
        showLayout = try pangoCairo.function("pango_cairo_show_layout")
        layoutSetText = try pango.function("pango_layout_set_text")
        layoutSetWidth = try pango.function("pango_layout_set_width")
        layoutSetWrap = try pango.function("pango_layout_set_wrap")
        layoutSetAlignment = try pango.function("pango_layout_set_alignment")
        layoutSetFontDescription = try pango.function("pango_layout_set_font_description")
        layoutGetSize = try pango.function("pango_layout_get_size")
        fontDescriptionFromString = try pango.function("pango_font_description_from_string")
        fontDescriptionFree = try pango.function("pango_font_description_free")
        objectUnref = try gobject.function("g_object_unref")
    }

    /// An opened library (never closed: the functions stay in use until the process ends).
    private struct Handle {
        let pointer: UnsafeMutableRawPointer
        let library: Library

        func function<F>(_ name: String) throws(Unavailable) -> F {
            guard let symbol = dlsym(pointer, name) else { throw .missingFunction(name, library) }
            return unsafeBitCast(symbol, to: F.self)
        }
    }

    private static func open(_ library: Library) throws(Unavailable) -> Handle {
        guard let pointer = dlopen(library.file, RTLD_NOW | RTLD_LOCAL) else { throw .missingLibrary(library) }
        return Handle(pointer: pointer, library: library)
    }
}
