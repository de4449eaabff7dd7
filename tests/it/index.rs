//! The persistent index of an archive (issue 17, point 1): built, updated page by page,
//! pages deleted, a damaged or foreign index rebuilt, a cache that cannot be written
//! reported, and hits that open at the right sentence of the right article. Every
//! test keeps its cache in its own scratch directory, never in the real home.
// Dates as `yyyymmdd` read best without separators.
#![allow(clippy::unreadable_literal)]

use std::path::{Path, PathBuf};

use kanbao::analysis::search::{MatchMode, Query};
use kanbao::index::build::{self, Summary};
use kanbao::index::query::{DateRange, Searcher};
use kanbao::index::{Archive, IndexError};

use crate::input::scratch;

/// A page with a rare phrase in its second sentence.
pub(crate) const MARKED: &str = "## 平城区开展垃圾分类宣传\n\n本报记者 纪元\n\n\
    社区志愿者走进小区。他们在广场上讲解颱風季节的防灾知识。居民踊跃参加。\n";

/// An archive of generated pages and the marked page; its cache directory.
fn archive(name: &str) -> (PathBuf, PathBuf) {
    archive_with_marked(name, "2021-03-04_第2版.md")
}

/// Six generated pages and [`MARKED`] under the file name `marked` (its date places it
/// among them); the archive's directory and a cache directory beside it.
pub(crate) fn archive_with_marked(name: &str, marked: &str) -> (PathBuf, PathBuf) {
    let base = scratch(name);
    let root = base.join("papers");
    std::fs::create_dir_all(&root).unwrap();
    for i in 0..6 {
        let page = kanbao_corpus::generate_page(11, i);
        std::fs::write(root.join(kanbao_corpus::page_file_name(i)), page).unwrap();
    }
    std::fs::write(root.join(marked), MARKED).unwrap();
    (root, base.join("cache"))
}

fn update(root: &Path, cache: &Path) -> Summary {
    let archive = Archive::locate_in(root, cache).unwrap();
    build::update(&archive, &mut |_| {}).unwrap()
}

fn searcher(root: &Path, cache: &Path) -> Searcher {
    Searcher::open(&Archive::locate_in(root, cache).unwrap()).expect("a trusted index")
}

fn query(text: &str) -> Query {
    Query::parse(text, MatchMode::Substring)
}

#[test]
fn a_hit_opens_at_its_sentence_in_its_article() {
    let (root, cache) = archive("index-hit");
    let summary = update(&root, &cache);
    assert!(summary.rebuilt);
    assert_eq!((summary.pages, summary.indexed), (7, 7));
    assert!(summary.articles > 7);
    // Traditional in the page, simplified in the query: folded as in memory.
    let results = searcher(&root, &cache)
        .search(&query("台风 防灾"), DateRange::default(), 10, None)
        .unwrap();
    assert_eq!(results.total, 1);
    let hit = &results.hits[0];
    assert!(hit.path.ends_with("2021-03-04_第2版.md"), "{}", hit.path);
    assert_eq!(hit.date, 20210304);
    assert_eq!(hit.edition, 2);
    assert_eq!(hit.headline, "平城区开展垃圾分类宣传");
    // The reader opens the page and finds the hit in its own text.
    let doc = kanbao::input::document_from_bytes(&hit.path, MARKED.as_bytes(), None).unwrap();
    assert_eq!(&doc.text[hit.range.clone()], "颱風");
    assert_eq!(
        &doc.text[hit.sentence.clone()],
        "他们在广场上讲解颱風季节的防灾知识。"
    );
    let article = &doc.articles[hit.article];
    let body = article.blocks.iter().map(|b| b.span.range.clone());
    assert!(body.into_iter().any(|r| r.contains(&hit.range.start)));
    // --exact-script: the simplified query no longer finds the traditional text.
    let exact = query("台风").with_script_folding(false);
    let results = searcher(&root, &cache)
        .search(&exact, DateRange::default(), 10, None)
        .unwrap();
    assert!(results.hits.is_empty());
}

#[test]
fn a_phrase_must_be_whole_and_dates_filter() {
    let (root, cache) = archive("index-phrase");
    update(&root, &cache);
    let s = searcher(&root, &cache);
    // The characters are all on the page, but not in this order.
    let none = s
        .search(&query("分类垃圾"), DateRange::default(), 10, None)
        .unwrap();
    assert_eq!(none.total, 0);
    let march = DateRange {
        from: 20210300,
        to: 20210399,
    };
    let april = DateRange {
        from: 20210400,
        to: 20210499,
    };
    assert_eq!(
        s.search(&query("垃圾分类"), march, 10, None).unwrap().total,
        1
    );
    assert_eq!(
        s.search(&query("垃圾分类"), april, 10, None).unwrap().total,
        0
    );
}

