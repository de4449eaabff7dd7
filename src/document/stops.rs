//! Pages whose OCR dropped the sentence stops: read paragraph ends by the page's habit.
//!
//! Some recognisers lose the `。` that closes a paragraph (it stands alone at the end
//! of a short last line, and a light scan loses it), often for a fifth to a third of
//! the paragraphs of a page (the `OmniDocBench` newspaper page: `……就不得不引人深思` ⏎⏎
//! `追根溯源，……`). Everywhere else a paragraph that stops without sentence-final
//! punctuation is the first part of a column break, and the structure decisions read it
//! so; on such a page that reading glues whole paragraphs together.
//!
//! The page shows the habit where no column break can be: a paragraph that closes a
//! story (the next unit is a heading, an image or the page end) and still stops open.
//! When that is so for at least two story ends and a quarter of them, an open
//! paragraph end is read as the end it most likely is, and the text after it opens a
//! paragraph of its own ([`Unit::opens_block`], which the decoder keeps) unless the
//! words say the sentence goes on: the next part opens with what cannot start a
//! sentence (`，`, `的`…), the first part stops on a particle or a waiting preposition
//! (`……的`, `……通过`), the two characters across the boundary stand together elsewhere
//! on the page (a cut inside a word), or the first part is a short fragment.

use std::collections::HashSet;

use super::habits::{self, Habits};
use super::text::{
    chars_up_to, clearly_continues, ends_mid_phrase, ends_on_preposition, ends_sentence, is_space,
};
use super::unit::{Syntax, Unit};

/// Shortest paragraph (characters) whose open end counts as a story's end, and whose
/// open end is read as a paragraph end on a page with the habit: a shorter part is
/// more likely a column-break fragment or a caption.
const PARAGRAPH_MIN: usize = 30;

/// Story ends that must stop open before the page is read as one that drops stops.
const OPEN_ENDS_MIN: usize = 2;

/// Reads the page's habit and marks the paragraphs that open after an open end.
pub(crate) fn mark(units: &mut [Unit], habits: &mut Habits) {
    if !drops_stops(units) {
        return;
    }
    habits.note(habits::DROPPED_STOPS);
    let pairs = word_pairs(units);
    for i in 1..units.len() {
        let (Some(a), Some(b)) = (units.get(i - 1), units.get(i)) else {
            continue;
        };
        if opens_paragraph(a, b, &pairs)
            && let Some(b) = units.get_mut(i)
        {
            b.opens_block = true;
        }
    }
}

/// Whether the page's story ends show the habit: at least [`OPEN_ENDS_MIN`] of them,
/// and a quarter, stop without sentence-final punctuation.
fn drops_stops(units: &[Unit]) -> bool {
    let (mut ends, mut open) = (0usize, 0usize);
    for (i, u) in units.iter().enumerate() {
        if u.syntax != Syntax::Text || chars_up_to(&u.text, PARAGRAPH_MIN) < PARAGRAPH_MIN {
            continue;
        }
        let closes_story = units
            .get(i + 1)
            .is_none_or(|n| matches!(n.syntax, Syntax::Heading(_) | Syntax::Image));
        if closes_story {
            ends += 1;
            open += usize::from(!ends_sentence(&u.text));
        }
    }
    open >= OPEN_ENDS_MIN && open * 4 >= ends
}

