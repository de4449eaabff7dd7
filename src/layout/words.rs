//! Where words start in a headline, so that centred text (headlines, kickers,
//! subtitles, banners) breaks between words: `平城区全力打造现代` / `服务业高质量发展新引擎`
//! rather than `…现代服` / `务业…`. Running text still breaks between any two
//! characters, as Chinese typesetting does.
//!
//! Two sources, chosen by [`LayoutOptions::words`](super::LayoutOptions):
//!
//! - [`WordSource::Quick`], always there: a dictionary-free guess from script changes,
//!   punctuation and a short list of characters that end a word (`区` `县` `业` `化` …)
//!   or stand alone (`的` `和` `与` `在` …). Good enough for the first frame.
//! - [`WordSource::Dictionary`]: jieba's segmentation, once a front end has loaded it
//!   and handed it over with [`install`] (layout itself does not depend on the
//!   analysis layer). Until then it falls back to the quick guess.
//!
//! # Limitations
//!
//! The quick guess knows no words: it will break inside `服务业` when the line needs it
//! there and none of its cues applies. jieba is installed once per process; a later
//! [`install`] is ignored.

use std::ops::Range;
use std::sync::OnceLock;

/// Which segmentation decides where headline words start.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum WordSource {
    /// The dictionary-free guess.
    #[default]
    Quick,
    /// jieba's words, when [`install`]ed (else the quick guess).
    Dictionary,
}

/// A word segmenter: the words of a text as byte ranges covering it, in order.
pub type Cut = dyn Fn(&str) -> Vec<Range<usize>> + Send + Sync;

static DICTIONARY: OnceLock<Box<Cut>> = OnceLock::new();

/// Hands the layout a dictionary segmenter (jieba, loaded off the UI thread). The
/// first one installed stays.
pub fn install(cut: Box<Cut>) {
    let _ = DICTIONARY.set(cut);
}

/// Whether a dictionary segmenter has been installed.
pub fn installed() -> bool {
    DICTIONARY.get().is_some()
}

/// Byte offsets of `text` where a word starts (0 excluded), ascending.
pub fn starts(text: &str, source: WordSource) -> Vec<usize> {
    match (source, DICTIONARY.get()) {
        (WordSource::Dictionary, Some(cut)) => cut(text)
            .into_iter()
            .map(|r| r.start)
            .filter(|&s| s > 0 && s < text.len())
            .collect(),
        _ => quick(text),
    }
}

/// Characters that usually end a word: place and body suffixes, and the suffixes
/// that make nouns and adjectives (`服务业`, `现代化`, `高质量`).
fn ends_word(c: char) -> bool {
    "区县市省镇乡村街局委厅部院校会业化性者们员家型式量级界站港馆处".contains(c)
}

/// Characters that are a word on their own (particles, conjunctions, prepositions).
fn stands_alone(c: char) -> bool {
    "的地得了着过和与及或在是为对把被将向从让等也都就并而以之其于".contains(c)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// The quick guess: between two Chinese characters a word starts after a character
/// that ends one and around one that stands alone; anywhere else (Latin, digits,
/// punctuation) every boundary counts, and the line-breaking rules decide.
fn quick(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if let Some(p) = prev {
            // Outside Chinese text the line-breaking rules alone decide.
            let boundary =
                !(is_han(p) && is_han(c)) || ends_word(p) || stands_alone(p) || stands_alone(c);
            if boundary {
                out.push(i);
            }
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut at = 0;
        let mut out = Vec::new();
        for s in starts(text, WordSource::Quick)
            .into_iter()
            .chain([text.len()])
        {
            out.push(&text[at..s]);
            at = s;
        }
        out
    }

    #[test]
    fn the_quick_guess_breaks_after_suffixes_and_around_particles() {
        assert_eq!(
            split("平城区全力打造现代服务业高质量发展新引擎"),
            vec!["平城区", "全力打造现代服务业", "高质量", "发展新引擎"]
        );
        assert_eq!(split("春天的故事"), vec!["春天", "的", "故事"]);
        assert_eq!(split("GDP增长"), vec!["G", "D", "P", "增长"]);
    }
}
