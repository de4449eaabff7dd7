//! The parse result before its text is laid down: which pieces of which units make up
//! each field and block. `build` then copies every piece once into `Document::text`.

use std::ops::Range;

use super::model::BlockKind;

/// A byte range of one unit's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub unit: usize,
    pub range: Range<usize>,
}

/// How the pieces of one field are glued back together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Glue {
    /// Column-break parts: nothing between (a space only between two Latin words).
    Rejoin,
    /// Separate lines of one field (two byline lines): a space between.
    Space,
}

/// The text of one field or block, as pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Text {
    pub pieces: Vec<Piece>,
    pub glue: Glue,
}

impl Text {
    pub(crate) fn new(pieces: Vec<Piece>, glue: Glue) -> Self {
        Self { pieces, glue }
    }
}

/// A planned block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlanBlock {
    pub kind: BlockKind,
    pub text: Text,
}

/// A planned article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PlanArticle {
    pub overline: Vec<PlanBlock>,
    pub kicker: Option<Text>,
    pub title: Option<Text>,
    pub subtitle: Option<Text>,
    pub byline: Option<Text>,
    pub blocks: Vec<PlanBlock>,
}

impl PlanArticle {
    pub(crate) fn has_paragraph(&self) -> bool {
        self.blocks.iter().any(|b| b.kind == BlockKind::Paragraph)
    }
}
