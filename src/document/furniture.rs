//! Page furniture (版头 / 版尾): date lines, page numbers, editor credits. They belong
//! to the page, not to any article, so they are recognised before articles are built
//! and kept in [`Document::furniture`](super::Document::furniture).

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
];

/// Whether a whole line is page furniture.
pub(crate) fn is_furniture(line: &str) -> bool {
    let s = trim(line);
    if s.is_empty() || chars_up_to(s, 60) > 60 {
        return false;
    }
    is_editor_line(s) || is_page_number(s) || is_page_label(s) || is_date_line(s) || is_jump_line(s)
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
fn is_editor_line(s: &str) -> bool {
    CREDIT_WORDS.iter().any(|w| {
        s.strip_prefix(w)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| matches!(c, '：' | ':' | ' ' | '\u{3000}' | '/' | '／'))
    }) && !s.contains('。')
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
        ] {
            assert!(!is_furniture(s), "{s}");
        }
    }
}
