//! Bylines (署名) in their three places: an own line (`本报记者 纪元`, or a bare name
//! such as `闫昌` right under the headline), trailing at the end of an article, and
//! inline at the start of the first paragraph (`本报讯 (记者 张鑫) 为扮靓…`,
//! `新华社北京10月15日电（记者 李四）…`).

use super::cut;
use super::text::{chars_up_to, is_han, is_space, trim};

/// Words a byline line starts with.
const PREFIXES: &[&str] = &[
    "本报记者",
    "本报通讯员",
    "本报特约",
    "本报见习",
    "本报实习",
    "本报评论员",
    "记者",
    "通讯员",
    "特约记者",
    "特约通讯员",
    "见习记者",
    "实习记者",
    "实习生",
    "评论员",
    "文/",
    "文／",
    "文 /",
    "文图/",
    "撰文",
    "作者：",
    "作者:",
    // Traditional forms.
    "本報記者",
    "本報通訊員",
    "記者",
    "通訊員",
    "實習生",
];

/// Bullets some papers print before a byline.
fn strip_bullet(s: &str) -> &str {
    trim(s.trim_start_matches(['■', '●', '◆', '▲', '□', '★', '◇', '○']))
}

/// Whether a whole line is a byline: short, unpunctuated, opening with a reporter word.
pub(crate) fn is_own_line(s: &str) -> bool {
    let s = strip_bullet(s);
    if chars_up_to(s, 40) > 40 || s.ends_with('摄') {
        return false;
    }
    if s.chars()
        .any(|c| matches!(c, '。' | '，' | ',' | '！' | '？' | '；' | '!' | '?' | ';'))
    {
        return false;
    }
    let head: String = s.chars().take(12).collect();
    let agency = ["社记者", "台记者", "报记者", "社記者", "報記者"]
        .iter()
        .any(|w| head.contains(w));
    (PREFIXES
        .iter()
        .any(|p| s.strip_prefix(p).is_some_and(names_follow))
        || agency
        || is_dateline_and_credit(s)
        || is_place_and_name(s))
        && chars_up_to(s, 3) > 2
}

/// Words a lede opens with after `记者` (`记者近日从……获悉`): reporting, not a name.
const REPORTING: &[&str] = &[
    "从",
    "近日",
    "日前",
    "昨天",
    "昨日",
    "今天",
    "今日",
    "获悉",
    "了解到",
    "在",
    "走进",
    "来到",
];

/// Whether a line opens a report rather than signing one: a reporter word, then what
/// the reporter did (`记者从27日`, `记者近日从……获悉`), the printed front of a lede.
pub(crate) fn opens_report(s: &str) -> bool {
    let s = strip_bullet(s);
    PREFIXES.iter().any(|p| {
        s.strip_prefix(p)
            .is_some_and(|rest| REPORTING.iter().any(|w| trim(rest).starts_with(w)))
    })
}

/// Whether what follows a reporter word reads as names (`本报记者 王政 刘温馨`,
/// `记者王政、刘温馨`), not as a sentence's first printed line (`记者近日从全国工业和信
/// 息化工作会议上获`): no run of more than ten characters, no reporting verb first.
fn names_follow(rest: &str) -> bool {
    let rest = trim(rest);
    let longest = rest
        .split(|c: char| is_space(c) || matches!(c, '、' | '/' | '／'))
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0);
    longest <= 10 && !REPORTING.iter().any(|w| rest.starts_with(w))
}

/// A commentary's signature: where the writer is, then the name, `北京海淀区  陈  雪`,
/// `北京朝阳区 程立`. The place is one run ending in a division word, the name a bare
/// name of two or three characters after a gap (most Chinese names; a four-character
/// run there is more often a phrase).
fn is_place_and_name(s: &str) -> bool {
    const DIVISIONS: &[char] = &['省', '市', '县', '区', '州', '镇', '乡', '旗', '村'];
    let Some(gap) = s.find(is_space) else {
        return false;
    };
    let (place, name) = s.split_at(gap);
    let places = place.chars().count();
    (3..=8).contains(&places)
        && place.chars().all(is_han)
        && place.ends_with(DIVISIONS)
        && is_bare_name(name)
        && name.chars().filter(|c| is_han(*c)).count() <= 3
        && !cut::is_common_word(name)
}

