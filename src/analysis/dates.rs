//! A page's date and edition, from its file name (`2020-05-06_第3版.md`,
//! `20200506-03.md`) or, failing that, its furniture (`2020年5月6日 星期三`, `第3版`).
//!
//! Dates are kept as `yyyymmdd` numbers, so that a month is a range
//! (`20200300..=20200399`) and the index can filter and sort by them. The reader's
//! in-memory search filters pages by the same dates ([`DateRange`], [`doc_date`]), so
//! `date:2020-03` keeps the same pages with an index or without one.
//!
//! ```
//! use kanbao::analysis::dates::{date_in, edition_in};
//! assert_eq!(date_in("papers/2020-05-06_第3版.md"), Some(20200506));
//! assert_eq!(date_in("2020年5月6日 星期三"), Some(20200506));
//! assert_eq!(edition_in("2020-05-06_第12版.md"), Some(12));
//! assert_eq!(date_in("第3版.md"), None);
//! ```

use crate::document::Document;

/// Dates to keep, as `yyyymmdd`, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: u32,
    pub to: u32,
}

impl Default for DateRange {
    fn default() -> Self {
        Self {
            from: 0,
            to: u32::MAX,
        }
    }
}

impl DateRange {
    /// True when it keeps every date (undated articles included).
    pub fn is_all(&self) -> bool {
        *self == Self::default()
    }

    /// Whether a page of date `date` (`None`: undated) is kept: an undated page only
    /// when every date is.
    pub fn keeps(&self, date: Option<u32>) -> bool {
        self.is_all() || date.is_some_and(|d| self.from <= d && d <= self.to)
    }
}

/// A page's date: from its file name, else from its furniture (the index dates pages
/// the same way).
pub fn doc_date(doc: &Document) -> Option<u32> {
    date_in(doc.short_name()).or_else(|| date_in(&furniture_text(doc)))
}

/// A page's day for the results list's date headings: its date and, when its file name
/// or furniture gives one, its edition (`(20200506, Some(2))`); `None` when undated.
/// Read as the index reads them (file name first, then furniture).
pub fn doc_day(doc: &Document) -> Option<(u32, Option<u32>)> {
    let furniture = furniture_text(doc);
    let name = doc.short_name();
    let date = date_in(name).or_else(|| date_in(&furniture))?;
    Some((date, edition_in(name).or_else(|| edition_in(&furniture))))
}

/// The page's furniture (running heads, dates, page numbers) as one line.
pub fn furniture_text(doc: &Document) -> String {
    doc.furniture
        .iter()
        .map(|b| doc.str(&b.span))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first plausible date in `text`: `yyyy-mm-dd` (or with `_`, `.`, `/`), eight digits
/// `yyyymmdd`, or `yyyy年m月d日`.
pub fn date_in(text: &str) -> Option<u32> {
    let digits: Vec<(usize, u32)> = runs(text);
    for (i, &(at, n)) in digits.iter().enumerate() {
        let len = digit_len(text, at);
        if len == 8
            && let Some(d) = check(n / 10_000, n / 100 % 100, n % 100)
        {
            return Some(d);
        }
        if len == 4
            && let (Some(&(_, m)), Some(&(_, d))) = (digits.get(i + 1), digits.get(i + 2))
            && let Some(date) = check(n, m, d)
        {
            return Some(date);
        }
    }
    None
}

/// The edition in `text`: `第N版` with arabic digits.
pub fn edition_in(text: &str) -> Option<u32> {
    let start = text.find('第')? + '第'.len_utf8();
    let rest = &text[start..];
    let end = rest.find('版')?;
    rest[..end]
        .trim()
        .parse()
        .ok()
        .filter(|&n| n > 0 && n < 1000)
}

/// Runs of ASCII digits: (byte offset, value), values over `u32` skipped.
fn runs(text: &str) -> Vec<(usize, u32)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if let Ok(n) = text[start..i].parse() {
                out.push((start, n));
            }
        } else {
            i += 1;
        }
    }
    out
}

fn digit_len(text: &str, at: usize) -> usize {
    text[at..].bytes().take_while(u8::is_ascii_digit).count()
}

/// `yyyymmdd` when the parts make a plausible date (years 1800–2199).
fn check(y: u32, m: u32, d: u32) -> Option<u32> {
    ((1800..2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then_some(y * 10_000 + m * 100 + d)
}

/// The first or last `yyyymmdd` of a date given as `2020`, `2020-03` or `2020-03-05`
/// (`-`, `/` or `.` between the parts): `--from 2020-01` starts on 20200100, `--to
/// 2020-06` ends on 20200699. `None` for anything else.
pub fn bound(text: &str, last: bool) -> Option<u32> {
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (fill_month, fill_day) = if last { (12, 99) } else { (0, 0) };
    let (y, m, d) = match parts.as_slice() {
        [y] => (num(y)?, fill_month, fill_day),
        [y, m] => (num(y)?, num(m).filter(|m| (1..=12).contains(m))?, fill_day),
        [y, m, d] => (
            num(y)?,
            num(m).filter(|m| (1..=12).contains(m))?,
            num(d).filter(|d| (1..=31).contains(d))?,
        ),
        _ => return None,
    };
    (1000..10_000)
        .contains(&y)
        .then_some(y * 10_000 + m * 100 + d)
}

/// Splits `date:2020-03` (or `date:2020-01..2020-06`) out of a search input: the rest
/// of the input, and the dates (`None` when there is no such word, or it is not a
/// date, in which case it stays a search term).
pub fn split_date_terms(input: &str) -> (String, Option<(u32, u32)>) {
    let mut rest = Vec::new();
    let mut range = None;
    for word in input.split_whitespace() {
        let dates = word.strip_prefix("date:").and_then(|d| {
            let (from, to) = d.split_once("..").unwrap_or((d, d));
            Some((bound(from, false)?, bound(to, true)?))
        });
        match dates {
            Some(r) => range = Some(r),
            None => rest.push(word),
        }
    }
    (rest.join(" "), range)
}

#[cfg(test)]
// Dates as `yyyymmdd` read best without separators.
#[allow(clippy::unreadable_literal)]
mod tests {
    use super::*;

    #[test]
    fn bounds_fill_what_is_not_given() {
        assert_eq!(bound("2020-01", false), Some(20200100));
        assert_eq!(bound("2020-06", true), Some(20200699));
        assert_eq!(bound("2020", true), Some(20201299));
        assert_eq!(bound("2020/3/5", false), Some(20200305));
        assert_eq!(bound("2020-13", false), None);
        assert_eq!(bound("march", false), None);
    }

    #[test]
    fn date_words_leave_the_search_text() {
        assert_eq!(
            split_date_terms("台风 date:2020-03 防灾"),
            ("台风 防灾".to_string(), Some((20200300, 20200399)))
        );
        assert_eq!(
            split_date_terms("date:2020-01..2020-06 雪"),
            ("雪".to_string(), Some((20200100, 20200699)))
        );
        assert_eq!(
            split_date_terms("date:soon"),
            ("date:soon".to_string(), None)
        );
    }
}
