//! How big a photo is drawn in the article pane, in terminal cells, and the rows it
//! takes in the layout.
//!
//! A photo is laid out as real rows ([`LineRole::Photo`](super::LineRole::Photo)) above
//! its one-line placeholder (`[img] caption`), so scrolling, search jumps and
//! `--dump text` see the same lines the screen draws. The layout only needs the
//! photo's size in cells; finding, decoding and drawing the file happen elsewhere
//! (`photo` and `ui`), and until a photo is decoded its block is the placeholder alone.
//!
//! The size: as wide as the photo's own pixels at the terminal's cell size, never wider
//! than the pane (less a margin of [`MARGIN`] columns each side), and never taller than
//! [`MAX_SHARE`] percent of the pane's height (at least [`MIN_ROWS`] rows), the width
//! shrunk to keep the aspect ratio when the height is capped.

/// Columns left free on each side of a photo.
pub const MARGIN: u16 = 2;
/// A photo takes at most this share (percent) of the pane's rows.
pub const MAX_SHARE: u16 = 40;
/// ...but may always take this many rows, so that a photo in a small pane is a photo.
pub const MIN_ROWS: u16 = 4;

/// A photo's place in cells: `rows` lines of the layout, `cols` columns wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PhotoSize {
    pub cols: u16,
    pub rows: u16,
}

/// The geometry a photo is fitted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhotoRoom {
    /// The pane's columns (the layout width).
    pub width: u16,
    /// The pane's rows.
    pub height: u16,
    /// A terminal cell's size in pixels (width, height); half-blocks assume 1:2.
    pub cell: (u16, u16),
}

impl PhotoRoom {
    /// The most rows a photo may take in this pane.
    pub fn max_rows(&self) -> u16 {
        let share = u32::from(self.height) * u32::from(MAX_SHARE) / 100;
        (share as u16).max(MIN_ROWS)
    }

    /// The most pixels worth decoding for this pane (width, height): a photo is never
    /// drawn bigger, so a decoder may downscale to this at once.
    pub fn max_pixels(&self) -> (u32, u32) {
        let (cw, ch) = (u32::from(self.cell.0.max(1)), u32::from(self.cell.1.max(1)));
        (
            u32::from(self.width.saturating_sub(2 * MARGIN).max(1)) * cw,
            u32::from(self.max_rows()) * ch,
        )
    }
}

/// The cells a photo of `pixels` (width, height) takes in `room`; `None` for an empty
/// image or a pane too narrow to show one.
pub fn fit(pixels: (u32, u32), room: &PhotoRoom) -> Option<PhotoSize> {
    let (pw, ph) = (u64::from(pixels.0), u64::from(pixels.1));
    let (cw, ch) = (u64::from(room.cell.0.max(1)), u64::from(room.cell.1.max(1)));
    let max_cols = u64::from(room.width.saturating_sub(2 * MARGIN));
    if pw == 0 || ph == 0 || max_cols < 4 {
        return None;
    }
    // The photo's own size in cells, at most the pane's width.
    let mut cols = pw.div_ceil(cw).clamp(1, max_cols);
    // Rows for that width at the photo's aspect ratio: cols·cw/pw pixels per pixel.
    let rows_for = |cols: u64| (cols * cw * ph).div_ceil(pw * ch).max(1);
    let mut rows = rows_for(cols);
    let max_rows = u64::from(room.max_rows());
    if rows > max_rows {
        rows = max_rows;
        cols = (rows * ch * pw / (ph * cw)).clamp(1, max_cols);
    }
    Some(PhotoSize {
        cols: cols as u16,
        rows: rows as u16,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOM: PhotoRoom = PhotoRoom {
        width: 80,
        height: 50,
        cell: (10, 20),
    };

    #[test]
    fn a_wide_photo_takes_the_pane_width_less_the_margins() {
        assert_eq!(
            fit((800, 300), &ROOM),
            Some(PhotoSize { cols: 76, rows: 15 })
        );
        // 1600×900 at 10×20 px cells: 76 columns would need 21.4 rows, over the cap of
        // 20; 20 rows of 20 px are 400 px high, so 711 px (71 columns) wide.
        assert_eq!(
            fit((1600, 900), &ROOM),
            Some(PhotoSize { cols: 71, rows: 20 })
        );
    }

    #[test]
    fn a_tall_photo_is_capped_at_forty_percent_of_the_pane() {
        let size = fit((600, 2000), &ROOM).unwrap();
        assert_eq!(size.rows, 20); // 40 % of 50
        // 20 rows = 400 px high → 120 px wide → 12 columns.
        assert_eq!(size.cols, 12);
    }

    #[test]
    fn a_small_photo_keeps_its_own_size() {
        // 120×60 px: 12 columns, 3 rows (not blown up to the pane).
        assert_eq!(fit((120, 60), &ROOM), Some(PhotoSize { cols: 12, rows: 3 }));
    }

    #[test]
    fn a_small_pane_still_gets_a_few_rows() {
        let room = PhotoRoom { height: 6, ..ROOM };
        assert_eq!(room.max_rows(), MIN_ROWS);
        assert_eq!(fit((1000, 1000), &room).unwrap().rows, MIN_ROWS);
    }

    #[test]
    fn nothing_to_draw_for_an_empty_image_or_a_narrow_pane() {
        assert_eq!(fit((0, 10), &ROOM), None);
        let narrow = PhotoRoom { width: 6, ..ROOM };
        assert_eq!(fit((100, 100), &narrow), None);
    }

    #[test]
    fn never_wider_than_the_pane_at_odd_widths() {
        for width in 8..=121 {
            for pixels in [(1, 1), (4000, 30), (30, 4000), (1919, 1081), (u32::MAX, 7)] {
                let room = PhotoRoom { width, ..ROOM };
                let size = fit(pixels, &room).unwrap();
                assert!(size.cols + 2 * MARGIN <= width, "{pixels:?} at {width}");
                assert!(size.rows >= 1 && size.rows <= room.max_rows());
            }
        }
    }

    #[test]
    fn decoding_never_needs_more_than_the_pane_holds() {
        assert_eq!(ROOM.max_pixels(), (760, 400));
    }
}
