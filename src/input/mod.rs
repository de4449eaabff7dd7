//! From paths to safe text: finding pages (files, directories, standard input),
//! reading them within a size limit, decoding whatever encoding they are in, refusing
//! what is not a page, and replacing control characters so that no byte of a
//! document can ever reach the terminal as an escape sequence.
//!
//! The pipeline for one page is [`discover`] → [`read_bytes`] → [`decode()`] →
//! [`sanitize()`] → [`crate::document::parse()`]; [`open`] runs it, [`load`] runs it for
//! every page. Readers that open large archives can call the stages themselves.

pub mod decode;
pub mod listing;
pub mod running;
pub mod sanitize;
pub mod sources;

use std::path::PathBuf;

use encoding_rs::Encoding;

use crate::document::{self, Document, RunningLines};

pub use decode::{DecodeError, Decoded, decode, decode_owned, encoding_for_label};
pub use running::RunningHeaders;
pub use sanitize::{SanitizeReport, sanitize};
pub use sources::{
    Discovery, MAX_FILE_BYTES, PageSource, discover, discover_all, natural_cmp, read_bytes,
};

/// The page bundled into the binary, shown when kanbao starts without arguments.
pub const SAMPLE: &str = include_str!("../../assets/sample.md");
/// The name the bundled page is shown under.
pub const SAMPLE_NAME: &str = crate::i18n::BUNDLED_SAMPLE.en;

/// The warning an empty or whitespace-only page carries; UIs show an "empty page"
/// screen for it (see [`is_empty_page`]).
pub const EMPTY_PAGE_WARNING: &str = "empty page: the file holds no text";

/// Why an input could not be opened. Each message names the path and fits one line.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: no pages (.md, .markdown or .txt files) in this directory")]
    EmptyDirectory { path: String },
    #[error("{path}: no readable pages; {skipped} skipped, the first: {first}")]
    NothingReadable {
        path: String,
        skipped: usize,
        first: String,
    },
    #[error("{path}: not a regular file")]
    NotAFile { path: String },
    #[error("{path}: file too large (the limit is 512 MiB per file)")]
    TooLarge { path: String },
    #[error("{path}: {source}")]
    NotAPage {
        path: String,
        #[source]
        source: DecodeError,
    },
    #[error("unknown encoding {label:?} (try utf-8, gb18030, gbk, big5, utf-16le, utf-16be)")]
    UnknownEncoding { label: String },
}

/// Options for loading pages.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// An encoding label (`--encoding`) that overrides detection for every page.
    pub encoding: Option<String>,
}

impl LoadOptions {
    /// The forced encoding, if any; an unknown label is an error.
    pub fn forced_encoding(&self) -> Result<Option<&'static Encoding>, InputError> {
        self.encoding
            .as_deref()
            .map(|label| {
                encoding_for_label(label).ok_or_else(|| InputError::UnknownEncoding {
                    label: label.to_string(),
                })
            })
            .transpose()
    }
}

/// Bytes read from one input, with the name to show for it.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Reads every path (files, directories, `-` for stdin) into sources, in order.
pub fn read_sources(paths: &[PathBuf]) -> Result<Vec<Source>, InputError> {
    discover(paths)?
        .iter()
        .map(|page| {
            Ok(Source {
                name: page.name(),
                bytes: read_bytes(page)?,
            })
        })
        .collect()
}