/// A line that is only a dateline and its bracketed credit, `本报成都6月2日电 （记者宋豪新）`,
/// or only such a credit, `（记者 张鑫）`, `（惠晓霜 新华社微特稿）`: an inline byline with no
/// paragraph after it.
fn is_dateline_and_credit(s: &str) -> bool {
    let end = dateline(s).unwrap_or(0);
    let after = skip_space(s, end);
    credit_paren(s, after, end > 0).is_some_and(|close| skip_space(s, close) == s.len())
}

/// A line of two or more names and nothing else (`张海亮  付纯志   赵学堂`): the
/// reporters of a story, signed at its end. Every word must read as a name: two to
/// four ideographs opening with a surname (a four-ideograph name with a compound one),
/// so a headline set in two halves (`党建引领 资源融合`) is not a line of names.
pub(crate) fn is_names_line(s: &str) -> bool {
    let s = trim(s);
    let mut words = s.split(is_space).filter(|w| !w.is_empty());
    let mut n = 0;
    words.all(|w| {
        n += 1;
        is_name_word(w)
    }) && n >= 2
}

/// A single bare name opening with a surname (`丁磊`, `谈  牧`): a possible byline.
pub(crate) fn is_person_name(s: &str) -> bool {
    let w: String = trim(s).chars().filter(|c| !is_space(*c)).collect();
    is_bare_name(s) && is_name_word(&w)
}

/// A name-shaped word: ideographs (and `·` in a transcribed name) opening with a
/// surname from `assets/surnames.txt`.
pub(crate) fn is_name_word(w: &str) -> bool {
    let n = w.chars().count();
    if !(2..=4).contains(&n) || !w.chars().all(|c| is_han(c) || c == '·') {
        return false;
    }
    if w.contains('·') {
        return true;
    }
    let set = surnames();
    let two: String = w.chars().take(2).collect();
    let one: String = w.chars().take(1).collect();
    set.contains(two.as_str()) || (n <= 3 && set.contains(one.as_str()))
}

/// The surnames, single and compound (the list kanbao's person names use too).
fn surnames() -> &'static std::collections::HashSet<&'static str> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../../assets/surnames.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

/// A closing credit of those who reported with a story's author, or put it together
/// (`（本报记者赵六参与采写）`, `（实习生朱玉兰对本文亦有贡献）`, `…整理`).
pub(crate) fn is_joined_reporting(s: &str) -> bool {
    (credits_helpers(s) || ["整理", "综合报道"].iter().any(|w| s.contains(w)))
        && chars_up_to(s, 40) <= 40
}

/// A closing credit of those who helped the author (`（本报记者赵六参与采写）`,
/// `（实习生朱玉兰对本文亦有贡献）`): it closes a story that is signed already, so it
/// says nothing of where another story begins.
pub(crate) fn credits_helpers(s: &str) -> bool {
    ["参与采写", "参与报道", "亦有贡献"]
        .iter()
        .any(|w| s.contains(w))
}

/// A whole line in brackets crediting a person, as a story closes
/// (`（吴储岐）`, `（北京航空航天大学法学院副教授 赵精武）`, `（陈立希 新华社专特稿）`,
/// `（本报记者赵六参与采写）`): a name alone (opening with a surname, so a column tag
/// such as `（短评）` is not one), or a writer's or reporter's word. Continuation notes
/// and sentences are not credits.
pub(crate) fn is_bracketed_credit(s: &str) -> bool {
    let s = trim(s);
    let Some(inner) = s
        .strip_prefix(['（', '('])
        .and_then(|r| r.strip_suffix(['）', ')']))
    else {
        return false;
    };
    let inner = trim(inner);
    if chars_up_to(inner, 40) > 40
        || inner.contains(['。', '（', '(', '）', ')'])
        || ["上接", "下转", "接第", "转第", "接上", "转下"]
            .iter()
            .any(|w| inner.starts_with(w))
    {
        return false;
    }
    let squeezed: String = inner.chars().filter(|c| !is_space(*c)).collect();
    let named = is_name_word(&squeezed)
        || inner
            .split(is_space)
            .rfind(|w| !w.is_empty())
            .is_some_and(is_name_word);
    let says_who = [
        "记者",
        "通讯员",
        "采写",
        "特稿",
        "专稿",
        "撰稿",
        "作者",
        "教授",
        "研究员",
        "编译",
        "整理",
        "記者",
    ]
    .iter()
    .any(|w| inner.contains(w));
    named && inner.chars().any(is_han) || says_who
}

/// Whether a line is a bare personal name (two to four ideographs, spaces or `·`
/// allowed), which under a headline is the author.
pub(crate) fn is_bare_name(s: &str) -> bool {
    let s = trim(s);
    if s.len() > 30 {
        return false;
    }
    let han = s.chars().filter(|c| is_han(*c)).count();
    (2..=4).contains(&han) && s.chars().all(|c| is_han(c) || is_space(c) || c == '·')
}

