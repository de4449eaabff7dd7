//! Reaching the first frame of a large archive without listing it or reading every
//! page's ends first (issue 17: first frame ≤ 50 ms on 50,000 pages with an index):
//! the list of pages the index's update kept is taken while the directories' times
//! hold, in the walk's order, and refused once a page is added or removed; the
//! running headers the first page needs come from a sample of the pages (or from the
//! kept list), and every other page is parsed with the lines counted over all pages.
//!
//! The pages are made up here (a small daily of two directories).

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use kanbao::action::Action;
use kanbao::document::Document;
use kanbao::index::{Archive, build};
use kanbao::input::listing::{self, Place};
use kanbao::input::{self, LoadOptions, PageSource};
use kanbao::loader::{self, Startup};

use crate::input::scratch;

/// A page of the made-up daily: under a header with its number, over a footer.
fn page(n: usize, extra_head: &str) -> String {
    format!(
        "{extra_head}晨报 www.chenbao.example\n\n综合新闻 第{n}版\n\n## 第{n}版的头条消息\n\n\
         本报讯 今天全市各界举行活动，第{n}版记者在现场看到群众热情很高。\n\n\
         ## 另一条消息{n}\n\n本报讯 图书馆延长开放时间，方便读者。\n\n责任编辑：周{n}\n"
    )
}

/// Sets a directory's modification time `secs` seconds back (a list of directories
/// changed just now is not kept).
fn age(dir: &Path, secs: u64) {
    let then = SystemTime::now() - Duration::from_secs(secs);
    std::fs::File::open(dir)
        .and_then(|f| f.set_modified(then))
        .expect("a directory's time can be set");
}

/// An archive of pages with names whose natural order is not their byte order
/// (`第2版` before `第10版`), in the root and a subdirectory, aged a minute.
fn archive(name: &str) -> (PathBuf, PathBuf) {
    let base = scratch(name);
    let root = base.join("papers");
    let sub = root.join("2020-05-07");
    std::fs::create_dir_all(&sub).expect("dirs");
    for n in [1, 2, 10, 11] {
        std::fs::write(root.join(format!("2020-05-06_第{n}版.md")), page(n, "")).expect("page");
        std::fs::write(sub.join(format!("第{n}版.md")), page(n, "")).expect("page");
    }
    age(&sub, 60);
    age(&root, 60);
    (base, root)
}

fn place(base: &Path, root: &Path) -> Place {
    let archive = Archive::locate_in(root, &base.join("cache")).expect("archive");
    build::update(&archive, &mut |_| {}).expect("indexed");
    Place {
        file: archive.dir.join(listing::FILE),
        canonical: archive.root,
    }
}

fn startup(place: &Place) -> Startup {
    Startup {
        listing: Some(place.clone()),
        ..Startup::default()
    }
}

fn walk(root: &Path) -> Vec<PageSource> {
    input::discover(&[root.to_path_buf()]).expect("walks")
}

