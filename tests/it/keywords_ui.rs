//! Keywords in the reader: background results arriving as actions, the header row,
//! highlight styles read from buffer cells, names mode, `w`/`W`, the keyword list, and
//! the real binary showing its first frame before jieba is loaded.

use std::sync::Arc;

use clap::Parser;
use kanbao::action::Action;
use kanbao::analysis::keywords::{Keyword, KeywordOptions, occurrences};
use kanbao::analysis::names::{Name, NameKind};
use kanbao::analysis::search::BlockRef;
use kanbao::analysis::worker::ArticleAnalysis;
use kanbao::analysis::worker::SharedAnalysis;
use kanbao::document::BlockKind;
use kanbao::layout::{LayoutOptions, lay_out_article};
use kanbao::state::keywords::KeywordsState;
use kanbao::state::{AppState, Effect, HighlightKind, update};
use kanbao::ui::{text_row, theme};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use crate::interactions::{Spec, make_doc, press, state_on};
use crate::keywords::segmenter;
use crate::support::{self, render, row_cells, sample_doc, screen_text};

/// Every (x, y) where `needle` starts at or right of column `from_x`.
fn find_from(buf: &Buffer, needle: &str, from_x: u16) -> Vec<(u16, u16)> {
    support::find_all(buf, needle)
        .into_iter()
        .filter(|p| p.0 >= from_x)
        .collect()
}

/// The sample with keywords switched on and still loading.
fn sample_pending(width: u16, height: u16) -> AppState {
    let mut s = state_on(vec![sample_doc()], width, height);
    s.keywords = KeywordsState::loading();
    s
}

/// Feeds the worker's results for every article by hand, as `app.rs` would forward them.
fn deliver_all(s: &mut AppState) {
    update(s, Action::KeywordEngineReady { millis: 1 });
    let docs = Arc::clone(&s.docs);
    for (d, doc) in docs.iter().enumerate() {
        for a in 0..doc.articles.len() {
            let analysis =
                ArticleAnalysis::compute(segmenter(), doc, a, &KeywordOptions::default());
            update(
                s,
                Action::ArticleAnalysed {
                    doc: d,
                    article: a,
                    analysis: SharedAnalysis(Arc::new(analysis)),
                },
            );
        }
    }
}

