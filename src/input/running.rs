//! The pre-pass that finds running headers and footers: before the pages of a
//! directory are parsed, the head and the tail of every page file are read (at most
//! [`EDGE_BYTES`] at each end, never the whole of a large page) and counted per
//! directory by [`document::running::Tally`]; each page is then parsed with the lines
//! that run across its directory ([`RunningHeaders::for_page`]).
//!
//! Memory holds the keys of a few lines per page, never a page. A page given alone, or
//! standard input, has no running lines: nothing changes for it.

use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use encoding_rs::Encoding;

use super::decode::decode;
use super::sources::PageSource;
use crate::document::running::{RunningLines, Tally};

/// Bytes read at each end of a page: a header or footer is a few short lines.
pub const EDGE_BYTES: u64 = 4096;

/// The running lines of each directory that has some.
#[derive(Debug, Clone, Default)]
pub struct RunningHeaders {
    by_dir: HashMap<PathBuf, Arc<RunningLines>>,
}

/// Lines that run across no pages: what a page without a directory is parsed with.
static NONE: std::sync::LazyLock<RunningLines> = std::sync::LazyLock::new(RunningLines::default);

impl RunningHeaders {
    /// Whether no directory has running lines.
    pub fn is_empty(&self) -> bool {
        self.by_dir.is_empty()
    }

    /// The running lines of the directory `page` is in (none for standard input).
    pub fn for_page(&self, page: &PageSource) -> &RunningLines {
        match page {
            PageSource::File(path) => path
                .parent()
                .and_then(|dir| self.by_dir.get(dir))
                .map_or(&NONE, |r| r),
            PageSource::Stdin => &NONE,
        }
    }

    /// The running lines of the directory of the page named `path`.
    pub fn for_path(&self, path: &Path) -> &RunningLines {
        path.parent()
            .and_then(|dir| self.by_dir.get(dir))
            .map_or(&NONE, |r| r)
    }

    /// Each directory with running lines, and its lines.
    pub fn dirs(&self) -> impl Iterator<Item = (&Path, &RunningLines)> {
        self.by_dir.iter().map(|(dir, r)| (dir.as_path(), &**r))
    }

    /// Running headers from directories and their lines (as [`RunningHeaders::dirs`]
    /// gave them).
    pub fn from_dirs(dirs: impl IntoIterator<Item = (PathBuf, RunningLines)>) -> Self {
        let by_dir = dirs
            .into_iter()
            .filter(|(_, r)| !r.is_empty())
            .map(|(dir, r)| (dir, Arc::new(r)))
            .collect();
        Self { by_dir }
    }
}

/// The most threads the pre-pass reads on (as many as the loader parses with).
const MAX_THREADS: usize = 4;

/// Pages read per thread at least before the pre-pass splits its work: a few small
/// directories are not worth a thread.
const PAGES_PER_THREAD: usize = 256;

