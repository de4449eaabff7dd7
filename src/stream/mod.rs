//! Pages one at a time, in order, for the dumps: memory that follows the page being
//! written, not the archive.
//!
//! `--dump text` and `--dump json` used to parse every page before writing the first
//! one, so a dump of a year (or of 200 MB on standard input) held all of it parsed: 2.3
//! GB for 200 MB. [`open`] instead starts a small pipeline:
//!
//! * a *producer* thread walks the pages and turns each into one or more units of
//!   work: a page file as it is, or, for standard input and files larger than
//!   [`StreamOptions::split_above`], parts read one at a time ([`read`]), each with its
//!   own text, so the input is never held whole;
//! * *workers* (one per core, up to [`crate::loader::MAX_WORKERS`]) parse units;
//! * the reader of the stream (an [`Iterator`] of [`Piece`]s) gets them back in order.
//!
//! At most [`StreamOptions::window`] units are between the producer and the reader at
//! any time (a slot is taken before a unit is made and given back when its piece is
//! handed over), so a slow writer holds the workers back (and the reading of the
//! input with them) instead of letting parsed pages pile up.
//!
//! A page of normal size is parsed exactly as [`crate::loader::load_everything`]
//! parses it, so a dump made from the stream is byte for byte the dump made from all
//! pages at once. A huge input read in parts becomes several documents with the same
//! source: their lines are counted from the start of the whole input, and each carries
//! a warning saying which part it is. The reader reads a huge input with the same
//! [`read::PartReader`] and parses its parts with [`parse_part`]: its pages are the
//! dump's parts.

pub mod chunks;
pub mod read;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};

use encoding_rs::Encoding;

use crate::document::Document;
use crate::input::{self, InputError, LoadOptions, PageSource, RunningHeaders};

/// The most parser threads a stream (and the reader's background load) uses.
pub const MAX_WORKERS: usize = 4;

/// The first part of a huge input: small, so that the reader's first frame waits for
/// little parsing (a 64 KiB part parses in a few milliseconds, a 1 MiB one in ~60).
pub const FIRST_PART_BYTES: usize = 64 << 10;

/// How the stream cuts and how far it reads ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamOptions {
    /// Standard input and files larger than this many bytes are read in parts.
    pub split_above: usize,
    /// The size of the first part.
    pub first_part_bytes: usize,
    /// The size of the parts after the first.
    pub part_bytes: usize,
    /// Units of work (pages or parts) read ahead of the reader at most.
    pub window: usize,
}

impl Default for StreamOptions {
    fn default() -> Self {
        Self {
            split_above: chunks::SPLIT_ABOVE,
            first_part_bytes: FIRST_PART_BYTES,
            part_bytes: chunks::PART_BYTES,
            window: 2 * MAX_WORKERS,
        }
    }
}

/// One parsed page, or one part of a huge page.
#[derive(Debug)]
pub struct Piece {
    pub doc: Document,
    /// Which of the discovered pages it is (0-based).
    pub page: usize,
    /// Which part of that page (0-based; 0 for a page of normal size).
    pub part: usize,
    /// Whether the page was read in parts (a huge input; how many is known at its end).
    pub in_parts: bool,
    /// Whether this is the page's last piece (always, for a page of normal size).
    pub last_part: bool,
}

/// The stream once a first page has opened.
#[derive(Debug)]
pub struct Opened {
    /// The first piece that opened.
    pub first: Piece,
    /// The pieces after it; pages that fail later come out as errors.
    pub rest: PageStream,
    /// Directories that could not be searched and pages that failed before the first.
    pub skipped: Vec<String>,
    /// How many pages were found.
    pub pages: usize,
}

/// Pieces in order; see the module comment.
#[derive(Debug)]
pub struct PageStream {
    results: Receiver<(usize, Result<Piece, InputError>)>,
    slots: Receiver<()>,
    waiting: BTreeMap<usize, Result<Piece, InputError>>,
    next: usize,
    done: bool,
}

/// A unit of work for a parser thread.
enum Unit {
    /// A page to read and parse whole.
    File { page: usize, source: PageSource },
    /// A page already read and decoded, small enough to parse whole.
    Text {
        page: usize,
        name: String,
        decoded: input::Decoded,
    },
    /// One part of a huge text.
    Part {
        page: usize,
        name: Arc<str>,
        part: read::TextPart,
    },
    /// A page that could not be read.
    Failed(InputError),
}

