//! Running headers and footers: lines printed at the same place on many pages of one
//! directory (`2020年5月6日 星期三 第2版`, `要闻·综合`, `XX日报 www.xxx.cn`,
//! `本版编辑：张三`), often with a page number or date that changes from page to page.
//!
//! One page alone cannot tell such a line from a short headline or a kicker; the other
//! pages of its directory can. The work is split in two so that no page is held whole:
//!
//! * a cheap pre-pass (`crate::input::running`) reads only the head and the tail of
//!   every page, takes the first and last [`ZONE`] lines that hold text, turns each into
//!   a [`key`] (markup, spaces and punctuation dropped, digits and Chinese numerals
//!   made one class, so `第2版`/`第三版` and `星期三`/`星期四` match), and counts on
//!   how many pages each key stands at each end ([`Tally`]); the keys that recur often
//!   enough become the directory's [`RunningLines`];
//! * [`mark`], called by `lines` while it reads a page, types the page's own zone lines
//!   whose key is among them as furniture, before any later step can glue them to a
//!   story: they never become headlines, kickers, series labels or paragraphs, and
//!   their text still reaches the dump (as furniture).
//!
//! A line counts only at the end of the page where it was seen (a key seen at the top
//! marks top lines only), only once per page (a line one article repeats inside one
//! page is one page's worth), and only among the first and last [`ZONE`] lines, so a
//! headline that recurs in the middle of two pages is never touched.
//!
//! # The threshold
//!
//! A key is running when it stands at the same end of at least [`min_pages`] pages:
//! `max(2, ⌈√n⌉)` of the `n` pages of the directory (2 of 2–4 pages, 3 of 5–9, 4 of
//! 10–16, 10 of 100, 55 of 3,000). Why a root: a running header recurs on a fixed share
//! of the pages (all of them, or every page of one section, an eighth of a daily), so
//! its count grows with `n`; a line that recurs by chance near the top (a jump story's
//! headline repeated above its continuation, a weekly column's name) stays a handful of
//! pages however large the archive. `√n` grows between the two: small directories
//! need only 2–3 pages, a year of pages needs dozens. A line that is the same on every
//! page it stands on (no page number or date that changes) needs one page more: a
//! repeated headline is identical, a page header usually is not.
//!
//! # Limitations
//!
//! The pre-pass reads the pages as they are on disk: `kanbao index` counts every page of
//! the directory but parses only the changed ones, so a page indexed before a header
//! became frequent enough keeps its older reading until it changes.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use super::habits::{self, Habits};
use super::unit::{Syntax, Unit};

/// How many lines holding text are looked at at each end of a page: a header is a date
/// line, a section name, a paper's name; a footer an editor line and a page number.
pub const ZONE: usize = 4;

/// Keys longer than this (in characters) are running text, never a header.
const MAX_KEY_CHARS: usize = 40;

/// Which end of a page a line stands at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum End {
    /// Among the first [`ZONE`] lines holding text.
    Head,
    /// Among the last [`ZONE`] lines holding text.
    Tail,
}

/// The lines that run across the pages of one directory, as keys per end of page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunningLines {
    keys: HashSet<(End, String)>,
}

impl RunningLines {
    /// Whether no line runs across the pages (a single page, or nothing repeated).
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether `line`, standing at `end` of a page, is one of the running lines.
    pub fn contains(&self, end: End, line: &str) -> bool {
        key(line).is_some_and(|k| self.keys.contains(&(end, k)))
    }

    /// The keys, per end (to keep them for the next opening, `crate::input::listing`).
    pub fn keys(&self) -> impl Iterator<Item = (End, &str)> {
        self.keys.iter().map(|(end, k)| (*end, k.as_str()))
    }

    /// Running lines from keys kept by [`RunningLines::keys`].
    pub fn from_keys(keys: impl IntoIterator<Item = (End, String)>) -> Self {
        Self {
            keys: keys.into_iter().collect(),
        }
    }
}

