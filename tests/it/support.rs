//! What the screen tests share: the sample in a fresh state, the reader drawn on a
//! `TestBackend`, and the drawn buffer read back as text (wide characters once) and
//! searched, so each test file states only what it checks.

use kanbao::document::Document;
use kanbao::state::AppState;
use kanbao::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::interactions::state_on;

pub fn sample_doc() -> Document {
    kanbao::document::parse("sample.md", kanbao::input::SAMPLE)
}

/// The sample alone, on a `width`×`height` screen.
pub fn sample(width: u16, height: u16) -> AppState {
    state_on(vec![sample_doc()], width, height)
}

pub fn render(state: &AppState) -> Terminal<TestBackend> {
    let (w, h) = state.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| ui::draw(f, state)).expect("draw");
    terminal
}

/// The row's text, wide characters once (their hidden second cell skipped), with the
/// column each character starts at.
pub fn row_cells(buf: &Buffer, y: u16) -> Vec<(u16, String)> {
    let mut out = Vec::new();
    let mut x = 0;
    while x < buf.area.width {
        let symbol = buf[(x, y)].symbol().to_string();
        let width = unicode_width::UnicodeWidthStr::width(symbol.as_str()).max(1) as u16;
        out.push((x, symbol));
        x += width;
    }
    out
}

pub fn row_text(buf: &Buffer, y: u16) -> String {
    row_cells(buf, y).into_iter().map(|(_, s)| s).collect()
}

pub fn screen_text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row_text(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every cell (x, y) where `needle` starts, searching rows `rows`, row by row.
pub fn find_in(buf: &Buffer, needle: &str, rows: std::ops::Range<u16>) -> Vec<(u16, u16)> {
    let mut found = Vec::new();
    for y in rows {
        let cells = row_cells(buf, y);
        for start in 0..cells.len() {
            let rest: String = cells[start..].iter().map(|(_, s)| s.as_str()).collect();
            if rest.starts_with(needle) {
                found.push((cells[start].0, y));
            }
        }
    }
    found
}

/// Every cell (x, y) where `needle` starts, anywhere on the screen.
pub fn find_all(buf: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    find_in(buf, needle, 0..buf.area.height)
}
