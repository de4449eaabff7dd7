//! Reading a huge input a part at a time: standard input, and a file too large to
//! parse whole (a converter's whole-year output).
//!
//! The input is read in blocks of [`BLOCK_BYTES`] and decoded as they come (a
//! character that a block's end cuts in two is finished by the next block); a part is
//! cut ([`chunks::next_cut`]) as soon as the text [`AHEAD`] parts past its start is
//! in, and handed over with its own copy of its text. So memory holds those parts'
//! worth of text, not the input: a 200 MB `--dump text` on standard input needs tens
//! of megabytes, and the reader's first frame needs only the input's head. The cuts
//! are the ones [`chunks::cut`] makes on the whole text (its cut looks five parts
//! ahead at most, and the two parts more leave room for the lines it reads after the
//! last place it looks at).
//!
//! The first part is smaller ([`StreamOptions::first_part_bytes`]) than the others: the
//! reader's first frame waits for its parse alone.
//!
//! The encoding is chosen from the head ([`decode::sniff`]) as [`decode::decode`]
//! chooses it from a whole page. Standard input no longer than
//! [`StreamOptions::split_above`] is a page like any other: read whole and decoded as
//! a page file is ([`Opened::Whole`]).
//!
//! ```
//! use kanbao::input::PageSource;
//! use kanbao::stream::StreamOptions;
//! use kanbao::stream::read::{self, Opened};
//! let body = "正文。".repeat(40);
//! let text: String = (0..50).map(|i| format!("## 标题{i}\n\n{body}\n\n")).collect();
//! let path = std::env::temp_dir().join(format!("kanbao-read-doc-{}.md", std::process::id()));
//! std::fs::write(&path, &text).unwrap();
//! let options = StreamOptions { split_above: 1000, first_part_bytes: 300, part_bytes: 1000, ..StreamOptions::default() };
//! let Ok(Opened::Parts(mut parts)) = read::open(&PageSource::File(path.clone()), None, options, None) else { panic!() };
//! let mut joined = String::new();
//! while let Some(part) = parts.next_part() {
//!     joined.push_str(&part.unwrap().text);
//! }
//! assert_eq!(joined, text);
//! # std::fs::remove_file(&path).unwrap();
//! ```
//!
//! # Limitations
//!
//! Only the head is checked for NUL bytes and for the encoding: a NUL further on is a
//! control character (shown as a placeholder, with the part's warning), a sequence
//! that does not decode is U+FFFD with a warning on its part. A file that grows while
//! it is read is read to its end.

use std::io::Read;
use std::ops::Range;

use encoding_rs::{CoderResult, Decoder, Encoding};

use super::{StreamOptions, chunks};
use crate::input::decode::{self, Decoded};
use crate::input::{InputError, PageSource};

/// Bytes read from the input at a time.
pub const BLOCK_BYTES: usize = 256 << 10;

/// Parts of text read ahead of a cut: see the module comment.
pub const AHEAD: usize = 7;

/// The head the encoding is chosen from is at most this long.
const SNIFF_BYTES: usize = 1 << 20;

/// An input opened for reading in parts, or one small enough to be a page.
#[derive(Debug)]
pub enum Opened {
    /// Standard input of normal size (or a file that shrank): read and decoded whole.
    Whole(Decoded),
    /// A huge input, read a part at a time.
    Parts(Box<PartReader>),
}

/// One part of a huge input, with its own text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextPart {
    pub text: String,
    /// The input's line this part starts on (1-based).
    pub first_line: usize,
    /// Which part (0-based).
    pub index: usize,
    /// The encoding's display name (`UTF-8`, `GB18030`…).
    pub encoding: String,
    /// The decoder's warnings about this part (and, on the first, about the guess).
    pub warnings: Vec<String>,
    /// Whether it is the input's last part.
    pub last: bool,
}

/// A huge input being read; see the module comment.
pub struct PartReader {
    input: Box<dyn Read + Send>,
    decoder: Decoder,
    encoding: String,
    /// The warnings of the encoding's choice, for the first part.
    sniffed: Vec<String>,
    /// Decoded text; what lies before `start` has been handed over.
    text: String,
    start: usize,
    /// The line `text[start..]` starts on.
    line: usize,
    /// Where in `text` a block decoded with replacements landed.
    dirty: Vec<Range<usize>>,
    block: Vec<u8>,
    eof: bool,
    done: bool,
    index: usize,
    options: StreamOptions,
    /// Bytes read so far, and the most that may be read.
    read: u64,
    limit: Option<u64>,
    /// The file's length, when it has one.
    len: Option<u64>,
    name: String,
}

