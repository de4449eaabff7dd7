//! Pages on demand end to end (issue 17, point 2): the real binary in a pty on an
//! archive of 520 small pages with its index built by `kanbao index`, so that the
//! reader holds stubs and parses pages as they are shown. The end, a search hit on a
//! page never shown and the start come up with their text, and the status line's
//! percentage counts the whole archive (the first half's pages are ten times longer
//! than the second half's: a percentage counted in the bytes held, where stubs are
//! all about as long, would say half way at page 300).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime};

use crate::home::Home;
use crate::pty::{Launch, Pty, status_row};

/// At least the page count from which a directory with an index is read on demand.
const PAGES: usize = 520;
/// The page with the one story about a snow leopard.
const RARE: usize = 300;

/// Page `n`: two stories, long on the first half's pages, short on the rest.
fn page(n: usize) -> String {
    let paragraphs = if n <= PAGES / 2 { 10 } else { 1 };
    let body = |topic: &str| {
        (0..paragraphs)
            .map(|i| format!("{topic}第{i}段，居民们在社区里交流生活中的变化，日子越过越好了。"))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let mut text = format!(
        "## 春耕时节农机忙\n\n{}\n\n## 城市更新见成效\n\n{}\n",
        body("春耕"),
        body("城市")
    );
    if n == RARE {
        text.push_str("\n## 雪豹现身保护区\n\n保护区的红外相机拍到了雪豹。\n");
    }
    if n == PAGES {
        text.push_str("\n## 年终特刊回顾全年\n\n这一年里发生了许多事情。\n");
    }
    text
}

/// The archive, its directory's time a minute back (a page list is kept only for a
/// directory that did not change just now), indexed by `kanbao index` in `home`.
fn archive(home: &Home) -> std::path::PathBuf {
    let root = home.dir.join("papers");
    std::fs::create_dir_all(&root).expect("dir");
    for n in 1..=PAGES {
        std::fs::write(root.join(format!("p{n:04}.md")), page(n)).expect("page");
    }
    let then = SystemTime::now() - Duration::from_secs(60);
    std::fs::File::open(&root)
        .and_then(|f| f.set_modified(then))
        .expect("a directory's time can be set");
    index(home, &root);
    root
}

fn index(home: &Home, root: &Path) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kanbao"));
    home.apply(&mut cmd);
    let out = cmd
        .args(["index", "-q"])
        .arg(root)
        .output()
        .expect("kanbao index runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The percentage the status row shows.
fn percent(screen: &vt100::Screen) -> Option<u32> {
    let row = status_row(screen);
    let (before, _) = row.split_once('%')?;
    before
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

fn page_is(n: usize) -> impl Fn(&vt100::Screen) -> bool {
    let label = format!("page {n}/{PAGES}");
    move |s| status_row(s).contains(&label)
}

#[test]
fn an_indexed_archive_is_read_on_demand_to_the_end_a_hit_and_back() {
    let home = Home::new();
    let root = archive(&home);
    let dir = root.to_string_lossy().into_owned();
    let mut p = Pty::start(&Launch {
        args: &[&dir, "--keywords", "0"],
        cols: 100,
        rows: 30,
        home: Some(&home),
        ..Launch::default()
    });
    p.wait_for("the first page", page_is(1));
    assert_eq!(percent(p.parser.screen()), Some(0));

    // `G` while pages still load goes to the last one loaded: again until the end.
    let start = std::time::Instant::now();
    while !page_is(PAGES)(p.parser.screen()) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "never reached the end"
        );
        p.send("G");
        p.screen_after(Duration::from_millis(300));
    }
    p.wait_for("its text", |s| {
        s.contents().contains("这一年里发生了许多事情")
    });
    assert_eq!(percent(p.parser.screen()), Some(100));

    // A hit on a page never shown: opened at its story, with its text.
    p.send("gg/雪豹\r");
    p.wait_for("the hit's page", page_is(RARE));
    p.wait_for("the hit's text", |s| {
        s.contents().contains("红外相机拍到了")
    });
    let at = percent(p.parser.screen()).expect("a percentage");
    // 260 long pages and 39 short ones before it, of 260 long and 260 short.
    assert!(
        (85..100).contains(&at),
        "{at}%: {}",
        status_row(p.parser.screen())
    );

    p.send("gg");
    p.wait_for("the first page again", page_is(1));
    p.wait_for("its text", |s| s.contents().contains("春耕第0段"));
    assert_eq!(p.quit(), 0);
}
