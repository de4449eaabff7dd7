//! Pages one at a time, in order, for the dumps: memory that follows the page being
//! written, not the archive.
//!
//! `--dump text` and `--dump json` used to parse every page before writing the first
//! one, so a dump of a year (or of 200 MB on standard input) held all of it parsed: 2.3
//! GB for 200 MB. [`open`] instead starts a small pipeline:
//!
//! * a *producer* thread walks the pages and turns each into one or more units of
//!   work: a page file as it is, or, for standard input and files larger than
//!   [`StreamOptions::split_above`], the text read and decoded once and cut into parts
//!   ([`chunks::cut`]) that share it;
//! * *workers* (one per core, up to [`crate::loader::MAX_WORKERS`]) parse units;
//! * the reader of the stream (an [`Iterator`] of [`Piece`]s) gets them back in order.
//!
//! At most [`StreamOptions::window`] units are between the producer and the reader at
//! any time (a slot is taken before a unit is made and given back when its piece is
//! handed over), so a slow writer holds the workers back instead of letting parsed
//! pages pile up.
//!
//! A page of normal size is parsed exactly as [`crate::loader::load_everything`]
//! parses it, so a dump made from the stream is byte for byte the dump made from all
//! pages at once. A huge input read in parts becomes several documents with the same
//! source: their lines are counted from the start of the whole input, and each carries
//! a warning saying which part it is.

pub mod chunks;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};

use encoding_rs::Encoding;

use crate::document::Document;
use crate::input::{self, InputError, LoadOptions, PageSource, RunningHeaders};

/// The most parser threads a stream (and the reader's background load) uses.
pub const MAX_WORKERS: usize = 4;

/// How the stream cuts and how far it reads ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamOptions {
    /// Standard input and files larger than this many bytes are read in parts.
    pub split_above: usize,
    /// The size of a part.
    pub part_bytes: usize,
    /// Units of work (pages or parts) read ahead of the reader at most.
    pub window: usize,
}

impl Default for StreamOptions {
    fn default() -> Self {
        Self {
            split_above: chunks::SPLIT_ABOVE,
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
    /// Which part of that page (0-based), of [`Piece::parts`].
    pub part: usize,
    /// How many parts the page was read in (1 for a page of normal size).
    pub parts: usize,
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
        name: String,
        whole: Arc<input::Decoded>,
        part: chunks::Part,
        index: usize,
        parts: usize,
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
        if !pages.is_empty() || sample {
            produce(pages, forced, options, &slot_tx, &unit_tx);
        }
    });
    PageStream {
        results: result_rx,
        slots: slot_rx,
        waiting: BTreeMap::new(),
        next: 0,
        done: false,
    }
}

/// Turns pages into units, taking a slot for each; stops when the stream is dropped.
fn produce(
    pages: Vec<PageSource>,
    forced: Option<&'static Encoding>,
    options: StreamOptions,
    slots: &SyncSender<()>,
    units: &mpsc::Sender<(usize, Unit)>,
) {
    let mut index = 0;
    let mut send = |unit: Unit| -> bool {
        let sent = slots.send(()).is_ok() && units.send((index, unit)).is_ok();
        index += 1;
        sent
    };
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
        let big = match &source {
            PageSource::Stdin => true,
            PageSource::File(path) => std::fs::metadata(path)
                .is_ok_and(|m| m.is_file() && m.len() > options.split_above as u64),
        };
        if !big {
            if !send(Unit::File { page, source }) {
                return;
            }
            continue;
        }
        for unit in split(page, &source, forced, options) {
            if !send(unit) {
                return;
            }
        }
    }
}

/// Reads and decodes a page that may be huge; cuts it into parts when it is.
fn split(
    page: usize,
    source: &PageSource,
    forced: Option<&'static Encoding>,
    options: StreamOptions,
) -> Vec<Unit> {
    let name = source.name();
    let decoded = match input::read_bytes(source).and_then(|bytes| {
        input::decode_owned(bytes, forced).map_err(|err| InputError::NotAPage {
            path: name.clone(),
            source: err,
        })
    }) {
        Ok(decoded) => decoded,
        Err(err) => return vec![Unit::Failed(err)],
    };
    if decoded.text.len() <= options.split_above {
        return vec![Unit::Text {
            page,
            name,
            decoded,
        }];
    }
    let parts = chunks::cut(&decoded.text, options.part_bytes);
    let whole = Arc::new(decoded);
    let count = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(index, part)| Unit::Part {
            page,
            name: name.clone(),
            whole: Arc::clone(&whole),
            part,
            index,
            parts: count,
        })
        .collect()
}

/// A huge input read once, decoded and cut into parts, each parsed on its own (the
/// reader opens on the first part and parses the others in the background).
#[derive(Debug)]
pub struct Parts {
    name: String,
    whole: Arc<input::Decoded>,
    cuts: Vec<chunks::Part>,
}

/// An input that may be huge: parsed whole when it is not, else its [`Parts`].
#[derive(Debug)]
pub enum Input {
    Whole(Box<Document>),
    Parts(Parts),
}

/// Whether `source` is read in parts: standard input, or a file larger than
/// `options.split_above`.
pub fn is_huge(source: &PageSource, options: StreamOptions) -> bool {
    match source {
        PageSource::Stdin => true,
        PageSource::File(path) => std::fs::metadata(path)
            .is_ok_and(|m| m.is_file() && m.len() > options.split_above as u64),
    }
}

