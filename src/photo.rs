//! Finding and decoding the photo files of image blocks, off the UI thread.
//!
//! Converters write a page's photos next to it (`images/3f2a…e1.jpg`, `imgs/x.jpg`) and
//! link them relative to the page: [`resolve`] joins the link to the page's directory
//! and keeps it only when a regular file is there (a URL is never fetched; a link that
//! climbs out of the directory is followed as long as the file exists, since a page's
//! own links are no attack and archives share image folders). [`decode`] reads PNG and
//! JPEG under [`image::Limits`], so a header claiming 100 000 × 100 000 pixels is
//! refused before anything is allocated, and downscales at once to the most pixels the
//! pane can show: a decoded photo costs at most a pane's worth of memory.
//!
//! [`PhotoWorker`] runs both on its own thread, newest request first, and hands each
//! result back as a [`Decoded`] (the event loop turns it into an action), so the first
//! frame never waits for a photo.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use image::DynamicImage;

/// Where a photo belongs: (document index, byte where its image block starts).
pub type PhotoKey = (usize, usize);

/// Pixels a photo may have before it is refused unread (either side).
pub const MAX_SIDE: u32 = 20_000;
/// Bytes the decoder may allocate for one photo.
pub const MAX_ALLOC: u64 = 256 * 1024 * 1024;

/// A photo to find and decode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoRequest {
    pub key: PhotoKey,
    /// The page's path as opened (`Document::source`).
    pub page: String,
    /// The image's link as the page wrote it.
    pub src: String,
    /// Downscale to fit in this many pixels (width, height).
    pub max: (u32, u32),
}

/// A decoded photo, or why there is none (no file, not an image, too big).
#[derive(Debug, Clone)]
pub struct Decoded {
    pub key: PhotoKey,
    pub image: Result<Arc<DynamicImage>, String>,
}

/// The same answer: the same photo (one decoding, shared) or the same error.
impl PartialEq for Decoded {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
            && match (&self.image, &other.image) {
                (Ok(a), Ok(b)) => Arc::ptr_eq(a, b),
                (Err(a), Err(b)) => a == b,
                _ => false,
            }
    }
}

impl Eq for Decoded {}

/// The file an image link of the page at `page` points to, when it is a regular file.
/// `None` for URLs (`http://…`, `data:…`), pages read from standard input, and links to
/// nothing, a directory, or something unreadable.
pub fn resolve(page: &str, src: &str) -> Option<PathBuf> {
    let src = src.trim();
    // `![](a.jpg "title")` and `![](<a b.jpg>)`.
    let src = match src.strip_prefix('<') {
        Some(rest) => rest.split('>').next().unwrap_or(rest),
        None => src.split_whitespace().next().unwrap_or(src),
    };
    let src = src.split(['?', '#']).next().unwrap_or(src);
    if src.is_empty() || src.contains("://") || src.starts_with("data:") || src.starts_with("//") {
        return None;
    }
    if page == "-" {
        return None;
    }
    let page = Path::new(page);
    if !page.is_file() {
        return None;
    }
    let src = Path::new(src);
    let path = if src.is_absolute() {
        src.to_path_buf()
    } else {
        page.parent().unwrap_or(Path::new("")).join(src)
    };
    path.is_file().then_some(path)
}

/// Decodes the photo at `path` and downscales it to fit in `max` pixels.
pub fn decode(path: &Path, max: (u32, u32)) -> Result<DynamicImage, String> {
    let mut reader = image::ImageReader::open(path)
        .map_err(|e| e.to_string())?
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| e.to_string())?;
    let (w, h) = (image.width(), image.height());
    if w == 0 || h == 0 {
        return Err("empty image".into());
    }
    let (mw, mh) = (max.0.max(1), max.1.max(1));
    Ok(if w > mw || h > mh {
        image.thumbnail(mw, mh)
    } else {
        image
    })
}

/// Finds and decodes one request.
pub fn load(request: &PhotoRequest) -> Decoded {
    let image = match resolve(&request.page, &request.src) {
        Some(path) => decode(&path, request.max).map(Arc::new),
        None => Err(format!("no file for {}", request.src)),
    };
    Decoded {
        key: request.key,
        image,
    }
}

/// The background decoder: one thread, a queue served newest first (the photo on
/// screen now before the ones scrolled past).
pub struct PhotoWorker {
    queue: Arc<Mutex<Vec<PhotoRequest>>>,
    wake: mpsc::Sender<()>,
}

impl PhotoWorker {
    /// Starts the thread; `sink` gets each result and returns false to stop it.
    pub fn spawn(sink: impl Fn(Decoded) -> bool + Send + 'static) -> Self {
        let queue: Arc<Mutex<Vec<PhotoRequest>>> = Arc::default();
        let (wake, woken) = mpsc::channel::<()>();
        let shared = Arc::clone(&queue);
        // Without a thread, requests pile up unanswered and photos stay placeholders.
        let _ = std::thread::Builder::new()
            .name("kanbao-photos".into())
            .spawn(move || {
                while woken.recv().is_ok() {
                    loop {
                        let next = shared.lock().ok().and_then(|mut q| q.pop());
                        let Some(request) = next else { break };
                        if !sink(load(&request)) {
                            return;
                        }
                    }
                }
            });
        Self { queue, wake }
    }

