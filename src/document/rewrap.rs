//! Hard-wrapped pages gathered back into blocks. Line-by-line OCR dumps and older layout
//! pipelines (markitdown's pdfminer text) write every printed line as a markdown line:
//! a paragraph becomes a run of short lines, a two-line headline two "paragraphs", and
//! a column break (`……的那场大火让` ⏎⏎ `村民失去了……`) a fragment that looks like a
//! headline. Left as they are, the structure decisions see hundreds of short lines and
//! open articles at the wrong ones.
//!
//! This step first measures the page: the typical width of a full printed line (the
//! most common width of lines that have another line right under them). A page whose
//! lines do not crowd around one width is not hard-wrapped and is left alone, but for
//! blank-line column breaks (below).
//!
//! Then every pair of consecutive text lines is weighed, the way an editor reads a
//! galley: a full-width line goes on; a short line ends its block; a line that stops
//! without sentence-final punctuation, ends on a comma or an open quotation, is a bare
//! number, or is followed by a line that cannot start a sentence (`的`, `，`) goes on;
//! an indent, an enumeration, a byline-shaped or credit line, or a line wider than the
//! body (a heading is set wider than the column) starts something new. Each cue adds
//! a weight; the lines are joined when the evidence for going on outweighs the
//! evidence against. No single cue decides: a full line ending in `。` still goes on
//! (the sentence happened to end at the margin) unless the next line is indented.
//!
//! Joined lines become one unit (the first line's source line, the texts glued without
//! the line break, a space only between two Latin words), so every character stays.
//! Where lines are left apart on a hard-wrapped page, the later one loses its
//! `adjacent` mark: that mark meant "maybe the same paragraph", and the question has
//! been answered here.
//!
//! # Limitations
//!
//! The weights are set by hand from the habits in FORMAT.md and checked on the
//! generated training pages; a kicker set exactly at the body width over its headline
//! is read as the headline's first line.

use super::byline;
use super::cut;
use super::furniture;
use super::habits::{self, Habits};
use super::text::{
    announces_caption, chars_up_to, clearly_continues, ends_mid_phrase, ends_on_preposition,
    ends_sentence, ends_with_credit, is_credit, is_han, is_space, is_title_like,
    starts_enumeration, trim,
};
use super::unit::{Syntax, Unit};

/// Display columns of a character as a printed line counts them (ideographs and
/// full-width punctuation two, Latin letters and digits one). OCR writes the
/// full-width punctuation of Chinese text as half-width `,` `:` `;` `(` `)` `?` `!`
/// (sample.md does): printed, each took an ideograph's width, so it counts two, or a
/// line full of them would look short. (`.` stays one: it is mostly a decimal point.)
fn cols(c: char) -> usize {
    if (c as u32) >= 0x1100 || matches!(c, ',' | ':' | ';' | '(' | ')' | '?' | '!') {
        2
    } else {
        1
    }
}

/// Display width of a line, without its leading and trailing spaces.
fn width(s: &str) -> usize {
    trim(s).chars().map(cols).sum()
}

/// Widths above this are not hard-wrapped lines (a measure is at most ~60 ideographs).
const MAX_MEASURE: usize = 120;
/// Fewest wrapped lines (lines with another line right under them) to measure a page.
const MIN_WRAPPED_LINES: usize = 6;
/// How far from the measure a full line may be: an opening quote carried to the next
/// line, a closing one let past the margin, a stray space.
const SLACK: usize = 3;

/// The page's measure: the width most lines with a line right under them have, when
/// at least half of them have it (else the page is not hard-wrapped).
pub(crate) fn measure(units: &[Unit]) -> Option<usize> {
    let mut hist = [0usize; MAX_MEASURE + SLACK + 2];
    let mut wrapped = 0;
    for pair in units.windows(2) {
        let [a, b] = pair else { continue };
        if a.syntax == Syntax::Text && b.syntax == Syntax::Text && b.adjacent {
            let w = width(&a.text);
            if let Some(slot) = hist.get_mut(w) {
                *slot += 1;
            }
            wrapped += 1;
        }
    }
    if wrapped < MIN_WRAPPED_LINES {
        return None;
    }
    // The width whose neighbourhood [w - SLACK, w + 1] holds most lines.
    let near = |w: usize| -> usize {
        hist.get(w.saturating_sub(SLACK)..=(w + 1).min(hist.len() - 1))
            .map_or(0, |s| s.iter().sum())
    };
    let (best, count) = (4..=MAX_MEASURE)
        .map(|w| (w, near(w)))
        .max_by_key(|&(w, n)| (n, w))?;
    (count * 2 >= wrapped).then_some(best)
}

/// What the step knows of a line's shape on this page.
struct Shape {
    full: bool,
    wide: bool,
    short: bool,
}

fn shape(s: &str, measure: Option<usize>) -> Shape {
    let w = width(s);
    match measure {
        Some(m) => Shape {
            full: w + SLACK >= m && w <= m + SLACK,
            wide: w > m + SLACK,
            short: w + SLACK < m,
        },
        None => Shape {
            full: false,
            wide: false,
            short: true,
        },
    }
}

/// Whether an opening quotation mark or bracket is left open in `s`.
///
/// A book title (`《…》`) never holds a sentence end: a `《` with a `。` after it and no
/// `》` lost its closing mark to the OCR (`《扶持茶业发展的实施意见。近年来……`), and
/// leaves nothing open. Quotations may run over several sentences and stay counted.
fn leaves_open(s: &str) -> bool {
    let mut depth = 0i32;
    let mut titles = 0i32;
    for c in s.chars() {
        match c {
            '“' | '‘' | '（' | '(' | '「' | '『' | '【' => depth += 1,
            '”' | '’' | '）' | ')' | '」' | '』' | '】' => depth -= 1,
            '《' => titles += 1,
            '》' => titles -= 1,
            '。' | '！' | '？' => titles = titles.min(0),
            _ => {}
        }
    }
    depth > 0 || titles > 0
}

/// A bare number or Latin word: no headline, the front of a word cut by the break
/// (`1945` ⏎⏎ `年8月`).
fn is_cut_word(s: &str) -> bool {
    let t = trim(s);
    !t.is_empty() && !t.chars().any(is_han) && t.chars().all(|c| c.is_alphanumeric() || c == '.')
}

/// The longest piece before a blank line whose words across it are read.
const WORD_CUT_MAX: usize = 40;

/// A number cut in two (`从全球首款5` ⏎⏎ `吨级…`, `20` ⏎⏎ `19年`): a digit before the
/// break, and a digit or a counting word after it.
pub(crate) fn number_cut(a: &str, b: &str) -> bool {
    let last = a.trim_end_matches(is_space).chars().next_back();
    let first = trim(b).chars().next();
    last.is_some_and(|c| c.is_ascii_digit())
        && first.is_some_and(|c| {
            c.is_ascii_digit() || "年月日时号吨万亿个元米岁倍件次人家项所%％".contains(c)
        })
}

