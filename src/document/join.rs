//! What each unit looks like to a newspaper reader (`classify`), then column breaks
//! rejoined and captions lifted out of the paragraph they interrupt (`join`).
//!
//! A column break (转栏) shows up as a blank line in the middle of a sentence: the
//! first part stops without sentence-final punctuation and the next part goes on. A
//! photo caption and its `…摄` credit are often dropped right inside such a break; they
//! become blocks of their own and the paragraph is joined around them.

use super::byline;
use super::cut::is_word_cut;
use super::lines::{Syntax, Unit};
use super::rewrap::number_cut;
pub(crate) use super::text::is_credit;
use super::text::{
    TITLE_MAX_CHARS, chars_up_to, clearly_continues, ends_mid_phrase, ends_on_preposition,
    ends_sentence, is_title_like, starts_enumeration, trim, word_chars,
};

/// The role a unit can play, before articles are built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A markdown heading (level kept as a hint).
    Heading(u8),
    /// A plain short unpunctuated line: maybe a headline, kicker, subtitle or label.
    TitleLike,
    /// Running text.
    Body,
    /// A byline on its own line.
    Byline,
    /// A photo credit `…摄`.
    Credit,
    /// A photo caption.
    Caption,
    List,
    Quote,
    Image,
    Table,
    /// A continuation note (`（上接第一版）`): a block of its story, never a caption's
    /// credit and never joined across.
    Note,
}

/// Longest caption taken out of running text.
const CAPTION_MAX_CHARS: usize = 150;

/// Classifies every unit. `Class::TitleLike` is only a possibility; `infer` decides.
pub(crate) fn classify(units: &[Unit]) -> Vec<Class> {
    let mut classes: Vec<Class> = units.iter().map(classify_one).collect();
    // A short line right over a dashed deck (`——习近平总书记同劳动者在一起的故事`) is
    // the headline the deck belongs to, even holding a comma or a question
    // (`“光荣属于劳动者，幸福属于劳动者”`): the deck vouches for it.
    for i in 1..classes.len() {
        if classes.get(i - 1) == Some(&Class::Body)
            && units.get(i).is_some_and(|u| is_dashed_deck(&u.text))
            && units.get(i - 1).is_some_and(|u| is_vouched_head(&u.text))
            && let Some(c) = classes.get_mut(i - 1)
        {
            *c = Class::TitleLike;
        }
    }
    // The sentence just before a credit is the caption it credits, unless it is an
    // open paragraph part that the credit merely interrupts.
    for i in 1..classes.len() {
        if classes.get(i) == Some(&Class::Credit)
            && let (Some(prev), Some(u)) = (classes.get(i - 1).copied(), units.get(i - 1))
            && matches!(prev, Class::Body | Class::TitleLike)
            && (ends_sentence(&u.text) || prev == Class::TitleLike)
            && chars_up_to(&u.text, CAPTION_MAX_CHARS) <= CAPTION_MAX_CHARS
            && let Some(c) = classes.get_mut(i - 1)
        {
            *c = Class::Caption;
        }
    }
    classes
}

fn classify_one(u: &Unit) -> Class {
    match u.syntax {
        Syntax::Heading(_) if byline::is_own_line(&u.text) => Class::Byline,
        Syntax::Heading(level) => Class::Heading(level),
        Syntax::ListItem => Class::List,
        Syntax::Quote => Class::Quote,
        Syntax::Image => Class::Image,
        Syntax::Table => Class::Table,
        // Typed by the front end (lines.rs and its steps).
        Syntax::Caption | Syntax::Stray | Syntax::Furniture => Class::Caption,
        Syntax::Credit => Class::Credit,
        Syntax::Continuation => Class::Note,
        Syntax::Text => {
            let t = trim(&u.text);
            if is_credit(t) {
                Class::Credit
            } else if is_caption_line(t) {
                Class::Caption
            } else if byline::is_own_line(t) {
                Class::Byline
            } else if byline::is_bare_dateline(t) {
                // Short and unpunctuated like a title, but a story's own line
                // (`新华社北京4月24日电` closing it): text, never joined (`continuation`).
                Class::Body
            } else if is_title_like(t) {
                Class::TitleLike
            } else {
                Class::Body
            }
        }
    }
}

