//! Navigation as less and vim users expect it (issue 14), as (document, keys, expected
//! state) triples: Esc never quits, Ctrl-f/Ctrl-b page, the help and the lists page with
//! the article pane's keys, `}` past the last subhead says so.

use kanbao::state::{Effect, Focus};

use crate::interactions::{press, state_on, test_doc};
use crate::support::{render, row_text, sample};

#[test]
fn esc_closes_what_is_open_and_never_quits() {
    let mut s = sample(100, 30);
    // List focus: Esc gives the focus back to the article.
    press(&mut s, "<Tab>");
    assert_eq!(s.focus, Focus::List);
    assert!(!press(&mut s, "<Esc>").contains(&Effect::Quit));
    assert_eq!(s.focus, Focus::Pane);
    // A count: Esc drops it.
    press(&mut s, "12");
    assert_eq!(s.count, Some(12));
    assert!(!press(&mut s, "<Esc>").contains(&Effect::Quit));
    assert_eq!(s.count, None);
    // Help, then nothing open at all.
    press(&mut s, "?");
    assert!(!press(&mut s, "<Esc>").contains(&Effect::Quit));
    assert!(s.help.is_none());
    for _ in 0..3 {
        assert!(!press(&mut s, "<Esc>").contains(&Effect::Quit));
    }
    assert_eq!(s.message.as_deref(), Some("q quits"));
    // The count is not a quit either, and `q`, `ZZ` do quit.
    assert!(!press(&mut s, "Z").contains(&Effect::Quit));
    assert!(
        !press(&mut s, "j").contains(&Effect::Quit),
        "a key between disarms Z"
    );
    assert!(!press(&mut s, "Z").contains(&Effect::Quit));
    assert!(press(&mut s, "Z").contains(&Effect::Quit));
    assert!(press(&mut s, "q").contains(&Effect::Quit));
}

#[test]
fn ctrl_f_and_ctrl_b_page_as_in_less() {
    let mut s = sample(100, 30);
    let start = s.reader.top;
    press(&mut s, "<C-f>");
    let paged = s.reader.top;
    assert!(paged > start, "Ctrl-f moves on");
    let mut t = sample(100, 30);
    press(&mut t, " ");
    assert_eq!(t.reader.top, paged, "Ctrl-f is Space");
    press(&mut s, "<C-b>");
    assert_eq!(s.reader.top, start, "Ctrl-b comes back");
}

#[test]
fn the_help_pages_with_the_pane_keys_and_stops_at_its_end() {
    let mut s = sample(80, 20);
    s.help_rows = kanbao::ui::HelpOverlay::new(0).row_count();
    let max = u16::try_from(s.help_rows - 18).expect("small");
    press(&mut s, "?");
    press(&mut s, " ");
    assert_eq!(s.help, Some(17), "Space pages (one row kept), not one line");
    press(&mut s, "b");
    assert_eq!(s.help, Some(0));
    press(&mut s, "<C-d>");
    assert_eq!(s.help, Some(9));
    press(&mut s, "<C-u>j");
    assert_eq!(s.help, Some(1));
    press(&mut s, "G");
    assert_eq!(
        s.help,
        Some(max),
        "G goes to the help's last row, not out of it"
    );
    press(&mut s, "k");
    assert_eq!(s.help, Some(max - 1), "k moves back at once from the end");
    press(&mut s, "g");
    assert_eq!(s.help, Some(0));
    // The bottom border says more lies below; at the end it does not.
    let screen = render(&s);
    let buf = screen.backend().buffer();
    assert!((0..20).any(|y| row_text(buf, y).contains("↓ more")));
    press(&mut s, "G");
    let screen = render(&s);
    let buf = screen.backend().buffer();
    assert!(!(0..20).any(|y| row_text(buf, y).contains("↓ more")));
    assert!((0..20).any(|y| row_text(buf, y).contains("↑ more")));
}

