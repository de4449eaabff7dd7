//! The weak cues the decoder weighs: for every unit, the set of binary features that
//! hold for it (short, ends a sentence, byline-shaped, a heading at the page's top
//! level, next to an image, shares words with the text before…), plus the same
//! features of its neighbours.
//!
//! No cue decides alone: each feature only adds its fitted weight to each role's score
//! (`weights`), and `decode` chooses the roles of the whole page at once. Features are
//! computed once per unit, in time linear in the page (topic windows are bounded).

use std::collections::HashSet;

use super::byline;
use super::cut;
use super::join::is_credit;
use super::lines::{Syntax, Unit};
use super::roles::{ALL, Role};
use super::siblings::{self, Kin};
use super::text::{
    TITLE_MAX_CHARS, announces_caption, chars_up_to, clearly_continues, ends_mid_phrase,
    ends_on_preposition, ends_sentence, is_han, is_space, is_title_like, starts_enumeration, trim,
    word_chars,
};

/// The features of a unit itself, by name. Their order is the feature id.
pub(crate) const BASE: &[&str] = &[
    "bias",
    "syn:heading",
    "syn:text",
    "syn:other",
    "h:top",
    "h:second",
    "h:lower",
    "page:levelled",
    "page:one_level",
    "page:unmarked",
    "text_on_marked_page",
    "len:1-4",
    "len:5-8",
    "len:9-15",
    "len:16-25",
    "len:26-40",
    "len:41-80",
    "len:81-200",
    "len:200+",
    "rel:longer_than_heads",
    "rel:much_longer_than_heads",
    "rel:shorter_than_heads",
    "end:sentence",
    "end:open",
    "end:question",
    "end:comma",
    "end:colon",
    "end:quote",
    "end:closes_term",
    "end:mid_phrase",
    "has:comma",
    "has:colon",
    "has:inner_stop",
    "has:gap",
    "title_like",
    "starts:continues",
    "starts:enumeration",
    "indented",
    "adjacent",
    "wrap:same_width",
    "by:own_line",
    "by:bare_name",
    "by:names_line",
    "by:place_name",
    "by:text_photo",
    "by:joined_reporting",
    "by:inline",
    "by:agency_words",
    "credit",
    "caption:announced",
    "bracketed",
    "note:vocab",
    "cont:from",
    "cont:to",
    "furn:vocab",
    "furn:shape",
    "pos:first",
    "pos:last",
    "topic:new",
    "topic:low",
    "topic:shared",
    "img:near",
    "cmp:longer_than_next",
    "cmp:shorter_than_next",
    "cmp:longer_than_prev",
    "cmp:shorter_than_prev",
    "next_is_list",
    "plain_over_head",
    "plain_over_head:after_end",
    "note:from_next",
    "cut:seen_bigram",
    "cut:clause_end",
    "cut:clause_start",
    "cut:word",
    "head:over_byline",
    "head:over_dateline",
    "page:drops_stops",
    "end:short_sentence",
    "starts:one_char_clause",
    "next_is_credit",
    "note:to_next",
    "sib:shape",
    "sib:near",
    "sib:lone",
    "end:dash",
    "end:digit",
    "photo:titled",
    "rule:lone_subhead",
];

/// Each base feature again, when the unit before is running text left open
/// (`open&syn:heading`…): what a line looks like matters most for whether it
/// continues a paragraph, and a linear model needs the pair spelled out.
const OPEN_AT: usize = BASE.len();

/// Rule parser roles are features too (`rule:headline`…), after the others.
const RULES_AT: usize = 2 * BASE.len();

/// Base features, their open-paragraph pairs, and one per rule role.
pub(crate) const PER_UNIT: usize = 2 * BASE.len() + ALL.len();

/// Positions whose features are copied: the unit itself, then its neighbours.
pub(crate) const OFFSETS: [isize; 5] = [0, -1, 1, -2, 2];

/// Every feature id: `PER_UNIT` ids for each offset.
pub(crate) const COUNT: usize = PER_UNIT * OFFSETS.len();

/// The name of feature `id` (`prev:by:own_line`…), as written in the weights file.
pub(crate) fn name(id: usize) -> String {
    let base = id % PER_UNIT;
    let offset = OFFSETS.get(id / PER_UNIT).copied().unwrap_or(0);
    let own = match BASE.get(base) {
        Some(n) => (*n).to_string(),
        None if base < RULES_AT => format!("open&{}", BASE.get(base - OPEN_AT).unwrap_or(&"?")),
        None => format!(
            "rule:{}",
            ALL.get(base - RULES_AT).map_or("?", |r| r.name())
        ),
    };
    match offset {
        0 => own,
        -1 => format!("prev:{own}"),
        1 => format!("next:{own}"),
        -2 => format!("prev2:{own}"),
        _ => format!("next2:{own}"),
    }
}

fn id(name: &str) -> usize {
    BASE.iter().position(|n| *n == name).unwrap_or(0)
}

/// The active features of every unit of a page (ids below `PER_UNIT`), and the page
/// wide facts they were read against.
pub(crate) struct PageFeatures {
    pub own: Vec<Vec<u16>>,
}

impl PageFeatures {
    /// All active feature ids of unit `i`, own and neighbours'.
    pub(crate) fn active(&self, i: usize, out: &mut Vec<usize>) {
        out.clear();
        for (slot, off) in OFFSETS.iter().enumerate() {
            let Some(j) = i.checked_add_signed(*off) else {
                continue;
            };
            if let Some(fs) = self.own.get(j) {
                out.extend(fs.iter().map(|&f| slot * PER_UNIT + usize::from(f)));
            }
        }
    }
}

/// Heading levels on the page.
struct Levels {
    top: Option<u8>,
    second: Option<u8>,
    distinct: usize,
    headings: usize,
    /// Typical length of the page's heading-like lines (median), in characters.
    head_len: usize,
    /// The OCR dropped the stops closing many paragraphs (`stops`).
    drops_stops: bool,
}

fn levels(units: &[Unit]) -> Levels {
    let mut seen = [0usize; 7];
    let mut lens = Vec::new();
    for u in units {
        if let Syntax::Heading(l) = u.syntax {
            if let Some(n) = seen.get_mut(usize::from(l).min(6)) {
                *n += 1;
            }
            lens.push(chars_up_to(&u.text, 200));
        }
    }
    if lens.is_empty() {
        lens = units
            .iter()
            .filter(|u| u.syntax == Syntax::Text && is_title_like(&u.text))
            .map(|u| chars_up_to(&u.text, 200))
            .collect();
    }
    lens.sort_unstable();
    let present: Vec<u8> = (1..=6u8)
        .filter(|l| seen.get(usize::from(*l)).is_some_and(|n| *n > 0))
        .collect();
    Levels {
        top: present.first().copied(),
        second: present.get(1).copied(),
        distinct: present.len(),
        headings: seen.iter().sum(),
        head_len: lens.get(lens.len() / 2).copied().unwrap_or(16).max(4),
        drops_stops: false,
    }
}

