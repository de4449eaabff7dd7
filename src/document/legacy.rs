//! The rule parser's reading of a page (`join::classify`, `join::join`, `infer`), as one
//! role per unit.
//!
//! The rules were written for one page and each decides from one cue, but they encode
//! a lot of newspaper knowledge. The decoder takes their verdict as one more weak cue
//! among many (`rule:headline`, `rule:subhead`…): the fitted weights say how far to
//! trust it, and the other cues overrule it where the corpus shows it wrong.

use super::join;
use super::lines::{Syntax, Unit};
use super::model::BlockKind;
use super::plan::Text;
use super::roles::Role;
use super::{byline, features, infer, parallel};

/// The rule parser's role for every unit (`None` where it gave none).
pub(crate) fn roles(units: &[Unit]) -> Vec<Option<Role>> {
    let classes = join::classify(units);
    let items = join::join(units, &classes);
    let articles = infer::infer(units, &items);
    let mut out = vec![None; units.len()];
    let mut set = |t: &Text, first: Role, rest: Role| {
        for (n, p) in t.pieces.iter().enumerate() {
            if let Some(slot) = out.get_mut(p.unit)
                && slot.is_none()
            {
                *slot = Some(if n == 0 { first } else { rest });
            }
        }
    };
    for (n, a) in articles.iter().enumerate() {
        for b in &a.overline {
            let r = if b.kind == BlockKind::Banner {
                Role::Banner
            } else {
                Role::SeriesLabel
            };
            set(&b.text, r, r);
        }
        for (field, role) in [
            (&a.kicker, Role::Kicker),
            (&a.title, Role::Headline),
            (&a.subtitle, Role::Subtitle),
        ] {
            if let Some(t) = field {
                set(t, role, role);
            }
        }
        // An inline byline is part of its paragraph's unit: the paragraph role wins.
        if let Some(t) = &a.byline
            && t.pieces.iter().all(|p| p.range.start == 0)
            && !inline_head(units, t)
        {
            set(t, Role::Byline, Role::Byline);
        }
        let headless = a.title.is_none() && n > 0;
        let mut opened = false;
        for b in &a.blocks {
            let r = match b.kind {
                BlockKind::Paragraph if headless && !opened => Role::Resume,
                BlockKind::Paragraph => Role::Paragraph,
                BlockKind::Subhead => Role::Subhead,
                BlockKind::Caption => Role::Caption,
                BlockKind::Credit => Role::Credit,
                BlockKind::ListItem => Role::ListItem,
                BlockKind::Quote => Role::Quote,
                BlockKind::Image => Role::Image,
                BlockKind::Table => Role::Table,
                BlockKind::Banner => Role::Banner,
                BlockKind::SeriesLabel => Role::SeriesLabel,
                // Notes are set apart before the decode; were one here, it is no text.
                BlockKind::Furniture | BlockKind::ContinuationNote => Role::Furniture,
                BlockKind::EndNote => Role::EndNote,
            };
            opened |= b.kind == BlockKind::Paragraph;
            set(&b.text, r, Role::ParaCont);
        }
    }
    // Units the rules left out (a byline split off inline) read as paragraphs.
    for (slot, u) in out.iter_mut().zip(units) {
        if slot.is_none() {
            *slot = Some(match u.syntax {
                Syntax::ListItem => Role::ListItem,
                Syntax::Quote => Role::Quote,
                Syntax::Image => Role::Image,
                Syntax::Table => Role::Table,
                _ if classes_byline(u) => Role::Byline,
                _ => Role::Paragraph,
            });
        }
    }
    withhold_heads(units, &mut out);
    closing_names(units, &mut out);
    closing_credits(units, &mut out);
    parallel::mark(units, &mut out);
    out
}

