//! What the index holds per article, and the version of that layout.
//!
//! One tantivy document per article: the page's path (the key for updates and
//! deletions), the article's number on its page, its headline, kicker and byline
//! (stored, for the result list), the page's date and edition (from the file name or
//! the furniture, `0` when unknown), the article's text (indexed by character,
//! positions kept, and stored so that hits are placed without reparsing), and where
//! that text starts in the parsed page's `Document::text` (`base`), so a hit at byte
//! `o` of the stored text is at `base + o` of the page the reader opens.
//!
//! [`SCHEMA_VERSION`] changes whenever the fields, the tokenizer or the way a page is
//! turned into articles changes: an index of another version is rebuilt, never read.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

/// The layout version; stored in the manifest.
pub const SCHEMA_VERSION: u32 = 1;

/// The fields, by name.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub path: Field,
    pub article: Field,
    pub headline: Field,
    pub kicker: Field,
    pub byline: Field,
    /// `yyyymmdd`, `0` when unknown.
    pub date: Field,
    /// The edition (版) number, `0` when unknown.
    pub edition: Field,
    pub text: Field,
    pub base: Field,
}

/// The schema and its fields.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let indexed_text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(super::tokenizer::NAME)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        path: b.add_text_field("path", STRING | STORED),
        article: b.add_u64_field("article", STORED),
        headline: b.add_text_field("headline", STORED),
        kicker: b.add_text_field("kicker", STORED),
        byline: b.add_text_field("byline", STORED),
        date: b.add_u64_field("date", INDEXED | STORED | FAST),
        edition: b.add_u64_field("edition", STORED),
        text: b.add_text_field("text", indexed_text),
        base: b.add_u64_field("base", STORED),
    };
    (b.build(), fields)
}

/// The fields of a schema read back from disk, if it is ours.
pub fn fields_of(schema: &Schema) -> Option<Fields> {
    let f = |name| schema.get_field(name).ok();
    Some(Fields {
        path: f("path")?,
        article: f("article")?,
        headline: f("headline")?,
        kicker: f("kicker")?,
        byline: f("byline")?,
        date: f("date")?,
        edition: f("edition")?,
        text: f("text")?,
        base: f("base")?,
    })
}