/// Five pages: `志愿者` is a word on each, `市更` is on each inside `城市更新` only.
fn words_archive(name: &str) -> (PathBuf, PathBuf) {
    let base = scratch(name);
    let root = base.join("papers");
    std::fs::create_dir_all(&root).unwrap();
    // Each page in its own words: lines alike on every page (digits aside) would be
    // taken for running headers.
    let pages = [
        (
            "老街换新颜",
            "纪元",
            "社区志愿者走进小区，讲解城市更新的做法。",
        ),
        (
            "旧厂房变身图书馆",
            "王五",
            "城市更新让旧厂房有了新用途，志愿者在馆里值守。",
        ),
        (
            "口袋公园开园",
            "李明",
            "居民和志愿者一起种下树苗，这是城市更新的一部分。",
        ),
        (
            "背街小巷亮起来",
            "赵六",
            "志愿者挨家挨户听取意见，城市更新从细处着手。",
        ),
        (
            "老旧小区加装电梯",
            "陈静",
            "楼里的老人最盼电梯，志愿者帮着协调，城市更新暖人心。",
        ),
    ];
    for (day, (title, name, body)) in (1..).zip(pages) {
        let page = format!("## {title}\n\n本报记者 {name}\n\n{body}\n");
        std::fs::write(root.join(format!("2021-03-0{day}_第1版.md")), page).unwrap();
    }
    (root, base.join("cache"))
}

#[test]
fn whole_words_are_checked_with_jieba_and_an_unchecked_count_is_a_bound() {
    use kanbao::analysis::search::WordBoundaries;
    use kanbao::analysis::segmenter::{Segmenter, SegmenterOptions};
    let (root, cache) = words_archive("index-words");
    update(&root, &cache);
    let s = searcher(&root, &cache);
    let seg = Segmenter::load(&SegmenterOptions::default()).expect("jieba");
    let words = Some(&seg as &dyn WordBoundaries);
    let word = |text: &str| Query::parse(text, MatchMode::WholeWord);
    let all = DateRange::default();

    let substring = s.search(&query("市更"), all, 10, None).unwrap();
    assert_eq!((substring.total, substring.exact), (5, true));
    let inside = s.search(&word("市更"), all, 10, words).unwrap();
    assert!(inside.hits.is_empty(), "{:?}", inside.hits);
    assert_eq!(
        (inside.total, inside.exact),
        (0, true),
        "every candidate checked"
    );

    let found = s.search(&word("志愿者"), all, 10, words).unwrap();
    assert_eq!((found.hits.len(), found.total, found.exact), (5, 5, true));
    let page = std::fs::read_to_string(&found.hits[0].path).unwrap();
    let doc = kanbao::input::document_from_bytes("p", page.as_bytes(), None).unwrap();
    assert_eq!(&doc.text[found.hits[0].range.clone()], "志愿者");

    // Listing two, the other three are not checked: "at most 5", not "5".
    let capped = s.search(&word("志愿者"), all, 2, words).unwrap();
    assert_eq!(
        (capped.hits.len(), capped.total, capped.exact),
        (2, 5, false)
    );
    // Without a segmenter (jieba failed to load) whole-word acts as substring.
    let fallback = s.search(&word("市更"), all, 10, None).unwrap();
    assert_eq!((fallback.total, fallback.exact), (5, true));
}

#[test]
fn an_update_with_nothing_changed_reads_no_page_and_keeps_the_list_as_it_is() {
    let (root, cache) = archive("index-unchanged");
    // A directory changed just now is not trusted by its time: set it a minute back.
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    std::fs::File::open(&root)
        .and_then(|f| f.set_modified(then))
        .unwrap();
    update(&root, &cache);
    let listing = Archive::locate_in(&root, &cache).unwrap().listing().file;
    let written = || std::fs::metadata(&listing).unwrap().modified().unwrap();
    let first = written();
    let again = update(&root, &cache);
    assert_eq!((again.indexed, again.removed), (0, 0));
    assert_eq!(written(), first, "nothing changed: no recount, no new list");
    // A page edited in place: its directory keeps its time, the running lines are
    // counted again and the list is written anew.
    let marked = root.join("2021-03-04_第2版.md");
    std::fs::write(
        &marked,
        format!("{MARKED}\n## 新闻\n\n雪豹出现在山谷里。\n"),
    )
    .unwrap();
    let changed = update(&root, &cache);
    assert_eq!(changed.indexed, 1);
    assert_ne!(written(), first, "a changed page writes the list again");
}

