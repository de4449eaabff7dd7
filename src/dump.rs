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
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<Why<'a>>,
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
            .map(|(d, doc)| JsonDocument {
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
            })
            .collect(),
    };
    serde_json::to_string_pretty(&dump).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
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
/// neither the whole text nor the whole layout of a 200 MB page is held twice.
pub fn write_text(docs: &[Document], opts: &LayoutOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut write_lines = |doc: &Document, lines: &[layout::VisualLine]| -> io::Result<()> {
        for line in lines {
            let text = layout::plain_text(doc, line);
            let kept: String = text
                .trim_end()
                .chars()
                .filter(|&c| !is_bidi_control(c))
                .collect();
            out.write_all(kept.as_bytes())?;
            out.write_all(b"\n")?;
        }
        Ok(())
    };
    for doc in docs {
        if doc.articles.is_empty() {
            write_lines(doc, &layout::lay_out(doc, opts).lines)?;
            continue;
        }
        for article in 0..doc.articles.len() {
            match crate::state::parts::split(doc, article) {
                Some(parts) => {
                    for part in &parts {
                        write_lines(doc, &layout::lay_out_part(doc, article, part, opts))?;
                    }
                }
                None => write_lines(doc, &layout::lay_out_article(doc, article, opts))?,
            }
        }
    }
    Ok(())
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
    let keywords = match &seg {
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
    let names = match &seg {
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
    let words = seg.as_ref().map(|s| s as &dyn WordBoundaries);
    let matches = query.map(|q| {
        docs.iter()
            .map(|doc| search::search(doc, &SearchIndex::new(doc), &q, words))
            .collect()
    });
    Ok(Extras {
        keywords,
        matches,
        names,
    })
}
