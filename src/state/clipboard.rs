//! `y`: the article being read, as plain text for the clipboard, and the OSC 52
//! sequence that hands it to the terminal.
//!
//! OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`) asks the terminal itself to set the clipboard,
//! so copying works over ssh and inside tmux (with `set-clipboard on`) without any
//! clipboard program. The text is sanitised (no control character but newlines can
//! reach the terminal, base64 or not, since some terminals decode and echo it) and
//! size-limited: many terminals drop longer sequences silently.

use crate::document::Document;

/// The most bytes of text copied; longer articles are refused with a message.
pub const MAX_COPY: usize = 100_000;

/// Headline, byline and text of article `article` of `doc`, paragraphs separated by
/// blank lines, control characters other than newlines dropped.
pub fn article_text(doc: &Document, article: usize) -> String {
    let Some(a) = doc.articles.get(article) else {
        return String::new();
    };
    let mut parts: Vec<&str> = Vec::new();
    for field in [&a.kicker, &a.title, &a.subtitle, &a.byline] {
        if let Some(text) = doc.field(field.as_ref()) {
            parts.push(text);
        }
    }
    parts.extend(a.blocks.iter().map(|b| doc.str(&b.span)));
    let text = parts.join("\n\n");
    text.chars()
        .filter(|&c| c == '\n' || !c.is_control())
        .collect()
}

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
            ("平", "5bmz"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain}");
        }
    }

    #[test]
    fn the_copied_text_has_the_headline_and_no_control_characters() {
        // Through the input's sanitizer, as every page is read: the bell arrives as ␇.
        let (clean, _) = crate::input::sanitize::sanitize("# 标题\n\n正文\u{7}第一段。\n");
        let doc = crate::document::parse("t", &clean);
        let text = article_text(&doc, 0);
        assert!(text.starts_with("标题"), "{text}");
        assert!(text.contains("正文") && text.contains("第一段"), "{text}");
        assert!(!text.chars().any(|c| c != '\n' && c.is_control()));
        assert_eq!(osc52("f"), "\x1b]52;c;Zg==\x07");
    }
}