/// Reads the features of every unit; `rules` is the rule parser's role per unit,
/// `habits` the converter habits the front end found on the page (`habits`).
pub(crate) fn page(units: &[Unit], rules: &[Option<Role>], habits: &[&str]) -> PageFeatures {
    let mut lv = levels(units);
    lv.drops_stops = habits.contains(&super::habits::DROPPED_STOPS);
    // Each unit's length and word count, read once: neighbours and topic windows ask
    // for them many times over.
    let sizes: Vec<Size> = units.iter().map(Size::of).collect();
    let topics = topic_cues(units, &sizes);
    let kin = siblings::kin(units);
    let chars = PageChars::of(units);
    let own = units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let mut f = Vec::with_capacity(24);
            unit_features(units, &sizes, i, u, &lv, &mut f);
            if let Some(t) = topics.get(i).copied().flatten() {
                f.push(id(t) as u16);
            }
            // Kin is read on plain lines, and on headings where the page sets every
            // head at one level (MinerU's `#`): elsewhere the levels tell a subhead
            // from a headline, and a story's one `###` subhead is no headline for
            // lacking a sibling.
            let one_level = u.syntax == Syntax::Text || lv.distinct <= 1;
            if let Some(k) = kin.get(i).copied().flatten().filter(|_| one_level) {
                push(
                    &mut f,
                    match k {
                        Kin::Shape => "sib:shape",
                        Kin::Near => "sib:near",
                        Kin::Lone => "sib:lone",
                    },
                );
            }
            if let Some(p) = i.checked_sub(1).and_then(|p| units.get(p)) {
                chars.cut(p, u, &mut f);
            }
            let open = i
                .checked_sub(1)
                .and_then(|p| units.get(p))
                .is_some_and(|p| p.syntax == Syntax::Text && !ends_sentence(&p.text));
            if open {
                let n = f.len();
                for k in 0..n {
                    if let Some(&x) = f.get(k) {
                        f.push(x + OPEN_AT as u16);
                    }
                }
            }
            // The rule parser's verdict. On a plain line (no heading mark) with no
            // sibling of its shape (`siblings`), its subhead is a cue of its own,
            // `rule:lone_subhead`, which the fitter's trust in the rules does not
            // cover: of such lines on the training pages 329 are subheads and 454 cut
            // paragraph fragments or other text (`为进一步丰富` ⏎⏎ `文化体验维度，……`),
            // which the trusted verdict kept as subheads whatever the cut's cues said
            // (with a sibling: 230 subheads, 107 other).
            // Held-out training pages: 92.5% -> 92.9% (ocr-blocks 86.0% -> 87.4%).
            if let Some(r) = rules.get(i).copied().flatten() {
                let lone = r == Role::Subhead
                    && u.syntax == Syntax::Text
                    && kin.get(i).copied().flatten() != Some(Kin::Shape);
                if lone {
                    push(&mut f, "rule:lone_subhead");
                } else {
                    f.push((RULES_AT + r.index()) as u16);
                }
            }
            f
        })
        .collect();
    PageFeatures { own }
}

fn push(f: &mut Vec<u16>, name: &str) {
    f.push(id(name) as u16);
}

/// A unit's length in characters (spaces aside, counted up to 201) and in words
/// (ideographs, letters, digits; 201 for a unit longer than 200 characters).
#[derive(Clone, Copy)]
struct Size {
    chars: usize,
    words: usize,
}

impl Size {
    fn of(u: &Unit) -> Self {
        let chars = chars_up_to(&u.text, 201);
        let words = if chars > 200 {
            201
        } else {
            word_chars(&u.text)
        };
        Self { chars, words }
    }
}

