//! The search UI (issue 5) as (document, keys, expected state) triples, plus drawn
//! screens whose styles are read from buffer cells.
//!
//! Keys go through `keymap::action_in` with the state's own key mode, as the app
//! does, so typing `/人口普查` really types into the prompt.

use kanbao::action::Action;
use kanbao::analysis::search::{MatchMode, Query, search_document};
use kanbao::state::{AppState, Effect, update};
use ratatui::style::Color;

use crate::interactions::{state_on, test_doc};
use crate::support::{find_all, render, row_text, sample};

/// Presses `spec` in whatever key mode the state is in; returns the effects.
pub(crate) fn press(state: &mut AppState, spec: &str) -> Vec<Effect> {
    crate::interactions::press(state, spec)
}

pub(crate) fn prompt_text(s: &AppState) -> Option<&str> {
    s.search.prompt.as_ref().map(|p| p.editor.text())
}

pub(crate) fn current(s: &AppState) -> Option<usize> {
    s.search.active.as_ref().and_then(|a| a.current)
}

pub(crate) fn total(s: &AppState) -> usize {
    s.search.active.as_ref().map_or(0, |a| a.matches.len())
}

/// Whether the current match starts on a line the pane shows.
pub(crate) fn current_on_screen(s: &AppState) -> bool {
    let Some(a) = &s.search.active else {
        return false;
    };
    let Some((doc, m)) = a.current.and_then(|c| a.matches.get(c)) else {
        return false;
    };
    s.reader.visible(s.pane_height()).iter().any(|(d, line)| {
        *d == *doc
            && line.range.start <= m.range.start
            && m.range.start < line.range.end.max(line.range.start + 1)
    })
}

pub(crate) fn status_row(s: &AppState) -> String {
    let t = render(s);
    row_text(t.backend().buffer(), s.size.1 - 1)
}

#[test]
fn the_sample_has_24_matches_and_n_visits_each_in_reading_order() {
    let mut s = sample(100, 30);
    press(&mut s, "/人口普查<Enter>");
    assert_eq!(prompt_text(&s), None, "Enter closes the prompt");
    assert_eq!(total(&s), 24);
    assert_eq!(current(&s), Some(0));
    assert!(
        status_row(&s).contains("match 1/24 · "),
        "{}",
        status_row(&s)
    );
    assert!(current_on_screen(&s));
    let key = |s: &AppState| {
        let a = s.search.active.as_ref().unwrap();
        let (d, m) = &a.matches[a.current.unwrap()];
        (*d, m.article, m.block, m.range.start)
    };
    let mut seen = vec![key(&s)];
    for i in 1..24 {
        press(&mut s, "n");
        assert_eq!(current(&s), Some(i), "n goes to the next match");
        assert!(current_on_screen(&s), "match {i} is on screen");
        assert_eq!(s.message, None, "no wrap notice before the end");
        seen.push(key(&s));
    }
    assert!(
        seen.windows(2).all(|w| w[0] < w[1]),
        "reading order: {seen:?}"
    );
    let articles: std::collections::BTreeSet<_> = seen.iter().map(|k| k.1).collect();
    assert!(articles.len() >= 2, "the matches span articles");
    assert!(status_row(&s).contains("match 24/24"));
    press(&mut s, "n");
    assert_eq!(current(&s), Some(0));
    assert_eq!(s.message.as_deref(), Some("search wrapped to the top"));
    assert!(current_on_screen(&s));
    assert!(status_row(&s).contains("search wrapped to the top · match 1/24"));
    press(&mut s, "N");
    assert_eq!(current(&s), Some(23));
    assert_eq!(s.message.as_deref(), Some("search wrapped to the bottom"));
    press(&mut s, "N");
    assert_eq!((current(&s), s.message.as_deref()), (Some(22), None));
    press(&mut s, "3N");
    assert_eq!(current(&s), Some(19), "a count steps several matches");
}

#[test]
fn n_and_shift_n_triples_across_articles_of_a_hand_made_page() {
    // 社区 is in the second article's paragraphs and in the third's kicker and body.
    let doc = test_doc("t");
    let want = search_document(&doc, &Query::parse("社区", MatchMode::Substring));
    let last = want.len() - 1;
    let cases: &[(&str, usize, Option<&str>)] = &[
        ("/社区<Enter>", 0, None),
        ("/社区<Enter>n", 1, None),
        ("/社区<Enter>nnn", 3, None),
        ("/社区<Enter>N", last, Some("search wrapped to the bottom")),
        ("/社区<Enter>NN", last - 1, None),
        ("/社区<Enter>Nn", 0, Some("search wrapped to the top")),
    ];
    for (spec, index, message) in cases {
        let mut s = state_on(vec![test_doc("t")], 60, 14);
        press(&mut s, spec);
        assert_eq!(current(&s), Some(*index), "keys {spec}");
        assert_eq!(s.message.as_deref(), *message, "keys {spec}");
        assert!(current_on_screen(&s), "keys {spec}: match on screen");
        let m = &s.search.active.as_ref().unwrap().matches[*index].1;
        assert_eq!(m.range, want[*index].range, "keys {spec}");
        // The article being read is the match's (the list marks it).
        assert!(
            s.reader.top.unit <= m.article,
            "keys {spec}: at or before the match's article"
        );
    }
    // After scrolling away, n goes to the first match below the top of the screen.
    let mut s = state_on(vec![test_doc("t")], 60, 14);
    press(&mut s, "/社区<Enter>3]");
    press(&mut s, "N");
    let a = s.search.active.as_ref().unwrap();
    assert!(
        a.matches[a.current.unwrap()].1.article < 3,
        "N from the fourth article goes back"
    );
}

