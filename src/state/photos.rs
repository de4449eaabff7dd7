//! Which photos the reader has asked for, has, or gave up on, and the few decoded
//! ones it keeps.
//!
//! The article pane asks for the photos of the image blocks on screen (and a screen
//! below) with [`wanted`]; `app` hands the requests to `photo::PhotoWorker`, and each
//! answer comes back as [`Action::PhotoDecoded`](crate::action::Action::PhotoDecoded),
//! applied by [`apply`]: the photo's pixel size goes to the reader (its block gets photo
//! rows), the image into a small most-recently-used cache of [`KEEP`] photos. A photo
//! dropped from the cache keeps its rows; it is decoded again when it is back on
//! screen, so an archive of many photos holds only a few. A photo that could not be
//! found or decoded stays its one-line placeholder and is not asked for again.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use image::DynamicImage;

use crate::layout::LineRole;
use crate::layout::photo::PhotoRoom;
use crate::photo::{Decoded, PhotoKey, PhotoRequest};

use super::{AppState, Effect};

/// Decoded photos kept at once.
pub const KEEP: usize = 6;

/// Pixel size of a terminal cell when the terminal does not say (half-blocks' 1:2).
pub const DEFAULT_CELL: (u16, u16) = (10, 20);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Pending,
    Ready,
    Failed,
}

/// The photos' state.
#[derive(Debug, Clone)]
pub struct PhotoState {
    /// Photos are drawn (`--no-images` and `images = false` turn this off).
    pub enabled: bool,
    /// A terminal cell's size in pixels (width, height).
    pub cell: (u16, u16),
    status: HashMap<PhotoKey, Status>,
    /// Most recently shown first.
    images: VecDeque<(PhotoKey, Arc<DynamicImage>)>,
}

impl Default for PhotoState {
    fn default() -> Self {
        Self {
            enabled: false,
            cell: DEFAULT_CELL,
            status: HashMap::new(),
            images: VecDeque::new(),
        }
    }
}

impl PhotoState {
    /// Photos on, with cells of `cell` pixels.
    pub fn on(cell: (u16, u16)) -> Self {
        Self {
            enabled: true,
            cell: (cell.0.max(1), cell.1.max(1)),
            ..Self::default()
        }
    }

    /// The decoded photo of `key`, when it is in the cache.
    pub fn image(&self, key: PhotoKey) -> Option<&Arc<DynamicImage>> {
        self.images.iter().find(|(k, _)| *k == key).map(|(_, i)| i)
    }

    /// How many decoded photos are held (at most [`KEEP`]).
    pub fn held(&self) -> usize {
        self.images.len()
    }

    /// What the pane fits photos to, at the text area's size.
    pub fn room(&self, width: u16, height: u16) -> Option<PhotoRoom> {
        self.enabled.then_some(PhotoRoom {
            width,
            height,
            cell: self.cell,
        })
    }

    fn touch(&mut self, key: PhotoKey) {
        if let Some(at) = self.images.iter().position(|(k, _)| *k == key)
            && let Some(entry) = self.images.remove(at)
        {
            self.images.push_front(entry);
        }
    }

    fn keep(&mut self, key: PhotoKey, image: Arc<DynamicImage>) {
        self.images.retain(|(k, _)| *k != key);
        self.images.push_front((key, image));
        self.images.truncate(KEEP);
    }
}

/// The photos on screen and a screen below that are neither decoded, on their way,
/// nor known to be missing; they are marked as asked for.
pub fn wanted(state: &mut AppState) -> Vec<PhotoRequest> {
    if !state.photos.enabled {
        return Vec::new();
    }
    let g = state.geometry();
    let Some(room) = state.photos.room(g.text.width, g.text.height) else {
        return Vec::new();
    };
    let max = room.max_pixels();
    let mut keys: Vec<(PhotoKey, String, String)> = Vec::new();
    for (doc, line) in state.reader.visible(g.text.height.saturating_mul(2)) {
        if !matches!(line.role, LineRole::Image | LineRole::Photo) {
            continue;
        }
        let Some(d) = state.docs.get(doc) else {
            continue;
        };
        let Some(block) = line
            .block
            .and_then(|b| d.articles.get(line.article)?.blocks.get(b))
        else {
            continue;
        };
        let Some(src) = d.image_source(&block.span) else {
            continue;
        };
        let key = (doc, block.span.range.start);
        if keys.iter().all(|(k, _, _)| *k != key) {
            keys.push((key, d.source.clone(), src.to_string()));
        }
    }
    let mut out = Vec::new();
    // Nearest the top last: the worker decodes the last request first.
    for (key, page, src) in keys.into_iter().rev() {
        let status = state.photos.status.get(&key).copied();
        let cached = state.photos.image(key).is_some();
        if cached {
            state.photos.touch(key);
        }
        let ask = match status {
            None => true,
            Some(Status::Ready) => !cached,
            Some(Status::Pending | Status::Failed) => false,
        };
        if ask {
            state.photos.status.insert(key, Status::Pending);
            out.push(PhotoRequest {
                key,
                page,
                src,
                max,
            });
        }
    }
    out
}

