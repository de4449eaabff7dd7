//! Parsing one page of an opened archive again, for pages read on demand.
//!
//! When a large archive is read on demand (`crate::state::demand`), the background
//! load hands the reader stubs, and the reader asks for a page's full parse when it
//! comes into view. A [`PageOpener`] keeps what that takes: the pages found when the
//! archive was opened, the encoding forced on the command line, and the running
//! headers the load parsed with (shared with the load, which may count them again over
//! every page before it parses the rest), so that a page parsed again is the page its
//! stub was made from.

use std::sync::{Arc, RwLock};

use encoding_rs::Encoding;

use crate::document::Document;
use crate::input::{PageSource, RunningHeaders};

/// How far past its number a document's page may be in the list of pages found (pages
/// that could not be opened are skipped, and shift the documents after them).
const SKIP_WINDOW: usize = 64;

/// Parses page `doc` of an archive again (see the module documentation).
#[derive(Debug, Clone)]
pub struct PageOpener {
    pages: Arc<[PageSource]>,
    forced: Option<&'static Encoding>,
    running: Arc<RwLock<Arc<RunningHeaders>>>,
}

impl PageOpener {
    pub(super) fn new(
        pages: Arc<[PageSource]>,
        forced: Option<&'static Encoding>,
        running: Arc<RwLock<Arc<RunningHeaders>>>,
    ) -> Self {
        Self {
            pages,
            forced,
            running,
        }
    }

    /// Document number `doc`, whose page is named `source`, parsed again; `None` when
    /// no page near that number has the name or it cannot be read any more.
    pub fn open(&self, doc: usize, source: &str) -> Option<Document> {
        let end = doc.saturating_add(SKIP_WINDOW).min(self.pages.len());
        let page = self
            .pages
            .get(doc..end)?
            .iter()
            .find(|p| p.name() == source)?;
        let running = self.running.read().ok().map(|r| Arc::clone(&r))?;
        super::open_page(page, self.forced, &running).ok()
    }
}
