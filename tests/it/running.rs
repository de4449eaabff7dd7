//! Running headers and footers (issue 11, point 3): lines repeated at the same end of
//! several pages of one directory are furniture in every way a directory is read (the
//! reader's first page and background load, `--dump json|text DIR`, `kanbao index
//! DIR`), never a headline, kicker or paragraph; a page read alone is unaffected, and a
//! headline that recurs on two pages, or a line one page repeats, never fires.
//!
//! tests/fixtures/running/daily: three made-up pages of one day, each under the lines
//! `晨光日报 www.chenguang.example` and `时政要闻 A1`… and over `值班主任：孙七` and
//! `晨光日报社出版 A1`…, lines the furniture vocabulary does not know.
//! tests/fixtures/running/none: three pages without running lines: a jump story's
//! headline at the top of pages 1 and 3, a headline in the middle of pages 1 and 3, a
//! slogan repeated three times at the top of page 2.

use std::path::PathBuf;

use kanbao::document::Document;
use kanbao::input::LoadOptions;
use kanbao::loader;
use kanbao::stream::{self, StreamOptions};

use crate::input::{fixture, scratch};

/// The running lines of the daily fixture (their page-number parts left out).
const RUNNING: [&str; 4] = [
    "晨光日报 www.chenguang.example",
    "时政要闻",
    "值班主任：孙七",
    "晨光日报社出版",
];

fn daily() -> PathBuf {
    fixture("running/daily")
}

/// Every text of the page's articles (kicker, title, subtitle, byline, blocks).
fn article_texts(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for a in &doc.articles {
        for span in [&a.kicker, &a.title, &a.subtitle, &a.byline]
            .into_iter()
            .flatten()
        {
            out.push(doc.str(span).to_string());
        }
        for b in a.overline.iter().chain(&a.blocks) {
            out.push(doc.str(&b.span).to_string());
        }
    }
    out
}

fn furniture(doc: &Document) -> Vec<String> {
    doc.furniture
        .iter()
        .map(|b| doc.str(&b.span).to_string())
        .collect()
}

/// The running lines are furniture on the page, in no article, and the habit is named.
fn assert_running_set_apart(doc: &Document) {
    assert!(doc.habits.contains(&"running-header"), "{:?}", doc.habits);
    let furniture = furniture(doc);
    for line in RUNNING {
        assert!(
            furniture.iter().any(|f| f.starts_with(line)),
            "{line} not in the furniture {furniture:?} of {}",
            doc.source
        );
        for text in article_texts(doc) {
            assert!(!text.contains(line), "{line} in an article: {text}");
        }
    }
}

#[test]
fn a_directory_dump_sets_running_lines_apart_on_every_page() {
    let opened = stream::open(
        &[daily()],
        &LoadOptions::default(),
        StreamOptions::default(),
    )
    .expect("the fixture opens");
    let mut docs = vec![opened.first.doc];
    docs.extend(opened.rest.map(|p| p.expect("a page").doc));
    assert_eq!(docs.len(), 3);
    for doc in &docs {
        assert_running_set_apart(doc);
    }
    // The stories keep their headlines.
    let titles: Vec<&str> = docs
        .iter()
        .flat_map(|d| d.articles.iter().filter_map(|a| d.field(a.title.as_ref())))
        .collect();
    assert_eq!(
        titles,
        [
            "春耕时节备耕忙",
            "合作社里话丰收",
            "老旧小区换新颜",
            "夜市点亮小城烟火气",
            "图书馆延长开放时间"
        ]
    );
}

#[test]
fn the_reader_parses_its_first_page_and_the_rest_with_the_running_lines() {
    let opening = loader::open(&[daily()], &LoadOptions::default()).expect("opens");
    assert_running_set_apart(opening.docs.first().expect("a first page"));
    let loaded = loader::load_everything(&[daily()], &LoadOptions::default()).expect("loads");
    assert_eq!(loaded.docs.len(), 3);
    for doc in &loaded.docs {
        assert_running_set_apart(doc);
    }
}

