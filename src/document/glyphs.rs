//! Odd glyphs from a PDF's font map, shown as what they stand for: private-use
//! bullets (symbol fonts such as Wingdings put `●` at U+F06C) and half-width
//! punctuation (`｡` `､` `･` `｢` `｣`, the halfwidth-katakana block that some Chinese PDF
//! fonts map their punctuation to).
//!
//! Runs on each raw line before block syntax is read, so a bullet at the start of a
//! line becomes a list marker that `lines` then reads as a list item.

use std::borrow::Cow;

use super::habits::{self, Habits};

/// Private-use code points that symbol fonts use for bullets (Wingdings / Symbol).
const BULLETS: &[char] = &[
    '\u{F06C}', '\u{F06E}', '\u{F075}', '\u{F076}', '\u{F0A7}', '\u{F0A8}', '\u{F0B7}', '\u{F0D8}',
    '\u{F0E0}', '\u{F0FC}', '\u{F09F}', '\u{F0B2}',
];

/// Whether `c` is a symbol-font code point (U+F020–U+F0FF): at the start of a line
/// it can only be a bullet.
fn is_symbol_font(c: char) -> bool {
    ('\u{F020}'..='\u{F0FF}').contains(&c)
}

/// The punctuation a PDF-font glyph stands for.
fn punctuation(c: char) -> Option<char> {
    match c {
        '｡' => Some('。'),
        '､' => Some('、'),
        '･' => Some('·'),
        '｢' => Some('「'),
        '｣' => Some('」'),
        _ => None,
    }
}

/// One raw line with bullets and PDF-font punctuation mapped.
pub(crate) fn normalise<'a>(line: &'a str, habits: &mut Habits) -> Cow<'a, str> {
    let odd = |c: char| is_symbol_font(c) || punctuation(c).is_some();
    if !line.chars().any(odd) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 2);
    let body = line.trim_start();
    let lead = line.get(..line.len() - body.len()).unwrap_or("");
    let mut rest = body;
    if let Some(c) = body.chars().next().filter(|&c| is_symbol_font(c)) {
        // A bullet opening the line: the item is a markdown list item.
        out.push_str(lead);
        out.push_str("- ");
        rest = body.get(c.len_utf8()..).unwrap_or("").trim_start();
        habits.note(habits::PRIVATE_USE_BULLET);
    } else {
        out.push_str(lead);
    }
    for c in rest.chars() {
        if let Some(p) = punctuation(c) {
            out.push(p);
            habits.note(habits::PDF_PUNCTUATION);
        } else if BULLETS.contains(&c) {
            out.push('•');
            habits.note(habits::PRIVATE_USE_BULLET);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> (String, Vec<&'static str>) {
        let mut h = Habits::default();
        let out = normalise(s, &mut h).into_owned();
        (out, h.into_names())
    }

    #[test]
    fn a_private_use_bullet_opens_a_list_item() {
        assert_eq!(norm("\u{F06C} 加强组织领导").0, "- 加强组织领导");
        assert_eq!(norm("  \u{F0A7}完善机制").0, "  - 完善机制");
        assert_eq!(norm("甲\u{F06C}乙").0, "甲•乙");
        assert_eq!(norm("\u{F06C} 甲").1, vec![habits::PRIVATE_USE_BULLET]);
    }

    #[test]
    fn pdf_font_punctuation_is_the_punctuation_it_stands_for() {
        assert_eq!(
            norm("春耕备耕忙｡农民､合作社･龙头企业").0,
            "春耕备耕忙。农民、合作社·龙头企业"
        );
        assert_eq!(norm("｢好｣").0, "「好」");
    }

    #[test]
    fn ordinary_lines_are_untouched() {
        let (out, h) = norm("- 正常的列表。・全角中点不动");
        assert_eq!(out, "- 正常的列表。・全角中点不动");
        assert!(h.is_empty());
        // Other private-use characters are not guessed at: they stay.
        assert_eq!(norm("\u{E001}字").0, "\u{E001}字");
    }
}