/// Most ideographs of a piece read as the cut-off front of a sentence by its length.
const TINY_PIECE_MAX: usize = 3;

/// A piece of two or three ideographs that is no name, no label set with a gap
/// (`贺  信`) and no furniture.
fn tiny_piece(a: &str) -> bool {
    let t = trim(a);
    let han = t.chars().filter(|c| is_han(*c)).count();
    let spaced = t.contains("  ") || t.contains('\u{3000}');
    let word: String = t.chars().filter(|c| !is_space(*c)).collect();
    (2..=TINY_PIECE_MAX).contains(&han)
        && t.chars().all(|c| is_han(c) || c == ' ')
        && !spaced
        && !byline::is_name_word(&word)
        && !furniture::is_furniture(t)
}

/// Running text that goes on for more than a caption's one sentence: clauses, and
/// more than a short finished sentence.
fn runs_on(b: &str) -> bool {
    let t = trim(b);
    let n = chars_up_to(t, 81);
    t.contains(['，', ',', '、']) && n >= 20 && !(ends_sentence(t) && n <= 80)
}

/// Whether `a` is nothing but the first digits of a year whose rest opens `b`
/// (`20` ⏎⏎ `19年5月`, `202` ⏎⏎ `5年`): four digits from 1900 to 2099 then `年`. A page
/// number over a paragraph opening with a year does not make one (`3` ⏎⏎ `2019年`).
fn year_cut(a: &str, b: &str) -> bool {
    let a = trim(a);
    let b = trim(b);
    let rest: String = b.chars().take_while(char::is_ascii_digit).collect();
    let after = b.get(rest.len()..).unwrap_or("");
    let year = format!("{a}{rest}");
    (1..=3).contains(&a.len())
        && a.chars().all(|c| c.is_ascii_digit())
        && !rest.is_empty()
        && year.len() == 4
        && after.starts_with('年')
        && year
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2099).contains(&y))
}

/// A line that stands as a block of its own, never inside a sentence: a byline, a
/// line of names, a bracketed closing credit (`（北京航空航天大学法学院副教授 赵精武）`),
/// a credit (or a caption closed by its credit), page furniture with its numbers
/// (`3 第 版 2019年7月23日星期三`; a section name alone, `体育`, may be the front of a
/// sentence cut by a column break), a news dateline (`新华社北京4月26日电`).
fn own_block(s: &str) -> bool {
    let t = trim(s);
    let names = {
        let words: Vec<&str> = t.split(is_space).filter(|w| !w.is_empty()).collect();
        words.len() >= 2
            && words.iter().all(|w| {
                let n = w.chars().count();
                (2..=4).contains(&n) && w.chars().all(is_han)
            })
    };
    // A dateline with its place and date (`新华社北京4月26日 电`, a space the OCR left
    // counting for nothing); `日电` or `月29日电`, where the line was cut, is the rest
    // of one.
    let dateline = {
        let d: String = t.chars().filter(|c| !is_space(*c)).collect();
        d.ends_with('电')
            && d.chars().take(24).count() < 24
            && d.contains("日电")
            && d.split(|c: char| c.is_ascii_digit())
                .next()
                .is_some_and(|place| place.chars().count() >= 2)
            && d.contains(|c: char| c.is_ascii_digit())
    };
    byline::is_own_line(t)
        || byline::is_bracketed_credit(t)
        || is_credit(t)
        || ends_with_credit(t)
        || ends_with_misread_credit(t)
        || furniture::is_furniture(t) && t.contains(|c: char| c.is_ascii_digit())
        || names
        || dateline
}

/// Whether `b` opens with a word whose first character is also a particle (`地处`,
/// `了解`, `着力`, `过去`): a sentence or a head may open so (`地处三峡库区的……`,
/// `着力提高……能力`), unlike one opening on the particle itself.
fn opens_on_a_word(b: &str) -> bool {
    let t = trim(b);
    PARTICLE_WORDS.iter().any(|w| t.starts_with(w))
}

/// Words opening with a particle's character.
const PARTICLE_WORDS: [&str; 27] = [
    "的确",
    "地处",
    "地方",
    "地区",
    "地铁",
    "地球",
    "地震",
    "地面",
    "地下",
    "地上",
    "地理",
    "地质",
    "地块",
    "地产",
    "地标",
    "地图",
    "了解",
    "着力",
    "着眼",
    "着手",
    "着重",
    "着实",
    "过去",
    "过年",
    "过度",
    "过程",
    "之所以",
];

/// A caption closed, after a gap, by a credit whose `摄` the OCR read as `报`
/// (`……在集市选购年货。　　通讯员 马宇 报`): no sentence goes on after it.
fn ends_with_misread_credit(t: &str) -> bool {
    ["\u{3000}", "  "].iter().any(|gap| {
        t.rsplit_once(gap).is_some_and(|(head, tail)| {
            let tail = trim(tail);
            let n = chars_up_to(tail, 13);
            ends_sentence(trim(head))
                && tail.ends_with('报')
                && (3..=12).contains(&n)
                && tail.chars().all(|c| is_han(c) || is_space(c))
        })
    })
}

/// Something a line that opens it is not the rest of a sentence: a block of its own,
/// a subtitle's dash, a caption announcing itself (`图为…`), a lede opening with its
/// dateline (`新华社北京4月27日电（记者朱高祥）4月27`).
fn opens_own_block(s: &str) -> bool {
    own_block(s)
        || trim(s).starts_with("——")
        || announces_caption(s)
        || spaced_name(s)
        || byline::inline(trim(s)).is_some()
}

/// A name set with a gap between its characters (`赵  璧`, `陈  雪`): a signature, as
/// no sentence is printed that way.
fn spaced_name(s: &str) -> bool {
    let t = trim(s);
    byline::is_bare_name(t) && t.contains(is_space)
}

/// The context of a candidate join: the block so far, and the line after `b`.
struct Pair<'a> {
    /// The last line of the block being gathered.
    a: &'a str,
    /// How many lines the block has so far.
    lines: usize,
    /// Whether the block opened with an indent.
    indented: bool,
    /// Whether the text before the block ended a sentence (or there was none).
    after_end: bool,
    b: &'a Unit,
    /// The line after `b`, when it is text right under it.
    after_b: Option<&'a Unit>,
    /// The page sets its blocks apart with blank lines (`boxed`).
    boxed: bool,
}

