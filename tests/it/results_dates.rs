//! The results list over dated pages: a date heading row where the day changes, never
//! selected, kept by the filter with its group; undated pages keep the plain list.

use kanbao::action::Action;
use kanbao::document::Document;
use kanbao::i18n::{self, Lang};
use kanbao::state::AppState;
use kanbao::state::update;
use kanbao::ui::results::{ResultRow, ResultsOverlay};

use crate::interactions::state_on;
use crate::search_ui::press;
use crate::support::{find_all, render, row_text, sample, screen_text};
use ratatui::style::Color;

/// Two pages of 6 May 2020 (no edition in their names) and one of 7 May, edition 1,
/// each with an article that mentions 台风 three times.
fn dated_pages() -> Vec<Document> {
    [
        ("2020-05-06_a.md", "甲"),
        ("2020-05-06_b.md", "乙"),
        ("2020-05-07_第1版.md", "丙"),
    ]
    .iter()
    .map(|(name, tag)| {
        let text = format!(
            "## {tag}版头条\n\n台风过境，{tag}地降雨。台风减弱。\n\n## {tag}版次条\n\n防台风工作。\n"
        );
        kanbao::document::parse(name, &text)
    })
    .collect()
}

fn rows(state: &AppState) -> Vec<ResultRow> {
    ResultsOverlay::from_state(state).map_or_else(Vec::new, |o| o.rows)
}

fn dates(rows: &[ResultRow]) -> Vec<String> {
    rows.iter()
        .filter_map(|r| match r {
            ResultRow::Date(label) => Some(label.clone()),
            _ => None,
        })
        .collect()
}

fn selected_number(rows: &[ResultRow]) -> Option<String> {
    rows.iter().find_map(|r| match r {
        ResultRow::Hit {
            number,
            selected: true,
            ..
        } => Some(number.clone()),
        _ => None,
    })
}

#[test]
fn a_date_heading_goes_above_each_day_and_the_selection_skips_it() {
    let mut s = state_on(dated_pages(), 100, 30);
    update(&mut s, Action::SearchFor("台风".into()));
    press(&mut s, "F");
    let total = s.search.active.as_ref().map_or(0, |a| a.matches.len());
    assert_eq!(total, 9);
    let list = rows(&s);
    assert_eq!(dates(&list), ["2020-05-06", "2020-05-07 · edition 1"]);
    // The heading comes first, then the headline with the page's name, then hits.
    assert!(matches!(&list[0], ResultRow::Date(_)), "{list:#?}");
    assert!(
        matches!(&list[1], ResultRow::Headline { page, hits: 3, .. } if page == "2020-05-06_a.md"),
        "{list:#?}"
    );
    // Pages b and c: b shares a's day, so no heading; c's day gets one, above its
    // first headline.
    let c_heading = list
        .iter()
        .position(|r| matches!(r, ResultRow::Date(l) if l.contains("05-07")))
        .unwrap();
    assert!(
        matches!(&list[c_heading + 1], ResultRow::Headline { page, .. } if page.starts_with("2020-05-07")),
        "{list:#?}"
    );
    let hits = list
        .iter()
        .filter(|r| matches!(r, ResultRow::Hit { .. }))
        .count();
    assert_eq!(hits, total, "one row per hit");
    // Moving down walks over hits only: from the last hit of 6 May to 7 May's first.
    for n in 1..total {
        press(&mut s, "j");
        assert_eq!(
            selected_number(&rows(&s)),
            Some(format!("{}/{total}", n + 1))
        );
    }
    press(&mut s, "k");
    let selected = s.search.results.as_ref().map(|r| r.selected);
    assert_eq!(selected, Some(total - 2));
    // Enter opens that hit, on 7 May's page.
    press(&mut s, "<Enter>");
    assert!(s.search.results.is_none());
    let a = s.search.active.as_ref().unwrap();
    assert_eq!(a.current, Some(total - 2));
    assert_eq!(a.matches[total - 2].0, 2);
    // The reader draws that hit as the current one, on 丙's line.
    let t = render(&s);
    let buf = t.backend().buffer();
    let current: Vec<_> = find_all(buf, "台风")
        .into_iter()
        .filter(|&(x, y)| buf[(x, y)].bg == Color::LightRed)
        .collect();
    assert_eq!(current.len(), 1, "{}", screen_text(buf));
    let (cx, cy) = current[0];
    let line = row_text(buf, cy);
    assert!(line.contains("丙地"), "{line}");
    // The second 台风 of the line: the one after 丙地.
    assert!(
        find_all(buf, "丙地")
            .iter()
            .any(|&(x, y)| y == cy && x < cx),
        "{line}"
    );
}

#[test]
fn the_filter_keeps_the_heading_of_the_groups_it_keeps() {
    let mut s = state_on(dated_pages(), 100, 30);
    update(&mut s, Action::SearchFor("台风".into()));
    press(&mut s, "F/丙地");
    let list = rows(&s);
    assert_eq!(dates(&list), ["2020-05-07 · edition 1"], "{list:#?}");
    assert!(matches!(&list[0], ResultRow::Date(_)));
    press(&mut s, "<Enter>");
    let a = s.search.active.as_ref().unwrap();
    assert_eq!(a.current.map(|c| a.matches[c].0), Some(2));
}

#[test]
fn a_short_screen_repeats_the_heading_at_its_top() {
    let mut s = state_on(dated_pages(), 100, 9);
    update(&mut s, Action::SearchFor("台风".into()));
    press(&mut s, "FG");
    let list = rows(&s);
    assert!(
        matches!(&list[0], ResultRow::Date(l) if l.contains("05-07")),
        "{list:#?}"
    );
    assert_eq!(selected_number(&list), Some("9/9".into()));
    insta::assert_snapshot!(screen_text(render(&s).backend().buffer()));
}

#[test]
fn the_heading_is_chinese_in_the_chinese_interface() {
    let mut s = state_on(dated_pages(), 100, 30);
    update(&mut s, Action::SearchFor("台风".into()));
    press(&mut s, "F");
    i18n::set_active(Lang::Zh);
    let list = rows(&s);
    let screen = screen_text(render(&s).backend().buffer());
    i18n::set_active(Lang::En);
    assert_eq!(dates(&list), ["2020年5月6日", "2020年5月7日 · 第1版"]);
    assert!(screen.contains("2020年5月7日 · 第1版"), "{screen}");
}

#[test]
fn undated_pages_keep_the_list_without_headings() {
    let mut s = sample(100, 30);
    press(&mut s, "/人口普查<Enter>F");
    let list = rows(&s);
    assert!(dates(&list).is_empty(), "{list:#?}");
    assert!(matches!(&list[0], ResultRow::Headline { .. }));
}