fn unit_features(
    units: &[Unit],
    sizes: &[Size],
    at: usize,
    unit: &Unit,
    lv: &Levels,
    f: &mut Vec<u16>,
) {
    push(f, "bias");
    if unit.from_note_next {
        push(f, "note:from_next");
    }
    // The story stops here on this page (`转第15版` comes next): the unit after it
    // (`next:`'s mirror, `prev:note:to_next`) opens another story.
    if unit.to_note_next {
        push(f, "note:to_next");
    }
    let t = trim(&unit.text);
    match unit.syntax {
        Syntax::Heading(l) => {
            push(f, "syn:heading");
            if Some(l) == lv.top {
                push(f, "h:top");
            } else if Some(l) == lv.second {
                push(f, "h:second");
            } else {
                push(f, "h:lower");
            }
        }
        Syntax::Text => {
            push(f, "syn:text");
            if lv.headings >= 2 {
                push(f, "text_on_marked_page");
            }
        }
        _ => {
            push(f, "syn:other");
            if unit.syntax == Syntax::Image {
                return;
            }
        }
    }
    if lv.distinct >= 2 {
        push(f, "page:levelled");
    } else if lv.distinct == 1 && lv.headings >= 2 {
        push(f, "page:one_level");
    } else {
        push(f, "page:unmarked");
    }
    // A page whose OCR dropped many paragraph stops (`stops`): there an open end is
    // as often a paragraph's end as a column break, elsewhere it is mostly a break.
    // One weight cannot say both; paired with `open&` (the unit before stops open) the
    // fit learns the difference, rather than weakening the open-end cue everywhere
    // (the unmarked sample's `……依托大` ⏎⏎ `秦线……` was read as two paragraphs).
    if lv.drops_stops {
        push(f, "page:drops_stops");
    }
    let n = sizes.get(at).map_or(0, |s| s.chars);
    push(
        f,
        match n {
            0..=4 => "len:1-4",
            5..=8 => "len:5-8",
            9..=15 => "len:9-15",
            16..=25 => "len:16-25",
            26..=40 => "len:26-40",
            41..=80 => "len:41-80",
            81..=200 => "len:81-200",
            _ => "len:200+",
        },
    );
    if n * 2 > lv.head_len * 3 {
        push(f, "rel:longer_than_heads");
    }
    if n > lv.head_len * 3 {
        push(f, "rel:much_longer_than_heads");
    }
    if n * 3 < lv.head_len * 2 {
        push(f, "rel:shorter_than_heads");
    }
    punctuation(t, f);
    if is_title_like(t) {
        push(f, "title_like");
    }
    if clearly_continues(t) {
        push(f, "starts:continues");
    }
    if starts_enumeration(t) {
        push(f, "starts:enumeration");
    }
    if starts_with_one_char_clause(t) {
        push(f, "starts:one_char_clause");
    }
    if unit.indented {
        push(f, "indented");
    }
    if unit.adjacent {
        push(f, "adjacent");
    }
    if at > 0
        && unit.adjacent
        && units
            .get(at - 1)
            .is_some_and(|p| wide(&p.text) + 1 >= wide(t))
    {
        push(f, "wrap:same_width");
    }
    bylines(t, f);
    notes(t, f);
    if at == 0 {
        push(f, "pos:first");
    }
    if at + 1 == units.len() {
        push(f, "pos:last");
    }
    let image = |j: Option<usize>| {
        j.and_then(|j| units.get(j))
            .is_some_and(|n| n.syntax == Syntax::Image)
    };
    if image(at.checked_sub(1)) || image(at.checked_sub(2)) || image(Some(at + 1)) {
        push(f, "img:near");
    }
    // Which of two stacked short lines is the headline: the wordier one, mostly,
    // counting words, not the quotes and gaps a slogan kicker is set with.
    let words = sizes.get(at).map_or(0, |s| s.words);
    let len_of = |j: Option<usize>| {
        j.and_then(|j| Some((units.get(j)?, sizes.get(j)?)))
            .filter(|(u, _)| matches!(u.syntax, Syntax::Text | Syntax::Heading(_)))
            .map(|(_, s)| s.words)
    };
    if let Some(m) = len_of(Some(at + 1)) {
        if words > m + 2 {
            push(f, "cmp:longer_than_next");
        } else if words + 2 < m {
            push(f, "cmp:shorter_than_next");
        }
    }
    if let Some(m) = len_of(at.checked_sub(1)) {
        if words > m + 2 {
            push(f, "cmp:longer_than_prev");
        } else if words + 2 < m {
            push(f, "cmp:shorter_than_prev");
        }
    }
    if unit.syntax == Syntax::Text {
        over_byline(units, at, t, n, f);
    }
    if titles_a_photo(units, at, t) {
        push(f, "photo:titled");
    }
    if units
        .get(at + 1)
        .is_some_and(|u| u.syntax == Syntax::ListItem)
    {
        push(f, "next_is_list");
    }
    // A credit line (`孙鑫摄`) under this one: a photo's caption, most likely. As the
    // unit's own cue it is paired with `open&`, so a fit can learn the caption a
    // converter dropped into a column break (`……群众代表通过` ⏎⏎ caption ⏎⏎ credit
    // ⏎⏎ `召开……`), where the words across the break speak for a continuation.
    if units
        .get(at + 1)
        .is_some_and(|u| u.syntax == Syntax::Text && is_credit(trim(&u.text)))
    {
        push(f, "next_is_credit");
    }
    // A short plain line with no sentence in it (a closing quote may end it) right over a heading, on a page whose
    // heads are marked: a series label or an unmarked kicker, not a paragraph (a
    // paragraph's own line rarely sits bare between a story and the next head).
    // Bylines, datelines and credits closing a story are left to their own cues.
    if unit.syntax == Syntax::Text
        && lv.headings >= 2
        && n <= 25
        && !t.contains(['。', '！', '？', '；', '!', '?'])
        && !t.ends_with(['电', '）', ')'])
        && !is_credit(t)
        && !byline::is_own_line(t)
        && !byline::is_bare_name(t)
        && !t.split(is_space).filter(|w| !w.is_empty()).all(is_name)
        && units
            .get(at + 1)
            .is_some_and(|u| matches!(u.syntax, Syntax::Heading(_)))
    {
        push(f, "plain_over_head");
        if at
            .checked_sub(1)
            .and_then(|p| units.get(p))
            .is_some_and(|p| p.syntax == Syntax::Text && ends_sentence(&p.text))
        {
            push(f, "plain_over_head:after_end");
        }
    }
}

/// A short line without punctuation right under an image, with a credit among the two
/// lines under it: the photo item's own title (`老外现场讲授“剪枝”` over its caption and
/// `陈雷报`). Of the 189 such lines of the training pages 188 are photo titles; the
/// rule parser has no such role and reads them as headlines, subheads or paragraphs
/// (`decode` keeps them from running text).
pub(crate) fn titles_a_photo(units: &[Unit], at: usize, t: &str) -> bool {
    let after_image = at
        .checked_sub(1)
        .and_then(|p| units.get(p))
        .is_some_and(|p| p.syntax == Syntax::Image);
    let credited = units.iter().skip(at + 1).take(2).any(|u| {
        let c = trim(&u.text);
        is_credit(c)
            || super::text::ends_with_credit(c)
            || (c.ends_with('报') && chars_up_to(c, 16) <= 15)
    });
    after_image && credited && short_and_unpunctuated(t)
}

/// A short line with no finished sentence in it, right over a byline (`本报记者 张三`,
/// a bare name, a line of names) or over a paragraph opening with a dateline
/// (`本报讯（记者 李四）…`, `新华社北京4月29日电…`): on a page without heading marks,
/// that is where a headline stands, even one holding `，` `：` or ending on `？`. (A
/// paragraph's last line sits over a byline only at a story's end, and then it ends
/// a sentence.)
fn over_byline(units: &[Unit], at: usize, t: &str, n: usize, f: &mut Vec<u16>) {
    let Some(next) = units.get(at + 1) else {
        return;
    };
    let head_shaped = n <= 40
        && !features_sentence(t)
        && !is_credit(t)
        && !byline::is_own_line(t)
        && !byline::is_bare_name(t)
        && !byline::is_names_line(t)
        && !byline::is_bare_dateline(t)
        && byline::inline(t).is_none();
    if !head_shaped || !matches!(next.syntax, Syntax::Text | Syntax::Heading(_)) {
        return;
    }
    let nt = trim(&next.text);
    if byline::is_own_line(nt) || byline::is_bare_name(nt) || byline::is_names_line(nt) {
        push(f, "head:over_byline");
    } else if byline::inline(nt).is_some() || byline::is_bare_dateline(nt) {
        push(f, "head:over_dateline");
    }
}

/// Whether a line ends with, or holds, a full stop (`。` `；`): a sentence, not a head.
/// A question mark may end a headline (`粮食还能再增产吗？`).
fn features_sentence(t: &str) -> bool {
    let core = t.trim_end_matches(['”', '’', '"', '」', '』']);
    t.contains(['。', '；', ';']) || core.ends_with(['.', '｡'])
}

fn wide(s: &str) -> usize {
    s.chars().take(201).count()
}

