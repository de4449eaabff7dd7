//! Organisations: a word ending in an organisation suffix, taken whole with the place and
//! noun words before it (`大同` `市爱心公益协会` → 大同市爱心公益协会,
//! `平城区` `环境治理` `监督` `大队` → 平城区环境治理监督大队).
//!
//! jieba's `nt` tag alone is not used: it gives it to 新兴产业 and 深加工. A name must
//! start with a proper word (a place, an unknown or name-tagged word), so 和谐社区 and
//! 城市社区 are not organisations, except for institutional suffixes (委员会, 办公室…) that
//! ordinary nouns may precede (人口普查办公室).

use std::ops::Range;

use super::Token;
use super::lexicon::places;

/// Endings of organisation names.
const SUFFIXES: &[&str] = &[
    "委员会",
    "联合会",
    "基金会",
    "研究会",
    "促进会",
    "协会",
    "学会",
    "商会",
    "工会",
    "大队",
    "中队",
    "支队",
    "公司",
    "集团",
    "银行",
    "研究院",
    "研究所",
    "研究中心",
    "服务中心",
    "学院",
    "大学",
    "中学",
    "小学",
    "幼儿园",
    "医院",
    "法院",
    "检察院",
    "政府",
    "党委",
    "党工委",
    "党支部",
    "党总支",
    "支部",
    "合作社",
    "工作站",
    "服务站",
    "办公室",
    "办事处",
    "街道",
    "社区",
    "居委会",
    "村委会",
    "管委会",
    "电视台",
    "报社",
    "出版社",
    "新华社",
    "俱乐部",
    "事务所",
    "局",
    "厅",
    "署",
    "委",
    "部",
    "院",
    "所",
    "站",
    "馆",
    "社",
];
/// Suffixes an ordinary noun may precede (人口普查办公室, 环境治理监督大队 is not one).
const INSTITUTIONAL: &[&str] = &[
    "委员会",
    "联合会",
    "基金会",
    "研究会",
    "促进会",
    "协会",
    "学会",
    "商会",
    "研究院",
    "研究所",
    "办公室",
    "办事处",
    "管委会",
    "合作社",
];
/// Words that end in a suffix but are no organisation, whatever precedes them.
const NEVER: &[&str] = &[
    "全部",
    "部分",
    "内部",
    "外部",
    "局部",
    "干部",
    "总部",
    "西部",
    "东部",
    "南部",
    "北部",
    "中部",
    "格局",
    "布局",
    "结局",
    "大局",
    "当局",
    "开局",
    "团队",
    "队伍",
    "军队",
    "部队",
    "车站",
    "网站",
    "场馆",
    "厕所",
    "场所",
    "住所",
    "处所",
    "委员",
    "常委",
    "院士",
    "院长",
    "庭院",
    "剧院",
    "社会",
    "社员",
    "公社",
    "结社",
    "旅社",
    "报社",
    "社区",
    "街道",
    "公司",
    "政府",
    "医院",
    "学院",
    "大学",
    "中学",
    "小学",
    "银行",
    "集团",
    "法院",
    "学会",
    "工会",
    "支部",
    "党委",
    "基层",
    "全社",
    "各部",
    "本部",
    "该部",
    "后院",
    "庭院",
    "研究所",
    "派出所",
    "诊所",
    "寓所",
    "所",
    "院",
    "部",
    "局",
    "站",
    "馆",
    "社",
    "委",
    "署",
    "厅",
];
/// Words that end in a suffix and never end an organisation's name (格局, 团队, 全部).
const NEVER_HEAD: &[&str] = &[
    "全部", "部分", "内部", "外部", "局部", "干部", "总部", "西部", "东部", "南部", "北部", "中部",
    "格局", "布局", "结局", "大局", "当局", "开局", "团队", "队伍", "军队", "部队", "车站", "网站",
    "场馆", "厕所", "场所", "住所", "处所", "委员", "常委", "院士", "院长", "庭院", "剧院", "社会",
    "社员", "公社", "结社", "基层", "全社", "各部", "本部", "该部", "后院",
];
/// Parts of speech that may stand inside an organisation's name before its suffix.
const INSIDE: &[&str] = &["ns", "n", "nz", "nt", "vn", "j", "nr", "nrt", "ng", "x"];
/// Tags of a word that can start an organisation's name by itself.
const PROPER: &[&str] = &["ns", "nz", "nt", "nr", "nrt", "j", "x"];
/// Words that never start an organisation's name.
const NOT_FIRST: &[&str] = &[
    "全市", "全区", "全县", "全省", "各级", "各地", "全国", "我市", "本市", "城市", "时代", "基层",
    "社区", "街道", "美丽", "和谐", "文明",
];