/// Whether `b` opens a paragraph after the open end of `a`, on a page that drops stops.
/// A heading after an open end opens its block when the words across do not say the
/// sentence goes on: the habit is read from such story ends in the first place, so a
/// `#` line there is taken at its mark (the `OmniDocBench` page's `……的动力之源` ⏎⏎ `# “让能飞的
/// 飞得更高，能跑的跑得更快！”`, a subhead, not the rest of the paragraph).
fn opens_paragraph(a: &Unit, b: &Unit, pairs: &HashSet<(char, char)>) -> bool {
    if a.syntax != Syntax::Text || b.adjacent {
        return false;
    }
    if ends_sentence(&a.text) || chars_up_to(&a.text, PARAGRAPH_MIN) < PARAGRAPH_MIN {
        return false;
    }
    if clearly_continues(&b.text) || ends_mid_phrase(&a.text) || ends_on_preposition(&a.text) {
        return false;
    }
    let last = a.text.chars().rev().find(|c| !is_space(*c));
    let first = b.text.chars().find(|c| !is_space(*c));
    let seen = match (last, first) {
        (Some(l), Some(f)) => pairs.contains(&(l, f)),
        _ => true,
    };
    let opens = match b.syntax {
        Syntax::Heading(_) => true,
        Syntax::Text => opens_with_clause(&b.text),
        _ => false,
    };
    !seen && ends_whole_clause(&a.text) && opens
}

/// Punctuation that closes a clause inside a paragraph.
const CLAUSE_MARKS: &[char] = &['，', ',', '。', '；', ';', '：', ':', '！', '？', '、'];

/// Whether `a`'s last clause is a whole one: four characters or more since the last
/// clause mark, not a number and its measure word (`……聘请了3名`). A column break
/// cuts anywhere, so its first part often stops a word or two into a clause
/// (`他认为，要`); a paragraph ends on a finished clause.
fn ends_whole_clause(a: &str) -> bool {
    let a = a.trim_end_matches(is_space);
    let clause = a.rsplit(CLAUSE_MARKS).next().unwrap_or(a);
    let mut tail = clause.chars().rev();
    let counted = chars_up_to(clause, 4) >= 4;
    let measured = tail
        .nth(1)
        .is_some_and(|c| c.is_ascii_digit() || "一二两三四五六七八九十百千万".contains(c));
    counted && !measured
}

/// Whether `b` opens as a paragraph opens: a short phrase set off by a comma
/// (`那年夏天，`, `追根溯源，`, `有营党委的鼎力支持，`), two to twelve characters with
/// no other clause mark before it. The rest of a cut sentence more often runs on
/// (`由政府主导逐步过渡到……`) or closes at once (`造。`).
fn opens_with_clause(b: &str) -> bool {
    let b = b.trim_start_matches(is_space);
    let Some(at) = b.find(CLAUSE_MARKS) else {
        return false;
    };
    let (head, rest) = b.split_at(at);
    rest.starts_with(['，', ',']) && (2..=12).contains(&chars_up_to(head, 12))
}

