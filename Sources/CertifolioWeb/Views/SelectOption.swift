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
