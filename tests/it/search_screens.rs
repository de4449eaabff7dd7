//! The search UI drawn on a `TestBackend`: the match styles, the prompt with its cursor,
//! the results overlay and the section list's hit counts, read from buffer cells.

use ratatui::style::{Color, Modifier};

use crate::search_ui::press;
use crate::support::{find_all, render, row_text, sample, screen_text};

#[test]
fn the_results_overlay_shows_headlines_and_context() {
    let mut s = sample(100, 30);
    press(&mut s, "/人口普查<Enter>F");
    let t = render(&s);
    let buf = t.backend().buffer();
    let text = screen_text(buf);
    assert!(
        text.contains("24 matches in 2 articles for 人口普查"),
        "{text}"
    );
    assert!(text.contains("1/24") && text.contains("2/24"));
    let hits = find_all(buf, "人口普查");
    assert!(hits.len() >= 10, "a context line per match");
    let selected = hits
        .iter()
        .filter(|&&(x, y)| buf[(x, y)].bg == Color::LightRed)
        .count();
    let others = hits
        .iter()
        .filter(|&&(x, y)| buf[(x, y)].bg == Color::Yellow)
        .count();
    assert_eq!(selected, 1, "the selected row's hit in the current style");
    assert!(others >= 9);
}

#[test]
fn highlighted_matches_have_distinct_styles_and_the_list_counts_hits() {
    let mut s = sample(100, 30);
    press(&mut s, "/人口普查<Enter>");
    let t = render(&s);
    let buf = t.backend().buffer();
    let pane_x = s.geometry().pane.x;
    let in_pane: Vec<_> = find_all(buf, "人口普查")
        .into_iter()
        .filter(|p| p.0 >= pane_x)
        .collect();
    assert!(in_pane.len() >= 2, "several matches on screen");
    let current: Vec<_> = in_pane
        .iter()
        .filter(|&&(x, y)| buf[(x, y)].bg == Color::LightRed)
        .collect();
    assert_eq!(current.len(), 1, "one current match");
    let (cx, cy) = *current[0];
    assert_eq!(buf[(cx, cy)].fg, Color::Black);
    assert!(
        buf[(cx, cy)].modifier.contains(Modifier::BOLD),
        "current match bold"
    );
    for &(x, y) in in_pane.iter().filter(|p| **p != (cx, cy)) {
        assert_eq!(
            (buf[(x, y)].bg, buf[(x, y)].fg),
            (Color::Yellow, Color::Black),
            "other matches at ({x},{y})"
        );
        assert!(!buf[(x, y)].modifier.contains(Modifier::BOLD));
    }
    // Each article with hits shows its count in the list, in the match colours.
    let a = s.search.active.as_ref().unwrap();
    let article = a.matches.last().unwrap().1.article;
    let n = a.hits_in(0, article);
    assert_eq!(
        n,
        a.matches
            .iter()
            .filter(|(_, m)| m.article == article)
            .count()
    );
    let doc = &s.docs[0];
    let title = doc
        .field(doc.articles[article].title.as_ref())
        .unwrap_or("");
    let head: String = title.chars().take(3).collect();
    let label = format!("{n} {head}");
    let badge = find_all(buf, &label).into_iter().find(|p| p.0 < pane_x);
    let (bx, by) =
        badge.unwrap_or_else(|| panic!("badge {label} in the list:\n{}", screen_text(buf)));
    assert_eq!(buf[(bx, by)].bg, Color::Yellow);
    insta::assert_snapshot!(screen_text(buf));
}

#[test]
fn the_prompt_is_drawn_in_the_status_line_with_the_cursor_after_the_text() {
    let mut s = sample(80, 24);
    press(&mut s, "/人口普查<Left>");
    let mut t = render(&s);
    let buf = t.backend().buffer().clone();
    let status = row_text(&buf, 23);
    assert!(status.starts_with("/人口普查"), "{status}");
    assert!(status.contains("match 1/24"), "{status}");
    let cursor = t.get_cursor_position().expect("cursor");
    assert_eq!((cursor.x, cursor.y), (1 + 6, 23), "before 查");
    t.backend_mut().assert_cursor_position((7, 23));
}

#[test]
fn search_styles_win_over_keyword_highlights_on_the_same_text() {
    use kanbao::state::{Highlight, HighlightKind};
    let mut s = sample(100, 30);
    press(&mut s, "/人口普查<Enter>");
    // A keyword highlight over every match, added after the search's own.
    let keywords: Vec<Highlight> = s
        .search
        .active
        .as_ref()
        .unwrap()
        .matches
        .iter()
        .map(|(doc, m)| Highlight {
            doc: *doc,
            range: m.range.clone(),
            kind: HighlightKind::Keyword,
        })
        .collect();
    s.highlights.extend(keywords);
    let t = render(&s);
    let buf = t.backend().buffer();
    let pane_x = s.geometry().pane.x;
    let cells: Vec<_> = find_all(buf, "人口普查")
        .into_iter()
        .filter(|p| p.0 >= pane_x)
        .collect();
    assert!(
        cells
            .iter()
            .any(|&(x, y)| buf[(x, y)].bg == Color::LightRed)
    );
    for (x, y) in cells {
        assert_eq!(buf[(x, y)].fg, Color::Black, "match colours at ({x},{y})");
        assert!(matches!(buf[(x, y)].bg, Color::Yellow | Color::LightRed));
    }
}

#[test]
fn the_results_overlay_names_each_article_once_above_its_hits() {
    let mut s = sample(100, 30);
    press(&mut s, "/人口普查<Enter>F");
    let t = render(&s);
    let buf = t.backend().buffer();
    let rows: Vec<String> = (0..30).map(|y| row_text(buf, y)).collect();
    // The hits' article: its headline once, with its hit count, then hit rows.
    let headline_rows: Vec<&String> = rows[1..28]
        .iter()
        .filter(|r| !r.contains("/24") && !r.trim_matches(['│', ' ']).is_empty())
        .collect();
    let hit_rows = rows.iter().filter(|r| r.contains("/24")).count();
    assert!(hit_rows >= 20, "one row per hit: {rows:#?}");
    assert!(
        headline_rows.len() == 2 && headline_rows[0].contains("人口普查工作 (17)"),
        "a headline row per article, not per hit: {rows:#?}"
    );
}

#[test]
fn typing_a_filter_keeps_the_hits_that_contain_it() {
    let mut s = sample(100, 30);
    press(&mut s, "/人口<Enter>F");
    let total = s.search.active.as_ref().map_or(0, |a| a.matches.len());
    assert!(total > 10);
    press(&mut s, "/普查");
    let kept = s.search.results.as_ref().map_or(0, |r| r.len(total));
    assert!(kept > 0 && kept < total, "{kept} of {total}");
    let t = render(&s);
    let text = screen_text(t.backend().buffer());
    assert!(
        text.contains(&format!("filter: 普查▏  ({kept} of {total})")),
        "{text}"
    );
    // Enter opens the selected kept hit.
    let first = s.search.results.as_ref().map(|r| r.match_at(0));
    press(&mut s, "<Enter>");
    assert!(s.search.results.is_none());
    assert_eq!(s.search.active.as_ref().and_then(|a| a.current), first);
    // Esc in the filter line drops the filter, a second Esc closes the list.
    press(&mut s, "F/xyz无此词");
    assert_eq!(s.search.results.as_ref().map(|r| r.len(total)), Some(0));
    press(&mut s, "<Esc>");
    assert_eq!(s.search.results.as_ref().map(|r| r.len(total)), Some(total));
    press(&mut s, "<Esc>");
    assert!(s.search.results.is_none());
}