#[test]
fn an_update_indexes_only_what_changed_and_removes_what_is_gone() {
    let (root, cache) = archive("index-update");
    update(&root, &cache);
    let again = update(&root, &cache);
    assert_eq!((again.indexed, again.removed, again.rebuilt), (0, 0, false));

    let marked = root.join("2021-03-04_第2版.md");
    std::fs::write(
        &marked,
        format!("{MARKED}\n## 新闻\n\n雪豹出现在山谷里。\n"),
    )
    .unwrap();
    let changed = update(&root, &cache);
    assert_eq!((changed.indexed, changed.removed), (1, 0));
    let s = searcher(&root, &cache);
    assert_eq!(
        s.search(&query("雪豹"), DateRange::default(), 10, None)
            .unwrap()
            .total,
        1
    );
    // The page's old articles were replaced, not added a second time.
    assert_eq!(
        s.search(&query("垃圾分类"), DateRange::default(), 10, None)
            .unwrap()
            .total,
        1
    );

    std::fs::remove_file(&marked).unwrap();
    let removed = update(&root, &cache);
    assert_eq!((removed.indexed, removed.removed), (0, 1));
    let s = searcher(&root, &cache);
    assert_eq!(
        s.search(&query("雪豹"), DateRange::default(), 10, None)
            .unwrap()
            .total,
        0
    );
}

#[test]
fn a_damaged_or_foreign_index_is_rebuilt_not_trusted() {
    let (root, cache) = archive("index-damaged");
    update(&root, &cache);
    let archive = Archive::locate_in(&root, &cache).unwrap();
    // tantivy's own list of segments, cut to garbage.
    std::fs::write(archive.dir.join("meta.json"), b"{ not json").unwrap();
    assert!(Searcher::open(&archive).is_none());
    let rebuilt = update(&root, &cache);
    assert!(rebuilt.rebuilt);
    assert_eq!(rebuilt.indexed, 7);
    assert!(Searcher::open(&archive).is_some());

    // An index of another schema version.
    let manifest = archive.dir.join(kanbao::index::manifest::FILE);
    let text = std::fs::read_to_string(&manifest).unwrap();
    let old = text.replacen(
        &format!("\"schema\":{}", kanbao::index::schema::SCHEMA_VERSION),
        "\"schema\":0",
        1,
    );
    assert_ne!(old, text);
    std::fs::write(&manifest, old).unwrap();
    assert!(Searcher::open(&archive).is_none());
    assert!(update(&root, &cache).rebuilt);

    // A segment file gone.
    let segment = std::fs::read_dir(&archive.dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "idx"))
        .expect("a segment's postings");
    std::fs::remove_file(segment).unwrap();
    assert!(Searcher::open(&archive).is_none());
    assert!(update(&root, &cache).rebuilt);
    let s = searcher(&root, &cache);
    assert_eq!(
        s.search(&query("垃圾分类"), DateRange::default(), 10, None)
            .unwrap()
            .total,
        1
    );
}

#[test]
fn a_cache_that_cannot_be_written_is_an_error_that_names_it() {
    let (root, cache) = archive("index-readonly");
    // A file where the cache directory should be: nothing can be created under it,
    // for root as for anyone (a mode of 0o555 does not stop root).
    std::fs::write(&cache, b"not a directory").unwrap();
    let archive = Archive::locate_in(&root, &cache).unwrap();
    let err = build::update(&archive, &mut |_| {}).unwrap_err();
    assert!(matches!(err, IndexError::CacheUnwritable { .. }), "{err}");
    assert!(err.to_string().contains("cannot write the index cache"));
    assert!(Searcher::open(&archive).is_none());
}

#[test]
fn the_index_command_builds_under_xdg_cache_home() {
    let (root, cache) = archive("index-command");
    let out = crate::home::kanbao()
        .args(["index".as_ref(), root.as_os_str()])
        .env("XDG_CACHE_HOME", &cache)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("7 pages, 7 indexed"), "{stderr}");
    assert!(cache.join("kanbao/index").is_dir());
    // Not a terminal: plain progress lines, no bar.
    assert!(stderr.contains("7 to index"), "{stderr}");
    // The cache under a file: exit 2 and a message.
    let file = cache.join("file");
    std::fs::write(&file, b"x").unwrap();
    let out = crate::home::kanbao()
        .args(["index".as_ref(), root.as_os_str()])
        .env("XDG_CACHE_HOME", &file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write the index cache"));
}

#[test]
fn the_index_command_searches_by_date_and_page() {
    let (root, cache) = archive("index-search");
    let run = |args: &[&str]| {
        let out = crate::home::kanbao()
            .arg("index")
            .arg(&root)
            .args(args)
            .env("XDG_CACHE_HOME", &cache)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let found = run(&["--quiet", "--search", "台风 防灾"]);
    assert!(found.starts_with("2021-03-04  "), "{found}");
    assert!(found.contains("2021-03-04_第2版.md\n  1. 平城区开展垃圾分类宣传 (2 matches)\n     他们在广场上讲解颱風季节的防灾知识。"), "{found}");
    assert!(found.ends_with("1 article match\n"), "{found}");
    let before = run(&["--quiet", "--search", "台风", "--to", "2021-02"]);
    assert!(before.ends_with("0 articles match\n"), "{before}");
    let in_prompt = run(&["--quiet", "--search", "台风 date:2021-03"]);
    assert!(in_prompt.ends_with("1 article match\n"), "{in_prompt}");
}
