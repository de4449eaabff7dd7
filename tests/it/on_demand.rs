//! Pages on demand (issue 17, point 2): a large archive is held as stubs, pages are
//! parsed as they come into view or as a jump needs them, and far pages are turned
//! back into stubs. Every test reads the same archive twice, on demand with a budget
//! so small that every page out of view is evicted, and fully parsed, and checks that
//! the reader cannot tell: the same screens, positions, section list and hits.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, SystemTime};

use kanbao::action::Action;
use kanbao::analysis::search::MatchMode;
use kanbao::analysis::shared_jieba::SharedJieba;
use kanbao::document::Document;
use kanbao::document::stub::{is_stub, stub};
use kanbao::index::live::{LiveIndex, Sink};
use kanbao::index::{Archive, build};
use kanbao::input::LoadOptions;
use kanbao::input::listing::{self, Place};
use kanbao::layout::LayoutOptions;
use kanbao::loader::{self, Startup};
use kanbao::state::{AppState, Effect, EntryKind, HighlightKind, update};

use crate::archive::wait_for;
use crate::input::scratch;
use crate::support::{render, screen_text};

const PAGES: usize = 12;
const SIZE: (u16, u16) = (100, 30);

/// Page `n` of a made-up daily: five stories a screen or more long, the second with a
/// subhead, a word of its own (`第n页专稿`) and one every page has (`社区`). The
/// headlines name no page (`第n版…` would read as the page's label, not a story's).
fn page(n: usize) -> String {
    let body = |topic: &str| {
        (0..6)
            .map(|i| {
                format!("{topic}第{i}段，居民们在社区里交流生活中的变化，大家都说日子越过越好了。")
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    format!(
        "## 城市更新见成效\n\n{}\n\n## 春耕时节农机忙\n\n{}\n\n### 田间新技术\n\n{}\n\n\
         ## 专稿：一位老师的坚守\n\n第{n}页专稿写的是一位老师。{}\n\n## 简讯四则\n\n{}\n",
        body("城市更新"),
        body("春耕"),
        body("技术"),
        body("老师"),
        body("简讯"),
    )
}

/// The archive on disk, its directory's time a minute back (a list of pages is kept
/// only for directories that did not change just now).
fn archive(name: &str) -> (PathBuf, PathBuf) {
    let base = scratch(name);
    let root = base.join("papers");
    std::fs::create_dir_all(&root).expect("dir");
    for n in 1..=PAGES {
        let name = format!("2020-05-{n:02}_第1版.md");
        std::fs::write(root.join(name), page(n)).expect("page");
    }
    let then = SystemTime::now() - Duration::from_secs(60);
    std::fs::File::open(&root)
        .and_then(|f| f.set_modified(then))
        .expect("a directory's time can be set");
    (base, root)
}

fn all_pages(root: &Path) -> Vec<Document> {
    loader::load_everything(&[root.to_path_buf()], &LoadOptions::default())
        .expect("loads")
        .docs
}

/// A reader on `docs` held as stubs but the first, parsing them on demand within
/// `budget` bytes; counts the pages it parsed again.
fn on_demand(docs: &[Document], budget: usize) -> (AppState, Arc<AtomicUsize>) {
    let stubs: Vec<Document> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| if i == 0 { d.clone() } else { stub(d) })
        .collect();
    let mut state = AppState::new(stubs, LayoutOptions::default(), SIZE.0, SIZE.1);
    let pages = docs.to_vec();
    let opened = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&opened);
    state.read_on_demand(
        Arc::new(move |d, source| {
            count.fetch_add(1, Ordering::Relaxed);
            pages.get(d).filter(|p| p.source == source).cloned()
        }),
        budget,
    );
    (state, opened)
}

fn parsed(docs: &[Document]) -> AppState {
    AppState::new(docs.to_vec(), LayoutOptions::default(), SIZE.0, SIZE.1)
}

/// The screen, status row included: the position's percentage counts a stub as its
/// whole page, so it is the parsed reader's.
fn pane(state: &AppState) -> String {
    screen_text(render(state).backend().buffer())
}

/// Applies `action` (with a count) to both readers and checks they show the same.
fn both(a: &mut AppState, b: &mut AppState, action: &Action, count: Option<usize>) {
    for state in [&mut *a, &mut *b] {
        state.count = count;
        update(state, action.clone());
    }
    assert_eq!(a.reader.top, b.reader.top, "after {action:?}");
    assert_eq!(pane(a), pane(b), "after {action:?}");
}

fn stubs(state: &AppState) -> usize {
    state.docs.iter().filter(|d| is_stub(d)).count()
}

#[test]
fn reading_through_the_archive_parses_pages_as_they_come_and_drops_far_ones() {
    let (base, root) = archive("demand-read");
    let docs = all_pages(&root);
    assert_eq!(docs.len(), PAGES);
    let (mut lazy, opened) = on_demand(&docs, 1);
    let mut full = parsed(&docs);
    assert!(stubs(&lazy) > PAGES / 2, "far pages start as stubs");
    for _ in 0..60 {
        both(&mut lazy, &mut full, &Action::ScrollPageDown, None);
        // The pages in view, one on each side, a few ahead, the first and the last.
        assert!(lazy.parsed_pages() <= 8, "{} parsed", lazy.parsed_pages());
    }
    assert!(
        lazy.reader.top.unit > full.reader.units.len() / 2,
        "it read far"
    );
    for _ in 0..60 {
        both(&mut lazy, &mut full, &Action::ScrollPageUp, None);
        assert!(lazy.parsed_pages() <= 8, "{} parsed", lazy.parsed_pages());
    }
    assert!(
        opened.load(Ordering::Relaxed) >= PAGES - 2,
        "pages parsed again"
    );
    let _ = std::fs::remove_dir_all(&base);
}

/// Far pages stay compact: listing every page, drawing the list, reading to the end
/// and back build the article records of no stub (they are read from its compact
/// heads), so memory holds the pages in view and compact heads for the rest.
#[test]
fn stubs_far_from_the_reader_build_no_article_records() {
    let (base, root) = archive("demand-compact");
    let docs = all_pages(&root);
    let (mut lazy, _) = on_demand(&docs, 1);
    let built = |s: &AppState| {
        s.docs
            .iter()
            .enumerate()
            .filter(|(_, d)| is_stub(d) && d.articles.is_built())
            .map(|(n, _)| n)
            .collect::<Vec<_>>()
    };
    assert_eq!(built(&lazy), Vec::<usize>::new(), "listing every page");
    for (action, count) in [
        (Action::FocusSectionList, None),
        (Action::JumpToEnd, None),
        (Action::JumpToStart, None),
        (Action::FocusArticlePane, None),
        (Action::JumpToEnd, None),
        (Action::ScrollPageUp, Some(3)),
        (Action::JumpToPage, Some(6)),
        (Action::JumpToStart, None),
    ] {
        lazy.count = count;
        update(&mut lazy, action.clone());
        let _ = render(&lazy);
        assert_eq!(built(&lazy), Vec::<usize>::new(), "after {action:?}");
    }
    assert!(stubs(&lazy) > PAGES / 2, "far pages are stubs");
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn the_end_the_start_and_a_page_number_land_where_a_parsed_reader_lands() {
    let (base, root) = archive("demand-jumps");
    let docs = all_pages(&root);
    let (mut lazy, _) = on_demand(&docs, 1);
    let mut full = parsed(&docs);
    both(&mut lazy, &mut full, &Action::JumpToEnd, None);
    both(&mut lazy, &mut full, &Action::ScrollPageUp, None);
    both(&mut lazy, &mut full, &Action::JumpToStart, None);
    // `7P`: a page that was never parsed.
    assert!(is_stub(&lazy.docs[6]));
    both(&mut lazy, &mut full, &Action::JumpToPage, Some(7));
    assert!(!is_stub(&lazy.docs[6]));
    // `3G`: the third article of the page being read; then pages and articles on.
    both(&mut lazy, &mut full, &Action::JumpToEnd, Some(3));
    both(&mut lazy, &mut full, &Action::NextPage, Some(3));
    both(&mut lazy, &mut full, &Action::PrevArticle, Some(2));
    both(&mut lazy, &mut full, &Action::NextSubhead, Some(2));
    both(&mut lazy, &mut full, &Action::PrevSubhead, None);
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn evicted_pages_keep_the_section_list_and_a_mark_on_them() {
    let (base, root) = archive("demand-marks");
    let docs = all_pages(&root);
    let (mut lazy, _) = on_demand(&docs, 1);
    let mut full = parsed(&docs);
    let rows = |s: &AppState| -> Vec<(EntryKind, u16)> {
        s.list.entries.iter().map(|e| (e.kind(), e.rows)).collect()
    };
    both(&mut lazy, &mut full, &Action::FocusSectionList, None);
    both(&mut lazy, &mut full, &Action::FocusArticlePane, None);
    assert!(!rows(&lazy).is_empty(), "the list is measured");
    assert_eq!(rows(&lazy), rows(&full), "stubs list what pages list");
    both(&mut lazy, &mut full, &Action::JumpToPage, Some(4));
    both(&mut lazy, &mut full, &Action::ScrollPageDown, Some(2));
    both(&mut lazy, &mut full, &Action::SetMark('a'), None);
    let marked = lazy.reader.top;
    both(&mut lazy, &mut full, &Action::JumpToEnd, None);
    assert!(is_stub(&lazy.docs[3]), "the marked page was evicted");
    assert_eq!(
        rows(&lazy),
        rows(&full),
        "the list is whole after evictions"
    );
    // `both` checks the two screens match; the list's scroll differs from the one at
    // the mark (it followed the reader to the end and back), the position does not.
    both(&mut lazy, &mut full, &Action::JumpToMark('a'), None);
    assert!(!is_stub(&lazy.docs[3]), "the marked page is parsed again");
    assert_eq!(lazy.reader.top, marked, "back at the mark");
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn a_subhead_chosen_in_the_list_on_an_unparsed_page_opens_at_its_line() {
    let (base, root) = archive("demand-list");
    let docs = all_pages(&root);
    let (mut lazy, _) = on_demand(&docs, 1);
    let mut full = parsed(&docs);
    // The list's entries are measured for its width once it is shown.
    both(&mut lazy, &mut full, &Action::FocusSectionList, None);
    // The subhead of a page half way, far from the pages in view (and from the last
    // page, which is kept parsed).
    let doc = PAGES / 2;
    let entry = lazy
        .list
        .entries
        .iter()
        .position(|e| match e.kind() {
            EntryKind::Subhead { unit, .. } => lazy.reader.units[unit].doc == doc,
            _ => false,
        })
        .expect("the list holds the page's subhead");
    assert!(is_stub(&lazy.docs[doc]));
    for state in [&mut lazy, &mut full] {
        state.list.selected = entry;
    }
    both(&mut lazy, &mut full, &Action::OpenSelection, None);
    assert!(!is_stub(&lazy.docs[doc]));
    assert!(pane(&lazy).contains("田间新技术"), "{}", pane(&lazy));
    let _ = std::fs::remove_dir_all(&base);
}

/// The archive's index, up to date, and a worker answering searches through it.
fn live(root: &Path, base: &Path) -> (LiveIndex, mpsc::Receiver<Action>) {
    live_with(root, base, SharedJieba::default())
}

/// [`live`], finding whole words with `jieba`.
fn live_with(root: &Path, base: &Path, jieba: SharedJieba) -> (LiveIndex, mpsc::Receiver<Action>) {
    let archive = Archive::locate_in(root, &base.join("cache")).expect("archive");
    build::update(&archive, &mut |_| {}).expect("indexed");
    let (tx, rx) = mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    let sink: Arc<Sink> = Arc::new(move |a| tx.lock().is_ok_and(|tx| tx.send(a).is_ok()));
    let live = LiveIndex::spawn(
        &[root.to_path_buf()],
        Some(base.join("cache")),
        0,
        jieba,
        sink,
    )
    .expect("a directory has an index");
    (live, rx)
}

/// `state` with the index ready and `text` searched through it.
fn search(state: &mut AppState, live: &LiveIndex, rx: &mpsc::Receiver<Action>, text: &str) {
    if state.search.index != kanbao::state::search::IndexStatus::Ready {
        let ready = wait_for(rx, |a| matches!(a, Action::IndexReady));
        update(state, ready);
    }
    update(state, Action::SearchFor(text.into()));
    let (generation, query) = state
        .search
        .pending_index_request()
        .expect("asks the index");
    live.search(generation, query);
    let answer = wait_for(rx, |a| matches!(a, Action::ApplyArchiveResults(_)));
    update(state, answer);
}

#[test]
fn index_hits_on_evicted_pages_open_at_their_sentence_highlighted() {
    let (base, root) = archive("demand-search");
    let docs = all_pages(&root);
    let (live, rx) = live(&root, &base);
    let (mut lazy, _) = on_demand(&docs, 1);
    search(&mut lazy, &live, &rx, "专稿");
    let a = lazy.search.active.as_ref().expect("a search");
    assert!(a.done);
    let pages: Vec<usize> = a.matches.iter().map(|(d, _)| *d).collect();
    assert!(pages.len() >= PAGES, "a hit on every page: {pages:?}");
    for step in 0..PAGES {
        if step > 0 {
            update(&mut lazy, Action::JumpToNextMatch);
        }
        let a = lazy.search.active.as_ref().expect("a search");
        let (doc, m) = a.matches[a.current.expect("a current hit")].clone();
        assert!(!is_stub(&lazy.docs[doc]), "the hit's page is parsed");
        assert_eq!(&lazy.docs[doc].text[m.range.clone()], "专稿");
        assert!(
            lazy.highlights
                .iter()
                .any(|h| h.kind == HighlightKind::CurrentMatch
                    && h.doc == doc
                    && h.range == m.range),
            "the hit is shown: {:?}",
            lazy.highlights
        );
        assert!(pane(&lazy).contains("专稿"), "{}", pane(&lazy));
    }
    assert!(stubs(&lazy) > PAGES / 2, "pages read past were evicted");
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn a_search_typed_before_the_index_was_ready_runs_again_through_it() {
    let (base, root) = archive("demand-early");
    let docs = all_pages(&root);
    let (live, rx) = live(&root, &base);
    let (mut lazy, _) = on_demand(&docs, 1);
    // Typed before the index is open: the pages in memory are all it can search.
    let effects = update(&mut lazy, Action::SearchFor("专稿".into()));
    assert!(!effects.contains(&Effect::RunIndexSearch));
    let ready = wait_for(&rx, |a| matches!(a, Action::IndexReady));
    let effects = update(&mut lazy, ready);
    assert!(effects.contains(&Effect::RunIndexSearch), "{effects:?}");
    let (generation, query) = lazy.search.pending_index_request().expect("asks the index");
    live.search(generation, query);
    let answer = wait_for(&rx, |a| matches!(a, Action::ApplyArchiveResults(_)));
    update(&mut lazy, answer);
    let a = lazy.search.active.as_ref().expect("a search");
    assert_eq!(a.archive.as_ref().map(|h| h.total), Some(PAGES));
    let mut pages: Vec<usize> = a.matches.iter().map(|(d, _)| *d).collect();
    pages.dedup();
    assert_eq!(pages, (0..PAGES).collect::<Vec<_>>());
    // Once ready, a second IndexReady (after the update) starts nothing new.
    let effects = update(&mut lazy, Action::IndexReady);
    assert!(!effects.contains(&Effect::RunIndexSearch));
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn whole_word_search_goes_through_the_index_to_pages_not_parsed() {
    let (base, root) = archive("demand-words");
    let docs = all_pages(&root);
    let jieba = SharedJieba::default();
    let (live, rx) = live_with(&root, &base, jieba.clone());
    let (mut lazy, _) = on_demand(&docs, 1);
    lazy.search.jieba = jieba;
    lazy.search.mode = MatchMode::WholeWord;
    // `市更` is in every page's `城市更新` but is no word of it.
    search(&mut lazy, &live, &rx, "市更");
    let a = lazy.search.active.as_ref().expect("a search");
    assert!(a.done);
    assert!(a.matches.is_empty(), "{:?}", a.matches);
    let hits = a.archive.as_ref().expect("the index answered");
    assert_eq!((hits.total, hits.exact), (0, true));
    // `老师` is a word on every page, most of them stubs: the index finds them all.
    search(&mut lazy, &live, &rx, "老师");
    let a = lazy.search.active.as_ref().expect("a search");
    let hits = a.archive.as_ref().expect("the index answered");
    assert_eq!((hits.total, hits.exact), (PAGES, true));
    let mut pages: Vec<usize> = a.matches.iter().map(|(d, _)| *d).collect();
    pages.dedup();
    assert_eq!(pages, (0..PAGES).collect::<Vec<_>>());
    assert!(stubs(&lazy) > PAGES / 2, "found without parsing the pages");
    for step in 0..PAGES {
        if step > 0 {
            update(&mut lazy, Action::JumpToNextMatch);
        }
        let a = lazy.search.active.as_ref().expect("a search");
        let (doc, m) = a.matches[a.current.expect("a current hit")].clone();
        assert!(!is_stub(&lazy.docs[doc]), "the hit's page is parsed");
        assert_eq!(&lazy.docs[doc].text[m.range.clone()], "老师");
    }
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn the_results_list_shows_the_context_of_hits_on_stub_pages() {
    let (base, root) = archive("demand-results");
    let docs = all_pages(&root);
    let (live, rx) = live(&root, &base);
    let (mut lazy, _) = on_demand(&docs, 1);
    search(&mut lazy, &live, &rx, "专稿");
    update(&mut lazy, Action::OpenSearchResults);
    let screen = screen_text(render(&lazy).backend().buffer());
    // Each listed hit with the words around it on its page.
    let with_context = screen.matches("写的是一位老师").count();
    assert!(with_context >= 5, "{screen}");
    // Opening the last hit listed shows its page.
    update(&mut lazy, Action::JumpToEnd);
    update(&mut lazy, Action::OpenSelection);
    let a = lazy.search.active.as_ref().expect("a search");
    let (doc, _) = a.matches[a.current.expect("a current hit")];
    assert_eq!(doc, PAGES - 1);
    assert!(
        pane(&lazy).contains(&format!("第{PAGES}页专稿")),
        "{}",
        pane(&lazy)
    );
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn the_loader_hands_stubs_and_parses_a_page_again_as_it_was() {
    let (base, root) = archive("demand-loader");
    let docs = all_pages(&root);
    let archive = Archive::locate_in(&root, &base.join("cache")).expect("archive");
    build::update(&archive, &mut |_| {}).expect("indexed");
    let place = Place {
        file: archive.dir.join(listing::FILE),
        canonical: archive.root,
    };
    let startup = Startup {
        listing: Some(place),
        on_demand: Some(4),
        ..Startup::default()
    };
    let opening = loader::open_with(
        std::slice::from_ref(&root),
        &LoadOptions::default(),
        &startup,
    )
    .expect("opens");
    let opener = opening.opener.clone().expect("read on demand");
    let mut got = opening.docs;
    let (tx, rx) = mpsc::channel();
    opening
        .rest
        .expect("more pages")
        .spawn(got.len(), move |a| tx.send(a).is_ok());
    while let Ok(action) = rx.recv_timeout(Duration::from_secs(60)) {
        match action {
            Action::PagesLoaded(batch) => got.extend(batch),
            Action::LoadFinished { .. } => break,
            _ => {}
        }
    }
    assert_eq!(got.len(), PAGES);
    assert!(!is_stub(&got[0]), "the first page opens parsed");
    for (d, doc) in got.iter().enumerate().skip(1) {
        assert!(is_stub(doc), "page {d} comes as a stub");
        assert_eq!(*doc, stub(&docs[d]));
        let again = opener.open(d, &doc.source).expect("parsed again");
        assert_eq!(again, docs[d], "page {d} parsed again is the page");
    }
    // Fewer pages than the threshold: parsed as before.
    let few = Startup {
        on_demand: Some(PAGES + 1),
        ..startup
    };
    let opening = loader::open_with(&[root], &LoadOptions::default(), &few).expect("opens");
    assert!(opening.opener.is_none());
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn n_visits_every_hit_of_an_article_whose_page_was_a_stub() {
    let (base, root) = archive("demand-every-hit");
    let docs = all_pages(&root);
    let (live, rx) = live(&root, &base);
    let (mut lazy, _) = on_demand(&docs, 1);
    let mut full = parsed(&docs);
    // Two hits in every page's fourth story (its headline and its first sentence);
    // the index places one per story on a stub, the parsed page has both.
    search(&mut lazy, &live, &rx, "专稿");
    update(&mut full, Action::SearchFor("专稿".into()));
    let hits = |s: &AppState| -> Vec<(usize, std::ops::Range<usize>)> {
        let a = s.search.active.as_ref().expect("a search");
        a.matches
            .iter()
            .map(|(d, m)| (*d, m.range.clone()))
            .collect()
    };
    let wanted = hits(&full);
    assert!(wanted.len() >= 2 * PAGES, "{wanted:?}");
    let mut seen = Vec::new();
    for _ in 0..wanted.len() {
        let a = lazy.search.active.as_ref().expect("a search");
        let (d, m) = &a.matches[a.current.expect("a current hit")];
        seen.push((*d, m.range.clone()));
        update(&mut lazy, Action::JumpToNextMatch);
    }
    seen.sort_by_key(|(d, r)| (*d, r.start));
    seen.dedup();
    assert_eq!(seen, wanted, "every hit visited once");
    assert_eq!(hits(&lazy), wanted, "the hits are the parsed reader's");
    let _ = std::fs::remove_dir_all(&base);
}