/// A subtitle's deck: a short line opening with a dash.
fn is_dashed_deck(t: &str) -> bool {
    let t = trim(t);
    (t.starts_with("——") || t.starts_with("──")) && chars_up_to(t, DECK_MAX_CHARS) < DECK_MAX_CHARS
}

/// Longest deck (subtitle) line, in characters.
const DECK_MAX_CHARS: usize = 60;

/// A line that may head a deck: as short as a title, no sentence inside or at its end
/// (a comma, a colon or a question mark are a headline's too).
fn is_vouched_head(t: &str) -> bool {
    let t = trim(t);
    let n = chars_up_to(t, TITLE_MAX_CHARS + 1);
    (2..=TITLE_MAX_CHARS).contains(&n)
        && !t.contains(['。', '；', ';'])
        && !t.ends_with(['，', ',', '、', '：', ':'])
        && !byline::is_own_line(t)
        && !is_credit(t)
}

/// A caption that announces itself (`图为…`, `▲…`), or a caption with its credit on
/// the same line (`…更加便民。 孙鑫摄`).
fn is_caption_line(t: &str) -> bool {
    let short = chars_up_to(t, CAPTION_MAX_CHARS) <= CAPTION_MAX_CHARS;
    let announced = [
        "图为", "▲", "△", "上图", "下图", "左图", "右图", "图：", "图:",
    ]
    .iter()
    .any(|p| t.starts_with(p));
    let credited = t
        .rsplit_once(['。', ' ', '\u{3000}'])
        .is_some_and(|(_, tail)| is_credit(tail) && !tail.is_empty());
    short && (announced || credited && t.ends_with('摄'))
}

/// A unit after joining: a paragraph made of one or more parts, or a single unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Item {
    /// Running text: the units it was rejoined from, in order.
    Para(Vec<usize>),
    /// Any other unit, with its class.
    Single(Class, usize),
}

/// Rejoins column breaks and lifts interrupting captions, credits and images out.
pub(crate) fn join(units: &[Unit], classes: &[Class]) -> Vec<Item> {
    let mut items = Vec::with_capacity(units.len());
    let mut i = 0;
    while let Some(&class) = classes.get(i) {
        let open_title = class == Class::TitleLike
            && continuation(units, classes, i).is_some_and(|k| {
                let Some(next) = units.get(k) else {
                    return false;
                };
                let body = classes.get(k) == Some(&Class::Body);
                let text = matches!(classes.get(k), Some(Class::Body | Class::TitleLike));
                body && clearly_continues(&next.text)
                    || text && is_fragment_under_head(units, i, k)
                    || same_width(units, i, k)
            });
        if class != Class::Body && !open_title {
            items.push(Item::Single(class, i));
            i += 1;
            continue;
        }
        let mut parts = vec![i];
        let mut lifted = Vec::new();
        let mut last = i;
        while let Some(next) = continuation(units, classes, last) {
            lifted.extend(last + 1..next);
            parts.push(next);
            last = next;
            // A short tail is the paragraph's last line: the paragraph ends with it.
            let wrapped = units.get(next).is_some_and(|u| u.adjacent);
            if classes.get(next) == Some(&Class::TitleLike) && !wrapped {
                break;
            }
        }
        items.push(Item::Para(parts));
        for k in lifted {
            if let Some(&c) = classes.get(k) {
                items.push(Item::Single(c, k));
            }
        }
        i = last + 1;
    }
    items
}

/// Whether unit `k` is the hard-wrapped line right under `at` and `at` is as wide as
/// it (a wrapped line fills the column; a kicker over a headline rarely matches it).
fn same_width(units: &[Unit], at: usize, k: usize) -> bool {
    let (Some(a), Some(b)) = (units.get(at), units.get(k)) else {
        return false;
    };
    let wide = |s: &str| s.chars().take(201).count();
    k == at + 1 && b.adjacent && wide(&a.text) >= 8 && wide(&a.text) + 1 >= wide(&b.text)
}

