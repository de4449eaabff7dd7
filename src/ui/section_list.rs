//! The section list: pages, articles (kicker dimmed above the headline) and subheads.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::document::{Document, HeadField};
use crate::state::{AppState, EntryKind, Focus, sections};

use super::{fit, sanitize, theme};

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListRow {
    /// Columns before the text (subheads are nested).
    pub indent: u16,
    /// The text in pieces of one style each.
    pub pieces: Vec<(String, Style)>,
    /// The row belongs to the entry under the cursor while the list has focus.
    pub selected: bool,
    /// The row belongs to the entry being read.
    pub reading: bool,
}

/// The section list: the rows it shows, top to bottom.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SectionList {
    pub rows: Vec<ListRow>,
    /// Entries lie above the first row / below the last (`↑`/`↓` on the border).
    pub more: (bool, bool),
}

impl SectionList {
    /// The list as `state` shows it (only the entries that fit are built).
    pub fn from_state(state: &AppState) -> Self {
        let list = state.geometry().list;
        let height = list.map_or(0, |l| l.height);
        let mut rows = Vec::new();
        // Each article shows its number within its page: the number the status line
        // shows and `4G` goes to.
        let digits = sections::number_digits(&state.docs);
        let room = sections::text_room(list.map_or(0, |l| l.width), digits);
        let entries = state
            .list
            .entries
            .iter()
            .enumerate()
            .skip(state.list.offset);
        let mut below = state.loading.is_some();
        for (index, entry) in entries {
            if rows.len() >= usize::from(height) {
                below = true;
                break;
            }
            let selected = state.focus == Focus::List && index == state.list.selected;
            // The article being read is marked, and so is the subhead within it.
            let reading = state.list.reading == Some(index)
                || state
                    .shown
                    .is_some_and(|unit| entry.kind() == EntryKind::Article { unit });
            for (nth, mut row) in entry_rows(state, entry.kind(), room)
                .into_iter()
                .enumerate()
            {
                if !matches!(entry.kind(), EntryKind::Page { .. }) {
                    // The number stands at the margin; nesting follows it.
                    let nesting = " ".repeat(usize::from(row.indent));
                    let article = match entry.kind() {
                        EntryKind::Article { unit } => state.reader.units.get(unit),
                        _ => None,
                    };
                    let number = if nth == 0
                        && let Some(u) = article
                    {
                        format!("{:>digits$} {nesting}", u.article + 1)
                    } else {
                        " ".repeat(digits + 1) + &nesting
                    };
                    row.pieces.insert(0, (number, theme::entry_dim()));
                    row.indent = 0;
                }
                row.selected = selected;
                row.reading = reading;
                if reading {
                    for (_, style) in &mut row.pieces {
                        *style = style.patch(theme::reading());
                    }
                }
                rows.push(row);
            }
        }
        below |= rows.len() > usize::from(height);
        rows.truncate(usize::from(height));
        Self {
            rows,
            more: (state.list.offset > 0, below),
        }
    }
}

fn piece(text: &str, style: Style) -> (String, Style) {
    (sanitize(text).replace('\n', " "), style)
}

