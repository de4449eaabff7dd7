//! The results list: every match with its article's headline and a line of context,
//! drawn over the reader; and the hit count badge of the section list.
//!
//! Only the matches that fit are built, from the state's offset, so the overlay of a
//! search with 100,000 hits costs what one screen of them costs. Dated pages get a
//! date heading row where the day changes (`state::search::date_heading`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use crate::analysis::search::context;
use crate::i18n;
use crate::state::search::{Day, date_heading, results_capacity, rows_between};
use crate::state::{AppState, HighlightKind};

use super::{fit, sanitize, theme};

/// One row of the list: an article's headline (once per run of its hits), or a hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResultRow {
    /// The day of the pages whose hits follow (`2020年5月6日 · 第2版`), or that they
    /// are undated; never selected.
    Date(String),
    /// The article the hits below are in.
    Headline {
        /// The article's headline (or its opening words).
        headline: String,
        /// The page's file name, when several pages are open.
        page: String,
        /// Hits in the article (among those shown).
        hits: usize,
    },
    /// One hit: its number and a line of context.
    Hit {
        /// `3/24`.
        number: String,
        before: String,
        hit: String,
        after: String,
        selected: bool,
    },
}

/// The overlay: a title, the rows on screen and the filter line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResultsOverlay {
    pub title: String,
    pub rows: Vec<ResultRow>,
    /// Matches lie above / below the rows shown (the border says `↑ more`/`↓ more`).
    pub more: (bool, bool),
    /// `filter: 大同▏ (12 of 24)`, while a filter is typed or kept.
    pub filter: Option<String>,
}

impl ResultsOverlay {
    /// The overlay of `state`, if open.
    pub fn from_state(state: &AppState) -> Option<Self> {
        let list = state.search.results.as_ref()?;
        let active = state.search.active.as_ref()?;
        let total = active.matches.len();
        let shown = list.len(total);
        // Enough context for the line: half the width on each side, hanzi being wide.
        let chars = usize::from(state.size.0 / 4).max(4);
        let capacity = results_capacity(state);
        let several = state.docs.len() > 1;
        // After a resize the selection may lie below the old page: show it.
        let mut offset = list.offset.min(list.selected);
        while offset < list.selected && rows_between(state, list, offset, list.selected) > capacity
        {
            offset += 1;
        }
        let group = |pos: usize| {
            active
                .matches
                .get(list.match_at(pos))
                .map(|(d, m)| (*d, m.article))
        };
        let mut rows = Vec::new();
        let mut pos = offset;
        while pos < shown && rows.len() < capacity {
            let Some((d, m)) = active.matches.get(list.match_at(pos)) else {
                break;
            };
            let Some(doc) = state.docs.get(*d) else {
                break;
            };
            let heading = date_heading(state, list, pos, offset);
            if pos == offset || group(pos) != group(pos - 1) {
                // A heading and a headline need a hit row under them.
                if rows.len() + 1 + usize::from(heading.is_some()) >= capacity {
                    break;
                }
                if let Some(day) = heading {
                    rows.push(ResultRow::Date(day_label(day)));
                }
                let headline = doc
                    .articles
                    .get(m.article)
                    .and_then(|a| doc.field(a.title.as_ref()))
                    .map_or_else(|| doc.article_label(m.article), str::to_string);
                rows.push(ResultRow::Headline {
                    headline: headline.replace('\n', " "),
                    page: if several {
                        i18n::page_name(doc.short_name()).to_string()
                    } else {
                        String::new()
                    },
                    hits: run_length(pos, shown, &group),
                });
            }
            let snippet = context(doc, m, chars);
            rows.push(ResultRow::Hit {
                number: format!("{}/{shown}", pos + 1),
                before: snippet.before,
                hit: snippet.hit,
                after: snippet.after,
                selected: pos == list.selected,
            });
            pos += 1;
        }
        let filter = (list.filtering || !list.filter.text().is_empty()).then(|| {
            let cursor = if list.filtering { "▏" } else { "" };
            i18n::results_filter(list.filter.text(), cursor, shown, total)
        });
        let keys = if list.filtering {
            i18n::RESULTS_FILTER_KEYS.get()
        } else {
            i18n::RESULTS_KEYS.get()
        };
        Some(Self {
            title: i18n::results_title(total, active.articles, active.text.trim(), keys),
            more: (offset > 0, pos < shown),
            rows,
            filter,
        })
    }
}