/// The evidence that `b` goes on the block ending with `a` (positive: join).
fn weigh(p: &Pair, measure: Option<usize>) -> i32 {
    let (a, b) = (trim(p.a), trim(&p.b.text));
    let sa = shape(a, measure);
    let sb = shape(b, measure);
    let adjacent = p.b.adjacent;
    // A wide line that could be a head (one line, no sentence inside it); a wide
    // line holding a full stop is running text set unwrapped.
    let wide_head = sa.wide && p.lines == 1 && !a.contains(['。', '；']);
    let mut s = 0;
    if adjacent && measure.is_some() {
        // A full line runs on to the next; a short one ends its block.
        s += if sa.full { 3 } else { -2 };
        // Two lines of one wider measure: a head wrapped at its own measure (the
        // second line of a two-line head may fill it too).
        let same_wide =
            sa.wide && sb.wide && width(a).abs_diff(width(b)) <= SLACK && !ends_sentence(a);
        // A line wider than the body is a heading's; the short line under it is the
        // rest of it when nothing says otherwise.
        if sa.wide && p.lines == 1 {
            s += if sb.short && !ends_sentence(a) {
                3
            } else if same_wide {
                0
            } else {
                -1
            };
            if sb.wide && !same_wide || ends_sentence(b) {
                s -= 2;
            }
        }
        // A body line never runs wider than the column: a wide line under a body
        // line opens a head.
        if sb.wide && !sa.wide {
            s -= 3;
        }
        if same_wide {
            s += 4;
        }
    } else {
        // A blank line is a boundary unless the words say otherwise.
        s -= 2;
        if wide_head {
            s -= 3;
        }
    }
    if ends_sentence(a) {
        s -= if sa.full && adjacent { 2 } else { 5 };
    } else {
        s += 1;
    }
    if a.ends_with(['，', ',', '、']) || leaves_open(a) {
        s += 2;
        // Across a blank line too: no head or paragraph ends on a comma or inside a
        // quotation (`依托山区、` ⏎⏎ `……`, `“把小` ⏎⏎ `……`), unless what follows is a
        // short finished sentence, maybe a caption dropped into the break.
        let closes = leaves_open(a) && b.contains(['”', '’', '）', ')', '》', '」']);
        let short_sentence = ends_sentence(b) && chars_up_to(b, 81) <= 80 && !closes;
        if !adjacent && !short_sentence {
            s += 2;
        }
    }
    // A preposition waits for its object below, unless what is below is a finished
    // sentence of its own: a caption dropped into the break (the decoder weighs that).
    if ends_mid_phrase(a) || ends_on_preposition(a) && !ends_sentence(b) {
        s += 2;
    }
    if is_cut_word(a) && !adjacent {
        s += 2;
    }
    // A blank line inside a word (`中央财政安` ⏎⏎ `排1000亿元……`, `20` ⏎⏎ `19年5月`): the
    // words across the break say it is one sentence, whatever the shapes say. (A
    // dictionary word runs across 42% of column breaks and 0.2-0.4% of paragraph or
    // head ends, `cut`.)
    // Only a piece opening a paragraph, with no clause in it, is read for words (the
    // front of a paragraph cut by the column's foot): a longer piece may end a
    // paragraph whose `。` the OCR dropped, where a chance word across weighs too much
    // (the decoder still weighs `cut:word` there).
    let short_piece = p.lines == 1
        && p.after_end
        && !a.contains(['，', ',', '；', '：'])
        && chars_up_to(a, WORD_CUT_MAX + 1) <= WORD_CUT_MAX;
    if !adjacent && !ends_sentence(a) && (number_cut(a, b) || short_piece && cut::is_word_cut(a, b))
    {
        s += 4;
    }
    // Two or three ideographs alone after finished text, then running text: the front
    // of a sentence the column's foot cut off (`陕西` ⏎⏎ `是科教大省，……`), as no
    // subhead or headline of the corpus is that short. A column name (`纵横`) stands
    // over a headline, a photo's title (`晨练`) over a one-sentence caption, a
    // signature (`丁磊`) is a name: those stay apart.
    if !adjacent && p.lines == 1 && p.after_end && tiny_piece(a) && runs_on(b) {
        s += 4;
    }
    if a.contains(['，', ',', '。', '；']) && !wide_head {
        // A fragment holding a clause is body text, not a title.
        s += 1;
    }
    if clearly_continues(b) && (ends_mid_phrase(a) || !opens_on_a_word(b)) {
        s += 4;
    }
    if p.b.indented {
        s -= 5;
    } else if p.indented && p.lines == 1 && !adjacent && !sa.wide {
        // An indented short piece and an unindented one after it: the paragraph
        // opened, then the column broke.
        s += 2;
    }
    if starts_enumeration(b) {
        s -= 3;
    }
    if opens_own_block(b) {
        s -= 5;
    }
    // A bare number is a page number, unless it is the front of a year the column
    // cut (`20` ⏎⏎ `19年5月，……`).
    if own_block(a) && !year_cut(a, b) {
        s -= 5;
    }
    // A byline line the converter broke after its dateline (`新华社北京4月29日电` ⏎
    // `（记者蒋梦辰 叶昊鸣）`): one line of its own again.
    // So is a dateline over the bracketed credit that opens its paragraph
    // (`新华社北京4月28日电` ⏎ `（记者樊曦 才扬） 28` ⏎ `日，……`): the paragraph's first
    // line again, its inline byline whole.
    // A closing dateline the line cut inside its date (`新华社北京4月24` ⏎ `日电`): one
    // line again, never a head of its own.
    if !byline::is_bare_dateline(a)
        && !byline::is_bare_dateline(b)
        && b.ends_with('电')
        && chars_up_to(b, 5) <= 4
        && byline::is_bare_dateline(&format!("{a}{b}"))
    {
        s += 12;
    }
    if p.lines == 1 && byline::is_bare_dateline(a) {
        let ab = format!("{a}{b}");
        let credit_below = byline::inline(&ab).is_some_and(|(end, _)| end > a.len());
        if byline::is_own_line(&ab) || credit_below && b.starts_with(['（', '(']) {
            s += 12;
        }
    }
    if !adjacent {
        // A short title-like line standing alone after finished text: maybe a head.
        let alone = p.lines == 1 && p.after_end && is_title_like(a);
        if alone {
            s -= 1;
        }
        let b_body = p.after_b.is_some_and(|n| n.adjacent) && (sb.full || measure.is_none());
        if b_body && !p.b.indented {
            s += 1;
        }
    } else if measure.is_some()
        && p.lines == 1
        && p.after_end
        && sa.short
        && is_title_like(a)
        && is_title_like(b)
        && !sb.full
    {
        // Two head-shaped lines after finished text, the first short: a kicker over
        // its headline (`强化科技支撑　深化结对帮扶` ⏎ `远程星智……`). A head printed over
        // two lines fills the first to its measure, so a short one is the whole of it
        // (a column-break fragment goes on with running text, not with another head).
        s -= 2;
    }
    // A slogan set in two matching halves (`筑牢安全底线 增进民生福祉`) is a whole
    // line, a kicker or a headline, never the first line of a longer head under it
    // (unless a word runs on into the next line: `全县春耕备耕工作 全面展开农机合作` ⏎
    // `社忙起来了`).
    if adjacent && p.lines == 1 && two_halves(a) && is_title_like(b) && !cut::is_word_cut(a, b) {
        s -= 4;
    }
    // Nor is such a slogan the second line of the head over it (`天津市河西区推进老旧小区
    // 智慧化改造` ⏎ `“智”守楼门  服务升级`: a kicker over its headline).
    if adjacent && two_halves(b) && is_title_like(a) && !cut::is_word_cut(a, b) {
        s -= 4;
    }
    // A person's name alone under a head is its author (`给大山的小孩更大的舞台` ⏎
    // `陈久菊`), not the head's last characters. (Two characters are as often the end
    // of the head's words: `……论坛致` ⏎ `贺信`.)
    if adjacent
        && p.lines <= 2
        && p.after_end
        && !sa.wide
        && is_title_like(a)
        && byline::is_person_name(b)
        && b.chars().filter(|c| is_han(*c)).count() >= 3
        && !cut::is_word_cut(a, b)
    {
        s -= 5;
    }
    // On a page that sets every block apart with a blank line, the lines of one block
    // are one paragraph or one head, whatever their widths say (a headline wrapped
    // after `——` or before its last two characters, a dateline cut before `日电`),
    // unless a line is a block of its own the converter left in its neighbour's box.
    if p.boxed && adjacent && !p.b.indented && !own_block(a) && !opens_own_block(b) {
        s = s.max(1);
    }
    s
}

