//! Search off the UI thread (issue 5): batches of the newest generation only, the
//! runner with a shared jieba, pages loaded after a search, and random sequences of
//! search actions that must keep the state consistent.

use kanbao::action::Action;
use kanbao::analysis::search::batch::SearchBatch;
use kanbao::analysis::search::{MatchMode, Query, search_document};
use kanbao::document::Document;
use kanbao::state::{Effect, update};

use crate::interactions::{state_on, test_doc};
use crate::search_ui::{current, current_on_screen, press, status_row, total};
use crate::support::{render, sample, sample_doc};

#[test]
fn background_batches_latest_request_wins() {
    let mut s = sample(100, 30);
    s.search.sync_limit = 0;
    press(&mut s, "3]");
    let effects = press(&mut s, "/人口");
    assert!(effects.contains(&Effect::RunSearch));
    let (old, _) = s.search.pending_request().unwrap();
    press(&mut s, "普查");
    let (generation, query) = s.search.pending_request().unwrap();
    assert!(generation > old);
    assert!(status_row(&s).contains("searching for 人口普查"));
    let doc = sample_doc();
    let all: Vec<_> = search_document(&doc, &query)
        .into_iter()
        .map(|m| (0, m))
        .collect();
    // A stale batch changes nothing.
    update(
        &mut s,
        Action::ApplySearchResults(SearchBatch {
            generation: old,
            matches: all.clone(),
            done: true,
        }),
    );
    assert_eq!(total(&s), 0);
    let (first, rest) = all.split_at(10);
    update(
        &mut s,
        Action::ApplySearchResults(SearchBatch {
            generation,
            matches: first.to_vec(),
            done: false,
        }),
    );
    assert_eq!(total(&s), 10);
    assert!(status_row(&s).contains("10+"), "{}", status_row(&s));
    update(
        &mut s,
        Action::ApplySearchResults(SearchBatch {
            generation,
            matches: rest.to_vec(),
            done: true,
        }),
    );
    assert_eq!(total(&s), 24);
    assert!(
        current_on_screen(&s),
        "the view followed the first match after the origin"
    );
    let a = s.search.active.as_ref().unwrap();
    assert!(
        a.matches[a.current.unwrap()].1.article >= s.reader.units[3].article
            || a.current == Some(0)
    );
}

#[test]
fn the_runner_answers_whole_word_queries_with_a_shared_jieba() {
    use kanbao::analysis::search::runner::SearchRunner;
    use kanbao::analysis::segmenter::{Segmenter, SegmenterOptions};
    use kanbao::analysis::shared_jieba::SharedJieba;
    use std::sync::{Arc, mpsc};
    let docs: Arc<[Document]> = vec![sample_doc()].into();
    let (tx, rx) = mpsc::channel();
    let jieba = SharedJieba::default();
    let runner = SearchRunner::spawn(Arc::clone(&docs), jieba.clone(), move |b| {
        tx.send(b).is_ok()
    });
    jieba.offer(Arc::new(
        Segmenter::load(&SegmenterOptions::default()).expect("jieba"),
    ));
    let count = |generation: u64, mode: MatchMode| {
        runner.search(generation, Arc::clone(&docs), Query::parse("人口", mode));
        let mut n = 0;
        for batch in &rx {
            if batch.generation == generation {
                n += batch.matches.len();
                if batch.done {
                    break;
                }
            }
        }
        n
    };
    let substring = count(1, MatchMode::Substring);
    let words = count(2, MatchMode::WholeWord);
    assert!(
        substring >= 24,
        "人口 inside 人口普查 counts as a substring"
    );
    assert!(
        words > 0 && words < substring,
        "but not as a word: {words} of {substring}"
    );
}