/// The fewest pages a line must stand on, at the same end, to be a running line of a
/// directory of `pages` pages (see the module doc): `max(2, ⌈√pages⌉)`; a single page
/// never has running lines.
pub fn min_pages(pages: usize) -> usize {
    if pages < 2 {
        return usize::MAX;
    }
    let mut root = 1;
    while root * root < pages {
        root += 1;
    }
    root.max(2)
}

/// The key a line is compared by, or `None` for a line that cannot be a running header
/// (blank, markup only, an image, a fence or table row, running text).
///
/// Markup (`#`, `>`, list marks, HTML tags, emphasis), spaces and punctuation are
/// dropped; Latin letters are lowercased; every run of digits or Chinese numerals
/// becomes one `#`, so the page number and the date may change. The weekday's `日`/`天`
/// is a numeral there too.
///
/// ```
/// use kanbao::document::running::key;
/// assert_eq!(key("## 2020年5月6日 星期三 第2版"), key("2020年5月7日  星期四  第三版"));
/// assert_eq!(key("要闻·综合"), key("要闻 综合"));
/// assert_eq!(key("![](images/a.jpg)"), None);
/// ```
pub fn key(line: &str) -> Option<String> {
    let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if t.starts_with("```") || t.starts_with("~~~") || t.starts_with('|') || t.contains("![") {
        return None;
    }
    // One pass over the line, stopping once it is too long to be a header: most lines
    // of a page's head and tail are running text, often thousands of bytes.
    let mut out = String::new();
    let mut in_tag = false;
    let mut chars = 0;
    let mut letters = 0;
    // The two characters before, in the line as written: `星期日` and `星期天` are
    // weekdays like `星期一`, whose `一` is a numeral.
    let mut before = ['\0', '\0'];
    for c in t.chars() {
        let weekday = before == ['星', '期'] && matches!(c, '日' | '天');
        before = [before[1], c];
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            _ if (weekday || is_numeral(c)) && !out.ends_with('#') => {
                chars += 1;
                out.push('#');
            }
            _ if weekday || is_numeral(c) => {}
            _ if c.is_alphabetic() => {
                for lower in c.to_lowercase() {
                    out.push(lower);
                    letters += 1;
                }
                chars += 1;
            }
            _ => {}
        }
        if chars > MAX_KEY_CHARS {
            return None;
        }
    }
    // At least two characters besides the numbers: a bare page number is no header.
    (letters >= 2).then_some(out)
}

/// A digit (ASCII or full-width) or a Chinese numeral: one class in a key.
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || matches!(
            c,
            '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
}

/// The first [`ZONE`] lines holding a key, from the start of `text`: (line index, key).
pub fn head(text: &str) -> Vec<(usize, String)> {
    zone(text.split('\n').enumerate())
}

/// The last [`ZONE`] lines holding a key, from the end of `text`: (line index, key).
pub fn tail(text: &str) -> Vec<(usize, String)> {
    let last = text.bytes().filter(|&b| b == b'\n').count();
    zone(text.rsplit('\n').enumerate().map(|(k, l)| (last - k, l)))
}

fn zone<'a>(lines: impl Iterator<Item = (usize, &'a str)>) -> Vec<(usize, String)> {
    lines
        .filter_map(|(i, l)| key(l).map(|k| (i, k)))
        .take(ZONE)
        .collect()
}

/// How often each key stood at each end of a directory's pages, page by page; only the
/// keys are kept, never a page.
#[derive(Debug, Default)]
pub struct Tally {
    pages: usize,
    seen: HashMap<(End, String), Seen>,
}

#[derive(Debug)]
struct Seen {
    pages: usize,
    /// The first page's line, hashed: whether the text itself changes between pages.
    first: u64,
    varied: bool,
}

