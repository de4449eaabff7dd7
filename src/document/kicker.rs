//! Which of two stacked heads is the headline when no heading level tells: a long
//! kicker (引题) over a short headline, or a headline over a short subtitle.
//!
//! The rules take the line with the most words, which is right for a headline over
//! its subtitle but gives the title to a long kicker (`陕西岚皋县补强村集体经济发展人才短板`
//! over `选准一人  带富一方`). The newspaper's own habits tell them apart: a kicker
//! reports (who said what: it closes on `强调`), while a
//! headline is set as a slogan (two halves with a gap, a quoted word, a column tag in
//! brackets after it). Measured on the corpus articles, each of these marks the lower
//! line of a long-over-short pair as the headline in every case seen but one (`蔡奇出席
//! 丁薛祥主持`: a subtitle naming who attended, left out by its verbs).

use super::features::ends_a_sentence;
use super::text::{is_han, is_space, trim, word_chars};

/// Verbs a reporting kicker ends on (`……在会上强调`).
const SAYS: &[&str] = &["强调", "表示", "指出", "宣布", "之际"];

/// Verbs of a subtitle naming who attended or chaired (`蔡奇出席 丁薛祥主持`).
const ATTENDED: &[&str] = &["出席", "主持", "会见", "会谈"];

/// Whether `upper`, standing right over the shorter `lower`, is its kicker (so `lower`
/// is the headline).
pub(crate) fn reads_as_kicker(upper: &str, lower: &str) -> bool {
    let (u, l) = (trim(upper), trim(lower));
    let bracketed = l.starts_with(['（', '(']) && l.ends_with(['）', ')']);
    if word_chars(u) <= word_chars(l)
        || word_chars(l) < 4
        || bracketed
        || ends_a_sentence(l)
        || ATTENDED.iter().any(|w| l.contains(w))
    {
        return false;
    }
    let quoted = |s: &str| s.contains(['“', '"', '「']);
    SAYS.iter().any(|w| u.ends_with(w))
        || has_gap(l) && !has_gap(u)
        || tagged(l) && !tagged(u)
        || quoted(l) && !quoted(u)
}

/// Whether a head reports who spoke (`……在会上强调`): a kicker over the headline that
/// says what was said, at whatever level a converter set the two.
pub(crate) fn reports_speech(upper: &str) -> bool {
    let u = trim(upper);
    SAYS.iter().any(|w| u.ends_with(w)) && !ends_a_sentence(u)
}

/// A deliberate gap between two halves: a space between an ideograph (or a closing
/// quote) and what follows.
fn has_gap(s: &str) -> bool {
    let mut prev: Option<char> = None;
    let mut gap = false;
    for c in s.chars() {
        if is_space(c) {
            gap |= prev.is_some_and(|p| is_han(p) || p == '”');
            continue;
        }
        if gap && (is_han(c) || c == '“') {
            return true;
        }
        gap = false;
        prev = Some(c);
    }
    false
}

/// A column tag in brackets after the headline's words (`……出行更便捷（新视点）`).
fn tagged(s: &str) -> bool {
    let Some(open) = s.rfind(['（', '(']) else {
        return false;
    };
    let tag = s.get(open..).unwrap_or("");
    open > 0 && s.ends_with(['）', ')']) && tag.chars().count() <= 14
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_kicker_over_a_slogan_headline() {
        assert!(reads_as_kicker(
            "陕西岚皋县补强村集体经济发展人才短板",
            "选准一人  带富一方"
        ));
        assert!(reads_as_kicker(
            "山东平邑县提升农村基础设施",
            "村里的花果“冻”起来卖"
        ));
        assert!(reads_as_kicker(
            "截至去年底，全国已开通定制客运班线约6600条",
            "“定制”班车 出行更便捷（新视点）"
        ));
        assert!(reads_as_kicker(
            "赵乐际主持人大常委会第二十二次会议闭幕会并作讲话强调",
            "高质量做好人大各项工作   服务保障“十五五”良好开局"
        ));
    }

    #[test]
    fn a_headline_over_its_subtitle_stays_the_headline() {
        for (h, s) in [
            ("黄河宁夏段以下水域进入休禁渔期", "两部门启动专项执法行动"),
            (
                "二〇二五年度“百城千校万企”促就业行动部署",
                "力争提供百万个以上就业岗位",
            ),
            (
                "以更大力度更实举措加强基础研究进一步打牢科技强国建设根基",
                "蔡奇出席　丁薛祥主持",
            ),
            (
                "中共中央办公厅国务院办公厅关于加强新就业群体服务管理的意见",
                "（2025年10月29日）",
            ),
            (
                "分析研究当前经济形势和经济工作",
                "中共中央总书记习近平主持会议",
            ),
            (
                "平城区全力打造现代服务业高质量发展新引擎",
                "各街道社区措施好行动快",
            ),
        ] {
            assert!(!reads_as_kicker(h, s), "{h} / {s}");
        }
        // The shorter line above is never a kicker by this rule.
        assert!(!reads_as_kicker(
            "选准一人  带富一方",
            "陕西岚皋县补强村集体经济发展人才短板"
        ));
    }

    #[test]
    fn the_marks_themselves() {
        assert!(reports_speech("习近平在加强基础研究座谈会上强调"));
        assert!(!reports_speech("以更大力度更实举措加强基础研究"));
        assert!(has_gap("选准一人  带富一方"));
        assert!(has_gap("“智”守楼门  服务升级"));
        assert!(!has_gap("陕西岚皋县补强村集体经济发展人才短板"));
        assert!(tagged("“背篓轮渡”喜换新船（暖相册）"));
        assert!(!tagged("（2025年10月29日）"));
    }
}
