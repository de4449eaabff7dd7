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
    SAYS.iter().any(|w| u.ends_with(w))
        || has_gap(l) && !has_gap(u)
        || tagged(l) && !tagged(u)
        || quoted(l) && !quoted(u)
        || whole_quotation(l) && !whole_quotation(u)
        || slogan(u) && !slogan(l)
        || figures(u) && !figures(l)
}

/// Whether the shorter `upper`, standing right over the longer `lower`, is the
/// headline and `lower` its subtitle (副题), the mirror of `reads_as_kicker`.
///
/// Taking the longer line for the title makes a headline over its long subtitle a
/// kicker (`一张清单为基层干部减负增能` over `浙江湖州推行……，清退“分外事”，让……`).
/// A subtitle carries the detail: clauses (`，` `、`) or a source before a colon
/// (`四川甘孜：……`), or it is the plain line under a headline set with quoted words
/// (`开启“数智”盛宴` over `第九届数字中国建设峰会拉开帷幕`). A kicker over a longer
/// headline has none of these on the corpus articles: it reports (`……强调`), leads in
/// with a dash, is a column name, or is a two-half slogan (`依托“六新”“六最”
/// 致力“六稳”“六保”`, `立足剧目创作  注重保护传承`), and those stay kickers.
pub(crate) fn reads_as_subtitle(upper: &str, lower: &str) -> bool {
    let (u, l) = (trim(upper), trim(lower));
    if word_chars(u) >= word_chars(l)
        || word_chars(u) <= COLUMN_NAME_MAX && !quoted(u)
        || SAYS.iter().any(|w| u.ends_with(w))
        || has_gap(u)
        || tagged(l)
        || ends_a_sentence(l)
    {
        return false;
    }
    let clauses = |s: &str| s.contains(['，', '、', ',']);
    let sourced = |s: &str| s.contains(['：', ':']);
    clauses(l) && !clauses(u) || sourced(l) && !sourced(u) || quoted(u) && !quoted(l)
}

/// The most words of a column name over its story (`纵横`, `来论`, `国务院安委办`):
/// a kicker whatever the line under it looks like, unless it quotes a word (a column
/// name never does; a short slogan headline does: `开启“数智”盛宴`).
pub(crate) const COLUMN_NAME_MAX: usize = 6;

/// A quoted word, the mark of a headline set as a slogan.
fn quoted(s: &str) -> bool {
    s.contains(['“', '"', '「'])
}

/// A head that is one quotation from end to end (`“今天，他们就该站C位”`): the words
/// of someone in the story set as its headline, under a kicker that says where and
/// when (`“五一”假期各地“城超”很忙，……`), which may quote a word of its own.
fn whole_quotation(s: &str) -> bool {
    s.starts_with(['“', '"', '「']) && s.ends_with(['”', '"', '」']) && s.chars().count() >= 4
}

/// A slogan in two matching halves set apart by a gap (`守护绿水青山 增进民生福祉`,
/// `筑牢“防火墙” 厚植发展优势`): a campaign line the paper sets over a story as its
/// kicker or label. Over a shorter line that is no such slogan it is not the headline,
/// however many words it has; a headline set as a slogan stands under a longer
/// kicker (`选准一人  带富一方`), and halves of unequal length (`白宫记协晚宴发生“安全
/// 事件”　一名嫌疑人被拘捕`) are a headline's two clauses.
fn slogan(s: &str) -> bool {
    let halves: Vec<&str> = s.split(is_space).filter(|w| !w.is_empty()).collect();
    let han = |w: &str| w.chars().filter(|c| is_han(*c)).count();
    match halves.as_slice() {
        [x, y] => {
            let (x, y) = (han(x), han(y));
            x >= 4 && y >= 4 && x.abs_diff(y) <= 1 && !s.contains(['，', '。', ',', '；', '：'])
        }
        _ => false,
    }
}

/// Figures in Arabic digits: a kicker reports the fact (`去年……产值超30亿元`) that
/// the headline over it puts in words (`金黄芒果托起火红产业`).
fn figures(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
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
        // A kicker with the figures over a headline in words.
        assert!(reads_as_kicker(
            "前年某省某县茶叶产值超25亿元",
            "一片茶叶富了一方百姓"
        ));
        // A slogan over a shorter headline; a quotation set as the headline.
        assert!(reads_as_kicker(
            "守护绿水青山 增进民生福祉",
            "大课间 多锻炼"
        ));
        assert!(reads_as_kicker(
            "筑牢“防火墙” 厚植发展优势",
            "一树花果两相依"
        ));
        assert!(reads_as_kicker(
            "“五一”假期各地“城超”很忙，赛场内外的劳动者们尽情享受节日",
            "“今天，他们就该站C位”"
        ));
        // Figures on both lines tell nothing; nor does a subtitle naming who attended.
        assert!(!reads_as_kicker(
            "2026年某市春季运动会开幕",
            "3000名运动员参赛"
        ));
        assert!(!reads_as_kicker(
            "某学院举行2026年第一批培训班结业仪式",
            "某某出席并颁发证书"
        ));
    }

    #[test]
    fn a_short_headline_over_its_long_subtitle() {
        for (h, s) in [
            (
                "一份名单为村干部减负",
                "某省推行村务事项清单，清退“额外事”，让村干部专注本职",
            ),
            ("开启“智造”盛会", "第三届智能制造博览会在某市开幕"),
            (
                "山区学校也“上网”了",
                "某县：乡村学校全部接入千兆网络，孩子们用上在线课堂",
            ),
            (
                "委员会表决通过修订的救助条例",
                "决定任命甲为某部部长、乙为某局局长，主任签署命令",
            ),
        ] {
            assert!(reads_as_subtitle(h, s), "{h} / {s}");
        }
    }

    #[test]
    fn a_short_kicker_over_a_long_headline_is_no_subtitle() {
        for (k, h) in [
            (
                "某部长在全省防汛工作会议上强调",
                "紧盯重点部位薄弱环节，严密防范化解风险",
            ),
            ("纵横", "给山里的孩子更大的舞台：合唱团的故事"),
            (
                "某市自2024年设立窗口，专管难办的事",
                "两年后，窗口变“冷清”了（新观察）",
            ),
            ("某总工会发布表彰决定", "2000个劳动奖揭晓"),
            (
                "某某回信勉励青年代表",
                "胸怀远大理想矢志拼搏奋斗 带动青年建功立业",
            ),
            ("依托“三新” 致力“三保”", "某区全力打造现代服务业发展新引擎"),
            ("某省统计局", "一季度全省经济运行稳中向好，消费回升"),
            ("守住“钱袋子”", "某市打出“组合拳”整治违规收费"),
        ] {
            assert!(!reads_as_subtitle(k, h), "{k} / {h}");
        }
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
        // A headline in two unequal clauses over a shorter subtitle; two quotations.
        assert!(!reads_as_kicker(
            "某地晚宴发生“安全事件”　一名嫌疑人被拘捕",
            "消息人士称嫌疑人另有目标"
        ));
        assert!(!reads_as_kicker(
            "“要让每一位老人都吃上热乎饭”",
            "“热饭”送到家门口"
        ));
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
