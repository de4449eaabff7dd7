//! Text and structure of a newspaper page: the model and the parser that infers it.
//!
//! No terminal, no jieba here: this layer is pure and is what `--dump json` shows.
//!
//! The parser is a pipeline of small passes, each linear in the size of the page:
//! `lines` (markdown block syntax → units, inline markup cleaned by `inline`),
//! `furniture` (page furniture set apart), `join` (what each unit looks like; column
//! breaks rejoined, captions lifted out), `infer` (articles, headlines, bylines…),
//! `build` (the text laid down once, fields and blocks as spans).

pub mod articles;
mod assemble;
mod attach;
mod build;
mod byline;
mod continuation;
mod cut;
mod decode;
mod edition;
mod features;
mod fence;
mod furniture;
mod glyphs;
mod grid;
mod habits;
mod headings;
mod heads;
mod html;
mod infer;
mod inline;
mod join;
mod kicker;
mod latex;
mod legacy;
mod lines;
mod marks;
pub mod model;
mod parallel;
pub mod parse;
mod photo;
mod plan;
mod prose_table;
mod rewrap;
mod roles;
pub mod running;
mod siblings;
mod spacing;
mod stops;
mod stray;
pub mod structure;
pub mod stub;
mod tags;
mod text;
mod topic;
mod unit;
mod weights;

pub use grid::is_number;
pub use model::{
    Article, Articles, Block, BlockKind, Cell, Document, Explanation, HeadField, ImageSource, Span,
    Table,
};
pub use parse::{parse, parse_explained, parse_in, parse_with, set_explain};
pub use running::RunningLines;
pub use weights::Weights;
#[cfg(test)]
mod tests;
