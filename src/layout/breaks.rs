//! Where a line may end: UAX #14 opportunities tailored with Chinese rules (避头尾).
//!
//! unicode-linebreak gives the Unicode line-breaking algorithm's opportunities. Two
//! things are wrong with them for Chinese newspaper text, so they are adjusted here:
//!
//! - UAX #14 (before Unicode 15.1) forbids breaks on both sides of “ ” ‘ ’, which glues
//!   `打造“民情图”的` into one unbreakable chunk. Between Chinese text and an opening
//!   quote or bracket, or after a closing one, a break is allowed again.
//! - The guarantee that no line starts with closing punctuation (，。、”）… and their
//!   half-width forms, which OCR leaves inside Chinese sentences) and no line ends with
//!   an opening one (“（《…) is ours, applied last and classed [`Break::Forbidden`]:
//!   the wrapper uses such a spot only when nothing else fits. `——` and `……` cannot be
//!   split because their second half cannot start a line.
//!
//! A list number keeps its first character (`12.摸清` never ends a line with `12.`).

use unicode_linebreak::{BreakClass, break_property, linebreaks};

use super::width::{Cluster, ClusterKind};

/// What may happen at the boundary before a cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Break {
    /// Breaking here would start a line with closing punctuation, end one with opening
    /// punctuation, or split `——` / `……`: a last resort.
    Forbidden,
    /// Inside a word or number: not an opportunity, but harmless when a word is longer
    /// than the line.
    Inside,
    /// A line may end here.
    Allowed,
    /// A line must end here (a newline inside the block).
    Mandatory,
}

/// Characters that must not start a line (行首禁则): `，。、；：？！’”）》」』】〕〉〗〙〞…‥⋯‰％—·℃．,.;:?!)]}%`.
fn no_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '’'
            | '”'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '〗'
            | '〙'
            | '〞'
            | '…'
            | '‥'
            | '⋯'
            | '‰'
            | '％'
            | '—'
            | '·'
            | '℃'
            | '．'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | '%'
    )
}

/// Characters that must not end a line (行尾禁则): `‘“（《「『【〔〈〖〘〝([{`.
fn no_end(c: char) -> bool {
    matches!(
        c,
        '‘' | '“'
            | '（'
            | '《'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〈'
            | '〖'
            | '〘'
            | '〝'
            | '('
            | '['
            | '{'
    )
}

/// Chinese text, or punctuation that closes it: a break after it is Chinese-style.
fn ends_chinese(c: char) -> bool {
    is_ideographic(c) || (no_start(c) && !c.is_ascii())
}

/// Chinese text, or punctuation that opens it: a break before it is Chinese-style.
fn starts_chinese(c: char) -> bool {
    is_ideographic(c) || (no_end(c) && !c.is_ascii())
}

fn is_ideographic(c: char) -> bool {
    // The CJK Unified Ideographs block first: it is most of the text, and all of it is
    // class ID, so the table lookup can be skipped.
    ('\u{4e00}'..='\u{9fff}').contains(&c)
        || (!c.is_ascii() && break_property(u32::from(c)) == BreakClass::Ideographic)
}

/// The break class before each cluster of `text` (index 0 is the start of the text and
/// always [`Break::Forbidden`]).
pub fn opportunities(text: &str, clusters: &[Cluster]) -> Vec<Break> {
    let piece = |index: usize| {
        let end = clusters.get(index + 1).map_or(text.len(), Cluster::start);
        clusters
            .get(index)
            .and_then(|c| text.get(c.start()..end))
            .unwrap_or("")
    };
    let chinese: Vec<bool> = (0..clusters.len()).map(|i| chinese(piece(i))).collect();
    let mut uax = uax_breaks(text, clusters, &chinese).into_iter().peekable();
    let mut out = Vec::with_capacity(clusters.len());
    let mut prev: Option<Prev> = None;
    for (index, cluster) in clusters.iter().enumerate() {
        let piece = piece(index);
        let first = piece.chars().next().unwrap_or(' ');
        while uax.next_if(|pos| *pos < cluster.start()).is_some() {}
        let base = if uax.peek() == Some(&cluster.start()) {
            Break::Allowed
        } else {
            Break::Inside
        };
        let class = match prev {
            None => Break::Forbidden,
            Some(p) if p.kind == ClusterKind::Newline => Break::Mandatory,
            Some(p) => tailor(base, &p, first),
        };
        out.push(class);
        let mut rev = piece.chars().rev();
        let last = rev.next().unwrap_or(' ');
        let before_last = rev.next().or(prev.map(|p| p.last));
        let visible = match cluster.kind {
            ClusterKind::Text => Some(last),
            _ => prev.and_then(|p| p.visible),
        };
        prev = Some(Prev {
            kind: cluster.kind,
            last,
            before_last,
            visible,
        });
    }
    out
}