/// Every pair of word characters standing side by side in the page's text.
fn word_pairs(units: &[Unit]) -> HashSet<(char, char)> {
    let mut pairs = HashSet::new();
    for u in units
        .iter()
        .filter(|u| matches!(u.syntax, Syntax::Text | Syntax::Heading(_)))
    {
        let mut prev: Option<char> = None;
        for c in u.text.chars() {
            if let Some(p) = prev
                && p.is_alphanumeric()
                && c.is_alphanumeric()
            {
                pairs.insert((p, c));
            }
            prev = Some(c);
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::lines::units;

    /// The texts of the units marked as opening a paragraph.
    fn opened(md: &str) -> (Vec<String>, bool) {
        let (u, h) = crate::document::lines::read(md);
        let marked = u
            .iter()
            .filter(|u| u.opens_block && u.syntax == Syntax::Text)
            .map(|u| u.text.chars().take(4).collect())
            .collect();
        (marked, h.has(habits::DROPPED_STOPS))
    }

    const STORY_A: &str =
        "# 甲镇春耕忙\n\n今年甲镇的春耕比往年早了半个月，合作社的农机一早就开进了田里\n\n";
    const STORY_B: &str =
        "# 乙村修路\n\n乙村的新路修到了村口，村民出门再也不用踩着泥水走路了大家都说好\n\n";

    #[test]
    fn a_page_whose_story_ends_stop_open_reads_open_ends_as_paragraph_ends() {
        let md = format!(
            "{STORY_A}{STORY_B}# 丙县办展会\n\n丙县的农产品展会开了三天，来自各地的客商签下了不少订单总额过亿\n\n追根溯源，展会办得好靠的是县里多年打下的产业基础和口碑。\n"
        );
        let (marked, habit) = opened(&md);
        assert!(habit);
        assert_eq!(marked, ["追根溯源"]);
    }

    #[test]
    fn a_heading_after_an_open_end_on_such_a_page_opens_its_block() {
        let md = format!(
            "{STORY_A}{STORY_B}# 丙县办展会\n\n丙县的农产品展会开了三天，来自各地的客商签下了不少订单总额过亿\n\n## “让展会办得更好！”\n\n追根溯源，展会办得好靠的是县里多年打下的产业基础和口碑。\n"
        );
        let heads = |md: &str| -> Vec<String> {
            let (u, _) = crate::document::lines::read(md);
            u.iter()
                .filter(|u| u.opens_block && matches!(u.syntax, Syntax::Heading(_)))
                .map(|u| u.text.chars().take(4).collect())
                .collect()
        };
        assert_eq!(heads(&md), ["乙村修路", "丙县办展", "“让展会"]);
        // Unless the words say the sentence goes on.
        let md = md.replace("## “让展会办得更好！”", "## 的成绩让人振奋");
        assert_eq!(heads(&md), ["乙村修路", "丙县办展"]);
    }

    #[test]
    fn on_an_ordinary_page_an_open_end_is_left_to_the_decoder() {
        // Story ends close with `。`: the open part is a column break's first half.
        let md = "# 甲镇春耕忙\n\n今年甲镇的春耕比往年早了半个月，合作社的农机一早就开进了田里。\n\n# 乙村修路\n\n乙村的新路修到了村口，村民出门再也不用踩着泥水走路了，大家都说好\n\n走访农户，村干部把修路的账一笔一笔讲给大家听，大家心里都有了底。\n";
        let (marked, habit) = opened(md);
        assert!(!habit);
        assert!(marked.is_empty(), "{marked:?}");
        // One open story end is not a habit.
        assert!(!drops_stops(&units(&md.replacen(
            "农机一早就开进了田里。",
            "农机一早就开进了田里",
            1
        ))));
    }

    #[test]
    fn the_words_still_rejoin_a_column_break_on_such_a_page() {
        for (a, b) in [
            // The next part cannot start a sentence.
            (
                "丙县的农产品展会开了三天，来自各地的客商签下了不少订单总额过亿",
                "的成绩让人振奋，展会办得好。",
            ),
            // The first part waits for its word.
            (
                "丙县的农产品展会开了三天，来自各地的客商签下了不少订单，县里通过",
                "展会带动了全县的产业发展。",
            ),
            // The pair across the cut is a word of the page (`展会`).
            (
                "丙县的农产品展会开了三天，来自各地的客商签下了不少订单，这次展",
                "会办得好靠的是县里多年的基础。",
            ),
            // A short fragment.
            (
                "丙县的农产品展会开了",
                "三天，来自各地的客商签下了不少订单总额过亿元。",
            ),
            // The first part stops a word into its clause (`他认为，要`).
            (
                "丙县的农产品展会开了三天，来自各地的客商签下了不少订单。他认为，要",
                "由县里牵头，办成一年一届的展会。",
            ),
            // A number and its measure word wait for what they count.
            (
                "丙县的农产品展会开了三天，来自各地的客商签下了不少订单，还请来了3名",
                "外地专家，帮着出主意。",
            ),
            // The rest runs on without a short opening phrase, or closes at once.
            (
                "丙县的农产品展会开了三天，来自各地的客商签下了不少订单总额过亿",
                "这在县里的历史上还是头一回。",
            ),
            (
                "丙县的农产品展会开了三天，来自各地的客商签下了不少订单总额过亿元整体",
                "好。",
            ),
        ] {
            let md = format!("{STORY_A}{STORY_B}# 丙县办展会\n\n{a}\n\n{b}\n");
            let (marked, habit) = opened(&md);
            assert!(habit, "{a}");
            assert!(marked.is_empty(), "{a} ⏎ {b}: {marked:?}");
        }
    }
}