/// Whether `prev` is a story's closing dateline on a line of its own
/// (`新华社北京4月28日电`): what follows is a new block (a photo's title, the next
/// story's head), never the rest of the dateline's text, however open it ends.
fn closes_with_dateline(prev: Option<&Unit>) -> bool {
    prev.is_some_and(|p| p.syntax == Syntax::Text && byline::is_bare_dateline(&p.text))
}

/// Fewest blank lines between text blocks for a hard-wrapped page to count as boxed.
const MIN_BOXES: usize = 3;

/// Whether a hard-wrapped page sets its blocks apart with blank lines, as text boxes
/// (markitdown's pdfminer text; OCR keeping its layout blocks): blank lines between
/// text lines are frequent, not the odd one a line-by-line dump leaves.
fn boxed(units: &[Unit]) -> bool {
    let (mut wrapped, mut blank) = (0usize, 0usize);
    for pair in units.windows(2) {
        if let [a, b] = pair
            && a.syntax == Syntax::Text
            && b.syntax == Syntax::Text
        {
            if b.adjacent {
                wrapped += 1;
            } else {
                blank += 1;
            }
        }
    }
    blank >= MIN_BOXES && blank * 10 >= wrapped
}

/// Whether a line is two halves of the same length set apart by a gap
/// (`立足剧目创作  注重保护传承`, `做好“六稳” 落实“六保”`): a slogan. A space the OCR
/// dropped into running text leaves unequal or short halves (`强化 法律威`).
fn two_halves(s: &str) -> bool {
    let t = trim(s);
    let halves: Vec<&str> = t.split(is_space).filter(|w| !w.is_empty()).collect();
    let han = |w: &str| w.chars().filter(|c| is_han(*c)).count();
    match halves.as_slice() {
        [x, y] => {
            let (x, y) = (han(x), han(y));
            x >= 4 && x == y && !t.contains(['，', '。', ',', '；'])
        }
        _ => false,
    }
}

/// Below this the step is sure enough of a boundary to settle it for the structure
/// decisions (`Unit::opens_block`); between it and zero they may still rejoin.
const SETTLED: i32 = -3;

/// Most lines a head set wider than the column is printed on.
const HEAD_MAX_LINES: usize = 3;

/// Whether a block opening with a line wider than the body is a head (a headline,
/// kicker, subtitle or subhead set on a wider measure): short, without a full stop
/// inside, and not a byline or credit (those run wide too but have their own cues).
fn is_wide_head(text: &str, lines: usize) -> bool {
    let t = trim(text);
    lines <= HEAD_MAX_LINES
        && !t.contains(['。', '；'])
        && !byline::is_own_line(t)
        && !byline::is_bare_name(t)
        && !is_credit(t)
        && !t.ends_with('电')
}

/// On a page that is not hard-wrapped the structure decisions weigh column breaks
/// themselves; this step rejoins only where the words leave no doubt.
const UNMEASURED_JOIN: i32 = 2;

/// Gathers hard-wrapped lines into blocks and rejoins column-break fragments.
pub(crate) fn gather(units: &mut Vec<Unit>, habits: &mut Habits) {
    let measure = measure(units);
    if measure.is_some() {
        habits.note(habits::HARD_WRAP);
    }
    let boxed = measure.is_some() && boxed(units);
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    // For the unit being gathered (the last of `out`): where its last line starts,
    // its line count, and whether the text before it ended a sentence.
    let mut last_start = 0usize;
    let mut lines = 0usize;
    // Per unit of `out`: whether its first line is wider than the body, and how many
    // lines it gathered (to type heads set wider than the column).
    let mut wide_heads: Vec<(bool, usize)> = Vec::with_capacity(units.len());
    let mut after_end = true;
    let taken = std::mem::take(units);
    let mut iter = taken.into_iter().peekable();
    while let Some(mut u) = iter.next() {
        let mut score = i32::MIN;
        // Whether the unit before ends open: only then can a boundary be settled
        // (after a finished sentence or a credit, the next line may still continue
        // a paragraph further up, across a caption).
        let mut open_before = false;
        let after_b = iter
            .peek()
            .filter(|n| n.syntax == Syntax::Text && n.adjacent);
        let joined = out.last().is_some_and(|cur| {
            cur.syntax == Syntax::Text && u.syntax == Syntax::Text && {
                let a = cur.text.get(last_start..).unwrap_or("");
                open_before = !ends_sentence(a) && !own_block(a);
                let pair = Pair {
                    a,
                    lines,
                    indented: cur.indented,
                    after_end,
                    b: &u,
                    after_b,
                    boxed,
                };
                score = weigh(&pair, measure);
                score
                    >= if measure.is_some() {
                        1
                    } else {
                        UNMEASURED_JOIN
                    }
            }
        });
        if joined && let Some(cur) = out.last_mut() {
            if !u.adjacent {
                habits.note(habits::COLUMN_BREAK);
            }
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
            let cur_end = cur.text.trim_end_matches(is_space).len();
            cur.text.truncate(cur_end);
            let (end, start) = (cur.text.chars().next_back(), trim(&u.text).chars().next());
            // A space between two Latin words; none inside a number cut in two.
            if latin(end) && latin(start) && !(digit(end) && digit(start)) {
                cur.text.push(' ');
            }
            last_start = cur.text.len();
            cur.text.push_str(trim(&u.text));
            lines += 1;
            if let Some(w) = wide_heads.last_mut() {
                w.1 = lines;
            }
            continue;
        }
        if measure.is_some() && u.syntax == Syntax::Text {
            u.adjacent = false;
            // (An earlier step's settled opening, a photo's or a prose table's, holds.)
            u.opens_block |= open_before && score <= SETTLED;
        }
        if u.syntax == Syntax::Text && closes_with_dateline(out.last()) {
            u.opens_block = true;
        }
        after_end = out.last().is_none_or(|c| {
            c.syntax != Syntax::Text || ends_sentence(&c.text) || own_block(trim(&c.text))
        });
        last_start = 0;
        lines = 1;
        let wide = u.syntax == Syntax::Text && shape(&u.text, measure).wide;
        wide_heads.push((wide, 1));
        out.push(u);
    }
    for (u, (wide, lines)) in out.iter_mut().zip(wide_heads) {
        if wide && is_wide_head(&u.text, lines) {
            u.syntax = Syntax::Heading(1);
            u.wide_head = true;
            habits.note(habits::WIDE_HEAD);
        }
    }
    *units = out;
}