#[test]
fn the_list_pages_by_its_height_and_shows_that_it_goes_on() {
    let mut s = sample(80, 12);
    press(&mut s, "<Tab>");
    let first = s.list.selected;
    press(&mut s, " ");
    assert_eq!(
        s.list.selected,
        first + 10,
        "Space: the list's 11 rows less one"
    );
    press(&mut s, "b");
    assert_eq!(s.list.selected, first);
    press(&mut s, "<C-d>");
    assert_eq!(s.list.selected, first + 5, "Ctrl-d: half of that");
    press(&mut s, "G");
    assert_eq!(s.list.selected, s.list.entries.len() - 1);
    press(&mut s, "g");
    assert_eq!(s.list.selected, 0);
    let screen = render(&s);
    let buf = screen.backend().buffer();
    let border = s.geometry().list.map_or(0, |l| l.width - 1);
    assert_eq!(buf[(border, 10)].symbol(), "↓", "more entries below");
    assert_eq!(buf[(border, 0)].symbol(), "│", "none above");
}

#[test]
fn a_subhead_key_with_no_subhead_left_says_so_and_stays() {
    let mut s = state_on(vec![test_doc("t")], 80, 24);
    press(&mut s, "}");
    assert!(s.message.is_none(), "the first subhead exists");
    press(&mut s, "}");
    let top = s.reader.top;
    press(&mut s, "}");
    assert_eq!(s.reader.top, top, "nothing moves");
    assert_eq!(s.message.as_deref(), Some("no more subheads below"));
    press(&mut s, "5{");
    assert_eq!(s.message.as_deref(), Some("no subhead above"));
    press(&mut s, "j");
    assert!(s.message.is_none(), "the message goes with the next key");
}

use kanbao::ui::StatusBar;

fn status(s: &kanbao::state::AppState) -> String {
    StatusBar::from_state(s).left
}

#[test]
fn ng_the_list_numbers_and_the_status_line_share_one_numbering() {
    let docs = vec![test_doc("a.md"), test_doc("b.md"), test_doc("c.md")];
    let mut s = state_on(docs, 100, 30);
    press(&mut s, "J");
    assert!(status(&s).contains("page 2/3"), "{}", status(&s));
    // In the pane: article 3 of this page, not of the whole stream.
    press(&mut s, "3G");
    assert!(status(&s).contains("article 3/4"), "{}", status(&s));
    let u = s.shown_unit().expect("an article");
    assert_eq!((u.doc, u.article), (1, 2));
    // In the list: the entry numbered 2 on the same page, which the status then names.
    press(&mut s, "<Tab>2G");
    assert!(
        status(&s).contains("article 2/4 · page 2/3"),
        "{}",
        status(&s)
    );
    let screen = render(&s);
    let buf = screen.backend().buffer();
    let numbered = (0..29)
        .map(|y| row_text(buf, y))
        .filter_map(|r| r.split_once('│').map(|(list, _)| list.trim().to_string()))
        .find(|list| list.starts_with("2 "))
        .expect("an entry numbered 2");
    assert!(numbered.contains("依托"), "{numbered}");
    // Past the page's articles: the last one, and a word why.
    press(&mut s, "<Esc>9G");
    assert!(status(&s).contains("article 4/4"), "{}", status(&s));
    assert_eq!(s.message.as_deref(), Some("this page has 4 articles"));
}

#[test]
fn np_goes_to_page_n_of_all() {
    let docs = vec![test_doc("a.md"), test_doc("b.md"), test_doc("c.md")];
    let mut s = state_on(docs, 100, 30);
    press(&mut s, "3P");
    assert!(
        status(&s).contains("article 1/4 · page 3/3"),
        "{}",
        status(&s)
    );
    press(&mut s, "1P");
    assert_eq!(s.shown_unit().map(|u| u.doc), Some(0));
    press(&mut s, "7P");
    assert_eq!(s.message.as_deref(), Some("there are 3 pages"));
    assert_eq!(s.shown_unit().map(|u| u.doc), Some(0), "nothing moves");
    press(&mut s, "P");
    assert!(s.message.as_deref().is_some_and(|m| m.contains("12P")));
}

