//! From paths to safe text: reading files, directories and standard input, decoding
//! bytes, and refusing what is not a page.
//!
//! (Skeleton: UTF-8 only; detection of other encodings and binary refusal to come.)

use std::path::{Path, PathBuf};

use crate::document::{self, Document};

/// The page bundled into the binary, shown when kanbao starts without arguments.
pub const SAMPLE: &str = include_str!("../assets/sample.md");
/// The name the bundled page is shown under.
pub const SAMPLE_NAME: &str = "sample.md (bundled)";

/// Why an input could not be opened. Each message names the path.
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
}

/// Bytes read from one input, with the name to show for it.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Reads every path (files, directories, `-` for stdin) into sources, in order.
pub fn read_sources(paths: &[PathBuf]) -> Result<Vec<Source>, InputError> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map_err(|source| {
                InputError::Io {
                    path: "-".into(),
                    source,
                }
            })?;
            out.push(Source {
                name: "-".into(),
                bytes,
            });
        } else {
            out.push(read_file(path)?);
        }
    }
    Ok(out)
}

fn read_file(path: &Path) -> Result<Source, InputError> {
    let bytes = std::fs::read(path).map_err(|source| InputError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(Source {
        name: path.display().to_string(),
        bytes,
    })
}

/// Decodes and parses sources into documents.
pub fn load(paths: &[PathBuf]) -> Result<Vec<Document>, InputError> {
    if paths.is_empty() {
        return Ok(vec![document::parse(SAMPLE_NAME, SAMPLE)]);
    }
    let sources = read_sources(paths)?;
    Ok(sources
        .iter()
        .map(|s| document::parse(&s.name, &String::from_utf8_lossy(&s.bytes)))
        .collect())
}
