//! Continuation notes (`（上接第一版）`, `（下转第3版）`) put back into their story.
//!
//! The front end types a note (`continuation`); it is set apart before the structure
//! decode, like furniture, because it is no part of any head or paragraph and would
//! only blur the cues of the lines around it. Afterwards it goes back into the story it
//! belongs to, as a [`BlockKind::ContinuationNote`] block: a note saying where the story
//! comes from (`上接`, `接`) into the article of the text after it, before that text; a
//! note saying where it goes on (`下转`, `转`) into the article of the text before it,
//! after that text. A note with no story on either side is furniture.
//!
//! Linear: one pass maps units to articles, one pass per article inserts its notes.

use super::model::BlockKind;
use super::plan::{Glue, Piece, PlanArticle, PlanBlock, Text};

/// A continuation note set apart: its unit (in the document's unit list), how many
/// decoded units stood before it, and whether it says where the story comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Note {
    pub unit: usize,
    pub at: usize,
    pub from: bool,
    pub len: usize,
}

/// Whether a note says where the story comes from (`上接`, `接上`, `续`), not where it
/// goes on (`下转`, `转`).
pub(crate) fn is_from(note: &str) -> bool {
    let core = note.trim_start_matches(|c: char| !c.is_alphanumeric());
    !(core.starts_with("下转")
        || core.starts_with('转')
        || core.starts_with("下轉")
        || core.starts_with('轉'))
}

/// The decoded units each article holds (by field and block), as `unit → article`.
fn owners(articles: &[PlanArticle], units: usize) -> Vec<Option<(usize, usize)>> {
    let mut owner = vec![None; units];
    for (ai, a) in articles.iter().enumerate() {
        let fields = a.overline.iter().map(|b| &b.text).chain(
            [&a.kicker, &a.title, &a.subtitle, &a.byline]
                .into_iter()
                .flatten(),
        );
        for t in fields {
            for p in &t.pieces {
                if let Some(slot) = owner.get_mut(p.unit) {
                    slot.get_or_insert((ai, 0));
                }
            }
        }
        for (bi, b) in a.blocks.iter().enumerate() {
            for p in &b.text.pieces {
                if let Some(slot) = owner.get_mut(p.unit) {
                    *slot = Some((ai, bi + 1));
                }
            }
        }
    }
    owner
}

/// Inserts the notes into their articles; returns the units of notes that found no
/// story (to be shown as furniture). `units` is the number of decoded units.
pub(crate) fn attach(articles: &mut [PlanArticle], notes: &[Note], units: usize) -> Vec<usize> {
    let owner = owners(articles, units);
    // The nearest owned unit at or after each position, and before it.
    let mut next = vec![None; units + 1];
    for i in (0..units).rev() {
        next[i] = owner.get(i).copied().flatten().or(next[i + 1]);
    }
    let mut prev = vec![None; units + 1];
    for i in 1..=units {
        prev[i] = owner.get(i - 1).copied().flatten().or(prev[i - 1]);
    }
    // Per article: (where in its block list, order, block).
    let mut inserts: Vec<Vec<(usize, usize, PlanBlock)>> = vec![Vec::new(); articles.len()];
    let mut orphans = Vec::new();
    for (k, n) in notes.iter().enumerate() {
        let at = n.at.min(units);
        let after = next.get(at).copied().flatten();
        let before = prev.get(at).copied().flatten();
        // A note coming from elsewhere opens the text after it; one going on closes
        // the text before it.
        let place = if n.from {
            after.map(|(a, b)| (a, b.saturating_sub(1))).or(before)
        } else {
            before.or(after.map(|(a, b)| (a, b.saturating_sub(1))))
        };
        let block = PlanBlock {
            kind: BlockKind::ContinuationNote,
            text: Text::new(
                vec![Piece {
                    unit: n.unit,
                    range: 0..n.len,
                }],
                Glue::Rejoin,
            ),
        };
        match place.and_then(|(a, b)| inserts.get_mut(a).map(|v| (v, b))) {
            Some((v, b)) => v.push((b, k, block)),
            None => orphans.push(n.unit),
        }
    }
    for (a, mut ins) in articles.iter_mut().zip(inserts) {
        if ins.is_empty() {
            continue;
        }
        ins.sort_by_key(|(b, k, _)| (*b, *k));
        let old = std::mem::take(&mut a.blocks);
        let mut ins = ins.into_iter().peekable();
        for (bi, block) in old.into_iter().enumerate() {
            while let Some((_, _, note)) = ins.next_if(|(b, _, _)| *b <= bi) {
                a.blocks.push(note);
            }
            a.blocks.push(block);
        }
        a.blocks.extend(ins.map(|(_, _, note)| note));
    }
    orphans
}

#[cfg(test)]
mod tests {
    use crate::document::{BlockKind, parse};

    fn kinds(md: &str) -> Vec<Vec<(BlockKind, String)>> {
        let doc = parse("t", md);
        doc.articles
            .iter()
            .map(|a| {
                a.blocks
                    .iter()
                    .map(|b| (b.kind, doc.str(&b.span).to_string()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_note_goes_with_its_story() {
        let md = "## 春耕时节备耕忙\n\n本报记者 张三\n\n（上接第一版）\n\n各地抓紧备耕，确保不误农时。\n\n合作社里一派繁忙景象。\n\n（下转第3版）\n\n## 合作社里话丰收\n\n本报记者 李四\n\n今年全村粮食再获丰收，合作社社员人均增收两千元。\n";
        let arts = kinds(md);
        let first = arts.first().cloned().unwrap_or_default();
        let notes: Vec<&(BlockKind, String)> = first
            .iter()
            .filter(|(k, _)| *k == BlockKind::ContinuationNote)
            .collect();
        assert_eq!(notes.len(), 2, "{arts:?}");
        assert_eq!(first.first().map(|b| b.1.as_str()), Some("（上接第一版）"));
        assert_eq!(first.last().map(|b| b.1.as_str()), Some("（下转第3版）"));
        assert!(
            arts.iter()
                .skip(1)
                .flatten()
                .all(|(k, _)| *k != BlockKind::ContinuationNote && *k != BlockKind::Credit)
        );
    }

    #[test]
    fn a_note_glued_to_a_paragraph_is_split_into_its_own_block() {
        let md = "## 标题\n\n正文写到这里，发挥了独特作用。（下转第3版）\n";
        let arts = kinds(md);
        let blocks = arts.first().cloned().unwrap_or_default();
        assert_eq!(
            blocks,
            vec![
                (
                    BlockKind::Paragraph,
                    "正文写到这里，发挥了独特作用。".to_string()
                ),
                (BlockKind::ContinuationNote, "（下转第3版）".to_string())
            ]
        );
    }

    #[test]
    fn words_like_a_note_stay_in_the_paragraph() {
        let arts = kinds("## 标题\n\n他接到第2版的稿件后立即修改。\n");
        assert!(
            arts.iter()
                .flatten()
                .all(|(k, _)| *k == BlockKind::Paragraph)
        );
    }

    #[test]
    fn direction_of_a_note() {
        assert!(super::is_from("（上接第一版）"));
        assert!(super::is_from("接第2版"));
        assert!(!super::is_from("（下转第3版）"));
        assert!(!super::is_from("[转A3版）"));
    }
}
