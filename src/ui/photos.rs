//! Draws decoded photos over their rows of the article pane, with ratatui-image.
//!
//! The layout gave each decoded photo real rows ([`LineRole::Photo`]) above its
//! placeholder line; the article view leaves them blank and this draws the image into
//! them: with the kitty, iTerm2 or sixel graphics protocol when the terminal says it
//! has one, with half-blocks (`▀` in two colours, two pixels a cell) anywhere else. A
//! photo scrolled half off the pane is drawn sliced, its visible rows only.
//!
//! The protocol is chosen from the environment alone ([`detect`]), never by asking the
//! terminal: a query waits for an answer that a terminal (or a pipe, or a multiplexer)
//! may never send, and its reply would race the input thread for the same bytes. A
//! terminal that names itself (`TERM=xterm-kitty`, `TERM_PROGRAM=iTerm.app`, `WezTerm`,
//! foot) gets its protocol; everything else, and anything inside tmux or screen, gets
//! half-blocks, which every colour terminal draws. `KANBAO_IMAGES=halfblocks|kitty|
//! iterm2|sixel` overrides the guess.

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::widgets::Widget;
use ratatui_image::FontSize;
use ratatui_image::picker::{Picker, ProtocolType};
use ratatui_image::sliced::{SignedPosition, SlicedImage, SlicedProtocol};

use crate::layout::LineRole;
use crate::layout::photo::fit;
use crate::photo::PhotoKey;
use crate::state::AppState;

/// How photos reach the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    Halfblocks,
    Kitty,
    Iterm2,
    Sixel,
}

impl Protocol {
    /// Its name, as `KANBAO_IMAGES` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Halfblocks => "halfblocks",
            Self::Kitty => "kitty",
            Self::Iterm2 => "iterm2",
            Self::Sixel => "sixel",
        }
    }
}

/// The protocol the terminal described by `var` (an environment lookup) can draw.
pub fn detect(var: &dyn Fn(&str) -> Option<String>) -> Protocol {
    let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
    if let Some(forced) = var("KANBAO_IMAGES") {
        match forced.trim().to_ascii_lowercase().as_str() {
            "kitty" => return Protocol::Kitty,
            "iterm2" => return Protocol::Iterm2,
            "sixel" => return Protocol::Sixel,
            "halfblocks" => return Protocol::Halfblocks,
            _ => {}
        }
    }
    let term = var("TERM").unwrap_or_default();
    let program = var("TERM_PROGRAM").unwrap_or_default();
    // Graphics through a multiplexer need its pass-through configured: not a guess to
    // make for the user.
    if set("TMUX") || term.starts_with("tmux") || term.starts_with("screen") {
        return Protocol::Halfblocks;
    }
    if term == "xterm-kitty" || term == "xterm-ghostty" || set("KITTY_WINDOW_ID") {
        return Protocol::Kitty;
    }
    if program == "iTerm.app" || program == "WezTerm" || set("WEZTERM_EXECUTABLE") {
        return Protocol::Iterm2;
    }
    if term.starts_with("foot") || term == "mlterm" {
        return Protocol::Sixel;
    }
    Protocol::Halfblocks
}

/// A decoded photo ready for the terminal at one size.
struct Prepared {
    key: PhotoKey,
    size: (u16, u16),
    protocol: Rc<SlicedProtocol>,
}

thread_local! {
    /// The protocol and cell size photos are drawn with on this thread (set once by
    /// `main`/`app`; half-blocks at 10×20 px cells by default, as in tests).
    static PICKER: RefCell<(Protocol, (u16, u16))> =
        const { RefCell::new((Protocol::Halfblocks, (10, 20))) };
    /// The last few photos encoded for the terminal, so that a redraw does not encode
    /// them again (most recent first).
    static PREPARED: RefCell<Vec<Prepared>> = const { RefCell::new(Vec::new()) };
}

/// Draws photos on this thread with `protocol` and cells of `cell` pixels.
pub fn set_active(protocol: Protocol, cell: (u16, u16)) {
    PICKER.with(|p| *p.borrow_mut() = (protocol, cell));
    PREPARED.with(|p| p.borrow_mut().clear());
}

fn picker() -> Picker {
    let (protocol, cell) = PICKER.with(|p| *p.borrow());
    // `from_fontsize` is deprecated in favour of querying the terminal, which is what
    // this module avoids (see the module comment); it only reads the environment.
    #[allow(deprecated)]
    let mut picker = Picker::from_fontsize(FontSize::new(cell.0.max(1), cell.1.max(1)));
    picker.set_protocol_type(match protocol {
        Protocol::Halfblocks => ProtocolType::Halfblocks,
        Protocol::Kitty => ProtocolType::Kitty,
        Protocol::Iterm2 => ProtocolType::Iterm2,
        Protocol::Sixel => ProtocolType::Sixel,
    });
    picker
}

