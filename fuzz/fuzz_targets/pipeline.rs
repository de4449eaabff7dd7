//! libFuzzer target for the whole pipeline (issue 8, item 5): the first two bytes pick
//! the screen size, the rest is the page. Same invariants as `tests/it/fuzz.rs`:
//! no panic, no Chinese character lost in the dump, no control character in a cell.
//!
//! `cargo +nightly fuzz run pipeline -- -dict=habits.dict -max_total_time=600` from the
//! `fuzz/` directory: `habits.dict` holds the converters' habits (outer fences, PaddleX
//! `<div>`/`<img alt="Image">`, MinerU `$…$`, private-use bullets, continuation notes,
//! prose tables), so the fuzzer builds pages from them.
#![no_main]

use kanbao::action::Action;
use kanbao::layout::LayoutOptions;
use kanbao::state::{AppState, update};
use kanbao::{dump, input, ui};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{20000}'..='\u{2ffff}')
}

fuzz_target!(|data: &[u8]| {
    let [a, b, page @ ..] = data else { return };
    let (w, h) = (u16::from(*a) % 200 + 1, u16::from(*b) % 60 + 1);
    let Ok(doc) = input::document_from_bytes("fuzz.md", page, None) else {
        return;
    };
    let decoded = input::decode(page, None).expect("decoded once already");
    let opts = LayoutOptions { width: w, ..LayoutOptions::default() };
    let docs = vec![doc];
    let text = dump::text(&docs, &opts);
    let mut han_in: Vec<char> = decoded.text.chars().filter(|&c| is_han(c)).collect();
    let mut han_out: Vec<char> = text.chars().filter(|&c| is_han(c)).collect();
    han_in.sort_unstable();
    han_out.sort_unstable();
    let mut out = han_out.iter().peekable();
    for c in &han_in {
        while out.peek().is_some_and(|o| *o < c) {
            out.next();
        }
        assert_eq!(out.next(), Some(c), "Chinese character lost at width {w}");
    }
    assert!(!text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
    let mut state = AppState::new(docs, LayoutOptions::default(), w, h);
    for action in [Action::ResizeScreen { width: w, height: h }, Action::JumpToEnd, Action::SwitchFocus, Action::MoveDown] {
        update(&mut state, action);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        terminal.draw(|f| ui::draw(f, &state)).expect("draw");
        for cell in &terminal.backend().buffer().content {
            assert!(!cell.symbol().chars().any(char::is_control));
        }
    }
});
