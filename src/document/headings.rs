//! Headings are hints. MinerU marks every title `#`; pymupdf4llm picks `#`…`######` by
//! font size and so promotes whole paragraphs set in a larger face. A "heading" longer
//! than any headline, or holding several sentences, is running text: it is typed as
//! [`Syntax::Text`] here so that the structure decisions never see it as a title.
//! Where a real heading stands (a new article, a subhead) is theirs to decide.
//!
//! The other way round, one head may come as two: a kicker set in two parallel halves
//! (`积极行动　保种保供`) is read by MinerU as two `#` lines, which would make two
//! kickers or a headline of half a kicker. [`join_halves`] puts the halves back on one
//! line, the gap between them kept.

use super::habits::{self, Habits};
use super::text::chars_up_to;
use super::unit::{Syntax, Unit};

/// Longer than this, a heading is a paragraph (twice the longest headline taken).
const HEADING_MAX_CHARS: usize = 80;
/// Shortest heading read as sentences when it holds two sentence ends.
const SENTENCES_MIN_CHARS: usize = 24;

/// Retypes paragraph-like headings as text.
pub(crate) fn demote(units: &mut [Unit], habits: &mut Habits) {
    for u in units.iter_mut() {
        if matches!(u.syntax, Syntax::Heading(_)) && is_paragraph(&u.text) {
            u.syntax = Syntax::Text;
            habits.note(habits::HEADING_AS_PARAGRAPH);
        }
    }
}

/// Longest half of a head set in two halves.
const HALF_MAX_CHARS: usize = 8;

/// Joins two short headings of the same level and the same length, with no
/// punctuation, standing right over a longer heading: the two halves of one kicker
/// (`# 积极行动` `# 保种保供` `# 吉林多举措扶持蔬菜生产`). Two short headings over body
/// text, or of different lengths, are left alone.
pub(crate) fn join_halves(units: &mut Vec<Unit>, habits: &mut Habits) {
    let mut i = 0;
    while i + 2 < units.len() {
        if let [a, b, head, ..] = &units[i..]
            && is_half_pair(a, b)
            && matches!(head.syntax, Syntax::Heading(_))
            && chars_up_to(&head.text, HALF_MAX_CHARS + 1) > chars_up_to(&a.text, HALF_MAX_CHARS)
        {
            let second = units.remove(i + 1);
            if let Some(first) = units.get_mut(i) {
                first.text = format!("{} {}", first.text, second.text);
            }
            habits.note(habits::SPLIT_HEAD);
        }
        i += 1;
    }
}

fn is_half_pair(a: &Unit, b: &Unit) -> bool {
    let half = |u: &Unit| {
        let n = chars_up_to(&u.text, HALF_MAX_CHARS + 1);
        let plain = !u
            .text
            .chars()
            .any(|c| c.is_whitespace() || "，。：；！？、,.:;!?（）()《》".contains(c));
        ((2..=HALF_MAX_CHARS).contains(&n) && plain).then_some(n)
    };
    matches!((a.syntax, b.syntax), (Syntax::Heading(x), Syntax::Heading(y)) if x == y)
        && half(a).is_some()
        && half(a) == half(b)
}

fn is_paragraph(s: &str) -> bool {
    let n = chars_up_to(s, HEADING_MAX_CHARS);
    let ends = s
        .chars()
        .filter(|c| matches!(c, '。' | '！' | '？' | '；'))
        .take(2)
        .count();
    n > HEADING_MAX_CHARS || n >= SENTENCES_MIN_CHARS && ends >= 2
}

#[cfg(test)]
mod tests {
    use crate::document::lines::{Syntax, units};

    fn syntax(md: &str) -> Syntax {
        units(md).remove(0).syntax
    }

    #[test]
    fn a_long_or_many_sentence_heading_is_text() {
        let long = format!(
            "###### {}",
            "全县春耕备耕工作有序推进，各地积极行动".repeat(5)
        );
        assert_eq!(syntax(&long), Syntax::Text);
        assert_eq!(
            syntax("# 近日，全县召开春耕动员会。会议要求各地抓紧备耕，确保不误农时。"),
            Syntax::Text
        );
    }

    fn texts(md: &str) -> Vec<(Syntax, String)> {
        units(md).into_iter().map(|u| (u.syntax, u.text)).collect()
    }

    #[test]
    fn a_kicker_in_two_halves_is_one_line_again() {
        let got = texts("# 积极行动\n\n# 保种保供\n\n# 吉林多举措扶持蔬菜生产\n\n正文。");
        assert_eq!(got[0], (Syntax::Heading(1), "积极行动 保种保供".into()));
        assert_eq!(
            got[1],
            (Syntax::Heading(1), "吉林多举措扶持蔬菜生产".into())
        );
        let (_, h) =
            crate::document::lines::read("## 春风化雨\n\n## 润物无声\n\n## 某县开展文明实践活动");
        assert!(h.has(crate::document::habits::SPLIT_HEAD));
    }

    #[test]
    fn short_heads_that_are_not_halves_stay_apart() {
        // Over body text: two short titles (a column name and a brief's title).
        assert_eq!(texts("# 积极行动\n\n# 保种保供\n\n正文。").len(), 3);
        // Different lengths, or levels, or punctuation.
        assert_eq!(
            texts("# 平城新语\n\n# 春耕忙\n\n# 吉林多举措扶持蔬菜生产").len(),
            3
        );
        assert_eq!(
            texts("# 积极行动\n\n## 保种保供\n\n# 吉林多举措扶持蔬菜生产").len(),
            3
        );
        assert_eq!(
            texts("# 积极，行动\n\n# 保种，保供\n\n# 吉林多举措扶持蔬菜生产").len(),
            3
        );
        // Not over a longer head.
        assert_eq!(texts("# 积极行动\n\n# 保种保供\n\n# 春耕").len(), 3);
    }

    #[test]
    fn headlines_stay_headings() {
        assert_eq!(syntax("# 春耕时节备耕忙"), Syntax::Heading(1));
        assert_eq!(syntax("## “谢谢你们！”“不客气！”"), Syntax::Heading(2));
        assert_eq!(
            syntax("## 平城区全力打造现代服务业高质量发展新引擎"),
            Syntax::Heading(2)
        );
    }
}
