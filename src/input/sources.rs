//! Which pages to open, in which order, and reading their bytes.
//!
//! Discovery is separate from reading so that a reader opening a year of pages can
//! list them at once and read/parse them lazily or in the background.
//!
//! A directory contributes its `.md`, `.markdown` and `.txt` files (subdirectories
//! included, symlinked directories not followed and each directory searched once, so a
//! loop cannot hang us) in natural order: runs of digits compare as numbers, so `第2版`
//! comes before `第10版` and `page2.md` before `page10.md`.
//!
//! A subdirectory that cannot be read (`lost+found` to a normal user) or lies deeper
//! than [`MAX_DEPTH`] levels is skipped and named in [`Discovery::skipped`]; only a
//! path the user gave that cannot be read is an error.

use std::cmp::Ordering;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::InputError;

/// The largest file kanbao opens: 512 MiB. Bigger inputs are almost certainly not a
/// newspaper page, and the whole text is kept in memory.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// How deep directory discovery descends (year/month/day archives need three); a
/// directory below this is named in [`Discovery::skipped`], not searched.
pub const MAX_DEPTH: usize = 64;

/// The pages found under some paths, and what could not be searched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discovery {
    pub pages: Vec<PageSource>,
    /// One line per directory or entry skipped, naming it and saying why.
    pub skipped: Vec<String>,
}

/// One page to open: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageSource {
    File(PathBuf),
    Stdin,
}

impl PageSource {
    /// The name shown for it (the path as given, or `-`).
    pub fn name(&self) -> String {
        match self {
            Self::File(path) => safe_name(path),
            Self::Stdin => String::from("-"),
        }
    }
}

/// Expands paths (files, directories, `-`) into the pages to open, in order; what was
/// skipped inside directories is dropped (see [`discover_all`] to report it).
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PageSource>, InputError> {
    discover_all(paths).map(|d| d.pages)
}

/// Expands paths (files, directories, `-`) into the pages to open, in order, with what
/// inside the directories could not be searched. A missing or unreadable path given
/// by the user is an error naming it, as is a directory without a readable page.
pub fn discover_all(paths: &[PathBuf]) -> Result<Discovery, InputError> {
    let mut out = Discovery::default();
    for path in paths {
        if path.as_os_str() == "-" {
            out.pages.push(PageSource::Stdin);
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|source| io_error(path, source))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            let skipped_before = out.skipped.len();
            walk(path, &mut files, &mut out.skipped, None)?;
            if files.is_empty() {
                return Err(nothing_found(path, &out.skipped[skipped_before..]));
            }
            sort_naturally(&mut files);
            out.pages.extend(files.into_iter().map(PageSource::File));
        } else {
            out.pages.push(PageSource::File(path.clone()));
        }
    }
    Ok(out)
}

/// The error for a directory without a page, with what was skipped in it.
fn nothing_found(path: &Path, skipped: &[String]) -> InputError {
    match skipped.first() {
        Some(first) => InputError::NothingReadable {
            path: safe_name(path),
            skipped: skipped.len(),
            first: first.clone(),
        },
        None => InputError::EmptyDirectory {
            path: safe_name(path),
        },
    }
}

/// A directory a walk listed and its modification time (nanoseconds since the epoch),
/// taken before it was read: while it is the same, the directory holds the same names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirStamp {
    pub dir: PathBuf,
    pub mtime: u128,
}

/// The modification time of `path` in nanoseconds since the epoch, if it has one.
pub fn mtime_of(path: &Path) -> Option<u128> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(
        modified
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos(),
    )
}

/// [`discover_all`] of one directory, with the stamp of every directory it listed
/// (for [`super::listing`]); the same pages in the same order, the same errors.
pub fn discover_stamped(root: &Path) -> Result<(Discovery, Vec<DirStamp>), InputError> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let mut stamps = Vec::new();
    walk(root, &mut files, &mut skipped, Some(&mut stamps))?;
    if files.is_empty() {
        return Err(nothing_found(root, &skipped));
    }
    sort_naturally(&mut files);
    let pages = files.into_iter().map(PageSource::File).collect();
    Ok((Discovery { pages, skipped }, stamps))
}