impl std::fmt::Debug for PartReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PartReader")
            .field("name", &self.name)
            .field("encoding", &self.encoding)
            .field("index", &self.index)
            .field("read", &self.read)
            .finish_non_exhaustive()
    }
}

impl PartReader {
    /// A reader at the start of `input`, decoding as UTF-8 until the head is sniffed.
    fn new(
        input: Box<dyn Read + Send>,
        options: StreamOptions,
        limit: Option<u64>,
        len: Option<u64>,
        name: String,
    ) -> Self {
        Self {
            input,
            decoder: encoding_rs::UTF_8.new_decoder_without_bom_handling(),
            encoding: String::new(),
            sniffed: Vec::new(),
            text: String::new(),
            start: 0,
            line: 1,
            dirty: Vec::new(),
            block: Vec::new(),
            eof: false,
            done: false,
            index: 0,
            options,
            read: 0,
            limit,
            len,
            name,
        }
    }
}

/// Opens `source` for reading in parts: reads its head, chooses its encoding, and
/// returns the reader (or, for standard input no longer than
/// `options.split_above`, the page decoded whole). `limit` is the most bytes read
/// (a file longer than that is refused before reading; standard input is cut off
/// with an error once past it).
///
/// # Errors
/// The input cannot be opened or read, is over `limit`, or is not text at its head.
pub fn open(
    source: &PageSource,
    forced: Option<&'static Encoding>,
    options: StreamOptions,
    limit: Option<u64>,
) -> Result<Opened, InputError> {
    let name = source.name();
    let io = |source| InputError::Io {
        path: name.clone(),
        source,
    };
    let (input, len): (Box<dyn Read + Send>, Option<u64>) = match source {
        PageSource::Stdin => (Box::new(std::io::stdin()), None),
        PageSource::File(path) => {
            let meta = std::fs::metadata(path).map_err(io)?;
            if meta.is_dir() {
                return Err(InputError::NotAFile { path: name.clone() });
            }
            if limit.is_some_and(|limit| meta.len() > limit) {
                return Err(InputError::TooLarge { path: name.clone() });
            }
            (
                Box::new(std::fs::File::open(path).map_err(io)?),
                Some(meta.len()),
            )
        }
    };
    let mut reader = PartReader::new(input, options, limit, len, name);
    // Standard input may be a page of normal size: that is known once more than
    // `split_above` bytes are in (a file's length told it already).
    let small = match source {
        PageSource::Stdin => options.split_above.saturating_add(1),
        PageSource::File(_) => 0,
    };
    let head = reader.read_raw(small.max(options.first_part_bytes.saturating_mul(AHEAD)))?;
    if reader.eof && head.len() <= options.split_above {
        let decoded = decode::decode_owned(head, forced).map_err(|err| reader.not_a_page(err))?;
        return Ok(Opened::Whole(decoded));
    }
    let sniffed = decode::sniff(&head[..head.len().min(SNIFF_BYTES)], forced)
        .map_err(|err| reader.not_a_page(err))?;
    reader.decoder = sniffed.encoding.new_decoder_without_bom_handling();
    reader.encoding = sniffed.name;
    reader.sniffed = sniffed.warnings;
    let last = reader.eof;
    reader.decode(head.get(sniffed.bom..).unwrap_or_default(), last);
    Ok(Opened::Parts(Box::new(reader)))
}

impl PartReader {
    /// About how many parts the input has: from a file's length, `None` for standard
    /// input (its length is known at its end).
    pub fn estimate(&self) -> Option<usize> {
        let len = usize::try_from(self.len?).ok()?;
        let first = self.options.first_part_bytes.max(1);
        Some(
            1 + len
                .saturating_sub(first)
                .div_ceil(self.options.part_bytes.max(1)),
        )
    }

