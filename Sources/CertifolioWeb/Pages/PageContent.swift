/// A page's own content, drawn in Swift with `HTML` (which escapes what it interpolates);
/// `csrf` is the token every form of the page carries. `PageRenderer` frames it with
/// `LayoutHTML`. Every page is drawn this one way.
protocol PageContent {
    func html(csrf: String) -> HTML
}

extension HTML: PageContent {
    /// Content already drawn (it holds no form).
    func html(csrf: String) -> HTML { self }
}