fn punctuation(t: &str, f: &mut Vec<u16>) {
    let last = t.chars().next_back();
    let term = closes_term(t);
    if ends_sentence(t) && !term {
        push(f, "end:sentence");
    } else {
        push(f, "end:open");
    }
    if term {
        push(f, "end:closes_term");
    }
    // A part cut on a particle or a preposition (`……代表通过`) waits for its word: a
    // column-break fragment, not a title or a finished paragraph. (A cue, not a join:
    // the line after may be a caption dropped into the paragraph.)
    if ends_mid_phrase(t) || ends_on_preposition(t) {
        push(f, "end:mid_phrase");
    }
    if ends_on_short_sentence(t) {
        push(f, "end:short_sentence");
    }
    // A dash closing a part announces what follows (`……形成监管合力——` ⏎⏎ a new
    // paragraph): of the 338 training units after one, 330 open a paragraph or a
    // head; the open end alone reads it as a column break.
    if t.ends_with("——") {
        push(f, "end:dash");
    }
    // A part stopping on a digit was cut inside a number or before its unit
    // (`第139` ⏎⏎ `届广交会……`): 119 of the 120 training units after one continue it.
    if last.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        push(f, "end:digit");
    }
    match last {
        Some('？' | '?' | '！' | '!') => push(f, "end:question"),
        Some('，' | ',' | '、') => push(f, "end:comma"),
        Some('：' | ':') => push(f, "end:colon"),
        Some('”' | '"' | '』' | '」') => push(f, "end:quote"),
        _ => {}
    }
    let body = t
        .get(..t.len() - last.map_or(0, char::len_utf8))
        .unwrap_or("");
    if body.contains(['，', ',']) {
        push(f, "has:comma");
    }
    if body.contains(['：', ':']) {
        push(f, "has:colon");
    }
    if body.contains(['。', '！', '？', '；']) {
        push(f, "has:inner_stop");
    }
    // A deliberate gap between two halves of a headline: a space between ideographs.
    let mut prev_han = false;
    let mut gap = false;
    for c in t.chars() {
        if is_space(c) {
            gap = prev_han;
        } else {
            if gap && is_han(c) {
                push(f, "has:gap");
                break;
            }
            gap = false;
            prev_han = is_han(c);
        }
    }
}

/// Fewest characters of the open sentence that ends a part for it to count as a
/// sentence of its own (see [`ends_on_short_sentence`]).
const SHORT_SENTENCE: usize = 12;

/// Whether `t` stops open a few characters into a new sentence: a stop (`。！？；`)
/// inside it, and fewer than [`SHORT_SENTENCE`] characters after the last one
/// (`……产业链条。近年来，该区依托大`). A column break cuts anywhere, so it often falls
/// early in a sentence; a paragraph whose stop the OCR dropped ends on a whole one.
/// Measured on the training articles with simulated cuts: 13% of column breaks and 4%
/// of paragraph ends. A weak cue, weighed with the others.
fn ends_on_short_sentence(t: &str) -> bool {
    if ends_sentence(t) {
        return false;
    }
    let Some((_, last)) = t.rsplit_once(['。', '！', '？', '；']) else {
        return false;
    };
    chars_up_to(last, SHORT_SENTENCE) < SHORT_SENTENCE
}

/// Whether `t` opens with a clause of one character (`时，吴晓东和几名志愿者……`):
/// the tail of a sentence cut by a column break (`……无法团聚` ⏎⏎ `时，……`), hardly
/// ever a paragraph's start. Measured on the training articles: 1% of paragraphs
/// open so, 9% of the second parts of simulated column breaks.
fn starts_with_one_char_clause(t: &str) -> bool {
    let mut chars = t.chars();
    chars.next().is_some_and(char::is_alphanumeric)
        && chars
            .next()
            .is_some_and(|c| matches!(c, '，' | ',' | '、' | '：' | ':'))
}

/// Whether `t` ends with a closing quote or bracket that closes a term, not a
/// sentence: `做好“六稳” 落实“六保”`, `宣传标语口号(一)`. A quoted or bracketed sentence
/// closes with its stop inside (`他说：“好。”`); a closer with no stop before it ends a
/// name, a slogan or a number, as titles and labels do.
fn closes_term(t: &str) -> bool {
    let closers = ['”', '’', '"', '」', '』', '）', ')', '】', '》', '〉', ']'];
    let core = t.trim_end_matches(closers);
    core.len() < t.len()
        && !core.is_empty()
        && !core.ends_with([
            '。', '！', '？', '!', '?', '…', '；', ';', '.', '．', '｡', '：', ':',
        ])
}

/// Name-shaped words: two to four ideographs.
fn is_name(w: &str) -> bool {
    let n = w.chars().count();
    (2..=4).contains(&n) && w.chars().all(|c| is_han(c) || c == '·')
}

fn bylines(t: &str, f: &mut Vec<u16>) {
    if byline::is_own_line(t) {
        push(f, "by:own_line");
    }
    if byline::is_bare_name(t) {
        push(f, "by:bare_name");
    }
    if byline::is_names_line(t) {
        push(f, "by:names_line");
    }
    let words: Vec<&str> = t.split(is_space).filter(|w| !w.is_empty()).collect();
    // `北京朝阳区 程立`: a place, a gap, a name.
    if let [place, name] = words.as_slice()
        && is_name(name)
        && place.chars().count() <= 10
        && place.chars().all(is_han)
        && place.ends_with(['区', '县', '市', '镇', '省', '州', '村', '乡', '道', '旗'])
    {
        push(f, "by:place_name");
    }
    if ["文/图", "图/文", "文／图", "图／文", "文图", "图文："]
        .iter()
        .any(|p| t.starts_with(p))
    {
        push(f, "by:text_photo");
    }
    if byline::is_joined_reporting(t) {
        push(f, "by:joined_reporting");
    }
    if byline::inline(t).is_some() {
        push(f, "by:inline");
    }
    let head: String = t.chars().take(8).collect();
    if ["记者", "通讯员", "实习生", "記者"]
        .iter()
        .any(|w| head.contains(w))
    {
        push(f, "by:agency_words");
    }
}

fn notes(t: &str, f: &mut Vec<u16>) {
    if is_credit(t) {
        push(f, "credit");
    }
    if announces_caption(t) {
        push(f, "caption:announced");
    }
    let opened = t.starts_with(['(', '（', '[', '【']);
    let closed = t.ends_with([')', '）', ']', '】']);
    if opened && closed {
        push(f, "bracketed");
    }
    let core = t.trim_start_matches(['(', '（', '[', '【', ' ']);
    if is_end_note(t) {
        push(f, "note:vocab");
    }
    if ["上接", "接第", "接上"].iter().any(|w| core.starts_with(w)) {
        push(f, "cont:from");
    }
    if ["下转", "转第", "转下"].iter().any(|w| core.starts_with(w)) {
        push(f, "cont:to");
    }
    if furniture_vocab(t) {
        push(f, "furn:vocab");
    }
    if furniture_shaped(t) {
        push(f, "furn:shape");
    }
}

