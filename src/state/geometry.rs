//! Where each part of the screen goes, as plain numbers.
//!
//! Both the drawing code and the mouse handling in `update` need to know where the
//! section list and the article pane are; computing it in one pure function keeps a
//! click and the picture it lands on in agreement.

/// A rectangle of terminal cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    /// Whether the cell at (column, row) lies inside.
    pub fn contains(&self, column: u16, row: u16) -> bool {
        column >= self.x
            && row >= self.y
            && u32::from(column) < u32::from(self.x) + u32::from(self.width)
            && u32::from(row) < u32::from(self.y) + u32::from(self.height)
    }
}

/// Below this many columns the list no longer fits beside the text: it becomes an
/// overlay shown while it has focus.
pub const NARROW_BELOW: u16 = 60;
/// The widest text column; wider panes centre it (long lines of hanzi tire the eye).
pub const MAX_TEXT_WIDTH: u16 = 80;
/// The widest the list grows by itself (`>` widens it further).
pub const MAX_DEFAULT_LIST_WIDTH: u16 = 80;
/// Narrowest section list the `<` key allows.
pub const MIN_LIST_WIDTH: u16 = 12;
/// Smallest screen on which the reader draws itself rather than a short notice.
pub const MIN_SCREEN: (u16, u16) = (10, 3);

/// What decides the geometry besides the screen size.
#[derive(Debug, Clone, Copy)]
pub struct GeometryInput {
    pub width: u16,
    pub height: u16,
    pub list_visible: bool,
    /// Columns the user chose with `<`/`>`; `None` picks a share of the screen.
    pub list_width: Option<u16>,
    pub list_focused: bool,
}

/// The screen, cut into its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    /// The section list, if shown (including its right border column).
    pub list: Option<Area>,
    /// True when the list is drawn over the pane rather than beside it.
    pub list_overlay: bool,
    /// The article pane.
    pub pane: Area,
    /// The text column inside the pane (what the layout width is).
    pub text: Area,
    /// The status line.
    pub status: Area,
    /// The screen is too small to read; draw a notice instead.
    pub too_small: bool,
}

/// Cuts the screen up.
pub fn compute(input: &GeometryInput) -> Geometry {
    let (width, height) = (input.width, input.height);
    let too_small = width < MIN_SCREEN.0 || height < MIN_SCREEN.1;
    let body_height = height.saturating_sub(1);
    let status = Area {
        x: 0,
        y: body_height,
        width,
        height: height.min(1),
    };
    let narrow = width < NARROW_BELOW;
    let (list, pane, list_overlay) = if narrow {
        let list = (input.list_focused && !too_small).then_some(Area {
            x: 0,
            y: 0,
            width,
            height: body_height,
        });
        let pane = Area {
            x: 0,
            y: 0,
            width,
            height: body_height,
        };
        (list, pane, true)
    } else if input.list_visible {
        // By default the list takes under a third of the screen, so at 80 columns the
        // text column keeps more than fifty; on wide screens it takes what the text
        // column (at most MAX_TEXT_WIDTH) leaves, so no blank band stands beside it.
        let default = (width * 3 / 10)
            .max(width.saturating_sub(MAX_TEXT_WIDTH + 8))
            .clamp(MIN_LIST_WIDTH, MAX_DEFAULT_LIST_WIDTH);
        let list_width = input
            .list_width
            .unwrap_or(default)
            .clamp(MIN_LIST_WIDTH, width / 2);
        let list = Area {
            x: 0,
            y: 0,
            width: list_width,
            height: body_height,
        };
        let pane = Area {
            x: list_width,
            y: 0,
            width: width - list_width,
            height: body_height,
        };
        (Some(list), pane, false)
    } else {
        let pane = Area {
            x: 0,
            y: 0,
            width,
            height: body_height,
        };
        (None, pane, false)
    };
    Geometry {
        list,
        list_overlay,
        pane,
        text: text_area(pane),
        status,
        too_small,
    }
}

/// The text column: a one-cell margin each side, at most [`MAX_TEXT_WIDTH`], centred.
fn text_area(pane: Area) -> Area {
    let margin = if pane.width >= 20 { 2 } else { 0 };
    let width = pane.width.saturating_sub(margin).clamp(1, MAX_TEXT_WIDTH);
    let x = pane.x + pane.width.saturating_sub(width) / 2;
    Area {
        x,
        y: pane.y,
        width,
        height: pane.height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(width: u16, height: u16) -> GeometryInput {
        GeometryInput {
            width,
            height,
            list_visible: true,
            list_width: Some(30),
            list_focused: false,
        }
    }

    #[test]
    fn wide_screens_put_the_list_beside_a_centred_text_column() {
        let g = compute(&input(200, 60));
        assert_eq!(g.list.map(|l| l.width), Some(30));
        assert_eq!(g.text.width, MAX_TEXT_WIDTH);
        assert!(g.text.x > g.pane.x);
        assert_eq!(g.status.y, 59);
    }

    #[test]
    fn the_list_grows_with_the_screen_within_limits() {
        let width = |w| {
            compute(&GeometryInput {
                list_width: None,
                ..input(w, 40)
            })
            .list
            .map_or(0, |l| l.width)
        };
        assert_eq!(width(80), 24);
        assert_eq!(width(120), 36);
        assert_eq!(width(200), MAX_DEFAULT_LIST_WIDTH);
        assert!(width(160) > 36 && width(160) < width(200));
    }

    #[test]
    fn narrow_screens_show_the_list_only_as_a_focused_overlay() {
        let g = compute(&input(40, 20));
        assert!(g.list.is_none());
        let g = compute(&GeometryInput {
            list_focused: true,
            ..input(40, 20)
        });
        assert!(g.list_overlay && g.list.is_some());
    }

    #[test]
    fn every_size_down_to_one_cell_is_handled() {
        for w in 0..70 {
            for h in 0..6 {
                let g = compute(&input(w, h));
                assert!(g.pane.width <= w);
                assert!(g.too_small || g.text.width >= 1);
            }
        }
    }
}
