//! Interactions as (document, keys, expected state) triples, driven through the keymap
//! and `update` without a terminal and without sleeps (GUIDE habit 10).

use kanbao::action::Action;
use kanbao::document::{Article, Block, BlockKind, Document, Span};
use kanbao::keymap::{self, Key};
use kanbao::layout::LayoutOptions;
use kanbao::state::{AppState, Effect, EntryKind, Focus, Pos, update};

/// An article for [`make_doc`]: kicker, title and body blocks.
pub struct Spec<'a> {
    pub kicker: Option<&'a str>,
    pub title: Option<&'a str>,
    pub blocks: Vec<(BlockKind, &'a str)>,
}

/// A document built by hand, so these tests do not depend on the parser's guesses.
pub fn make_doc(name: &str, specs: &[Spec<'_>]) -> Document {
    let mut doc = Document {
        source: name.to_string(),
        encoding: "UTF-8".into(),
        ..Document::default()
    };
    let push = |doc: &mut Document, s: &str| {
        let start = doc.text.len();
        doc.text.push_str(s);
        let span = Span {
            range: start..doc.text.len(),
            line: 1,
        };
        doc.text.push('\n');
        span
    };
    for spec in specs {
        let kicker = spec.kicker.map(|k| push(&mut doc, k));
        let title = spec.title.map(|t| push(&mut doc, t));
        let mut article = Article {
            kicker,
            title,
            ..Article::default()
        };
        for (kind, text) in &spec.blocks {
            let span = push(&mut doc, text);
            article.blocks.push(Block { kind: *kind, span });
        }
        doc.articles.push(article);
    }
    doc
}

const PARA: &str = "平城区不断扩大总量规模，进一步释放服务业发展活力。为完善现代商贸市场体系，该区结合棚户区改造及新建社区，加大了社区连锁生鲜超市、便利店等终端的社区覆盖率，并完善了各大商圈基础设施，引导商贸业回流、升级、集聚发展。";

/// Four articles: headless, kicker+title, title with two subheads, title.
pub fn test_doc(name: &str) -> Document {
    use BlockKind::{Paragraph, Subhead};
    make_doc(
        name,
        &[
            Spec {
                kicker: None,
                title: None,
                blocks: vec![(Paragraph, PARA)],
            },
            Spec {
                kicker: Some("依托“六新”“六最”"),
                title: Some("平城区全力打造现代服务业高质量发展新引擎"),
                blocks: vec![(Paragraph, PARA), (Paragraph, PARA)],
            },
            Spec {
                kicker: Some("开源街民和社区"),
                title: Some("党建引领促发展 服务先行惠民生"),
                blocks: vec![
                    (Paragraph, PARA),
                    (Subhead, "党建引领 资源融合"),
                    (Paragraph, PARA),
                    (Subhead, "“民情图”架起沟通桥梁"),
                    (Paragraph, PARA),
                ],
            },
            Spec {
                kicker: None,
                title: Some("用行动诠释爱的力量"),
                blocks: vec![(Paragraph, PARA)],
            },
        ],
    )
}

/// Keys written as in vim docs: plain characters, `<C-d>`, `<Tab>`, `<Enter>`, `<Esc>`,
/// `<Down>`, `<Up>`, `<Left>`, `<Right>`, `<PgDn>`, `<PgUp>`, `<Home>`, `<End>`, `<BS>`,
/// `<Del>`.
pub fn keys(spec: &str) -> Vec<Key> {
    let mut out = Vec::new();
    let mut rest = spec;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            let name = &rest[1..end];
            let key = match name {
                "Tab" => Some(Key::Tab),
                "Enter" => Some(Key::Enter),
                "Esc" => Some(Key::Esc),
                "Down" => Some(Key::Down),
                "Up" => Some(Key::Up),
                "Left" => Some(Key::Left),
                "Right" => Some(Key::Right),
                "BS" => Some(Key::Backspace),
                "Del" => Some(Key::Delete),
                "PgDn" => Some(Key::PageDown),
                "PgUp" => Some(Key::PageUp),
                "Home" => Some(Key::Home),
                "End" => Some(Key::End),
                n if n.starts_with("C-") => n.chars().nth(2).map(Key::Ctrl),
                _ => None,
            };
            if let Some(key) = key {
                out.push(key);
                rest = &rest[end + 1..];
                continue;
            }
        }
        out.push(Key::Char(c));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Presses `spec` on `state` as the reader would: each key in the key table of the
/// moment (typed into the prompt or the command line while one is open); returns every
/// effect asked for.
pub fn press(state: &mut AppState, spec: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in keys(spec) {
        if let Some(action) = keymap::action_in(state.key_mode(), key) {
            effects.extend(update(state, action));
        }
    }
    effects
}

pub fn state_on(docs: Vec<Document>, width: u16, height: u16) -> AppState {
    AppState::new(docs, LayoutOptions::default(), width, height)
}

fn top_block_kind(s: &AppState) -> Option<BlockKind> {
    let unit = s.current_unit()?;
    let line = s.reader.cached(s.reader.top.unit)?.get(s.reader.top.line)?;
    let block = line.block?;
    Some(s.docs[unit.doc].articles[unit.article].blocks[block].kind)
}

#[test]
fn line_page_and_half_page_moves() {
    let cases: &[(&str, Pos)] = &[
        ("j", Pos { unit: 0, line: 1 }),
        ("5j", Pos { unit: 0, line: 5 }),
        ("5j2k", Pos { unit: 0, line: 3 }),
        ("k", Pos { unit: 0, line: 0 }),
        ("<Down><Down><Up>", Pos { unit: 0, line: 1 }),
    ];
    for (spec, want) in cases {
        let mut s = state_on(vec![test_doc("t")], 30, 12);
        press(&mut s, spec);
        assert_eq!(s.reader.top, *want, "keys {spec}");
    }
    let mut a = state_on(vec![test_doc("t")], 30, 12);
    let mut b = state_on(vec![test_doc("t")], 30, 12);
    press(&mut a, " ");
    press(&mut b, "<C-d><C-d>");
    let page_lines = |s: &AppState| s.reader.top;
    assert!(page_lines(&a) > Pos::default());
    assert!(
        page_lines(&b) >= page_lines(&a),
        "two half pages reach at least a page"
    );
    press(&mut a, "b");
    assert_eq!(a.reader.top, Pos::default());
}

#[test]
fn article_keys_put_the_headline_at_the_top() {
    let cases: &[(&str, usize)] = &[
        ("]", 1),
        ("3]", 3),
        ("]]", 2),
        ("3][", 2),
        ("9]", 0),
        ("2G", 1),
    ];
    for (spec, unit) in cases {
        let mut s = state_on(vec![test_doc("t")], 80, 24);
        press(&mut s, spec);
        assert_eq!(
            s.reader.top,
            Pos {
                unit: *unit,
                line: 0
            },
            "keys {spec}"
        );
    }
    // `[` inside an article first goes back to its own headline.
    let mut s = state_on(vec![test_doc("t")], 80, 24);
    press(&mut s, "2]3j[");
    assert_eq!(s.reader.top, Pos { unit: 2, line: 0 });
}

#[test]
fn subhead_keys_visit_each_subhead_in_order() {
    let mut s = state_on(vec![test_doc("t")], 80, 24);
    press(&mut s, "}");
    assert_eq!(s.reader.top.unit, 2);
    assert_eq!(top_block_kind(&s), Some(BlockKind::Subhead));
    let first = s.reader.top;
    press(&mut s, "}");
    assert!(s.reader.top > first);
    assert_eq!(top_block_kind(&s), Some(BlockKind::Subhead));
    press(&mut s, "{");
    assert_eq!(s.reader.top, first);
    let mut s = state_on(vec![test_doc("t")], 80, 24);
    press(&mut s, "2}");
    assert!(s.reader.top > first);
}

#[test]
fn g_and_end_reach_both_ends_and_the_percentage_follows() {
    let mut s = state_on(vec![test_doc("t")], 30, 10);
    assert_eq!(s.percent, 0);
    press(&mut s, "G");
    assert_eq!(s.percent, 100);
    let end = s.reader.top;
    press(&mut s, "j");
    assert_eq!(s.reader.top, end, "no scrolling past the last full screen");
    press(&mut s, "g");
    assert_eq!(s.reader.top, Pos::default());
    press(&mut s, "<End>k");
    assert!(s.reader.top < end && s.percent < 100);
}

#[test]
fn the_list_follows_reading_and_opens_entries() {
    let mut s = state_on(vec![test_doc("t")], 100, 30);
    press(&mut s, "2]");
    let reading = s.list.reading.expect("an entry is marked");
    assert_eq!(
        s.list.entries[reading].kind(),
        EntryKind::Article { unit: 2 }
    );
    press(&mut s, "<Tab>");
    assert_eq!(s.focus, Focus::List);
    press(&mut s, "j");
    assert!(matches!(
        s.list.entries[s.list.selected].kind(),
        EntryKind::Subhead { unit: 2, .. }
    ));
    assert_eq!(
        top_block_kind(&s),
        Some(BlockKind::Subhead),
        "the pane previews the entry"
    );
    press(&mut s, "<Enter>");
    assert_eq!(s.focus, Focus::Pane);
    assert_eq!(s.list.reading, Some(s.list.selected));
}

#[test]
fn article_keys_in_the_list_move_the_cursor_with_the_reading() {
    let mut s = state_on(vec![test_doc("t")], 100, 30);
    press(&mut s, "<Tab>]]");
    assert_eq!(s.focus, Focus::List);
    assert_eq!(
        s.list.entries[s.list.selected].kind(),
        EntryKind::Article { unit: 2 }
    );
}

#[test]
fn every_article_is_reachable_with_its_number_from_the_list() {
    let mut s = state_on(vec![test_doc("t")], 100, 30);
    for i in 0..s.docs[0].articles.len() {
        press(&mut s, &format!("<Tab>{}G<Enter>", i + 1));
        let unit = s.reader.unit_of(0, i).expect("a unit");
        let entry = s
            .list
            .entries
            .iter()
            .position(|e| e.kind() == EntryKind::Article { unit });
        assert_eq!(s.list.reading, entry, "article {}", i + 1);
        assert_eq!(s.focus, Focus::Pane);
    }
}

#[test]
fn several_documents_form_page_groups() {
    let mut s = state_on(vec![test_doc("a.md"), test_doc("b.md")], 100, 30);
    assert!(matches!(
        s.list.entries[0].kind(),
        EntryKind::Page { doc: 0 }
    ));
    press(&mut s, "J");
    assert_eq!(s.current_unit().map(|u| u.doc), Some(1));
    assert_eq!(s.reader.top.line, 0);
    press(&mut s, "K");
    assert_eq!(s.reader.top, Pos::default());
    press(&mut s, "G");
    assert_eq!(
        s.current_unit().map(|u| u.doc),
        Some(1),
        "reading runs on across pages"
    );
}

#[test]
fn resizing_keeps_the_top_text_at_the_top() {
    for (w1, w2) in [(100, 40), (40, 120), (80, 17), (17, 200), (60, 1)] {
        let mut s = state_on(vec![test_doc("t")], w1, 20);
        press(&mut s, "2]6j");
        let line = s.reader.cached(s.reader.top.unit).unwrap()[s.reader.top.line].clone();
        let byte = line.range.start;
        update(
            &mut s,
            Action::ResizeScreen {
                width: w2,
                height: 20,
            },
        );
        let top = s.reader.cached(s.reader.top.unit).unwrap()[s.reader.top.line].clone();
        assert_eq!(s.reader.top.unit, 2, "{w1}->{w2}");
        assert!(
            top.range.contains(&byte) || top.range.start == byte,
            "{w1}->{w2}: byte {byte} not on the top line {:?}",
            top.range
        );
    }
}

#[test]
fn every_size_down_to_one_cell_survives() {
    let mut s = state_on(vec![test_doc("t")], 80, 24);
    press(&mut s, "2]");
    for (w, h) in [(1, 1), (0, 0), (5, 2), (59, 3), (60, 24), (300, 100)] {
        update(
            &mut s,
            Action::ResizeScreen {
                width: w,
                height: h,
            },
        );
        press(&mut s, "j<Tab>j<Enter>G");
    }
}

#[test]
fn quit_help_and_escape() {
    let mut s = state_on(vec![test_doc("t")], 80, 24);
    assert!(press(&mut s, "q").contains(&Effect::Quit));
    assert!(press(&mut s, "<C-c>").contains(&Effect::Quit));
    press(&mut s, "?");
    assert!(s.help.is_some());
    assert!(!press(&mut s, "<Esc>").contains(&Effect::Quit));
    assert!(s.help.is_none());
    assert!(
        !press(&mut s, "<Esc>").contains(&Effect::Quit),
        "Esc never quits"
    );
    assert!(press(&mut s, "ZZ").contains(&Effect::Quit));
    assert!(press(&mut s, "<C-z>").contains(&Effect::Suspend));
}

#[test]
fn nothing_changed_means_no_redraw() {
    let mut s = state_on(vec![test_doc("t")], 80, 24);
    assert!(!press(&mut s, "k").contains(&Effect::Redraw));
    assert!(press(&mut s, "j").contains(&Effect::Redraw));
}

#[test]
fn narrow_screens_show_the_list_as_an_overlay_on_demand() {
    let mut s = state_on(vec![test_doc("t")], 40, 20);
    assert!(s.geometry().list.is_none());
    press(&mut s, "<Tab>");
    assert!(s.geometry().list_overlay && s.geometry().list.is_some());
    press(&mut s, "jj<Enter>");
    assert!(s.geometry().list.is_none());
    assert_eq!(s.reader.top, Pos { unit: 2, line: 0 });
}

#[test]
fn list_hides_and_resizes() {
    let mut s = state_on(vec![test_doc("t")], 100, 30);
    let w = s.geometry().list.unwrap().width;
    press(&mut s, ">");
    assert_eq!(s.geometry().list.unwrap().width, w + 4);
    press(&mut s, "<<");
    assert_eq!(s.geometry().list.unwrap().width, w - 4);
    press(&mut s, "t");
    assert!(s.geometry().list.is_none());
    assert!(s.geometry().pane.width == 100);
}

#[test]
fn mouse_wheel_and_click() {
    let mut s = state_on(vec![test_doc("t")], 100, 30);
    let pane = s.geometry().pane;
    update(
        &mut s,
        Action::ScrollAt {
            column: pane.x + 5,
            row: 3,
            down: true,
        },
    );
    assert_eq!(s.reader.top, Pos { unit: 0, line: 3 });
    // The third article's first row: after the rows the first two wrap onto.
    let row: u16 = s.list.entries[..2].iter().map(|e| e.rows).sum();
    update(&mut s, Action::ClickAt { column: 2, row });
    assert_eq!(s.reader.top, Pos { unit: 2, line: 0 });
}

#[test]
fn the_fourth_sample_article_is_reached_with_three_brackets() {
    let doc = kanbao::document::parse("sample.md", kanbao::input::SAMPLE);
    let index = (0..doc.articles.len())
        .find(|&i| doc.article_label(i).starts_with("党建引领促发展"))
        .expect("the sample has this headline");
    let mut s = state_on(vec![doc], 100, 30);
    press(&mut s, &format!("{index}]"));
    assert_eq!(
        s.reader.top,
        Pos {
            unit: index,
            line: 0
        }
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    const KEYS: &[&str] = &[
        "j", "k", " ", "b", "<C-d>", "<C-u>", "g", "G", "]", "[", "}", "{", "J", "K", "<Tab>",
        "<Enter>", "t", "<", ">", "?", "<Esc>", "3", "12",
    ];

    fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            8 => (0..KEYS.len()).prop_map(|i| keymap::action_for(keys(KEYS[i])[0]).unwrap_or(Action::MoveDown)),
            1 => (0u16..130, 0u16..50).prop_map(|(width, height)| Action::ResizeScreen { width, height }),
            1 => (0u16..130, 0u16..50, any::<bool>()).prop_map(|(column, row, down)| Action::ScrollAt { column, row, down }),
            1 => (0u16..130, 0u16..50).prop_map(|(column, row)| Action::ClickAt { column, row }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_sequence_keeps_the_position_on_a_real_line(
            actions in proptest::collection::vec(action(), 1..40),
            two_docs in any::<bool>(),
        ) {
            let docs = if two_docs { vec![test_doc("a"), test_doc("b")] } else { vec![test_doc("a")] };
            let mut s = state_on(docs, 80, 24);
            for action in actions {
                update(&mut s, action);
                let top = s.reader.top;
                prop_assert!(top.unit < s.reader.units.len());
                let lines = s.reader.cached(top.unit).expect("top unit laid out");
                prop_assert!(top.line < lines.len());
                prop_assert!(s.list.selected < s.list.entries.len());
                let g = s.geometry();
                let visible = s.reader.visible(g.text.height);
                prop_assert!(visible.len() <= usize::from(g.text.height));
                prop_assert!(visible.iter().all(|(_, l)| l.width <= g.text.width.max(1) || g.too_small));
            }
        }
    }
}