/// Collects the pages under `root` without recursion (a deep tree cannot exhaust the
/// stack), and the stamp of each directory read when `stamps` is given. Only `root`
/// itself failing to open is an error.
fn walk(
    root: &Path,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<String>,
    mut stamps: Option<&mut Vec<DirStamp>>,
) -> Result<(), InputError> {
    let mut seen = Visited::default();
    let mut stack = vec![(root.to_path_buf(), 0usize)];
    while let Some((dir, depth)) = stack.pop() {
        if !seen.first_visit(&dir) {
            skipped.push(format!(
                "{}: searched already (a directory loop)",
                safe_name(&dir)
            ));
            continue;
        }
        // Stamped before reading: a change made while it is read moves the stamp.
        let mtime = stamps.as_ref().map(|_| mtime_of(&dir).unwrap_or(0));
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(source) if depth == 0 => return Err(io_error(&dir, source)),
            Err(source) => {
                skipped.push(format!("{}: {source}", safe_name(&dir)));
                continue;
            }
        };
        if let (Some(stamps), Some(mtime)) = (stamps.as_deref_mut(), mtime) {
            stamps.push(DirStamp {
                dir: dir.clone(),
                mtime,
            });
        }
        for entry in entries {
            let (path, file_type) = match entry.and_then(|e| Ok((e.path(), e.file_type()?))) {
                Ok(found) => found,
                Err(source) => {
                    skipped.push(format!("{}: {source}", safe_name(&dir)));
                    continue;
                }
            };
            if file_type.is_dir() {
                if depth < MAX_DEPTH {
                    stack.push((path, depth + 1));
                } else {
                    skipped.push(format!(
                        "{}: deeper than {MAX_DEPTH} levels, not searched",
                        safe_name(&path)
                    ));
                }
            } else if is_page_name(&path) && (file_type.is_file() || path.is_file()) {
                files.push(path);
            }
        }
    }
    Ok(())
}

/// The directories a walk has entered, by device and inode: symlinks are not followed,
/// but a bind mount can still lead back up the tree.
#[derive(Debug, Default)]
struct Visited {
    #[cfg(unix)]
    ids: std::collections::HashSet<(u64, u64)>,
}

impl Visited {
    /// False when `dir` was entered before.
    #[cfg(unix)]
    fn first_visit(&mut self, dir: &Path) -> bool {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(dir).map_or(true, |m| self.ids.insert((m.dev(), m.ino())))
    }

    #[cfg(not(unix))]
    fn first_visit(&mut self, _dir: &Path) -> bool {
        true
    }
}

/// `.md`, `.markdown` or `.txt`, in any case.
pub fn is_page_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["md", "markdown", "txt"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// Reads a page's bytes, refusing files over [`MAX_FILE_BYTES`].
pub fn read_bytes(page: &PageSource) -> Result<Vec<u8>, InputError> {
    match page {
        PageSource::Stdin => read_limited(std::io::stdin().lock(), Path::new("-"), 0),
        PageSource::File(path) => {
            let meta = std::fs::metadata(path).map_err(|source| io_error(path, source))?;
            if meta.is_dir() {
                return Err(InputError::NotAFile {
                    path: safe_name(path),
                });
            }
            if meta.len() > MAX_FILE_BYTES {
                return Err(too_large(path));
            }
            let file = std::fs::File::open(path).map_err(|source| io_error(path, source))?;
            // One byte more than the file holds, so that reading to its end needs no
            // second allocation.
            read_limited(file, path, meta.len() + 1)
        }
    }
}

/// Reads at most one byte past the limit, so a growing file or a pipe cannot make us
/// swallow more than that.
/// `capacity` is the size expected (a file's length): a 100 MB file is then read into
/// one allocation instead of a doubling series of them, each copied into the next.
fn read_limited(reader: impl Read, path: &Path, capacity: u64) -> Result<Vec<u8>, InputError> {
    let capacity = usize::try_from(capacity.min(MAX_FILE_BYTES + 1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| io_error(path, source))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path));
    }
    Ok(bytes)
}

/// A path as shown to the user: file names can hold control characters too
/// (`touch $'\e]0;x\a.md'`), newlines included, so every one is shown as a placeholder
/// and a message naming the file stays on one line.
pub fn safe_name(path: &Path) -> String {
    super::sanitize::one_line(&path.display().to_string()).into_owned()
}

fn io_error(path: &Path, source: std::io::Error) -> InputError {
    InputError::Io {
        path: safe_name(path),
        source,
    }
}

fn too_large(path: &Path) -> InputError {
    InputError::TooLarge {
        path: safe_name(path),
    }
}

/// Sorts paths in natural order ([`natural_cmp_paths`]), each path turned into text
/// once rather than at every comparison (50,000 names are compared ~800,000 times).
fn sort_naturally(files: &mut Vec<PathBuf>) {
    let mut keyed: Vec<(String, PathBuf)> = files
        .drain(..)
        .map(|p| (p.to_string_lossy().into_owned(), p))
        .collect();
    keyed.sort_by(|a, b| natural_cmp(&a.0, &b.0));
    files.extend(keyed.into_iter().map(|(_, p)| p));
}

