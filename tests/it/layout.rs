//! Layout behaviour: invariants over generated text (proptest), a table of hand cases,
//! and the wrapcheck criteria over the sample page at every width from 10 to 120.

use kanbao::document::{self, Article, Block, BlockKind, Document, Span};
use kanbao::layout::typeset::wrap_text;
use kanbao::layout::width::Measure;
use kanbao::layout::wrap::Widths;
use kanbao::layout::{LayoutOptions, LineRole, lay_out, plain_text};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// The wrapcheck tool's sets (scripts/wrapcheck.py).
const NO_START: &str = "，。、；：？！”’）》」』】〕〉…—·%‰,.;:?!)]}℃";
const NO_END: &str = "“‘（《「『【〔〈([{";

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

fn opts(width: u16) -> LayoutOptions {
    LayoutOptions {
        width,
        ..LayoutOptions::default()
    }
}

/// Wraps `text` at `width` and returns the lines' text.
fn wrapped(text: &str, width: u16) -> Vec<&str> {
    let widths = Widths {
        first: width,
        rest: width,
    };
    wrap_text(text, widths, &opts(width))
        .into_iter()
        .map(|(range, _)| &text[range])
        .collect()
}

/// Asserts the invariants of one wrapped text: widths, nothing lost, ranges on cluster
/// boundaries and increasing, and punctuation rules kept wherever a plain break between
/// two Chinese characters was available.
fn check_invariants(text: &str, widths: Widths, ambiguous_wide: bool) {
    let options = LayoutOptions {
        width: widths.rest,
        ambiguous_wide,
        ..LayoutOptions::default()
    };
    let measure = Measure { ambiguous_wide };
    let lines = wrap_text(text, widths, &options);
    let boundaries: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut previous_end = 0;
    let mut previous_start = None;
    for (index, (range, width)) in lines.iter().enumerate() {
        let available = if index == 0 {
            widths.first
        } else {
            widths.rest
        };
        let shown = &text[range.clone()];
        assert_eq!(measure.width(shown), usize::from(*width), "{shown:?}");
        let single_cluster = shown.graphemes(true).count() <= 1;
        assert!(
            *width <= available || single_cluster,
            "line {shown:?} is {width} wide, more than {available}"
        );
        assert!(boundaries.binary_search(&range.start).is_ok(), "{range:?}");
        assert!(boundaries.binary_search(&range.end).is_ok(), "{range:?}");
        assert!(
            previous_start.is_none_or(|s| range.start > s),
            "rows go back"
        );
        let gap = &text[previous_end..range.start];
        assert!(gap.chars().all(char::is_whitespace), "lost {gap:?}");
        if index > 0 && !gap.contains(['\n', '\r']) {
            check_rules(text, lines[index - 1].0.start, range.start);
        }
        previous_end = range.end;
        previous_start = Some(range.start);
    }
    let tail = &text[previous_end..];
    assert!(tail.chars().all(char::is_whitespace), "lost tail {tail:?}");
}

/// A line from `start` broken at `at`: if that broke a punctuation rule, no boundary
/// between two Chinese characters may have been available on the line.
fn check_rules(text: &str, start: usize, at: usize) {
    let line = text[start..at].trim_end();
    let next = text[at..].chars().next();
    let bad_start = next.is_some_and(|c| NO_START.contains(c));
    let bad_end = line.chars().last().is_some_and(|c| NO_END.contains(c));
    if !(bad_start || bad_end) {
        return;
    }
    let chars: Vec<char> = text[start..]
        .chars()
        .take(text[start..at].chars().count() + 1)
        .collect();
    let legal = chars
        .windows(2)
        .any(|pair| is_cjk(pair[0]) && is_cjk(pair[1]));
    assert!(
        !legal,
        "bad break {line:?} | {next:?} although a legal one existed"
    );
}

fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "中",
        "文",
        "报",
        "纸",
        "社",
        "区",
        "，",
        "。",
        "、",
        "；",
        "：",
        "？",
        "！",
        "“",
        "”",
        "‘",
        "’",
        "（",
        "）",
        "《",
        "》",
        "「",
        "」",
        "【",
        "】",
        "——",
        "……",
        "·",
        "%",
        "℃",
        ",",
        ".",
        "(",
        ")",
        "[",
        "]",
        "5.3%",
        "225.19",
        "2024年",
        "30余",
        "12.",
        "A、B",
        "word",
        "paper",
        " ",
        " ",
        "\t",
        "👨‍👩‍👧",
        "e\u{301}",
        "\u{1}",
        "①",
        "ｗ",
        "〪",
        "🇨🇳",
        "\u{200d}",
        "\r\n",
    ])
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn wrapping_keeps_its_invariants(
        text in text(),
        width in 1u16..200,
        indent in 0u16..8,
        ambiguous_wide: bool,
    ) {
        let first = width.saturating_sub(indent).max(1);
        check_invariants(&text, Widths { first, rest: width }, ambiguous_wide);
    }

    #[test]
    fn laid_out_lines_never_exceed_the_width(text in text(), width in 2u16..200) {
        let doc = one_of_each(&text);
        for line in lay_out(&doc, &opts(width)).lines {
            let drawn = Measure::default().width(&plain_text(&doc, &line));
            let lone = doc.text[line.range.clone()].graphemes(true).count() <= 1;
            prop_assert!(drawn <= usize::from(width) || lone, "{line:?}");
            prop_assert_eq!(drawn, usize::from(line.indent + line.width));
        }
    }
}

/// A document with `text` in every role, to exercise every placement.
fn one_of_each(text: &str) -> Document {
    let kinds = [
        BlockKind::Paragraph,
        BlockKind::Subhead,
        BlockKind::Caption,
        BlockKind::Credit,
        BlockKind::ListItem,
        BlockKind::ListItem,
        BlockKind::Quote,
        BlockKind::Image,
        BlockKind::Table,
        BlockKind::Furniture,
    ];
    let mut doc = Document::default();
    let mut span = |line: usize| {
        let start = doc.text.len();
        doc.text.push_str(text);
        doc.text.push('\n');
        Span {
            range: start..start + text.len(),
            line,
        }
    };
    let header = [span(1), span(2), span(3), span(4)];
    let overline = span(5);
    let blocks = kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| Block {
            kind: *kind,
            span: span(10 + i),
        })
        .collect();
    let furniture = span(30);
    let [kicker, title, subtitle, byline] = header;
    doc.articles.push(Article {
        overline: vec![Block {
            kind: BlockKind::Banner,
            span: overline,
        }],
        kicker: Some(kicker),
        title: Some(title),
        subtitle: Some(subtitle),
        byline: Some(byline),
        line: 6,
        blocks,
    });
    doc.furniture.push(Block {
        kind: BlockKind::Furniture,
        span: furniture,
    });
    doc
}

/// Hand cases: `case!(name: text at width => [lines...])`.
macro_rules! cases {
    ($($name:ident: $text:expr, $width:expr => [$($line:expr),* $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                assert_eq!(wrapped($text, $width), [$($line),*] as [&str; _]);
            }
        )*
    };
}

cases! {
    final_wide_char_at_odd_width: "中文字", 5 => ["中文", "字"];
    dash_pair_stays_whole: "甲乙丙——丁", 8 => ["甲乙丙——", "丁"];
    dash_pair_moves_with_its_character: "甲乙丙——丁", 7 => ["甲乙", "丙——丁"];
    ellipsis_pair_stays_whole: "甲乙丙……丁", 7 => ["甲乙", "丙……丁"];
    percentage_stays_whole: "增长了5.3%", 9 => ["增长了", "5.3%"];
    decimal_stays_whole: "总投资225.19亿元", 9 => ["总投资", "225.19亿", "元"];
    year_stays_whole: "今年是2024年", 8 => ["今年是", "2024年"];
    count_stays_whole: "菜农30余人次", 5 => ["菜农", "30余", "人次"];
    letters_around_a_comma: "魏都新城A、B两个", 10 => ["魏都新城", "A、B两个"];
    list_number_keeps_its_first_character: "啊啊12.摸清", 6 => ["啊啊", "12.摸", "清"];
    long_latin_word_is_cut: "abcdefghij", 4 => ["abcd", "efgh", "ij"];
    latin_words_break_at_spaces: "read the paper", 9 => ["read the", "paper"];
    zwj_family_is_never_split: "好👨‍👩‍👧好", 3 => ["好", "👨‍👩‍👧", "好"];
    width_one_sets_wide_characters_alone: "中a", 1 => ["中", "a"];
    closing_quote_pulls_a_character_down: "他说“好了”", 8 => ["他说“好", "了”"];
    all_punctuation_breaks_anyway: "。。。。。", 4 => ["。。", "。。", "。"];
}

#[test]
fn no_punctuation_starts_a_line() {
    for p in "，。、；：？！’”）》」』】〕…‰％—·℃,.;:?!)]}%".chars() {
        let text = format!("甲乙丙{p}丁");
        let lines = wrapped(&text, 6);
        assert!(lines[1].starts_with('丙'), "{p}: {lines:?}");
    }
}