/// The words furniture opens with (`本版编辑`, `校对`, `第3版`…).
fn furniture_vocab(t: &str) -> bool {
    let core = t.trim_start_matches(['(', '（', '[', '【', ' ']);
    ["责任编辑", "本版编辑", "版式", "校对", "星期", "第"]
        .iter()
        .any(|w| core.starts_with(w) || t.ends_with('版') && chars_up_to(t, 20) <= 20)
}

/// The most characters any head role (headline, kicker, subhead, byline…) holds.
const HEAD_MAX_CHARS: usize = 200;

/// Whether a unit is too long to be any kind of head: running text.
pub(crate) fn too_long_for_a_head(t: &str) -> bool {
    chars_up_to(t, HEAD_MAX_CHARS) > HEAD_MAX_CHARS
}

/// Most characters a head may hold with a finished sentence inside it.
const HEAD_WITH_SENTENCE_MAX: usize = 80;

/// Whether a unit of more than [`HEAD_WITH_SENTENCE_MAX`] characters holds a finished
/// sentence before its end (`。！？；`): running text, not a title. The corpus's
/// headlines, kickers, subtitles and subheads hold at most 63 characters and never a
/// stop inside; a paragraph whose closing stop the OCR dropped (`……依托这个战场，…
/// 推广普及。为此，…标兵单位”`) looks open-ended and head-like to the cues otherwise.
pub(crate) fn sentences_inside(t: &str) -> bool {
    let t = trim(t);
    if chars_up_to(t, HEAD_WITH_SENTENCE_MAX) <= HEAD_WITH_SENTENCE_MAX {
        return false;
    }
    let last = t.chars().next_back().map_or(0, char::len_utf8);
    t.get(..t.len() - last)
        .is_some_and(|body| body.contains(['。', '！', '？', '；']))
}

/// The line ends a sentence with a full stop, `！` or `？` (a closing quote may follow).
/// Narrower than [`ends_sentence`], which also takes `）` `：` `；`: bylines such as
/// `本报讯（记者 李朝民）` end on a bracket.
pub(crate) fn ends_a_sentence(t: &str) -> bool {
    let t = trim(t).trim_end_matches(['”', '’', '"', '」', '』']);
    t.ends_with(['。', '！', '？', '!', '?', '｡'])
}

/// The most characters of a line `short_and_unpunctuated` calls short.
const SHORT_HEAD_MAX: usize = 20;

/// A line of at most 20 characters without a single punctuation mark (quotes and
/// brackets aside): the shape of a head, never of running text.
pub(crate) fn short_and_unpunctuated(t: &str) -> bool {
    let t = trim(t);
    !t.is_empty()
        && chars_up_to(t, SHORT_HEAD_MAX + 1) <= SHORT_HEAD_MAX
        && !t.contains([
            '，', '。', '！', '？', '；', '：', '、', ',', '.', '!', '?', ';', ':',
        ])
}

/// A line that is one quotation and nothing else, of at most `TITLE_MAX_CHARS`
/// characters (`“让能飞的飞得更高，能跑的跑得更快！”`): set as a heading, a quoted
/// line is a head, whatever punctuation the quote holds.
pub(crate) fn whole_quotation(t: &str) -> bool {
    let t = trim(t);
    let Some(inner) = t
        .strip_prefix('“')
        .and_then(|r| r.strip_suffix('”'))
        .or_else(|| t.strip_prefix('「').and_then(|r| r.strip_suffix('」')))
    else {
        return false;
    };
    !inner.is_empty()
        && !inner.contains(['“', '”', '「', '」'])
        && chars_up_to(t, TITLE_MAX_CHARS + 1) <= TITLE_MAX_CHARS
}

/// A sentence, or clauses (`，` `；`), with neither furniture's words nor its shapes is
/// text, never furniture: the fitted weights learn furniture from short lines at a
/// page's end, and a page whose one short paragraph ends it (`正文第一段。`) must not
/// lose its story. Furniture is a label: it has neither.
pub(crate) fn sentence_not_furniture(t: &str) -> bool {
    let t = trim(t);
    (ends_a_sentence(t) || t.contains(['，', '；'])) && !furniture_vocab(t) && !furniture_shaped(t)
}

/// The shapes page furniture is printed in: a date (`2020年5月6日`, `星期三`), an
/// edition (`第3版`, `…版`), a section pair (`要闻·综合`), a page count (`3 / 8`).
/// Without one, a short plain line at the page's end is more likely text than
/// furniture.
pub(crate) fn furniture_shaped(t: &str) -> bool {
    let t = trim(t);
    let digits = t.chars().any(|c| c.is_ascii_digit());
    // Furniture is a label, never a sentence (`消防大队·宣传科供稿。` is the story's).
    let label = chars_up_to(t, 40) <= 40 && !ends_sentence(t) && !t.contains(['，', ',']);
    label
        && ((digits && t.contains('年') && t.contains('月'))
            || t.contains("星期")
            || (t.contains('第') && t.contains('版'))
            || t.ends_with('版')
            || (chars_up_to(t, 12) <= 12 && t.contains(['·', '•', '．']))
            || (digits && t.contains('/')))
}

/// Whether a line opens with the vocabulary of an end note (`本期统筹：`, `（特别感谢`,
/// `资料来源`…), brackets aside.
pub(crate) fn is_end_note(t: &str) -> bool {
    let core = trim(t).trim_start_matches(['(', '（', '[', '【', ' ']);
    [
        "本期统筹",
        "统筹：",
        "策划：",
        "特别感谢",
        "感谢",
        "编者按",
        "编后",
        "资料来源",
        "来源：",
        "本版图片",
        "制图",
        "数据来源",
    ]
    .iter()
    .any(|w| core.starts_with(w))
}

/// What the page's own text says about a boundary between two units: whether the
/// characters on either side stand together elsewhere on the page, or end and open
/// clauses there.
///
/// OCR habit: the recogniser drops a paragraph's closing `。` (and a closing `》` or
/// `”`), so a finished paragraph looks like the first part of a column break. A
/// column break cuts anywhere, mostly inside a word (`……的那场大火让` ⏎⏎ `村民失去了`):
/// the two characters across the cut are an ordinary pair of the text, and the page
/// often has that pair elsewhere. A paragraph ends on a character that ends clauses
/// and the next opens with one that opens them. Measured on the training articles
/// with simulated cuts: the pair is seen elsewhere for 39% of column breaks and 4% of
/// paragraph ends; the end character ends a clause elsewhere for 21% and 50%; the
/// start character opens one for 20% and 65%. Weak cues, weighed with the others.
struct PageChars {
    pairs: HashSet<(char, char)>,
    clause_end: HashSet<char>,
    clause_start: HashSet<char>,
}

