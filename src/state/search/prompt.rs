//! The search prompt's line editor and history, as plain data.
//!
//! Chinese input arrives in three shapes: IME commits (one key event per character,
//! or several), pastes (one string) and plain keys. All of them end in
//! [`LineEditor::insert`]. The cursor is a byte offset that only ever sits on a
//! grapheme boundary, so ←/→, Backspace and Delete move over or remove a whole 字 (or
//! an emoji sequence, or a letter with its combining accent), never half of one.
//!
//! ```
//! use kanbao::state::search::LineEditor;
//! let mut e = LineEditor::default();
//! e.insert("人口普查");
//! e.backspace();
//! assert_eq!(e.text(), "人口普");
//! e.move_left();
//! e.delete();
//! assert_eq!((e.text(), e.cursor()), ("人口", 6));
//! ```

use unicode_segmentation::UnicodeSegmentation;

/// Longest query the prompt accepts, in bytes (a pasted article is cut here).
const MAX_LEN: usize = 1024;
/// Queries the history keeps.
const HISTORY_LIMIT: usize = 100;

/// A one-line text buffer with a cursor on grapheme boundaries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    cursor: usize,
}

impl LineEditor {
    /// An editor holding `text`, the cursor at its end.
    pub fn with_text(text: &str) -> Self {
        let mut e = Self::default();
        e.insert(text);
        e
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor as a byte offset into [`text`](Self::text).
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Inserts at the cursor. Line breaks and tabs (from a paste) become spaces, other
    /// control characters are dropped: the prompt is one line and reaches the terminal.
    pub fn insert(&mut self, s: &str) {
        let clean: String = s
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        let room = MAX_LEN.saturating_sub(self.text.len());
        let mut end = clean.len().min(room);
        while !clean.is_char_boundary(end) {
            end -= 1;
        }
        let Some(piece) = clean.get(..end) else {
            return;
        };
        self.text.insert_str(self.cursor, piece);
        self.cursor += piece.len();
    }

    fn prev_boundary(&self) -> Option<usize> {
        let before = self.text.get(..self.cursor)?;
        before.grapheme_indices(true).next_back().map(|(i, _)| i)
    }

    fn next_boundary(&self) -> Option<usize> {
        let after = self.text.get(self.cursor..)?;
        after.graphemes(true).next().map(|g| self.cursor + g.len())
    }

    /// Removes the grapheme before the cursor.
    pub fn backspace(&mut self) {
        if let Some(start) = self.prev_boundary() {
            self.text.replace_range(start..self.cursor, "");
            self.cursor = start;
        }
    }

    /// Removes the grapheme under the cursor.
    pub fn delete(&mut self) {
        if let Some(end) = self.next_boundary() {
            self.text.replace_range(self.cursor..end, "");
        }
    }

    pub fn move_left(&mut self) {
        if let Some(start) = self.prev_boundary() {
            self.cursor = start;
        }
    }

    pub fn move_right(&mut self) {
        if let Some(end) = self.next_boundary() {
            self.cursor = end;
        }
    }

    pub fn move_start(&mut self) {
        self.cursor = 0;
    }

    pub fn move_end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Removes everything before the cursor (Ctrl-u).
    pub fn delete_to_start(&mut self) {
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
    }

    /// Removes the word before the cursor (Ctrl-w): spaces, then a run of one kind of
    /// character. Chinese has no spaces, so a run of hanzi counts as one word, as a
    /// run of Latin letters and digits does.
    pub fn delete_word_back(&mut self) {
        let Some(before) = self.text.get(..self.cursor) else {
            return;
        };
        let mut start = self.cursor;
        let mut kind = None;
        for (i, c) in before.char_indices().rev() {
            let k = CharKind::of(c);
            match (kind, k) {
                (None, CharKind::Space) => {}
                (None, k) => kind = Some(k),
                (Some(run), k) if run == k => {}
                _ => break,
            }
            start = i;
        }
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }
}

/// What Ctrl-w treats as one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharKind {
    Space,
    Word,
    Han,
    Other,
}

