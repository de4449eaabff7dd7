//! The reader drawn on a `TestBackend`: snapshots at fixed sizes, styles read from cells.
//!
//! The sample snapshots change whenever the parser or layout does; the style checks use
//! a hand-built document and look for text anywhere in the rows, so they do not.

use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use crate::interactions::{press, state_on, test_doc};
use crate::support::{find_in, render, row_text, sample};

/// The first cell (x, y) where `needle` starts, searching rows `rows`.
fn find(buf: &Buffer, needle: &str, rows: std::ops::Range<u16>) -> Option<(u16, u16)> {
    find_in(buf, needle, rows).into_iter().next()
}

#[test]
fn sample_at_80x24() {
    insta::assert_snapshot!(render(&sample(80, 24)).backend());
}

#[test]
fn sample_at_120x40_after_three_articles() {
    let mut s = sample(120, 40);
    press(&mut s, "3]");
    let t = render(&s);
    let buf = t.backend().buffer();
    let pane_x = s.geometry().pane.x;
    let (x, y) = find_in(buf, "党建引领促发展", 0..4)
        .into_iter()
        .find(|p| p.0 >= pane_x)
        .expect("the fourth article's headline at the top of the pane");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    insta::assert_snapshot!(t.backend());
}

#[test]
fn sample_at_40x20_with_the_list_overlay() {
    let mut s = sample(40, 20);
    press(&mut s, "<Tab>j");
    insta::assert_snapshot!(render(&s).backend());
}

#[test]
fn help_overlay_lists_the_keymap() {
    let mut s = sample(80, 60);
    press(&mut s, "?");
    let t = render(&s);
    let buf = t.backend().buffer();
    for (keys, _) in kanbao::keymap::help_lines() {
        assert!(find(buf, &keys, 0..60).is_some(), "help lacks {keys}");
    }
}

#[test]
fn headline_bold_kicker_dim_selection_marked() {
    let mut s = state_on(vec![test_doc("t")], 100, 30);
    press(&mut s, "2]");
    let t = render(&s);
    let buf = t.backend().buffer();
    let pane_x = s.geometry().pane.x;
    let (x, y) = find(buf, "党建引领促发展", 0..4).expect("headline near the top");
    assert!(x >= pane_x, "headline in the pane");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::BOLD),
        "headline bold"
    );
    let (kx, ky) = find(buf, "开源街民和社区", 0..4).expect("kicker above it");
    assert!(kx >= pane_x && ky < y);
    assert!(
        buf[(kx, ky)].modifier.contains(Modifier::DIM),
        "kicker dim in the pane"
    );
    // The list: kicker dimmed with the headline, the article being read marked.
    let (lx, ly) = find_in(buf, "开源街民和社区", 0..29)
        .into_iter()
        .find(|p| p.0 < pane_x)
        .expect("kicker in list");
    assert!(buf[(lx, ly)].modifier.contains(Modifier::DIM));
    assert_eq!(
        buf[(0, ly + 1)].symbol(),
        "▌",
        "reading mark on the headline row"
    );
    // With the list focused the cursor row is reversed.
    press(&mut s, "<Tab>j");
    let t = render(&s);
    let buf = t.backend().buffer();
    let (sx, sy) = find(buf, "· 党建引领", 0..29).expect("subhead entry");
    assert!(sx < pane_x);
    assert!(
        buf[(sx, sy)].modifier.contains(Modifier::REVERSED),
        "selection reversed"
    );
}

#[test]
fn control_characters_in_the_document_never_reach_the_screen() {
    use kanbao::document::BlockKind;
    let doc = crate::interactions::make_doc(
        "evil",
        &[crate::interactions::Spec {
            kicker: None,
            title: Some("标题\u{1b}]0;pwned\u{7}"),
            blocks: vec![(BlockKind::Paragraph, "正文\u{1b}[2J\u{9b}31m结束")],
        }],
    );
    let s = state_on(vec![doc], 80, 10);
    let t = render(&s);
    let buf = t.backend().buffer();
    for y in 0..10 {
        let row = row_text(buf, y);
        assert!(!row.chars().any(char::is_control), "row {y}: {row:?}");
    }
    assert!(
        find(buf, "结束", 0..10).is_some(),
        "text after the escape still shown"
    );
}

#[test]
fn tiny_screens_draw_a_notice_or_nothing_but_never_panic() {
    for (w, h) in [(1, 1), (2, 1), (9, 2), (10, 3), (30, 3), (59, 5)] {
        let mut s = state_on(vec![test_doc("t")], w, h);
        press(&mut s, "j<Tab>");
        let t = render(&s);
        if w < 10 || h < 3 {
            let top = row_text(t.backend().buffer(), 0);
            assert!(
                top.starts_with("too small") || top.starts_with('…'),
                "{w}x{h}: {top}"
            );
        }
    }
}

#[test]
fn an_empty_document_says_so_and_every_key_is_harmless() {
    let mut s = state_on(vec![kanbao::document::Document::default()], 80, 24);
    press(&mut s, "jkG g]}[{JK<Tab>j<Enter>t<>?<Esc>5j");
    let t = render(&s);
    // A document without any text is an empty page, and the pane says so in those words.
    assert!(find(t.backend().buffer(), "(empty page", 0..24).is_some());
}

#[test]
fn the_status_line_names_the_encoding_and_the_page_warning() {
    let mut bytes = encoding_rs::GBK
        .encode(kanbao::input::SAMPLE)
        .0
        .into_owned();
    bytes.extend_from_slice(b"\n\xff\xff\n");
    let doc = kanbao::input::document_from_vec("/some/dir/第3版.md", bytes, None).expect("a page");
    let s = state_on(vec![doc], 100, 10);
    let t = render(&s);
    let status = row_text(t.backend().buffer(), 9);
    assert!(status.contains("第3版.md · GB18030"), "{status}");
    assert!(
        !status.contains("/some/dir"),
        "the list and status show file names: {status}"
    );
    assert!(status.contains('⚠'), "a damaged page says so: {status}");
}

#[test]
fn the_focused_list_numbers_its_entries_for_count_jumps() {
    let mut s = sample(100, 30);
    press(&mut s, "<Tab>");
    let t = render(&s);
    assert!(
        find(t.backend().buffer(), " 4 开源街民和社区 ▸ 党建", 0..29).is_some(),
        "articles numbered within the page, the kicker leading its headline"
    );
    // What the number says is what the count reaches: 4G opens that article.
    press(&mut s, "4G");
    let unit = s.current_unit().expect("a unit");
    let doc = &s.docs[unit.doc];
    assert_eq!(
        doc.field(doc.articles[unit.article].title.as_ref()),
        Some("党建引领促发展 服务先行惠民生")
    );
}
