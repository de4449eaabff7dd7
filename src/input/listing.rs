//! A directory's list of pages, kept from one opening to the next, so that a reader
//! opening an archive of 50,000 pages does not list and sort 50,000 names (and read
//! both ends of each for the running headers) before its first frame.
//!
//! Whoever walks the whole directory anyway (the index's update, on a worker thread)
//! [`write`]s what it found: the pages in natural order, the running lines of each
//! directory, and the modification time of every directory it listed, taken before
//! that directory was read. The next opening [`read`]s it back and trusts it only
//! while every one of those directories still has the same modification time: adding,
//! removing or renaming a page (or a subdirectory) changes the time of the directory
//! it is in, so the list is then refused and the directory walked as before. The page
//! order is the walk's order, stored as it was.
//!
//! A directory changed within the same tick of the file system's clock as it was
//! stamped would keep its time: a list whose directories changed less than
//! [`SETTLED`] before the walk is not written at all (the next walk tries again).
//! A walk that skipped something (an unreadable subdirectory) is not written either,
//! nor names a line-based file cannot hold (a tab or a newline in a path).
//!
//! The running lines are the previous walk's, counted over all its pages: the loader
//! parses every page with them, without counting them again (on 50,000 pages a recount
//! held the second page back by seconds). A page edited in place since does not move
//! its directory's time, so it may be parsed with last time's lines once; the index's
//! update, which follows the opening, sees the changed page and keeps a new list.
//!
//! The file is a few lines of text per page (`p\t2020-01-01_第1版.md`), paths relative
//! to the root, written to a temporary file and renamed over the old one.

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::running::RunningHeaders;
use super::sources::{DirStamp, Discovery, PageSource, mtime_of};
use crate::document::running::{End, RunningLines};

/// The file's name (inside the archive's index directory).
pub const FILE: &str = "kanbao-listing.txt";

/// The first line: the format's version.
const HEADER: &str = "kanbao-listing 1";

/// How long a directory must have been left alone before its stamp is trusted.
pub const SETTLED: Duration = Duration::from_secs(2);

/// Where an archive's list is kept, and the archive's canonical root (recorded in
/// the file, so that another root's list is never taken).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: PathBuf,
    pub canonical: PathBuf,
}

/// A list read back: the pages as a walk of the root (as the user gave it) would
/// name them, in order, and the running lines found last time.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub pages: Vec<PageSource>,
    pub running: RunningHeaders,
}

/// The list kept at `place` for the directory `root`, if there is one and every
/// directory it lists still has the time it had.
pub fn read(place: &Place, root: &Path) -> Option<Listing> {
    let text = std::fs::read_to_string(&place.file).ok()?;
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    if lines.next()?.strip_prefix("root\t")? != place.canonical.to_str()? {
        return None;
    }
    let mut pages = Vec::new();
    let base = base_of(root);
    let mut running: HashMap<&str, Vec<(End, String)>> = HashMap::new();
    for line in lines {
        let (kind, rest) = line.split_once('\t')?;
        match kind {
            "d" => {
                let (mtime, dir) = rest.split_once('\t')?;
                let mtime: u128 = mtime.parse().ok()?;
                if mtime_of(&under(root, dir)) != Some(mtime) {
                    return None;
                }
            }
            "p" => pages.push(PageSource::File(joined(&base, rest))),
            "h" | "t" => {
                let (key, dir) = rest.split_once('\t')?;
                let end = if kind == "h" { End::Head } else { End::Tail };
                running.entry(dir).or_default().push((end, key.to_string()));
            }
            _ => return None,
        }
    }
    if pages.is_empty() {
        return None;
    }
    let running = RunningHeaders::from_dirs(
        running
            .into_iter()
            .map(|(dir, keys)| (parent_as_walked(root, dir), RunningLines::from_keys(keys))),
    );
    Some(Listing { pages, running })
}