/// Reads the ends of every page of `pages` and finds each directory's running lines.
/// A page that cannot be read is left out of the count (its parse reports it). A long
/// list is read on up to [`MAX_THREADS`] threads (each tallies a run
/// of the pages, the tallies are merged: the order pages are counted in changes
/// nothing).
pub fn scan(pages: &[PageSource], forced: Option<&'static Encoding>) -> RunningHeaders {
    let mut per_dir: HashMap<PathBuf, usize> = HashMap::new();
    for page in pages {
        if let PageSource::File(path) = page
            && let Some(dir) = path.parent()
        {
            *per_dir.entry(dir.to_path_buf()).or_default() += 1;
        }
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, MAX_THREADS)
        .min(pages.len() / PAGES_PER_THREAD)
        .max(1);
    let run = pages.len().div_ceil(threads).max(1);
    let per_dir = &per_dir;
    let parts: Vec<HashMap<PathBuf, Tally>> = std::thread::scope(|scope| {
        let handles: Vec<_> = pages
            .chunks(run)
            .map(|part| scope.spawn(move || tally(part, per_dir, forced)))
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let mut tallies: HashMap<PathBuf, Tally> = HashMap::new();
    for part in parts {
        for (dir, t) in part {
            match tallies.get_mut(&dir) {
                Some(mine) => mine.merge(t),
                None => {
                    tallies.insert(dir, t);
                }
            }
        }
    }
    let by_dir = tallies
        .into_iter()
        .map(|(dir, t)| (dir, t.finish()))
        .filter(|(_, r)| !r.is_empty())
        .map(|(dir, r)| (dir, Arc::new(r)))
        .collect();
    RunningHeaders { by_dir }
}

/// The tallies of the directories of `pages` (those of two pages or more in all).
fn tally(
    pages: &[PageSource],
    per_dir: &HashMap<PathBuf, usize>,
    forced: Option<&'static Encoding>,
) -> HashMap<PathBuf, Tally> {
    let mut tallies: HashMap<PathBuf, Tally> = HashMap::new();
    for page in pages {
        let PageSource::File(path) = page else {
            continue;
        };
        let Some(dir) = path.parent() else { continue };
        // A directory of one page has nothing to compare it with: not even read.
        if per_dir.get(dir).copied().unwrap_or(0) < 2 {
            continue;
        }
        if let Some((head, tail)) = ends(path, forced) {
            tallies
                .entry(dir.to_path_buf())
                .or_default()
                .add_page(&head, tail.as_deref().unwrap_or(&head));
        }
    }
    tallies
}

/// The head and the tail of a page as text (the tail `None` when the head holds the
/// whole page). A cut line at the inner edge of either part is dropped.
fn ends(path: &Path, forced: Option<&'static Encoding>) -> Option<(String, Option<String>)> {
    let mut file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let whole = len <= 2 * EDGE_BYTES;
    let mut head = Vec::new();
    file.by_ref()
        .take(if whole { len } else { EDGE_BYTES })
        .read_to_end(&mut head)
        .ok()?;
    if whole {
        return Some((decode(&head, forced).ok()?.text, None));
    }
    cut_after_last_newline(&mut head);
    let mut tail = Vec::new();
    file.seek(SeekFrom::Start(len - EDGE_BYTES)).ok()?;
    file.take(EDGE_BYTES).read_to_end(&mut tail).ok()?;
    // The first line of the tail is cut at its start; after a newline byte a GBK or
    // UTF-8 text is in step again.
    let from = tail.iter().position(|&b| b == b'\n').map_or(0, |p| p + 1);
    let head = decode(&head, forced).ok()?.text;
    let tail = decode(tail.get(from..).unwrap_or_default(), forced)
        .ok()?
        .text;
    Some((head, Some(tail)))
}

fn cut_after_last_newline(bytes: &mut Vec<u8>) {
    if let Some(p) = bytes.iter().rposition(|&b| b == b'\n') {
        bytes.truncate(p + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::running::End;

    /// A fresh directory under the system temp dir, removed when dropped.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> Self {
            let dir =
                std::env::temp_dir().join(format!("kanbao-running-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).expect("temp dir");
            Self(dir)
        }

        fn page(&self, name: &str, bytes: &[u8]) -> PageSource {
            let path = self.0.join(name);
            std::fs::write(&path, bytes).expect("write");
            PageSource::File(path)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn dir_with(name: &str, pages: &[(&str, String)]) -> (TempDir, Vec<PageSource>) {
        let dir = TempDir::new(name);
        let sources = pages
            .iter()
            .map(|(n, text)| dir.page(n, text.as_bytes()))
            .collect();
        (dir, sources)
    }

    #[test]
    fn headers_of_a_directory_are_found_from_the_ends_of_its_pages() {
        let long_body = "正文很长的一段话，写了很多内容。\n\n".repeat(400);
        let page = |n: usize| {
            format!(
                "2020年5月{n}日 第{n}版\n\n## 标题{n}\n\n{long_body}本版编辑：张三 校对：李{n}\n"
            )
        };
        let (_dir, sources) = dir_with(
            "ends",
            &[("1.md", page(1)), ("2.md", page(2)), ("3.md", page(3))],
        );
        let found = scan(&sources, None);
        let r = found.for_page(&sources[0]);
        assert!(r.contains(End::Head, "2020年6月9日 第9版"));
        assert!(r.contains(End::Tail, "本版编辑：张三 校对：李9"));
        assert!(found.for_page(&PageSource::Stdin).is_empty());
    }

    #[test]
    fn a_single_page_has_no_running_lines() {
        let (_dir, sources) = dir_with(
            "single",
            &[("1.md", "第2版\n\n## 标题\n\n正文。\n".to_string())],
        );
        assert!(scan(&sources, None).is_empty());
    }

    #[test]
    fn a_gbk_page_is_read_at_both_ends() {
        let long_body = "正文很长的一段话，写了很多内容。\n\n".repeat(400);
        let page = |n: usize| {
            let text = format!("第{n}版 要闻\n\n## 标题{n}\n\n{long_body}责编：王{n}\n");
            encoding_rs::GBK.encode(&text).0.into_owned()
        };
        let dir = TempDir::new("gbk");
        let sources: Vec<PageSource> = (1..=2)
            .map(|n| dir.page(&format!("{n}.md"), &page(n)))
            .collect();
        let found = scan(&sources, None);
        assert!(
            found
                .for_page(&sources[1])
                .contains(End::Head, "第7版 要闻")
        );
        assert!(found.for_page(&sources[1]).contains(End::Tail, "责编：王7"));
    }
}
