//! Keys on hostile pages (issue 18): no key may cost more than a bounded amount of work
//! per occurrence, so the event loop answers the next key (`q`) at once.
//!
//! Synchronous, as the interaction tests are: the state and the keymap without a
//! terminal. The page is big enough that the old quadratic `w` (every occurrence
//! looked up by scanning every line: 10¹⁰ steps here) would not finish in the test
//! run; the linear one takes a fraction of a second.

use std::sync::Arc;

use kanbao::action::Action;
use kanbao::analysis::keywords::{Keyword, occurrences};
use kanbao::analysis::worker::{ArticleAnalysis, SharedAnalysis};
use kanbao::document::BlockKind;
use kanbao::state::keywords::KeywordsState;
use kanbao::state::{AppState, update};

use crate::interactions::{Spec, make_doc, press, state_on};

/// One article of `n` short blocks, every one holding the keyword 标题 once, analysed.
fn many_short_blocks(n: usize) -> AppState {
    let texts: Vec<String> = (0..n).map(|i| format!("标题{i}")).collect();
    let blocks = texts
        .iter()
        .map(|t| (BlockKind::Paragraph, t.as_str()))
        .collect();
    let doc = make_doc(
        "headings",
        &[Spec {
            kicker: None,
            title: Some("许多标题"),
            blocks,
        }],
    );
    let mut s = state_on(vec![doc], 60, 20);
    s.keywords = KeywordsState::loading();
    update(&mut s, Action::KeywordEngineReady { millis: 1 });
    let keywords = vec![Keyword {
        word: "标题".to_string(),
        weight: 1.0,
    }];
    let analysis = ArticleAnalysis {
        occurrences: occurrences(&s.docs[0], 0, &keywords),
        keywords,
        names: Vec::new(),
    };
    assert!(analysis.occurrences.len() >= n, "every block has one");
    update(
        &mut s,
        Action::ArticleAnalysed {
            doc: 0,
            article: 0,
            analysis: SharedAnalysis(Arc::new(analysis)),
        },
    );
    s
}

fn cursor_text(s: &AppState) -> String {
    let c = s.keywords.cursor.clone().expect("a keyword cursor");
    let text = &s.docs[c.doc].text;
    // The occurrence and the block number after it, to tell them apart.
    let end = text[c.range.end..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(text.len(), |i| c.range.end + i);
    text[c.range.start..end].to_string()
}

#[test]
fn next_keyword_on_a_hundred_thousand_blocks_is_linear() {
    let n = 100_000;
    let mut s = many_short_blocks(n);
    // Keywords are highlighted in body text only (never in the headline 许多标题), so
    // the first occurrence is block 0's.
    press(&mut s, "w");
    assert_eq!(cursor_text(&s), "标题0");
    press(&mut s, "3w");
    assert_eq!(cursor_text(&s), "标题3");
    // From the end, backwards: the occurrence just above the last screen (the cursor
    // is off screen, so `W` starts from the top line), then the one before it.
    press(&mut s, "G");
    press(&mut s, "W");
    let number = |s: &AppState| -> usize { cursor_text(s)["标题".len()..].parse().unwrap() };
    let last = number(&s);
    assert!(last > n - 30, "near the end: {last}");
    press(&mut s, "W");
    assert_eq!(number(&s), last - 1);
    // A count steps within the occurrences found once: 50,000 steps, not 50,000 scans.
    let mut s = many_short_blocks(n);
    press(&mut s, "50000w");
    // The first is block 0's (the headline is never highlighted), so the 50,000th is
    // block 49,999's.
    assert_eq!(number(&s), 49_999);
    press(&mut s, "40000W");
    assert_eq!(number(&s), 9_999);
    let effects = press(&mut s, "q");
    assert!(effects.contains(&kanbao::state::Effect::Quit));
}