#[test]
fn at_the_end_of_the_sample_the_status_names_the_last_article() {
    let mut s = sample(100, 30);
    let n = s.docs[0].articles.len();
    press(&mut s, "G");
    assert!(
        status(&s).contains(&format!("article {n}/{n}")),
        "{}",
        status(&s)
    );
    assert!(status(&s).contains("100% read"), "{}", status(&s));
}

#[test]
fn with_the_list_hidden_the_status_names_the_headline() {
    let mut s = state_on(vec![test_doc("t")], 100, 30);
    press(&mut s, "2]");
    assert!(!status(&s).contains("党建引领促发展"));
    press(&mut s, "t");
    assert!(status(&s).contains("党建引领促发展"), "{}", status(&s));
}

#[test]
fn no_match_clears_on_the_next_key() {
    let mut s = sample(100, 30);
    crate::search_ui::press(&mut s, "/没有这个词<Enter>");
    let right = StatusBar::from_state(&s).right;
    assert!(right.contains("no match for"), "{right}");
    press(&mut s, "j");
    let right = StatusBar::from_state(&s).right;
    assert!(!right.contains("no match"), "{right}");
}

/// Titled articles of the sample whose headline the list cuts at `width`×`height`.
fn cut_headlines(width: u16, height: u16) -> (usize, usize) {
    use kanbao::state::sections;
    let s = sample(width, height);
    let list = s.geometry().list.expect("the list beside the text");
    let room = sections::text_room(list.width, sections::number_digits(&s.docs));
    let doc = &s.docs[0];
    let titled: Vec<usize> = (0..doc.articles.len())
        .filter(|&a| doc.articles[a].title.is_some())
        .collect();
    let cut = titled
        .iter()
        .filter(|&&a| {
            let (text, kicker) = sections::article_text(doc, a, room, false);
            let max = sections::MAX_ARTICLE_ROWS + usize::from(kicker > 0);
            sections::wrap(&text, room, max).1
        })
        .count();
    (cut, titled.len())
}

#[test]
fn the_list_wraps_headlines_so_few_are_cut_and_grows_with_the_screen() {
    let (cut, titled) = cut_headlines(80, 24);
    assert!(
        cut * 4 <= titled,
        "{cut} of {titled} headlines cut at 80×24"
    );
    assert_eq!(cut_headlines(120, 40).0, 0);
    let widths: Vec<u16> = [(80, 24), (120, 40), (200, 50)]
        .iter()
        .map(|&(w, h)| sample(w, h).geometry().list.map_or(0, |l| l.width))
        .collect();
    assert!(widths[0] < widths[1] && widths[1] < widths[2], "{widths:?}");
    // `<` and `>` still set it.
    let mut s = sample(200, 50);
    press(&mut s, ">");
    assert_eq!(s.geometry().list.map(|l| l.width), Some(widths[2] + 4));
}

#[test]
fn sample_list_at_120x40() {
    insta::assert_snapshot!(render(&sample(120, 40)).backend());
}

#[test]
fn sample_list_at_200x50() {
    insta::assert_snapshot!(render(&sample(200, 50)).backend());
}

#[test]
fn the_list_keeps_context_around_the_selection() {
    let docs: Vec<_> = (0..6).map(|i| test_doc(&format!("p{i}.md"))).collect();
    let mut s = state_on(docs, 100, 16);
    press(&mut s, "<Tab>");
    for _ in 0..20 {
        press(&mut s, "j");
        let shown: u16 = s.list.entries[s.list.offset..=s.list.selected]
            .iter()
            .map(|e| e.rows)
            .sum();
        let below: u16 = s.list.entries[s.list.selected + 1..]
            .iter()
            .take(3)
            .map(|e| e.rows)
            .sum();
        assert!(
            shown + below <= 15,
            "three entries show below the selection"
        );
    }
    assert!(s.list.offset > 0);
}

