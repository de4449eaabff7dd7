//! What a page's heading marks can tell, learned from the page itself.
//!
//! Converters use levels inconsistently: `##` for headlines and `###` for kickers on
//! one page, the other way round on the next, `#` for everything elsewhere. So the
//! headline level is the level whose headings the text vouches for as headlines (a
//! byline follows them), not simply the smallest one.

use super::byline;
use super::join::{Class, Item};
use super::lines::Unit;

/// What the page's heading marks can tell.
pub(crate) struct Marks {
    /// The page marks headings at all: unmarked short lines are then body text unless a
    /// byline vouches for them.
    pub used: bool,
    /// Several levels are used, so levels separate headlines from kickers and subheads.
    pub levelled: bool,
    /// The level headlines are marked with.
    pub headline: u8,
}

impl Marks {
    pub(crate) fn of(units: &[Unit], items: &[Item]) -> Self {
        let mut count = [0usize; 7];
        let mut votes = [0usize; 7];
        for (i, item) in items.iter().enumerate() {
            let Item::Single(Class::Heading(l), _) = item else {
                continue;
            };
            let l = usize::from(*l).min(6);
            if let Some(n) = count.get_mut(l) {
                *n += 1;
            }
            if signed_after(units, items, i + 1)
                && let Some(v) = votes.get_mut(l)
            {
                *v += 1;
            }
        }
        // Lines typed as headings only for running wider than a hard-wrapped page's
        // column (`rewrap`) are no converter's marks: a headline that fits the column
        // is not marked, so they must not make the page's unmarked lines body text.
        let converter_marked = items.iter().any(|item| {
            matches!(item, Item::Single(Class::Heading(_), u)
                if units.get(*u).is_some_and(|u| !u.wide_head))
        });
        let total: usize = if converter_marked {
            count.iter().sum()
        } else {
            0
        };
        let distinct = count.iter().filter(|n| **n > 0).count();
        let top = count.iter().position(|n| *n > 0).unwrap_or(1);
        // Most vouched-for level; on a tie (or no votes) the smaller level.
        let mut headline = top;
        for (level, &v) in votes.iter().enumerate() {
            if v > votes.get(headline).copied().unwrap_or(0) {
                headline = level;
            }
        }
        Self {
            used: total >= 2,
            levelled: distinct >= 2,
            headline: headline as u8,
        }
    }
}

/// Whether a byline comes right after a heading (allowing one plain subtitle line
/// between): an own-line byline, or a paragraph opening with one.
fn signed_after(units: &[Unit], items: &[Item], at: usize) -> bool {
    let at = match items.get(at) {
        Some(Item::Single(Class::TitleLike, u))
            if !byline::is_bare_name(units.get(*u).map_or("", |u| u.text.as_str())) =>
        {
            at + 1
        }
        _ => at,
    };
    match items.get(at) {
        Some(Item::Single(Class::Byline, _)) => true,
        Some(Item::Single(Class::TitleLike, u)) => {
            byline::is_bare_name(units.get(*u).map_or("", |u| u.text.as_str()))
        }
        Some(Item::Para(parts)) => parts.first().is_some_and(|&u| {
            byline::inline(units.get(u).map_or("", |u| u.text.as_str())).is_some()
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::Marks;
    use crate::document::join;
    use crate::document::lines::units;

    fn marks(md: &str) -> Marks {
        let units = units(md);
        let items = join::join(&units, &join::classify(&units));
        Marks::of(&units, &items)
    }

    #[test]
    fn heads_typed_for_their_width_are_no_converter_marks() {
        // A line-by-line OCR page: two heads run wider than the 15-ideograph column.
        let body = "今年以来，全区上下凝心聚力，经\n济增速逐步转正，各项指标稳步增\n长，服务业发展取得实质性突破。\n下一步，该区将继续优化营商环境，\n推动高质量发展。\n";
        let md = format!(
            "某市推行村务事项清单改革，清退额外事务，减轻负担\n本报记者 张三\n{body}某县打造现代服务业发展新引擎，群众得实惠\n本报记者 李四\n{body}"
        );
        assert!(!marks(&md).used);
        // Marked by the converter, the same heads are marks.
        let md = format!(
            "## 某市推行村务事项清单改革\n\n本报记者 张三\n\n{body}\n## 某县打造现代服务业发展新引擎\n\n本报记者 李四\n\n{body}"
        );
        assert!(marks(&md).used);
    }
}
