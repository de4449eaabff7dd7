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

use unicode_linebreak::{BreakClass, BreakOpportunity, break_property, linebreaks};

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

/// Characters that must not start a line (行首禁则).
const NO_START: &str = "，。、；：？！’”）》」』】〕〉〗〙〞…‥⋯‰％—·℃．,.;:?!)]}%";
/// Characters that must not end a line (行尾禁则).
const NO_END: &str = "‘“（《「『【〔〈〖〘〝([{";

fn no_start(c: char) -> bool {
    NO_START.contains(c)
}

fn no_end(c: char) -> bool {
    NO_END.contains(c)
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
    break_property(u32::from(c)) == BreakClass::Ideographic
}

/// The break class before each cluster of `text` (index 0 is the start of the text and
/// always [`Break::Forbidden`]).
pub fn opportunities(text: &str, clusters: &[Cluster]) -> Vec<Break> {
    let mut uax = linebreaks(text).peekable();
    let mut out = Vec::with_capacity(clusters.len());
    let mut prev: Option<(&Cluster, char, Option<char>)> = None;
    for (index, cluster) in clusters.iter().enumerate() {
        let end = clusters.get(index + 1).map_or(text.len(), |c| c.start);
        let piece = text.get(cluster.start..end).unwrap_or("");
        let first = piece.chars().next().unwrap_or(' ');
        while uax.next_if(|(pos, _)| *pos < cluster.start).is_some() {}
        let base = match uax.peek() {
            Some((pos, BreakOpportunity::Allowed | BreakOpportunity::Mandatory))
                if *pos == cluster.start =>
            {
                Break::Allowed
            }
            _ => Break::Inside,
        };
        let class = match prev {
            None => Break::Forbidden,
            Some((before, _, _)) if before.kind == ClusterKind::Newline => Break::Mandatory,
            Some((_, last, before_last)) => tailor(base, before_last, last, first),
        };
        out.push(class);
        let mut rev = piece.chars().rev();
        let last = rev.next().unwrap_or(' ');
        let before_last = rev.next().or_else(|| prev.map(|p| p.1));
        prev = Some((cluster, last, before_last));
    }
    out
}

/// Adjusts the UAX #14 answer for the boundary between `last` (preceded by
/// `before_last`) and `next`.
fn tailor(base: Break, before_last: Option<char>, last: char, next: char) -> Break {
    if no_start(next) || no_end(last) {
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
            let end = clusters.get(index + 1).map_or(text.len(), |c| c.start);
            out.push_str(&text[cluster.start..end]);
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
    fn newline_forces_a_break() {
        let text = "甲\n乙";
        let clusters = Measure::default().clusters(text);
        assert_eq!(opportunities(text, &clusters)[2], Break::Mandatory);
    }
}
