/// A view model turned, once per page, into dictionaries and arrays for mustache.
///
/// swift-mustache finds `{{name}}` in a struct by reflection, again at every lookup and for
/// every struct of the context stack; reflecting each struct once here and handing mustache
/// dictionaries (looked up by key) makes a page several times cheaper to render. Nil optionals
/// are left out, which mustache treats as it treats a nil field.
enum TemplateTree {
    static func convert(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return nil }
            return convert(wrapped)
        case .struct, .class:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                if let label = child.label, let converted = convert(child.value) { fields[label] = converted }
            }
            return fields
        case .collection:
            return mirror.children.compactMap { convert($0.value) }
        default:
            return value
        }
    }
}
