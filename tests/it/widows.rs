//! No widows: a paragraph's last line holds at least two characters besides its
//! closing punctuation (`升。` alone is pulled together with a character from the line
//! above), without breaking the line-start rules or overflowing.

use kanbao::document::{BlockKind, Document, parse};
use kanbao::layout::{LayoutOptions, LineRole, lay_out, plain_text};
use proptest::prelude::*;

use crate::support::sample_doc;

/// Closing punctuation that rides on the character before it.
fn closing(c: char) -> bool {
    "，。、；：？！”’）》」』】…—·,.;:?!)]%".contains(c)
}

/// Characters of a line, closing punctuation not counted.
fn characters(text: &str) -> usize {
    text.chars()
        .filter(|c| !closing(*c) && !c.is_whitespace())
        .count()
}

/// The last lines of the paragraphs that took two lines or more and end with one
/// character and its punctuation although the line above could give one (it holds
/// four characters or more: two to give at most, two to keep).
fn widows(doc: &Document, width: u16) -> Vec<String> {
    let opts = LayoutOptions {
        width,
        ..LayoutOptions::default()
    };
    let layout = lay_out(doc, &opts);
    let mut out = Vec::new();
    let lines = &layout.lines;
    for (i, line) in lines.iter().enumerate() {
        let next_same = lines.get(i + 1).is_some_and(|n| {
            n.block == line.block && n.article == line.article && n.role == line.role
        });
        let prev_same = i > 0
            && lines[i - 1].block == line.block
            && lines[i - 1].article == line.article
            && lines[i - 1].role == line.role;
        let is_paragraph = line.role == LineRole::Paragraph
            && line
                .block
                .is_some_and(|b| doc.articles[line.article].blocks[b].kind == BlockKind::Paragraph);
        if is_paragraph && prev_same && !next_same {
            let text = &doc.text[line.range.clone()];
            let above = &lines[i - 1];
            let gives = characters(&doc.text[above.range.clone()]) >= 4;
            if characters(text) < 2 && text.chars().any(closing) && gives {
                let shown = (plain_text(doc, above), plain_text(doc, line));
                out.push(format!("{width}: {shown:?}"));
            }
        }
    }
    out
}

#[test]
fn no_paragraph_of_the_sample_ends_with_a_lone_character() {
    let doc = sample_doc();
    let found: Vec<String> = (10..=120).flat_map(|w| widows(&doc, w)).collect();
    assert!(found.is_empty(), "{found:#?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_paragraph_ends_with_one_character_and_its_punctuation(
        clauses in prop::collection::vec("[春耕时节农民合作社检修机今年全市新建高标准田]{1,9}", 1..8),
        width in 8u16..50,
    ) {
        let paragraph = clauses.join("，") + "。";
        let doc = parse("p", &format!("## 标题\n\n　　{paragraph}\n"));
        let found = widows(&doc, width);
        prop_assert!(found.is_empty(), "{:?}", found);
    }
}