/// Most word characters of a column-break fragment read as such right under a head
/// on its own evidence (a plain deck under a marked head is longer: the training
/// pages' are nine characters or more).
const HEAD_FRAGMENT_MAX: usize = 6;

/// Words of a line that signs a story (`新华社评论员`, `本报特约记者`).
const REPORTER_WORDS: [&str; 6] = ["记者", "评论员", "通讯员", "实习生", "撰稿", "特约"];

/// Whether the short plain line `at`, right under a marked heading, is the first part
/// of the paragraph `k` cut by a column break (`# 转型升级的获得感` ⏎⏎ `晨光` ⏎⏎
/// `熹微，……`; `3月` ⏎⏎ `18日，……`) rather than the head's deck or its author. A
/// converter that marks heads (`#`) leaves a deck or a byline plain, but those are a
/// phrase or a name: a fragment is a few characters, or stops where no phrase does (on a
/// particle, a preposition, inside a number, a word or a quotation). A bare name opening with
/// a surname (`丁磊`) stays a possible byline, and a paragraph opening with a dateline
/// starts afresh.
fn is_fragment_under_head(units: &[Unit], at: usize, k: usize) -> bool {
    let (Some(head), Some(u), Some(next)) = (
        at.checked_sub(1).and_then(|h| units.get(h)),
        units.get(at),
        units.get(k),
    ) else {
        return false;
    };
    if !matches!(head.syntax, Syntax::Heading(_)) || u.syntax != Syntax::Text {
        return false;
    }
    let t = trim(&u.text);
    if is_dashed_deck(t)
        || REPORTER_WORDS.iter().any(|w| t.contains(w)) && !byline::opens_report(t)
        || byline::is_person_name(t)
        || byline::is_names_line(t)
        || byline::inline(&next.text).is_some()
    {
        return false;
    }
    let open_quote =
        t.matches(['“', '《', '（', '(']).count() > t.matches(['”', '》', '）', ')']).count();
    word_chars(t) <= HEAD_FRAGMENT_MAX
        || ends_mid_phrase(t)
        || ends_on_preposition(t)
        || open_quote
        || number_cut(t, &next.text)
        || is_word_cut(t, &next.text)
}

