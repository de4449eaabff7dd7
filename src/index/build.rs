//! Building and updating an archive's index: only what changed is parsed again.
//!
//! [`update`] lists the archive's pages, compares each one's size and mtime with the
//! [`Manifest`], deletes the articles of pages that changed or went away, parses the
//! changed and new pages with [`crate::stream`] (a few at a time on worker threads,
//! in order) and adds one tantivy document per article ([`super::schema`]). One commit
//! at the end, then the manifest: an update that is cut off leaves the old manifest,
//! and the next update indexes those pages again (a page's articles are deleted by
//! path before they are added, so nothing is indexed twice).
//!
//! A page that cannot be read or is not a page is recorded with its stamp and no
//! articles, and named in [`Summary::skipped`]; it is tried again when it changes.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Instant;

use tantivy::schema::TantivyDocument;
use tantivy::{Index, IndexWriter, Term};

use super::manifest::{Manifest, Stamp};
use super::schema::{self, Fields};
use super::{Archive, IndexError, date, open_trusted, register};
use crate::document::{Document, Span};
use crate::input::{self, LoadOptions, PageSource};
use crate::stream::{self, StreamOptions};

/// Memory the index writer may use for its buffers, over all its threads.
const WRITER_BUDGET: usize = 96 << 20;

/// Segments an index may gather from small updates before they are merged.
const MAX_SEGMENTS: usize = 24;

/// What an update did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Pages in the archive.
    pub pages: usize,
    /// Pages parsed and indexed (new or changed).
    pub indexed: usize,
    /// Pages deleted from the index (gone from the archive).
    pub removed: usize,
    /// Articles added.
    pub articles: usize,
    /// The index was (re)built from nothing: there was none, or it could not be trusted.
    pub rebuilt: bool,
    /// Pages and directories skipped, with the reason.
    pub skipped: Vec<String>,
    /// Seconds the update took.
    pub seconds: f64,
}

/// How far an update is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// The pages are listed: `changed` of `pages` will be indexed, `removed` deleted.
    Listed {
        pages: usize,
        changed: usize,
        removed: usize,
    },
    /// `done` of the changed pages are indexed.
    Indexed { done: usize },
}

