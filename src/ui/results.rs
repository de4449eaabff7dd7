//! The results list: every match with its article's headline and a line of context,
//! drawn over the reader; and the hit count badge of the section list.
//!
//! Only the matches that fit are built, from the state's offset, so the overlay of a
//! search with 100,000 hits costs what one screen of them costs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use crate::analysis::search::context;
use crate::state::search::results_capacity;
use crate::state::{AppState, HighlightKind};

use super::{fit, sanitize, theme};

/// One match in the list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResultRow {
    /// `3/24`.
    pub number: String,
    /// The article's headline (or its opening words).
    pub headline: String,
    pub before: String,
    pub hit: String,
    pub after: String,
    pub selected: bool,
}

/// The overlay: a title and the rows on screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResultsOverlay {
    pub title: String,
    pub rows: Vec<ResultRow>,
    /// Matches lie above / below the rows shown (the border says `↑ more`/`↓ more`).
    pub more: (bool, bool),
}

impl ResultsOverlay {
    /// The overlay of `state`, if open.
    pub fn from_state(state: &AppState) -> Option<Self> {
        let list = state.search.results?;
        let active = state.search.active.as_ref()?;
        let total = active.matches.len();
        // Enough context for the line: half the width on each side, hanzi being wide.
        let chars = usize::from(state.size.0 / 4).max(4);
        let capacity = results_capacity(state);
        // After a resize the selection may lie below the old page: show it.
        let offset = list
            .offset
            .max((list.selected + 1).saturating_sub(capacity))
            .min(list.selected);
        let rows = active
            .matches
            .iter()
            .enumerate()
            .skip(offset)
            .take(capacity)
            .filter_map(|(i, (d, m))| {
                let doc = state.docs.get(*d)?;
                let headline = doc
                    .articles
                    .get(m.article)
                    .and_then(|a| doc.field(a.title.as_ref()))
                    .map_or_else(|| doc.article_label(m.article), str::to_string);
                let snippet = context(doc, m, chars);
                let page = if state.docs.len() > 1 {
                    format!("{} · ", doc.source)
                } else {
                    String::new()
                };
                Some(ResultRow {
                    number: format!("{}/{total}", i + 1),
                    headline: format!("{page}{}", headline.replace('\n', " ")),
                    before: snippet.before,
                    hit: snippet.hit,
                    after: snippet.after,
                    selected: i == list.selected,
                })
            })
            .collect();
        Some(Self {
            title: format!(
                " {total} matches for {} · j/k Space b g G Enter Esc ",
                active.text.trim()
            ),
            more: (offset > 0, offset + capacity < total),
            rows,
        })
    }
}

impl Widget for ResultsOverlay {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.width < 4 || area.height < 3 {
            return;
        }
        Clear.render(area, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme::border())
            .title(fit(&sanitize(&self.title), usize::from(area.width - 2)));
        let inner = block.inner(area);
        block.render(area, buf);
        super::help::more_signs(buf, inner, self.more.0, self.more.1);
        let width = usize::from(inner.width);
        let mut y = inner.y;
        for row in self.rows {
            if y + 1 >= inner.bottom() {
                break;
            }
            let head_style = if row.selected {
                theme::selected().add_modifier(Modifier::BOLD)
            } else {
                Style::default().add_modifier(Modifier::BOLD)
            };
            if row.selected {
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme::selected());
            }
            let (x, _) = buf.set_stringn(inner.x, y, &row.number, width, theme::entry_dim());
            let rest = usize::from(inner.right().saturating_sub(x + 1));
            let headline = fit(&sanitize(&row.headline), rest);
            buf.set_stringn(x + 1, y, &headline, rest, head_style);
            draw_context(buf, Rect::new(inner.x, y + 1, inner.width, 1), &row);
            y += 2;
        }
    }
}

/// The context line: before, the hit in the match style, after; cut to the width.
fn draw_context(buf: &mut Buffer, area: Rect, row: &ResultRow) {
    let mut x = area.x.saturating_add(2);
    let pieces = [
        (sanitize(&row.before), Style::default()),
        (
            sanitize(&row.hit),
            theme::highlight(if row.selected {
                HighlightKind::CurrentMatch
            } else {
                HighlightKind::SearchMatch
            }),
        ),
        (sanitize(&row.after), Style::default()),
    ];
    for (text, style) in pieces {
        if x >= area.right() {
            break;
        }
        let room = usize::from(area.right() - x);
        let shown = if text.width() > room {
            fit(&text, room)
        } else {
            text.into_owned()
        };
        let (next, _) = buf.set_stringn(x, area.y, &shown, room, style);
        x = next;
    }
}

/// The section list's badge for an article with hits: ` 3 ` in the match colours.
pub fn hit_badge(state: &AppState, doc: usize, article: usize) -> Option<(String, Style)> {
    let hits = state.search.hits_in(doc, article);
    (hits > 0).then(|| (format!("{hits}"), theme::hit_count()))
}