/// An inline byline at the start of a paragraph: the byte index where the byline ends
/// and the one where the rest of the paragraph starts.
pub(crate) fn inline(s: &str) -> Option<(usize, usize)> {
    let mut end = dateline(s).unwrap_or(0);
    let after = skip_space(s, end);
    if let Some(close) = credit_paren(s, after, end > 0) {
        end = close;
    }
    if end == 0 {
        return None;
    }
    let rest = skip_space(s, end);
    (rest < s.len()).then_some((end, rest))
}

/// A news dateline standing alone on a line (`新华社北京4月24日电`, `本报武汉4月1日电`):
/// agencies and some papers print it at the end of a story, after the last sentence,
/// or the converter puts it on a line of its own. It names a place and a day, not a
/// headline's subject, and nobody's name: a paragraph of its story (the truth of such
/// pages keeps it in the text), never a title.
/// A space OCR left between two characters (`新华社北 京5月2日电`) does not count.
pub(crate) fn is_bare_dateline(s: &str) -> bool {
    let t: String = trim(s).chars().filter(|c| !is_space(*c)).collect();
    t.ends_with(['电', '電']) && dateline(&t) == Some(t.len())
}

/// `本报讯`, or an agency dateline ending in `电` (`新华社北京10月15日电`).
fn dateline(s: &str) -> Option<usize> {
    for word in ["本报讯", "本報訊"] {
        if s.starts_with(word) {
            return Some(word.len());
        }
    }
    let mut seen = 0;
    for (i, c) in s.char_indices() {
        seen += 1;
        if seen > 24 || matches!(c, '，' | ',' | '。' | '（' | '(') || is_space(c) {
            return None;
        }
        if c == '电' || c == '電' {
            let prefix = s.get(..i)?;
            let agency = prefix.starts_with("本报")
                || prefix.starts_with("本報")
                || prefix.starts_with('据')
                || prefix.contains('社')
                || prefix.contains("电视台");
            return (agency && seen > 2).then_some(i + c.len_utf8());
        }
    }
    None
}

/// A parenthesised credit `(记者 张鑫)` starting at `at`: the byte index after its
/// closing bracket. Without a dateline before it, it must name a reporter.
fn credit_paren(s: &str, at: usize, after_dateline: bool) -> Option<usize> {
    let rest = s.get(at..)?;
    let open = rest.chars().next().filter(|c| matches!(c, '(' | '（'))?;
    let mut count = 0;
    for (i, c) in rest.char_indices().skip(1) {
        count += 1;
        if count > 40 || matches!(c, '。' | '(' | '（') {
            return None;
        }
        if matches!(c, ')' | '）') {
            let inner = rest.get(open.len_utf8()..i)?;
            let names_reporter = [
                "记者",
                "通讯员",
                "实习生",
                "特约",
                "撰稿",
                "特稿",
                "新华社",
                "中新社",
                "記者",
                "通訊員",
            ]
            .iter()
            .any(|w| inner.contains(w));
            return (names_reporter || after_dateline && !inner.is_empty())
                .then_some(at + i + c.len_utf8());
        }
    }
    None
}

