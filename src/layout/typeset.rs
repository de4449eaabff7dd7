//! Newspaper typography: where each kind of text sits on the line.
//!
//! Every role gets a [`Placement`] (alignment, first and following indents, a marker);
//! [`set`] runs one piece of text through the pipeline (measure → breaks → wrap) and
//! turns the wrapped lines into [`VisualLine`]s. Indents are only blank columns, so the
//! UI draws `indent` blanks, the marker, then the text of `range`. At tiny widths the
//! indent shrinks before any line could overflow.

use std::ops::Range;

use super::breaks::{self, Break};
use super::width::{Cluster, ClusterKind, Measure};
use super::words;
use super::wrap::{self, Item, Widths};
use super::{LayoutOptions, LineRole, VisualLine};

/// Horizontal alignment of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// How a piece of text is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub align: Align,
    /// Blank columns before the first line (left alignment).
    pub first_indent: u16,
    /// Blank columns before the following lines (left alignment).
    pub rest_indent: u16,
    /// Drawn in the first line's indent area.
    pub marker: Option<&'static str>,
}

impl Placement {
    pub const CENTER: Self = Self::aligned(Align::Center);
    pub const RIGHT: Self = Self::aligned(Align::Right);

    const fn aligned(align: Align) -> Self {
        Self {
            align,
            first_indent: 0,
            rest_indent: 0,
            marker: None,
        }
    }

    /// Left-aligned with the given indents.
    pub const fn left(first_indent: u16, rest_indent: u16) -> Self {
        Self {
            align: Align::Left,
            first_indent,
            rest_indent,
            marker: None,
        }
    }
}

/// Which text is being set, and where the lines go.
pub struct Piece<'a> {
    pub text: &'a str,
    /// Byte range of the piece in [`crate::document::Document::text`].
    pub range: Range<usize>,
    pub role: LineRole,
    pub article: usize,
    pub block: Option<usize>,
}

/// An indent that leaves at least half the line (and two columns) for text.
fn shrink(indent: u16, width: u16) -> u16 {
    indent.min(width.saturating_sub(2) / 2)
}

/// Sets `piece` with `placement` at `opts.width`, appending its lines to `out`.
pub fn set(piece: &Piece, placement: &Placement, opts: &LayoutOptions, out: &mut Vec<VisualLine>) {
    let width = opts.width.max(1);
    let (first, rest) = match placement.align {
        Align::Left => (
            shrink(placement.first_indent, width),
            shrink(placement.rest_indent, width),
        ),
        Align::Center | Align::Right => (0, 0),
    };
    let widths = Widths {
        first: width - first,
        rest: width - rest,
    };
    let marker = placement.marker.filter(|m| {
        let measure = Measure::default();
        measure.width(m) <= usize::from(first)
    });
    let lines = if placement.align == Align::Center {
        balanced(piece.text, width, opts)
    } else if piece.role == LineRole::Paragraph {
        wrap_paragraph(piece.text, widths, opts)
    } else {
        wrap_text(piece.text, widths, opts)
    };
    for (index, (range, line_width)) in lines.into_iter().enumerate() {
        let indent = match placement.align {
            Align::Left if index == 0 => first,
            Align::Left => rest,
            Align::Center => width.saturating_sub(line_width) / 2,
            Align::Right => width.saturating_sub(line_width),
        };
        out.push(VisualLine {
            role: piece.role,
            article: piece.article,
            block: piece.block,
            range: piece.range.start + range.start..piece.range.start + range.end,
            indent,
            marker: if index == 0 { marker } else { None },
            width: line_width,
            segments: Vec::new(),
        });
    }
}

/// Longest text worth balancing; longer centred text is wrapped greedily.
const BALANCE_LIMIT: usize = 1024;

/// Centred text (headlines) wrapped into as few lines as greedy wrapping needs, but
/// with lines of even length: the narrowest width that still needs no more lines.
/// `平城区全力打造现代服务业高质量发展新引擎` at 17 columns becomes 7 + 7 + 6
/// characters rather than 8 + 8 + 4.
///
/// Lines break between words ([`words`](super::words)); inside a word only when the
/// word is longer than the line.
fn balanced(text: &str, width: u16, opts: &LayoutOptions) -> Vec<(Range<usize>, u16)> {
    let starts = if text.len() <= BALANCE_LIMIT {
        words::starts(text, opts.words)
    } else {
        Vec::new()
    };
    balanced_words(text, width, opts, &starts)
}