impl Tally {
    /// Counts one page from its head (the start of the page) and its tail (the end of
    /// the page; the same text for a short page).
    pub fn add_page(&mut self, head_text: &str, tail_text: &str) {
        self.pages += 1;
        let mut this_page: HashSet<(End, String)> = HashSet::new();
        let heads: Vec<&str> = head_text.split('\n').collect();
        let tails: Vec<&str> = tail_text.split('\n').collect();
        for (end, lines, zone_lines) in [
            (End::Head, &heads, head(head_text)),
            (End::Tail, &tails, tail(tail_text)),
        ] {
            for (i, k) in zone_lines {
                let raw = lines.get(i).map_or("", |l| l.trim());
                if !this_page.insert((end, k.clone())) {
                    continue;
                }
                let h = hash(raw);
                self.seen
                    .entry((end, k))
                    .and_modify(|s| {
                        s.pages += 1;
                        s.varied |= s.first != h;
                    })
                    .or_insert(Seen {
                        pages: 1,
                        first: h,
                        varied: false,
                    });
            }
        }
    }

    /// Adds the counts of `other`, a tally of other pages of the same directory (the
    /// pre-pass counts parts of a directory on several threads): the same as having
    /// added its pages here.
    pub fn merge(&mut self, other: Self) {
        self.pages += other.pages;
        for (k, theirs) in other.seen {
            self.seen
                .entry(k)
                .and_modify(|s| {
                    s.pages += theirs.pages;
                    s.varied |= theirs.varied || s.first != theirs.first;
                })
                .or_insert(theirs);
        }
    }

    /// The pages counted so far.
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// The keys that recur often enough (see the module doc).
    pub fn finish(self) -> RunningLines {
        let min = min_pages(self.pages);
        let keys = self
            .seen
            .into_iter()
            .filter(|(_, s)| s.pages >= min && (s.varied || s.pages > min))
            .map(|(k, _)| k)
            .collect();
        RunningLines { keys }
    }
}

