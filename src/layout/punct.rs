//! OCR's half-width punctuation inside Chinese text (`为扮靓城市环境,近日,平城区`) shown
//! as the full-width forms a Chinese reader expects (`，` `（` `）` `：` `；` `？` `！`).
//!
//! Only the display changes: [`Document::text`](crate::document::Document) keeps the
//! source's characters, so search matches, highlights and `--dump json` byte offsets
//! stay exact. A character is swapped where it is drawn ([`shown`]), one for one, and
//! measured two columns wide where lines are wrapped ([`widen`]), so wrapping, column
//! positions and highlights agree with what is on screen.
//!
//! Which characters: `,` `:` `;` `?` `!` after a Chinese character, or before one when
//! no Latin letter or digit stands before them (`12:30`, `1,234`, `Hi, 你` stay); a
//! pair of brackets when Chinese stands just outside it or inside it (`(记者 张三)`,
//! `措施(1)加强`), decided for the pair so both halves change together; a lone bracket
//! by its neighbours. The context never reaches past a line break, so a block's text
//! and the whole document give the same answer.

use super::width::Cluster;

/// Longest run looked through for a bracket's partner.
const PAIR_MAX: usize = 32;

/// The full-width form of a half-width punctuation mark this module may swap.
fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        '(' => '（',
        ')' => '）',
        ':' => '：',
        ';' => '；',
        '?' => '？',
        '!' => '！',
        _ => return None,
    })
}

/// Chinese text or its punctuation.
fn chinese(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{3000}'..='\u{303f}'
        | '\u{ff01}'..='\u{ff60}'
        | '“' | '”' | '‘' | '’' | '…' | '—')
}

/// The character before byte `at` on the same line.
fn before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back().filter(|&c| c != '\n')
}

/// The character after the one at byte `at` on the same line.
fn after(text: &str, at: usize) -> Option<char> {
    let mut rest = text.get(at..)?.chars();
    rest.next();
    rest.next().filter(|&c| c != '\n')
}

/// What is drawn for the character at byte `at` of `text`: its full-width form when it
/// is half-width punctuation inside Chinese text, else `None` (drawn as it is).
pub fn shown(text: &str, at: usize) -> Option<char> {
    let c = text.get(at..)?.chars().next()?;
    let wide = full_width(c)?;
    let is = |o: Option<char>| o.is_some_and(chinese);
    let (prev, next) = (before(text, at), after(text, at));
    let swap = match c {
        '(' => bracket_pair(text, at, true),
        ')' => bracket_pair(text, at, false),
        _ => is(prev) || (is(next) && !prev.is_some_and(|p| p.is_ascii_alphanumeric())),
    };
    swap.then_some(wide)
}

/// Whether the bracket at `at` (an opening one when `open`) is in Chinese text: with
/// its partner on the same line within [`PAIR_MAX`] characters, when Chinese stands
/// before the pair, inside it or after it; alone, when a neighbour is Chinese.
fn bracket_pair(text: &str, at: usize, open: bool) -> bool {
    let is = |o: Option<char>| o.is_some_and(chinese);
    let partner = if open {
        text.get(at + 1..).and_then(|rest| {
            rest.char_indices()
                .take(PAIR_MAX)
                .take_while(|(_, c)| *c != '\n' && *c != '(')
                .find(|(_, c)| *c == ')')
                .map(|(i, _)| at + 1 + i)
        })
    } else {
        text.get(..at).and_then(|head| {
            head.char_indices()
                .rev()
                .take(PAIR_MAX)
                .take_while(|(_, c)| *c != '\n' && *c != ')')
                .find(|(_, c)| *c == '(')
                .map(|(i, _)| i)
        })
    };
    match partner {
        Some(other) => {
            let (open_at, close_at) = if open { (at, other) } else { (other, at) };
            is(before(text, open_at))
                || is(after(text, close_at))
                || text
                    .get(open_at + 1..close_at)
                    .is_some_and(|inside| inside.chars().any(chinese))
        }
        None => is(before(text, at)) || is(after(text, at)),
    }
}

/// `text` as drawn: every swapped character replaced. Borrows when none is.
pub fn show(text: &str, from: usize, to: usize) -> std::borrow::Cow<'_, str> {
    let piece = text.get(from..to).unwrap_or("");
    if !piece
        .bytes()
        .any(|b| matches!(b, b',' | b'(' | b')' | b':' | b';' | b'?' | b'!'))
    {
        return std::borrow::Cow::Borrowed(piece);
    }
    let mut out = String::with_capacity(piece.len() + 8);
    for (i, c) in piece.char_indices() {
        out.push(shown(text, from + i).unwrap_or(c));
    }
    std::borrow::Cow::Owned(out)
}

/// Measures the swapped characters of `text` two columns wide, as they are drawn.
pub fn widen(text: &str, clusters: &mut [Cluster]) {
    if !text
        .bytes()
        .any(|b| matches!(b, b',' | b'(' | b')' | b':' | b';' | b'?' | b'!'))
    {
        return;
    }
    for cluster in clusters.iter_mut() {
        let at = cluster.start();
        let one = text
            .as_bytes()
            .get(at)
            .is_some_and(|b| matches!(b, b',' | b'(' | b')' | b':' | b';' | b'?' | b'!'));
        if one && cluster.width == 1 && shown(text, at).is_some() {
            cluster.width = 2;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> String {
        show(text, 0, text.len()).into_owned()
    }

    #[test]
    fn punctuation_inside_chinese_text_is_shown_full_width() {
        assert_eq!(
            all("为扮靓城市环境,近日,平城区"),
            "为扮靓城市环境，近日，平城区"
        );
        assert_eq!(all("记者:张三;好吗?好!"), "记者：张三；好吗？好！");
        assert_eq!(all("(记者 张三)"), "（记者 张三）");
        assert_eq!(all("措施(1)加强"), "措施（1）加强");
        assert_eq!(all("(1)加强"), "（1）加强");
    }

    #[test]
    fn latin_text_and_figures_keep_theirs() {
        for t in [
            "12:30",
            "1,234",
            "Hello, world (yes)!",
            "GDP,",
            "Hi, 你",
            "a(b)c",
        ] {
            assert_eq!(all(t), t);
        }
        // The context stops at a line break.
        assert_eq!(all("甲\n,b"), "甲\n,b");
    }

    #[test]
    fn a_slice_is_shown_as_in_its_text() {
        let text = "环境,近日";
        let comma = text.find(',').unwrap_or(0);
        assert_eq!(show(text, comma, comma + 1), "，");
    }

    #[test]
    fn swapped_characters_measure_two_columns() {
        let text = "环境,近日 a,b";
        let measure = super::super::width::Measure::default();
        let mut clusters = measure.clusters(text);
        widen(text, &mut clusters);
        let widths: Vec<u16> = clusters.iter().map(|c| c.width).collect();
        assert_eq!(widths, vec![2, 2, 2, 2, 2, 1, 1, 1, 1]);
    }
}