/// Punctuation that ends a clause, for [`PageChars`].
fn ends_clause(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '！' | '？' | ',' | ';' | '!' | '?')
}

/// Marks around a word rather than between clauses: quotes, brackets, spaces. Skipped
/// when reading pairs, so `“菜篮子”工程` pairs `子` with `工`.
fn is_wrapper(c: char) -> bool {
    is_space(c) || "“”‘’\"'「」『』《》〈〉（）()【】[]〔〕".contains(c)
}

/// A character that can stand inside a word: not punctuation.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl PageChars {
    fn of(units: &[Unit]) -> Self {
        let mut pc = Self {
            pairs: HashSet::new(),
            clause_end: HashSet::new(),
            clause_start: HashSet::new(),
        };
        for u in units {
            if !matches!(u.syntax, Syntax::Text | Syntax::Heading(_)) {
                continue;
            }
            let mut prev: Option<char> = None;
            for c in u.text.chars().filter(|c| !is_wrapper(*c)) {
                match prev {
                    Some(p) if is_word_char(p) && is_word_char(c) => {
                        pc.pairs.insert((p, c));
                    }
                    Some(p) if is_word_char(p) && ends_clause(c) => {
                        pc.clause_end.insert(p);
                    }
                    Some(p) if ends_clause(p) && is_word_char(c) => {
                        pc.clause_start.insert(c);
                    }
                    _ => {}
                }
                prev = Some(c);
            }
        }
        pc
    }

    /// The cues of the boundary between `a` and the unit `b` right after it, when both
    /// are text and `a` stops on a word character (else there is no cut to read).
    fn cut(&self, a: &Unit, b: &Unit, f: &mut Vec<u16>) {
        let text = |u: &Unit| matches!(u.syntax, Syntax::Text | Syntax::Heading(_));
        // A bare dateline (`新华社福州5月2日电`) is finished, however it ends: `电` and
        // the head under it (`梯田如画`) make no word across a cut.
        if !text(a) || !text(b) || byline::is_bare_dateline(trim(&a.text)) {
            return;
        }
        let last = a.text.chars().rev().find(|c| !is_wrapper(*c));
        let first = b.text.chars().find(|c| !is_wrapper(*c));
        let (Some(last), Some(first)) = (last, first) else {
            return;
        };
        if !is_word_char(last) || !is_word_char(first) {
            return;
        }
        if self.pairs.contains(&(last, first)) {
            push(f, "cut:seen_bigram");
        }
        if self.clause_end.contains(&last) {
            push(f, "cut:clause_end");
        }
        if self.clause_start.contains(&first) {
            push(f, "cut:clause_start");
        }
        if cut::is_word_cut(&a.text, &b.text) {
            push(f, "cut:word");
        }
    }
}

/// Ideographs of text read on each side of a short line to judge its topic.
const TOPIC_WINDOW: usize = 300;

/// Units looked at on each side (bounded so a page of short lines stays linear).
const TOPIC_UNITS: usize = 24;

/// Longest line whose topic cue is computed (only short lines may be heads).
const TOPIC_LINE_MAX: usize = 60;

/// Whether the text after each short line shares words with the text before it.
fn topic_cues(units: &[Unit], sizes: &[Size]) -> Vec<Option<&'static str>> {
    let body: Vec<bool> = units
        .iter()
        .zip(sizes)
        .map(|(u, s)| u.syntax == Syntax::Text && s.chars > 40)
        .collect();
    let is_body = |j: &usize| body.get(*j).copied().unwrap_or(false);
    let mut before = Vec::new();
    let mut after = Vec::new();
    // The body units read on each side; when a window holds the same units as for the
    // line before (runs of short lines), its bigrams are reused.
    let (mut back_keys, mut ahead_keys) = (Vec::new(), Vec::new());
    let (mut keys, mut fresh) = (Vec::new(), true);
    units
        .iter()
        .zip(sizes)
        .enumerate()
        .map(|(i, (_, size))| {
            if size.chars > TOPIC_LINE_MAX {
                return None;
            }
            keys.clear();
            keys.extend((i.saturating_sub(TOPIC_UNITS)..i).rev().filter(is_body));
            if fresh || keys != back_keys {
                bigrams(keys.iter().filter_map(|&j| units.get(j)), &mut before);
                std::mem::swap(&mut keys, &mut back_keys);
            }
            keys.clear();
            let end = (i + 1 + TOPIC_UNITS).min(units.len());
            keys.extend((i + 1..end).filter(is_body));
            if fresh || keys != ahead_keys {
                bigrams(keys.iter().filter_map(|&j| units.get(j)), &mut after);
                std::mem::swap(&mut keys, &mut ahead_keys);
            }
            fresh = false;
            share(&before, &after).map(|s| {
                if s < 0.05 {
                    "topic:new"
                } else if s < 0.15 {
                    "topic:low"
                } else {
                    "topic:shared"
                }
            })
        })
        .collect()
}

