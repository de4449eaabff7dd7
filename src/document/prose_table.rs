//! markitdown renders a page set in two columns of prose as a pipe table: each row
//! holds one printed line of the left column and one of the right. Read across, the
//! two stories interleave line by line; read as a newspaper, each column is read down.
//!
//! A table is taken for prose when every row has two cells and the cells read as
//! running text: long on average, and most of them with sentence punctuation. Real
//! tables (figures, names, short labels) stay tables.

use super::text::{chars_up_to, trim};

/// Average characters per non-empty cell for a column of prose. A printed column
/// line holds 11 to 18 characters (a narrow column's lines average 11); the cells of
/// a real table (figures, names, labels) average under 5 and rarely hold a comma.
const PROSE_CELL_MIN_CHARS: usize = 8;

/// The cells of a prose table in reading order (left column down, then right column
/// down), each with its row's offset from the table's first line and whether it opens
/// its column; `None` for a real table.
pub(crate) fn columns(rows: &[&str]) -> Option<Vec<(usize, String, bool)>> {
    let mut cells: Vec<(usize, Vec<String>)> = Vec::new();
    for (n, row) in rows.iter().enumerate() {
        let row = trim(row);
        if row.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
            continue;
        }
        let inner = row.strip_prefix('|').unwrap_or(row);
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        let split: Vec<String> = inner.split('|').map(|c| trim(c).to_string()).collect();
        if split.len() != 2 {
            return None;
        }
        cells.push((n, split));
    }
    let filled: Vec<&String> = cells
        .iter()
        .flat_map(|(_, c)| c.iter())
        .filter(|c| !c.is_empty())
        .collect();
    if cells.len() < 2 || filled.is_empty() {
        return None;
    }
    let total: usize = filled.iter().map(|c| chars_up_to(c, 500)).sum();
    let punctuated = filled
        .iter()
        .filter(|c| c.contains(['，', '。', '、', '；', '：']))
        .count();
    let prose = total / filled.len() >= PROSE_CELL_MIN_CHARS && punctuated * 2 >= filled.len();
    if !prose {
        return None;
    }
    let mut out = Vec::new();
    for col in 0..2 {
        let mut first = true;
        for (n, c) in &cells {
            match c.get(col).filter(|c| !c.is_empty()) {
                Some(cell) => {
                    out.push((*n, cell.clone(), first));
                    first = false;
                }
                // An empty cell is a gap in that column (the space between two of
                // its paragraphs, or its end): what comes below it opens anew.
                None => first = true,
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::lines::{Syntax, units};

    #[test]
    fn two_columns_of_prose_are_read_down_each_column() {
        let md = "| 春耕时节，记者来到县里的合作社， | 今年全市新建高标准农田十万亩， |\n|---|---|\n| 看到农民们正在检修农机。 | 比上年增加两成。 |";
        let cells = columns(&md.split('\n').collect::<Vec<_>>()).unwrap_or_default();
        let read: Vec<(&str, bool)> = cells.iter().map(|(_, c, f)| (c.as_str(), *f)).collect();
        // Down the first column, then down the second; a column opens anew.
        assert_eq!(
            read,
            vec![
                ("春耕时节，记者来到县里的合作社，", true),
                ("看到农民们正在检修农机。", false),
                ("今年全市新建高标准农田十万亩，", true),
                ("比上年增加两成。", false)
            ]
        );
        // A column's later cells are its hard-wrapped lines: gathered into one block.
        let got: Vec<(Syntax, String)> =
            units(md).into_iter().map(|u| (u.syntax, u.text)).collect();
        assert_eq!(
            got,
            vec![
                (
                    Syntax::Text,
                    "春耕时节，记者来到县里的合作社，看到农民们正在检修农机。".into()
                ),
                (
                    Syntax::Text,
                    "今年全市新建高标准农田十万亩，比上年增加两成。".into()
                )
            ]
        );
    }

    #[test]
    fn an_empty_cell_is_a_gap_between_paragraphs_of_its_column() {
        let md = "| 春耕时节，记者来到县里的合作社， | 今年全市新建高标准农田十万亩， |\n|---|---|\n| 看到农民们正在检修农机。 | |\n| | 比上年增加两成，农民很高兴。 |\n| 合作社负责人说，今年的种子早已备好。 | 全市粮食生产形势良好。 |";
        let cells = columns(&md.split('\n').collect::<Vec<_>>()).unwrap_or_default();
        let opens: Vec<(&str, bool)> = cells.iter().map(|(_, c, f)| (c.as_str(), *f)).collect();
        assert_eq!(
            opens,
            vec![
                ("春耕时节，记者来到县里的合作社，", true),
                ("看到农民们正在检修农机。", false),
                ("合作社负责人说，今年的种子早已备好。", true),
                ("今年全市新建高标准农田十万亩，", true),
                ("比上年增加两成，农民很高兴。", true),
                ("全市粮食生产形势良好。", false)
            ]
        );
    }

    #[test]
    fn a_narrow_column_of_prose_is_prose_too() {
        // Lines of a narrow column: ten or eleven characters a cell.
        let md = "| 新华社北京4月27日电（ | 细化，并明确平台在特定 |\n| --- | --- |\n| 记者朱高祥）民政部等 | 情形下可以拒绝提供服务 |\n| 三部门联合发布办法。 | 。同时，要求平台不得代 |";
        let cells = columns(&md.split('\n').collect::<Vec<_>>()).unwrap_or_default();
        assert_eq!(cells.len(), 6, "{cells:?}");
        // Names and figures in two columns are a table, however many rows.
        let md = "| 姓名 | 单位 |\n|---|---|\n| 张三 | 县农业农村局 |\n| 李四 | 市气象台 |\n| 王五 | 省农科院 |";
        assert_eq!(columns(&md.split('\n').collect::<Vec<_>>()), None);
    }

    #[test]
    fn a_real_table_stays_a_table() {
        let md = "| 项目 | 金额 |\n|---|---|\n| 农机 | 120万元 |";
        assert_eq!(columns(&md.split('\n').collect::<Vec<_>>()), None);
        let three = "| 春耕时节，记者来到县里， | 甲，乙，丙，丁，戊， | 第三列也是长长的句子， |\n| a | b | c |";
        assert_eq!(columns(&three.split('\n').collect::<Vec<_>>()), None);
    }

    #[test]
    fn each_stretch_of_a_column_is_one_unit_and_a_gap_opens_a_paragraph() {
        // markitdown: the left column holds a whole paragraph and the start of the
        // next, which the right column finishes; a gap in the right column opens the
        // third paragraph.
        let md = "| 春耕时节，记者来到县里的农机合作 | 量。合作社负责人介绍说，今年的种 |\n| --- | --- |\n| 社，看到农民们正在检修拖拉机和播 | 子和化肥早已备足。 |\n| 种机，准备下地播种。 | |\n| | 今年全县新建高标准农田十万亩。 |\n| 全县今年计划种植粮食三十万亩，农 | |\n| 技人员深入田间地头，指导农民提高产 | |";
        let got: Vec<(String, bool)> = units(md)
            .into_iter()
            .map(|u| (u.text, u.opens_block))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "春耕时节，记者来到县里的农机合作社，看到农民们正在检修拖拉机和播种机，准备下地播种。".into(),
                    false
                ),
                (
                    "全县今年计划种植粮食三十万亩，农技人员深入田间地头，指导农民提高产".into(),
                    true
                ),
                // Where the right column opens, the paragraph may go on (it does here):
                // left to the decoder, as any column break.
                (
                    "量。合作社负责人介绍说，今年的种子和化肥早已备足。".into(),
                    false
                ),
                ("今年全县新建高标准农田十万亩。".into(), true),
            ]
        );
    }
}