    /// The name the input is shown under.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The next part, `None` after the last; an error (the input could not be read on,
    /// or grew past the limit) ends the reading.
    pub fn next_part(&mut self) -> Option<Result<TextPart, InputError>> {
        if self.done {
            return None;
        }
        let target = if self.index == 0 {
            self.options.first_part_bytes
        } else {
            self.options.part_bytes
        }
        .max(1);
        if let Err(err) = self.fill(target.saturating_mul(AHEAD)) {
            self.done = true;
            return Some(Err(err));
        }
        if self.index > 0 && self.start == self.text.len() {
            self.done = true;
            return None;
        }
        let end = chunks::next_cut(&self.text, self.start, target);
        let text = self.text[self.start..end].to_string();
        let first_line = self.line;
        self.line += memchr::memchr_iter(b'\n', text.as_bytes()).count();
        let mut warnings = if self.index == 0 {
            std::mem::take(&mut self.sniffed)
        } else {
            Vec::new()
        };
        // A block decoded with replacements may reach into parts without any.
        if self
            .dirty
            .iter()
            .any(|d| d.start < end && d.end > self.start)
        {
            let count = text.chars().filter(|&c| c == '\u{fffd}').count();
            if count > 0 {
                warnings.push(decode::undecodable_warning(count, &self.encoding));
            }
        }
        self.index += 1;
        self.start = end;
        self.done = self.eof && end == self.text.len();
        self.compact();
        Some(Ok(TextPart {
            text,
            first_line,
            index: self.index - 1,
            encoding: self.encoding.clone(),
            warnings,
            last: self.done,
        }))
    }

    /// Reads and decodes until `want` bytes of text lie past `start`, or the end.
    fn fill(&mut self, want: usize) -> Result<(), InputError> {
        while !self.eof && self.text.len() - self.start < want {
            let bytes = self.read_raw(BLOCK_BYTES)?;
            let last = self.eof;
            self.decode(&bytes, last);
            self.block = bytes;
        }
        Ok(())
    }

    /// Reads up to `want` bytes (fewer only at the end of the input).
    fn read_raw(&mut self, want: usize) -> Result<Vec<u8>, InputError> {
        let mut bytes = std::mem::take(&mut self.block);
        bytes.clear();
        bytes.reserve(want);
        let mut input = (&mut self.input).take(want as u64);
        let got = input
            .read_to_end(&mut bytes)
            .map_err(|source| InputError::Io {
                path: self.name.clone(),
                source,
            })?;
        self.eof = got < want;
        self.read += got as u64;
        if self.limit.is_some_and(|limit| self.read > limit) {
            return Err(InputError::TooLarge {
                path: self.name.clone(),
            });
        }
        Ok(bytes)
    }

    /// Decodes `bytes` onto the end of the text (`last` at the end of the input).
    fn decode(&mut self, bytes: &[u8], last: bool) {
        let from = self.text.len();
        let mut rest = bytes;
        let mut errors = false;
        loop {
            let room = self
                .decoder
                .max_utf8_buffer_length(rest.len())
                .unwrap_or(rest.len().saturating_mul(3) + 16);
            self.text.reserve(room);
            let (result, read, replaced) =
                self.decoder.decode_to_string(rest, &mut self.text, last);
            errors |= replaced;
            rest = &rest[read..];
            if result == CoderResult::InputEmpty {
                break;
            }
        }
        if errors {
            self.dirty.push(from..self.text.len());
        }
    }

    /// Drops the text handed over once it is most of the buffer (each byte is moved
    /// about once).
    fn compact(&mut self) {
        if self.start < self.text.len() / 2 {
            return;
        }
        let by = self.start;
        self.text.drain(..by);
        self.start = 0;
        self.dirty.retain_mut(|d| {
            d.start = d.start.saturating_sub(by);
            d.end = d.end.saturating_sub(by);
            d.end > 0
        });
    }