/// Finds the pages of `paths` (the bundled sample when there are none) and starts
/// parsing them; returns once the first one has opened.
///
/// # Errors
/// As [`crate::loader::load_everything`]: a discovery error; a single page that fails;
/// every page failing (the first error).
pub fn open(
    paths: &[PathBuf],
    load: &LoadOptions,
    options: StreamOptions,
) -> Result<Opened, InputError> {
    let forced = load.forced_encoding()?;
    let (pages, mut skipped) = if paths.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let found = input::discover_all(paths)?;
        (found.pages, found.skipped)
    };
    let count = pages.len().max(1);
    let running = Arc::new(input::running::scan(&pages, forced));
    let mut rest = start(pages, forced, options, true, &running);
    let mut first_error = None;
    while let Some(result) = rest.next() {
        match result {
            Ok(first) => {
                return Ok(Opened {
                    first,
                    rest,
                    skipped,
                    pages: count,
                });
            }
            Err(err) if count == 1 => return Err(err),
            Err(err) => {
                skipped.push(err.to_string());
                first_error.get_or_insert(err);
            }
        }
    }
    Err(first_error.unwrap_or(InputError::EmptyDirectory {
        path: paths
            .first()
            .map_or_else(String::new, |p| p.display().to_string()),
    }))
}

/// Parses `pages` (a list the caller made, such as the index's changed pages) as a
/// stream: no discovery, no waiting for a first page; nothing for an empty list. Each
/// page is parsed with the `running` headers of its directory (found by the caller
/// over all the directory's pages, not only these).
///
/// # Errors
/// An unknown forced encoding.
pub fn pages(
    pages: Vec<PageSource>,
    load: &LoadOptions,
    options: StreamOptions,
    running: &Arc<RunningHeaders>,
) -> Result<PageStream, InputError> {
    Ok(start(
        pages,
        load.forced_encoding()?,
        options,
        false,
        running,
    ))
}

/// Starts the producer and the workers over `pages` (none: the bundled sample when
/// `sample` is set, else nothing).
fn start(
    pages: Vec<PageSource>,
    forced: Option<&'static Encoding>,
    options: StreamOptions,
    sample: bool,
    running: &Arc<RunningHeaders>,
) -> PageStream {
    spawn(forced, options, running, move |send| {
        if !pages.is_empty() || sample {
            produce(pages, forced, options, send);
        }
    })
}

/// The parts after the first of a huge input the reader opened on (`reader` has
/// handed the first over), parsed as the dumps parse them, in order.
pub fn rest_of(reader: Box<read::PartReader>, options: StreamOptions) -> PageStream {
    spawn(None, options, &Arc::default(), move |send| {
        let name: Arc<str> = reader.name().into();
        send_parts(0, &name, reader, send);
    })
}

/// Starts the workers, and `producer` on a thread of its own; `producer` hands units
/// to its argument, which takes a slot for each and returns false once the stream is
/// dropped.
fn spawn(
    forced: Option<&'static Encoding>,
    options: StreamOptions,
    running: &Arc<RunningHeaders>,
    producer: impl FnOnce(&mut dyn FnMut(Unit) -> bool) + Send + 'static,
) -> PageStream {
    let window = options.window.max(1);
    let (slot_tx, slot_rx) = mpsc::sync_channel(window);
    let (unit_tx, unit_rx) = mpsc::channel::<(usize, Unit)>();
    let (result_tx, result_rx) = mpsc::channel();
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, MAX_WORKERS);
    let units = Arc::new(Mutex::new(unit_rx));
    for _ in 0..workers {
        let (units, results) = (Arc::clone(&units), result_tx.clone());
        let running = Arc::clone(running);
        std::thread::spawn(move || {
            loop {
                // The lock is held only while taking the next unit.
                let next = units.lock().ok().and_then(|rx| rx.recv().ok());
                let Some((index, unit)) = next else { return };
                if results
                    .send((index, parse(unit, forced, &running)))
                    .is_err()
                {
                    return;
                }
            }
        });
    }
    std::thread::spawn(move || {
        let mut index = 0;
        let mut send = |unit: Unit| -> bool {
            let sent = slot_tx.send(()).is_ok() && unit_tx.send((index, unit)).is_ok();
            index += 1;
            sent
        };
        producer(&mut send);
    });
    PageStream {
        results: result_rx,
        slots: slot_rx,
        waiting: BTreeMap::new(),
        next: 0,
        done: false,
    }
}

/// Turns pages into units; stops when the stream is dropped.
fn produce(
    pages: Vec<PageSource>,
    forced: Option<&'static Encoding>,
    options: StreamOptions,
    send: &mut dyn FnMut(Unit) -> bool,
) {
    if pages.is_empty() {
        let decoded = input::Decoded {
            text: input::SAMPLE.to_string(),
            encoding: String::from("UTF-8"),
            warnings: Vec::new(),
        };
        send(Unit::Text {
            page: 0,
            name: input::SAMPLE_NAME.to_string(),
            decoded,
        });
        return;
    }
    for (page, source) in pages.into_iter().enumerate() {
        if !is_huge(&source, options) {
            if !send(Unit::File { page, source }) {
                return;
            }
            continue;
        }
        // Any size: a dump holds a few parts at a time.
        let sent = match read::open(&source, forced, options, None) {
            Err(err) => send(Unit::Failed(err)),
            Ok(read::Opened::Whole(decoded)) => send(Unit::Text {
                page,
                name: source.name(),
                decoded,
            }),
            Ok(read::Opened::Parts(reader)) => {
                let name: Arc<str> = source.name().into();
                send_parts(page, &name, reader, send)
            }
        };
        if !sent {
            return;
        }
    }
}