/// A single-char cluster of Chinese text or full-width punctuation. Between two of
/// them the tailoring alone decides, so UAX #14 is not consulted there: it is the
/// slowest stage, and most of a Chinese page is such boundaries.
fn chinese(piece: &str) -> bool {
    let mut chars = piece.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if ends_chinese(c) || starts_chinese(c))
}

/// Byte offsets where UAX #14 allows a break, computed only over runs of clusters that
/// are not [`chinese`], each with one neighbour on either side as context (UAX #14
/// looks back only across spaces, and a Chinese character ends any such context).
fn uax_breaks(text: &str, clusters: &[Cluster], chinese: &[bool]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut index = 0;
    while index < clusters.len() {
        if chinese.get(index).copied().unwrap_or(false) {
            index += 1;
            continue;
        }
        let first = index;
        while index < clusters.len() && !chinese.get(index).copied().unwrap_or(false) {
            index += 1;
        }
        let from = clusters
            .get(first.saturating_sub(1))
            .map_or(0, Cluster::start);
        let to = clusters.get(index + 1).map_or(text.len(), Cluster::start);
        let Some(run) = text.get(from..to) else {
            continue;
        };
        out.extend(
            linebreaks(run)
                .map(|(pos, _)| from + pos)
                .filter(|pos| *pos > from && *pos < to),
        );
    }
    out
}

/// What the boundary needs to know about the text before it.
#[derive(Clone, Copy)]
struct Prev {
    kind: ClusterKind,
    /// Last char of the previous cluster, and the one before it.
    last: char,
    before_last: Option<char>,
    /// Last char of the last non-space cluster: what a line ending here would end with
    /// once its hanging spaces are dropped.
    visible: Option<char>,
}

/// Adjusts the UAX #14 answer for the boundary between `prev` and `next`.
fn tailor(base: Break, prev: &Prev, next: char) -> Break {
    let Prev {
        last, before_last, ..
    } = *prev;
    if no_start(next) || prev.visible.is_some_and(no_end) {
        return Break::Forbidden;
    }
    let list_number = last == '.' && before_last.is_some_and(|c| c.is_ascii_digit());
    if list_number && next != ' ' {
        return Break::Inside;
    }
    if ends_chinese(last) && starts_chinese(next) {
        return Break::Allowed;
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::width::Measure;

    /// The text with `|` at every allowed break.
    fn marked(text: &str) -> String {
        let clusters = Measure::default().clusters(text);
        let breaks = opportunities(text, &clusters);
        let mut out = String::new();
        for (index, (cluster, brk)) in clusters.iter().zip(&breaks).enumerate() {
            if *brk >= Break::Allowed {
                out.push('|');
            }
            let end = clusters.get(index + 1).map_or(text.len(), Cluster::start);
            out.push_str(&text[cluster.start()..end]);
        }
        out
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_before_commas() {
        assert_eq!(marked("环境,近日。好"), "环|境,|近|日。|好");
    }

    #[test]
    fn quotes_open_and_close_chinese_style() {
        assert_eq!(marked("打造“民情”“图”的"), "打|造|“民|情”|“图”|的");
    }

    #[test]
    fn dashes_and_ellipses_stay_whole() {
        assert_eq!(marked("好——是……的"), "好——|是……|的");
    }

    #[test]
    fn numbers_stay_whole() {
        assert_eq!(marked("总投资225.19亿元"), "总|投|资|225.19|亿|元");
        assert_eq!(marked("增长5.3%。"), "增|长|5.3%。");
        assert_eq!(marked("12.摸清"), "12.摸|清");
    }

    #[test]
    fn latin_words_break_at_spaces() {
        assert_eq!(marked("read the paper"), "read |the |paper");
    }

    #[test]
    fn uax_runs_agree_with_uax_over_the_whole_text() {
        let text = crate::input::SAMPLE;
        let clusters = Measure::default().clusters(text);
        let flags: Vec<bool> = (0..clusters.len())
            .map(|i| {
                let end = clusters.get(i + 1).map_or(text.len(), Cluster::start);
                chinese(&text[clusters[i].start()..end])
            })
            .collect();
        let runs = uax_breaks(text, &clusters, &flags);
        let whole: std::collections::HashSet<usize> =
            linebreaks(text).map(|(pos, _)| pos).collect();
        for (i, pair) in flags.windows(2).enumerate() {
            if pair[0] && pair[1] {
                continue;
            }
            let pos = clusters[i + 1].start();
            let at: String = text[pos..].chars().take(3).collect();
            assert_eq!(
                runs.binary_search(&pos).is_ok(),
                whole.contains(&pos),
                "{at:?}"
            );
        }
    }

    #[test]
    fn unified_ideographs_are_all_class_id() {
        for c in '\u{4e00}'..='\u{9fff}' {
            assert_eq!(break_property(u32::from(c)), BreakClass::Ideographic, "{c}");
        }
    }

    #[test]
    fn newline_forces_a_break() {
        let text = "甲\n乙";
        let clusters = Measure::default().clusters(text);
        assert_eq!(opportunities(text, &clusters)[2], Break::Mandatory);
    }
}
