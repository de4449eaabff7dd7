//! Non-interactive output: `--dump json` (the structure, for scripts) and
//! `--dump text` (the laid-out page, as the article pane shows it).

use std::io::{self, Write};

use serde::Serialize;

use crate::analysis::keywords::{self, Keyword};
use crate::analysis::names::{self, Name, NameKind};
use crate::analysis::search::{self, BlockRef, Match, MatchMode, SearchIndex, WordBoundaries};
use crate::analysis::segmenter::{Segmenter, SegmenterError};
use crate::document::{Document, Span};
use crate::layout::{self, LayoutOptions};
use crate::options::{AnalysisOptions, SearchOptions};
use crate::stream::Piece;

#[derive(Serialize)]
struct JsonDump<'a> {
    documents: Vec<JsonDocument<'a>>,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    source: &'a str,
    encoding: &'a str,
    warnings: &'a [String],
    /// The converter habits undone on the page (`Document::habits`).
    habits: &'a [&'static str],
    furniture: Vec<JsonBlock<'a>>,
    articles: Vec<JsonArticle<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    matches: Option<Vec<JsonMatch<'a>>>,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    overline: Vec<JsonBlock<'a>>,
    kicker: Option<&'a str>,
    title: Option<&'a str>,
    subtitle: Option<&'a str>,
    byline: Option<&'a str>,
    line: usize,
    blocks: Vec<JsonBlock<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    keywords: Option<&'a [Keyword]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<std::collections::BTreeMap<&'static str, Why<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    names: Option<Vec<JsonName<'a>>>,
}

/// A person, place or organisation: byte range inside its block's (or field's) `text`.
#[derive(Serialize)]
struct JsonName<'a> {
    text: &'a str,
    kind: NameKind,
    block: serde_json::Value,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonBlock<'a> {
    kind: &'static str,
    text: &'a str,
    line: usize,
    /// A table's grid: rows of cells (the `text` above is the same cells flattened).
    #[serde(skip_serializing_if = "Option::is_none")]
    rows: Option<Vec<Vec<JsonCell<'a>>>>,
    /// An image's link as the page wrote it (`imgs/a.jpg`).
    #[serde(skip_serializing_if = "Option::is_none")]
    src: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<Why<'a>>,
}

/// One cell of a table in `--dump json`.
#[derive(Serialize)]
struct JsonCell<'a> {
    text: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    header: bool,
    #[serde(skip_serializing_if = "is_one")]
    colspan: u16,
    #[serde(skip_serializing_if = "is_one")]
    rowspan: u16,
}

fn is_one(n: &u16) -> bool {
    *n == 1
}

/// `--explain`: the decoded role of the unit a block or field starts on, and the cues
/// that decided it.
#[derive(Serialize)]
struct Why<'a> {
    role: &'static str,
    cues: &'a [String],
}

fn why(doc: &Document, line: usize) -> Option<Why<'_>> {
    let e = doc.explanations.iter().find(|e| e.line == line)?;
    Some(Why {
        role: e.role,
        cues: &e.cues,
    })
}

fn block<'a>(doc: &'a Document, b: &crate::document::Block) -> JsonBlock<'a> {
    JsonBlock {
        kind: b.kind.as_str(),
        text: doc.str(&b.span),
        line: b.span.line,
        rows: doc.table(&b.span).map(|t| {
            t.rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|c| JsonCell {
                            text: doc.text.get(c.range.clone()).unwrap_or(""),
                            header: c.header,
                            colspan: c.colspan,
                            rowspan: c.rowspan,
                        })
                        .collect()
                })
                .collect()
        }),
        src: doc.image_source(&b.span),
        why: why(doc, b.span.line),
    }
}