#[cfg(test)]
mod tests {
    use super::two_halves;
    use crate::document::lines::{Syntax, units};

    fn texts(md: &str) -> Vec<(Syntax, String)> {
        units(md).into_iter().map(|u| (u.syntax, u.text)).collect()
    }

    /// A made-up story hard-wrapped at ten ideographs a line, as line-by-line OCR
    /// writes it: no blank lines, each paragraph's last line short.
    const WRAPPED: &str = "\
春耕时节，全县各地抓紧
备耕，农机手们检修机具，
合作社组织社员平整土地，
为播种做好准备。
全县今年计划种植粮食三
十万亩，比去年增加两万
亩，各乡镇已经把任务分
解到村到户。
";

    #[test]
    fn hard_wrapped_lines_are_one_block_per_paragraph() {
        let t = texts(WRAPPED);
        assert_eq!(t.len(), 2, "{t:?}");
        assert_eq!(
            t[0].1,
            "春耕时节，全县各地抓紧备耕，农机手们检修机具，合作社组织社员平整土地，为播种做好准备。"
        );
        assert!(t[1].1.starts_with("全县今年") && t[1].1.ends_with("解到村到户。"));
    }

    #[test]
    fn a_full_line_ending_a_sentence_goes_on_unless_the_next_is_indented() {
        let md = WRAPPED.replace("合作社组织社员平整土地，", "合作社组织社员平整土地。");
        assert_eq!(texts(&md).len(), 2);
        let md = WRAPPED.replace(
            "合作社组织社员平整土地，\n为播种",
            "合作社组织社员平整土地。\n　　为播种",
        );
        assert_eq!(texts(&md).len(), 3, "{:?}", texts(&md));
    }

    #[test]
    fn a_headline_wider_than_the_column_is_a_heading_and_stays_apart() {
        let md = format!("全县春耕备耕工作全面展开 农机合作社忙起来了\n本报记者 张三\n{WRAPPED}");
        let t = texts(&md);
        assert_eq!(t[0].0, Syntax::Heading(1), "{t:?}");
        assert_eq!(t[1], (Syntax::Text, "本报记者 张三".to_string()));
        assert!(t[2].1.starts_with("春耕时节"));
    }

    #[test]
    fn a_headline_printed_over_two_lines_is_one_heading() {
        let md = format!("全县春耕备耕工作全面展开 农机合作\n社忙起来了\n{WRAPPED}");
        let t = texts(&md);
        assert_eq!(
            t[0],
            (
                Syntax::Heading(1),
                "全县春耕备耕工作全面展开 农机合作社忙起来了".to_string()
            ),
            "{t:?}"
        );
    }

    #[test]
    fn a_headline_wrapped_at_its_own_wider_measure_is_one_heading() {
        // Both lines as wide as the head's measure: one head, not two.
        let md = format!(
            "全县春耕备耕工作全面展开农机合作社忙\n起来了农户们喜笑颜开啦田野里一片繁忙\n{WRAPPED}"
        );
        let t = texts(&md);
        assert_eq!(
            t[0],
            (
                Syntax::Heading(1),
                "全县春耕备耕工作全面展开农机合作社忙起来了农户们喜笑颜开啦田野里一片繁忙"
                    .to_string()
            ),
            "{t:?}"
        );
        // A first line that ends a sentence is not the front of the second.
        let md = format!(
            "全县春耕备耕工作全面展开农机合作社。\n起来了农户们喜笑颜开啦田野里一片繁忙\n{WRAPPED}"
        );
        assert!(texts(&md)[0].1.ends_with('。'), "{:?}", texts(&md));
    }

    #[test]
    fn a_byline_broken_after_its_dateline_is_one_line_again() {
        let md = format!("{WRAPPED}新华社北京4月29日电\n（记者蒋梦辰 叶昊鸣）\n{WRAPPED}");
        let t = texts(&md);
        assert!(
            t.iter()
                .any(|u| u.1 == "新华社北京4月29日电（记者蒋梦辰 叶昊鸣）"),
            "{t:?}"
        );
        // A dateline over the credit opening its paragraph is that paragraph's.
        let md =
            format!("{WRAPPED}新华社北京4月28日电\n（记者樊曦 才扬） 28\n日，全总召开大会。\n");
        let t = texts(&md);
        assert!(
            t.iter()
                .any(|u| u.1 == "新华社北京4月28日电（记者樊曦 才扬） 28日，全总召开大会。"),
            "{t:?}"
        );
        // A dateline closing a story stays apart from the next paragraph.
        let md = format!("{WRAPPED}新华社北京4月29日电\n（上接第一版）\n{WRAPPED}");
        let t = texts(&md);
        assert!(t.iter().any(|u| u.1 == "新华社北京4月29日电"), "{t:?}");
    }

    #[test]
    fn a_part_stopping_on_a_preposition_is_rejoined_across_the_break() {
        // Half-width commas as OCR writes them; `截至` waits for its date.
        let md = WRAPPED.replace('，', ",")
            + "今年签约项目二十个,截至\n\n9月底,全区新签约项目达\n到四十个,其中亿元以上\n项目三十二个。\n";
        let t = texts(&md);
        assert!(t.iter().any(|u| u.1.contains("截至9月底")), "{t:?}");
        // A finished part is not joined on.
        let md = md.replace("截至\n\n9月底", "截至目前。\n\n9月底");
        assert!(!texts(&md).iter().any(|u| u.1.contains("目前。9月底")));
    }