#[test]
fn a_page_read_alone_is_unaffected() {
    let page = daily().join("2020-05-06_第1版.md");
    let loaded = loader::load_everything(&[page], &LoadOptions::default()).expect("loads");
    let doc = &loaded.docs[0];
    assert!(!doc.habits.contains(&"running-header"), "{:?}", doc.habits);
    // Alone, nothing says the paper's name line is furniture.
    assert!(!furniture(doc).iter().any(|f| f.contains("晨光日报")));
}

#[test]
fn recurring_headlines_and_a_page_repeating_a_line_are_not_running() {
    let loaded = loader::load_everything(&[fixture("running/none")], &LoadOptions::default())
        .expect("loads");
    assert_eq!(loaded.docs.len(), 3);
    for doc in &loaded.docs {
        assert!(!doc.habits.contains(&"running-header"), "{}", doc.source);
        assert!(furniture(doc).is_empty(), "{:?}", furniture(doc));
    }
    let titles = |d: &Document| -> Vec<String> {
        d.articles
            .iter()
            .filter_map(|a| d.field(a.title.as_ref()).map(str::to_string))
            .collect()
    };
    for page in [0, 2] {
        let t = titles(&loaded.docs[page]);
        assert!(t.iter().any(|x| x == "小城故事多"), "{t:?}");
        assert!(t.iter().any(|x| x == "全县春耕进度过半"), "{t:?}");
    }
}

#[test]
fn the_binary_dumps_a_directory_with_its_running_lines_as_furniture() {
    let dir = daily();
    let dir = dir.to_str().expect("a UTF-8 path");
    let out = crate::home::kanbao()
        .args(["--keywords", "0", "--dump", "json", dir])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let docs = json["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 3);
    for doc in docs {
        let habits = doc["habits"].as_array().expect("habits");
        assert!(habits.iter().any(|h| h == "running-header"), "{habits:?}");
        let furniture: Vec<&str> = doc["furniture"]
            .as_array()
            .expect("furniture")
            .iter()
            .filter_map(|b| b["text"].as_str())
            .collect();
        assert!(
            furniture.contains(&"晨光日报 www.chenguang.example"),
            "{furniture:?}"
        );
    }
    // Nothing lost: the text dump still shows every running line of every page.
    let out = crate::home::kanbao()
        .args(["--keywords", "0", "--dump", "text", dir])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    for page in ["A1", "A2", "A3"] {
        assert!(text.contains(&format!("时政要闻 {page}")), "{text}");
        assert!(text.contains(&format!("晨光日报社出版 {page}")), "{text}");
    }
}

#[test]
fn the_index_of_a_directory_has_no_article_under_a_running_line() {
    use kanbao::analysis::search::{MatchMode, Query};
    use kanbao::index::query::{DateRange, Searcher};
    use kanbao::index::{Archive, build};

    let base = scratch("running-index");
    let root = base.join("papers");
    std::fs::create_dir_all(&root).expect("root");
    for entry in std::fs::read_dir(daily()).expect("fixture") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, root.join(path.file_name().expect("name"))).expect("copy");
    }
    let archive = Archive::locate_in(&root, &base.join("cache")).expect("archive");
    let summary = build::update(&archive, &mut |_| {}).expect("indexed");
    assert_eq!(summary.articles, 5);
    let searcher = Searcher::open(&archive).expect("a trusted index");
    let query = Query::parse("春耕", MatchMode::Substring);
    let results = searcher
        .search(&query, DateRange::default(), 10, None)
        .expect("searches");
    let headlines: Vec<&str> = results.hits.iter().map(|h| h.headline.as_str()).collect();
    assert_eq!(headlines, ["春耕时节备耕忙"]);
    let _ = std::fs::remove_dir_all(&base);
}