/// Keeps `found` (a walk of `root` that started at `walked_at`, with the stamps of
/// the directories it read) and the `running` lines at `place`. Returns whether it
/// was written: a walk that skipped something, directories changed too recently to
/// trust their time, or names that do not fit the file leave no list (an old one is
/// removed, as it no longer says what is there).
///
/// # Errors
/// The file cannot be written.
pub fn write(
    place: &Place,
    root: &Path,
    found: &Discovery,
    stamps: &[DirStamp],
    running: &RunningHeaders,
    walked_at: SystemTime,
) -> io::Result<bool> {
    let Some(text) = render(place, root, found, stamps, running, walked_at) else {
        match std::fs::remove_file(&place.file) {
            Err(err) if err.kind() != io::ErrorKind::NotFound => return Err(err),
            _ => return Ok(false),
        }
    };
    // The reader's update and `kanbao index` may write it at once: each writes a
    // temporary file of its own, and one whole list wins.
    crate::persist::atomic::write(&place.file, text.as_bytes())?;
    Ok(true)
}

fn render(
    place: &Place,
    root: &Path,
    found: &Discovery,
    stamps: &[DirStamp],
    running: &RunningHeaders,
    walked_at: SystemTime,
) -> Option<String> {
    if !found.skipped.is_empty() || found.pages.is_empty() {
        return None;
    }
    let settled = walked_at
        .checked_sub(SETTLED)?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    let mut out = format!("{HEADER}\nroot\t{}\n", fits(place.canonical.to_str()?)?);
    for stamp in stamps {
        if stamp.mtime == 0 || stamp.mtime >= settled {
            return None;
        }
        let _ = writeln!(out, "d\t{}\t{}", stamp.mtime, relative(root, &stamp.dir)?);
    }
    for page in &found.pages {
        let PageSource::File(path) = page else {
            return None;
        };
        let _ = writeln!(out, "p\t{}", relative(root, path)?);
    }
    for (dir, lines) in running.dirs() {
        let dir = relative(root, dir)?;
        for (end, key) in lines.keys() {
            let kind = if end == End::Head { 'h' } else { 't' };
            let _ = writeln!(out, "{kind}\t{}\t{dir}", fits(key)?);
        }
    }
    Some(out)
}

/// `path` relative to `root` with `/` between components, if the file can hold it.
fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    fits(&parts?.join("/")).map(str::to_string)
}

/// `text` unless it holds a tab or a line break (the file's separators).
fn fits(text: &str) -> Option<&str> {
    (!text.contains(['\t', '\n', '\r'])).then_some(text)
}

/// `root` with a separator after it: a page's path is this and its relative path.
fn base_of(root: &Path) -> OsString {
    let mut base = root.as_os_str().to_owned();
    if !base.is_empty() && !base.as_encoded_bytes().ends_with(b"/") {
        base.push("/");
    }
    base
}

/// `base` (from [`base_of`]) followed by `rel`: [`under`] in one allocation, for the
/// thousands of pages of a list.
fn joined(base: &OsStr, rel: &str) -> PathBuf {
    let mut path = OsString::with_capacity(base.len() + rel.len());
    path.push(base);
    path.push(rel);
    PathBuf::from(path)
}

/// `rel` (with `/` between components) under `root`, as a walk of `root` names it.
fn under(root: &Path, rel: &str) -> PathBuf {
    let mut path = root.to_path_buf();
    path.extend(rel.split('/').filter(|c| !c.is_empty()));
    path
}

/// The directory `rel` as the parent of one of its pages (what the running lines
/// are looked up by): the root itself without a trailing separator.
fn parent_as_walked(root: &Path, rel: &str) -> PathBuf {
    let page = under(root, rel).join("x");
    page.parent()
        .map_or_else(|| root.to_path_buf(), Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_go_back_under_the_root_as_a_walk_names_them() {
        let root = Path::new("papers/");
        assert_eq!(
            relative(root, Path::new("papers/2020/1.md")).as_deref(),
            Some("2020/1.md")
        );
        assert_eq!(under(root, "2020/1.md"), Path::new("papers/2020/1.md"));
        for root in ["papers", "papers/", ".", "/srv/papers"] {
            let root = Path::new(root);
            let walked = root.join("2020").join("1.md");
            let ours = joined(&base_of(root), "2020/1.md");
            assert_eq!(ours, walked);
            assert_eq!(ours.display().to_string(), walked.display().to_string());
        }
        assert_eq!(parent_as_walked(root, ""), Path::new("papers"));
        assert_eq!(
            Path::new("papers/").join("1.md").parent(),
            Some(parent_as_walked(root, "").as_path())
        );
        assert_eq!(relative(root, Path::new("papers/a\tb.md")), None);
    }
}
