//! The word lists behind name finding, parsed once: surnames, the gazetteer of China's
//! administrative divisions, and the context words around people.
//!
//! The lists live in `assets/` (`surnames.txt`, `places.txt` with its source and rebuild
//! script `scripts/build_places.py`) so they can be reviewed and rebuilt without touching
//! code; they are compiled in, so a reader needs no data files at run time.

use std::collections::HashSet;
use std::sync::OnceLock;

pub use super::super::gazetteer::{PLACES, WORLD};
const SURNAMES: &str = include_str!("../../../assets/surnames.txt");

/// Words that end a place name (`ns` tokens that end in one of these are places).
pub const PLACE_SUFFIXES: &[&str] = &[
    "省", "市", "县", "区", "镇", "乡", "村", "州", "旗", "盟", "路", "街", "巷", "山", "河", "江",
    "湖", "岛", "湾", "港", "峡", "关", "洲",
];

/// Words just before a person's name that say a person follows (roles and titles).
pub const ROLES_BEFORE: &[&str] = &[
    "记者",
    "通讯员",
    "书记",
    "主任",
    "局长",
    "市长",
    "县长",
    "区长",
    "镇长",
    "乡长",
    "村长",
    "省长",
    "主席",
    "院长",
    "校长",
    "所长",
    "站长",
    "队长",
    "组长",
    "部长",
    "厅长",
    "处长",
    "科长",
    "经理",
    "董事长",
    "总裁",
    "会长",
    "理事长",
    "秘书长",
    "创始人",
    "负责人",
    "委员",
    "代表",
    "院士",
    "教授",
    "老师",
    "医生",
    "专家",
    "研究员",
    "工程师",
    "学生",
    "女孩",
    "男孩",
    "老人",
    "志愿者",
    "居民",
    "村民",
    "市民",
    "网格员",
    "民警",
    "班长",
    "大学生",
    "同学",
    "师傅",
    "同志",
    "先生",
    "女士",
    "总书记",
    "总理",
    "总经理",
    "讲解员",
    "导演",
    "演员",
    "作家",
    "运动员",
    "选手",
    "冠军",
    "教练",
    "主持人",
    "社工",
    "党员",
    "摄影",
    "编辑",
    "作者",
    "撰稿",
    "采访",
    "画家",
    "农民",
    "妻子",
    "丈夫",
    "儿子",
    "女儿",
    "母亲",
    "父亲",
    "爷爷",
    "奶奶",
    "网红",
    "总统",
    "首相",
    "总理",
    "外长",
    "国务卿",
    "副总经理",
    "发言人",
    "大使",
    "国王",
    "议长",
];

/// Words just after a person's name that say it was one (speech and its like).
pub const AFTER: &[&str] = &[
    "说",
    "表示",
    "介绍",
    "告诉",
    "指出",
    "认为",
    "坦言",
    "称",
    "回忆",
    "笑着",
    "感慨",
    "透露",
    "解释",
    "建议",
    "强调",
    "提到",
    "发现",
    "（化名）",
    "(化名)",
    "摄",
    "等人",
    "同志",
    "先生",
    "女士",
    "老师",
    "书记",
    "主任",
    "教授",
    "院士",
    "一家",
    "和他",
    "和她",
    "总书记",
    "主席",
    "总统",
    "总理",
    "部长",
    "局长",
    "省长",
    "市长",
];

fn words(text: &'static str) -> HashSet<&'static str> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
}

/// Surnames, single and compound.
pub fn surnames() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| words(SURNAMES))
}

/// Every name in the gazetteer.
pub fn places() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        PLACES
            .lines()
            .chain(WORLD.lines())
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_whitespace().next())
            .collect()
    })
}

/// The surname `name` starts with (compound surnames first), if any.
pub fn surname_of(name: &str) -> Option<&'static str> {
    let set = surnames();
    let two: String = name.chars().take(2).collect();
    if two.chars().count() == 2
        && let Some(s) = set.get(two.as_str())
    {
        return Some(s);
    }
    let one: String = name.chars().take(1).collect();
    set.get(one.as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_hold_what_the_sample_needs() {
        for p in ["大同", "北京", "内蒙古", "云州区", "平城区", "山西省"] {
            assert!(places().contains(p), "{p}");
        }
        assert!(!places().contains("惠民") && !places().contains("市辖区"));
        assert_eq!(surname_of("欧阳修"), Some("欧阳"));
        assert_eq!(surname_of("沈媛"), Some("沈"));
        assert_eq!(surname_of("的确"), None);
    }
}
