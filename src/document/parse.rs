//! Markdown page → [`Document`]: the passes of the parser run in order.
//!
//! `lines` reads the markdown into units and `furniture` sets page furniture apart;
//! then every other unit gets a role from the structure decoder (`structure`: the rule
//! parser's reading and many other cues, weighed by fitted weights and decoded over
//! the whole page), `assemble` groups the units into articles by role, and `build`
//! lays the text down once.

use std::sync::atomic::{AtomicBool, Ordering};

use super::model::{Document, Explanation};
use super::running::RunningLines;
use super::structure::Page;
use super::weights::Weights;

/// Parses one page of markdown into a [`Document`] named `source`.
///
/// ```
/// let doc = kanbao::document::parse("p", "## 标题\n\n本报记者 纪元\n\n正文。");
/// assert_eq!(doc.field(doc.articles[0].title.as_ref()), Some("标题"));
/// assert_eq!(doc.field(doc.articles[0].byline.as_ref()), Some("本报记者 纪元"));
/// ```
pub fn parse(source: &str, markdown: &str) -> Document {
    parse_in(source, markdown, &RunningLines::default())
}

/// Parses one page of a directory whose pages share `running` lines (running headers
/// and footers, found by a pre-pass over the directory): those standing at the head or
/// tail of this page become furniture, and the dump's habits say `running-header`.
pub fn parse_in(source: &str, markdown: &str, running: &RunningLines) -> Document {
    let weights = Weights::shipped();
    let page = Page::in_directory(markdown, running);
    let roles = page.decode(weights);
    let mut doc = page.document(source, &roles);
    if EXPLAIN.load(Ordering::Relaxed) {
        doc.explanations = explanations(&page, weights);
    }
    doc
}

/// Whether [`parse`] records explanations (set once by `--explain`, before any page
/// is read; a switch rather than a parameter so the loaders need not carry it).
static EXPLAIN: AtomicBool = AtomicBool::new(false);

/// Makes every later [`parse`] record why each unit got its role.
pub fn set_explain(on: bool) {
    EXPLAIN.store(on, Ordering::Relaxed);
}

/// Parses with the given structure weights (the fitter measures candidates this way).
pub fn parse_with(source: &str, markdown: &str, weights: &Weights) -> Document {
    let page = Page::new(markdown);
    let roles = page.decode(weights);
    page.document(source, &roles)
}

/// Parses like [`parse`] and records, per unit, its role and the cues that decided it
/// (`--dump json --explain`).
pub fn parse_explained(source: &str, markdown: &str) -> Document {
    let weights = Weights::shipped();
    let page = Page::new(markdown);
    let roles = page.decode(weights);
    let mut doc = page.document(source, &roles);
    doc.explanations = explanations(&page, weights);
    doc
}

fn explanations(page: &Page, weights: &Weights) -> Vec<Explanation> {
    page.explain(weights)
        .into_iter()
        .enumerate()
        .map(|(i, (role, cues))| Explanation {
            line: page.line(i),
            role,
            cues: cues.iter().map(|(c, w)| format!("{c} +{w:.1}")).collect(),
        })
        .collect()
}
