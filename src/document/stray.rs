//! Stray OCR characters: a single character on a line of its own, between blank lines
//! (a letter from a photo, a page number `五` beside a caption). It belongs nowhere in
//! particular; glued into the paragraph around it, it would sit in the middle of a
//! word. It is kept as a [`Syntax::Stray`] unit, which the structure decoder sets apart
//! with the page furniture: shown, but neither a caption nor part of a paragraph.
//!
//! A single character directly under or over a text line is not stray: it is the last
//! line of a hard-wrapped paragraph (`……显著增` ⏎ `加`). ASCII digits are left to the
//! furniture step (page numbers).

use super::habits::{self, Habits};
use super::text::trim;
use super::unit::{Syntax, Unit};

/// Types stray single characters in place.
pub(crate) fn mark(units: &mut [Unit], habits: &mut Habits) {
    for i in 0..units.len() {
        let next_wraps = units
            .get(i + 1)
            .is_some_and(|n| n.adjacent || n.line == units.get(i).map_or(0, |u| u.line));
        let Some(u) = units.get_mut(i) else {
            continue;
        };
        let mut chars = trim(&u.text).chars();
        let one = chars.next().filter(|_| chars.next().is_none());
        if u.syntax == Syntax::Text
            && !u.adjacent
            && !next_wraps
            && one.is_some_and(|c| c.is_alphanumeric() && !c.is_ascii_digit())
        {
            u.syntax = Syntax::Stray;
            habits.note(habits::STRAY_CHARACTER);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::lines::{Syntax, units};

    fn kinds(md: &str) -> Vec<Syntax> {
        units(md).into_iter().map(|u| u.syntax).collect()
    }

    #[test]
    fn a_lone_character_between_blank_lines_is_stray() {
        assert_eq!(
            kinds("农民收入\n\n字\n\n显著增加。"),
            vec![Syntax::Text, Syntax::Stray, Syntax::Text]
        );
    }

    #[test]
    fn a_wrapped_last_line_or_a_digit_is_not_stray() {
        assert_eq!(kinds("农民收入显著增\n加\n\n下一段。")[1], Syntax::Text);
        assert_eq!(kinds("第一段。\n\n3\n\n第二段。")[1], Syntax::Text);
        assert_eq!(kinds("字\n第二行")[0], Syntax::Text);
        assert_eq!(kinds("。")[0], Syntax::Text);
    }
}
