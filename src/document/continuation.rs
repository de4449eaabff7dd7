//! Continuation notes (转版提示): `（上接第一版）` where a story goes on from another
//! page, `（下转第3版）` where it goes on elsewhere, `接第2版`, `转A3版`, with whatever
//! brackets the OCR made of them (`[上接第一版）`, `（上接第一版】`).
//!
//! A note on a line of its own becomes a [`Syntax::Continuation`] unit; a note opening
//! or closing a paragraph is split off as one, so that the paragraph starts (or ends)
//! with its own words and the note stays with its story as a block of its own.

use super::habits::{self, Habits};
use super::unit::{Syntax, Unit};

const OPEN: &[char] = &['（', '(', '[', '【', '〔', '［', '〈', '<', '｛'];
const CLOSE: &[char] = &['）', ')', ']', '】', '〕', '］', '〉', '>', '｝'];
/// Words that open a note: from where the story came, or where it goes.
const LEADS: &[&str] = &[
    "上接", "下转", "紧接", "接上", "转下", "续", "接", "转", "上轉", "下轉", "轉",
];
/// What a page is called.
const PAGES: &[char] = &['版', '页', '頁', '面'];

/// Types and splits continuation notes (one pass, linear however many notes).
pub(crate) fn mark(units: &mut Vec<Unit>, habits: &mut Habits) {
    let mut out = Vec::with_capacity(units.len());
    for mut u in units.drain(..) {
        let (len, text) = (u.text.len(), u.syntax == Syntax::Text);
        if !text && !matches!(u.syntax, Syntax::Heading(_)) {
            out.push(u);
            continue;
        }
        if let Some(n) = note_at_start(&u.text).filter(|&n| n == len || text) {
            habits.note(habits::CONTINUATION_NOTE);
            if n < len {
                let (note, rest) = split(u, n);
                out.push(note.with(Syntax::Continuation));
                out.push(rest);
            } else {
                u.syntax = Syntax::Continuation;
                out.push(u);
            }
        } else if let Some(at) = note_at_end(&u.text).filter(|_| text) {
            habits.note(habits::CONTINUATION_NOTE);
            let (rest, note) = split(u, at);
            out.push(rest);
            out.push(note.with(Syntax::Continuation));
        } else {
            out.push(u);
        }
    }
    *units = out;
}

/// Unit `u` split at byte `at` into two units of the same source line.
fn split(mut u: Unit, at: usize) -> (Unit, Unit) {
    let tail = u.text.split_off(at);
    let mut second = u.clone();
    second.text = tail.trim_start().to_string();
    second.adjacent = false;
    u.text.truncate(u.text.trim_end().len());
    (u, second)
}

impl Unit {
    /// The unit with another syntax.
    fn with(mut self, syntax: Syntax) -> Self {
        self.syntax = syntax;
        self
    }
}

/// The byte length of a note at the start of `s`, with its brackets.
pub(crate) fn note_at_start(s: &str) -> Option<usize> {
    let mut rest = s.trim_start();
    let opened = rest.starts_with(OPEN);
    if let Some(c) = rest.chars().next().filter(|_| opened) {
        rest = rest.get(c.len_utf8()..)?.trim_start();
    }
    let lead = LEADS.iter().find(|w| rest.starts_with(*w))?;
    rest = rest.get(lead.len()..)?.trim_start();
    rest = rest.strip_prefix('第').unwrap_or(rest).trim_start();
    let number = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "一二三四五六七八九十百零〇两".contains(*c))
        .map(char::len_utf8)
        .sum::<usize>();
    if number == 0 || number > 12 {
        return None;
    }
    rest = rest.get(number..)?.trim_start();
    let page = rest.chars().next().filter(|c| PAGES.contains(c))?;
    rest = rest.get(page.len_utf8()..)?;
    // Brackets must be there on both sides or on neither (`接第2版` alone).
    let closed = rest.starts_with(CLOSE);
    if let Some(c) = rest.chars().next().filter(|_| closed) {
        rest = rest.get(c.len_utf8()..)?;
    }
    if opened != closed {
        return None;
    }
    // A bare note opening a sentence (`接第2版通知后…`) is a sentence, not a note.
    if !opened && !rest.trim().is_empty() {
        return None;
    }
    Some(s.len() - rest.len())
}

/// Where a bracketed note closing `s` starts.
fn note_at_end(s: &str) -> Option<usize> {
    let t = s.trim_end();
    if !t.ends_with(CLOSE) {
        return None;
    }
    let (at, _) = t
        .char_indices()
        .rev()
        .take(16)
        .find(|(_, c)| OPEN.contains(c))?;
    let note = t.get(at..)?;
    (at > 0 && note_at_start(note) == Some(note.len())).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::lines::units;

    fn kinds(md: &str) -> Vec<(Syntax, String)> {
        units(md).into_iter().map(|u| (u.syntax, u.text)).collect()
    }

    #[test]
    fn notes_in_any_brackets_are_recognised() {
        for s in [
            "（上接第一版）",
            "(下转第3版)",
            "[上接第一版）",
            "（上接第一版】",
            "接第2版",
            "（转A3版）",
            "【紧接第十二版】",
        ] {
            assert_eq!(note_at_start(s), Some(s.len()), "{s}");
        }
        for s in [
            "接第2版通知后，各地迅速行动。",
            "（上接）",
            "上接第一版）",
            "版面",
        ] {
            assert_ne!(note_at_start(s), Some(s.len()), "{s}");
        }
    }

    #[test]
    fn a_note_on_its_own_line_is_a_continuation_unit() {
        assert_eq!(
            kinds("# 标题\n\n（上接第一版）\n\n正文。"),
            vec![
                (Syntax::Heading(1), "标题".into()),
                (Syntax::Continuation, "（上接第一版）".into()),
                (Syntax::Text, "正文。".into())
            ]
        );
    }

    #[test]
    fn a_note_opening_or_closing_a_paragraph_is_split_off() {
        assert_eq!(
            kinds("[上接第一版）亩产432公斤，比上年增加。"),
            vec![
                (Syntax::Continuation, "[上接第一版）".into()),
                (Syntax::Text, "亩产432公斤，比上年增加。".into())
            ]
        );
        assert_eq!(
            kinds("发挥了独特作用。（下转第3版）"),
            vec![
                (Syntax::Text, "发挥了独特作用。".into()),
                (Syntax::Continuation, "（下转第3版）".into())
            ]
        );
    }

    #[test]
    fn words_like_a_note_inside_text_are_left_alone() {
        assert_eq!(kinds("他接到第2版的稿件。")[0].0, Syntax::Text);
        assert_eq!(kinds("（记者 张三）正文")[0].0, Syntax::Text);
        // A note a converter made a heading is a note all the same.
        assert_eq!(kinds("## （上接第一版）")[0].0, Syntax::Continuation);
        assert_eq!(kinds("## 上接第一版的故事")[0].0, Syntax::Heading(2));
    }
}