/// A date heading's text in the language in force.
fn day_label(day: Day) -> String {
    day.map_or_else(
        || i18n::RESULTS_UNDATED.get().to_string(),
        |(date, edition)| i18n::results_day(date, edition),
    )
}

/// How many hits at positions around `pos` share its article: the run it belongs to,
/// found by binary search both ways (hits come in reading order, so an article's hits
/// are one run), so a run of 100,000 hits costs a few dozen look-ups.
fn run_length(pos: usize, shown: usize, group: &dyn Fn(usize) -> Option<(usize, usize)>) -> usize {
    let g = group(pos);
    // The first position after the run: `group` is `g` up to it and not after.
    let (mut lo, mut hi) = (pos, shown);
    while lo + 1 < hi {
        let mid = lo + (hi - lo) / 2;
        if group(mid) == g {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let end = hi;
    // The first position of the run.
    let (mut lo, mut hi) = (0, pos);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if group(mid) == g {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    end - lo
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
        let mut inner = block.inner(area);
        block.render(area, buf);
        if let Some(filter) = &self.filter
            && inner.height > 1
        {
            let y = inner.bottom() - 1;
            let text = fit(&sanitize(filter), usize::from(inner.width));
            buf.set_stringn(
                inner.x,
                y,
                &text,
                usize::from(inner.width),
                theme::entry_page(),
            );
            inner.height -= 1;
        }
        super::help::more_signs(buf, inner, self.more.0, self.more.1);
        let width = usize::from(inner.width);
        for (row, y) in self.rows.iter().zip(inner.y..inner.bottom()) {
            match row {
                ResultRow::Date(label) => {
                    let text = fit(&sanitize(label), width);
                    let style = theme::entry_page().add_modifier(Modifier::BOLD);
                    buf.set_stringn(inner.x, y, &text, width, style);
                }
                ResultRow::Headline {
                    headline,
                    page,
                    hits,
                } => {
                    let count = format!(" ({hits})");
                    let tail = if page.is_empty() {
                        count
                    } else {
                        format!(" · {page}{count}")
                    };
                    let tail = sanitize(&tail).into_owned();
                    let room = width.saturating_sub(tail.width().min(width / 2));
                    let head = fit(&sanitize(headline), room);
                    let bold = Style::default().add_modifier(Modifier::BOLD);
                    let (x, _) = buf.set_stringn(inner.x, y, &head, room, bold);
                    let rest = usize::from(inner.right().saturating_sub(x));
                    buf.set_stringn(x, y, fit(&tail, rest), rest, theme::entry_dim());
                }
                ResultRow::Hit {
                    number, selected, ..
                } => {
                    if *selected {
                        buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme::selected());
                    }
                    let (x, _) = buf.set_stringn(inner.x + 1, y, number, width, theme::entry_dim());
                    let area = Rect::new(x, y, inner.right().saturating_sub(x), 1);
                    draw_context(buf, area, row);
                }
            }
        }
    }
}

/// The context line: before, the hit in the match style, after; cut to the width.
fn draw_context(buf: &mut Buffer, area: Rect, row: &ResultRow) {
    let ResultRow::Hit {
        before,
        hit,
        after,
        selected,
        ..
    } = row
    else {
        return;
    };
    let mut x = area.x.saturating_add(1);
    let pieces = [
        (sanitize(before), Style::default()),
        (
            sanitize(hit),
            theme::highlight(if *selected {
                HighlightKind::CurrentMatch
            } else {
                HighlightKind::SearchMatch
            }),
        ),
        (sanitize(after), Style::default()),
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
