//! Markdown page → [`Document`]. (Skeleton: one article per heading; to be replaced by
//! the real structure inference.)

use super::model::{Article, Block, BlockKind, Document, Span};

/// Parses one page of markdown into a [`Document`] named `source`.
pub fn parse(source: &str, markdown: &str) -> Document {
    let mut doc = Document {
        source: source.to_string(),
        encoding: String::from("UTF-8"),
        ..Document::default()
    };
    let mut current = Article {
        line: 1,
        ..Article::default()
    };
    for (index, raw) in markdown.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(title) = trimmed.strip_prefix('#') {
            if current.title.is_some() || !current.blocks.is_empty() {
                doc.articles.push(std::mem::take(&mut current));
            }
            current.line = line;
            let span = push_text(&mut doc.text, title.trim_start_matches('#').trim(), line);
            current.title = Some(span);
        } else {
            let span = push_text(&mut doc.text, trimmed, line);
            current.blocks.push(Block {
                kind: BlockKind::Paragraph,
                span,
            });
        }
    }
    if current.title.is_some() || !current.blocks.is_empty() {
        doc.articles.push(current);
    }
    doc
}

/// Appends `piece` to the document text, separated from what came before by a newline,
/// and returns its span.
fn push_text(text: &mut String, piece: &str, line: usize) -> Span {
    if !text.is_empty() {
        text.push('\n');
    }
    let start = text.len();
    text.push_str(piece);
    Span {
        range: start..text.len(),
        line,
    }
}