/// The encoded photo of `key` at `size` (columns, rows), from the cache or made now.
fn prepared(state: &AppState, key: PhotoKey, size: (u16, u16)) -> Option<Rc<SlicedProtocol>> {
    let hit = PREPARED.with(|p| {
        let mut p = p.borrow_mut();
        let at = p.iter().position(|e| e.key == key && e.size == size)?;
        let entry = p.remove(at);
        let protocol = Rc::clone(&entry.protocol);
        p.insert(0, entry);
        Some(protocol)
    });
    if hit.is_some() {
        return hit;
    }
    let image = state.photos.image(key)?;
    let protocol = SlicedProtocol::new_with_resize(
        &picker(),
        (**image).clone(),
        Size::new(size.0, size.1),
        ratatui_image::Resize::Fit(None),
    )
    .ok()?;
    let protocol = Rc::new(protocol);
    PREPARED.with(|p| {
        let mut p = p.borrow_mut();
        p.insert(
            0,
            Prepared {
                key,
                size,
                protocol: Rc::clone(&protocol),
            },
        );
        p.truncate(crate::state::photos::KEEP);
    });
    Some(protocol)
}

/// A photo's rows on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhotoRun {
    pub key: PhotoKey,
    /// The first pane row of the run.
    pub y: u16,
    /// Rows of the photo on screen.
    pub len: u16,
    pub indent: u16,
    /// The whole photo's size (columns, rows).
    pub size: (u16, u16),
}

/// The photos on screen: where each run of photo rows is and what it shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PhotoRows {
    pub runs: Vec<PhotoRun>,
}

impl PhotoRows {
    /// The runs of photo rows at the state's reading position.
    pub fn from_state(state: &AppState) -> Self {
        let g = state.geometry();
        let Some(room) = state.photos.room(g.text.width, g.text.height) else {
            return Self::default();
        };
        let mut runs: Vec<PhotoRun> = Vec::new();
        for (y, (doc, line)) in state.reader.visible(g.text.height).into_iter().enumerate() {
            if line.role != LineRole::Photo {
                continue;
            }
            let key = (doc, line.range.start);
            let y = y as u16;
            match runs.last_mut() {
                Some(run) if run.key == key && run.y + run.len == y => run.len += 1,
                _ => {
                    let Some(pixels) = state.reader.photo_pixels(key) else {
                        continue;
                    };
                    let Some(size) = fit(pixels, &room) else {
                        continue;
                    };
                    runs.push(PhotoRun {
                        key,
                        y,
                        len: 1,
                        indent: line.indent,
                        size: (size.cols, size.rows),
                    });
                }
            }
        }
        Self { runs }
    }

    /// Draws each run's photo into `area` (the article pane), on `state`'s images.
    pub fn draw(&self, state: &AppState, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        for &PhotoRun {
            key,
            y,
            len,
            indent,
            size,
        } in &self.runs
        {
            let Some(protocol) = prepared(state, key, size) else {
                continue;
            };
            // A run cut by the top of the pane shows the photo's lower rows.
            let top = if y == 0 && len < size.1 {
                -i32::from(size.1 - len)
            } else {
                i32::from(y)
            };
            let position = SignedPosition {
                x: i16::try_from(indent).unwrap_or(0),
                y: i16::try_from(top).unwrap_or(0),
            };
            SlicedImage::new(&protocol, position).render(area, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn terminals_that_name_themselves_get_their_protocol() {
        let cases = [
            (vec![("TERM", "xterm-kitty")], Protocol::Kitty),
            (
                vec![("TERM", "xterm-256color"), ("KITTY_WINDOW_ID", "1")],
                Protocol::Kitty,
            ),
            (vec![("TERM_PROGRAM", "iTerm.app")], Protocol::Iterm2),
            (vec![("TERM_PROGRAM", "WezTerm")], Protocol::Iterm2),
            (vec![("TERM", "foot")], Protocol::Sixel),
            (vec![("TERM", "xterm-256color")], Protocol::Halfblocks),
            (vec![], Protocol::Halfblocks),
            // Inside tmux the outer terminal's protocol is not trusted.
            (
                vec![("TERM", "xterm-kitty"), ("TMUX", "/tmp/t,1,0")],
                Protocol::Halfblocks,
            ),
            (vec![("TERM", "screen-256color")], Protocol::Halfblocks),
            // The override wins; nonsense in it is ignored.
            (
                vec![("TERM", "xterm-kitty"), ("KANBAO_IMAGES", "halfblocks")],
                Protocol::Halfblocks,
            ),
            (vec![("KANBAO_IMAGES", "Sixel")], Protocol::Sixel),
            (vec![("KANBAO_IMAGES", "yes")], Protocol::Halfblocks),
        ];
        for (pairs, want) in cases {
            assert_eq!(detect(&env(&pairs)), want, "{pairs:?}");
        }
    }
}