/// The sorted, distinct ideograph bigrams of up to `TOPIC_WINDOW` ideographs of the
/// given units (a sorted vector: cheaper than hashing for a few hundred pairs).
fn bigrams<'a>(units: impl Iterator<Item = &'a Unit>, out: &mut Vec<u64>) {
    out.clear();
    let mut read = 0;
    for u in units {
        let mut prev: Option<char> = None;
        for c in u.text.chars().filter(|c| is_han(*c)) {
            if let Some(p) = prev {
                out.push((u64::from(p) << 21) | u64::from(c));
            }
            prev = Some(c);
            read += 1;
            if read >= TOPIC_WINDOW {
                break;
            }
        }
        if read >= TOPIC_WINDOW {
            break;
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// Share of `after`'s bigrams found in `before`; `None` when either is too short.
fn share(before: &[u64], after: &[u64]) -> Option<f64> {
    if before.len() < TOPIC_MIN_BIGRAMS || after.len() < TOPIC_MIN_BIGRAMS {
        return None;
    }
    let shared = after
        .iter()
        .filter(|b| before.binary_search(b).is_ok())
        .count();
    Some(shared as f64 / after.len() as f64)
}

/// The fewest bigrams a side needs before topics are compared.
const TOPIC_MIN_BIGRAMS: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::lines::units;

    fn names_of(md: &str, i: usize) -> Vec<String> {
        let u = units(md);
        let p = page(&u, &vec![None; u.len()], &[]);
        p.own
            .get(i)
            .map(|fs| fs.iter().map(|&f| name(usize::from(f))).collect())
            .unwrap_or_default()
    }

    #[test]
    fn feature_names_are_unique() {
        let all: std::collections::HashSet<String> = (0..COUNT).map(name).collect();
        assert_eq!(all.len(), COUNT);
        assert_eq!(name(PER_UNIT + 1), "prev:syn:heading");
    }

    #[test]
    fn a_bare_plain_line_over_a_head_on_a_marked_page() {
        let md = "## 甲文章标题\n\n正文写完了。\n\n做好“六稳” 落实“六保”\n\n### 平城新语\n\n## 乙文章标题\n\n正文。\n";
        let f = names_of(md, 2);
        assert!(f.contains(&"plain_over_head".into()), "{f:?}");
        assert!(f.contains(&"plain_over_head:after_end".into()), "{f:?}");
        let dateline = md.replace("做好“六稳” 落实“六保”", "新华社北京4月29日电");
        let d = names_of(&dateline, 2);
        assert!(!d.contains(&"plain_over_head".into()), "{d:?}");
    }

    #[test]
    fn byline_shapes_outside_the_known_phrases() {
        assert!(names_of("张海亮  付纯志   赵学堂", 0).contains(&"by:names_line".into()));
        assert!(names_of("北京朝阳区 程立", 0).contains(&"by:place_name".into()));
        assert!(names_of("文/图 本报记者 王五", 0).contains(&"by:text_photo".into()));
        assert!(names_of("（本报记者赵六参与采写）", 0).contains(&"by:joined_reporting".into()));
        assert!(!names_of("平城区全力打造现代服务业", 0).contains(&"by:names_line".into()));
        // Two halves of a head are not names: no surname opens `资源融合`.
        assert!(!names_of("党建引领 资源融合", 0).contains(&"by:names_line".into()));
        assert!(names_of("2020年5月6日 星期三", 0).contains(&"furn:shape".into()));
        assert!(!names_of("一二三四五人口普查六七八九十", 0).contains(&"furn:shape".into()));
        assert!(!names_of("消防大队·宣传科供稿。", 0).contains(&"furn:shape".into()));
        assert!(names_of("代表通过", 0).contains(&"end:mid_phrase".into()));
    }

    #[test]
    fn a_part_that_stops_early_in_a_new_sentence() {
        let cut = "平城区持续优化行业结构，进一步延伸服务业产业链条。近年来，该区依托大";
        assert!(names_of(cut, 0).contains(&"end:short_sentence".into()));
        // A whole last sentence, a finished one, or no stop inside: no cue.
        for t in [
            "产业链条不断延伸。近年来，该区依托大秦线发展商贸物流",
            "产业链条不断延伸。近年来，该区依托大秦线。",
            "近年来，该区依托大",
        ] {
            assert!(
                !names_of(t, 0).contains(&"end:short_sentence".into()),
                "{t}"
            );
        }
    }

    #[test]
    fn a_part_opening_with_a_one_character_clause() {
        assert!(
            names_of("时，吴晓东和几名志愿者放弃和家人的团聚。", 0)
                .contains(&"starts:one_char_clause".into())
        );
        assert!(
            !names_of("同时，吴晓东和几名志愿者放弃和家人的团聚。", 0)
                .contains(&"starts:one_char_clause".into())
        );
        assert!(!names_of("，吴晓东和几名志愿者。", 0).contains(&"starts:one_char_clause".into()));
    }

    #[test]
    fn a_caption_over_its_credit_inside_a_column_break() {
        let md =
            "社区党支部组织群众代表通过\n\n民和社区晚餐厅更加便民。\n\n孙鑫摄\n\n召开民情调查会。";
        let f = names_of(md, 1);
        assert!(f.contains(&"next_is_credit".into()), "{f:?}");
        assert!(f.contains(&"open&next_is_credit".into()), "{f:?}");
        assert!(!names_of(md, 0).contains(&"next_is_credit".into()));
    }

    #[test]
    fn a_long_unit_with_a_sentence_inside_is_no_title() {
        let para = format!(
            "{}。为此，一营两次荣立集体一等功",
            "一营购建起实战化训练课目".repeat(7)
        );
        assert!(sentences_inside(&para));
        // Short, or a stop only at the end: titles may be so.
        assert!(!sentences_inside("粮食还能再增产吗？专家：能"));
        assert!(!sentences_inside(&format!(
            "{}。",
            "一营购建起实战化训练课目".repeat(7)
        )));
    }

    #[test]
    fn a_page_whose_ocr_drops_stops_says_so_on_every_unit() {
        let md = "甲文章标题\n\n正文第一段写完了\n\n正文第二段。";
        let u = units(md);
        let with = page(
            &u,
            &vec![None; u.len()],
            &[crate::document::habits::DROPPED_STOPS],
        );
        let without = page(&u, &vec![None; u.len()], &[]);
        let id = BASE
            .iter()
            .position(|n| *n == "page:drops_stops")
            .unwrap_or(0) as u16;
        assert!(with.own.iter().all(|f| f.contains(&id)));
        assert!(without.own.iter().all(|f| !f.contains(&id)));
        // After an open end it is paired (`open&`), so a fit can weigh open ends apart.
        assert!(with.own[2].contains(&(id + OPEN_AT as u16)));
    }

    #[test]
    fn a_finished_sentence_without_furniture_words_is_never_furniture() {
        assert!(sentence_not_furniture("正文第一段。"));
        assert!(short_and_unpunctuated("丙版次条"));
        assert!(short_and_unpunctuated("“荣誉室”一墙之隔是“创新室”"));
        assert!(!short_and_unpunctuated("正文第一段。"));
        assert!(!short_and_unpunctuated(&"很长的标题".repeat(5)));
        assert!(whole_quotation("“让能飞的飞得更高，能跑的跑得更快！”"));
        assert!(!whole_quotation("“荣誉室”一墙之隔是“创新室”"));
        assert!(!whole_quotation("他说：“好。”"));
        assert!(sentence_not_furniture("会议于昨日召开！"));
        assert!(sentence_not_furniture("人口普查员，人口；人口普查"));
        assert!(ends_a_sentence("正文第一段。"));
        assert!(!ends_a_sentence("本报记者 王五"));
        assert!(!ends_a_sentence("本报讯（记者 李朝民）"));
        assert!(ends_a_sentence("他说：“好。”"));
        assert!(!sentence_not_furniture("本版编辑：张三。"));
        assert!(!sentence_not_furniture("要闻·综合"));
        assert!(!sentence_not_furniture("2020年5月6日 星期三"));
    }

    #[test]
    fn a_cut_is_read_against_the_page_s_own_text() {
        // A column break inside `大葱`: the page has the pair elsewhere.
        let md = "菜农拉着带泥土的大葱，笑着说收成好。\n\n今年种的大\n\n葱卖得好，价钱也高。";
        let f = names_of(md, 2);
        assert!(f.contains(&"cut:seen_bigram".into()), "{f:?}");
        // A paragraph whose `。` the OCR dropped: it ends on a character that ends a
        // clause elsewhere, and the next opens with one that opens a clause.
        let md = "今年蔬菜丰收，农民增收。\n\n全镇蔬菜丰收\n\n农民增收，日子越过越好。";
        let f = names_of(md, 2);
        assert!(f.contains(&"cut:clause_end".into()), "{f:?}");
        assert!(f.contains(&"cut:clause_start".into()), "{f:?}");
        assert!(!f.contains(&"cut:seen_bigram".into()), "{f:?}");
        // After a bare dateline neither.
        let f = names_of("新华社福州5月2日电\n\n梯田如画", 1);
        assert!(!f.iter().any(|n| n.starts_with("cut:")), "{f:?}");
        // After a finished sentence there is no cut to read.
        let f = names_of("今年蔬菜丰收，农民增收。\n\n农民增收，日子越过越好。", 1);
        assert!(!f.iter().any(|n| n.starts_with("cut:")), "{f:?}");
    }

    #[test]
    fn a_short_line_over_a_byline_or_a_dateline_is_head_shaped() {
        let md = "正文写完了。\n\n粮食还能再增产吗？\n\n本报记者 张三\n\n今年全县粮食再获丰收。";
        assert!(names_of(md, 1).contains(&"head:over_byline".into()));
        let md = "正文写完了。\n\n春耕时节，农机忙\n\n本报讯（记者 李四）今年全县粮食再获丰收。";
        assert!(names_of(md, 1).contains(&"head:over_dateline".into()));
        let md = "正文写完了。\n\n春耕备耕忙\n\n新华社北京4月29日电\n\n今年全县粮食再获丰收。";
        assert!(names_of(md, 1).contains(&"head:over_dateline".into()));
        // A story's last sentence over its trailing byline is not.
        let md = "正文写完了。\n\n全县粮食再获丰收。\n\n本报记者 张三";
        assert!(!names_of(md, 1).iter().any(|n| n.starts_with("head:")));
        // Nor is a byline over the next one, or a line over plain text.
        let md = "通讯员 王五\n\n本报记者 张三\n\n今年全县粮食再获丰收。";
        assert!(!names_of(md, 0).iter().any(|n| n.starts_with("head:")));
        let md = "春耕备耕忙\n\n今年全县粮食再获丰收。";
        assert!(!names_of(md, 0).iter().any(|n| n.starts_with("head:")));
    }

    #[test]
    fn a_word_across_a_cut_is_a_cue() {
        // (Indented, so that the front end leaves the two parts apart.)
        let md = "今年的那场大火让村\n\n　　民失去了家园，大家都来帮忙。";
        assert!(
            names_of(md, 1).contains(&"cut:word".into()),
            "{:?}",
            units(md)
        );
        let md = "全区经济社会稳步发展\n\n全县今年计划种植粮食三十万亩。";
        assert!(!names_of(md, 1).contains(&"cut:word".into()));
    }

    #[test]
    fn a_dash_or_a_digit_closing_a_part() {
        assert!(names_of("攥指成拳，形成监管合力——", 0).contains(&"end:dash".into()));
        assert!(!names_of("攥指成拳——形成监管合力。", 0).contains(&"end:dash".into()));
        assert!(names_of("第139", 0).contains(&"end:digit".into()));
        assert!(names_of("首次到访的人数超过１２", 0).contains(&"end:digit".into()));
        assert!(!names_of("第139届广交会", 0).contains(&"end:digit".into()));
    }

    #[test]
    fn a_short_line_between_a_photo_and_its_credit_titles_it() {
        let md = "正文。\n\n![](a.jpg)\n\n老外现场讲授“剪枝”\n\n近日，专家来到南沟村。\n\n陈雷报";
        assert!(names_of(md, 2).contains(&"photo:titled".into()));
        // Without a credit under it, or with a sentence, or away from the photo: no.
        let no_credit = md.replace("陈雷报", "正文又一段。");
        assert!(!names_of(&no_credit, 2).contains(&"photo:titled".into()));
        let sentence = md.replace("老外现场讲授“剪枝”", "老外现场讲授剪枝。");
        assert!(!names_of(&sentence, 2).contains(&"photo:titled".into()));
        assert!(!names_of(md, 3).contains(&"photo:titled".into()));
    }

    #[test]
    fn a_lone_plain_subhead_verdict_is_a_cue_of_its_own() {
        let para = "这是一段写完了的正文，讲的是同一件事情。";
        let md = format!("{para}\n\n为进一步丰富\n\n文化体验维度，虹书舫开展活动。");
        let u = units(&md);
        let mut rules = vec![None; u.len()];
        rules[1] = Some(Role::Subhead);
        let f = page(&u, &rules, &[]);
        let names: Vec<String> = f.own[1].iter().map(|&x| name(usize::from(x))).collect();
        assert!(names.contains(&"rule:lone_subhead".into()), "{names:?}");
        assert!(!names.contains(&"rule:subhead".into()), "{names:?}");
        // With a sibling of its shape a few paragraphs on, the verdict stays the rules'.
        let md = format!(
            "{para}\n\n潮起：中国汽车科技\n\n{para}\n\n{para}\n\n潮涌：创新版图东移\n\n{para}"
        );
        let u = units(&md);
        let mut rules = vec![None; u.len()];
        rules[1] = Some(Role::Subhead);
        let f = page(&u, &rules, &[]);
        let names: Vec<String> = f.own[1].iter().map(|&x| name(usize::from(x))).collect();
        assert!(names.contains(&"rule:subhead".into()), "{names:?}");
        assert!(names.contains(&"sib:shape".into()), "{names:?}");
    }

    #[test]
    fn end_notes_and_punctuation() {
        let f = names_of("（特别感谢张三对本文的帮助）", 0);
        assert!(f.contains(&"note:vocab".into()) && f.contains(&"bracketed".into()));
        assert!(names_of("本期统筹：钱七", 0).contains(&"note:vocab".into()));
        let f = names_of("做好“六稳” 落实“六保”", 0);
        assert!(f.contains(&"end:closes_term".into()) && !f.contains(&"end:sentence".into()));
        let f = names_of("他说：“要把好事办好。”", 0);
        assert!(f.contains(&"end:sentence".into()) && !f.contains(&"end:closes_term".into()));
        let f = names_of("粮食还能再增产吗？", 0);
        assert!(f.contains(&"end:question".into()));
        assert!(names_of("依托六新 致力六稳", 0).contains(&"has:gap".into()));
    }
}