/// `--explain` for an article's fields, by field name.
fn field_whys<'a>(
    doc: &'a Document,
    a: &crate::document::Article,
) -> Option<std::collections::BTreeMap<&'static str, Why<'a>>> {
    if doc.explanations.is_empty() {
        return None;
    }
    let fields = [
        ("kicker", &a.kicker),
        ("title", &a.title),
        ("subtitle", &a.subtitle),
        ("byline", &a.byline),
    ];
    Some(
        fields
            .into_iter()
            .filter_map(|(name, span)| Some((name, why(doc, span.as_ref()?.line)?)))
            .collect(),
    )
}

fn field<'a>(doc: &'a Document, span: Option<&Span>) -> Option<&'a str> {
    doc.field(span)
}

/// The documents as the JSON described in README ("Dump format").
pub fn json(docs: &[Document]) -> String {
    json_with(docs, &Extras::default())
}

/// The JSON dump with analysis results: `"keywords"` per article when
/// `extras.keywords` has them, `"matches"` per document when `extras.matches` is set.
pub fn json_with(docs: &[Document], extras: &Extras) -> String {
    let dump = JsonDump {
        documents: docs
            .iter()
            .enumerate()
            .map(|(d, doc)| json_document(doc, d, extras))
            .collect(),
    };
    serde_json::to_string_pretty(&dump).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Document `d` of a dump, with its part of `extras`.
fn json_document<'a>(doc: &'a Document, d: usize, extras: &'a Extras) -> JsonDocument<'a> {
    JsonDocument {
        source: &doc.source,
        encoding: &doc.encoding,
        warnings: &doc.warnings,
        habits: &doc.habits,
        furniture: doc.furniture.iter().map(|b| block(doc, b)).collect(),
        articles: doc
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| JsonArticle {
                overline: a.overline.iter().map(|b| block(doc, b)).collect(),
                kicker: field(doc, a.kicker.as_ref()),
                title: field(doc, a.title.as_ref()),
                subtitle: field(doc, a.subtitle.as_ref()),
                byline: field(doc, a.byline.as_ref()),
                line: a.line,
                blocks: a.blocks.iter().map(|b| block(doc, b)).collect(),
                keywords: extras
                    .keywords
                    .get(d)
                    .and_then(|k| k.get(i))
                    .map(Vec::as_slice),
                why: field_whys(doc, a),
                names: extras
                    .names
                    .get(d)
                    .and_then(|n| n.get(i))
                    .map(|n| json_names(doc, a, n)),
            })
            .collect(),
        matches: extras
            .matches
            .as_ref()
            .map(|m| json_matches(doc, m.get(d).map_or(&[], Vec::as_slice))),
    }
}

/// The documents laid out at `opts.width`, without colours.
pub fn text(docs: &[Document], opts: &LayoutOptions) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail, and every line written is valid UTF-8.
    let _ = write_text(docs, opts, &mut out);
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Writes [`text`] to `out` as it is laid out, article by article and a very long
/// article part by part as the reader reads it ([`crate::state::parts`]), so that
/// neither the whole text nor the whole layout of a 200 MB page is held twice. With
/// several pages each opens with a [`page_rule`], so `kanbao DIR | less` shows where one
/// page ends and the next begins; a single page is written as it is, without one.
pub fn write_text(docs: &[Document], opts: &LayoutOptions, out: &mut dyn Write) -> io::Result<()> {
    let ruled = docs.len() > 1;
    for (i, doc) in docs.iter().enumerate() {
        if ruled {
            if i > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(page_rule(doc, opts).as_bytes())?;
            out.write_all(b"\n\n")?;
        }
        write_page(doc, opts, out)?;
    }
    Ok(())
}

/// Writes one page's articles (or its lines, when it has none).
fn write_page(doc: &Document, opts: &LayoutOptions, out: &mut dyn Write) -> io::Result<()> {
    if doc.articles.is_empty() {
        return write_lines(doc, &layout::lay_out(doc, opts).lines, opts, out);
    }
    for article in 0..doc.articles.len() {
        write_article(doc, article, opts, out)?;
    }
    Ok(())
}

