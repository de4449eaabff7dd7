//! Spaces left between two Chinese characters by line joining (`春耕 备耕`, `农 业`):
//! a converter that joins a block's printed lines with a space leaves one wherever a
//! line ended. In running text they are removed; Chinese puts no spaces between words.
//!
//! Only in running text: a unit long enough and with the punctuation of sentences. A
//! headline's gap between its two halves (`依托“六新” 致力“六稳”`) is deliberate, as
//! are the gaps in a byline or a list of names (`本报记者 沈小晓 任彦`), so short lines,
//! headings and title-like lines keep theirs. Inside running text a space after a
//! credit word (`记者 张三`) or inside brackets (`（记者 张三）`) separates a name and
//! stays too.

use super::habits::{self, Habits};
use super::text::{chars_up_to, is_han};
use super::unit::{Syntax, Unit};

/// Shortest unit taken for running text.
const RUNNING_MIN_CHARS: usize = 20;
/// Words after which a space separates a name.
/// A dateline's close (`本报讯`, `…日电`) is followed by a deliberate space too.
const NAME_BEFORE: &[&str] = &[
    "记者",
    "通讯员",
    "实习生",
    "摄影",
    "编辑",
    "作者",
    "本报讯",
    "日电",
    "日讯",
];

/// Removes line-joining spaces from running-text units.
pub(crate) fn apply(units: &mut [Unit], habits: &mut Habits) {
    for u in units.iter_mut() {
        let running = matches!(
            u.syntax,
            Syntax::Text | Syntax::ListItem | Syntax::Quote | Syntax::Caption
        ) && is_running_text(&u.text);
        if running && let Some(fixed) = without_joining_spaces(&u.text) {
            u.text = fixed;
            habits.note(habits::CJK_SPACE);
        }
    }
}

/// Long enough, and punctuated inside like sentences.
fn is_running_text(s: &str) -> bool {
    chars_up_to(s, RUNNING_MIN_CHARS) >= RUNNING_MIN_CHARS
        && s.chars()
            .any(|c| matches!(c, '，' | '。' | '；' | '！' | '？' | '、'))
}

/// `s` without single spaces between two Chinese characters, or `None` if it has none.
pub(crate) fn without_joining_spaces(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    let mut changed = false;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let joining = c == ' '
            && prev.is_some_and(is_han)
            && next.is_some_and(is_han)
            && depth == 0
            && !NAME_BEFORE.iter().any(|w| out.ends_with(w));
        if joining {
            changed = true;
        } else {
            out.push(c);
        }
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::lines::units;

    fn text(md: &str) -> String {
        units(md).remove(0).text
    }

    #[test]
    fn a_joining_space_in_running_text_goes() {
        assert_eq!(
            text("各地春耕 备耕有序推进，农 业生产形势总体良好。"),
            "各地春耕备耕有序推进，农业生产形势总体良好。"
        );
    }

    #[test]
    fn deliberate_spaces_stay() {
        // A headline's halves, a byline, a short line.
        assert_eq!(text("## 春耕时节 备耕正忙"), "春耕时节 备耕正忙");
        assert_eq!(
            text("本报记者 沈小晓 任彦 黄培昭"),
            "本报记者 沈小晓 任彦 黄培昭"
        );
        assert_eq!(text("春耕 备耕"), "春耕 备耕");
        // Names after a credit word, and inside brackets.
        assert_eq!(
            text("本报讯（记者 张三）近日，全县春耕备耕工作有序推进，各地积极行动。"),
            "本报讯（记者 张三）近日，全县春耕备耕工作有序推进，各地积极行动。"
        );
        assert_eq!(
            text("本报讯 入夏以来，全市各收购点陆续开秤，收购工作平稳有序。"),
            "本报讯 入夏以来，全市各收购点陆续开秤，收购工作平稳有序。"
        );
        // Two spaces, or a space next to Latin text, are not a joining space.
        assert_eq!(without_joining_spaces("甲  乙，丙 A 丁"), None);
    }
}
