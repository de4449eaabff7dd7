//! Page furniture (版头 / 版尾): date lines, page numbers, editor credits. They belong
//! to the page, not to any article, so they are recognised before articles are built
//! and kept in [`Document::furniture`](super::Document::furniture).
//!
//! The vocabulary comes from real pages: production credits, several to a line
//! (`本版编辑：张三 校对：李四 电话：010-…`), contact lines (`电话：`, `E-mail：`), a
//! page's section names (`要闻·综合`), and the page line in any order and spacing
//! (`2 第 版 2020年5月6日星期三`, `第3版 要闻 2020年5月6日`), a report's `3 / 8` footer.
//! Lines repeated at the same place on several pages of a directory (running headers
//! and footers) need the other pages: a pre-pass finds them and `running` types them
//! as furniture before this vocabulary is consulted.

use super::text::{chars_up_to, trim};

/// Editor and production credits that open a furniture line.
const CREDIT_WORDS: &[&str] = &[
    "责任编辑",
    "本版编辑",
    "责编",
    "编辑",
    "版式",
    "美编",
    "校对",
    "组版",
    "审校",
    "值班编辑",
    "排版",
    "美术编辑",
    "图片编辑",
    "执行编辑",
    "见习编辑",
    "版式制作",
    "版面设计",
    "制图",
    "制版",
    "终审",
    "二审",
    "一审",
];

/// Words that open a furniture line only with a colon after them (they open
/// sentences too: `电话 打不通`, `设计 新颖`).
const COLON_WORDS: &[&str] = &[
    "电话",
    "联系电话",
    "热线",
    "新闻热线",
    "传真",
    "邮箱",
    "E-mail",
    "E-Mail",
    "Email",
    "email",
    "e-mail",
    "设计",
    "主编",
    "邮编",
    "地址",
];

/// Section names of a newspaper page (版名), as printed in the page header.
const SECTIONS: &[&str] = &[
    "要闻", "综合", "国内", "国际", "经济", "社会", "文化", "体育", "副刊", "评论", "地方", "时事",
    "专版", "专题", "广告", "理论", "视点", "民生", "财经", "法治", "科教", "健康", "文体", "城事",
    "县区", "新闻", "本地", "关注", "深度", "观察", "农村", "三农", "时政", "政务", "教育", "科技",
    "旅游", "生活", "娱乐", "读书", "文艺", "周刊", "公告", "区县",
];

/// Whether a whole line is page furniture.
pub(crate) fn is_furniture(line: &str) -> bool {
    let s = trim(line);
    if s.is_empty() || chars_up_to(s, 60) > 60 {
        return false;
    }
    is_editor_line(s)
        || is_page_number(s)
        || is_page_label(s)
        || is_date_line(s)
        || is_jump_line(s)
        || is_page_line(s)
        || is_page_count(s)
}

/// A jump line on its own: `(下转第3版)`, `（上接第1版）`.
fn is_jump_line(s: &str) -> bool {
    let core = s
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    chars_up_to(core, 20) <= 20
        && ["下转", "上接", "转第", "接第", "轉第"]
            .iter()
            .any(|w| core.starts_with(w))
        && core.ends_with(['版', '页'])
}

/// `责任编辑：张三 版式：李四 校对：王五`, `本版编辑 赵六`.
/// Several credits may share the line: `本版编辑：张三 校对：李四 电话：010-…`.
fn is_editor_line(s: &str) -> bool {
    let after = |w: &&str| s.strip_prefix(*w).and_then(|rest| rest.chars().next());
    let credit = CREDIT_WORDS
        .iter()
        .any(|w| after(w).is_some_and(|c| matches!(c, '：' | ':' | ' ' | '\u{3000}' | '/' | '／')));
    let contact = COLON_WORDS
        .iter()
        .any(|w| after(w).is_some_and(|c| matches!(c, '：' | ':')));
    (credit || contact) && !s.contains(['。', '，'])
}

/// The page line in any order: a date, a weekday, `第 N 版` (the number may stand
/// apart: `2 第 版`), page numbers, section names and at most a paper's name besides.
/// A section name alone (`要闻·综合`) counts too.
fn is_page_line(s: &str) -> bool {
    if chars_up_to(s, 50) > 50 || s.contains(['，', ',', '。', '：', '！', '？']) {
        return false;
    }
    let mut rest = s.to_string();
    let mut marks = 0;
    let mut sections = 0;
    for date in full_dates(s) {
        rest = rest.replacen(&date, " ", 1);
        marks += 1;
    }
    for w in SECTIONS {
        if rest.contains(w) {
            sections += 1;
            rest = rest.replace(w, " ");
        }
    }
    let before = rest.len();
    for w in [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
        "星期天",
    ] {
        rest = rest.replace(w, " ");
    }
    marks += usize::from(rest.len() < before);
    if let Some(at) = rest.find('第')
        && let Some(end) = rest.get(at..).and_then(|r| r.find('版'))
    {
        let number = rest.get(at + '第'.len_utf8()..at + end).unwrap_or("");
        if number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || "一二三四五六七八九十".contains(c))
        {
            rest.replace_range(at..at + end + '版'.len_utf8(), " ");
            marks += 1;
        }
    }
    let left: Vec<char> = rest
        .chars()
        .filter(|c| {
            !(c.is_whitespace() || c.is_ascii_alphanumeric() || "·・•|｜/／-—".contains(*c))
        })
        .collect();
    let only_sections = sections > 0 && left.is_empty() && marks == 0;
    // What is left may be a paper's name (`人民日报`), no more.
    (marks > 0 && left.len() <= 6 && (marks + sections >= 2 || left.is_empty())) || only_sections
}