/// Centred text set as [`set`] sets it, with the word starts given (byte offsets):
/// the lines' ranges in `text` and their widths.
pub fn balanced_words(
    text: &str,
    width: u16,
    opts: &LayoutOptions,
    starts: &[usize],
) -> Vec<(Range<usize>, u16)> {
    let starts = (!starts.is_empty()).then_some(starts);
    let at = |w: u16| wrap_words(text, Widths::same(w), opts, starts, false);
    let greedy = at(width);
    if greedy.len() < 2 || text.len() > BALANCE_LIMIT {
        return greedy;
    }
    let (mut low, mut high) = (1, width);
    while low < high {
        let mid = low + (high - low) / 2;
        if at(mid).len() <= greedy.len() {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    let even = at(low);
    if even.len() <= greedy.len() {
        even
    } else {
        greedy
    }
}

/// The pipeline for one piece of text: byte ranges (relative to `text`) and widths of
/// its lines.
pub fn wrap_text(text: &str, widths: Widths, opts: &LayoutOptions) -> Vec<(Range<usize>, u16)> {
    wrap_words(text, widths, opts, None, false)
}

/// Columns `text` takes on one line as drawn with `opts`.
pub fn text_width(text: &str, opts: &LayoutOptions) -> usize {
    let measure = Measure {
        ambiguous_wide: opts.ambiguous_wide,
    };
    if !opts.fullwidth_punct {
        return measure.width(text);
    }
    let mut clusters = measure.clusters(text);
    super::punct::widen(text, &mut clusters);
    clusters.iter().map(|c| usize::from(c.width)).sum()
}

/// [`wrap_text`] for a paragraph: its last line never holds a lone character and its
/// punctuation ([`wrap::no_widow`]).
pub fn wrap_paragraph(
    text: &str,
    widths: Widths,
    opts: &LayoutOptions,
) -> Vec<(Range<usize>, u16)> {
    wrap_words(text, widths, opts, None, true)
}

/// [`wrap_text`], breaking only where a word starts (`starts`, byte offsets) unless a
/// word is longer than the line.
fn wrap_words(
    text: &str,
    widths: Widths,
    opts: &LayoutOptions,
    starts: Option<&[usize]>,
    widowless: bool,
) -> Vec<(Range<usize>, u16)> {
    let measure = Measure {
        ambiguous_wide: opts.ambiguous_wide,
    };
    let mut clusters = measure.clusters(text);
    if opts.fullwidth_punct {
        super::punct::widen(text, &mut clusters);
    }
    let simple = clusters.iter().all(|c| c.kind != ClusterKind::Newline)
        && wrap::fits_one_line(clusters.iter().map(|c| c.width), widths.first).is_some();
    let mut classes = if simple {
        vec![Break::Inside; clusters.len()]
    } else {
        breaks::opportunities(text, &clusters)
    };
    if let (Some(starts), false) = (starts, simple) {
        // A break inside a word becomes a last resort, like one inside a Latin word.
        let mut next = starts.iter().peekable();
        for (cluster, class) in clusters.iter().zip(classes.iter_mut()) {
            while next.next_if(|&&s| s < cluster.start()).is_some() {}
            if *class == Break::Allowed && next.peek() != Some(&&cluster.start()) {
                *class = Break::Inside;
            }
        }
    }
    let items: Vec<Item> = clusters
        .iter()
        .zip(&classes)
        .map(|(c, before)| Item {
            width: c.width,
            before: *before,
            space: c.kind != ClusterKind::Text,
        })
        .collect();
    let offset = |index: usize| clusters.get(index).map_or(text.len(), Cluster::start);
    let mut lines = wrap::wrap(&items, widths);
    if widowless {
        wrap::no_widow(&items, &mut lines, widths);
    }
    lines
        .into_iter()
        .map(|line| (offset(line.start)..offset(line.end), line.width))
        .collect()
}