fn entry_rows(state: &AppState, kind: EntryKind, room: usize) -> Vec<ListRow> {
    let one = |indent, pieces| {
        vec![ListRow {
            indent,
            pieces,
            ..ListRow::default()
        }]
    };
    match kind {
        EntryKind::Page { doc } => {
            let Some(d) = state.docs.get(doc) else {
                return Vec::new();
            };
            // Date and edition first (`3. 2020年5月6日 第2版 · p3.md`): they tell the
            // pages of an archive apart; the file name, often made up, comes last.
            let dated = d.edition_lines().join(" ");
            let pieces = if dated.is_empty() {
                vec![piece(
                    &format!(
                        "{} {}",
                        crate::i18n::page_entry(doc + 1),
                        crate::i18n::page_name(d.short_name())
                    ),
                    theme::entry_page(),
                )]
            } else {
                vec![
                    piece(
                        &format!("{} {dated}", crate::i18n::page_entry(doc + 1)),
                        theme::entry_page(),
                    ),
                    piece(
                        &format!(" · {}", crate::i18n::page_name(d.short_name())),
                        theme::entry_dim(),
                    ),
                ]
            };
            one(0, pieces)
        }
        EntryKind::Article { unit } => {
            let Some((d, a)) = article(state, unit) else {
                return Vec::new();
            };
            // `kicker ▸ headline`, wrapped onto the rows the state measured: the
            // kicker dim, the headline bold, a cut only past the last row.
            let (text, kicker) = sections::article_text(d, a, room, state.layout.fullwidth_punct);
            let text = sanitize(&text).into_owned();
            let kicker = if text.is_char_boundary(kicker) {
                kicker
            } else {
                0
            };
            let titled = d.head_span(a, HeadField::Title).is_some();
            let max = sections::MAX_ARTICLE_ROWS + usize::from(kicker > 0);
            let (ranges, cut) = sections::wrap(&text, room, max);
            let last = ranges.len().saturating_sub(1);
            let mut rows: Vec<ListRow> = ranges
                .into_iter()
                .enumerate()
                .map(|(i, r)| {
                    let mut pieces = Vec::new();
                    let split = kicker.clamp(r.start, r.end);
                    if split > r.start {
                        pieces.push((text[r.start..split].to_string(), theme::entry_dim()));
                    }
                    if r.end > split {
                        let style = if titled {
                            theme::entry_title()
                        } else {
                            theme::entry_dim()
                        };
                        pieces.push((text[split..r.end].to_string(), style));
                    }
                    if cut && i == last {
                        // Room for the ellipsis: the row is cut one column short.
                        if let Some((t, _)) = pieces.last_mut() {
                            let w = t.width();
                            *t = fit(&format!("{t}…"), w.min(room));
                        }
                    }
                    ListRow {
                        indent: 0,
                        pieces,
                        ..ListRow::default()
                    }
                })
                .collect();
            let doc = state.reader.units.get(unit).map_or(0, |u| u.doc);
            let badge = super::results::hit_badge(state, doc, a);
            // Search hits go first on the first row, where a cut cannot hide them.
            if let (Some(badge), Some(row)) = (badge, rows.first_mut()) {
                row.pieces.insert(0, (" ".into(), theme::entry_title()));
                row.pieces.insert(0, badge);
            }
            rows
        }
        EntryKind::Subhead { unit, block } => {
            let Some((d, a)) = article(state, unit) else {
                return Vec::new();
            };
            // Through the accessor: drawing the list builds no stub's records.
            let text = d
                .subheads(a)
                .into_iter()
                .find(|(n, _)| *n == block)
                .map_or("", |(_, span)| d.str(&span));
            one(2, vec![piece(&format!("· {text}"), theme::entry_title())])
        }
    }
}

fn article(state: &AppState, unit: usize) -> Option<(&Document, usize)> {
    let u = state.reader.units.get(unit)?;
    Some((state.docs.get(u.doc)?, u.article))
}

impl Widget for SectionList {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.width == 0 {
            return;
        }
        let border_x = area.right() - 1;
        for y in area.top()..area.bottom() {
            buf.set_stringn(border_x, y, "│", 1, theme::border());
        }
        // The border shows whether the list goes on, like a scrollbar's arrows.
        if self.more.0 {
            buf.set_stringn(border_x, area.top(), "↑", 1, theme::border());
        }
        if self.more.1 && area.height > 1 {
            buf.set_stringn(border_x, area.bottom() - 1, "↓", 1, theme::border());
        }
        let text_right = border_x;
        for (y, row) in (area.top()..area.bottom()).zip(self.rows) {
            if row.reading {
                buf.set_stringn(area.x, y, theme::READING_MARK, 1, theme::reading());
            }
            let x0 = area.x.saturating_add(1).saturating_add(row.indent);
            if row.selected {
                let w = text_right.saturating_sub(area.x + 1);
                buf.set_style(Rect::new(area.x + 1, y, w, 1), theme::selected());
            }
            let mut x = x0;
            let total: usize = row.pieces.iter().map(|(s, _)| s.width()).sum();
            let room = usize::from(text_right.saturating_sub(x0));
            let cut = total > room;
            let mut left = room;
            for (text, style) in &row.pieces {
                if left == 0 || x >= text_right {
                    break;
                }
                let style = if row.selected {
                    style.patch(theme::selected())
                } else {
                    *style
                };
                let shown = if cut { fit(text, left) } else { text.clone() };
                let (next, _) = buf.set_stringn(x, y, &shown, left, style);
                left = left.saturating_sub(usize::from(next - x));
                x = next;
                if cut && shown.ends_with('…') {
                    break;
                }
            }
        }
    }
}