    #[test]
    fn half_width_punctuation_counts_as_printed() {
        // `,` stood for `，`: as wide as an ideograph; a decimal point is narrow.
        assert_eq!(super::width("全区,其中"), super::width("全区，其中"));
        assert_eq!(super::width("77.12"), 5);
    }

    #[test]
    fn a_column_break_after_two_characters_is_rejoined() {
        // `“海` ⏎⏎ `运价格…`: the quotation opened and the column broke.
        let md = format!("{WRAPPED}\n“海\n\n运价格就像过山车，企业\n一直在想办法。\n");
        let t = texts(&md);
        assert_eq!(
            t.last().map(|u| u.1.as_str()),
            Some("“海运价格就像过山车，企业一直在想办法。")
        );
        // A fragment ending on a particle, then the sentence going on.
        let md = format!("{WRAPPED}\n冬天的\n\n早晨，一群年轻人把粗绳\n子绑在飞机尾部。\n");
        let t = texts(&md);
        assert_eq!(
            t.last().map(|u| u.1.as_str()),
            Some("冬天的早晨，一群年轻人把粗绳子绑在飞机尾部。")
        );
    }

    #[test]
    fn a_caption_announcing_itself_opens_a_block() {
        // A photo's short title, then its caption: `海` and `图` make a word (`海图`),
        // but `图为` opens a caption of its own.
        let md = format!("{WRAPPED}\n渔港开海\n\n图为渔民在码头整理渔网。\n");
        let t = texts(&md);
        assert!(t.iter().any(|u| u.1 == "渔港开海"), "{t:?}");
        // Even after an open phrase: a caption is dropped into a paragraph's break
        // just like that, so the front end leaves the question to the decoder.
        let md = "他指着墙上的\n\n图为我们讲解。\n";
        assert_eq!(texts(md).len(), 2, "{:?}", texts(md));
        // Without `图为` the open phrase carries the paragraph over the break.
        let md = "他指着墙上的\n\n地图为我们讲解。\n";
        assert_eq!(texts(md).len(), 1, "{:?}", texts(md));
    }

    #[test]
    fn a_book_title_whose_closing_mark_the_ocr_lost_leaves_nothing_open() {
        assert!(super::leaves_open("县里出台了《扶持茶业发展的"));
        assert!(super::leaves_open("他说：“今年丰收了。明年还要"));
        assert!(!super::leaves_open(
            "县里出台了《扶持茶业发展的实施意见。近年来该县加大投入"
        ));
        assert!(!super::leaves_open("县里出台了《实施意见》，加大投入"));
        // Two blank-line blocks, the first a whole paragraph whose `》` and `。` the
        // OCR dropped: not rejoined by the front end.
        let md = "县里出台了《扶持茶业发展的实施意见。近年来该县财政扶持资金都在500万元以上，不断增加的投入带动了特色产业发展\n\n中央财政、地方支农资金以及民间资金的投入，使茶产业迎来了又一个春天。";
        assert_eq!(texts(md).len(), 2, "{:?}", texts(md));
        // An open quotation still carries the paragraph over the break.
        let md = "他说：“今年蔬菜丰收了。明年还要\n\n继续扩大种植面积。”";
        assert_eq!(texts(md).len(), 1, "{:?}", texts(md));
    }

    #[test]
    fn a_short_head_between_finished_paragraphs_is_not_joined() {
        let md =
            format!("{WRAPPED}\n党建引领 资源融合\n\n民和社区管辖两个居民小\n区，共八十三栋楼。\n");
        let t = texts(&md);
        assert!(t.iter().any(|u| u.1 == "党建引领 资源融合"), "{t:?}");
        // A byline or a credit under a line is never its continuation.
        let md = format!("{WRAPPED}孙鑫摄\n新的一年新的开始\n");
        assert!(texts(&md).iter().any(|u| u.1 == "孙鑫摄"));
    }

    #[test]
    fn a_line_that_closes_a_block_is_not_glued_to_the_head_below() {
        // A caption closed by its credit, a bracketed closing credit, page furniture:
        // each ends its block, and the head under it stays a head of its own.
        for closing in [
            "5月6日，工人在车间赶制订单。　　胡建国 摄",
            "（北京航空航天大学法学院副教授 赵精武）",
            "3 第 版 2019年7月23日星期三",
        ] {
            let md = format!("{WRAPPED}{closing}\n浙江杭州发布园林绿化行业信用指数\n{WRAPPED}");
            let t = texts(&md);
            assert!(t.iter().any(|u| u.1 == closing), "{t:?}");
            assert!(
                t.iter().any(|u| u.1 == "浙江杭州发布园林绿化行业信用指数"),
                "{t:?}"
            );
        }
        // A credit inside a caption's sentence is no closing credit: `拍摄` goes on.
        let md = format!("{WRAPPED}他举起相机，对准远处的\n梯田拍摄。\n");
        assert!(
            texts(&md)
                .iter()
                .any(|u| u.1 == "他举起相机，对准远处的梯田拍摄。")
        );
    }

    #[test]
    fn a_lede_opening_with_its_dateline_is_not_the_head_s_second_line() {
        let md = format!(
            "{WRAPPED}互联网公开募捐服务平台不得插入商业广告\n新华社北京4月27日电（记者朱高\n祥）民政部等三部门联合发\n布办法。\n"
        );
        let t = texts(&md);
        assert!(
            t.iter()
                .any(|u| u.1 == "互联网公开募捐服务平台不得插入商业广告"),
            "{t:?}"
        );
        // A line that only names an agency mid-sentence goes on.
        let md = format!("{WRAPPED}据报道，这一消息最早由\n新华社播发，引起关注。\n");
        assert!(
            texts(&md)
                .iter()
                .any(|u| u.1 == "据报道，这一消息最早由新华社播发，引起关注。")
        );
    }

    #[test]
    fn a_closing_dateline_cut_inside_its_date_is_one_line() {
        let md = format!("{WRAPPED}新华社北京4月24\n日电\n让患者家庭有“医”靠\n{WRAPPED}");
        let t = texts(&md);
        assert!(t.iter().any(|u| u.1 == "新华社北京4月24日电"), "{t:?}");
        // Across a column break too; a date in running text is no dateline.
        let md = format!("{WRAPPED}\n　　新华社重庆4月29\n\n日电\n\n莫让虚假测评误导消费\n");
        assert!(texts(&md).iter().any(|u| u.1 == "新华社重庆4月29日电"));
        // A whole dateline under a head is not the head's end.
        let md = format!("{WRAPPED}中马读者会在吉隆坡举行\n新华社吉隆坡4月30日电\n{WRAPPED}");
        let t = texts(&md);
        assert!(t.iter().any(|u| u.1 == "新华社吉隆坡4月30日电"), "{t:?}");
    }

