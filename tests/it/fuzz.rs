//! The whole pipeline on arbitrary input (issue 8, item 5): bytes → decode → sanitize →
//! parse → layout → the real `ui::draw` on a `TestBackend` of a random size, after a
//! few random actions. Nothing panics, no Chinese character is lost between the decoded
//! text and the dump, no laid-out line is wider than its pane, no cell holds a control.
//!
//! CI runs a bounded number of cases (`FUZZ_CASES` raises it); [`soak`] is the long run.

use kanbao::action::Action;
use kanbao::layout::{self, LayoutOptions};
use kanbao::state::{AppState, update};
use kanbao::{dump, input, ui};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

/// Pieces a converter's markdown (and a hostile page) is made of.
const PIECES: &[&str] = &[
    "\n",
    "\n\n",
    "# ",
    "## ",
    "### ",
    "- ",
    "> ",
    "| ",
    " | ",
    "|---|",
    "**",
    "`",
    "![](images/a.jpg)",
    "![图](b.png)",
    "<br>",
    "<br/>",
    "<table><tr><td>",
    "</td><td>",
    "</td></tr></table>",
    "<t",
    "d>",
    "![](",
    "](",
    "[",
    "]",
    "/",
    "\"",
    "<",
    ">",
    "<b 且",
    "&amp;",
    "&#12298;",
    "<!-- c -->",
    "本报讯 ",
    "本报记者 纪元",
    "（记者 张鑫）",
    "新华社北京10月15日电（记者 李四）",
    "第3版",
    "责任编辑：王五",
    "2020年10月20日 星期二",
    "孙鑫摄",
    "简讯",
    "「閱讀」",
    "平城区",
    "服务业",
    "发展",
    "。",
    "，",
    ",",
    "(",
    ")",
    "“",
    "”",
    "…",
    "——",
    "·",
    "　",
    " ",
    "\t",
    "\r\n",
    "\r",
    "\x1b[31m",
    "\x1b]0;t\x07",
    "\x1b]52;c;eA==\x07",
    "\u{9b}2J",
    "\u{7f}",
    "\u{202e}",
    "\u{200b}",
    "\u{fe0f}",
    "e\u{301}",
    "👍🏽",
    "👨‍👩‍👧",
    "\u{ff01}",
    "ｱ",
    "한국",
    "𠀀",
    "\u{fffd}",
    "a",
    "1",
    "https://x.y/z",
    // Converter habits (issue 11; FORMAT.md "What converters do to a page").
    "```markdown\n",
    "\n```",
    "<div style=\"text-align: center;\">",
    "</div>",
    "<img src=\"imgs/img_in_image_box_1_2_3_4.jpg\" alt=\"Image\" width=\"47%\" />",
    "<center>",
    "</center>",
    "<p align=center>",
    "</p>",
    "<span style=\"color:red\">",
    "</span>",
    "<html><body>",
    "<h2>",
    "$",
    "$$",
    "$+12.5\\%$",
    " $@$ ",
    " $^+$ ",
    "\\frac{a}{b}",
    "^{\\circ}",
    "\u{F06C} ",
    "\u{F0B7}",
    "｡",
    "､",
    "･",
    "（上接第一版）",
    "[上接第一版）",
    "（下转第3版）",
    "接第2版",
    "| --- | --- |",
    "本版编辑：张三 校对：李四 电话：010-12345678",
    "要闻·综合",
    "2 第 版 2020年5月6日星期三",
    "。陈雷报",
    "\n\n字\n\n",
    "春耕 备耕",
    "农 业",
    "（上接第一版】",
    "###### ",
    "# 积极行动\n\n# 保种保供\n\n",
    "文/图 本报记者 王五",
    "张三  李四  王五",
    "（本报记者赵六参与采写）",
    "本期统筹：钱七",
    "版式制作：赵六",
    "3 / 8 本报告仅供参考",
    "wang $@$ example.com",
    "新华社北京4月24日电",
    "——",
    // A page whose OCR dropped paragraph stops (`stops`).
    "就不得不引人深思\n\n追根溯源，",
    "都不是一帆风顺的\n\n# ",
];

fn markdownish() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(|p| p.as_bytes().to_vec()),
            1 => "[一-龥a-z0-9。，]{1,30}".prop_map(String::into_bytes),
        ],
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

fn raw_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600),
        // Mostly text with a few stray bytes: decodes as UTF-8 or a legacy encoding.
        (markdownish(), prop::collection::vec(any::<u8>(), 0..6)).prop_map(|(mut t, b)| {
            t.extend(b);
            t
        }),
    ]
}

fn actions() -> impl Strategy<Value = Vec<Action>> {
    let one = prop_oneof![
        Just(Action::MoveDown),
        Just(Action::MoveUp),
        Just(Action::ScrollPageDown),
        Just(Action::JumpToEnd),
        Just(Action::JumpToStart),
        Just(Action::NextArticle),
        Just(Action::PrevArticle),
        Just(Action::NextSubhead),
        Just(Action::SwitchFocus),
        Just(Action::ToggleSectionList),
        Just(Action::ToggleHelp),
        Just(Action::OpenSelection),
        Just(Action::WidenSectionList),
        Just(Action::NarrowSectionList),
        (1u16..=200, 1u16..=60).prop_map(|(width, height)| Action::ResizeScreen { width, height }),
    ];
    prop::collection::vec(one, 0..8)
}

