//! Text and structure of a newspaper page: the model and the parser that infers it.
//!
//! No terminal, no jieba here: this layer is pure and is what `--dump json` shows.

pub mod model;
pub mod parse;

pub use model::{Article, Block, BlockKind, Document, Span};
pub use parse::parse;
