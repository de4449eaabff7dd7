//! Which converter habits a page showed: each front-end step that changed something
//! notes its name here, and the names reach [`Document::habits`](super::Document::habits)
//! and the JSON dump, so a script can tell what kind of converter wrote the page and
//! what was undone.

/// A set of habit names, in the order the steps first fired.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Habits(Vec<&'static str>);

/// The whole page inside a ```` ```markdown ```` fence (end-to-end vision-language models).
pub(crate) const OUTER_FENCE: &str = "outer-fence";
/// HTML blocks (`<div>`, `<center>`, `<p>`, `<table>` …) read as HTML (PaddleX, MinerU).
pub(crate) const HTML_BLOCK: &str = "html-block";
/// An image whose alt text is a placeholder (`alt="Image"`): the placeholder dropped.
pub(crate) const IMAGE_PLACEHOLDER: &str = "image-placeholder";
/// A centred HTML block beside an image, typed as its caption.
pub(crate) const CENTRED_CAPTION: &str = "centred-caption";
/// Inline LaTeX around plain symbols and digits unwrapped (MinerU's `$+12.5\%$`).
pub(crate) const INLINE_LATEX: &str = "inline-latex";
/// Private-use bullets mapped to list items (PDF symbol fonts).
pub(crate) const PRIVATE_USE_BULLET: &str = "private-use-bullet";
/// Half-width PDF-font punctuation (`｡` `､` `･`) shown as what it stands for.
pub(crate) const PDF_PUNCTUATION: &str = "pdf-punctuation";
/// A space left between two Chinese characters by line joining, removed.
pub(crate) const CJK_SPACE: &str = "cjk-space";
/// A "heading" that is running text (pymupdf4llm's `######` paragraphs), typed as text.
pub(crate) const HEADING_AS_PARAGRAPH: &str = "heading-as-paragraph";
/// A kicker set in two parallel halves, read as two headings, joined back.
pub(crate) const SPLIT_HEAD: &str = "split-head";
/// Hard-wrapped lines: several plain lines in a row with no blank line between.
pub(crate) const HARD_WRAP: &str = "hard-wrap";
/// A column break after a short fragment rejoined by the words on both sides
/// (`……的那场大火让` ⏎⏎ `村民失去了……`), before the structure decisions.
pub(crate) const COLUMN_BREAK: &str = "column-break";
/// On a hard-wrapped page, a line set wider than the body column typed as a heading.
pub(crate) const WIDE_HEAD: &str = "wide-head";
/// Continuation notes (`（上接第一版）`, `（下转第3版）`) recognised.
pub(crate) const CONTINUATION_NOTE: &str = "continuation-note";
/// A pipe "table" of running prose (markitdown) read as columns of text.
pub(crate) const PROSE_TABLE: &str = "prose-table";
/// A stray single OCR character on a line of its own, kept out of the paragraphs.
pub(crate) const STRAY_CHARACTER: &str = "stray-character";
/// A line repeated at the same end of several pages of the directory (a running
/// header or footer: `2020年5月6日 星期三 第2版`, `本版编辑：张三`), typed as furniture.
pub(crate) const RUNNING_HEADER: &str = "running-header";
/// A photo credit (`…摄`, OCR'd as `…报`) at the end of a photo's caption, split off.
pub(crate) const PHOTO_CREDIT: &str = "photo-credit";
/// The OCR dropped the `。` closing many paragraphs (`stops`): open paragraph ends read
/// as paragraph ends unless the words say the sentence goes on.
pub(crate) const DROPPED_STOPS: &str = "dropped-stops";

impl Habits {
    /// Notes that `name` fired (once).
    pub(crate) fn note(&mut self, name: &'static str) {
        if !self.0.contains(&name) {
            self.0.push(name);
        }
    }

    /// Whether `name` fired.
    #[cfg(test)]
    pub(crate) fn has(&self, name: &str) -> bool {
        self.0.contains(&name)
    }

    /// The names, in the order they first fired.
    pub(crate) fn into_names(self) -> Vec<&'static str> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_habit_is_noted_once_in_order() {
        let mut h = Habits::default();
        h.note(INLINE_LATEX);
        h.note(OUTER_FENCE);
        h.note(INLINE_LATEX);
        assert!(h.has(OUTER_FENCE) && !h.has(CJK_SPACE));
        assert_eq!(h.into_names(), vec![INLINE_LATEX, OUTER_FENCE]);
    }
}