fn hash(s: &str) -> u64 {
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// Types the text units standing on a running line of the page (`lines`, the page's
/// lines as `lines.rs` reads them) as furniture.
pub(crate) fn mark(
    units: &mut [Unit],
    lines: &[&str],
    running: &RunningLines,
    habits: &mut Habits,
) {
    if running.is_empty() || units.is_empty() {
        return;
    }
    let text_lines = |ix: &mut dyn Iterator<Item = (usize, &&str)>| -> Vec<usize> {
        ix.filter_map(|(i, l)| key(l).map(|k| (i, k)))
            .take(ZONE)
            .map(|(i, _)| i)
            .collect()
    };
    let mut hits: Vec<usize> = Vec::new();
    for (end, idx) in [
        (End::Head, text_lines(&mut lines.iter().enumerate())),
        (End::Tail, text_lines(&mut lines.iter().enumerate().rev())),
    ] {
        hits.extend(
            idx.into_iter()
                .filter(|&i| lines.get(i).is_some_and(|l| running.contains(end, l)))
                .map(|i| i + 1),
        );
    }
    for u in units.iter_mut() {
        if matches!(u.syntax, Syntax::Text | Syntax::Heading(_)) && hits.contains(&u.line) {
            u.syntax = Syntax::Furniture;
            habits.note(habits::RUNNING_HEADER);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The key as it was first written (weekdays replaced over the whole line, then
    /// read): the one-pass [`key`] must agree with it.
    fn key_by_replacing(line: &str) -> Option<String> {
        let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        if t.starts_with("```") || t.starts_with("~~~") || t.starts_with('|') || t.contains("![") {
            return None;
        }
        let t = t.replace("星期日", "星期一").replace("星期天", "星期一");
        let mut out = String::new();
        let mut in_tag = false;
        let mut chars = 0;
        for c in t.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if in_tag => {}
                _ if c.is_ascii_digit()
                    || ('０'..='９').contains(&c)
                    || "〇零一二三四五六七八九十".contains(c) =>
                {
                    chars += usize::from(!out.ends_with('#'));
                    if !out.ends_with('#') {
                        out.push('#');
                    }
                }
                _ if c.is_alphabetic() => {
                    out.extend(c.to_lowercase());
                    chars += 1;
                }
                _ => {}
            }
            if chars > MAX_KEY_CHARS {
                return None;
            }
        }
        (out.chars().filter(|&c| c != '#').count() >= 2).then_some(out)
    }

    proptest! {
        #[test]
        fn the_one_pass_key_is_the_key_read_after_replacing_weekdays(
            line in "[ 　#<>|`!\\[\\]()星期日天一二十0-9０９a-zA-ZİÀ版要闻·，。]{0,60}"
        ) {
            prop_assert_eq!(key(&line), key_by_replacing(&line));
        }
    }

    #[test]
    fn weekdays_and_tags_read_as_before() {
        for line in [
            "2020年5月6日 星期日 第2版",
            "星期天<b>星期日</b>星期星期日",
            "星期日日",
            "İstanbul 快讯",
            &"很长的正文".repeat(20),
        ] {
            assert_eq!(key(line), key_by_replacing(line), "{line}");
        }
    }

    fn running(pages: &[&str]) -> RunningLines {
        let mut t = Tally::default();
        for p in pages {
            t.add_page(p, p);
        }
        t.finish()
    }

    #[test]
    fn tallies_merged_count_as_one() {
        let pages = [
            "第1版 要闻\n\n## 标题甲\n",
            "第2版 要闻\n\n## 标题乙\n",
            "第3版 要闻\n\n## 标题甲\n",
            "第4版 要闻\n\n## 标题甲\n",
            "第4版 要闻\n\n## 标题丙\n",
        ];
        let whole = running(&pages);
        for cut in 0..=pages.len() {
            let (a, b) = pages.split_at(cut);
            let mut left = Tally::default();
            let mut right = Tally::default();
            for p in a {
                left.add_page(p, p);
            }
            for p in b {
                right.add_page(p, p);
            }
            left.merge(right);
            assert_eq!(left.pages(), pages.len());
            assert_eq!(left.finish(), whole, "cut at {cut}");
        }
        assert!(whole.contains(End::Head, "第9版 要闻"));
        // The same line on three of five pages, never varied: one page short.
        assert!(!whole.contains(End::Head, "## 标题甲"));
        let kept = RunningLines::from_keys(whole.keys().map(|(e, k)| (e, k.to_string())));
        assert_eq!(kept, whole);
    }

    #[test]
    fn keys_ignore_markup_numbers_and_punctuation() {
        assert_eq!(key("# 第2版"), key("第 3 版"));
        assert_eq!(key("<div>第十二版</div>"), key("第2版"));
        assert_eq!(key("2020年5月6日 星期日"), key("2020年5月9日 星期三"));
        assert_eq!(key("XX日报 www.XXX.cn"), key("XX日报  www.xxx.cn"));
        assert_ne!(key("要闻·综合"), key("要闻·国际"));
        for none in [
            "",
            "12",
            "- 3 -",
            "```markdown",
            "| a | b |",
            "<img src=\"a.jpg\">",
        ] {
            assert_eq!(key(none), None, "{none:?}");
        }
        let long = "春".repeat(MAX_KEY_CHARS + 1);
        assert_eq!(key(&long), None);
    }

    #[test]
    fn the_threshold_grows_as_a_root_of_the_page_count() {
        assert_eq!(min_pages(1), usize::MAX);
        assert_eq!(min_pages(2), 2);
        assert_eq!(min_pages(4), 2);
        assert_eq!(min_pages(5), 3);
        assert_eq!(min_pages(100), 10);
        assert_eq!(min_pages(3000), 55);
    }

    #[test]
    fn zones_are_the_first_and_last_lines_holding_text() {
        let page = "```markdown\n\n2020年5月6日 第2版\n\n要闻\n\n## 标题\n\n正文一\n\n正文二\n\n正文三\n\n本版编辑：张三\n\n3\n```";
        let heads: Vec<usize> = head(page).into_iter().map(|(i, _)| i).collect();
        assert_eq!(heads, vec![2, 4, 6, 8]);
        let tails: Vec<usize> = tail(page).into_iter().map(|(i, _)| i).collect();
        assert_eq!(tails, vec![14, 12, 10, 8]);
    }

    #[test]
    fn a_header_with_a_changing_page_number_runs_across_two_pages() {
        let body = "\n\n## 甲\n\n甲文。\n\n乙文。\n\n丙文。\n\n丁文。";
        let r = running(&[
            &format!("2020年5月6日 第2版{body}"),
            &format!("2020年5月6日 第3版{body}"),
        ]);
        assert!(r.contains(End::Head, "2020年5月6日 第9版"));
        assert!(!r.contains(End::Tail, "2020年5月6日 第9版"));
        assert!(!r.contains(End::Head, "## 甲"));
    }

    #[test]
    fn an_identical_line_needs_one_page_more() {
        let two = ["XX日报\n\n## 甲\n\n正文。", "XX日报\n\n## 乙\n\n正文。"];
        assert!(running(&two).is_empty());
        let three = [two[0], two[1], "XX日报\n\n## 丙\n\n正文。"];
        assert!(running(&three).contains(End::Head, "XX日报"));
    }

    #[test]
    fn a_line_repeated_inside_one_page_counts_once() {
        let page = "口号\n\n口号\n\n口号\n\n正文。";
        let r = running(&[page, "## 甲\n\n甲文。", "## 乙\n\n乙文。"]);
        assert!(r.is_empty());
    }

    #[test]
    fn a_headline_recurring_in_the_middle_of_pages_is_not_running() {
        let page = |n: usize| {
            format!(
                "第{n}版\n\n甲文。\n\n乙文。\n\n丙文。\n\n## 春耕时节备耕忙\n\n丁文。\n\n戊文。\n\n己文。\n\n本版编辑：张三"
            )
        };
        let pages: Vec<String> = (1..=4).map(page).collect();
        let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
        let r = running(&refs);
        assert!(r.contains(End::Head, "第1版"));
        assert!(!r.contains(End::Head, "## 春耕时节备耕忙"));
        assert!(!r.contains(End::Tail, "## 春耕时节备耕忙"));
    }

    #[test]
    fn mark_types_zone_lines_as_furniture_and_notes_the_habit() {
        let body = "\n\n甲文。\n\n乙文。\n\n丙文。\n\n丁文。";
        let r = running(&[&format!("要闻 第2版{body}"), &format!("要闻 第3版{body}")]);
        let page = "要闻 第4版\n\n## 标题\n\n甲文。\n\n乙文。\n\n丙文。\n\n要闻 第4版";
        let lines: Vec<&str> = page.split('\n').collect();
        let mut units: Vec<Unit> = super::super::lines::units(page);
        let mut h = Habits::default();
        // Before the marking the line is plain text.
        assert_eq!(units.first().map(|u| u.syntax), Some(Syntax::Text));
        mark(&mut units, &lines, &r, &mut h);
        let syntaxes: Vec<Syntax> = units.iter().map(|u| u.syntax).collect();
        // The head line is marked; the same line at the tail is not (seen at the head).
        let text = Syntax::Text;
        assert_eq!(
            syntaxes,
            vec![
                Syntax::Furniture,
                Syntax::Heading(2),
                text,
                text,
                text,
                text
            ]
        );
        assert!(h.has(habits::RUNNING_HEADER));
        let mut h = Habits::default();
        mark(&mut units, &lines, &RunningLines::default(), &mut h);
        assert!(!h.has(habits::RUNNING_HEADER));
    }
}
