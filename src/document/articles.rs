//! A page's articles: full records on a parsed page, compact heads on a stub.
//!
//! An archive read on demand holds tens of thousands of page stubs
//! ([`super::stub`]). As `Vec<Article>` a stub's articles took about 2 KB per page
//! (184 bytes an article record, 32 a block, one allocation per article's blocks):
//! most of the memory of a 50,000-page archive. A stub keeps them as [`Heads`]
//! instead: `u32` offsets into the stub's text, one slice of records per page.
//!
//! Everything that reads a page's articles keeps reading `doc.articles` as a
//! `Vec<Article>` (this type dereferences to one), so a stub behaves exactly as
//! before; the first such read of a stub builds its records once and keeps them. The
//! paths that visit every page of the archive (the section list, the reader's units,
//! the in-memory search) read the heads through [`Articles::len`] and the
//! [`Document`](super::Document) accessors instead (`head_span`, `subheads`,
//! `article_label`), so they never build records for pages nobody looks at.

use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

use super::Article;
use super::heads::Heads;

/// The articles of a page (see the module doc).
#[derive(Default)]
pub struct Articles {
    /// The records: set on a parsed page, built on first use on a stub.
    full: OnceLock<Vec<Article>>,
    /// A stub's compact heads, while its records are not built (they win once built).
    heads: Option<Box<Heads>>,
}

impl Articles {
    /// A stub's articles held as compact heads.
    pub(crate) fn compact(heads: Heads) -> Self {
        Self {
            full: OnceLock::new(),
            heads: Some(Box::new(heads)),
        }
    }

    /// How many articles: read from the heads on a stub (no records are built).
    pub fn len(&self) -> usize {
        match (self.full.get(), &self.heads) {
            (Some(full), _) => full.len(),
            (None, Some(heads)) => heads.len(),
            (None, None) => 0,
        }
    }

    /// Whether there are no articles (no records are built).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The compact heads, while the records have not been built from them.
    pub(crate) fn heads(&self) -> Option<&Heads> {
        match self.full.get() {
            Some(_) => None,
            None => self.heads.as_deref(),
        }
    }

    /// Whether the full records exist (always on a parsed page; on a stub once
    /// something read them).
    pub fn is_built(&self) -> bool {
        self.full.get().is_some()
    }
}

impl Deref for Articles {
    type Target = Vec<Article>;

    fn deref(&self) -> &Vec<Article> {
        self.full.get_or_init(|| {
            self.heads
                .as_ref()
                .map(|h| h.articles())
                .unwrap_or_default()
        })
    }
}

impl DerefMut for Articles {
    fn deref_mut(&mut self) -> &mut Vec<Article> {
        if self.full.get().is_none() {
            let built = self
                .heads
                .as_ref()
                .map(|h| h.articles())
                .unwrap_or_default();
            self.full = OnceLock::from(built);
        }
        // Changed through here, the records are the truth from now on.
        self.heads = None;
        self.full.get_mut().expect("the records were just built")
    }
}

impl From<Vec<Article>> for Articles {
    fn from(list: Vec<Article>) -> Self {
        Self {
            full: OnceLock::from(list),
            heads: None,
        }
    }
}

impl FromIterator<Article> for Articles {
    fn from_iter<I: IntoIterator<Item = Article>>(iter: I) -> Self {
        Self::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl Clone for Articles {
    fn clone(&self) -> Self {
        match &self.heads {
            // A stub stays compact in its copies (the heads are unchanged while they
            // are kept: a change through `deref_mut` drops them).
            Some(heads) => Self::compact(Heads::clone(heads)),
            None => Self::from(self.full.get().cloned().unwrap_or_default()),
        }
    }
}

impl PartialEq for Articles {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Articles {}

impl std::fmt::Debug for Articles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.heads() {
            Some(heads) => write!(f, "{heads:?}"),
            None => f.debug_list().entries(self.iter()).finish(),
        }
    }
}

impl<'a> IntoIterator for &'a Articles {
    type Item = &'a Article;
    type IntoIter = std::slice::Iter<'a, Article>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut Articles {
    type Item = &'a mut Article;
    type IntoIter = std::slice::IterMut<'a, Article>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}