#[test]
fn the_kept_list_gives_the_walks_order() {
    let (base, root) = archive("startup-order");
    let place = place(&base, &root);
    let kept = listing::read(&place, &root).expect("the index kept a list that holds");
    assert_eq!(kept.pages, walk(&root));
    assert_eq!(kept.pages.len(), 8);
    // The same root named with a trailing separator: the names a walk of it gives.
    let slashed = PathBuf::from(format!("{}/", root.display()));
    let kept = listing::read(&place, &slashed).expect("holds");
    assert_eq!(kept.pages, walk(&slashed));
    // The running lines of both directories were kept with it.
    assert_eq!(kept.running.dirs().count(), 2);
    let opening = loader::open_with(
        std::slice::from_ref(&root),
        &LoadOptions::default(),
        &startup(&place),
    )
    .expect("opens");
    assert_eq!(opening.total, 8);
    assert_eq!(
        opening.docs[0].source,
        walk(&root)[0].name(),
        "the first page of the walk opens first"
    );
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn a_page_added_or_removed_after_the_list_was_kept_appears_or_disappears() {
    let (base, root) = archive("startup-changes");
    let place = place(&base, &root);
    let open = || {
        loader::open_with(
            std::slice::from_ref(&root),
            &LoadOptions::default(),
            &startup(&place),
        )
        .expect("opens")
    };
    assert!(listing::read(&place, &root).is_some());
    // A page added in the subdirectory: only that directory's time moves.
    let added = root.join("2020-05-07").join("第3版.md");
    std::fs::write(&added, page(3, "")).expect("page");
    assert!(
        listing::read(&place, &root).is_none(),
        "a stale list is refused"
    );
    let opening = open();
    assert_eq!(opening.total, 9);
    assert_eq!(opening.total, walk(&root).len());
    // The index's next update keeps the new list (once the directory has settled).
    age(&root.join("2020-05-07"), 60);
    let place = self::place(&base, &root);
    assert_eq!(
        listing::read(&place, &root).expect("kept").pages,
        walk(&root)
    );
    // A page removed from the root.
    std::fs::remove_file(root.join("2020-05-06_第1版.md")).expect("removed");
    assert!(listing::read(&place, &root).is_none());
    let opening = open();
    assert_eq!(opening.total, 8);
    assert!(opening.docs[0].source.ends_with("2020-05-06_第2版.md"));
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn a_directory_changed_just_now_is_not_trusted_by_its_time() {
    let (base, root) = archive("startup-racy");
    std::fs::write(root.join("2020-05-06_第12版.md"), page(12, "")).expect("page");
    let place = place(&base, &root);
    assert!(
        listing::read(&place, &root).is_none(),
        "a list of a directory changed within the last seconds is not kept"
    );
    assert_eq!(
        loader::open_with(
            std::slice::from_ref(&root),
            &LoadOptions::default(),
            &startup(&place)
        )
        .expect("opens")
        .total,
        9
    );
    let _ = std::fs::remove_dir_all(&base);
}

/// Every document the background load delivers, after the first.
fn load_rest(opening: loader::Opening) -> Vec<Document> {
    let mut docs = opening.docs;
    let Some(rest) = opening.rest else {
        return docs;
    };
    let (tx, rx) = mpsc::channel();
    rest.spawn(docs.len(), move |a| tx.send(a).is_ok());
    while let Ok(action) = rx.recv_timeout(Duration::from_secs(60)) {
        match action {
            Action::PagesLoaded(batch) => docs.extend(batch),
            Action::LoadFinished { .. } => break,
            _ => {}
        }
    }
    docs
}

fn furniture(doc: &Document) -> Vec<&str> {
    doc.furniture.iter().map(|b| doc.str(&b.span)).collect()
}

#[test]
fn running_lines_counted_after_the_first_frame_reach_every_page() {
    let base = scratch("startup-running");
    let root = base.join("papers");
    std::fs::create_dir_all(&root).expect("root");
    // Pages 4–9 carry one more header line: too few of the first three pages to be
    // counted in the sample, running across the whole directory.
    for n in 1..=9 {
        let extra = if n > 3 {
            format!("夜班编辑部 B{n}\n\n")
        } else {
            String::new()
        };
        std::fs::write(root.join(format!("第{n}版.md")), page(n, &extra)).expect("page");
    }
    let sample = Startup {
        listing: None,
        sample: 3,
        on_demand: None,
    };
    let opening = loader::open_with(
        std::slice::from_ref(&root),
        &LoadOptions::default(),
        &sample,
    )
    .expect("opens");
    // The first page's header and footer, from the sample of three pages.
    let first = &opening.docs[0];
    assert!(
        first.habits.contains(&"running-header"),
        "{:?}",
        first.habits
    );
    let f = furniture(first);
    assert!(f.contains(&"晨报 www.chenbao.example"), "{f:?}");
    assert!(f.contains(&"综合新闻 第1版"), "{f:?}");
    assert!(f.contains(&"责任编辑：周1"), "{f:?}");
    let docs = load_rest(opening);
    // The rest exactly as a load that counted every page first parses them.
    let everything = loader::load_everything(std::slice::from_ref(&root), &LoadOptions::default())
        .expect("loads");
    assert_eq!(docs.len(), 9);
    assert_eq!(docs, everything.docs);
    assert!(
        furniture(&docs[8]).contains(&"夜班编辑部 B9"),
        "{:?}",
        furniture(&docs[8])
    );
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn the_first_page_takes_the_running_lines_of_the_kept_list() {
    let (base, root) = archive("startup-kept-running");
    let place = place(&base, &root);
    // A sample of two pages could not tell the paper's name line (the same on every
    // page) from a repeated headline: the kept lines, counted over all, can.
    let kept = Startup {
        listing: Some(place),
        sample: 2,
        on_demand: None,
    };
    let opening = loader::open_with(std::slice::from_ref(&root), &LoadOptions::default(), &kept)
        .expect("opens");
    assert!(furniture(&opening.docs[0]).contains(&"晨报 www.chenbao.example"));
    let docs = load_rest(opening);
    let everything = loader::load_everything(std::slice::from_ref(&root), &LoadOptions::default())
        .expect("loads");
    assert_eq!(docs, everything.docs);
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn every_page_takes_the_running_lines_of_the_kept_list_without_a_recount() {
    let (base, root) = archive("startup-kept-all");
    let place = place(&base, &root);
    // Every page gains a header line after the list was kept, rewritten in place (the
    // directories keep their times, so the list still holds): a recount would find it
    // running across the pages; the kept lines do not have it.
    let sub = root.join("2020-05-07");
    for dir in [&root, &sub] {
        for entry in std::fs::read_dir(dir).expect("dir").flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "md") {
                let old = std::fs::read_to_string(&path).expect("page");
                std::fs::write(&path, format!("夜班编辑部 值班\n\n{old}")).expect("page");
            }
        }
    }
    assert!(
        listing::read(&place, &root).is_some(),
        "the list still holds"
    );
    let opening = loader::open_with(
        std::slice::from_ref(&root),
        &LoadOptions::default(),
        &startup(&place),
    )
    .expect("opens");
    let docs = load_rest(opening);
    assert_eq!(docs.len(), 8);
    let recounted = loader::load_everything(std::slice::from_ref(&root), &LoadOptions::default())
        .expect("loads");
    // A recount makes the new line furniture on every page …
    assert!(
        recounted
            .docs
            .iter()
            .all(|d| furniture(d).contains(&"夜班编辑部 值班")),
        "{:?}",
        furniture(&recounted.docs[5])
    );
    // … the pages after the first took the kept lines instead: the paper's name line is
    // furniture, the new line is not.
    for doc in &docs[1..] {
        let f = furniture(doc);
        assert!(f.contains(&"晨报 www.chenbao.example"), "{f:?}");
        assert!(!f.contains(&"夜班编辑部 值班"), "{f:?}");
    }
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn one_huge_file_opens_on_its_first_part() {
    let base = scratch("startup-huge");
    let path = base.join("whole-year.md");
    let mut text = String::new();
    let mut n = 0;
    while text.len() <= kanbao::stream::chunks::SPLIT_ABOVE + (1 << 20) {
        n += 1;
        text.push_str(&page(n, ""));
        text.push('\n');
    }
    std::fs::write(&path, &text).expect("written");
    let opening =
        loader::open(std::slice::from_ref(&path), &LoadOptions::default()).expect("opens");
    // Read in parts of about 1 MiB, as the dumps read it: the first one parsed now,
    // from the file's head; how many parts there are is known once the rest is read.
    let mut dump = kanbao::stream::open(
        std::slice::from_ref(&path),
        &LoadOptions::default(),
        kanbao::stream::StreamOptions::default(),
    )
    .expect("streams");
    let parts = dump.first.parts;
    assert!(parts > 8, "{parts} parts");
    assert_eq!(opening.docs.len(), 1);
    let first = &opening.docs[0];
    assert!(first.text.len() < 2 << 20);
    // Byte for byte the dump's first part; only its warning does not say "of N".
    assert_eq!(first.text, dump.first.doc.text);
    assert_eq!(
        first.warnings.last().map(String::as_str),
        Some("part 1 of a large input read in parts (from line 1)")
    );
    assert_eq!(
        dump.first.doc.warnings.last(),
        Some(&format!(
            "part 1 of {parts} of a large input read in parts (from line 1)"
        ))
    );
    let mut expected = dump.first.doc.clone();
    expected.warnings.clone_from(&first.warnings);
    assert_eq!(first, &expected);
    // The other parts, read and parsed in the background, are the dump's.
    let docs = load_rest(opening);
    let others: Vec<Document> = dump.rest.by_ref().map(|p| p.expect("part").doc).collect();
    assert_eq!(docs.len(), parts);
    assert_eq!(&docs[1..], others.as_slice());
    let _ = std::fs::remove_dir_all(&base);
}