    fn not_a_page(&self, source: decode::DecodeError) -> InputError {
        InputError::NotAPage {
            path: self.name.clone(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(first: usize, part: usize) -> StreamOptions {
        StreamOptions {
            split_above: part,
            first_part_bytes: first,
            part_bytes: part,
            ..StreamOptions::default()
        }
    }

    /// A reader over `bytes` as if they were read from a pipe `block` bytes at a time.
    fn reader(bytes: Vec<u8>, options: StreamOptions) -> PartReader {
        let head_len = options.first_part_bytes * AHEAD;
        let mut reader = PartReader::new(
            Box::new(std::io::Cursor::new(bytes)),
            options,
            None,
            None,
            "-".into(),
        );
        let head = reader.read_raw(head_len).unwrap();
        let sniffed = decode::sniff(&head, None).unwrap();
        reader.decoder = sniffed.encoding.new_decoder_without_bom_handling();
        reader.encoding = sniffed.name;
        reader.sniffed = sniffed.warnings;
        let last = reader.eof;
        reader.decode(&head[sniffed.bom..], last);
        reader
    }

    fn parts(mut reader: PartReader) -> Vec<TextPart> {
        std::iter::from_fn(|| reader.next_part())
            .map(Result::unwrap)
            .collect()
    }

    fn article(n: usize) -> String {
        format!(
            "引题{n}\n\n## 标题{n}\n\n{}\n\n",
            "正文正文正文正文正文正文正文正文正文正文，写得很长很长。".repeat(2 + n % 3)
        )
    }

    #[test]
    fn parts_cut_where_the_whole_text_is_cut() {
        let text: String = (0..300).map(article).collect();
        let got = parts(reader(text.clone().into_bytes(), options(200, 1000)));
        let first = chunks::next_cut(&text, 0, 200);
        let mut want: Vec<Range<usize>> = Vec::new();
        want.push(0..first);
        want.extend(
            chunks::cut(&text[first..], 1000)
                .into_iter()
                .map(|p| p.range.start + first..p.range.end + first),
        );
        let got_ranges: Vec<Range<usize>> = got
            .iter()
            .scan(0, |at, p| {
                let r = *at..*at + p.text.len();
                *at = r.end;
                Some(r)
            })
            .collect();
        assert_eq!(got_ranges, want);
        for (i, p) in got.iter().enumerate() {
            assert_eq!(p.index, i);
            assert_eq!(p.last, i + 1 == got.len());
            let before = text[..got_ranges[i].start].matches('\n').count();
            assert_eq!(p.first_line, before + 1);
        }
    }

    #[test]
    fn a_multi_byte_character_across_a_block_keeps_every_character() {
        // Blocks of 256 KiB cut three-byte characters: one ASCII byte first puts the
        // block's end inside one.
        let text = format!("a{}", "字。\n".repeat(BLOCK_BYTES));
        let got = parts(reader(text.clone().into_bytes(), options(1000, 100_000)));
        assert!(got.len() > 10);
        assert!(got.iter().all(|p| p.warnings.is_empty()));
        let joined: String = got.iter().map(|p| p.text.as_str()).collect();
        assert!(joined == text, "text changed");
    }

    #[test]
    fn one_huge_line_is_cut_at_characters_and_loses_nothing() {
        let text = "新华社北京电，".repeat(200_000);
        let got = parts(reader(text.clone().into_bytes(), options(10_000, 100_000)));
        assert!(got.len() > 10);
        assert!(got.iter().all(|p| p.first_line == 1));
        let joined: String = got.iter().map(|p| p.text.as_str()).collect();
        assert!(joined == text, "text changed");
    }

    #[test]
    fn broken_bytes_are_replaced_with_a_warning_on_their_part() {
        let mut bytes = "正文。\n".repeat(50_000).into_bytes();
        let at = bytes.len() - 1000;
        bytes.insert(at, 0xff);
        let got = parts(reader(bytes, options(1000, 20_000)));
        let warned: Vec<&TextPart> = got.iter().filter(|p| !p.warnings.is_empty()).collect();
        let said: Vec<(usize, &[String])> = warned
            .iter()
            .map(|p| (p.index, p.warnings.as_slice()))
            .collect();
        assert_eq!(warned.len(), 1, "{said:?}");
        assert!(warned[0].text.contains('\u{fffd}'));
        assert!(warned[0].warnings[0].starts_with("1 undecodable"));
        assert_eq!(got.last().map(|p| p.index), Some(warned[0].index));
    }

    #[test]
    fn gbk_is_read_in_parts_as_text() {
        let text: String = (0..200).map(article).collect();
        let bytes = encoding_rs::GBK.encode(&text).0.into_owned();
        let got = parts(reader(bytes, options(500, 3000)));
        assert!(got.len() > 5);
        assert!(got.iter().all(|p| p.encoding == "GB18030"));
        let joined: String = got.iter().map(|p| p.text.as_str()).collect();
        assert!(joined == text, "text changed");
    }
}