    #[test]
    fn a_name_under_a_head_is_its_author() {
        let md = format!("{WRAPPED}给大山的小孩更大的舞台\n陈久菊\n{WRAPPED}");
        let t = texts(&md);
        assert!(t.iter().any(|u| u.1 == "给大山的小孩更大的舞台"), "{t:?}");
        assert!(t.iter().any(|u| u.1 == "陈久菊"), "{t:?}");
        // A name on the line after running text is the rest of its sentence.
        let md = format!("{WRAPPED}入村第一天，记者见到了\n陈久菊\n");
        assert_eq!(texts(&md).len(), 3, "{:?}", texts(&md));
        let md = format!("{WRAPPED}习近平向上合组织论坛致\n贺信\n\n{WRAPPED}");
        assert!(
            texts(&md)
                .iter()
                .any(|u| u.1 == "习近平向上合组织论坛致贺信")
        );
        let md = format!("{WRAPPED}入村第一天，记者见到了\n陈久菊\n");
        assert!(
            texts(&md)
                .iter()
                .any(|u| u.1 == "入村第一天，记者见到了陈久菊"),
            "{:?}",
            texts(&md)
        );
    }

    #[test]
    fn a_slogan_under_a_head_line_is_a_head_of_its_own() {
        let md = format!(
            "{WRAPPED}天津市河西区推进老旧小区\n“智”守楼门  服务升级\n本报记者 张三\n{WRAPPED}"
        );
        let t = texts(&md);
        assert!(t.iter().any(|u| u.1 == "“智”守楼门  服务升级"), "{t:?}");
        // Unequal halves are a head's second line with a gap the OCR left.
        let md = format!(
            "{WRAPPED}天津市河西区推进老旧小区\n智慧化改造 服务升级\n本报记者 张三\n{WRAPPED}"
        );
        assert!(
            texts(&md)
                .iter()
                .any(|u| u.1 == "天津市河西区推进老旧小区智慧化改造 服务升级"),
            "{:?}",
            texts(&md)
        );
    }

    #[test]
    fn a_spaced_name_under_a_head_is_its_signature() {
        let md = format!("{WRAPPED}恐龙蛋化石藏着什么秘密（唠“科”）\n赵  璧\n{WRAPPED}");
        let t = texts(&md);
        assert!(t.iter().any(|u| u.1 == "赵  璧"), "{t:?}");
        // Without the gap two characters may be the end of a head's second line.
        let md = format!("{WRAPPED}恐龙蛋化石藏着什么秘密，考古学家\n在说\n");
        assert!(texts(&md).iter().any(|u| u.1.ends_with("考古学家在说")));
    }

    #[test]
    fn a_short_head_line_after_finished_text_is_the_whole_head() {
        // A kicker narrower than the column over a headline wider than it.
        let md = format!(
            "{WRAPPED}强化科技　深化帮扶\n全县春耕备耕工作全面展开 农机合作社忙起来了\n{WRAPPED}"
        );
        let t = texts(&md);
        assert!(t.iter().any(|u| u.1 == "强化科技　深化帮扶"), "{t:?}");
        // A full-width first line goes on: a head printed over two lines.
        let md = format!("{WRAPPED}全县春耕备耕工作全面铺\n开\n{WRAPPED}");
        assert!(
            texts(&md).iter().any(|u| u.1 == "全县春耕备耕工作全面铺开"),
            "{:?}",
            texts(&md)
        );
    }

    #[test]
    fn a_slogan_in_two_halves_is_a_whole_head_line() {
        let md =
            format!("{WRAPPED}筑牢安全底线 增进民生福祉\n开启“智造”盛会\n本报记者 张三\n{WRAPPED}");
        let t = texts(&md);
        assert!(
            t.iter().any(|u| u.1 == "筑牢安全底线 增进民生福祉"),
            "{t:?}"
        );
        // Halves of one length, but a word runs on into the next line: a head's
        // first line.
        let md = format!(
            "{WRAPPED}全县春耕备耕工作 全面展开农机合作\n社忙起来了\n本报记者 张三\n{WRAPPED}"
        );
        let t = texts(&md);
        assert!(
            t.iter()
                .any(|u| u.1 == "全县春耕备耕工作 全面展开农机合作社忙起来了"),
            "{t:?}"
        );
        assert!(two_halves("做好“六稳” 落实“六保”"));
        assert!(!two_halves("强化 法律威"));
    }

    /// The wrapped story with a blank line between its paragraphs, as markitdown
    /// (pdfminer text boxes) writes it.
    fn boxed_page(head: &str) -> String {
        let para = WRAPPED.replace("为播种做好准备。\n", "为播种做好准备。\n\n");
        format!("{para}\n{head}\n\n本报记者 张三\n\n{para}\n{para}")
    }

    #[test]
    fn on_a_boxed_page_the_lines_of_one_block_are_one_head() {
        // The last line of a wrapped headline is short and looks like a subtitle;
        // on a page of blank-line blocks it is the rest of the head all the same.
        let t = texts(&boxed_page("跨国车企拥抱中国技术 汽车市场“反向合资”\n潮涌"));
        assert!(
            t.iter()
                .any(|u| u.1 == "跨国车企拥抱中国技术 汽车市场“反向合资”潮涌"),
            "{t:?}"
        );
        // A dateline cut before its `日电` is one line again.
        let t = texts(&boxed_page("新华社北京5月2\n日电"));
        assert!(t.iter().any(|u| u.1 == "新华社北京5月2日电"), "{t:?}");
        // A byline the converter left in the head's box stays a line of its own.
        let t = texts(&boxed_page("全县春耕备耕工作全面展开\n本报记者 李四"));
        assert!(t.iter().any(|u| u.1 == "本报记者 李四"), "{t:?}");
        // Without blank lines between blocks the widths decide: a short head line
        // over a line wider than it is a kicker over its headline.
        let md = format!(
            "{WRAPPED}强化科技　深化帮扶\n全县春耕备耕工作全面展开 农机合作社忙起来了\n{WRAPPED}"
        );
        assert!(texts(&md).iter().any(|u| u.1 == "强化科技　深化帮扶"));
    }

    #[test]
    fn a_closing_dateline_ends_its_block_and_settles_the_next_one() {
        // A space the OCR left inside the dateline changes nothing.
        assert!(super::own_block("新华社西宁4月26日 电"));
        assert!(!super::own_block("日电"));
        assert!(!super::own_block("月29日电"));
        let md =
            format!("{WRAPPED}\n  新华社西宁4月26日 电\n\n花海迎客\n\n图为游客在花海中游览。\n");
        let got = units(&md);
        let at = got.iter().position(|u| u.text == "花海迎客");
        assert!(at.is_some_and(|i| got[i].opens_block), "{got:?}");
        // After an open paragraph part the next block may still be its rest.
        let md = format!("{WRAPPED}\n全县各乡镇已经\n\n把任务分解到村到户。\n");
        let got = units(&md);
        assert!(got.iter().all(|u| !u.opens_block), "{got:?}");
    }