#[test]
fn first_frame_while_pending_then_keywords_arrive_highlighted() {
    let mut s = sample_pending(100, 30);
    let pending = render(&s);
    let text = screen_text(pending.backend().buffer());
    assert!(text.contains("关键词…"), "pending marker:\n{text}");
    assert!(!text.contains("关键词："));
    insta::assert_snapshot!("pending_100x30", pending.backend());

    let before = s.reader.top;
    deliver_all(&mut s);
    assert_eq!(
        s.reader.top, before,
        "arriving keywords do not move the text"
    );
    let ready = render(&s);
    let buf = ready.backend().buffer();
    let text = screen_text(buf);
    assert!(text.contains("关键词：菜农 · 平城区"), "{text}");
    insta::assert_snapshot!("ready_100x30", ready.backend());

    // The header line is dimmed; occurrences in the body are underlined cyan.
    let pane_x = s.geometry().text.x;
    let (hx, hy) = find_from(buf, "关键词：", pane_x)[0];
    assert!(buf[(hx, hy)].modifier.contains(Modifier::DIM));
    let body: Vec<_> = find_from(buf, "菜农", pane_x)
        .into_iter()
        .filter(|&(_, y)| y != hy)
        .collect();
    assert!(body.len() >= 3, "菜农 occurs in the first article");
    for (x, y) in body {
        let cell = &buf[(x, y)];
        assert!(cell.modifier.contains(Modifier::UNDERLINED), "at {x},{y}");
        assert_eq!(cell.fg, Color::Cyan);
        assert_eq!(cell.bg, Color::Reset, "no background: contrast kept");
    }
    // Text that is not a keyword keeps its plain style.
    let (x, y) = find_from(buf, "大葱", pane_x)[0];
    assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn background_results_keep_count_and_message() {
    let mut s = sample_pending(100, 30);
    press(&mut s, "5");
    s.message = Some("hello".into());
    let docs = Arc::clone(&s.docs);
    let analysis = ArticleAnalysis::compute(segmenter(), &docs[0], 0, &KeywordOptions::default());
    let effects = update(
        &mut s,
        Action::ArticleAnalysed {
            doc: 0,
            article: 0,
            analysis: SharedAnalysis(Arc::new(analysis)),
        },
    );
    assert_eq!(effects, vec![Effect::Redraw], "the article is on screen");
    assert_eq!(s.count, Some(5));
    assert_eq!(s.message.as_deref(), Some("hello"));
    // An article far off screen arrives without a redraw.
    let last = docs[0].articles.len() - 1;
    let analysis =
        ArticleAnalysis::compute(segmenter(), &docs[0], last, &KeywordOptions::default());
    let effects = update(
        &mut s,
        Action::ArticleAnalysed {
            doc: 0,
            article: last,
            analysis: SharedAnalysis(Arc::new(analysis)),
        },
    );
    assert!(effects.is_empty());
}

#[test]
fn names_mode_styles_people_places_and_toggles_back() {
    let mut s = sample_pending(100, 40);
    deliver_all(&mut s);
    press(&mut s, "3]p");
    assert!(s.keywords.show_names);
    let t = render(&s);
    let buf = t.backend().buffer();
    let pane_x = s.geometry().text.x;
    // 民和社区 is an organisation (issue 16: 社区 and 街道 are organisation suffixes).
    let place = find_from(buf, "民和社区", pane_x);
    assert!(!place.is_empty(), "{}", screen_text(buf));
    let person = find_from(buf, "沈媛", pane_x);
    assert!(!person.is_empty(), "{}", screen_text(buf));
    let style = |(x, y): (u16, u16)| {
        let c = &buf[(x, y)];
        (c.fg, c.modifier)
    };
    let place_style = theme::name(NameKind::Organisation);
    let person_style = theme::name(NameKind::Person);
    // The header line mentions them too (dim, unstyled); look at body occurrences.
    assert!(
        place
            .iter()
            .any(|&p| style(p) == (place_style.fg.expect("colour"), place_style.add_modifier))
    );
    assert!(
        person
            .iter()
            .any(|&p| style(p) == (person_style.fg.expect("colour"), person_style.add_modifier))
    );
    // H leaves names mode for keywords; H again turns highlighting off.
    press(&mut s, "H");
    assert!(!s.keywords.show_names && s.keywords.show_keywords);
    press(&mut s, "H");
    let u = s.current_unit().expect("unit");
    assert!(s.keywords.highlights(u.doc, u.article).is_empty());
}

#[test]
fn help_shows_the_names_legend_in_its_styles() {
    let mut s = sample_pending(100, 60);
    press(&mut s, "?");
    let t = render(&s);
    let buf = t.backend().buffer();
    for (sample, kind) in [
        ("人名", NameKind::Person),
        ("地名", NameKind::Place),
        ("机构", NameKind::Organisation),
    ] {
        let (x, y) = find_from(buf, sample, 0)[0];
        assert_eq!(Some(buf[(x, y)].fg), theme::name(kind).fg, "{sample}");
    }
    assert!(screen_text(buf).contains("names mode"));
}

const LONG: &str = "平城区不断扩大总量规模，进一步释放服务业发展活力。为完善现代商贸市场体系，该区结合棚户区改造及新建社区，加大了社区连锁生鲜超市、便利店等终端的社区覆盖率。";

/// Three articles; keywords 服务业 and 超市 occur far apart.
fn nav_state() -> AppState {
    use BlockKind::Paragraph;
    let filler = "这是一段很长的说明文字用来把下一处关键词推到屏幕之外。".repeat(6);
    let doc = make_doc(
        "nav",
        &[
            Spec {
                kicker: None,
                title: Some("第一篇"),
                blocks: vec![(Paragraph, LONG), (Paragraph, &filler), (Paragraph, LONG)],
            },
            Spec {
                kicker: None,
                title: Some("第二篇"),
                blocks: vec![(Paragraph, &filler), (Paragraph, LONG)],
            },
        ],
    );
    let mut s = state_on(vec![doc], 40, 8);
    s.keywords = KeywordsState::loading();
    update(&mut s, Action::KeywordEngineReady { millis: 1 });
    let docs = Arc::clone(&s.docs);
    for a in 0..2 {
        let keywords: Vec<Keyword> = ["服务业", "超市"]
            .iter()
            .map(|w| Keyword {
                word: (*w).to_string(),
                weight: 1.0,
            })
            .collect();
        let analysis = ArticleAnalysis {
            occurrences: occurrences(&docs[0], a, &keywords),
            keywords,
            names: Vec::new(),
        };
        update(
            &mut s,
            Action::ArticleAnalysed {
                doc: 0,
                article: a,
                analysis: SharedAnalysis(Arc::new(analysis)),
            },
        );
    }
    s
}

fn cursor_word(s: &AppState) -> String {
    let c = s.keywords.cursor.clone().expect("a cursor");
    s.docs[c.doc].text[c.range].to_string()
}

/// Whether the cursor's occurrence is drawn on screen, reversed.
fn cursor_visible(s: &AppState) -> bool {
    let t = render(s);
    let buf = t.backend().buffer();
    let word = cursor_word(s);
    find_from(buf, &word, 0)
        .into_iter()
        .any(|(x, y)| buf[(x, y)].modifier.contains(Modifier::REVERSED))
}

#[test]
fn next_and_previous_occurrence_move_the_cursor_and_the_view() {
    let mut s = nav_state();
    let start = s.reader.top;
    press(&mut s, "w");
    assert_eq!(cursor_word(&s), "服务业");
    assert_eq!(
        s.reader.top, start,
        "the first occurrence is on screen: no scroll"
    );
    assert!(cursor_visible(&s));
    press(&mut s, "w");
    assert_eq!(cursor_word(&s), "超市");
    // The third is below the 8-row screen: the view follows.
    press(&mut s, "w");
    assert_eq!(cursor_word(&s), "服务业");
    assert!(s.reader.top > start);
    assert!(cursor_visible(&s));
    let third = s.keywords.cursor.clone();
    // Into the next article, then back with W.
    press(&mut s, "2w");
    assert_eq!(s.keywords.cursor.as_ref().map(|c| c.unit), Some(1));
    assert!(cursor_visible(&s));
    press(&mut s, "2W");
    assert_eq!(s.keywords.cursor, third);
    assert!(cursor_visible(&s));
    // Past the last occurrence: a message, nothing moves.
    press(&mut s, "G");
    let end = s.reader.top;
    press(&mut s, "9w");
    assert_eq!(s.reader.top, end);
    assert_eq!(cursor_word(&s), "超市", "stopped on the last one");
    assert!(s.message.as_deref().unwrap_or("").contains("no further"));
}

#[test]
fn keyword_list_enter_jumps_to_the_chosen_keyword() {
    let mut s = nav_state();
    press(&mut s, "i");
    assert_eq!(s.keywords.picker, Some(0));
    let t = render(&s);
    assert!(screen_text(t.backend().buffer()).contains("超市"));
    press(&mut s, "j<Enter>");
    assert_eq!(s.keywords.picker, None);
    assert_eq!(cursor_word(&s), "超市");
    // The list pages with the pane's keys: G to the last keyword, g back, Space on.
    press(&mut s, "i");
    let words = kanbao::state::keywords::current_words(&s).len();
    press(&mut s, "G");
    assert_eq!(s.keywords.picker, Some(words - 1));
    press(&mut s, "g");
    assert_eq!(s.keywords.picker, Some(0));
    press(&mut s, " ");
    assert!(
        s.keywords.picker.is_some_and(|i| i > 0 || words == 1),
        "Space pages on"
    );
    press(&mut s, "<Esc>");
    // Esc closes without quitting.
    press(&mut s, "i");
    let effects = press(&mut s, "<Esc>");
    assert!(!effects.contains(&Effect::Quit));
    assert_eq!(s.keywords.picker, None);
    // The keyword list searches for the chosen word.
    assert_eq!(
        s.search.active.as_ref().map(|a| a.text.as_str()),
        Some("超市")
    );
    update(&mut s, Action::SearchFor("服务业".into()));
    assert_eq!(
        s.search.active.as_ref().map(|a| a.text.as_str()),
        Some("服务业")
    );
}

#[test]
fn keys_while_pending_or_off_only_explain() {
    let mut s = sample_pending(80, 24);
    press(&mut s, "w");
    assert!(s.message.as_deref().unwrap_or("").contains("关键词…"));
    press(&mut s, "i");
    assert_eq!(s.keywords.picker, None);
    let mut off = state_on(vec![sample_doc()], 80, 24);
    press(&mut off, "p");
    assert!(off.message.as_deref().unwrap_or("").contains("off"));
    let text = screen_text(render(&off).backend().buffer());
    assert!(!text.contains("关键词"), "keywords off: no header row");
}

#[test]
fn keywords_zero_never_starts_jieba() {
    let off = kanbao::cli::Cli::parse_from(["kanbao", "--keywords", "0"]).options();
    assert!(kanbao::app::analysis_options(&off.analysis).is_none());
    let on = kanbao::cli::Cli::parse_from(["kanbao", "--keywords", "3", "--textrank"]).options();
    let (_, opts) = kanbao::app::analysis_options(&on.analysis).expect("keywords on");
    assert_eq!(opts.top, 3);
}

#[test]
fn wanted_asks_for_the_article_read_then_its_neighbours() {
    let mut s = sample_pending(80, 24);
    press(&mut s, "3]");
    let wanted = kanbao::state::keywords::wanted(&s);
    assert_eq!(wanted[..3], [(0, 3), (0, 4), (0, 2)]);
    deliver_all(&mut s);
    assert!(kanbao::state::keywords::wanted(&s).is_empty());
}

/// The highlighted pieces of every line, joined, spell the occurrences in order: no
/// character lost or added at a wrap or a rejoined column break, at any width.
#[test]
fn highlights_survive_wrapping_at_several_widths() {
    let mut s = sample_pending(80, 24);
    deliver_all(&mut s);
    let doc = &s.docs[0];
    for width in [9, 17, 23, 40, 80] {
        let opts = LayoutOptions {
            width,
            ..LayoutOptions::default()
        };
        for a in 0..doc.articles.len() {
            let hl: Vec<_> = s
                .keywords
                .highlights(0, a)
                .into_iter()
                .inspect(|h| {
                    assert!(doc.text.is_char_boundary(h.range.start));
                    assert!(doc.text.is_char_boundary(h.range.end));
                    assert_eq!(h.kind, HighlightKind::Keyword);
                })
                .map(|h| (h.range, theme::highlight(h.kind)))
                .collect();
            let expected: String = hl.iter().map(|(r, _)| &doc.text[r.clone()]).collect();
            let mut drawn = String::new();
            for line in lay_out_article(doc, a, &opts) {
                let row = text_row::row(&doc.text, &line, &hl, false);
                for (piece, style) in row.pieces {
                    if style.add_modifier.contains(Modifier::UNDERLINED) {
                        drawn.push_str(&piece);
                    }
                }
            }
            assert_eq!(drawn, expected, "article {a} at width {width}");
        }
    }
}

#[test]
fn names_are_whole_words_inside_their_blocks() {
    let mut s = sample_pending(80, 24);
    deliver_all(&mut s);
    let doc = &s.docs[0];
    for a in 0..doc.articles.len() {
        let analysis = s.keywords.analysis(0, a).expect("analysed");
        for Name { range, block, .. } in &analysis.names {
            let span = BlockRef::all(&doc.articles[a])
                .into_iter()
                .find(|(b, _)| b == block)
                .map(|(_, span)| span.range.clone())
                .expect("its block");
            assert!(span.start <= range.start && range.end <= span.end);
        }
    }
}

mod e2e;

/// At every size the keyword row stays inside the text column and the text under it
/// does not move when keywords arrive.
#[test]
fn header_row_fits_at_every_width() {
    let mut ready = sample_pending(80, 24);
    deliver_all(&mut ready);
    let analyses = ready.keywords.clone();
    for (w, h) in [
        (10, 3),
        (17, 6),
        (23, 9),
        (40, 20),
        (59, 12),
        (61, 12),
        (133, 41),
    ] {
        let mut s = sample_pending(w, h);
        let pending = screen_text(render(&s).backend().buffer());
        s.keywords = analyses.clone();
        let t = render(&s);
        let buf = t.backend().buffer();
        let text = s.geometry().text;
        for y in 0..buf.area.height {
            let row: String = row_cells(buf, y).into_iter().map(|(_, c)| c).collect();
            if let Some((x, _)) = find_from(buf, "关键词", 0).into_iter().find(|p| p.1 == y) {
                assert!(x >= text.x, "{w}x{h}: {row}");
                let end = row_cells(buf, y)
                    .into_iter()
                    .filter(|(cx, c)| *cx >= x && c.trim() != "")
                    .map(|(cx, c)| cx + unicode_width::UnicodeWidthStr::width(c.as_str()) as u16)
                    .max()
                    .unwrap_or(x);
                assert!(end <= text.x + text.width, "{w}x{h}: {row}");
            }
        }
        // Rows other than the keyword rows are the same before and after.
        let after = screen_text(buf);
        for (a, b) in pending.lines().zip(after.lines()) {
            if !a.contains("关键词") && !b.contains("关键词") {
                assert_eq!(a, b, "{w}x{h}");
            }
        }
    }
}

/// `W` from a cursor in the second article on screen stays in that article first.
#[test]
fn previous_occurrence_from_a_cursor_below_the_top_article() {
    let mut s = nav_state();
    update(
        &mut s,
        Action::ResizeScreen {
            width: 40,
            height: 60,
        },
    );
    press(&mut s, "w");
    let first = s.keywords.cursor.clone();
    // Walk into the second article while everything stays on one screen.
    while s.keywords.cursor.as_ref().is_some_and(|c| c.unit == 0) {
        press(&mut s, "w");
    }
    assert_eq!(s.reader.top.unit, 0, "no scroll needed");
    press(&mut s, "w");
    let second_in_b = s.keywords.cursor.clone().expect("cursor");
    press(&mut s, "W");
    let back = s.keywords.cursor.clone().expect("cursor");
    assert_eq!(back.unit, 1, "stays in the article the cursor is in");
    assert!(back.range.start < second_in_b.range.start);
    assert_ne!(Some(back), first);
}
