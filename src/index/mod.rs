//! A persistent full-text index of an archive (issue 17): decades of pages searched
//! without parsing them all into memory.
//!
//! An archive root (a directory of pages) gets one index under
//! `$XDG_CACHE_HOME/kanbao/index/<key>/` ([`cache`]). [`build::update`] brings it up to
//! date with the pages on disk (only pages whose size or mtime changed are parsed
//! again; pages gone are deleted), [`query::Searcher`] answers searches from it with
//! hits placed in the page's own text, ready to open at their sentence.
//!
//! The index is a cache, never the truth: a [`manifest`] of another schema version or
//! root, a tantivy index that does not open, or segments that do not read make
//! [`build::update`] wipe it and build it again, and a search that finds no trusted
//! index gets `None` (the caller scans the pages instead). A cache directory that
//! cannot be written is an [`IndexError::CacheUnwritable`], which the reader turns
//! into a message and an in-memory search.
//!
//! The arrows: `index` uses `input`, `stream`, `document` and `analysis` (folding and
//! the query's terms); only `main` (the `kanbao index` command in [`command`]) and
//! `app` (the reader's [`live::LiveIndex`], which also sends `action`s) use it.

pub mod build;
pub mod cache;
pub mod command;
/// Dates moved to `analysis` (the reader's in-memory search filters by them too).
pub use crate::analysis::dates as date;
pub mod live;
pub mod manifest;
pub mod query;
pub mod schema;
pub mod tokenizer;

use std::io;
use std::path::{Path, PathBuf};

use tantivy::Index;
use tantivy::tokenizer::TextAnalyzer;

use crate::input::InputError;
use manifest::Manifest;
use schema::Fields;

/// Why an index could not be built or read.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("no cache directory: set XDG_CACHE_HOME or HOME to an absolute path")]
    NoCacheHome,
    #[error("cannot write the index cache at {path}: {source}")]
    CacheUnwritable {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{path}: {source}")]
    Root {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("the index at {path}: {message}")]
    Tantivy { path: String, message: String },
}

/// An archive root and the place of its index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archive {
    /// The root, canonical.
    pub root: PathBuf,
    /// The index directory.
    pub dir: PathBuf,
}

impl Archive {
    /// The archive at `root` (a directory), and where its index goes in the user's
    /// cache ([`cache::cache_home`]).
    pub fn locate(root: &Path) -> Result<Self, IndexError> {
        let home = cache::cache_home().ok_or(IndexError::NoCacheHome)?;
        Self::locate_in(root, &home)
    }

    /// The archive at `root`, its index under `cache_home` (tests use a scratch
    /// directory: the environment is shared by every test thread).
    pub fn locate_in(root: &Path, cache_home: &Path) -> Result<Self, IndexError> {
        let canonical = std::fs::canonicalize(root).map_err(|source| IndexError::Root {
            path: crate::input::sources::safe_name(root),
            source,
        })?;
        let dir = cache::index_dir_in(cache_home, &canonical);
        Ok(Self {
            root: canonical,
            dir,
        })
    }

    /// Where the list of pages kept by this archive's last walk lies
    /// ([`crate::input::listing`]): the reader's start-up and the index's page numbers
    /// read it instead of walking the archive again.
    pub fn listing(&self) -> crate::input::listing::Place {
        crate::input::listing::Place {
            file: self.dir.join(crate::input::listing::FILE),
            canonical: self.root.clone(),
        }
    }

    /// The root as recorded in the manifest.
    fn root_key(&self) -> String {
        self.root.to_string_lossy().into_owned()
    }

    fn tantivy_error(&self, err: &tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            path: self.dir.display().to_string(),
            message: err.to_string(),
        }
    }
}

/// An index that opened and can be trusted.
pub(crate) struct Opened {
    pub index: Index,
    pub fields: Fields,
    pub manifest: Manifest,
}

/// Opens the index of `archive` if everything about it checks out: the manifest is
/// ours (version, root), tantivy opens it, the schema has our fields and every segment
/// reads.
pub(crate) fn open_trusted(archive: &Archive) -> Option<Opened> {
    let manifest = Manifest::read(&archive.dir)?;
    if manifest.schema != schema::SCHEMA_VERSION || manifest.root != archive.root_key() {
        return None;
    }
    let index = Index::open_in_dir(&archive.dir).ok()?;
    let fields = schema::fields_of(&index.schema())?;
    register(&index);
    // Opening a reader opens every segment's files: a missing or cut file fails here.
    let reader = index.reader().ok()?;
    let searcher = reader.searcher();
    for segment in searcher.segment_readers() {
        segment.inverted_index(fields.text).ok()?;
        segment.get_store_reader(0).ok()?;
    }
    Some(Opened {
        index,
        fields,
        manifest,
    })
}

/// Registers kanbao's tokenizer with an index (not stored in it: every open needs it).
fn register(index: &Index) {
    index.tokenizers().register(
        tokenizer::NAME,
        TextAnalyzer::from(tokenizer::CharTokenizer),
    );
}