    #[test]
    fn a_photo_title_after_a_closing_line_stays_over_its_caption() {
        // After a story's closing dateline, a photo's title is not the front of the
        // caption under it, and a title of two characters is not the front of a
        // caption closed by its credit (`报` the OCR's `摄`).
        let md = format!(
            "{WRAPPED}\n新华社福州4月28日电\n\n库区早茶香\n\n地处三峡库区的湖北省宜\n昌市秭归县依托优良生\n态环境，建设早茶基地。\n\n{WRAPPED}\n\n晨练\n\n日前，山西省大同市平城区的学生在集市选购年货。　　通讯员 马宇 报\n"
        );
        let t = texts(&md);
        for piece in ["库区早茶香", "晨练"] {
            assert!(t.iter().any(|u| u.1 == piece), "{piece}: {t:?}");
        }
        assert!(super::own_block(
            "日前，山西省大同市平城区的学生在集市选购年货。　　通讯员 马宇 报"
        ));
        assert!(!super::own_block("他说，这份报纸最早由　　县日报"));
        // `地处` opens a sentence; after a part waiting for its word, `地` goes on it.
        assert!(super::opens_on_a_word("地处三峡库区的湖北省宜昌市"));
        assert!(!super::opens_on_a_word("地推进各项工作。"));
        let md = format!("{WRAPPED}\n大家来到当地的\n\n地处山区的村子里看望农户。\n");
        assert!(
            texts(&md)
                .iter()
                .any(|u| u.1.starts_with("大家来到当地的地处"))
        );
    }

    #[test]
    fn a_blank_line_inside_a_word_or_a_number_is_a_column_break() {
        // One block per paragraph, blank lines between (no measure): the word `安排`
        // and the number `2019` run across the break.
        let md = "全年经济工作稳中有进。\n\n中央财政安\n\n排1000亿元支持财政金融协同促内需，多地设立未来产业基金。\n\n华为在20\n\n19年5月正式发布新品。\n";
        let t = texts(md);
        assert!(
            t.iter().any(|u| u.1.starts_with("中央财政安排1000亿元")),
            "{t:?}"
        );
        assert!(
            t.iter().any(|u| u.1.starts_with("华为在2019年5月")),
            "{t:?}"
        );
        // A year cut after its first digits, the digits alone on their block: no
        // page number.
        let md = "全年经济工作稳中有进。\n\n20\n\n19年5月，某企业正式发布新品，首次进军汽车业。\n";
        let t = texts(md);
        assert!(t.iter().any(|u| u.1.starts_with("2019年5月，")), "{t:?}");
        // A page number over a paragraph opening with a year stays apart.
        let md = "全年经济工作稳中有进。\n\n3\n\n2019年5月，某企业正式发布新品，首次进军汽车业。\n";
        assert!(texts(md).iter().any(|u| u.1 == "3"), "{:?}", texts(md));
        // A head over its lede: no word across, the two stay apart.
        let md = "全年经济工作稳中有进。\n\n春耕备耕忙\n\n全县今年计划种植粮食三十万亩，比去年增加两万亩。\n";
        assert_eq!(texts(md).len(), 3, "{:?}", texts(md));
    }

    #[test]
    fn two_or_three_ideographs_cut_off_a_sentence_are_rejoined() {
        let md = "全年经济工作稳中有进。\n\n某省\n\n是农业大省，耕地面积居全国前列，粮食产量连续多年稳定增长，但以往受种植结构单一制约，农民增收难度大，一些好品种没能走出大山，优质农产品卖不上好价钱，如今全省上下正在努力改变这一局面。\n\n发展到\n\n现在，合作社已有社员三百多户，带动周边几个村共同致富，村里还建起了冷库和加工车间，农产品从地头直接走向全国各地的餐桌，村民的腰包一年比一年鼓，日子越过越红火，年轻人也愿意回村创业了。\n";
        let t = texts(md);
        assert!(t.iter().any(|u| u.1.starts_with("某省是农业大省")), "{t:?}");
        assert!(t.iter().any(|u| u.1.starts_with("发展到现在，")), "{t:?}");
        // A signature, a column name over its headline, a photo's title over its
        // one-sentence caption, a label set with a gap: each stays a block.
        let md = "全年经济工作稳中有进。\n\n王小明\n\n近年来，某市平台经济快速发展，涉及数千万经营主体和灵活就业人员。\n\n纵横\n\n别让年龄门槛绊倒银发消费\n\n晨练\n\n3月31日，某县的市民在广场参加健身活动。\n\n贺  信\n\n值此某报创刊40周年之际，向报社全体同志表示祝贺，希望继续办好报纸。\n";
        let t = texts(md);
        for piece in ["王小明", "纵横", "晨练", "贺  信"] {
            assert!(t.iter().any(|u| u.1 == piece), "{piece}: {t:?}");
        }
    }

    #[test]
    fn a_block_ending_on_a_comma_or_inside_a_quote_goes_on_across_a_blank_line() {
        let md = "全年经济工作稳中有进。\n\n依托山区、\n\n海岛等特色资源，全县发展乡村旅游，游客逐年增多，村民的收入也跟着涨了起来，合作社还办起了农家乐、民宿和采摘园，带动周边几个村的农产品销售，今年全县乡村旅游收入预计超过两亿元。\n\n“把小\n\n事办好，就是大事。”村支书说。\n";
        let t = texts(md);
        assert!(t.iter().any(|u| u.1.starts_with("依托山区、海岛")), "{t:?}");
        assert!(t.iter().any(|u| u.1.starts_with("“把小事办好")), "{t:?}");
        // A short finished sentence after the comma may be a caption dropped into the
        // break: left to the decoder.
        let md = "全年经济工作稳中有进。\n\n依托山区、\n\n5月6日，游客在景区游览。\n";
        assert_eq!(texts(md).len(), 3, "{:?}", texts(md));
    }

    #[test]
    fn pages_that_are_not_hard_wrapped_are_left_to_the_structure_decisions() {
        // One paragraph per line: no measure, and an open line is not joined on a
        // guess (only on plain evidence such as a line starting with `的`).
        let md = "全县春耕备耕工作有序推进，各地积极行动\n\n合作社里话丰收\n\n今年粮食再获丰收。\n";
        assert_eq!(texts(md).len(), 3);
        let md = "当然在全区发展稳中向好\n\n的局面中，我们也必须认识到困难。\n";
        assert_eq!(texts(md).len(), 1);
        assert_eq!(super::measure(&units("一行\n两行\n")), None);
    }
}