/// A photo came back from the worker.
pub fn apply(state: &mut AppState, decoded: Decoded) -> Vec<Effect> {
    match decoded.image {
        Ok(image) if state.photos.enabled => {
            let pixels = (image.width(), image.height());
            state.photos.status.insert(decoded.key, Status::Ready);
            state.photos.keep(decoded.key, image);
            state.reader.add_photo(&state.docs, decoded.key, pixels);
            state.settle();
            vec![Effect::Redraw]
        }
        Ok(_) => Vec::new(),
        Err(_) => {
            state.photos.status.insert(decoded.key, Status::Failed);
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Action;
    use crate::layout::LayoutOptions;

    fn state_with_photo() -> AppState {
        let md = "# 标题\n\n正文第一段。\n\n![春耕](imgs/a.png)\n\n正文第二段。\n";
        let mut doc = crate::document::parse("/nonexistent/page.md", md);
        doc.source = "/nonexistent/page.md".into();
        let mut state = AppState::new(vec![doc], LayoutOptions::default(), 80, 40);
        state.photos = PhotoState::on((10, 20));
        state.settle();
        state
    }

    fn image(w: u32, h: u32) -> Arc<DynamicImage> {
        Arc::new(DynamicImage::new_rgb8(w, h))
    }

    fn rows(state: &AppState, role: LineRole) -> usize {
        state
            .reader
            .visible(200)
            .iter()
            .filter(|(_, l)| l.role == role)
            .count()
    }

    #[test]
    fn a_photo_on_screen_is_asked_for_once() {
        let mut state = state_with_photo();
        let asked = wanted(&mut state);
        assert_eq!(asked.len(), 1);
        assert_eq!(asked[0].src, "imgs/a.png");
        assert_eq!(asked[0].page, "/nonexistent/page.md");
        assert!(wanted(&mut state).is_empty(), "pending: not asked again");
    }

    #[test]
    fn a_decoded_photo_takes_rows_above_its_placeholder() {
        let mut state = state_with_photo();
        let key = wanted(&mut state)[0].key;
        assert_eq!(rows(&state, LineRole::Photo), 0);
        let effects = crate::state::update(
            &mut state,
            Action::PhotoDecoded(Decoded {
                key,
                image: Ok(image(400, 200)),
            }),
        );
        assert!(effects.contains(&Effect::Redraw));
        // 400×200 px at 10×20 px cells: 40 columns, 10 rows; the placeholder stays.
        assert_eq!(rows(&state, LineRole::Photo), 10);
        assert_eq!(rows(&state, LineRole::Image), 1);
        let photo = state.reader.visible(200);
        let first = photo
            .iter()
            .find(|(_, l)| l.role == LineRole::Photo)
            .unwrap();
        assert_eq!(first.1.width, 40);
    }

    #[test]
    fn a_missing_photo_stays_a_placeholder_and_is_not_asked_again() {
        let mut state = state_with_photo();
        let key = wanted(&mut state)[0].key;
        crate::state::update(
            &mut state,
            Action::PhotoDecoded(Decoded {
                key,
                image: Err("no file".into()),
            }),
        );
        assert_eq!(rows(&state, LineRole::Photo), 0);
        assert!(wanted(&mut state).is_empty());
    }

    #[test]
    fn photos_off_ask_for_nothing() {
        let mut state = state_with_photo();
        state.photos = PhotoState::default();
        assert!(wanted(&mut state).is_empty());
    }

    #[test]
    fn only_a_few_decoded_photos_are_held() {
        let mut photos = PhotoState::on((10, 20));
        for n in 0..20 {
            photos.keep((0, n), image(4, 4));
        }
        assert_eq!(photos.held(), KEEP);
        assert!(photos.image((0, 19)).is_some());
        assert!(photos.image((0, 0)).is_none());
    }
}