impl CharKind {
    fn of(c: char) -> Self {
        if c.is_whitespace() {
            Self::Space
        } else if c.is_ascii_alphanumeric() || (c.is_alphanumeric() && !is_cjk(c)) {
            Self::Word
        } else if is_cjk(c) {
            Self::Han
        } else {
            Self::Other
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}' | '\u{3040}'..='\u{30FF}' | '\u{AC00}'..='\u{D7AF}')
}

/// Past queries, oldest first, each once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
}

impl History {
    /// Remembers `query` as the newest entry (moving it if it was there already).
    pub fn push(&mut self, query: &str) {
        let query = query.trim();
        if query.is_empty() {
            return;
        }
        self.entries.retain(|e| e != query);
        self.entries.push(query.to_string());
        if self.entries.len() > HISTORY_LIMIT {
            self.entries.remove(0);
        }
    }

    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// The entry `back` steps from the newest (0 is the newest).
    pub fn get(&self, back: usize) -> Option<&str> {
        let i = self.entries.len().checked_sub(back + 1)?;
        self.entries.get(i).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_moves_by_whole_characters() {
        let mut e = LineEditor::with_text("人口a\u{301}普查");
        e.move_left();
        e.move_left();
        e.move_left();
        assert_eq!(e.cursor(), "人口".len(), "a with its accent is one step");
        e.delete();
        assert_eq!(e.text(), "人口普查");
        e.move_start();
        e.delete();
        e.move_end();
        e.backspace();
        assert_eq!(e.text(), "口普");
        e.move_left();
        e.insert("１");
        assert_eq!((e.text(), e.cursor()), ("口１普", "口１".len()));
    }

    #[test]
    fn pastes_are_one_line_and_bounded() {
        let mut e = LineEditor::default();
        e.insert("人口\n普查\t\u{1b}[2J");
        assert_eq!(e.text(), "人口 普查 [2J");
        e.insert(&"字".repeat(2000));
        assert!(e.text().len() <= MAX_LEN);
        assert_eq!(e.cursor(), e.text().len());
    }

    #[test]
    fn ctrl_w_removes_one_run_and_ctrl_u_the_start() {
        let mut e = LineEditor::with_text("GDP 人口普查ab12 ");
        e.delete_word_back();
        assert_eq!(e.text(), "GDP 人口普查");
        e.delete_word_back();
        assert_eq!(e.text(), "GDP ");
        e.insert("平城");
        e.move_left();
        e.delete_to_start();
        assert_eq!((e.text(), e.cursor()), ("城", 0));
    }

    #[test]
    fn history_keeps_each_query_once_newest_last() {
        let mut h = History::default();
        for q in ["甲", "乙", "甲", " ", "丙"] {
            h.push(q);
        }
        assert_eq!(h.entries(), ["乙", "甲", "丙"]);
        assert_eq!(h.get(0), Some("丙"));
        assert_eq!(h.get(2), Some("乙"));
        assert_eq!(h.get(3), None);
    }

    proptest::proptest! {
        #[test]
        fn the_cursor_stays_on_a_char_boundary(
            text in "[a-z人口普查\u{301}👍🏽 ]{0,12}",
            ops in proptest::collection::vec(0u8..8, 0..30),
        ) {
            let mut e = LineEditor::with_text(&text);
            for op in ops {
                match op {
                    0 => e.move_left(),
                    1 => e.move_right(),
                    2 => e.backspace(),
                    3 => e.delete(),
                    4 => e.delete_word_back(),
                    5 => e.insert("字"),
                    6 => e.move_start(),
                    _ => e.delete_to_start(),
                }
                proptest::prop_assert!(e.text().is_char_boundary(e.cursor()));
                proptest::prop_assert!(e.cursor() <= e.text().len());
            }
        }
    }
}