#[test]
fn no_punctuation_ends_a_line() {
    for p in "‘“（《「『【〔〈([{".chars() {
        let text = format!("甲乙{p}丙丁");
        assert_eq!(wrapped(&text, 6)[0], "甲乙", "{p}");
    }
}

#[test]
fn ambiguous_wide_counts_quotes_as_two() {
    let wide = LayoutOptions {
        ambiguous_wide: true,
        ..opts(6)
    };
    let widths = Widths { first: 6, rest: 6 };
    let first = |o: &LayoutOptions| wrap_text("“甲乙”丙", widths, o)[0].clone();
    assert_eq!(first(&opts(6)), (0..12, 6));
    assert_eq!(first(&wide), (0..6, 4));
}

#[test]
fn paragraphs_indent_headlines_centre_bylines_align_right() {
    let doc = one_of_each("平城区全力打造");
    let lines = lay_out(&doc, &opts(30)).lines;
    let find = |role| lines.iter().find(|l| l.role == role).map(|l| l.indent);
    assert_eq!(find(LineRole::Title), Some((30 - 14) / 2));
    assert_eq!(find(LineRole::Byline), Some(30 - 14));
    assert_eq!(find(LineRole::Paragraph), Some(4));
    assert_eq!(find(LineRole::Caption), Some(4));
    assert!(lines.iter().any(|l| l.marker.is_some()));
}

/// The wrapcheck.py criteria, over one dump: overflow, bad start or end, a token split
/// across lines, and Chinese characters lost.
fn wrapcheck(width: usize, rendered: &str, source: &str) -> Vec<String> {
    let measure = Measure::default();
    let mut defects = Vec::new();
    let mut prev: Option<&str> = None;
    for line in rendered.split('\n') {
        let s = line.trim_end();
        if s.trim().is_empty() {
            prev = None;
            continue;
        }
        if measure.width(s) > width {
            defects.push(format!("overflow: {s}"));
        }
        let body = s.trim();
        if let Some(p) = prev {
            let first = body.chars().next().unwrap_or(' ');
            let last = p.chars().last().unwrap_or(' ');
            if NO_START.contains(first) {
                defects.push(format!("bad start: {p} | {body}"));
            }
            if NO_END.contains(last) {
                defects.push(format!("bad end: {p} | {body}"));
            }
            if first.is_ascii_alphanumeric() && (last.is_ascii_alphanumeric() || last == '.') {
                defects.push(format!("split token: {p} | {body}"));
            }
        }
        prev = Some(body);
    }
    // Header fields (a trailing byline) may be shown before the body, so compare the
    // Chinese characters as multisets: none may be missing.
    let mut shown: Vec<char> = rendered.chars().filter(|c| is_cjk(*c)).collect();
    let mut source: Vec<char> = source.chars().filter(|c| is_cjk(*c)).collect();
    shown.sort_unstable();
    source.sort_unstable();
    if shown != source {
        defects.push(format!(
            "Chinese text lost: {} in the source, {} shown",
            source.len(),
            shown.len()
        ));
    }
    defects
}

#[test]
fn sample_passes_wrapcheck_at_every_width() {
    let doc = document::parse("sample", kanbao::input::SAMPLE);
    for width in 10..=120u16 {
        let rendered = kanbao::dump::text(std::slice::from_ref(&doc), &opts(width));
        let defects = wrapcheck(usize::from(width), &rendered, kanbao::input::SAMPLE);
        assert!(defects.is_empty(), "width {width}: {defects:#?}");
    }
}

/// Unused columns at the end of lines that are not the last of their paragraph.
fn unused_columns(doc: &Document, width: u16) -> (usize, usize) {
    let lines = lay_out(doc, &opts(width)).lines;
    let mut total = (0, 0);
    for pair in lines.windows(2) {
        let (line, next) = (&pair[0], &pair[1]);
        if line.role == LineRole::Paragraph && next.block == line.block && next.role == line.role {
            total.0 += usize::from(width - line.indent - line.width);
            total.1 += 1;
        }
    }
    total
}

#[test]
fn paragraph_lines_are_nearly_full() {
    let doc = document::parse("sample", kanbao::input::SAMPLE);
    for width in [17u16, 20, 40, 60, 80, 100, 120] {
        let (unused, lines) = unused_columns(&doc, width);
        let average = unused as f64 / lines as f64;
        println!("width {width}: {unused} unused columns over {lines} lines ({average:.2})");
        assert!(average < 1.6, "width {width}: {average:.2} unused per line");
    }
}
