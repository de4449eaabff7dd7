//! Keywords on screen: the keyword line under each article's header, the keyword list
//! (`i`) and the names legend of the help overlay.
//!
//! The layout knows nothing of keywords, and inserting a row would shift every line the
//! reader counts. So the keyword line is drawn *in* the blank row the layout already
//! leaves between an article's header (kicker, headline, byline) and its body: no text
//! moves when keywords arrive, scrolling stays exact, and at any width the line is cut
//! with an ellipsis rather than wrapped.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::analysis::names::NameKind;
use crate::i18n;
use crate::layout::{LineRole, VisualLine};
use crate::state::AppState;
use crate::state::keywords::current_words;

use super::text_row::TextRow;
use super::{fit, sanitize, theme};

/// Whether line `index` of an article's layout is the blank row under its header.
fn is_header_row(lines: &[VisualLine], index: usize) -> bool {
    let header = |l: &VisualLine| {
        matches!(
            l.role,
            LineRole::Kicker | LineRole::Title | LineRole::Subtitle | LineRole::Byline
        ) && l.block.is_none()
    };
    index
        .checked_sub(1)
        .and_then(|prev| lines.get(prev))
        .is_some_and(header)
        && lines.get(index).is_some_and(|l| l.role == LineRole::Blank)
}

/// The rows of the pane (from the top) that are header rows, with their text.
pub fn header_rows(state: &AppState) -> Vec<(usize, String)> {
    if !state.keywords.enabled() {
        return Vec::new();
    }
    let height = usize::from(state.pane_height());
    let mut out = Vec::new();
    let (mut unit, mut line, mut row) = (state.reader.top.unit, state.reader.top.line, 0);
    while row < height {
        let (Some(u), Some(lines)) = (state.reader.units.get(unit), state.reader.cached(unit))
        else {
            break;
        };
        for index in line..lines.len() {
            if row >= height {
                break;
            }
            if is_header_row(lines, index)
                && let Some(text) = state.keywords.header_text(u.doc, u.article)
            {
                out.push((row, text));
            }
            row += 1;
        }
        unit += 1;
        line = 0;
    }
    out
}

/// Draws the keyword lines into `rows` (the article pane's rows, `width` columns).
pub fn overlay_header(state: &AppState, rows: &mut [TextRow], width: u16) {
    for (row, text) in header_rows(state) {
        if let Some(r) = rows.get_mut(row) {
            let text = fit(&sanitize(&text), usize::from(width));
            *r = TextRow {
                indent: 0,
                marker: None,
                pieces: vec![(text, theme::keyword_header())],
            };
        }
    }
}

/// The names legend for the help overlay: (sample, what it marks, style).
pub fn legend() -> Vec<(String, String, Style)> {
    [
        (NameKind::Person, "人名", "nr", i18n::PERSON),
        (NameKind::Place, "地名", "ns", i18n::PLACE),
        (NameKind::Organisation, "机构", "nt", i18n::ORGANISATION),
    ]
    .into_iter()
    .map(|(kind, sample, tag, label)| {
        (
            sample.to_string(),
            i18n::names_legend(label.get(), tag),
            theme::name(kind),
        )
    })
    .chain(std::iter::once((
        "关键词".to_string(),
        i18n::KEYWORD_LEGEND.get().to_string(),
        theme::highlight(crate::state::HighlightKind::Keyword),
    )))
    .collect()
}

/// The keyword list of the article being read (`i`): Enter searches for the selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeywordList {
    pub words: Vec<String>,
    pub selected: usize,
}

impl KeywordList {
    /// The open list, if any.
    pub fn from_state(state: &AppState) -> Option<Self> {
        let selected = state.keywords.picker?;
        Some(Self {
            words: current_words(state),
            selected,
        })
    }
}

impl Widget for KeywordList {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let title = i18n::KEYWORDS_TITLE.get();
        let longest = self.words.iter().map(|w| w.width()).max().unwrap_or(0);
        let want_w = (longest + 6).max(title.width() + 2) as u16;
        let width = want_w.min(area.width);
        let height = (self.words.len() as u16).saturating_add(2).min(area.height);
        if width < 4 || height < 3 {
            return;
        }
        let inner = super::centred_box(area, buf, (width, height), title);
        let rows = usize::from(inner.height);
        let skip = (self.selected + 1).saturating_sub(rows);
        for (i, (y, word)) in (inner.top()..inner.bottom())
            .zip(self.words.iter().skip(skip))
            .enumerate()
        {
            let style = if i + skip == self.selected {
                theme::selected()
            } else {
                Style::default()
            };
            let text = fit(&format!(" {} ", sanitize(word)), usize::from(inner.width));
            buf.set_stringn(inner.x, y, text, usize::from(inner.width), style);
        }
    }
}