/// Chinese characters of `source` missing from `shown` (as multisets).
fn missing_han(source: &str, shown: &str) -> Vec<char> {
    let is_han = |c: &char| matches!(c, '\u{3400}'..='\u{9fff}' | '\u{20000}'..='\u{2ffff}');
    let mut counts = std::collections::HashMap::new();
    for c in shown.chars().filter(is_han) {
        *counts.entry(c).or_insert(0usize) += 1;
    }
    source
        .chars()
        .filter(is_han)
        .filter(|c| match counts.get_mut(c) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

/// One case: the invariants of the module doc.
fn check(bytes: &[u8], size: (u16, u16), actions: Vec<Action>) -> Result<(), TestCaseError> {
    let Ok(doc) = input::document_from_bytes("fuzz.md", bytes, None) else {
        // Refused as not a page: that is a clean outcome.
        return Ok(());
    };
    let decoded = input::decode(bytes, None).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let width = size.0;
    let opts = LayoutOptions {
        width,
        ..LayoutOptions::default()
    };
    let docs = vec![doc];
    let text = dump::text(&docs, &opts);
    let lost = missing_han(&decoded.text, &text);
    prop_assert!(lost.is_empty(), "lost {:?} at width {}", lost, width);
    for line in layout::lay_out(&docs[0], &opts).lines {
        let shown = layout::plain_text(&docs[0], &line);
        let w = ui::sanitize(&shown).width();
        // A character wider than the pane (a Chinese one at width 1) cannot fit.
        let widest = unicode_segmentation::UnicodeSegmentation::graphemes(shown.as_str(), true)
            .map(UnicodeWidthStr::width)
            .max()
            .unwrap_or(0);
        prop_assert!(
            w <= usize::from(width).max(widest),
            "{:?} ({} cols) at width {}",
            shown,
            w,
            width
        );
    }
    prop_assert!(
        !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    );

    let mut state = AppState::new(docs, LayoutOptions::default(), size.0, size.1);
    for action in std::iter::once(Action::ResizeScreen {
        width: size.0,
        height: size.1,
    })
    .chain(actions)
    {
        update(&mut state, action);
        let (w, h) = state.size;
        let mut terminal = Terminal::new(TestBackend::new(w, h))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        terminal
            .draw(|f| ui::draw(f, &state))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let buf = terminal.backend().buffer();
        for cell in &buf.content {
            prop_assert!(
                !cell.symbol().chars().any(char::is_control),
                "control in cell {:?}",
                cell.symbol()
            );
        }
        for y in 0..h {
            // Walk the row as a terminal would: a wide cell covers the next one.
            let mut x = 0;
            while x < w {
                let cw = buf[(x, y)].symbol().width().max(1) as u16;
                prop_assert!(x + cw <= w, "row {} overflows at column {} on {}", y, x, w);
                x += cw;
            }
        }
    }
    Ok(())
}

fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn run(cases: u32, input: impl Strategy<Value = Vec<u8>>) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (input, 1u16..=200, 1u16..=60, actions());
    let result = runner.run(&strategy, |(bytes, w, h, acts)| check(&bytes, (w, h), acts));
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn markdownish_pages_through_the_whole_pipeline() {
    run(cases(96), markdownish());
}

#[test]
fn arbitrary_bytes_through_the_whole_pipeline() {
    run(cases(64), raw_bytes());
}

#[test]
fn fixtures_at_every_small_size() {
    for name in [
        "escapes.md",
        "html.md",
        "briefs.md",
        "big5.md",
        "furniture.md",
    ] {
        let bytes = std::fs::read(crate::input::fixture(name)).unwrap();
        for (w, h) in [(1, 1), (2, 3), (3, 2), (7, 5), (17, 9), (33, 12)] {
            check(
                &bytes,
                (w, h),
                vec![Action::JumpToEnd, Action::SwitchFocus, Action::MoveDown],
            )
            .unwrap_or_else(|e| panic!("{name} at {w}x{h}: {e}"));
        }
    }
}

/// The long run, `FUZZ_MINUTES` long (default 10), a fresh random seed every 1000
/// cases: `FUZZ_MINUTES=10 cargo test --test it fuzz::soak -- --ignored --nocapture`.
#[test]
#[ignore = "long soak; run by hand"]
fn soak() {
    let minutes: u64 = std::env::var("FUZZ_MINUTES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let start = std::time::Instant::now();
    let mut total = 0;
    while start.elapsed() < std::time::Duration::from_secs(minutes * 60) {
        run(1000, markdownish());
        run(1000, raw_bytes());
        total += 2000;
    }
    eprintln!("soak: {total} cases in {:?}, no failure", start.elapsed());
}
