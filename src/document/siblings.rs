//! Sibling heads: whether a short line has another line of its own shape nearby.
//!
//! The subheads of one story are set as a family: the same length band and the same
//! punctuation (`拒绝的底气` / `干事的心气` / `队伍的朝气`, `潮起：…` / `潮变：…`), the
//! same enumeration (`（一）` / `（二）`, `一是` / `二是`, `看点一：` / `看点二：`) or the
//! same bullet (`■`). A line with such a sibling a few paragraphs away is most likely
//! one of them, not the headline of a new story (MinerU sets both as `#`). A short line
//! with no kin at all is most likely a headline, or the first part of a paragraph cut
//! by a column break (`为进一步丰富` ⏎⏎ `文化体验维度，……`), which the rules take for a
//! subhead on pages without heading marks.
//!
//! Measured on the training pages (short lines without a finished sentence, siblings
//! of the same syntax within 40 units): 44% of subheads have a sibling of their shape
//! and 30% have none; of headlines 8% and 81%, of paragraph parts 17% and 53%. Weak
//! cues, weighed with the others by the decoder (`features`).

use super::lines::{Syntax, Unit};
use super::text::{is_space, trim};

/// How a short line stands to the other short lines around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kin {
    /// Another line shares its enumeration, bullet or punctuation pattern.
    Shape,
    /// Another line is only close to it: as long, or opening or closing alike.
    Near,
    /// No other short line around it looks like it.
    Lone,
}

/// Units looked at on each side for a sibling (a story's subheads stand a few
/// paragraphs apart; a page of short lines stays linear).
const WINDOW: usize = 40;

/// Longest line (characters, spaces aside) that may be a sibling head.
const HEAD_MAX: usize = 40;

/// The kin of every unit that is a short line without a finished sentence (`None` for
/// the others).
pub(crate) fn kin(units: &[Unit]) -> Vec<Option<Kin>> {
    let shapes: Vec<Option<Shape>> = units.iter().map(Shape::of).collect();
    let heads: Vec<usize> = (0..units.len())
        .filter(|&i| shapes.get(i).is_some_and(Option::is_some))
        .collect();
    let mut out = vec![None; units.len()];
    let mut from = 0;
    for &i in &heads {
        while heads.get(from).is_some_and(|&j| j + WINDOW < i) {
            from += 1;
        }
        let Some(Some(me)) = shapes.get(i) else {
            continue;
        };
        let mut best = Kin::Lone;
        for &j in heads.iter().skip(from).take_while(|&&j| j <= i + WINDOW) {
            // A line right next to it is part of the same head (a kicker, two halves).
            if j.abs_diff(i) < 2 {
                continue;
            }
            let (Some(Some(other)), Some(a), Some(b)) = (shapes.get(j), units.get(i), units.get(j))
            else {
                continue;
            };
            if a.syntax != b.syntax {
                continue;
            }
            match me.kin(other) {
                Kin::Shape => {
                    best = Kin::Shape;
                    break;
                }
                Kin::Near => best = Kin::Near,
                Kin::Lone => {}
            }
        }
        if let Some(slot) = out.get_mut(i) {
            *slot = Some(best);
        }
    }
    out
}

/// What a short line's shape is read from.
struct Shape {
    /// Characters, spaces aside.
    len: usize,
    /// Its punctuation and gaps in order (`：`, `，`, a gap…), classes folded.
    skeleton: String,
    /// An enumeration or bullet opening it (`（一）`, `一是`, `看点一：`, `■`).
    marker: Option<String>,
    /// Characters before a `：` near its start (`潮起：` → 2).
    label: Option<usize>,
    first: char,
    last: char,
}

impl Shape {
    fn of(u: &Unit) -> Option<Self> {
        if !matches!(u.syntax, Syntax::Text | Syntax::Heading(_)) {
            return None;
        }
        let t = trim(&u.text);
        let len = t
            .chars()
            .filter(|c| !is_space(*c))
            .take(HEAD_MAX + 1)
            .count();
        let core = t.trim_end_matches(['”', '’', '"', '」', '』']);
        let body = core
            .char_indices()
            .next_back()
            .and_then(|(at, _)| core.get(..at))
            .unwrap_or("");
        if len == 0
            || len > HEAD_MAX
            || core.ends_with(['。', '！', '!', '；', ';'])
            || body.contains(['。', '！', '；'])
        {
            return None;
        }
        Some(Self {
            len,
            skeleton: skeleton(t),
            marker: marker(t),
            label: label(t),
            first: t.chars().next()?,
            last: t.chars().next_back()?,
        })
    }

    fn kin(&self, other: &Self) -> Kin {
        let diff = self.len.abs_diff(other.len);
        let shape = self.marker.is_some() && self.marker == other.marker
            || !self.skeleton.is_empty() && self.skeleton == other.skeleton && diff <= 4
            || self.label.is_some() && self.label == other.label;
        if shape {
            return Kin::Shape;
        }
        let near = self.skeleton.is_empty() && other.skeleton.is_empty() && diff <= 1
            || self.first == other.first && diff <= 3
            || self.last == other.last && self.last.is_alphanumeric() && diff <= 3;
        if near { Kin::Near } else { Kin::Lone }
    }
}

