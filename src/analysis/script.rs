//! Traditional → simplified characters, one for one, for search folding (繁简).
//!
//! A reader who types 台风 expects to find 颱風 on a Hong Kong or Taiwan page, and one who
//! types 臺北 expects 台北. Search folds both the page and the query to simplified
//! characters and compares those; since both sides go through the same table, the
//! folding only has to be consistent, not a correct conversion.
//!
//! The table comes from `OpenCC`'s own character dictionary (`TSCharacters`, through the
//! `ferrous-opencc` crate, which embeds `OpenCC`'s data and is pure Rust). It is built once
//! per process on first use by converting every ideograph of the Basic Multilingual
//! Plane alone (so no phrase rule applies) and keeping those that become one other
//! character. Only one-for-one mappings are kept, so folding never changes how many
//! characters a text has, and every ideograph here is three bytes in UTF-8 on both
//! sides: offsets in a folded text are offsets in the original.
//!
//! ```
//! use kanbao::analysis::script::to_simplified;
//! assert_eq!(to_simplified('颱'), Some('台'));
//! assert_eq!(to_simplified('臺'), Some('台'));
//! assert_eq!(to_simplified('风'), None);
//! ```
//!
//! # Limitations
//!
//! * Character for character: where `OpenCC` picks a simplified form by phrase (乾 in 乾隆
//!   stays 乾, in 乾燥 becomes 干), the table holds the character's default, so a query
//!   may find a few more places than a phrase-aware conversion would (干 finds 乾隆).
//! * Ideographs outside U+3400–U+9FFF and U+F900–U+FAFF (the supplementary planes) are
//!   not folded.
//! * Regional variants (台灣 vs 臺灣 spellings, 裏/裡) fold only where `TSCharacters`
//!   maps them.

use std::sync::OnceLock;

/// The first ideograph of the dense table (CJK Extension A).
const FIRST: u32 = 0x3400;
/// One past the last ideograph of the dense table (end of the URO block).
const END: u32 = 0xA000;
/// CJK compatibility ideographs, converted too (one-for-one where `OpenCC` maps them).
const COMPAT: std::ops::RangeInclusive<u32> = 0xF900..=0xFAFF;

struct Table {
    /// Indexed by `c - FIRST`; 0 where the character stays as it is.
    dense: Vec<u32>,
    /// Compatibility ideographs that fold, sorted by the first.
    compat: Vec<(char, char)>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// Converts each ideograph on a line of its own (a phrase needs two characters in a row)
/// and keeps the one-for-one changes. Without the converter (it cannot fail with its
/// embedded data, but its API says it may) nothing folds.
fn build() -> Table {
    let mut dense = vec![0; (END - FIRST) as usize];
    let mut compat = Vec::new();
    let Ok(cc) = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s)
    else {
        return Table { dense, compat };
    };
    let chars: Vec<char> = (FIRST..END)
        .chain(COMPAT)
        .filter_map(char::from_u32)
        .collect();
    let mut input = String::with_capacity(chars.len() * 4);
    for c in &chars {
        input.push(*c);
        input.push('\n');
    }
    let output = cc.convert(&input);
    let lines: Vec<&str> = output.split('\n').collect();
    if lines.len() < chars.len() {
        return Table { dense, compat };
    }
    for (c, line) in chars.iter().zip(lines) {
        let mut it = line.chars();
        let (Some(s), None) = (it.next(), it.next()) else {
            continue;
        };
        // Only ideographs of the same UTF-8 length, so offsets stay put.
        if s == *c || s.len_utf8() != c.len_utf8() {
            continue;
        }
        let code = u32::from(*c);
        if let Some(slot) = code
            .checked_sub(FIRST)
            .and_then(|i| dense.get_mut(i as usize))
        {
            *slot = u32::from(s);
        } else {
            compat.push((*c, s));
        }
    }
    Table { dense, compat }
}

/// The simplified form of a traditional character, when `OpenCC` has a different one.
pub fn to_simplified(c: char) -> Option<char> {
    let code = u32::from(c);
    let t = table();
    if (FIRST..END).contains(&code) {
        let s = *t.dense.get((code - FIRST) as usize)?;
        return (s != 0).then(|| char::from_u32(s)).flatten();
    }
    if COMPAT.contains(&code) {
        return t
            .compat
            .binary_search_by_key(&c, |p| p.0)
            .ok()
            .and_then(|i| t.compat.get(i))
            .map(|p| p.1);
    }
    None
}

/// Builds the table now (it takes some milliseconds), e.g. on a background thread before
/// the first search.
pub fn warm_up() {
    let _ = table();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_the_issue_examples_and_leaves_simplified_alone() {
        let fold =
            |s: &str| -> String { s.chars().map(|c| to_simplified(c).unwrap_or(c)).collect() };
        assert_eq!(fold("颱風"), "台风");
        assert_eq!(fold("臺北"), "台北");
        assert_eq!(fold("臺灣氣象局"), "台湾气象局");
        assert_eq!(fold("台风台北人口普查"), "台风台北人口普查");
    }

    #[test]
    fn every_mapping_keeps_the_byte_length() {
        for code in FIRST..END {
            if let Some(c) = char::from_u32(code)
                && let Some(s) = to_simplified(c)
            {
                assert_eq!(c.len_utf8(), s.len_utf8(), "{c} → {s}");
                assert_ne!(c, s);
            }
        }
    }
}