/// Hands over the parts of `reader` as units of page `page`; false once the stream is
/// dropped. A read error ends the page (the parts before it are kept).
fn send_parts(
    page: usize,
    name: &Arc<str>,
    mut reader: Box<read::PartReader>,
    send: &mut dyn FnMut(Unit) -> bool,
) -> bool {
    while let Some(part) = reader.next_part() {
        let unit = match part {
            Ok(part) => Unit::Part {
                page,
                name: Arc::clone(name),
                part,
            },
            Err(err) => return send(Unit::Failed(err)),
        };
        if !send(unit) {
            return false;
        }
    }
    true
}

/// Whether `source` is read in parts: standard input (unless it turns out small), or
/// a file larger than `options.split_above`.
pub fn is_huge(source: &PageSource, options: StreamOptions) -> bool {
    match source {
        PageSource::Stdin => true,
        PageSource::File(path) => std::fs::metadata(path)
            .is_ok_and(|m| m.is_file() && m.len() > options.split_above as u64),
    }
}

/// One part of a huge input parsed as a page: its lines counted from the start of the
/// input, a warning naming the part.
pub fn parse_part(name: &str, part: read::TextPart) -> Document {
    let read::TextPart {
        text,
        first_line,
        index,
        encoding,
        warnings,
        ..
    } = part;
    let mut doc = input::document_from_str(name, &text, &encoding, warnings);
    shift_lines(&mut doc, first_line - 1);
    doc.warnings.push(format!(
        "part {} of a large input read in parts (from line {first_line})",
        index + 1
    ));
    doc
}

/// Parses one unit (on a worker thread). A page file is parsed with the running
/// headers of its directory; a huge input read in parts is not (its parts' first and
/// last lines are not the page's).
fn parse(
    unit: Unit,
    forced: Option<&'static Encoding>,
    running: &RunningHeaders,
) -> Result<Piece, InputError> {
    let whole = |page, doc| Piece {
        doc,
        page,
        part: 0,
        in_parts: false,
        last_part: true,
    };
    match unit {
        Unit::File { page, source } => {
            let doc = input::document_from_vec_in(
                &source.name(),
                input::read_bytes(&source)?,
                forced,
                running.for_page(&source),
            )?;
            Ok(whole(page, doc))
        }
        Unit::Text {
            page,
            name,
            decoded,
        } => Ok(whole(page, input::document_from_decoded(&name, decoded))),
        Unit::Part { page, name, part } => {
            let (index, last_part) = (part.index, part.last);
            Ok(Piece {
                doc: parse_part(&name, part),
                page,
                part: index,
                in_parts: true,
                last_part,
            })
        }
        Unit::Failed(err) => Err(err),
    }
}

/// Adds `by` to every source line of `doc` (a part's lines count from its own start).
fn shift_lines(doc: &mut Document, by: usize) {
    if by == 0 {
        return;
    }
    for block in &mut doc.furniture {
        block.span.line += by;
    }
    for article in &mut doc.articles {
        article.line += by;
        let fields = [
            &mut article.kicker,
            &mut article.title,
            &mut article.subtitle,
            &mut article.byline,
        ];
        for span in fields.into_iter().flatten() {
            span.line += by;
        }
        for block in article.overline.iter_mut().chain(&mut article.blocks) {
            block.span.line += by;
        }
    }
    for e in &mut doc.explanations {
        e.line += by;
    }
}

impl Iterator for PageStream {
    type Item = Result<Piece, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.waiting.remove(&self.next) {
                self.next += 1;
                // Hand the slot back: the producer may make one more unit.
                let _ = self.slots.try_recv();
                return Some(item);
            }
            if self.done {
                // Only a worker that died leaves a gap: skip it, keep the rest.
                let (&index, _) = self.waiting.iter().next()?;
                self.next = index;
                continue;
            }
            match self.results.recv() {
                Ok((index, item)) => {
                    self.waiting.insert(index, item);
                }
                Err(_) => self.done = true,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifted_lines_count_from_the_start_of_the_input() {
        let mut doc = crate::document::parse("p", "## 标题\n\n本报记者 纪元\n\n正文。\n");
        let before = doc.articles[0].title.as_ref().map(|s| s.line);
        shift_lines(&mut doc, 100);
        assert_eq!(
            doc.articles[0].title.as_ref().map(|s| s.line),
            before.map(|l| l + 100)
        );
        assert!(doc.articles[0].blocks.iter().all(|b| b.span.line > 100));
    }
}
