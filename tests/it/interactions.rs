//! Interactions as (document, keys, expected state) triples, through keymap and update.

use kanbao::action::Action;
use kanbao::keymap::{self, Key};
use kanbao::layout::LayoutOptions;
use kanbao::state::{AppState, Effect, Focus, update};

pub fn sample_state(width: u16, height: u16) -> AppState {
    let doc = kanbao::document::parse("sample.md", kanbao::input::SAMPLE);
    AppState::new(vec![doc], LayoutOptions::default(), width, height)
}

#[test]
fn j_scrolls_one_line() {
    let mut s = sample_state(100, 30);
    let e = update(&mut s, keymap::action_for(Key::Char('j')).unwrap());
    assert_eq!(s.reader.top.line, 1, "{e:?}");
}
