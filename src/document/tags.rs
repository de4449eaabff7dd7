//! Two small judgements about HTML-looking text that both the HTML block reader
//! (`html`) and the inline cleaner (`inline`) make: whether what follows a tag name reads
//! as attributes, and whether an image's alt text is a converter's placeholder. Kept
//! apart so that `html` (which cleans its pieces with `inline`) and `inline` do not
//! depend on each other.

use super::text::trim;

/// Whether `attrs` (what follows a tag name) reads as HTML attributes: other than ASCII
/// only inside quoted values. `<b 且 c>` or `<b x=且>` in running text is text, and
/// dropping it as a tag would lose its characters.
pub(crate) fn plausible_attrs(attrs: &str) -> bool {
    let mut quote = None;
    for c in attrs.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            None if c == '"' || c == '\'' => quote = Some(c),
            None if !c.is_ascii() => return false,
            _ => {}
        }
    }
    // An unclosed quote is no attribute value: whatever it holds is text.
    quote.is_none()
}

/// Alt texts that converters write when they know nothing about the image. Only ASCII
/// words: a Chinese alt text is a caption of the page and always kept.
pub(crate) fn is_placeholder(alt: &str) -> bool {
    matches!(
        trim(alt).to_ascii_lowercase().as_str(),
        "image" | "img" | "figure" | "picture" | "photo" | "graphic" | "chart"
    )
}