/// The punctuation and gaps of `t` in order, each class folded to one mark.
fn skeleton(t: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in t.chars() {
        if is_space(c) {
            if !gap {
                out.push(' ');
            }
            gap = true;
            continue;
        }
        gap = false;
        let class = match c {
            '，' | ',' => '，',
            '：' | ':' => '：',
            '“' | '”' | '"' => '"',
            '、' => '、',
            '？' | '?' => '？',
            '（' | '(' | '）' | ')' => '(',
            '【' | '】' => '【',
            '—' => '—',
            _ => continue,
        };
        out.push(class);
    }
    out
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
}

/// The enumeration or bullet opening `t`, as a class: `（一）` and `（二）` give the
/// same, `一是` and `二是` too, `看点一：` and `看点二：` too.
fn marker(t: &str) -> Option<String> {
    let mut chars = t.chars().peekable();
    let first = *chars.peek()?;
    if "■●◆▲★□◇○".contains(first) {
        return Some(first.to_string());
    }
    // A word of up to three characters before the numeral (`看点一：`).
    let lead: String = t.chars().take_while(|c| !is_numeral(*c)).take(4).collect();
    let rest = t.get(lead.len()..)?;
    let after: String = rest
        .chars()
        .skip_while(|c| is_numeral(*c))
        .take(1)
        .collect();
    if rest.len() == after.len() || rest.starts_with(after.as_str()) {
        return None;
    }
    let bracket = matches!(lead.as_str(), "（" | "(");
    let suffix = matches!(after.as_str(), "）" | ")" | "、" | "." | "．" | "是");
    let labelled =
        (1..=3).contains(&lead.chars().count()) && !bracket && matches!(after.as_str(), "：" | ":");
    if bracket || lead.is_empty() && suffix {
        Some(format!("{lead}#{after}"))
    } else if labelled {
        Some(format!("{lead}#："))
    } else {
        None
    }
}

/// Characters before a `：` among the first seven (`潮起：中国汽车…` → 2).
fn label(t: &str) -> Option<usize> {
    t.chars()
        .take(7)
        .position(|c| matches!(c, '：' | ':'))
        .filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::lines::units;

    fn kin_of(md: &str) -> Vec<Option<Kin>> {
        kin(&units(md))
    }

    const PARA: &str = "这是一段写完了的正文，讲的是同一件事情。";

    #[test]
    fn subheads_of_one_shape_are_kin() {
        let md = format!(
            "## 拒绝的底气\n\n{PARA}\n\n{PARA}\n\n## 干事的心气\n\n{PARA}\n\n## 队伍的朝气\n\n{PARA}"
        );
        let k = kin_of(&md);
        assert_eq!(k[0], Some(Kin::Near));
        let md = format!("（一）总体要求\n\n{PARA}\n\n（二）加强思想政治引领\n\n{PARA}");
        assert_eq!(kin_of(&md)[0], Some(Kin::Shape));
        let md = format!(
            "潮起：中国汽车科技从幕后到台前\n\n{PARA}\n\n潮变：跨国车企开启新时代\n\n{PARA}"
        );
        assert_eq!(kin_of(&md)[0], Some(Kin::Shape));
        let md = format!("看点一：明确战略\n\n{PARA}\n\n看点二：发展新质生产力\n\n{PARA}");
        assert_eq!(kin_of(&md)[2], Some(Kin::Shape));
    }

    #[test]
    fn a_lone_fragment_has_no_kin() {
        let md = format!(
            "旅游厕所闹“高反”\n\n{PARA}\n\n为进一步丰富\n\n文化体验维度，虹书舫开展活动。\n\n{PARA}"
        );
        let k = kin_of(&md);
        assert_eq!(k[2], Some(Kin::Lone));
        // Running text is no candidate at all.
        assert_eq!(k[1], None);
    }

    #[test]
    fn a_line_right_next_to_another_is_no_sibling() {
        // A kicker over its headline: the same shape, but one head, not two.
        let md = format!("依托六新 致力六稳\n\n全力打造发展 新引擎\n\n{PARA}");
        assert_eq!(kin_of(&md)[0], Some(Kin::Lone));
    }

    #[test]
    fn headings_of_another_level_are_no_siblings() {
        let md = format!("## 党建引领 资源融合\n\n{PARA}\n\n### 平台搭建 服务升级\n\n{PARA}");
        assert_eq!(kin_of(&md)[0], Some(Kin::Lone));
        let md = md.replace("### ", "## ");
        assert_eq!(kin_of(&md)[0], Some(Kin::Shape));
    }

    #[test]
    fn markers() {
        assert_eq!(marker("（一）总体要求"), marker("（二）加强引领"));
        assert_eq!(marker("一是加强引领"), marker("二是完善机制"));
        assert_eq!(marker("看点一：明确战略"), marker("看点三：绿色发展"));
        assert!(marker("■ 要闻").is_some());
        assert_eq!(marker("一是加强引领"), Some("#是".into()));
        assert_ne!(marker("一、总体要求"), marker("（一）总体要求"));
        assert_eq!(marker("2025年全省试点"), None);
        assert_eq!(marker("一颗钻石的跃迁"), None);
        assert_eq!(marker("习近平指出"), None);
    }
}
