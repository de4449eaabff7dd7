//! Reading a terminal output stream back as escape sequences, and judging each one
//! against what kanbao's renderer (ratatui on crossterm) legitimately sends.
//!
//! The allow-list is deliberately narrow: a sequence a document could use to talk to
//! the terminal (title, clipboard, hyperlinks, device control, a bell, C1 controls)
//! is never on it, so any such byte in the stream can only have come from a document.

/// One element of the output stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// `ESC [` private-marker params intermediates final.
    Csi {
        private: Option<char>,
        params: String,
        intermediates: String,
        final_byte: char,
    },
    /// Any other escape: `ESC` and the bytes that name it (OSC, DCS, APC, ESC 7…),
    /// up to and including its terminator when it has one.
    Esc(Vec<u8>),
    /// A C0 control byte other than `ESC`, or DEL.
    Control(u8),
    /// A C1 control character (U+0080–U+009F), as UTF-8 or as a raw 8-bit byte.
    C1(u32),
    /// Bytes that are not UTF-8.
    Invalid(Vec<u8>),
    /// Printable text.
    Text(String),
}

/// Splits `out` into tokens. Never panics, whatever the bytes.
pub fn tokens(out: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < out.len() {
        let b = out[i];
        if b == 0x1b {
            let (token, len) = escape(&out[i..]);
            tokens.push(token);
            i += len;
        } else if b < 0x20 || b == 0x7f {
            tokens.push(Token::Control(b));
            i += 1;
        } else {
            let end = out[i..]
                .iter()
                .position(|&c| c < 0x20 || c == 0x7f)
                .map_or(out.len(), |p| i + p);
            text_tokens(&out[i..end], &mut tokens);
            i = end;
        }
    }
    tokens
}

fn text_tokens(mut bytes: &[u8], tokens: &mut Vec<Token>) {
    while !bytes.is_empty() {
        let (valid, rest) = match std::str::from_utf8(bytes) {
            Ok(s) => (s, &[][..]),
            Err(e) => {
                let (ok, bad) = bytes.split_at(e.valid_up_to());
                let bad_len = e.error_len().unwrap_or(bad.len());
                let (bad, rest) = bad.split_at(bad_len);
                push_text(std::str::from_utf8(ok).unwrap_or(""), tokens);
                if bad.len() == 1 && (0x80..=0x9f).contains(&bad[0]) {
                    tokens.push(Token::C1(u32::from(bad[0])));
                } else {
                    tokens.push(Token::Invalid(bad.to_vec()));
                }
                ("", rest)
            }
        };
        push_text(valid, tokens);
        bytes = rest;
    }
}

fn push_text(s: &str, tokens: &mut Vec<Token>) {
    let mut run = String::new();
    for c in s.chars() {
        if ('\u{80}'..='\u{9f}').contains(&c) {
            if !run.is_empty() {
                tokens.push(Token::Text(std::mem::take(&mut run)));
            }
            tokens.push(Token::C1(u32::from(c)));
        } else {
            run.push(c);
        }
    }
    if !run.is_empty() {
        tokens.push(Token::Text(run));
    }
}

/// The escape at the start of `s` (which starts with ESC) and its length in bytes.
fn escape(s: &[u8]) -> (Token, usize) {
    match s.get(1) {
        Some(b'[') => csi(s),
        // OSC, DCS, SOS, PM, APC: strings ended by BEL or ST (ESC \).
        Some(b']' | b'P' | b'X' | b'^' | b'_') => {
            let mut end = 2;
            while end < s.len() {
                if s[end] == 0x07 {
                    end += 1;
                    break;
                }
                if s[end] == 0x1b && s.get(end + 1) == Some(&b'\\') {
                    end += 2;
                    break;
                }
                end += 1;
            }
            (Token::Esc(s[..end].to_vec()), end)
        }
        // ESC, intermediates (0x20–0x2F), one final byte.
        Some(_) => {
            let mut end = 1;
            while s.get(end).is_some_and(|b| (0x20..=0x2f).contains(b)) {
                end += 1;
            }
            end = (end + 1).min(s.len());
            (Token::Esc(s[..end].to_vec()), end)
        }
        None => (Token::Esc(vec![0x1b]), 1),
    }
}