/// Byte ranges of the organisations among `tokens` of `text`.
pub fn find(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let Some(suffix) = SUFFIXES.iter().find(|s| t.word.ends_with(*s)) else {
            continue;
        };
        if NEVER_HEAD.iter().any(|w| t.word.ends_with(w)) {
            continue;
        }
        // 民和社区 + 党支部: the later suffix word takes the whole run.
        if tokens.get(i + 1).is_some_and(|n| {
            n.range.start == t.range.end
                && SUFFIXES.iter().any(|s| n.word.ends_with(s))
                && !NEVER.contains(&n.word)
        }) {
            continue;
        }
        let mut start = i;
        while start > 0 && i - start < 6 {
            let Some(prev) = tokens.get(start - 1) else {
                break;
            };
            let inside = INSIDE.contains(&prev.tag.as_str()) || places().contains(prev.word);
            if !inside
                || !prev.word.chars().all(char::is_alphabetic)
                || NEVER.contains(&prev.word) && prev.word.chars().count() < 2
            {
                break;
            }
            start -= 1;
        }
        // The first word must be proper (a place or a name) unless the suffix is
        // institutional; drop leading generic words.
        while start < i {
            let Some(first) = tokens.get(start) else {
                break;
            };
            let proper = PROPER.contains(&first.tag.as_str()) || places().contains(first.word);
            let ok = !NOT_FIRST.contains(&first.word)
                && !first
                    .word
                    .starts_with(['各', '全', '该', '本', '我', '这', '那'])
                && first.tag != "vn"
                && (proper || INSTITUTIONAL.contains(suffix));
            if ok {
                break;
            }
            start += 1;
        }
        let alone = start == i;
        let stem = t.word.strip_suffix(suffix).unwrap_or("");
        if alone
            && (NEVER.contains(&t.word) || t.word.chars().count() < 4 || NOT_FIRST.contains(&stem))
        {
            continue;
        }
        let Some(first) = tokens.get(start) else {
            continue;
        };
        let range = first.range.start..t.range.end;
        if text
            .get(range.clone())
            .is_none_or(|w| w.chars().count() < 3 || w.contains(['各', '全']))
        {
            continue;
        }
        out.retain(|r| !(range.start <= r.start && r.end <= range.end));
        out.push(range);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok<'a>(text: &'a str, parts: &[(&'a str, &str)]) -> Vec<Token<'a>> {
        super::super::tokens_for(text, parts)
    }

    fn orgs(text: &str, parts: &[(&str, &str)]) -> Vec<String> {
        find(text, &tok(text, parts))
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn whole_names_from_a_place_to_the_suffix() {
        let t = "大同市爱心公益协会创始人";
        assert_eq!(
            orgs(
                t,
                &[("大同", "d"), ("市爱心公益协会", "nt"), ("创始人", "n")]
            ),
            ["大同市爱心公益协会"]
        );
        let t = "平城区环境治理监督大队召开";
        let parts = [
            ("平城区", "ns"),
            ("环境治理", "n"),
            ("监督", "vn"),
            ("大队", "n"),
            ("召开", "v"),
        ];
        assert_eq!(orgs(t, &parts), ["平城区环境治理监督大队"]);
    }

    #[test]
    fn generic_words_with_a_suffix_are_not_organisations() {
        let t = "打造和谐社区和党建工作格局";
        let parts = [
            ("打造", "v"),
            ("和谐", "a"),
            ("社区", "n"),
            ("和", "c"),
            ("党建", "n"),
            ("工作", "vn"),
            ("格局", "n"),
        ];
        assert!(orgs(t, &parts).is_empty());
    }
}
