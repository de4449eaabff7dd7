//! Making decoded text safe to put on a terminal.
//!
//! A page is data, never instructions: an `ESC ] 52 ; c ; …` inside a hostile page must
//! not write the clipboard, set the window title, move the cursor or change colours.
//! After decoding, every control character is therefore replaced by a visible stand-in,
//! so `Document::text` (and everything laid out or dumped from it) holds none:
//!
//! * line endings are normalised: CRLF and a lone CR become `\n`;
//! * `\n` and `\t` stay (layout handles them);
//! * other C0 controls become their Unicode Control Pictures (`ESC` → `␛`, `NUL` → `␀`,
//!   `BEL` → `␇`…), DEL becomes `␡`;
//! * a C1 control (U+0080–U+009F) is the 8-bit form of `ESC` + a letter, so it is shown
//!   as exactly that: `␛` followed by the 7-bit letter (U+009B CSI → `␛[`, U+009D OSC →
//!   `␛]`). The text stays readable and says what the page tried to send.
//!
//! Every other character is kept, in order.

use std::borrow::Cow;

/// What sanitizing changed, for the document's warnings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SanitizeReport {
    /// Control characters replaced by visible placeholders (line endings not counted).
    pub controls: usize,
    /// Carriage returns turned into line feeds (lone CR) or dropped (CRLF).
    pub carriage_returns: usize,
}

/// Returns `text` with line endings normalised and every control character but `\n`
/// and `\t` replaced by a visible placeholder. Borrows when nothing needs changing.
pub fn sanitize(text: &str) -> (Cow<'_, str>, SanitizeReport) {
    let mut report = SanitizeReport::default();
    if is_clean(text) {
        return (Cow::Borrowed(text), report);
    }
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                report.carriage_returns += 1;
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            c if needs_replacing(c) => {
                report.controls += 1;
                push_placeholder(&mut out, c);
            }
            c => out.push(c),
        }
    }
    (Cow::Owned(out), report)
}

/// `text` for a one-line message (an error naming a file, quoting a dictionary line):
/// every control character shown as its placeholder, line breaks and tabs included, so
/// a name like `a\nb.md` or `\e]0;x\a.md` can neither split the message nor talk to the
/// terminal.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_control(c) {
            push_placeholder(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The fast path, a byte scan: most pages hold no control character at all.
/// In UTF-8, C1 controls are exactly `C2 80`..`C2 9F`.
fn is_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Branch-free over 64-byte chunks so the compiler can vectorise it; only a chunk
    // with a suspect byte (0xC2 also starts `·`, `°`, `×`…) gets the exact check.
    let suspect = |b: u8| {
        u8::from(b < 0x20 && b != b'\n' && b != b'\t') | u8::from(b == 0x7f) | u8::from(b == 0xc2)
    };
    if bytes
        .chunks(64)
        .all(|chunk| chunk.iter().fold(0, |acc, &b| acc | suspect(b)) == 0)
    {
        return true;
    }
    for (i, &b) in bytes.iter().enumerate() {
        let bad = match b {
            b'\n' | b'\t' => false,
            0x00..=0x1f | 0x7f => true,
            0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
            _ => false,
        };
        if bad {
            return false;
        }
    }
    true
}

/// True for every char that must not reach a terminal as is (CR included: it is
/// normalised rather than kept).
pub fn needs_replacing(c: char) -> bool {
    is_control(c) && c != '\n' && c != '\t'
}

/// C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F).
pub fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

fn push_placeholder(out: &mut String, c: char) {
    let code = u32::from(c);
    match code {
        // Control Pictures block: U+2400 + code for C0.
        0x00..=0x1f => out.push(char::from_u32(0x2400 + code).unwrap_or('\u{fffd}')),
        0x7f => out.push('\u{2421}'),
        // C1 0x80+x is the 8-bit form of ESC followed by 0x40+x.
        _ => {
            out.push('\u{241b}');
            out.push(char::from_u32(code - 0x40).unwrap_or('\u{fffd}'));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn clean(s: &str) -> String {
        sanitize(s).0.into_owned()
    }

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let (out, report) = sanitize("平城区\n\t服务业。");
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(report, SanitizeReport::default());
    }

    #[test]
    fn line_endings_are_normalised() {
        assert_eq!(clean("甲\r\n乙\r丙\n"), "甲\n乙\n丙\n");
        assert_eq!(clean("\r\r\n"), "\n\n");
    }

    #[test]
    fn escape_sequences_become_visible_text() {
        assert_eq!(clean("\x1b]52;c;aGk=\x07"), "␛]52;c;aGk=␇");
        assert_eq!(clean("\x1b[31m红\x1b[0m"), "␛[31m红␛[0m");
        assert_eq!(clean("\x1b]0;title\x1b\\"), "␛]0;title␛\\");
        assert_eq!(clean("a\0b\x7f"), "a␀b␡");
    }

    #[test]
    fn c1_controls_show_their_seven_bit_form() {
        assert_eq!(clean("\u{9b}2J"), "␛[2J");
        assert_eq!(clean("\u{9d}52;c;x\u{9c}"), "␛]52;c;x␛\\");
        assert_eq!(clean("\u{90}q\u{9c}"), "␛Pq␛\\");
        let (_, report) = sanitize("\u{85}\u{80}");
        assert_eq!(report.controls, 2);
    }

    #[test]
    fn non_controls_near_the_ranges_are_kept() {
        assert_eq!(clean(" ~\u{a0}¡"), " ~\u{a0}¡");
    }

    proptest! {
        #[test]
        fn output_holds_no_control_but_newline_and_tab(s in any::<String>()) {
            let out = clean(&s);
            prop_assert!(!out.chars().any(needs_replacing));
        }

        #[test]
        fn fast_path_agrees_with_the_char_test(s in any::<String>()) {
            prop_assert_eq!(is_clean(&s), !s.chars().any(needs_replacing));
        }

        #[test]
        fn every_non_control_char_is_kept_in_order(s in any::<String>()) {
            let out = clean(&s);
            let kept: String = s.chars().filter(|&c| !is_control(c) || c == '\n' || c == '\t').collect();
            let mut rest = out.chars();
            for c in kept.chars() {
                prop_assert!(rest.any(|o| o == c), "lost {:?}", c);
            }
        }

        #[test]
        fn controls_in_chinese_text(s in "[平城区\u{0}-\u{1f}\u{7f}-\u{9f}。]{0,40}") {
            prop_assert_eq!(is_clean(&s), !s.chars().any(needs_replacing));
            let out = clean(&s);
            prop_assert!(!out.chars().any(needs_replacing));
            let han_in = s.chars().filter(|c| "平城区。".contains(*c)).count();
            let han_out = out.chars().filter(|c| "平城区。".contains(*c)).count();
            prop_assert_eq!(han_in, han_out);
        }
    }

    #[test]
    fn one_line_shows_every_control_line_breaks_included() {
        assert_eq!(one_line("第1版.md"), "第1版.md");
        assert_eq!(one_line("a\nb\r\t\u{1b}]0;x\u{7}.md"), "a␊b␍␉␛]0;x␇.md");
        assert_eq!(one_line("\u{9b}2J"), "␛[2J");
    }
}