#[test]
fn prompt_editing_works_over_wide_characters() {
    let cases: &[(&str, &str, usize)] = &[
        ("/人口普查<BS>", "人口普", 9),
        ("/人口普查<Left><Left><BS>", "人普查", 3),
        ("/人口普查<Home><Del>", "口普查", 0),
        ("/人口普查<C-a><Right>x", "人x口普查", 4),
        ("/人口普查<Left><C-e>。", "人口普查。", 15),
        ("/人口 普查<C-w>", "人口 ", 7),
        ("/人口普查<Left><C-u>", "查", 0),
        ("/第7次n<Left>", "第7次n", 7),
        ("/<BS><Del><Left>", "", 0),
    ];
    for (spec, text, cursor) in cases {
        let mut s = sample(80, 24);
        press(&mut s, spec);
        let p = s.search.prompt.as_ref().expect("prompt open");
        assert_eq!(
            (p.editor.text(), p.editor.cursor()),
            (*text, *cursor),
            "keys {spec}"
        );
    }
    // An IME commit or a paste arrives as one string.
    let mut s = sample(80, 24);
    press(&mut s, "/");
    update(&mut s, Action::InsertSearchText("人口\n普查".into()));
    assert_eq!(prompt_text(&s), Some("人口 普查"));
    assert!(total(&s) >= 24, "both terms highlighted");
}

#[test]
fn matches_follow_the_typing_and_esc_goes_back() {
    let mut s = sample(100, 30);
    press(&mut s, "3]");
    let before = s.reader.top;
    press(&mut s, "/人");
    let after_one = total(&s);
    press(&mut s, "口普查");
    assert!(after_one > total(&s), "each edit searches again");
    assert_eq!(total(&s), 24);
    assert!(current_on_screen(&s));
    press(&mut s, "<Esc>");
    assert_eq!(s.reader.top, before, "Esc returns to where / was pressed");
    assert!(s.search.prompt.is_none() && s.search.active.is_none());
    // With a search kept before, Esc brings it back.
    press(&mut s, "/平城<Enter>");
    let kept = s.search.active.clone();
    let top = s.reader.top;
    press(&mut s, "/人口普查<Esc>");
    assert_eq!(s.search.active, kept);
    assert_eq!(s.reader.top, top);
    // Esc in the reader clears the search, and then does nothing: it never quits.
    assert!(!press(&mut s, "<Esc>").contains(&Effect::Quit));
    assert!(s.search.active.is_none());
    assert!(!press(&mut s, "<Esc>").contains(&Effect::Quit));
}

#[test]
fn history_recalls_older_and_newer_queries() {
    let mut s = sample(80, 24);
    press(&mut s, "/人口<Enter>/普查<Enter>/平城<Enter>/草");
    let steps: &[(&str, &str)] = &[
        ("<Up>", "平城"),
        ("<Up>", "普查"),
        ("<Up>", "人口"),
        ("<Up>", "人口"),
        ("<Down>", "普查"),
        ("<Down>", "平城"),
        ("<Down>", "草"),
        ("<Down>", "草"),
    ];
    for (key, want) in steps {
        press(&mut s, key);
        assert_eq!(prompt_text(&s), Some(*want), "after {key}");
    }
    press(&mut s, "<Up><Up><Enter>");
    assert_eq!(
        s.search.active.as_ref().map(|a| a.text.as_str()),
        Some("普查")
    );
    assert_eq!(s.search.history.entries(), ["人口", "平城", "普查"]);
    // An empty Enter repeats the newest search.
    press(&mut s, "<Esc>/<Enter>");
    assert_eq!(
        s.search.active.as_ref().map(|a| a.text.as_str()),
        Some("普查")
    );
}

#[test]
fn no_match_says_so_and_dai_ni_tu_is_found_across_the_column_break() {
    let mut s = sample(100, 30);
    press(&mut s, "/人口普查x<Enter>");
    assert_eq!(total(&s), 0);
    assert!(status_row(&s).contains("no match for 人口普查x"));
    press(&mut s, "n");
    assert_eq!(s.message.as_deref(), Some("no match for 人口普查x"));
    press(&mut s, "/带泥土<Enter>");
    assert!(total(&s) >= 1);
    assert!(current_on_screen(&s));
    let t = render(&s);
    let buf = t.backend().buffer();
    let hits = find_all(buf, "带泥");
    assert!(
        hits.iter().any(|&(x, y)| buf[(x, y)].bg == Color::LightRed),
        "带泥土 drawn as the current match"
    );
}

