//! Matching normalisation: a folded copy of a text that maps back to the original.
//!
//! Readers type `a` and expect `Ａ`, type `1` and expect `１`, type `,` and expect `，`,
//! type 台风 and expect 颱風. Rather than comparing char by char at search time, the text
//! is folded once (full-width ASCII forms to ASCII, the ideographic space to a space,
//! letters to lower case, traditional characters to simplified through
//! [`script`](super::script)) and searched with `memchr::memmem`. A search that must
//! tell 臺 from 台 checks each hit against [`fold_str_exact`], which folds all but the
//! script. Folding changes byte lengths (`Ａ` is three
//! bytes, `a` one), so [`Folded`] keeps a sparse list of the places where the offset
//! between folded and original text changes: a hit in the folded text maps back to an
//! exact byte range of the original (GUIDE habit 7).
//!
//! ```
//! use kanbao::analysis::fold::Folded;
//! let folded = Folded::new("人口普查（ＡＢＣ）");
//! assert_eq!(folded.text(), "人口普查(abc)");
//! let start = folded.text().find("abc").unwrap();
//! let orig = folded.to_original(start..start + 3);
//! assert_eq!(&"人口普查（ＡＢＣ）"[orig], "ＡＢＣ");
//! assert_eq!(Folded::new("臺北颱風").text(), "台北台风");
//! ```
//!
//! # Limitations
//!
//! Only one-to-one character foldings are applied: letters whose lower case is several
//! characters (`İ`) stay as they are, and no Unicode normalisation (NFKC) is done beyond
//! the full-width block.

use std::ops::Range;

use super::script::to_simplified;

/// Folds one character for matching, traditional to simplified included; `None` when it
/// stays as it is.
pub fn fold_char(c: char) -> Option<char> {
    fold_char_exact(c).or_else(|| to_simplified(c))
}

/// Folds width, case and the ideographic space, but not the script.
pub fn fold_char_exact(c: char) -> Option<char> {
    if c.is_ascii() {
        return c.is_ascii_uppercase().then(|| c.to_ascii_lowercase());
    }
    match c {
        '\u{3000}' => Some(' '),
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(u32::from(c) - 0xFEE0).map(|h| h.to_ascii_lowercase())
        }
        _ if c.is_uppercase() => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l != c => Some(l),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Folds a whole string (for queries); same rules as [`Folded::new`].
pub fn fold_str(s: &str) -> String {
    s.chars().map(|c| fold_char(c).unwrap_or(c)).collect()
}

/// Folds a whole string with [`fold_char_exact`]: what a hit must equal when the reader
/// turned script folding off.
pub fn fold_str_exact(s: &str) -> String {
    s.chars().map(|c| fold_char_exact(c).unwrap_or(c)).collect()
}

/// A folded copy of a text with the map back to the original's byte offsets.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    text: String,
    /// `(folded, original)` offsets after each character whose folded length differs;
    /// between two points the offsets advance together.
    shifts: Vec<(usize, usize)>,
}

impl Folded {
    /// Folds `original`. Runs of characters that fold to themselves are copied whole;
    /// CJK characters are decoded only to look up their simplified form, which has the
    /// same UTF-8 length, so they never add a shift.
    pub fn new(original: &str) -> Self {
        let bytes = original.as_bytes();
        let mut text = String::with_capacity(original.len());
        let mut shifts = Vec::new();
        let mut run_start = 0;
        let mut at = 0;
        while let Some(&lead) = bytes.get(at) {
            let width = match lead {
                0x00..=0x7F => 1,
                // U+3000 (E3 80 80) is the one character from E3 to E9 (U+3000–U+9FFF:
                // CJK punctuation, kana, ideographs; no letter case) that changes length;
                // the rest fold only by script, three bytes for three.
                0xE3 if bytes.get(at + 1..at + 3) == Some(&[0x80, 0x80]) => 0,
                0xE3..=0xE9 => 3,
                _ => 0,
            };
            if width == 1 && !lead.is_ascii_uppercase() {
                at += 1;
                continue;
            }
            if width == 3 {
                let simple = original
                    .get(at..at + 3)
                    .and_then(|s| s.chars().next())
                    .and_then(to_simplified);
                if let Some(s) = simple {
                    text.push_str(original.get(run_start..at).unwrap_or(""));
                    text.push(s);
                    run_start = at + 3;
                }
                at += 3;
                continue;
            }
            let Some(c) = original.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let len = c.len_utf8();
            if let Some(f) = fold_char(c) {
                text.push_str(original.get(run_start..at).unwrap_or(""));
                text.push(f);
                run_start = at + len;
                if f.len_utf8() != len {
                    shifts.push((text.len(), run_start));
                }
            }
            at += len;
        }
        text.push_str(original.get(run_start..).unwrap_or(""));
        Self { text, shifts }
    }

    /// The folded text, to search in.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original byte offset of a folded offset that lies on a character boundary.
    pub fn offset_to_original(&self, folded: usize) -> usize {
        let i = self.shifts.partition_point(|&(f, _)| f <= folded);
        match i.checked_sub(1).and_then(|i| self.shifts.get(i)) {
            Some(&(f, o)) => o + (folded - f),
            None => folded,
        }
    }

    /// The original byte range of a folded range whose ends lie on character boundaries.
    pub fn to_original(&self, folded: Range<usize>) -> Range<usize> {
        self.offset_to_original(folded.start)..self.offset_to_original(folded.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_case_and_space() {
        assert_eq!(fold_str("ＡＢｃ１２（，）　Xy"), "abc12(,) xy");
        assert_eq!(fold_str("人口普查"), "人口普查");
        assert_eq!(fold_str("ÀÉ"), "àé");
        assert_eq!(fold_str("颱風ＡＢ"), "台风ab");
        assert_eq!(fold_str_exact("颱風ＡＢ"), "颱風ab");
    }

    #[test]
    fn maps_every_char_boundary_back() {
        let original = "甲Ａ乙　丙ab，Ｃ";
        let folded = Folded::new(original);
        let orig_chars: Vec<usize> = original.char_indices().map(|(i, _)| i).collect();
        let fold_chars: Vec<usize> = folded.text().char_indices().map(|(i, _)| i).collect();
        assert_eq!(orig_chars.len(), fold_chars.len());
        for (o, f) in orig_chars.iter().zip(&fold_chars) {
            assert_eq!(folded.offset_to_original(*f), *o);
        }
        assert_eq!(
            folded.offset_to_original(folded.text().len()),
            original.len()
        );
    }

    proptest::proptest! {
        #[test]
        fn folded_chars_map_to_original_chars(s in "[a-zA-Zａ-ｚＡ-Ｚ０-９，。人口颱風臺北　 ÀÉßİ\u{3001}-\u{3003}𐐀-𐐅]{0,40}") {
            let folded = Folded::new(&s);
            for ((f, fc), (o, oc)) in folded.text().char_indices().zip(s.char_indices()) {
                proptest::prop_assert_eq!(folded.offset_to_original(f), o);
                proptest::prop_assert_eq!(fold_char(oc).unwrap_or(oc), fc);
            }
            proptest::prop_assert_eq!(folded.text(), fold_str(&s));
        }
    }
}
