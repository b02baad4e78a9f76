/// The small pieces form views are made of.

/// One choice of a `<select>` (or radio list) as the templates draw it.
struct SelectOption {
    let value: String
    let label: String
    let selected: Bool

    init(value: String, label: String, selected: Bool = false) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}

/// Choices under a heading (`<optgroup>`).
struct OptionGroup {
    let label: String
    let options: [SelectOption]
}

/// A form field as a page draws it again: what was typed, and the message next to it when it
/// was refused.
struct FieldView {
    let value: String
    let error: String?
}