fn csi(s: &[u8]) -> (Token, usize) {
    let mut i = 2;
    let private = match s.get(i) {
        Some(&c @ (b'<' | b'=' | b'>' | b'?')) => {
            i += 1;
            Some(char::from(c))
        }
        _ => None,
    };
    let start = i;
    while s.get(i).is_some_and(|b| (0x30..=0x3f).contains(b)) {
        i += 1;
    }
    let params = String::from_utf8_lossy(&s[start..i]).into_owned();
    let start = i;
    while s.get(i).is_some_and(|b| (0x20..=0x2f).contains(b)) {
        i += 1;
    }
    let intermediates = String::from_utf8_lossy(&s[start..i]).into_owned();
    match s.get(i) {
        Some(&f) if (0x40..=0x7e).contains(&f) => (
            Token::Csi {
                private,
                params,
                intermediates,
                final_byte: char::from(f),
            },
            i + 1,
        ),
        // Unterminated or broken: report it whole as a foreign escape.
        _ => (Token::Esc(s[..i].to_vec()), i.max(1)),
    }
}

/// DEC private modes the reader switches: cursor visibility (25), alternate screen
/// (1049), mouse reporting (1000, 1002, 1003, 1006, 1015), focus events (1004),
/// bracketed paste (2004) and synchronized output (2026).
const PRIVATE_MODES: &[&str] = &[
    "25", "1049", "1000", "1002", "1003", "1004", "1006", "1015", "2004", "2026",
];

fn numbers(params: &str, max: usize) -> bool {
    params.split(';').count() <= max
        && params
            .split(';')
            .all(|p| p.parse::<u16>().is_ok() || p.is_empty())
}

/// Why `token` is not something the renderer sends, or `None` when it is.
pub fn violation(token: &Token) -> Option<String> {
    match token {
        Token::Text(_) | Token::Control(b'\r' | b'\n') => None,
        Token::Csi {
            private,
            params,
            intermediates,
            final_byte,
        } => {
            let ok = intermediates.is_empty()
                && match (private, final_byte) {
                    // Mode switches: only the known private modes.
                    (Some('?'), 'h' | 'l') => params.split(';').all(|p| PRIVATE_MODES.contains(&p)),
                    // Cursor position, moves, erase display / line.
                    (None, 'H') => numbers(params, 2),
                    (None, 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G') => numbers(params, 1),
                    (None, 'J' | 'K') => matches!(params.as_str(), "" | "0" | "1" | "2"),
                    // SGR: colours and attributes, numbers only (`;` or `:` separated).
                    (None, 'm') => params
                        .split([';', ':'])
                        .all(|p| p.is_empty() || p.parse::<u16>().is_ok()),
                    _ => false,
                };
            (!ok).then(|| format!("{token:?}"))
        }
        _ => Some(format!("{token:?}")),
    }
}

/// Every token of `out` the renderer would not have sent, described.
pub fn violations(out: &[u8]) -> Vec<String> {
    tokens(out).iter().filter_map(violation).collect()
}

/// Everything but text, `\n` and `\t` in a piece of printed output (a dump or a pipe).
pub fn non_text(out: &[u8]) -> Vec<String> {
    tokens(out)
        .iter()
        .filter(|t| !matches!(t, Token::Text(_) | Token::Control(b'\n' | b'\t')))
        .map(|t| format!("{t:?}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn renderer_sequences_pass() {
        let out = b"\x1b[?1049h\x1b[?1000h\x1b[?25l\x1b[1;1H\x1b[38;5;244m\x1b[1m\xe5\xb9\xb3\x1b[0m\x1b[2J\x1b[K\r\n";
        assert_eq!(violations(out), Vec::<String>::new());
    }

    #[test]
    fn hostile_sequences_are_caught() {
        let hostile: &[&[u8]] = &[
            b"\x1b]0;pwned\x07",
            b"\x1b]2;pwned\x1b\\",
            b"\x1b]52;c;aGk=\x07",
            b"\x1b]8;;http://x\x1b\\",
            b"\x1bPq#0\x1b\\",
            b"\x1b_apc\x1b\\",
            b"\x1b^pm\x1b\\",
            b"\x1bXsos\x1b\\",
            b"\x1bc",
            b"\x07",
            b"\x08",
            b"\xc2\x9b2J",
            b"\x9b2J",
            b"\x9d0;t\x9c",
            b"\x1b[6n",
            b"\x1b[?2026;9h",
            b"\x1b[21t",
            b"\x1b[",
        ];
        for h in hostile {
            assert!(!violations(h).is_empty(), "{h:?} passed");
            assert!(!non_text(h).is_empty(), "{h:?} passed as text");
        }
    }

    #[test]
    fn placeholders_are_text() {
        assert_eq!(
            violations("␛]0;pwned␇ 平城区".as_bytes()),
            Vec::<String>::new()
        );
        assert_eq!(non_text("␛[2J\n\t正文".as_bytes()), Vec::<String>::new());
    }

    proptest! {
        #[test]
        fn non_text_is_exactly_the_controls_and_broken_utf8(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let clean = std::str::from_utf8(&bytes).is_ok_and(|s| {
                !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
            });
            prop_assert_eq!(non_text(&bytes).is_empty(), clean);
        }
    }
}
