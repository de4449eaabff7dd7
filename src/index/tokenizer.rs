//! The index's tokenizer: one token per character of the folded text, so that the
//! index finds exactly what kanbao's own search finds.
//!
//! kanbao searches by substring (GUIDE: 城区 finds 平城区), after folding width, case
//! and traditional characters to simplified ([`crate::analysis::fold`]). A word
//! tokenizer (jieba, or `tantivy-jieba`, which matches tantivy 0.27 and jieba-rs 0.11)
//! would index 平城区 as one word and never find 城区 in it. So each character that
//! is not white space becomes a token (its folded form), at a position that counts
//! every character, white space included: a term of several characters is a phrase
//! of single characters, which matches where the folded term occurs as a substring
//! and never across a space or a line break. The candidates are checked with the same
//! folding afterwards ([`super::query`]), which also settles `--exact-script`.
//!
//! ```
//! use kanbao::index::tokenizer::tokens;
//! assert_eq!(tokens("颱風 Ａb"), vec![("台".to_string(), 0), ("风".into(), 1), ("a".into(), 3), ("b".into(), 4)]);
//! ```
//!
//! # Limitations
//!
//! Unigram postings of common characters (的, 在) are long: a term made only of
//! common characters costs more to match than one with a rare character in it.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::analysis::fold::fold_char;

/// The name the tokenizer is registered under in the index.
pub const NAME: &str = "kanbao_chars";

/// See the module comment.
#[derive(Debug, Clone, Copy, Default)]
pub struct CharTokenizer;

/// The tokens of one text.
pub struct CharStream<'a> {
    chars: std::str::CharIndices<'a>,
    position: usize,
    token: Token,
}

impl Tokenizer for CharTokenizer {
    type TokenStream<'a> = CharStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CharStream<'a> {
        CharStream {
            chars: text.char_indices(),
            position: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for CharStream<'_> {
    fn advance(&mut self) -> bool {
        for (at, c) in self.chars.by_ref() {
            let position = self.position;
            self.position += 1;
            if c.is_whitespace() {
                continue;
            }
            let folded = fold_char(c).unwrap_or(c);
            self.token.text.clear();
            self.token.text.push(folded);
            self.token.offset_from = at;
            self.token.offset_to = at + c.len_utf8();
            self.token.position = position;
            self.token.position_length = 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The tokens of `text` with their positions (for queries and tests).
pub fn tokens(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut tokenizer = CharTokenizer;
    let mut stream = tokenizer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        out.push((t.text.clone(), t.position));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tokens;

    #[test]
    fn white_space_keeps_its_position_so_phrases_do_not_bridge_it() {
        let t = tokens("平城 区\n街");
        let positions: Vec<usize> = t.iter().map(|(_, p)| *p).collect();
        assert_eq!(positions, [0, 1, 3, 5]);
    }
}