    /// Queues `requests` (the last one is decoded first).
    pub fn request(&self, requests: Vec<PhotoRequest>) {
        if requests.is_empty() {
            return;
        }
        if let Ok(mut q) = self.queue.lock() {
            q.extend(requests);
        }
        let _ = self.wake.send(());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("kanbao-photo-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("imgs")).unwrap();
        std::fs::write(d.join("page.md"), "![](imgs/a.png)\n").unwrap();
        d
    }

    fn png(path: &Path, w: u32, h: u32) {
        image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x * 7) as u8, (y * 5) as u8, 90]))
            .save(path)
            .unwrap();
    }

    #[test]
    fn links_are_resolved_against_the_page_directory() {
        let d = dir("resolve");
        png(&d.join("imgs/a.png"), 4, 4);
        png(&d.join("b.png"), 4, 4);
        let page = d.join("page.md");
        let page = page.to_str().unwrap();
        for src in [
            "imgs/a.png",
            "./imgs/a.png",
            " imgs/a.png \"说明\"",
            "<imgs/a.png>",
        ] {
            assert_eq!(resolve(page, src), Some(d.join("imgs/a.png")), "{src}");
        }
        // Climbing out is followed when the file is there, refused when it is not.
        std::fs::create_dir_all(d.join("sub")).unwrap();
        let inner = d.join("sub/p.md");
        std::fs::write(&inner, "").unwrap();
        assert!(resolve(inner.to_str().unwrap(), "../b.png").is_some());
        assert_eq!(resolve(inner.to_str().unwrap(), "../../nowhere.png"), None);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn urls_missing_files_directories_and_stdin_resolve_to_nothing() {
        let d = dir("nothing");
        std::fs::create_dir_all(d.join("imgs/x.jpg")).unwrap();
        png(&d.join("imgs/a.png"), 4, 4);
        let page = d.join("page.md");
        let page = page.to_str().unwrap();
        for src in [
            "https://example.com/imgs/a.png",
            "//cdn/imgs/a.png",
            "data:image/png;base64,AAAA",
            "imgs/missing.png",
            "imgs/x.jpg",
            "",
        ] {
            assert_eq!(resolve(page, src), None, "{src}");
        }
        assert_eq!(resolve("-", "imgs/a.png"), None);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn decoding_downscales_to_the_pane() {
        let d = dir("scale");
        let path = d.join("imgs/a.png");
        png(&path, 300, 100);
        let image = decode(&path, (60, 60)).unwrap();
        assert_eq!((image.width(), image.height()), (60, 20));
        let small = decode(&path, (1000, 1000)).unwrap();
        assert_eq!((small.width(), small.height()), (300, 100));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn hostile_files_are_refused_without_a_panic() {
        let d = dir("hostile");
        // A zero-byte photo.
        std::fs::write(d.join("imgs/empty.jpg"), b"").unwrap();
        assert!(decode(&d.join("imgs/empty.jpg"), (100, 100)).is_err());
        // Text named .jpg.
        std::fs::write(d.join("imgs/text.jpg"), "不是图片").unwrap();
        assert!(decode(&d.join("imgs/text.jpg"), (100, 100)).is_err());
        // A PNG header claiming 100 000 × 100 000 pixels (a decompression bomb): refused
        // by the limits before its pixels are allocated.
        let bomb = d.join("imgs/bomb.png");
        std::fs::write(&bomb, bomb_png(100_000, 100_000)).unwrap();
        let err = decode(&bomb, (100, 100)).unwrap_err();
        assert!(err.to_lowercase().contains("limit"), "{err}");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn the_worker_answers_every_request() {
        let d = dir("worker");
        png(&d.join("imgs/a.png"), 8, 8);
        let page = d.join("page.md").to_str().unwrap().to_string();
        let (tx, rx) = mpsc::channel();
        let worker = PhotoWorker::spawn(move |decoded| tx.send(decoded).is_ok());
        let request = |n: usize, src: &str| PhotoRequest {
            key: (0, n),
            page: page.clone(),
            src: src.into(),
            max: (100, 100),
        };
        worker.request(vec![request(1, "imgs/a.png"), request(2, "imgs/none.png")]);
        let mut got: Vec<(PhotoKey, bool)> = (0..2)
            .map(|_| rx.recv().unwrap())
            .map(|d| (d.key, d.image.is_ok()))
            .collect();
        got.sort_unstable();
        assert_eq!(got, [((0, 1), true), ((0, 2), false)]);
        let _ = std::fs::remove_dir_all(&d);
    }

    /// A PNG signature and an IHDR chunk for a `w`×`h` image, and no pixels.
    pub(crate) fn bomb_png(w: u32, h: u32) -> Vec<u8> {
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&w.to_be_bytes());
        ihdr.extend_from_slice(&h.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        out.extend_from_slice(&13u32.to_be_bytes());
        let mut chunk = b"IHDR".to_vec();
        chunk.extend_from_slice(&ihdr);
        out.extend_from_slice(&chunk);
        out.extend_from_slice(&crc32fast::hash(&chunk).to_be_bytes());
        out
    }
}