/// Writes article `article` of `doc` (0-based) as [`write_text`] writes it, part by
/// part when it is very long: `--dump text --article N` prints only this.
pub fn write_article(
    doc: &Document,
    article: usize,
    opts: &LayoutOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match crate::state::parts::split(doc, article) {
        Some(parts) => {
            for part in &parts {
                write_lines(
                    doc,
                    &layout::lay_out_part(doc, article, part, opts),
                    opts,
                    out,
                )?;
            }
            Ok(())
        }
        None => write_lines(doc, &layout::lay_out_article(doc, article, opts), opts, out),
    }
}

/// Writes laid-out lines as plain text: trailing blanks trimmed, bidi controls left
/// out ([`is_bidi_control`]).
fn write_lines(
    doc: &Document,
    lines: &[layout::VisualLine],
    opts: &LayoutOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    for line in lines {
        let text = layout::shown_text(doc, line, opts);
        let kept: String = text
            .trim_end()
            .chars()
            .filter(|&c| !is_bidi_control(c))
            .map(|c| {
                if opts.simplified {
                    crate::analysis::script::to_simplified(c).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect();
        out.write_all(kept.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The rule that opens a page in a dump of several pages: `──── 第3版.md · 2020年5月6日
/// 第2版 ────`, the page's file name and, when its furniture has them, its date and
/// edition ([`page_label`]), filled with `─` to `opts.width` columns as the layout
/// counts them (CJK wide, `─` two columns with `--ambiguous-wide`). A label too long
/// for the width is cut with `…`: the rule is a landmark, the page itself follows.
pub fn page_rule(doc: &Document, opts: &LayoutOptions) -> String {
    const RULE: &str = "─";
    const LEAD: usize = 4;
    let measure = layout::width::Measure {
        ambiguous_wide: opts.ambiguous_wide,
    };
    let bar = usize::from(measure.cluster_width(RULE)).max(1);
    let width = usize::from(opts.width);
    // Four `─` either side, and a space either side of the label.
    let room = width.saturating_sub(2 * LEAD * bar + 2);
    let label = cut_to(&page_label(doc), room, &measure);
    let used = LEAD * bar + 2 + measure.width(&label);
    let fill = (width.saturating_sub(used) / bar).max(LEAD);
    format!("{} {label} {}", RULE.repeat(LEAD), RULE.repeat(fill))
}

/// The page's file name, then ` · ` and the furniture lines that carry its date or
/// edition (`2020年5月6日 星期三 第2版`, [`Document::edition_lines`]), on one line; the
/// name alone when there are none.
pub fn page_label(doc: &Document) -> String {
    let dated: Vec<String> = doc.edition_lines().into_iter().map(one_line).collect();
    let name = one_line(doc.short_name());
    if dated.is_empty() {
        name
    } else {
        format!("{name} · {}", dated.join(" "))
    }
}

/// `text` on one line: runs of white space (line breaks included) become one space,
/// other control characters (a file named `\e]0;x\a.md`) their visible placeholders,
/// and bidi controls are left out, so a label cannot break, talk to the terminal or
/// turn the rule around.
fn one_line(text: &str) -> String {
    crate::input::sanitize::one_line(text)
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|&c| !is_bidi_control(c))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` cut to at most `room` columns, with `…` in place of what was cut.
fn cut_to(text: &str, room: usize, measure: &layout::width::Measure) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    if measure.width(text) <= room {
        return text.to_string();
    }
    let ellipsis = usize::from(measure.cluster_width("…"));
    let mut kept = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = usize::from(measure.cluster_width(g));
        if used + w + ellipsis > room {
            break;
        }
        kept.push_str(g);
        used += w;
    }
    kept.push('…');
    kept
}

/// The bidirectional formatting characters (U+061C, U+200E/F, U+202A–E, U+2066–9).
/// The reader draws none of them (zero-width characters take no cell), so the text dump
/// leaves them out too: a page cannot reorder what a terminal or a later `cat` shows
/// (U+202E turns the rest of a line around). The JSON dump keeps them: it is the
/// data.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// Analysis results to add to the JSON dump, indexed like the documents.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    /// Per document, per article.
    pub keywords: Vec<Vec<Vec<Keyword>>>,
    /// Per document, when `--search` was given.
    pub matches: Option<Vec<Vec<Match>>>,
    /// Per document, per article: people, places and organisations (with keywords).
    pub names: Vec<Vec<Vec<Name>>>,
}

fn json_names<'a>(
    doc: &'a Document,
    article: &crate::document::Article,
    found: &[Name],
) -> Vec<JsonName<'a>> {
    found
        .iter()
        .map(|n| {
            let base = n
                .block
                .span(article)
                .map_or(0, |s| s.range.start.min(n.range.start));
            JsonName {
                text: doc.text.get(n.range.clone()).unwrap_or(""),
                kind: n.kind,
                block: block_ref(n.block),
                start: n.range.start - base,
                end: n.range.end - base,
            }
        })
        .collect()
}

fn block_ref(b: BlockRef) -> serde_json::Value {
    match b {
        BlockRef::Block(i) => i.into(),
        BlockRef::Overline(i) => format!("overline.{i}").into(),
        BlockRef::Kicker => "kicker".into(),
        BlockRef::Title => "title".into(),
        BlockRef::Subtitle => "subtitle".into(),
        BlockRef::Byline => "byline".into(),
    }
}

#[derive(Serialize)]
struct JsonMatch<'a> {
    article: usize,
    /// A block index, or a field name (`title`, `kicker`, …, `overline.N`).
    block: serde_json::Value,
    /// Byte range of the hit inside that block's (or field's) `text` in this dump.
    start: usize,
    end: usize,
    text: &'a str,
}

fn json_matches<'a>(doc: &'a Document, matches: &[Match]) -> Vec<JsonMatch<'a>> {
    matches
        .iter()
        .map(|m| JsonMatch {
            article: m.article,
            block: block_ref(m.block),
            start: m.range.start - part_start(doc, m),
            end: m.range.end - part_start(doc, m),
            text: doc.text.get(m.range.clone()).unwrap_or(""),
        })
        .collect()
}

/// Where the block or field holding `m` starts in the document text: scripts see only
/// the block texts, so match offsets are given relative to them.
fn part_start(doc: &Document, m: &Match) -> usize {
    doc.articles
        .get(m.article)
        .and_then(|article| m.block.span(article))
        .map_or(0, |span| span.range.start.min(m.range.start))
}

/// Computes what `--dump json` adds: keywords (loading jieba when `analysis` asks for
/// any, or for a whole-word search) and the matches of `search`.
pub fn analyse(
    docs: &[Document],
    analysis: &AnalysisOptions,
    search: &SearchOptions,
) -> Result<Extras, SegmenterError> {
    Ok(Analyser::new(analysis, search)?.extras(docs))
}

/// What `--dump json` adds, ready to be computed page by page: jieba loaded once (when
/// needed), the query parsed once.
pub struct Analyser {
    seg: Option<Segmenter>,
    query: Option<search::Query>,
    opts: keywords::KeywordOptions,
}

impl Analyser {
    /// Loads jieba if keywords or a whole-word search need it.
    pub fn new(analysis: &AnalysisOptions, search: &SearchOptions) -> Result<Self, SegmenterError> {
        let query = search.query();
        let opts = analysis.keywords;
        let needs_jieba = opts.top > 0
            || query
                .as_ref()
                .is_some_and(|q| q.mode() == MatchMode::WholeWord);
        let seg = if needs_jieba {
            Some(Segmenter::load(&analysis.segmenter)?)
        } else {
            None
        };
        Ok(Self { seg, query, opts })
    }

    /// Keywords, names and matches of `docs`, indexed like them.
    pub fn extras(&self, docs: &[Document]) -> Extras {
        let opts = self.opts;
        let keywords = match &self.seg {
            Some(seg) if opts.top > 0 => docs
                .iter()
                .map(|doc| {
                    (0..doc.articles.len())
                        .map(|a| keywords::extract(seg, doc, a, &opts))
                        .collect()
                })
                .collect(),
            _ => Vec::new(),
        };
        let names = match &self.seg {
            Some(seg) if opts.top > 0 => docs
                .iter()
                .map(|doc| {
                    (0..doc.articles.len())
                        .map(|a| names::names(seg, doc, a))
                        .collect()
                })
                .collect(),
            _ => Vec::new(),
        };
        let words = self.seg.as_ref().map(|s| s as &dyn WordBoundaries);
        let matches = self.query.as_ref().map(|q| {
            docs.iter()
                .map(|doc| search::search(doc, &SearchIndex::new(doc), q, words))
                .collect()
        });
        Extras {
            keywords,
            matches,
            names,
        }
    }
}

/// Writes the JSON dump of `pieces` (pages, or parts of a huge page) as they come:
/// the same bytes as [`json_with`] over all of them, holding one page at a time.
pub fn write_json_stream(
    pieces: &mut dyn Iterator<Item = Piece>,
    analyser: &Analyser,
    out: &mut dyn Write,
) -> io::Result<()> {
    #[derive(Serialize)]
    struct Stream<'a, 'i> {
        documents: Lazy<'a, 'i>,
    }
    struct Lazy<'a, 'i> {
        pieces: std::cell::RefCell<&'i mut dyn Iterator<Item = Piece>>,
        analyser: &'a Analyser,
    }
    impl Serialize for Lazy<'_, '_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeSeq;
            let mut seq = s.serialize_seq(None)?;
            let mut pieces = self.pieces.borrow_mut();
            for piece in &mut **pieces {
                let doc = std::slice::from_ref(&piece.doc);
                let extras = self.analyser.extras(doc);
                seq.serialize_element(&json_document(&piece.doc, 0, &extras))?;
            }
            seq.end()
        }
    }
    let stream = Stream {
        documents: Lazy {
            pieces: std::cell::RefCell::new(pieces),
            analyser,
        },
    };
    serde_json::to_writer_pretty(out, &stream).map_err(io::Error::from)
}

/// Writes the text dump of `pieces` as they come: the same bytes as [`write_text`]
/// over all of them, holding one page at a time. Rules go between pages when there
/// are two or more (the first page is held until the second has opened, as a failed
/// page leaves no rule); the parts of a huge page get one rule before the first.
/// `pages` is how many pages were found, for a first page read in parts.
pub fn write_text_stream(
    pieces: &mut dyn Iterator<Item = Piece>,
    pages: usize,
    opts: &LayoutOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut pieces = pieces.peekable();
    let Some(first) = pieces.next() else {
        return Ok(());
    };
    let ruled = if first.in_parts {
        pages > 1
    } else {
        pieces.peek().is_some()
    };
    for (i, piece) in std::iter::once(first).chain(pieces).enumerate() {
        if ruled && piece.part == 0 {
            if i > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(page_rule(&piece.doc, opts).as_bytes())?;
            out.write_all(b"\n\n")?;
        }
        write_page(&piece.doc, opts, out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::cut_to;
    use crate::layout::width::Measure;

    #[test]
    fn a_cut_label_fits_its_room_with_an_ellipsis() {
        let m = Measure::default();
        assert_eq!(cut_to("第3版.md", 20, &m), "第3版.md");
        let cut = cut_to("第3版.md · 2020年5月6日", 10, &m);
        assert!(cut.ends_with('…') && m.width(&cut) <= 10, "{cut}");
    }
}