/// Natural order of two paths, component by component.
pub fn natural_cmp_paths(a: &Path, b: &Path) -> Ordering {
    let a = a.to_string_lossy();
    let b = b.to_string_lossy();
    natural_cmp(&a, &b)
}

/// Compares strings with runs of ASCII digits taken as numbers (`第2版` < `第10版`).
/// Equal numbers with different zero padding fall back to plain order, so the result
/// is a total order consistent with equality.
pub fn natural_cmp(left: &str, right: &str) -> Ordering {
    // Sorting a directory compares long shared prefixes (`2020-01-0…`) thousands of
    // times: skip the bytes both share, back to the start of any digit run they end in.
    let mut from = left
        .bytes()
        .zip(right.bytes())
        .take_while(|(l, r)| l == r)
        .count();
    while !left.is_char_boundary(from) {
        from -= 1;
    }
    while from > 0
        && left
            .as_bytes()
            .get(from - 1)
            .is_some_and(u8::is_ascii_digit)
    {
        from -= 1;
    }
    natural_cmp_from(left, right, from)
}

/// [`natural_cmp`] of two strings whose first `from` bytes are equal and do not end
/// inside a digit run.
fn natural_cmp_from(left: &str, right: &str, from: usize) -> Ordering {
    let (Some(mut lhs), Some(mut rhs)) = (left.get(from..), right.get(from..)) else {
        return left.cmp(right);
    };
    loop {
        match (lhs.chars().next(), rhs.chars().next()) {
            (None, None) => return left.cmp(right),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(l), Some(r)) if l.is_ascii_digit() && r.is_ascii_digit() => {
                let (num_l, rest_l) = split_digits(lhs);
                let (num_r, rest_r) = split_digits(rhs);
                let order = cmp_digit_runs(num_l, num_r);
                if order != Ordering::Equal {
                    return order;
                }
                (lhs, rhs) = (rest_l, rest_r);
            }
            (Some(l), Some(r)) => {
                if l != r {
                    return l.cmp(&r);
                }
                (lhs, rhs) = (&lhs[l.len_utf8()..], &rhs[r.len_utf8()..]);
            }
        }
    }
}

fn split_digits(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

/// Compares digit runs by value without parsing (runs may be longer than any integer).
fn cmp_digit_runs(n: &str, m: &str) -> Ordering {
    let n = n.trim_start_matches('0');
    let m = m.trim_start_matches('0');
    n.len().cmp(&m.len()).then_with(|| n.cmp(m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn digit_runs_compare_as_numbers() {
        let mut names = vec![
            "第10版.md",
            "第2版.md",
            "page10.md",
            "page2.md",
            "第1版.md",
            "2020-10-20_第03版.md",
            "2020-10-9_第12版.md",
        ];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            names,
            [
                "2020-10-9_第12版.md",
                "2020-10-20_第03版.md",
                "page2.md",
                "page10.md",
                "第1版.md",
                "第2版.md",
                "第10版.md",
            ]
        );
    }

    #[test]
    fn huge_digit_runs_do_not_overflow() {
        let a = "p99999999999999999999999999.md";
        let b = "p100000000000000000000000000.md";
        assert_eq!(natural_cmp(a, b), Ordering::Less);
        assert_eq!(natural_cmp("p01", "p1"), "p01".cmp("p1"));
    }

    #[test]
    fn page_names() {
        assert!(is_page_name(Path::new("a/第3版.MD")));
        assert!(is_page_name(Path::new("x.markdown")));
        assert!(is_page_name(Path::new("x.txt")));
        assert!(!is_page_name(Path::new("x.png")));
        assert!(!is_page_name(Path::new("md")));
    }

    proptest! {
        #[test]
        fn skipping_the_shared_prefix_changes_nothing(a in "[a第版0-9]{0,8}", b in "[a第版0-9]{0,8}") {
            prop_assert_eq!(natural_cmp(&a, &b), natural_cmp_from(&a, &b, 0));
        }

        #[test]
        fn natural_order_is_a_total_order(a in "[a第版0-9]{0,6}", b in "[a第版0-9]{0,6}", c in "[a第版0-9]{0,6}") {
            prop_assert_eq!(natural_cmp(&a, &b), natural_cmp(&b, &a).reverse());
            prop_assert_eq!(natural_cmp(&a, &b) == Ordering::Equal, a == b);
            if natural_cmp(&a, &b).is_le() && natural_cmp(&b, &c).is_le() {
                prop_assert!(natural_cmp(&a, &c).is_le());
            }
        }
    }
}
