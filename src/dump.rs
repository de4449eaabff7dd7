//! Non-interactive output: `--dump json` (the structure, for scripts) and
//! `--dump text` (the laid-out page, as the article pane shows it).

use serde::Serialize;

use crate::document::{Document, Span};
use crate::layout::{self, LayoutOptions};

#[derive(Serialize)]
struct JsonDump<'a> {
    documents: Vec<JsonDocument<'a>>,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    source: &'a str,
    encoding: &'a str,
    warnings: &'a [String],
    furniture: Vec<JsonBlock<'a>>,
    articles: Vec<JsonArticle<'a>>,
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
}

#[derive(Serialize)]
struct JsonBlock<'a> {
    kind: &'static str,
    text: &'a str,
    line: usize,
}

fn block<'a>(doc: &'a Document, b: &crate::document::Block) -> JsonBlock<'a> {
    JsonBlock {
        kind: b.kind.as_str(),
        text: doc.str(&b.span),
        line: b.span.line,
    }
}

fn field<'a>(doc: &'a Document, span: Option<&Span>) -> Option<&'a str> {
    doc.field(span)
}

/// The documents as the JSON described in README ("Dump format").
pub fn json(docs: &[Document]) -> String {
    let dump = JsonDump {
        documents: docs
            .iter()
            .map(|doc| JsonDocument {
                source: &doc.source,
                encoding: &doc.encoding,
                warnings: &doc.warnings,
                furniture: doc.furniture.iter().map(|b| block(doc, b)).collect(),
                articles: doc
                    .articles
                    .iter()
                    .map(|a| JsonArticle {
                        overline: a.overline.iter().map(|b| block(doc, b)).collect(),
                        kicker: field(doc, a.kicker.as_ref()),
                        title: field(doc, a.title.as_ref()),
                        subtitle: field(doc, a.subtitle.as_ref()),
                        byline: field(doc, a.byline.as_ref()),
                        line: a.line,
                        blocks: a.blocks.iter().map(|b| block(doc, b)).collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&dump).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The documents laid out at `opts.width`, without colours.
pub fn text(docs: &[Document], opts: &LayoutOptions) -> String {
    let mut out = String::new();
    for doc in docs {
        let laid = layout::lay_out(doc, opts);
        for line in &laid.lines {
            out.push_str(layout::plain_text(doc, line).trim_end());
            out.push('\n');
        }
    }
    out
}