#[test]
fn y_copies_the_article_the_status_names() {
    let mut s = state_on(vec![test_doc("t")], 100, 30);
    press(&mut s, "3G");
    let effects = press(&mut s, "y");
    assert!(effects.contains(&Effect::CopyToClipboard));
    let text = s.clipboard.clone().expect("the text to copy");
    assert!(
        text.starts_with("开源街民和社区\n\n党建引领促发展"),
        "{text}"
    );
    assert!(text.contains("“民情图”架起沟通桥梁"));
    assert!(
        s.message
            .as_deref()
            .is_some_and(|m| m.starts_with("copied article 3"))
    );
}

#[test]
fn page_headers_in_the_list_name_date_and_edition_first() {
    let page = |name: &str, date: &str, edition: &str| {
        kanbao::document::parse(
            name,
            &format!("{date}\n\n{edition}\n\n# 新闻标题{name}\n\n本报讯 正文第一段写在这里。\n"),
        )
    };
    let docs = vec![
        page("a.md", "2020年5月6日 星期三", "第2版"),
        page("b.md", "2020年5月7日 星期四", "第3版"),
    ];
    let s = state_on(docs, 120, 20);
    let terminal = render(&s);
    let buf = terminal.backend().buffer();
    let rows: Vec<String> = (0..20).map(|y| row_text(buf, y)).collect();
    let header = rows
        .iter()
        .find(|r| r.contains("2. "))
        .unwrap_or_else(|| panic!("no header of page 2 in {rows:#?}"));
    // The file name comes after the date and edition, cut first on a narrow list.
    assert!(
        header.contains("2. 2020年5月7日 星期四 第3版"),
        "date and edition right after the page number: {header}"
    );
    assert!(!header.contains("2. b.md"), "{header}");
}

#[test]
fn colon_commands_name_the_keys_they_stand_for() {
    let mut by_key = sample(100, 30);
    press(&mut by_key, "4G");
    let mut s = sample(100, 30);
    press(&mut s, ":4");
    assert!(s.command.is_some(), "the line is open while typing");
    let t = render(&s);
    assert!(row_text(t.backend().buffer(), 29).starts_with(":4"));
    press(&mut s, "<Enter>");
    assert!(s.command.is_none());
    assert_eq!(s.reader.top, by_key.reader.top, ":4 is 4G");
    assert!(s.shown_unit().is_some_and(|u| u.article == 3));
    // The end, and back to the top.
    press(&mut s, ":$<Enter>");
    let mut end = sample(100, 30);
    press(&mut end, "G");
    assert_eq!(s.reader.top, end.reader.top);
    press(&mut s, ":0<Enter>");
    assert_eq!(s.reader.top, kanbao::state::Pos::default());
    // A mistake says what the line knows; Esc closes without running anything.
    press(&mut s, ":frob<Enter>");
    let said = s.message.clone().unwrap_or_default();
    assert!(
        said.contains("unknown command :frob") && said.contains(":page N"),
        "{said}"
    );
    press(&mut s, ":4<Esc>");
    assert!(s.command.is_none());
    assert_eq!(s.reader.top, kanbao::state::Pos::default());
    // And :q quits.
    assert!(press(&mut s, ":q<Enter>").contains(&Effect::Quit));
}

#[test]
fn the_list_shows_half_width_punctuation_as_the_pane_does() {
    let mut s = sample(100, 30);
    let first = |s: &kanbao::state::AppState| row_text(render(s).backend().buffer(), 0);
    assert!(first(&s).contains("为扮靓城市环境,近日,"), "{}", first(&s));
    s.layout.fullwidth_punct = true;
    kanbao::state::update(
        &mut s,
        kanbao::action::Action::ResizeScreen {
            width: 100,
            height: 30,
        },
    );
    assert!(
        first(&s).contains("为扮靓城市环境，近日，"),
        "{}",
        first(&s)
    );
}
