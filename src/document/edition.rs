//! Which day and which edition a page is, as its furniture says.
//!
//! Pages of an archive are told apart by their date and edition (`2020年5月6日 星期三`,
//! `第2版`), not by file names a converter made up. The section list's page headers,
//! the rules between pages in `--dump text` and anything that groups pages by day read
//! them here, so all of them agree on what counts as a date or an edition line.

use super::Document;

/// Furniture lines kept for a page's label: a date line and an edition line are two.
const MAX_LINES: usize = 2;

impl Document {
    /// The page's furniture lines that name its date or edition, in page order, at most
    /// two (`["2020年5月6日 星期三", "第2版 要闻"]`); empty when it has none.
    pub fn edition_lines(&self) -> Vec<&str> {
        self.furniture
            .iter()
            .map(|b| self.str(&b.span).trim())
            .filter(|t| is_date_or_edition(t))
            .take(MAX_LINES)
            .collect()
    }
}

/// Whether a furniture line names a date (`年` and `月` with a digit, or `2020-05-06`)
/// or an edition (`第…版`), the two things that tell pages of an archive apart.
pub fn is_date_or_edition(text: &str) -> bool {
    let digit = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇一二三四五六七八九十".contains(c)
    };
    let has_digit = text.chars().any(digit);
    let edition = text.find('第').is_some_and(|i| text[i..].contains('版'));
    let cjk_date = text.contains('年') && text.contains('月') && has_digit;
    let iso_date = text.as_bytes().windows(10).any(|w| {
        w.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-' || *b == b'/' || *b == b'.'
            } else {
                b.is_ascii_digit()
            }
        })
    });
    edition || cjk_date || iso_date
}

#[cfg(test)]
mod tests {
    use super::is_date_or_edition;

    #[test]
    fn dates_and_editions_are_recognised_and_credits_are_not() {
        for dated in [
            "2020年5月6日 星期三",
            "二〇二〇年五月六日",
            "第2版",
            "第十二版 要闻",
            "2020-05-06",
            "2020/05/06 第3版",
        ] {
            assert!(is_date_or_edition(dated), "{dated}");
        }
        for other in [
            "责任编辑：王五",
            "本版编辑：赵六  美编：钱七",
            "版式设计",
            "第三季度",
        ] {
            assert!(!is_date_or_edition(other), "{other}");
        }
    }

    #[test]
    fn a_page_names_its_date_and_edition_in_page_order() {
        let doc = crate::document::parse(
            "p2.md",
            "2020年5月6日 星期三\n\n第2版\n\n# 标题\n\n正文一段。\n\n本版编辑：张三\n",
        );
        assert_eq!(doc.edition_lines(), ["2020年5月6日 星期三", "第2版"]);
        let undated = crate::document::parse("p3.md", "# 标题\n\n正文一段。\n\n本版编辑：张三\n");
        assert!(undated.edition_lines().is_empty());
    }
}