/// Brings the index of `archive` up to date with its pages (building it when there is
/// none or it cannot be trusted).
///
/// # Errors
/// The cache cannot be written; the root cannot be listed; tantivy fails.
pub fn update(
    archive: &Archive,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary, IndexError> {
    let started = Instant::now();
    let unwritable = |source| IndexError::CacheUnwritable {
        path: archive.dir.display().to_string(),
        source,
    };
    std::fs::create_dir_all(&archive.dir).map_err(unwritable)?;
    let (index, fields, mut manifest, rebuilt) = if let Some(o) = open_trusted(archive) {
        (o.index, o.fields, o.manifest, false)
    } else {
        let (index, fields) = create(archive)?;
        let manifest = Manifest {
            schema: schema::SCHEMA_VERSION,
            root: archive.root_key(),
            pages: BTreeMap::new(),
        };
        (index, fields, manifest, true)
    };
    let walked_at = std::time::SystemTime::now();
    let (found, stamps) = input::sources::discover_stamped(&archive.root)?;
    let mut present = BTreeSet::new();
    let mut changed = Vec::new();
    for page in &found.pages {
        let PageSource::File(path) = page else {
            continue;
        };
        let key = path.to_string_lossy().into_owned();
        let stamp = Stamp::of(path).unwrap_or(Stamp { size: 0, mtime: 0 });
        if manifest.pages.get(&key) != Some(&stamp) {
            changed.push((key.clone(), stamp, page.clone()));
        }
        present.insert(key);
    }
    let gone: Vec<String> = manifest
        .pages
        .keys()
        .filter(|k| !present.contains(*k))
        .cloned()
        .collect();
    let unchanged = changed.is_empty() && gone.is_empty() && !rebuilt;
    // Running headers are counted over every page of a directory, changed or not:
    // reading both ends of 50,000 pages takes seconds of a core, so when no page
    // changed the kept list's lines (counted over these same pages) are taken as
    // they are, and a list that still holds is not written again.
    let kept = if unchanged {
        input::listing::read(&archive.listing(), &archive.root)
    } else {
        None
    };
    let running = Arc::new(if let Some(listing) = kept {
        listing.running
    } else {
        let running = input::running::scan(&found.pages, None);
        // The reader's next opening lists the pages from this walk while it holds;
        // a list that cannot be kept only costs that opening a walk.
        let _ = input::listing::write(
            &archive.listing(),
            &archive.root,
            &found,
            &stamps,
            &running,
            walked_at,
        );
        running
    });
    let mut summary = Summary {
        pages: found.pages.len(),
        rebuilt,
        skipped: found.skipped,
        ..Summary::default()
    };
    progress(Progress::Listed {
        pages: summary.pages,
        changed: changed.len(),
        removed: gone.len(),
    });
    if unchanged {
        summary.seconds = started.elapsed().as_secs_f64();
        return Ok(summary);
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 2));
    let mut writer: IndexWriter = index
        .writer_with_num_threads(threads, WRITER_BUDGET)
        .map_err(|e| archive.tantivy_error(&e))?;
    // A few pages changed: their new segment is left as it is, rather than waiting for
    // a merge that rewrites the big segments of the first build (23 s of 24 for 10
    // pages of 5,000). Past MAX_SEGMENTS the default policy merges them again.
    let segments = index.searchable_segment_ids().map_or(0, |ids| ids.len());
    if !rebuilt && segments < MAX_SEGMENTS {
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    }
    for key in &gone {
        writer.delete_term(Term::from_field_text(fields.path, key));
        manifest.pages.remove(key);
    }
    summary.removed = gone.len();
    for (key, _, _) in &changed {
        writer.delete_term(Term::from_field_text(fields.path, key));
    }
    add_pages(&writer, &fields, &changed, &running, &mut summary, progress)?;
    for (key, stamp, _) in changed {
        manifest.pages.insert(key, stamp);
    }
    writer.commit().map_err(|e| archive.tantivy_error(&e))?;
    manifest.write(&archive.dir).map_err(unwritable)?;
    writer
        .wait_merging_threads()
        .map_err(|e| archive.tantivy_error(&e))?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Wipes the index directory and creates an empty index there.
fn create(archive: &Archive) -> Result<(Index, Fields), IndexError> {
    let unwritable = |source| IndexError::CacheUnwritable {
        path: archive.dir.display().to_string(),
        source,
    };
    std::fs::remove_dir_all(&archive.dir).map_err(unwritable)?;
    std::fs::create_dir_all(&archive.dir).map_err(unwritable)?;
    let (schema, fields) = schema::schema();
    let index =
        Index::create_in_dir(&archive.dir, schema).map_err(|e| archive.tantivy_error(&e))?;
    register(&index);
    Ok((index, fields))
}

/// Parses the changed pages and adds their articles.
fn add_pages(
    writer: &IndexWriter,
    fields: &Fields,
    changed: &[(String, Stamp, PageSource)],
    running: &Arc<input::RunningHeaders>,
    summary: &mut Summary,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), IndexError> {
    if changed.is_empty() {
        return Ok(());
    }
    let sources = changed.iter().map(|(_, _, p)| p.clone()).collect();
    let pieces = stream::pages(
        sources,
        &LoadOptions::default(),
        StreamOptions::default(),
        running,
    )?;
    // A failed page gives one error, a page one piece per part, all in page order.
    let mut next_page = 0;
    let mut first_article = 0;
    for result in pieces {
        match result {
            Ok(piece) => {
                if piece.part == 0 {
                    first_article = 0;
                }
                let key = &changed[piece.page].0;
                for (i, doc) in articles(fields, key, &piece.doc, first_article) {
                    writer.add_document(doc).map_err(|e| IndexError::Tantivy {
                        path: key.clone(),
                        message: e.to_string(),
                    })?;
                    first_article = i + 1;
                    summary.articles += 1;
                }
                if piece.last_part {
                    next_page = piece.page + 1;
                    summary.indexed += 1;
                    progress(Progress::Indexed { done: next_page });
                }
            }
            Err(err) => {
                summary.skipped.push(err.to_string());
                next_page += 1;
                progress(Progress::Indexed { done: next_page });
            }
        }
    }
    Ok(())
}

/// One tantivy document per article of `doc`, numbered from `first`.
fn articles(
    fields: &Fields,
    key: &str,
    doc: &Document,
    first: usize,
) -> Vec<(usize, TantivyDocument)> {
    let furniture = date::furniture_text(doc);
    let name = doc.short_name();
    let day = date::doc_date(doc);
    let edition = date::edition_in(name).or_else(|| date::edition_in(&furniture));
    doc.articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let spans = a.overline.iter().chain(&a.blocks).map(|b| &b.span).chain(
                [&a.kicker, &a.title, &a.subtitle, &a.byline]
                    .into_iter()
                    .flatten(),
            );
            let range = extent(spans).unwrap_or(0..0);
            let mut t = TantivyDocument::default();
            t.add_text(fields.path, key);
            t.add_u64(fields.article, (first + i) as u64);
            t.add_text(fields.headline, doc.article_label(i));
            t.add_text(fields.kicker, doc.field(a.kicker.as_ref()).unwrap_or(""));
            t.add_text(fields.byline, doc.field(a.byline.as_ref()).unwrap_or(""));
            t.add_u64(fields.date, u64::from(day.unwrap_or(0)));
            t.add_u64(fields.edition, u64::from(edition.unwrap_or(0)));
            t.add_text(fields.text, doc.text.get(range.clone()).unwrap_or(""));
            t.add_u64(fields.base, range.start as u64);
            (first + i, t)
        })
        .collect()
}

/// The smallest range holding every span.
fn extent<'a>(spans: impl Iterator<Item = &'a Span>) -> Option<std::ops::Range<usize>> {
    spans.fold(None, |acc: Option<std::ops::Range<usize>>, s| {
        Some(match acc {
            None => s.range.clone(),
            Some(r) => r.start.min(s.range.start)..r.end.max(s.range.end),
        })
    })
}
