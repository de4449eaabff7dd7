//! Whether a column break cut a word in two: the words on either side of a cut say
//! more than any punctuation about whether two fragments are one paragraph.
//!
//! A column break cuts a paragraph wherever the column ends, mostly inside a word:
//! `……的那场大火让村` ⏎⏎ `民失去了……`. The OCR also drops a paragraph's closing `。`, so
//! a finished paragraph and the next one look like the two parts of a break. The
//! difference is in the words: across a word cut the characters on both sides form a
//! word (`村民`); between two paragraphs they do not (`……发展` ⏎⏎ `全县……`).
//!
//! The step segments a small window around the cut (up to four ideographs on each
//! side) the way jieba does: the most probable sequence of dictionary words, each word
//! weighed by its frequency. When that sequence has a word running across the cut, the
//! cut is inside a word. The word frequencies are jieba's dictionary, cut down to
//! common words and rounded (`assets/cut-words.txt`, rebuilt by
//! `scripts/build_cut_words.py`); the document layer loads no segmenter of its own.
//!
//! Measured on the training articles with simulated cuts: a word runs across 42% of
//! column breaks (the others fall between two words, where nothing is seen), and across
//! 0.2% of paragraph ends whose stop was dropped and 0.4% of headline or byline ends.
//! When it is seen, it is strong evidence; when it is not, it is no evidence at all.
//!
//! # Limitations
//!
//! Only ideographs are read: a cut inside a number or a Latin word (`1945` ⏎⏎ `年`) is
//! for other cues. A proper name missing from the dictionary (`张` ⏎⏎ `三`) is not seen.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::text::is_han;

/// The dictionary: rounded log frequencies by word (single characters and words of
/// two to four characters).
const WORDS: &str = include_str!("../../assets/cut-words.txt");

/// Most ideographs read on each side of a cut.
const WINDOW: usize = 4;

/// Longest word in the dictionary, in characters.
const MAX_WORD: usize = 4;

/// A word of up to four characters as one key (21 bits a character).
fn key(chars: &[char]) -> u128 {
    chars
        .iter()
        .fold(0u128, |k, &c| (k << 21) | u128::from(u32::from(c)))
}

fn dictionary() -> &'static HashMap<u128, u8> {
    static DICT: OnceLock<HashMap<u128, u8>> = OnceLock::new();
    DICT.get_or_init(|| {
        let mut map = HashMap::with_capacity(60_000);
        for line in WORDS.lines().filter(|l| !l.starts_with('#')) {
            let mut parts = line.split(' ');
            let Some(Ok(ln)) = parts.next().map(str::parse::<u8>) else {
                continue;
            };
            for w in parts {
                let chars: Vec<char> = w.chars().collect();
                if (1..=MAX_WORD).contains(&chars.len()) {
                    map.insert(key(&chars), ln);
                }
            }
        }
        map
    })
}

/// The log frequency of a word, `None` when it is not a word (a single character is
/// always one, unseen ones at the lowest frequency).
fn weight(dict: &HashMap<u128, u8>, chars: &[char]) -> Option<f64> {
    match dict.get(&key(chars)) {
        Some(&ln) => Some(f64::from(ln)),
        None if chars.len() == 1 => Some(0.0),
        None => None,
    }
}

/// The ideographs at the end of `a` and at the start of `b` (up to [`WINDOW`] each),
/// when both sides end and start on one.
fn window(a: &str, b: &str) -> Option<(Vec<char>, usize)> {
    let mut left: Vec<char> = a
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| is_han(*c))
        .take(WINDOW)
        .collect();
    left.reverse();
    let right: Vec<char> = b
        .trim_start()
        .chars()
        .take_while(|c| is_han(*c))
        .take(WINDOW)
        .collect();
    if left.is_empty() || right.is_empty() {
        return None;
    }
    let cut = left.len();
    left.extend(right);
    Some((left, cut))
}

/// Whether the end of `a` and the start of `b` are one word cut in two: the most
/// probable segmentation of the characters around the cut puts a word across it.
pub(crate) fn is_word_cut(before: &str, after: &str) -> bool {
    // Each word costs a constant (the dictionary's total, in logs), so fewer,
    // commoner words win, as in jieba's route.
    const WORD_COST: f64 = 18.0;
    let Some((chars, cut)) = window(before, after) else {
        return false;
    };
    let dict = dictionary();
    let n = chars.len();
    // best[j]: the best score of a segmentation of chars[..j], and where its last
    // word starts.
    let mut best: Vec<(f64, usize)> = vec![(f64::NEG_INFINITY, 0); n + 1];
    if let Some(b0) = best.first_mut() {
        *b0 = (0.0, 0);
    }
    for i in 0..n {
        let Some(&(from, _)) = best.get(i) else {
            continue;
        };
        if from == f64::NEG_INFINITY {
            continue;
        }
        for j in i + 1..=(i + MAX_WORD).min(n) {
            let Some(w) = chars.get(i..j).and_then(|w| weight(dict, w)) else {
                continue;
            };
            let score = from + w - WORD_COST;
            if let Some(slot) = best.get_mut(j)
                && score > slot.0
            {
                *slot = (score, i);
            }
        }
    }
    // Walk the best route back: the cut is inside a word when no word ends there.
    let mut j = n;
    while j > 0 {
        if j == cut {
            return false;
        }
        let start = best.get(j).map_or(0, |b| b.1);
        if start < cut && cut < j {
            return true;
        }
        j = start;
    }
    false
}

/// Log frequency from which a word is common speech (`干部`, `群众`, `老师`: 7 and
/// up): jieba's dictionary holds few personal names, and none that often.
const COMMON_FROM: u8 = 7;

/// Whether `w` (two to four ideographs) is a common word of the language rather than
/// a personal name: `干部` after a place (`石桥村村 干部`) is no signature.
pub(crate) fn is_common_word(w: &str) -> bool {
    let chars: Vec<char> = w.chars().filter(|c| is_han(*c)).collect();
    (2..=MAX_WORD).contains(&chars.len())
        && dictionary()
            .get(&key(&chars))
            .is_some_and(|&ln| ln >= COMMON_FROM)
}

#[cfg(test)]
mod tests {
    use super::{is_common_word, is_word_cut};

    #[test]
    fn common_words_are_no_names() {
        assert!(is_common_word("干部"));
        assert!(is_common_word("群 众"));
        assert!(!is_common_word("程立"));
        assert!(!is_common_word("周志强"));
        assert!(!is_common_word("干"));
    }

    #[test]
    fn a_word_cut_by_the_column_is_seen() {
        assert!(is_word_cut("的那场大火让村", "民失去了家园"));
        assert!(is_word_cut("全区经济社会发", "展稳中向好"));
        // A three-character word cut after its second character.
        assert!(is_word_cut("他是一名志愿", "者，每天"));
    }

    #[test]
    fn a_cut_between_two_words_or_two_paragraphs_is_not() {
        // A paragraph whose `。` the OCR dropped, and the next one.
        assert!(!is_word_cut("全区经济社会稳步发展", "全县今年计划种植"));
        // A headline and its byline.
        assert!(!is_word_cut("合作社里话丰收", "本报记者 张三"));
        // A cut between two words of one sentence: nothing is seen either way.
        assert!(!is_word_cut("那场大火让", "村民失去了家园"));
    }

    #[test]
    fn only_ideographs_on_both_sides_are_read() {
        assert!(!is_word_cut("截至1945", "年8月"));
        assert!(!is_word_cut("他说：“", "发展"));
        assert!(!is_word_cut("", "发展"));
        assert!(!is_word_cut("发", ""));
    }
}