/// A bracketed credit closing a story's text (`（吴储岐）`, `（北京航空航天大学法学院副教授
/// 赵精武）`, `（本报记者赵六参与采写）`) is its byline, never the next story's headline or
/// kicker: the rules took it for a head because it is a short line without a full stop.
/// Where the story is signed already, assembling keeps it as the story's last paragraph.
fn closing_credits(units: &[Unit], out: &mut [Option<Role>]) {
    for i in 1..out.len() {
        let body_before = out
            .get(i - 1)
            .copied()
            .flatten()
            .is_some_and(|r| matches!(r, Role::Paragraph | Role::ParaCont | Role::Resume));
        if body_before
            && units.get(i).is_some_and(|u| {
                matches!(u.syntax, Syntax::Text | Syntax::Heading(_))
                    && byline::is_bracketed_credit(&u.text)
            })
            && let Some(slot) = out.get_mut(i)
        {
            *slot = Some(Role::Byline);
        }
    }
}

/// A line of names (`张海亮  付纯志   赵学堂`) closing a story's text, right before
/// the next story's heads, a from-note (`（上接第一版）`: another story goes on there)
/// or the page's end, is its byline: newspapers sign a story by its reporters at its
/// foot, often under a lede that opens with a bare `本报讯`. The rules were written
/// for bylines under headlines and read it as a paragraph.
fn closing_names(units: &[Unit], out: &mut [Option<Role>]) {
    for i in 0..out.len() {
        let note_after = units.get(i).is_some_and(|u| u.from_note_next);
        let body_before = i
            .checked_sub(1)
            .and_then(|p| out.get(p).copied().flatten())
            .is_some_and(|r| matches!(r, Role::Paragraph | Role::ParaCont | Role::Resume));
        let heads_after = match out.get(i + 1).copied().flatten() {
            None => true,
            Some(r) => matches!(
                r,
                Role::Headline | Role::Kicker | Role::Banner | Role::SeriesLabel | Role::Image
            ),
        };
        if body_before
            && (heads_after || note_after)
            && units
                .get(i)
                .is_some_and(|u| u.syntax == Syntax::Text && byline::is_names_line(&u.text))
            && let Some(slot) = out.get_mut(i)
        {
            *slot = Some(Role::Byline);
        }
    }
}

/// Drops the rules' head verdict (headline, kicker, subhead, banner, series label) on a
/// unit whose own shape the rules never knew: a closing line of names (`张海亮  付纯志
/// 赵学堂`) or an end note (`（特别感谢……）`, `本期统筹：……`). The rules took them for
/// heads because they are short lines without a full stop; their verdict there is
/// noise, so it is left out and the fitted cues decide alone.
fn withhold_heads(units: &[Unit], out: &mut [Option<Role>]) {
    for (slot, u) in out.iter_mut().zip(units) {
        let head = matches!(
            slot,
            Some(Role::Headline | Role::Kicker | Role::Subhead | Role::Banner | Role::SeriesLabel)
        );
        if head && (byline::is_names_line(&u.text) || features::is_end_note(&u.text)) {
            *slot = None;
        }
        // A paper's name and date, an edition or a section pair (`北方农民报 2026年11月8日`,
        // `法治·要闻`) the front end let through is furniture, not a kicker over the first
        // headline. A date in brackets under a headline (`（2025年10月29日）`) is its
        // subtitle, so bracketed lines keep the rules' verdict.
        let bracketed = u.text.trim_start().starts_with(['（', '('])
            && u.text.trim_end().ends_with(['）', ')']);
        if head && !bracketed && features::furniture_shaped(&u.text) {
            *slot = Some(Role::Furniture);
        }
    }
}

/// Whether a byline text is the head of its unit rather than the whole unit.
fn inline_head(units: &[Unit], t: &Text) -> bool {
    t.pieces.iter().any(|p| {
        units
            .get(p.unit)
            .is_some_and(|u| p.range.end < u.text.len())
    })
}

