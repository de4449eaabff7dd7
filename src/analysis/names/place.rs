//! Places: words of the gazetteer, and jieba's `ns` words with a place suffix that are
//! not generic (山区, 大国, 全国 end in a suffix but name no place).

use std::ops::Range;

use super::Token;
use super::lexicon::{PLACE_SUFFIXES, places};

/// `ns` words with a suffix that are still not places.
const GENERIC: &[&str] = &[
    "大国",
    "强国",
    "全国",
    "各国",
    "本国",
    "外国",
    "祖国",
    "两国",
    "该国",
    "山区",
    "城区",
    "郊区",
    "市区",
    "地区",
    "全区",
    "全市",
    "全县",
    "全省",
    "本市",
    "该市",
    "该县",
    "社区",
    "小区",
    "景区",
    "园区",
    "街区",
    "辖区",
    "片区",
    "新区",
    "老区",
    "边区",
    "灾区",
    "产区",
    "湖区",
    "农村",
    "乡村",
    "山村",
    "城市",
    "各地",
    "当地",
    "本地",
    "外地",
    "异地",
    "全村",
    "全镇",
    "全乡",
    "各省",
    "各市",
    "各县",
    "我国",
    "我省",
    "我市",
    "我县",
    "我区",
    "海关",
    "江湖",
    "山河",
    "大江",
    "大河",
    "长江大河",
    "口岸",
    "港口",
    "海岛",
    "小岛",
    "岛屿",
    "高山",
    "大山",
];

/// Extra suffix for countries (美国, 英国, 韩国): checked against [`GENERIC`] like the rest.
const COUNTRY: &str = "国";

/// Byte ranges of the places among `tokens`.
pub fn find(tokens: &[Token]) -> Vec<Range<usize>> {
    let gazetteer = places();
    tokens
        .iter()
        .filter(|t| {
            let n = t.word.chars().count();
            if n < 2 || GENERIC.contains(&t.word) {
                return false;
            }
            // Two characters with a suffix are mostly words (上市, 山区); countries
            // (美国, 法国) are the exception.
            gazetteer.contains(t.word)
                || (t.tag == "ns"
                    && ((n >= 3 && PLACE_SUFFIXES.iter().any(|s| t.word.ends_with(s)))
                        || t.word.ends_with(COUNTRY)))
        })
        .map(|t| t.range.clone())
        .collect()
}
