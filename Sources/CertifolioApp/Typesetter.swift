import CertifolioPDF

/// Whether this machine can write the PDF documents (PV, notifications, attestations,
/// parchemins): cairo and pango are loaded at run time, so a machine without them runs
/// everything else.
public enum Typesetter {
    /// What is missing, in French, naming the Debian package to install; nil when PDFs can be written.
    public static var unavailability: String? { PDFDocument.unavailability }
}
