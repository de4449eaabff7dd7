//! Headings are hints. MinerU marks every title `#`; pymupdf4llm picks `#`…`######` by
//! font size and so promotes whole paragraphs set in a larger face. A "heading" longer
//! than any headline, or holding several sentences, is running text: it is typed as
//! [`Syntax::Text`] here so that the structure decisions never see it as a title.
//! Where a real heading stands (a new article, a subhead) is theirs to decide.

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