#[test]
fn pages_loaded_later_are_searched_and_their_matches_appended() {
    use std::sync::Arc;
    let query = Query::parse("社区", MatchMode::Substring);
    let per_page = search_document(&test_doc("t"), &query).len();
    // Here (small corpus): the new page is searched at once, the current match stays.
    let mut s = state_on(vec![test_doc("t")], 70, 20);
    press(&mut s, "/社区<Enter>n");
    assert_eq!((total(&s), current(&s)), (per_page, Some(1)));
    let grown: Arc<[Document]> = vec![test_doc("t"), test_doc("u")].into();
    update(&mut s, Action::PagesLoaded(grown[1..].to_vec()));
    assert_eq!((total(&s), current(&s)), (2 * per_page, Some(1)));
    assert!(
        s.search.active.as_ref().unwrap().matches[per_page..]
            .iter()
            .all(|(d, _)| *d == 1)
    );
    // In the background: pages arriving while the search runs wait for it to finish.
    let mut s = state_on(vec![test_doc("t")], 70, 20);
    s.search.sync_limit = 0;
    press(&mut s, "/社区<Enter>");
    let (g, _) = s.search.pending_request().unwrap();
    assert!(!update(&mut s, Action::PagesLoaded(grown[1..].to_vec())).contains(&Effect::RunSearch));
    let first: Vec<_> = search_document(&grown[0], &query)
        .into_iter()
        .map(|m| (0, m))
        .collect();
    let effects = update(
        &mut s,
        Action::ApplySearchResults(SearchBatch {
            generation: g,
            matches: first,
            done: true,
        }),
    );
    assert!(
        effects.contains(&Effect::RunSearch),
        "then the new page is searched"
    );
    assert_eq!(s.search.pending_first_doc(), 1);
    assert_eq!(current(&s), Some(0));
    let (g2, _) = s.search.pending_request().unwrap();
    let second: Vec<_> = search_document(&grown[1], &query)
        .into_iter()
        .map(|m| (1, m))
        .collect();
    update(
        &mut s,
        Action::ApplySearchResults(SearchBatch {
            generation: g2,
            matches: second,
            done: true,
        }),
    );
    assert_eq!((total(&s), current(&s)), (2 * per_page, Some(0)));
    assert!(s.search.pending_request().is_none());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            Just(Action::OpenSearchPrompt),
            prop::sample::select(vec!["人", "口普", "查", "社区", "x", " ", "平城区 服务"])
                .prop_map(|s| Action::InsertSearchText(s.to_string())),
            Just(Action::DeleteSearchCharBack),
            Just(Action::DeleteSearchWordBack),
            Just(Action::MoveSearchCursorLeft),
            Just(Action::MoveSearchCursorRight),
            Just(Action::RecallOlderSearch),
            Just(Action::ConfirmSearch),
            Just(Action::CancelSearch),
            Just(Action::JumpToNextMatch),
            Just(Action::JumpToPrevMatch),
            Just(Action::OpenSearchResults),
            Just(Action::MoveDown),
            Just(Action::OpenSelection),
            Just(Action::CloseOrCancel),
            Just(Action::NextArticle),
            (1u16..120, 1u16..40)
                .prop_map(|(width, height)| Action::ResizeScreen { width, height }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn any_search_sequence_keeps_the_state_consistent(
            actions in prop::collection::vec(action(), 1..40),
        ) {
            let mut s = state_on(vec![test_doc("t"), test_doc("u")], 70, 20);
            for a in actions {
                update(&mut s, a);
                if let Some(p) = &s.search.prompt {
                    prop_assert!(p.editor.text().is_char_boundary(p.editor.cursor()));
                }
                if let Some(a) = &s.search.active {
                    prop_assert!(a.current.is_none_or(|c| c < a.matches.len()));
                    prop_assert!(a.matches.windows(2).all(|w| (w[0].0, w[0].1.article) <= (w[1].0, w[1].1.article)));
                }
                if let (Some(r), Some(a)) = (&s.search.results, &s.search.active) {
                    prop_assert!(r.selected < a.matches.len());
                }
                prop_assert!(s.reader.top.unit < s.reader.units.len());
                let _ = render(&s);
            }
        }
    }
}