/// Every `2020年5月6日` (spaces allowed between the parts) in `s`.
fn full_dates(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut j = i;
        let mut ok = true;
        for unit in ['年', '月', '日'] {
            let start = j;
            while chars.get(j).is_some_and(char::is_ascii_digit) {
                j += 1;
            }
            while chars.get(j) == Some(&' ') {
                j += 1;
            }
            if j == start || chars.get(j) != Some(&unit) {
                ok = false;
                break;
            }
            j += 1;
            while chars.get(j) == Some(&' ') {
                j += 1;
            }
        }
        if ok {
            out.push(chars.get(i..j).unwrap_or(&[]).iter().collect());
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// A report's page footer: `3 / 8`, then a short line (`本报告仅供参考`).
fn is_page_count(s: &str) -> bool {
    let digits = |t: &str| t.chars().take_while(char::is_ascii_digit).count();
    let a = digits(s);
    let rest = s.get(a..).unwrap_or("").trim_start();
    let Some(rest) = rest.strip_prefix('/') else {
        return false;
    };
    let rest = rest.trim_start();
    let b = digits(rest);
    a > 0 && b > 0 && a <= 4 && b <= 4 && chars_up_to(rest, 24) <= 24 && !rest.contains('。')
}

/// A bare page number: `3`, `- 3 -`, `A3`, `第3页`.
fn is_page_number(s: &str) -> bool {
    let core = s.trim_matches(|c: char| c == '-' || c == '—' || c.is_whitespace());
    let digits = core.trim_start_matches(|c: char| c.is_ascii_uppercase());
    let digits = digits
        .strip_prefix('第')
        .and_then(|d| d.strip_suffix('页'))
        .unwrap_or(digits);
    !digits.is_empty() && digits.len() <= 3 && digits.chars().all(|c| c.is_ascii_digit())
}

/// A short line naming the page: `第3版`, `第三版 要闻`, `A3版`.
fn is_page_label(s: &str) -> bool {
    if chars_up_to(s, 20) > 20 || s.contains(['，', ',', '。']) {
        return false;
    }
    let Some(at) = s.find('版') else {
        return false;
    };
    let before = s.get(..at).unwrap_or("").trim_end();
    let number = before
        .strip_prefix('第')
        .unwrap_or(before.trim_start_matches(|c: char| c.is_ascii_uppercase()));
    !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c) || c == ' ')
}

/// A short line led by a date `2020年10月20日`, possibly with the weekday and paper name.
fn is_date_line(s: &str) -> bool {
    if chars_up_to(s, 40) > 40 || s.contains(['，', ',', '。']) {
        return false;
    }
    let mut chars = s.chars().peekable();
    for unit in ['年', '月', '日'] {
        let mut digits = 0;
        while chars.peek().is_some_and(char::is_ascii_digit) {
            chars.next();
            digits += 1;
        }
        if digits == 0 || chars.next() != Some(unit) {
            return false;
        }
        while chars.peek() == Some(&' ') {
            chars.next();
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        for s in [
            "2020年10月20日 星期二",
            "2020年10月20日",
            "第3版",
            "第三版 要闻",
            "A3版",
            "责任编辑：张三 版式：李四 校对：王五",
            "本版编辑 赵六",
            "- 3 -",
            "12",
            "(下转第3版)",
            "（上接第1版）",
            "本版编辑：张三 校对：李四 电话：010-12345678",
            "责编：王五  美编：赵六  制图：钱七",
            "版式制作：孙八",
            "电话：010-12345678 E-mail：news@example.com",
            "E-mail：news@example.com",
            "要闻·综合",
            "国内 | 新闻",
            "2 第 版 2020年5月6日星期三",
            "第3版 要闻 2020年5月6日",
            "2020年 5月 6日 星期三 第2版 综合新闻",
            "人民日报 2020年5月6日 星期三",
            "3 / 8 本报告仅供参考",
        ] {
            assert!(is_furniture(s), "{s}");
        }
    }

    #[test]
    fn body_text_is_not_furniture() {
        for s in [
            "2020年10月20日,平城区召开会议。",
            "编辑部的故事",
            "第七次全国人口普查 宣传标语口号(一)",
            "1.摸清国家人口,惠及万家生活。",
            "版面设计很美",
            "本报记者 纪元",
            "电话 打不通的日子",
            "设计新颖的产品受到欢迎",
            "要闻速览：全省春耕进度过半",
            "新春·走基层",
            "2020年5月6日，全县召开春耕动员会",
            "第七版新闻的编排方法，值得借鉴",
            "3/8的农户参加了培训，效果很好。",
            "本版编辑：张三。以下是正文，",
        ] {
            assert!(!is_furniture(s), "{s}");
        }
    }
}
