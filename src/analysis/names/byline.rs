//! The people in a byline: `本报记者 纪元`, `本报讯 (记者 张鑫)`, `新华社北京4月27日电（记者樊曦）`,
//! `张  洋` (People's Daily spaces out two-character names), `孙鑫摄`, `闫昌`.
//!
//! A byline is a short list of names between agency words, datelines and brackets: the
//! Han runs are cut out, the agency and role words stripped off their front and `摄`/`报道`
//! off their back, and what remains of two to four characters is a name. A lone surname
//! followed only by spaces and one or two characters is joined to them (`张  洋`).

use std::ops::Range;

use super::all_han;
use super::lexicon::{places, surname_of};

/// Words stripped from the front of a run, longest first within each group.
const LEADS: &[&str] = &[
    "本报特约记者",
    "本报见习记者",
    "本报实习记者",
    "本报记者",
    "本报通讯员",
    "本报评论员",
    "新华社记者",
    "中新社记者",
    "央视记者",
    "特约记者",
    "特约通讯员",
    "见习记者",
    "实习记者",
    "实习生",
    "通讯员",
    "评论员",
    "记者",
    "本报讯",
    "本报",
    "新华社",
    "中新社",
    "作者",
    "撰文",
    "文图",
    "摄影",
    "图文",
    "编辑",
    "报道",
    "整理",
    "本報記者",
    "記者",
    "通訊員",
    "文",
];
/// Words stripped from the back of a run.
const TAILS: &[&str] = &[
    "摄影报道",
    "特稿",
    "采访整理",
    "报道",
    "整理",
    "摄",
    "文",
    "供图",
    "攝",
    "報道",
];
/// Runs that are never names.
const NOT_NAMES: &[&str] = &["本报讯", "综合报道", "星島日報", "日电", "电"];

/// Byte ranges of the names in `byline`.
pub fn people(byline: &str) -> Vec<Range<usize>> {
    let runs = han_runs(byline);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(run) = runs.get(i) {
        i += 1;
        let Some(mut r) = strip(byline, run.clone()) else {
            continue;
        };
        let len = byline.get(r.clone()).map_or(0, |w| w.chars().count());
        // `张  洋`: a surname, blanks only, then one or two characters.
        if len == 1
            && let Some(next) = runs.get(i)
            && byline
                .get(r.end..next.start)
                .is_some_and(|gap| !gap.is_empty() && gap.chars().all(char::is_whitespace))
            && byline
                .get(next.clone())
                .is_some_and(|w| w.chars().count() <= 2)
            && byline.get(r.clone()).and_then(surname_of).is_some()
        {
            r = r.start..next.end;
            i += 1;
            out.push(r);
            continue;
        }
        let Some(word) = byline.get(r.clone()) else {
            continue;
        };
        if (2..=4).contains(&len)
            && !NOT_NAMES.contains(&word)
            && !places().contains(word)
            && (surname_of(word).is_some() || len <= 3)
            // 电, 讯: datelines; 社, 网, 台, 报: agencies and papers (财联社, 央视网).
            && !word.ends_with(['电', '讯', '社', '网', '台', '报'])
        {
            out.push(r);
        }
    }
    out
}

/// Maximal runs of Han characters.
fn han_runs(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let han = all_han(c.encode_utf8(&mut [0; 4]));
        match (han, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(st..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(st..s.len());
    }
    out
}

/// The run without its agency/role words in front and credit words behind.
fn strip(s: &str, mut r: Range<usize>) -> Option<Range<usize>> {
    loop {
        let word = s.get(r.clone())?;
        if let Some(lead) = LEADS
            .iter()
            .find(|l| word.starts_with(*l) && word.len() > l.len())
        {
            r.start += lead.len();
            continue;
        }
        if LEADS.contains(&word) {
            return None;
        }
        if let Some(tail) = TAILS
            .iter()
            .find(|t| word.ends_with(*t) && word.len() > t.len())
        {
            r.end -= tail.len();
            continue;
        }
        return Some(r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(b: &str) -> Vec<&str> {
        people(b).into_iter().map(|r| &b[r]).collect()
    }

    #[test]
    fn bylines_of_the_corpus() {
        assert_eq!(names("本报记者 纪元"), ["纪元"]);
        assert_eq!(names("本报讯 (记者 张鑫)"), ["张鑫"]);
        assert_eq!(names("闫昌"), ["闫昌"]);
        assert_eq!(names("新华社北京4月27日电（记者樊曦）"), ["樊曦"]);
        assert_eq!(names("本报福州6月2日电  （记者钟自炜）"), ["钟自炜"]);
        assert_eq!(names("张  洋"), ["张  洋"]);
        assert_eq!(names("本报记者  王浩  李四"), ["王浩", "李四"]);
        assert_eq!(names("孙鑫摄"), ["孙鑫"]);
        assert_eq!(names("（本报记者王欣悦采访整理）"), ["王欣悦"]);
        assert!(names("财联社5月14日电").is_empty());
        assert_eq!(names("（惠晓霜 新华社微特稿）"), ["惠晓霜"]);
        assert_eq!(names("本报成都6月2日电  （记者宋豪新）"), ["宋豪新"]);
        assert_eq!(names("北京海淀区  陈  雪"), ["陈  雪"]);
    }
}