/// Reads and decodes `source`; cuts it into parts when its text is larger than
/// `options.split_above` (each part then parsed as the dumps parse it).
///
/// # Errors
/// The input cannot be read, or is not a text page.
pub fn read_input(
    source: &PageSource,
    forced: Option<&'static Encoding>,
    options: StreamOptions,
) -> Result<Input, InputError> {
    let mut units = split(0, source, forced, options).into_iter();
    match units.next() {
        Some(Unit::Failed(err)) => Err(err),
        Some(Unit::Part {
            name, whole, part, ..
        }) => {
            let mut parts = vec![part];
            parts.extend(units.filter_map(|u| match u {
                Unit::Part { part, .. } => Some(part),
                _ => None,
            }));
            Ok(Input::Parts(Parts {
                name,
                whole,
                cuts: parts,
            }))
        }
        Some(unit) => parse(unit, forced, &RunningHeaders::default())
            .map(|piece| Input::Whole(Box::new(piece.doc))),
        None => Err(InputError::EmptyDirectory {
            path: source.name(),
        }),
    }
}

/// The first part of a huge file, read from the file's head alone.
#[derive(Debug)]
pub struct Head {
    /// The part parsed (its warning says "part 1", not of how many).
    pub doc: Document,
    /// Where it was cut: the same as the whole file's first cut.
    pub part: chunks::Part,
    /// About how many parts the whole file has (its length over the part size).
    pub estimate: usize,
}

/// Bytes of a huge file's head read for its first part: the first cut looks at most
/// five parts ahead, and two parts more leave room for the lines after the last place
/// it looks at and for the head's last, incomplete line.
pub fn head_bytes(options: StreamOptions) -> usize {
    options.part_bytes.saturating_mul(7)
}

/// The first part of the huge file `source`, read from its head only (a 112 MB file's
/// first frame need not wait for reading and checking 112 MB). `None` when it cannot
/// be known from the head: standard input, a forced encoding or a byte-order mark, a
/// file that is not UTF-8 at its head, or a head without enough complete lines; the
/// caller then reads the whole input ([`read_input`]). The rest of a file whose head
/// is UTF-8 may still not be: the whole is read and checked on the worker.
pub fn read_head(
    source: &PageSource,
    forced: Option<&'static Encoding>,
    options: StreamOptions,
) -> Option<Head> {
    use std::io::Read as _;
    let PageSource::File(path) = source else {
        return None;
    };
    let want = head_bytes(options);
    let len = usize::try_from(std::fs::metadata(path).ok()?.len()).ok()?;
    if forced.is_some() || len <= want.max(options.split_above) {
        return None;
    }
    let mut bytes = Vec::with_capacity(want);
    std::fs::File::open(path)
        .ok()?
        .take(want as u64)
        .read_to_end(&mut bytes)
        .ok()?;
    if Encoding::for_bom(&bytes).is_some() {
        return None;
    }
    // Complete lines only: the cut reads whole lines.
    bytes.truncate(memchr::memrchr(b'\n', &bytes)? + 1);
    if bytes.len() < options.part_bytes.saturating_mul(6) {
        return None;
    }
    let decoded = input::decode_owned(bytes, None).ok()?;
    if decoded.encoding != "UTF-8" || !decoded.warnings.is_empty() {
        return None;
    }
    let part = chunks::first(&decoded.text, options.part_bytes);
    let unit = Unit::Part {
        page: 0,
        name: source.name(),
        whole: Arc::new(decoded),
        part: part.clone(),
        index: 0,
        parts: 0,
    };
    let doc = parse(unit, None, &RunningHeaders::default()).ok()?.doc;
    Some(Head {
        doc,
        part,
        estimate: len.div_ceil(options.part_bytes.max(1)).max(2),
    })
}

impl Parts {
    /// Where the first part was cut.
    pub fn first_cut(&self) -> Option<&chunks::Part> {
        self.cuts.first()
    }

    /// How many parts there are.
    pub fn len(&self) -> usize {
        self.cuts.len()
    }

    /// Whether there are none (never, for a text over the split size).
    pub fn is_empty(&self) -> bool {
        self.cuts.is_empty()
    }

    /// Part `index` parsed, as `--dump json` shows it (lines counted from the start of
    /// the input, a warning naming the part); `None` past the last part.
    pub fn parse(&self, index: usize) -> Option<Document> {
        let unit = Unit::Part {
            page: 0,
            name: self.name.clone(),
            whole: Arc::clone(&self.whole),
            part: self.cuts.get(index)?.clone(),
            index,
            parts: self.cuts.len(),
        };
        parse(unit, None, &RunningHeaders::default())
            .ok()
            .map(|piece| piece.doc)
    }
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
        parts: 1,
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
        Unit::Part {
            page,
            name,
            whole,
            part,
            index,
            parts,
        } => {
            let text = whole.text.get(part.range.clone()).unwrap_or_default();
            let warnings = if index == 0 {
                whole.warnings.clone()
            } else {
                Vec::new()
            };
            let mut doc = input::document_from_str(&name, text, &whole.encoding, warnings);
            shift_lines(&mut doc, part.first_line - 1);
            // The reader's first part is read before the input's end: how many parts
            // there are is not known yet (0).
            doc.warnings.push(if parts == 0 {
                format!(
                    "part {} of a large input read in parts (from line {})",
                    index + 1,
                    part.first_line
                )
            } else {
                format!(
                    "part {} of {parts} of a large input read in parts (from line {})",
                    index + 1,
                    part.first_line
                )
            });
            Ok(Piece {
                doc,
                page,
                part: index,
                parts,
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
