//! Times what one key costs: `update` plus drawing the whole screen into ratatui's
//! `TestBackend`, on a 5,000-page generated corpus and on pathological pages (a 20 MB
//! line, a 5 MB paragraph, 100,000 one-line articles). Run it by hand in release:
//!
//! ```text
//! cargo run --release --example frame_times [-- --pages 5000] [--open DIR]
//! ```
//!
//! With `--open DIR` it first times what happens before the first frame on a real
//! directory: discovering the pages and parsing the first one.
//!
//! It prints, per action, the median and worst of several runs; the budget is one
//! frame (16 ms). Timings are not asserted anywhere: this is a measuring tool.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use kanbao::action::Action;
use kanbao::document::Document;
use kanbao::layout::LayoutOptions;
use kanbao::state::{AppState, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Runs of each action (the median is printed, with the worst).
const RUNS: usize = 9;

struct Bench {
    terminal: Terminal<TestBackend>,
    state: AppState,
}

impl Bench {
    fn new(docs: Vec<Document>, size: (u16, u16)) -> (Self, Duration) {
        let start = Instant::now();
        let opts = LayoutOptions {
            width: size.0,
            ..LayoutOptions::default()
        };
        let state = AppState::new(docs, opts, size.0, size.1);
        let mut bench = Self {
            terminal: Terminal::new(TestBackend::new(size.0, size.1)).unwrap(),
            state,
        };
        bench.draw();
        (bench, start.elapsed())
    }

    fn draw(&mut self) {
        let state = &self.state;
        self.terminal.draw(|f| kanbao::ui::draw(f, state)).unwrap();
    }

    /// Applies `actions` (after `setup`, untimed) and draws, `RUNS` times.
    fn time(&mut self, name: &str, setup: &[Action], actions: &[Action]) {
        let mut times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            for a in setup {
                update(&mut self.state, a.clone());
            }
            self.draw();
            let start = Instant::now();
            for a in actions {
                update(&mut self.state, a.clone());
            }
            self.draw();
            times.push(start.elapsed());
        }
        times.sort();
        let median = times[RUNS / 2];
        let worst = times[RUNS - 1];
        let flag = if worst > Duration::from_millis(16) {
            "  OVER 16 ms"
        } else {
            ""
        };
        println!(
            "  {name:<44} median {:>8.3} ms  worst {:>8.3} ms{flag}",
            ms(median),
            ms(worst)
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn resize(width: u16, height: u16) -> Action {
    Action::ResizeScreen { width, height }
}

/// The keys every corpus is timed with.
fn common(b: &mut Bench) {
    let (w, h) = b.state.size;
    b.time("j (one line down)", &[], &[Action::MoveDown]);
    b.time("space (page down)", &[], &[Action::ScrollPageDown]);
    b.time(
        "G (to the end)",
        &[Action::JumpToStart],
        &[Action::JumpToEnd],
    );
    b.time(
        "gg (back to the start)",
        &[Action::JumpToEnd],
        &[Action::JumpToStart],
    );
    b.time("k at the end", &[Action::JumpToEnd], &[Action::MoveUp]);
    b.time("] next article", &[], &[Action::NextArticle]);
    b.time(
        "resize at the end (20 columns narrower)",
        &[resize(w, h), Action::JumpToEnd],
        &[resize(w - 20, h)],
    );
    b.time(
        "resize in the middle (20 narrower)",
        &[
            resize(w, h),
            Action::JumpToStart,
            Action::ScrollHalfPageDown,
        ],
        &[resize(w - 20, h)],
    );
    b.state.size = (w, h);
    update(&mut b.state, resize(w, h));
}

fn corpus(pages: usize) {
    let start = Instant::now();
    let docs: Vec<Document> = (0..pages)
        .map(|i| kanbao::document::parse(&format!("p{i}.md"), &kanbao_corpus::generate_page(1, i)))
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    println!(
        "corpus: {pages} pages, {:.1} MB, generated and parsed in {:.2} s",
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    let (mut b, first) = Bench::new(docs, (100, 30));
    println!(
        "  {:<44} {:>8.3} ms",
        "AppState::new + first draw",
        ms(first)
    );
    common(&mut b);
    let entries = b.state.list.entries.len();
    b.time(
        "list: jump to entry N/2 (focus list, NG)",
        &[Action::FocusSectionList, Action::JumpToStart],
        &digits(entries / 2)
            .into_iter()
            .chain([Action::JumpToStart])
            .collect::<Vec<_>>(),
    );
    b.time(
        "list: G to the last entry",
        &[Action::FocusSectionList, Action::JumpToStart],
        &[Action::JumpToEnd],
    );
    b.time(
        "list: enter on the selection",
        &[Action::FocusSectionList, Action::MoveDown],
        &[Action::OpenSelection],
    );
    b.time("5000] (article 5000 ahead)", &[Action::JumpToStart], &{
        let mut keys = digits(5000);
        keys.push(Action::NextArticle);
        keys
    });
}

fn digits(n: usize) -> Vec<Action> {
    n.to_string()
        .bytes()
        .map(|d| Action::TypeCountDigit(d - b'0'))
        .collect()
}

fn pathological(name: &str, text: &str) {
    let start = Instant::now();
    let doc = kanbao::document::parse(name, text);
    let parse = start.elapsed();
    println!(
        "{name}: {:.1} MB, {} articles, parsed in {:.1} ms",
        text.len() as f64 / 1e6,
        doc.articles.len(),
        ms(parse)
    );
    let (mut b, first) = Bench::new(vec![doc], (100, 30));
    println!(
        "  {:<44} {:>8.3} ms",
        "AppState::new + first draw",
        ms(first)
    );
    common(&mut b);
}

/// What `kanbao DIR` starts with: the list of pages its index kept, if there is one.
fn startup(dir: &std::path::Path) -> kanbao::loader::Startup {
    kanbao::loader::Startup {
        listing: kanbao::index::Archive::locate(dir)
            .ok()
            .map(|a| a.listing()),
        ..kanbao::loader::Startup::default()
    }
}

/// Times discovery and the first page of a directory, as `kanbao DIR` does them.
fn open(dir: &std::path::Path) {
    for _ in 0..3 {
        let start = Instant::now();
        let mut names: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        let listed = start.elapsed();
        names.sort_by(|a, b| kanbao::input::sources::natural_cmp_paths(a, b));
        println!(
            "read_dir {:.1} ms, natural sort {:.1} ms",
            ms(listed),
            ms(start.elapsed().saturating_sub(listed))
        );
        let start = Instant::now();
        let pages = kanbao::input::discover(&[dir.to_path_buf()]).map_or(0, |p| p.len());
        let discover = start.elapsed();
        let found = kanbao::input::discover(&[dir.to_path_buf()]).unwrap_or_default();
        let start = Instant::now();
        let running = kanbao::input::running::scan(&found, None);
        println!(
            "running-header pre-pass over {} pages: {:.1} ms ({} directories with running lines)",
            found.len(),
            ms(start.elapsed()),
            usize::from(!running.is_empty())
        );
        let startup = startup(dir);
        if let Some(place) = &startup.listing {
            let start = Instant::now();
            let kept = kanbao::input::listing::read(place, dir).map_or(0, |l| l.pages.len());
            println!(
                "the index's kept list: {kept} pages read in {:.1} ms",
                ms(start.elapsed())
            );
        }
        let start = Instant::now();
        let opening = kanbao::loader::open_with(
            &[dir.to_path_buf()],
            &kanbao::input::LoadOptions::default(),
            &startup,
        );
        let open = start.elapsed();
        println!(
            "open {}: discover {pages} pages {:.1} ms; loader::open_with (the index's list if kept) + first page {:.1} ms ({} parsed)",
            dir.display(),
            ms(discover),
            ms(open),
            opening.map_or(0, |o| o.docs.len())
        );
    }
}

fn main() {
    let mut pages = 5000;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--pages" {
            pages = args.next().and_then(|v| v.parse().ok()).unwrap_or(pages);
        } else if arg == "--open" {
            let dir = std::path::PathBuf::from(args.next().unwrap_or_default());
            open(&dir);
        }
    }
    corpus(pages);
    let sentence = "新华社北京电 记者报道，今年以来全市经济运行稳中有进，各项指标持续向好。";
    let line = sentence.repeat((20 << 20) / sentence.len());
    pathological("20 MB single line", &line);
    let para = format!(
        "## 标题\n\n{}\n",
        sentence.repeat((5 << 20) / sentence.len())
    );
    pathological("5 MB paragraph", &para);
    let body = "本报讯 全市经济运行稳中有进，各项指标持续向好，市场主体活力不断增强。";
    let many = (0..100_000).fold(String::new(), |mut out, i| {
        let _ = write!(out, "## 第{i}条新闻标题\n\n{body}\n\n");
        out
    });
    pathological("100,000 one-line articles", &many);
}