fn skip_space(s: &str, from: usize) -> usize {
    s.get(from..).map_or(s.len(), |rest| {
        from + rest.len() - rest.trim_start_matches(is_space).len()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Option<(&str, &str)> {
        inline(s).map(|(end, rest)| (&s[..end], &s[rest..]))
    }

    #[test]
    fn own_line_bylines() {
        assert!(is_own_line("本报记者 纪元"));
        assert!(is_own_line("本报记者 杨昱都"));
        assert!(is_own_line("■本报记者 张三 通讯员 李四"));
        assert!(is_own_line("新华社记者 王五"));
        assert!(is_own_line("本報記者 陳六"));
        assert!(!is_own_line(
            "记者从市统计局获悉,今年前三季度全市经济稳中向好。"
        ));
        assert!(!is_own_line("本报记者 孙鑫 摄"));
        // A lede's first printed line, hard-wrapped: `记者` opens a sentence here.
        assert!(!is_own_line("记者近日从全国工业和信息化工作会议上获"));
        assert!(!is_own_line("记者从市教育局获"));
        assert!(opens_report("记者从27日"));
        assert!(!opens_report("记者王政、刘温馨"));
        assert!(!opens_report("本报记者 张三"));
        assert!(is_own_line("记者王政、刘温馨"));
        assert!(is_own_line("文/图 本报记者 王五"));
        assert!(!is_own_line("平城区全力打造现代服务业高质量发展新引擎"));
    }

    #[test]
    fn a_dateline_alone_on_a_line() {
        assert!(is_bare_dateline("新华社北京4月24日电"));
        assert!(is_bare_dateline("  本报武汉4月1日电 "));
        assert!(is_bare_dateline("新华社北京/迪拜4月28日电"));
        assert!(is_bare_dateline("新华社北 京5月2日电"));
        // With a credit, text after it, or no agency: not a bare dateline.
        assert!(!is_bare_dateline("新华社北京4月27日电（记者樊曦）"));
        assert!(!is_bare_dateline("新华社北京4月24日电 记者从会上获悉"));
        assert!(!is_bare_dateline("今天来电"));
        assert!(!is_bare_dateline("本报讯"));
    }

    #[test]
    fn a_dateline_with_its_credit_alone_on_a_line_is_a_byline() {
        assert!(is_own_line("本报成都6月2日电  （记者宋豪新）"));
        assert!(is_own_line("新华社北京4月27日电（记者樊曦）"));
        assert!(is_own_line("（惠晓霜 新华社微特稿）"));
        assert!(is_own_line("（记者 张鑫）"));
        // A bracketed aside or a dateline with text after it is not one.
        assert!(!is_own_line("（上接第一版）"));
        assert!(!is_own_line("（特别感谢市档案馆）"));
        assert!(!is_own_line("本报成都6月2日电 记者从省里获悉"));
    }

    #[test]
    fn a_place_then_a_name_is_a_signature() {
        assert!(is_own_line("北京海淀区  陈  雪"));
        assert!(is_own_line("北京朝阳区 程立"));
        assert!(
            !is_own_line("北京朝阳区 召开表彰大会"),
            "a phrase, not a name"
        );
        assert!(!is_own_line("城区 李四"), "too short to be a place");
        assert!(
            !is_own_line("石桥村村 干部"),
            "a common word after a place is no name"
        );
    }

    #[test]
    fn a_bracketed_closing_credit() {
        assert!(is_bracketed_credit("（吴储岐）"));
        assert!(is_bracketed_credit("（赵  璧）"));
        assert!(is_bracketed_credit(
            "（北京航空航天大学法学院副教授 赵精武）"
        ));
        assert!(is_bracketed_credit("（陈立希 新华社专特稿）"));
        assert!(is_bracketed_credit("（本报记者赵六参与采写）"));
        // Column tags, dates, continuation notes and asides are not credits.
        assert!(!is_bracketed_credit("（短评）"));
        assert!(!is_bracketed_credit("（2025年10月29日）"));
        assert!(!is_bracketed_credit("（上接第一版）"));
        assert!(!is_bracketed_credit("（特别感谢市档案馆）"));
        assert!(!is_bracketed_credit("吴储岐"));
        assert!(!is_bracketed_credit("（记者会上，他说。）"));
    }

    #[test]
    fn bare_names() {
        assert!(is_bare_name("闫昌"));
        assert!(is_bare_name("欧阳 修文"));
        assert!(!is_bare_name("平城区全力打造现代服务业"));
        assert!(!is_bare_name("好。"));
        assert!(!is_bare_name("张"));
    }

    #[test]
    fn inline_bylines() {
        assert_eq!(
            split("本报讯 (记者 张鑫) 为扮靓城市环境,近日"),
            Some(("本报讯 (记者 张鑫)", "为扮靓城市环境,近日"))
        );
        assert_eq!(
            split("新华社北京10月15日电（记者 李四）国务院新闻办公室15日举行发布会。"),
            Some((
                "新华社北京10月15日电（记者 李四）",
                "国务院新闻办公室15日举行发布会。"
            ))
        );
        assert_eq!(
            split("本报讯 今年以来,全区经济稳步增长。"),
            Some(("本报讯", "今年以来,全区经济稳步增长。"))
        );
        assert_eq!(
            split("（记者 王五）近日,…"),
            Some(("（记者 王五）", "近日,…"))
        );
    }

    #[test]
    fn inline_byline_must_not_fire_on_ordinary_openings() {
        assert_eq!(
            split("今年以来,平城区紧抓城市建设省域副中心城市的历史机遇。"),
            None
        );
        assert_eq!(split("电视台报道了这件事,引起关注。"), None);
        assert_eq!(split("(一)加强组织领导。"), None);
        assert_eq!(split("本报讯"), None);
    }
}
