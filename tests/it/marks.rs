//! Marks as (document, keys, expected state): `ma` … `'a`, `''` after jumps, the marks
//! list, and marks found again at another width.

use kanbao::action::Action;
use kanbao::state::update;

use crate::interactions::press;
use crate::support::{render, row_text, sample};

#[test]
fn a_mark_brings_back_the_place_and_quote_quote_undoes_jumps() {
    let mut s = sample(100, 30);
    press(&mut s, "]]jjj");
    let marked = s.reader.top;
    press(&mut s, "ma");
    assert!(s.memory.marks.contains_key(&'a'));
    press(&mut s, "G");
    assert_ne!(s.reader.top, marked);
    press(&mut s, "'a");
    assert_eq!(s.reader.top, marked);
    // '' after G returns; '' again goes back to the end.
    press(&mut s, "G");
    let end = s.reader.top;
    press(&mut s, "''");
    assert_eq!(s.reader.top, marked);
    press(&mut s, "''");
    assert_eq!(s.reader.top, end);
    // j is no jump: '' still returns to where G started.
    press(&mut s, "k''");
    assert_eq!(s.reader.top, marked);
    // An unknown mark says so and moves nothing.
    press(&mut s, "'z");
    assert_eq!(s.reader.top, marked);
    assert_eq!(s.message.as_deref(), Some("no mark z"));
    // Anything but a letter after m cancels it.
    press(&mut s, "m]");
    assert_eq!(s.memory.marks.len(), 1);
    assert!(s.memory.pending.is_none());
}

#[test]
fn a_mark_set_at_one_width_is_the_same_text_at_another() {
    let mut s = sample(100, 30);
    press(&mut s, "]]]jjjjj");
    press(&mut s, "mbg");
    let byte = s.memory.marks[&'b'].byte;
    update(
        &mut s,
        Action::ResizeScreen {
            width: 61,
            height: 20,
        },
    );
    press(&mut s, "'b");
    // At 61 columns the top line is the one that holds the marked text's first byte.
    let top = s.reader.top;
    let line = s.reader.cached(top.unit).unwrap()[top.line].clone();
    assert!(
        line.range.start <= byte && byte < line.range.end,
        "{byte} not in {:?}",
        line.range
    );
    assert_eq!(s.shown_unit().map(|u| u.article), Some(3));
}

#[test]
fn the_marks_list_shows_headline_and_jumps() {
    let mut s = sample(100, 30);
    press(&mut s, "M");
    assert!(s.memory.list.is_none(), "no marks, no list");
    press(&mut s, "]]]maG]mc");
    press(&mut s, "M");
    assert_eq!(s.memory.list, Some(0));
    let screen = (0..30)
        .map(|y| row_text(render(&s).backend().buffer(), y))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(screen.contains("marks"), "{screen}");
    let headline = {
        let d = &s.docs[0];
        let span = d.articles[3].title.clone().unwrap();
        d.text[span.range].chars().take(5).collect::<String>()
    };
    assert!(screen.contains(&format!("a  {headline}")), "{screen}");
    press(&mut s, "jk<Enter>");
    assert!(s.memory.list.is_none());
    assert_eq!(s.shown_unit().map(|u| u.article), Some(3));
}
