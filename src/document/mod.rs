//! Text and structure of a newspaper page: the model and the parser that infers it.
//!
//! No terminal, no jieba here: this layer is pure and is what `--dump json` shows.
//!
//! The parser is a pipeline of small passes, each linear in the size of the page:
//! `lines` (markdown block syntax → units, inline markup cleaned by `inline`),
//! `furniture` (page furniture set apart), `join` (what each unit looks like; column
//! breaks rejoined, captions lifted out), `infer` (articles, headlines, bylines…),
//! `build` (the text laid down once, fields and blocks as spans).

mod build;
mod byline;
mod continuation;
mod fence;
mod furniture;
mod glyphs;
mod habits;
mod headings;
mod html;
mod infer;
mod inline;
mod join;
mod latex;
mod lines;
mod marks;
pub mod model;
pub mod parse;
mod photo;
mod plan;
mod prose_table;
mod spacing;
mod stray;
mod tags;
mod text;
mod topic;
mod unit;

pub use model::{Article, Block, BlockKind, Document, Span};
pub use parse::parse;
#[cfg(test)]
mod tests;
