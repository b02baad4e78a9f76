/// The markup the form pages share: the token, a refusal summary, choices, and the message
/// next to a refused field (tied to it by `aria-describedby`).
enum FormHTML {
    /// The hidden token of every form (see `CSRF`).
    static func token(_ csrf: String) -> HTML {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\">"
    }

    /// Why a form was refused, at the top of the page; nothing when it was not.
    static func refusal(_ intro: String, _ errors: [String]) -> HTML {
        guard !errors.isEmpty else { return .empty }
        return """
            <div class="alert" role="alert">
              <p>\(intro)</p>
              <ul>\(errors.html { "<li>\($0)</li>" })</ul>
            </div>

            """
    }

    /// One message as an alert; nothing without one.
    static func alert(_ message: String?) -> HTML {
        guard let message else { return .empty }
        return "<p class=\"alert\" role=\"alert\">\(message)</p>\n"
    }

    /// An attribute such as ` checked` or ` selected`, present when `on`.
    static func flag(_ on: Bool, _ attribute: HTML) -> HTML { on ? attribute : .empty }

    static func options(_ options: [SelectOption]) -> HTML {
        options.html { "<option value=\"\($0.value)\"\(flag($0.selected, " selected"))>\($0.label)</option>" }
    }

    static func groups(_ groups: [OptionGroup]) -> HTML {
        groups.html { "<optgroup label=\"\($0.label)\">\(options($0.options))</optgroup>" }
    }

    /// The attributes of a field refused with `error`, described by the message of id `id`.
    static func invalid(_ error: String?, _ id: String) -> HTML {
        error == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"\(id)\""
    }

    /// The message next to a refused field; nothing when it was not.
    static func fieldError(_ error: String?, _ id: String) -> HTML {
        guard let error else { return .empty }
        return "<p class=\"field-error\" id=\"\(id)\">\(error)</p>\n"
    }

    /// A text field named as its id, with its label, its hint and its message when it has them
    /// (tied to it by `aria-describedby`).
    static func input(_ id: String, _ label: String, _ field: FieldView, attributes: HTML, hint: String? = nil) -> HTML {
        let errorID = "\(id)-erreur"
        let described = [hint == nil ? nil : "\(id)-aide", field.error == nil ? nil : errorID].compactMap { $0 }
        let aria = flag(field.error != nil, " aria-invalid=\"true\"")
            + (described.isEmpty ? .empty : " aria-describedby=\"\(described.joined(separator: " "))\"")
        let help: HTML = hint.map { "<p class=\"hint\" id=\"\(id)-aide\">\($0)</p>\n" } ?? .empty
        return """
              <label for="\(id)">\(label)</label>
              <input id="\(id)" name="\(id)"\(attributes) value="\(field.value)"\(aria)>
              \(help)\(fieldError(field.error, errorID))
            """
    }
}