/// The unit that continues the open paragraph part `at`, skipping interruptions.
fn continuation(units: &[Unit], classes: &[Class], at: usize) -> Option<usize> {
    // A hard-wrapped line as wide as the next one is mid-paragraph even when it
    // happens to end a sentence; only a shorter line ends the paragraph.
    let full_line = same_width(units, at, at + 1)
        && matches!(classes.get(at + 1), Some(Class::Body | Class::TitleLike));
    let here = &units.get(at)?.text;
    if ends_sentence(here) && !full_line || byline::is_bare_dateline(here) {
        return None;
    }
    let mut k = at + 1;
    while matches!(
        classes.get(k),
        Some(Class::Caption | Class::Credit | Class::Image)
    ) {
        k += 1;
    }
    let next = units.get(k)?;
    if next.indented
        || next.opens_block
        || starts_enumeration(&next.text)
        || byline::is_bare_dateline(&next.text)
    {
        return None;
    }
    let hard_wrapped = k == at + 1 && next.adjacent;
    match classes.get(k)? {
        Class::Body => Some(k),
        Class::TitleLike if hard_wrapped => Some(k),
        // A short line that goes on the sentence, unless it heads what follows
        // (a byline or another heading line right after it makes it a headline).
        Class::TitleLike => {
            let after = classes.get(k + 1);
            let heads = matches!(
                after,
                Some(Class::Byline | Class::TitleLike | Class::Heading(_))
            );
            (!heads).then_some(k)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::lines::units;

    fn items(md: &str) -> Vec<Item> {
        let u = units(md);
        join(&u, &classify(&u))
    }

    #[test]
    fn a_line_over_a_dashed_deck_may_be_a_headline_despite_its_comma() {
        let md = "正文写完了。\n\n“光荣属于劳动者，幸福属于劳动者”\n\n——习近平总书记同劳动者在一起的故事\n\n新华社记者\n\n正文。";
        let c = classify(&units(md));
        assert_eq!(c.get(1), Some(&Class::TitleLike), "{c:?}");
        // Not a sentence, and not without the deck under it.
        let md =
            "正文写完了。\n\n他说，我们做到了。\n\n——习近平总书记同劳动者在一起的故事\n\n正文。";
        assert_eq!(classify(&units(md)).get(1), Some(&Class::Body));
        let md = "正文写完了。\n\n“光荣属于劳动者，幸福属于劳动者”\n\n新华社记者\n\n正文。";
        assert_eq!(classify(&units(md)).get(1), Some(&Class::Body));
    }

    #[test]
    fn a_bare_dateline_is_a_line_of_text_on_its_own() {
        // Closing a story before the next headline: neither a title nor glued on.
        let md = "记者从会上获悉，今年春耕进展顺利\n\n新华社北京4月24日电\n\n下一篇文章的标题\n\n本报记者 张三\n\n正文。";
        let u = units(md);
        let c = classify(&u);
        assert_eq!(c.get(1), Some(&Class::Body), "{c:?}");
        let got = join(&u, &c);
        assert_eq!(got.get(1), Some(&Item::Para(vec![1])), "{got:?}");
        assert_eq!(
            got.get(2),
            Some(&Item::Single(Class::TitleLike, 2)),
            "{got:?}"
        );
        // A dateline with its credit is a byline, as before.
        let u = units("新华社北京4月24日电（记者 王五）");
        assert_eq!(classify(&u), vec![Class::Byline]);
    }

    #[test]
    fn column_break_is_rejoined() {
        assert_eq!(
            items("针对秋菜上市,菜农拉着带\n\n泥土的大葱、土豆走上街头售卖。"),
            vec![Item::Para(vec![0, 1])]
        );
    }

    #[test]
    fn short_last_line_is_rejoined_not_a_title() {
        assert_eq!(
            items(
                "建设15分钟便民服务区,赢得社\n\n会各界一致好评\n\n民和社区还结合辖区居民实际需求,大胆尝试。"
            ),
            vec![Item::Para(vec![0, 1]), Item::Para(vec![2])]
        );
    }

    #[test]
    fn short_unpunctuated_part_joins_only_when_the_next_plainly_continues() {
        // (Where the next part opens with `的`, the front end has rejoined the two
        // already; here the part goes on after a line that is not title-like.)
        let md = "当然,在全区发展稳中向好\n\n局面中我们也必须认识到困难。";
        assert_eq!(items(md), vec![Item::Para(vec![0, 1])]);
        let md = "党建引领 资源融合\n\n民和社区管辖魏都新城A、B两个居民小区。";
        assert_eq!(
            items(md),
            vec![Item::Single(Class::TitleLike, 0), Item::Para(vec![1])]
        );
    }

    #[test]
    fn a_fragment_under_a_marked_head_is_its_paragraph_s_front() {
        // A column break right under a subhead: the few characters before it are no
        // deck and no author (`晨光` ⏎⏎ `熹微，……`; a phrase cut on its particle; a question cut).
        for md in [
            "# 转型升级的获得感\n\n晨光\n\n熹微，长深高速公路收费站入口，车辆往来不断。",
            "# 伊朗总统府：不会永久限制互联网访问\n\n伊朗总统府负责新闻与\n\n通信事务的副主任当地时间表示，限制是临时的。",
            "# 奋力打造改革开放引领地\n\n问：福\n\n建是改革开放的先行地、试验田，如何先行先试？",
            "# 全省票根经济合作商户预计超千家\n\n记者从27日\n\n举行的新闻发布会上获悉，全省已招募合作商户。",
        ] {
            let u = units(md);
            let got = join(&u, &classify(&u));
            let n = u.len();
            assert!(n >= 3, "{u:?}");
            assert_eq!(
                got,
                vec![
                    Item::Single(Class::Heading(1), 0),
                    Item::Para((1..n).collect())
                ],
                "{md}"
            );
        }
    }

    #[test]
    fn a_deck_or_an_author_under_a_marked_head_stays_apart() {
        // A bare name with a surname signs the story; a deck is a whole phrase; a
        // reporter's title signs too; a paragraph opening with its dateline starts anew.
        for (line, next) in [
            ("丁磊", "从乌鲁木齐出发的时候，天是晴的。"),
            (
                "中共中央总书记习近平主持会议",
                "中共中央政治局召开会议，分析研究当前经济形势。",
            ),
            ("新华社评论员", "防范应对自然灾害，要在提高能力。"),
            (
                "蔡奇出席",
                "新华社上海4月30日电 中共中央总书记习近平出席座谈会。",
            ),
        ] {
            let md = format!("# 以更大力度加强基础研究\n\n{line}\n\n{next}");
            let got = items(&md);
            assert!(
                !got.contains(&Item::Para(vec![1, 2])),
                "{line} joined: {got:?}"
            );
        }
        // Not under a head: a short plain line between paragraphs is left to infer.
        let md = "上一段写完了。\n\n晨光\n\n熹微，长深高速公路收费站入口，车辆往来不断。";
        assert_eq!(items(md).get(1), Some(&Item::Single(Class::TitleLike, 1)));
    }

    #[test]
    fn hard_wrapped_paragraph_lines_are_one_paragraph() {
        // One visual line per markdown line, no blank lines (line-by-line OCR output).
        let md = "平城区不断扩大总量规模,进一步释放\n服务业发展活力,完善现代商贸\n市场体系\n建设便民市场。\n\n下一段。";
        assert_eq!(
            items(md),
            vec![Item::Para(vec![0, 1, 2, 3]), Item::Para(vec![4])]
        );
    }

    #[test]
    fn caption_and_credit_are_lifted_out() {
        let md = "一直以来,社区党支部组织老党员和群众代表通过\n\n民和社区晚餐厅更加便民。\n\n孙鑫摄\n\n召开民情调查会等方式充分调研。";
        assert_eq!(
            items(md),
            vec![
                Item::Para(vec![0, 3]),
                Item::Single(Class::Caption, 1),
                Item::Single(Class::Credit, 2)
            ]
        );
    }

    #[test]
    fn real_paragraph_end_without_punctuation_stays_when_next_is_indented() {
        let md = "今年的工作取得了明显成效,群众满意度不断提升\n\n　　下一步,我们将继续努力。";
        assert_eq!(items(md), vec![Item::Para(vec![0]), Item::Para(vec![1])]);
        let md = "会议研究部署了以下几项工作,各部门要抓好落实\n\n一、加强组织领导,压实工作责任。";
        assert_eq!(items(md), vec![Item::Para(vec![0]), Item::Para(vec![1])]);
    }

    #[test]
    fn quotation_ending_with_closing_quote_is_not_joined() {
        let md = "他说：“我们一定把这件事办好,让群众放心”\n\n会后,大家分头行动。";
        assert_eq!(items(md), vec![Item::Para(vec![0]), Item::Para(vec![1])]);
    }

    #[test]
    fn list_items_are_never_joined() {
        let md = "- 人口普查,惠及万家\n- 大国点名,没你不行";
        assert_eq!(
            items(md),
            vec![Item::Single(Class::List, 0), Item::Single(Class::List, 1)]
        );
    }

    #[test]
    fn short_line_followed_by_byline_is_a_headline_not_a_continuation() {
        let md = "上文最后一句没有句号,被截断了\n\n用行动诠释爱的力量\n\n本报记者 杨昱都";
        assert_eq!(
            items(md),
            vec![
                Item::Para(vec![0]),
                Item::Single(Class::TitleLike, 1),
                Item::Single(Class::Byline, 2)
            ]
        );
    }

    #[test]
    fn credits_and_captions() {
        assert!(is_credit("孙鑫摄"));
        assert!(is_credit("本报记者 孙鑫 摄"));
        assert!(is_credit("（新华社记者 李四 摄）"));
        assert!(!is_credit("他拿起相机拍摄。"));
        assert!(is_caption_line("图为志愿者在搜救现场。"));
        assert!(is_caption_line("社区晚餐厅更加便民。 孙鑫摄"));
        assert!(!is_caption_line("志愿者在搜救现场。"));
    }
}