#[test]
fn whole_word_mode_is_toggled_in_the_prompt_and_searched_in_the_background() {
    let mut s = sample(100, 30);
    press(&mut s, "/人口");
    assert_eq!(s.search.mode, MatchMode::Substring);
    let effects = press(&mut s, "<Tab>");
    assert_eq!(s.search.mode, MatchMode::WholeWord);
    assert!(
        effects.contains(&Effect::RunSearch),
        "jieba runs off the UI thread"
    );
    let (generation, query) = s.search.pending_request().expect("a pending search");
    assert_eq!(query.mode(), MatchMode::WholeWord);
    let t = render(&s);
    assert!(row_text(t.backend().buffer(), 29).contains("[whole words"));
    press(&mut s, "<C-t>");
    assert_eq!(s.search.mode, MatchMode::Substring);
    assert!(
        s.search
            .pending_request()
            .is_none_or(|(g, _)| g != generation)
    );
}

#[test]
fn the_results_list_jumps_to_each_match() {
    let mut s = sample(100, 30);
    press(&mut s, "/人口普查<Enter>");
    for i in 0..24 {
        press(&mut s, "gg");
        press(&mut s, "F");
        assert!(s.search.results.is_some(), "F opens the list");
        press(&mut s, &format!("{}G", i + 1));
        assert_eq!(s.search.results.as_ref().map(|r| r.selected), Some(i));
        press(&mut s, "<Enter>");
        assert!(s.search.results.is_none(), "Enter closes the list");
        assert_eq!(current(&s), Some(i));
        assert!(current_on_screen(&s), "match {i} on screen after the jump");
    }
    press(&mut s, "Fjjk<Esc>");
    assert!(s.search.results.is_none());
    assert_eq!(current(&s), Some(23), "Esc closes without jumping");
}

#[test]
fn search_for_opens_with_the_search_active() {
    let mut s = sample(100, 30);
    update(&mut s, Action::SearchFor("人口普查".into()));
    assert_eq!((total(&s), current(&s)), (24, Some(0)));
    assert!(current_on_screen(&s));
    assert!(s.search.prompt.is_none());
    assert_eq!(s.search.history.entries(), ["人口普查"]);
}

#[test]
fn the_first_match_is_found_below_furniture_that_comes_later_in_the_text() {
    // A generated page prints its furniture (editor line, page header) above the first
    // article, though some of it sits at the end of the text: positions must be
    // compared by line, not by byte offset.
    let page = kanbao_corpus::generate_page(7, 0);
    let doc = kanbao::document::parse("p.md", &page);
    let mut s = state_on(vec![doc], 100, 26);
    assert_eq!(
        s.reader.top,
        kanbao::state::Pos::default(),
        "the reader opens at the top, not where the furniture's bytes would sort"
    );
    press(&mut s, "/人口普查");
    assert_eq!(
        current(&s),
        Some(0),
        "typing from the top shows the first match"
    );
    press(&mut s, "<Enter>n");
    assert_eq!(current(&s), Some(1));
}

/// A page whose first article has a paragraph several times the size the reader lays
/// out in one piece, so that article is read in parts; 目标 occurs inside and after it.
fn page_with_a_very_long_paragraph() -> kanbao::document::Document {
    let sentence = "平城区持续优化行业结构，进一步延伸服务业产业链条。";
    let filler = sentence.repeat(kanbao::state::reader::PART_BYTES * 2 / sentence.len() + 1);
    let page = format!(
        "## 第一篇长文\n\n本报记者 张三\n\n开头有目标。{filler}中间目标。{filler}结尾目标。\n\n\
         ## 第二篇短文\n\n本报记者 李四\n\n这里也有目标。\n"
    );
    kanbao::document::parse("long", &page)
}

#[test]
fn a_count_jump_counts_articles_not_the_parts_of_a_long_one() {
    let mut s = state_on(vec![page_with_a_very_long_paragraph()], 80, 24);
    press(&mut s, "2G");
    // The pane's top line is the second article's head, not a part of the first.
    assert_eq!(s.current_unit().map(|u| u.article), Some(1));
    let head = s.reader.head_pos(&s.docs, s.reader.top.unit);
    assert_eq!(s.reader.top, head);
}

#[test]
fn n_lands_on_matches_inside_and_after_a_very_long_paragraph() {
    // Every match must land on its own line, in whichever part shows it.
    let mut s = state_on(vec![page_with_a_very_long_paragraph()], 80, 24);
    press(&mut s, "/目标<Enter>");
    assert_eq!(total(&s), 4);
    for i in 0..4 {
        assert_eq!(current(&s), Some(i));
        assert!(current_on_screen(&s), "match {i} is on screen");
        press(&mut s, "n");
    }
}