/// Decodes, sanitizes and parses one source's bytes into a document.
pub fn document_from_bytes(
    name: &str,
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> Result<Document, InputError> {
    let decoded = decode(bytes, forced).map_err(|source| InputError::NotAPage {
        path: name.to_string(),
        source,
    })?;
    Ok(document_from_decoded(name, decoded))
}

/// [`document_from_bytes`] taking the bytes by value (no copy of valid UTF-8).
pub fn document_from_vec(
    name: &str,
    bytes: Vec<u8>,
    forced: Option<&'static Encoding>,
) -> Result<Document, InputError> {
    document_from_vec_in(name, bytes, forced, &RunningLines::default())
}

/// [`document_from_vec`] for a page of a directory whose pages share `running` lines
/// (running headers and footers, see [`running`]).
pub fn document_from_vec_in(
    name: &str,
    bytes: Vec<u8>,
    forced: Option<&'static Encoding>,
    running: &RunningLines,
) -> Result<Document, InputError> {
    let decoded = decode_owned(bytes, forced).map_err(|source| InputError::NotAPage {
        path: name.to_string(),
        source,
    })?;
    Ok(document_from_decoded_in(name, decoded, running))
}

/// Sanitizes and parses decoded text into a document.
pub fn document_from_decoded(name: &str, decoded: Decoded) -> Document {
    document_from_decoded_in(name, decoded, &RunningLines::default())
}

/// [`document_from_decoded`] for a page of a directory with `running` lines.
pub fn document_from_decoded_in(name: &str, decoded: Decoded, running: &RunningLines) -> Document {
    document_from_str_in(
        name,
        &decoded.text,
        &decoded.encoding,
        decoded.warnings,
        running,
    )
}

/// Sanitizes and parses `text` (decoded from `encoding`, with the decoder's
/// `warnings`): a whole page, or one part of a huge one (`crate::stream`).
pub fn document_from_str(
    name: &str,
    text: &str,
    encoding: &str,
    warnings: Vec<String>,
) -> Document {
    document_from_str_in(name, text, encoding, warnings, &RunningLines::default())
}

/// [`document_from_str`] for a page of a directory with `running` lines.
pub fn document_from_str_in(
    name: &str,
    text: &str,
    encoding: &str,
    mut warnings: Vec<String>,
    running: &RunningLines,
) -> Document {
    let (text, report) = sanitize(text);
    let mut doc = document::parse_in(name, &text, running);
    doc.encoding = encoding.to_string();
    if report.controls > 0 {
        warnings.push(format!(
            "{} control character(s) shown as placeholders (␛ …)",
            report.controls
        ));
    }
    if text.trim().is_empty() {
        warnings.push(EMPTY_PAGE_WARNING.to_string());
    }
    warnings.append(&mut doc.warnings);
    doc.warnings = warnings;
    doc
}

/// Reads, decodes, sanitizes and parses one page.
pub fn open(page: &PageSource, options: &LoadOptions) -> Result<Document, InputError> {
    let forced = options.forced_encoding()?;
    document_from_vec(&page.name(), read_bytes(page)?, forced)
}

/// The bundled sample page as a document.
pub fn sample() -> Document {
    document_from_decoded(
        SAMPLE_NAME,
        Decoded {
            text: SAMPLE.to_string(),
            encoding: String::from("UTF-8"),
            warnings: Vec::new(),
        },
    )
}

/// True when a document has no text at all (an empty or whitespace-only file).
pub fn is_empty_page(doc: &Document) -> bool {
    doc.text.trim().is_empty() || doc.warnings.iter().any(|w| w == EMPTY_PAGE_WARNING)
}

/// Loads every page of `paths` (the bundled sample when empty) with default options.
pub fn load(paths: &[PathBuf]) -> Result<Vec<Document>, InputError> {
    load_with(paths, &LoadOptions::default())
}

/// Loads every page of `paths` (the bundled sample when empty).
pub fn load_with(paths: &[PathBuf], options: &LoadOptions) -> Result<Vec<Document>, InputError> {
    let forced = options.forced_encoding()?;
    if paths.is_empty() {
        return Ok(vec![sample()]);
    }
    let pages = discover(paths)?;
    let running = running::scan(&pages, forced);
    pages
        .iter()
        .map(|page| {
            document_from_vec_in(
                &page.name(),
                read_bytes(page)?,
                forced,
                running.for_page(page),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_never_reaches_the_document() {
        let doc = document_from_bytes(
            "x.md",
            "## 标题\x1b]0;pwned\x07\n\n正文\x1b[2J。\r\n".as_bytes(),
            None,
        )
        .unwrap();
        assert!(!doc.text.chars().any(sanitize::needs_replacing));
        assert!(doc.text.contains("␛]0;pwned␇"));
        assert!(doc.warnings.iter().any(|w| w.contains("control character")));
    }

    #[test]
    fn empty_and_blank_pages_open_flagged() {
        for bytes in [&b""[..], b"  \n\t\r\n   \n"] {
            let doc = document_from_bytes("e.md", bytes, None).unwrap();
            assert!(is_empty_page(&doc));
            assert!(doc.warnings.iter().any(|w| w == EMPTY_PAGE_WARNING));
        }
        assert!(!is_empty_page(&sample()));
    }

    #[test]
    fn unknown_encoding_is_an_error() {
        let options = LoadOptions {
            encoding: Some("klingon".into()),
        };
        let err = load_with(&[], &options).unwrap_err();
        assert!(err.to_string().contains("klingon"));
    }

    #[test]
    fn not_a_page_names_the_path() {
        let err = document_from_bytes("pic.md", b"\x89PNG\r\n\x1a\n", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "pic.md: not a text page (looks like a PNG image)"
        );
    }
}