fn classes_byline(u: &Unit) -> bool {
    matches!(u.syntax, Syntax::Text | Syntax::Heading(_)) && byline::is_own_line(&u.text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::lines::units;

    const LEDE: &str =
        "伊朗战事爆发至今已六十天，美国和伊朗陷入不战不谈的僵局，各方都在观望局势的走向。";
    const SECTION: &str =
        "连日来，伊朗外长展开多线外交，接连访问巴基斯坦和阿曼，伊朗局势的走向备受各方关注。";
    const OTHER: &str = "全县今年计划种植粮食三十万亩，农技人员深入田间地头指导农民春耕备耕。合作社里，社员们忙着检修拖拉机和播种机，仓库里的良种和化肥早已备足。";

    fn role_of(md: &str, text: &str) -> Option<Role> {
        let u = units(md);
        let r = roles(&u);
        u.iter()
            .position(|x| x.text == text)
            .and_then(|i| r.get(i).copied().flatten())
    }

    #[test]
    fn an_unsigned_head_inside_a_signed_story_is_its_subhead() {
        // Every head `#` (MinerU): the first section's head after a signed story's
        // lede looks like the next story's headline; no byline opens its text, none
        // closes it, and it goes on with the story's words.
        let md = format!(
            "# 战事六十天还要多久\n\n新华社记者 柳伟建\n\n{LEDE}\n\n# 外交攻势显露策略转变\n\n{SECTION}\n\n{SECTION}"
        );
        assert_eq!(role_of(&md, "外交攻势显露策略转变"), Some(Role::Subhead));
    }

    #[test]
    fn a_label_and_a_quotation_under_it_inside_a_signed_story_are_one_subhead() {
        // A section's label, and under it a sentence of the section quoted: two heads
        // in a row, yet nothing signs them and nothing under them is signed.
        let quote = "“原本需要十五个工作日的流程，仅用五天就完成了”";
        let md = format!(
            "# 办不成事窗口变冷清了\n\n本报记者 张三\n\n{LEDE}\n\n# 整合资源\n\n# {quote}\n\n{SECTION}\n\n# 制度赋权\n\n{SECTION}"
        );
        assert_eq!(role_of(&md, "整合资源"), Some(Role::Subhead));
        assert_eq!(role_of(&md, quote), Some(Role::Subhead));
        // A kicker over a headline opens a story: the lower line is no quotation, or
        // the text under them is signed at its end.
        let md = format!(
            "# 办不成事窗口变冷清了\n\n本报记者 张三\n\n{LEDE}\n\n# 整合资源\n\n# 银川市民大厅服务升级\n\n{OTHER}"
        );
        assert_eq!(role_of(&md, "银川市民大厅服务升级"), Some(Role::Headline));
        let md = format!(
            "# 办不成事窗口变冷清了\n\n本报记者 张三\n\n{LEDE}\n\n# 记者手记\n\n# {quote}\n\n{OTHER}\n\n郑志强  高子涵  王宇"
        );
        assert_eq!(role_of(&md, quote), Some(Role::Headline));
    }

    #[test]
    fn a_story_signed_at_its_foot_keeps_its_sections() {
        // Nothing signs the story under its head, and its section shares few words
        // with the lede (3%: a new story by the topic alone); but the text runs on to
        // the signature closing the story: the head on the way is its subhead.
        let street = "德黑兰街头的商店照常营业，市民排队购买面包和蔬菜，物价上涨让普通家庭的日子越来越难，很多人说战事拖得太久了，伊朗人盼着早日停火。";
        let md = format!(
            "# 战事六十天还要多久\n\n{LEDE}\n\n# 街头巷尾的日子\n\n{street}\n\n（新华社记者 柳伟建）"
        );
        assert_eq!(role_of(&md, "街头巷尾的日子"), Some(Role::Subhead));
        // Unsigned all through (compiled items): the topic decides.
        let md = format!("# 战事六十天还要多久\n\n{LEDE}\n\n# 街头巷尾的日子\n\n{street}");
        assert_eq!(role_of(&md, "街头巷尾的日子"), Some(Role::Headline));
        // Signed at its foot, but about other things altogether: another story.
        let md = format!(
            "# 战事六十天还要多久\n\n{LEDE}\n\n{SECTION}\n\n# 春耕时节备耕忙\n\n{OTHER}\n\n（本报记者 张三）"
        );
        assert_eq!(role_of(&md, "春耕时节备耕忙"), Some(Role::Headline));
    }

    #[test]
    fn a_line_of_names_under_a_headline_signs_it() {
        let md = format!("# 三年风云起东北\n\n李心然 高玉娇\n\n{LEDE}");
        assert_eq!(role_of(&md, "李心然 高玉娇"), Some(Role::Byline));
        // A headline in two halves is no line of names.
        let md = format!("# 伊朗局势观察\n\n党建引领 资源融合\n\n{LEDE}");
        assert_ne!(role_of(&md, "党建引领 资源融合"), Some(Role::Byline));
    }

    #[test]
    fn a_head_whose_text_closes_with_its_own_byline_opens_a_story() {
        // The text under the head runs through sections of its own and closes with a
        // line of names: another story, signed at its foot.
        let md = format!(
            "# 战事六十天还要多久\n\n新华社记者 柳伟建\n\n{LEDE}\n\n# 安徽未来产业新图景\n\n{SECTION}\n\n# 前瞻布局\n\n{SECTION}\n\n郑志强  高子涵  王宇"
        );
        assert_eq!(role_of(&md, "安徽未来产业新图景"), Some(Role::Headline));
        // A helper's credit closes a signed story: it signs no other.
        let md = format!(
            "# 战事六十天还要多久\n\n新华社记者 柳伟建\n\n{LEDE}\n\n# 外交攻势显露策略转变\n\n{SECTION}\n\n（本报记者赵六参与采写）"
        );
        assert_eq!(role_of(&md, "外交攻势显露策略转变"), Some(Role::Subhead));
    }

    #[test]
    fn a_head_after_a_closing_dateline_or_on_a_new_topic_opens_a_story() {
        // Agency copy closes with its dateline: the story is finished.
        let md = format!(
            "# 战事六十天还要多久\n\n新华社记者 柳伟建\n\n{LEDE}\n\n新华社北京4月28日电\n\n# 外交攻势显露策略转变\n\n{SECTION}"
        );
        assert_eq!(role_of(&md, "外交攻势显露策略转变"), Some(Role::Headline));
        // Unsigned, but about other things altogether.
        let md = format!(
            "# 战事六十天还要多久\n\n新华社记者 柳伟建\n\n{LEDE}\n\n# 春耕时节备耕忙\n\n{OTHER}"
        );
        assert_eq!(role_of(&md, "春耕时节备耕忙"), Some(Role::Headline));
    }

    #[test]
    fn a_head_at_a_subhead_s_level_on_a_new_topic_after_an_unsigned_story_opens_one() {
        // Levels jittered by the converter: the next story's headline set `###`.
        let md = format!(
            "## 伊朗局势观察\n\n{LEDE}\n\n{SECTION}\n\n### 春耕时节备耕忙\n\n{OTHER}\n\n## 另一篇\n\n{OTHER}"
        );
        assert_eq!(role_of(&md, "春耕时节备耕忙"), Some(Role::Headline));
        // The same story going on under its subhead stays one story.
        let md = format!(
            "## 伊朗局势观察\n\n{LEDE}\n\n### 外交攻势显露策略转变\n\n{SECTION}\n\n## 另一篇\n\n{OTHER}"
        );
        assert_eq!(role_of(&md, "外交攻势显露策略转变"), Some(Role::Subhead));
        // A signed story's subhead is its own, whatever follows: the topic cue is
        // left to stories no byline speaks for.
        let md = format!(
            "## 伊朗局势观察\n\n本报记者 张三\n\n{LEDE}\n\n{SECTION}\n\n### 春耕时节备耕忙\n\n{OTHER}\n\n## 另一篇\n\n{OTHER}"
        );
        assert_eq!(role_of(&md, "春耕时节备耕忙"), Some(Role::Subhead));
    }
}
