//! Styles: how each kind of line and each highlight looks.
//!
//! Newspaper typography carried by attributes rather than colour where possible (bold
//! headlines, dimmed kickers and bylines), so it reads on any palette.

use ratatui::style::{Color, Modifier, Style};

use crate::analysis::names::NameKind;
use crate::layout::LineRole;
use crate::state::HighlightKind;

/// The style of a line of the article pane.
pub fn role(role: LineRole) -> Style {
    let s = Style::default();
    match role {
        LineRole::Title | LineRole::Subhead => s.add_modifier(Modifier::BOLD),
        LineRole::Overline => s.add_modifier(Modifier::BOLD).fg(Color::Red),
        LineRole::Kicker | LineRole::Byline | LineRole::Credit | LineRole::Furniture => {
            s.add_modifier(Modifier::DIM)
        }
        LineRole::Subtitle | LineRole::Caption | LineRole::Quote => {
            s.add_modifier(Modifier::ITALIC)
        }
        LineRole::Image => s.add_modifier(Modifier::DIM | Modifier::ITALIC),
        _ => s,
    }
}

/// A table's header cells: the cell style, bold.
pub fn table_header(base: Style) -> Style {
    base.add_modifier(Modifier::BOLD)
}

/// The style a highlight adds on top of the line's style.
pub fn highlight(kind: HighlightKind) -> Style {
    match kind {
        HighlightKind::SearchMatch => Style::default().bg(Color::Yellow).fg(Color::Black),
        HighlightKind::CurrentMatch => Style::default()
            .bg(Color::LightRed)
            .fg(Color::Black)
            .add_modifier(Modifier::BOLD),
        HighlightKind::Keyword => Style::default()
            .fg(Color::Cyan)
            .add_modifier(Modifier::UNDERLINED),
        // keywords: reversed keeps the text's own contrast on any palette.
        HighlightKind::CurrentKeyword => Style::default()
            .fg(Color::Cyan)
            .add_modifier(Modifier::UNDERLINED | Modifier::BOLD | Modifier::REVERSED),
        HighlightKind::Person => name(NameKind::Person),
        HighlightKind::Place => name(NameKind::Place),
        HighlightKind::Organisation => name(NameKind::Organisation),
    }
}

/// Names mode: a colour per kind plus a modifier, so the kinds differ without colour too.
pub fn name(kind: NameKind) -> Style {
    let s = Style::default();
    match kind {
        NameKind::Person => s.fg(Color::Cyan).add_modifier(Modifier::BOLD),
        NameKind::Place => s.fg(Color::Green).add_modifier(Modifier::ITALIC),
        NameKind::Organisation => s.fg(Color::Magenta).add_modifier(Modifier::UNDERLINED),
    }
}

/// The keyword line under an article's header (and `关键词…` while pending).
pub fn keyword_header() -> Style {
    Style::default().add_modifier(Modifier::DIM)
}

/// A list entry's label.
pub fn entry_title() -> Style {
    Style::default()
}

/// A kicker or headless label in the list.
pub fn entry_dim() -> Style {
    Style::default().add_modifier(Modifier::DIM)
}

/// A page group header in the list.
pub fn entry_page() -> Style {
    Style::default()
        .add_modifier(Modifier::BOLD)
        .fg(Color::Blue)
}

/// The entry of the article being read.
pub fn reading() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

/// The list cursor while the list has focus.
pub fn selected() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

/// The reading mark in the list's left column.
pub const READING_MARK: &str = "▌";

/// Borders and rules.
pub fn border() -> Style {
    Style::default().add_modifier(Modifier::DIM)
}

/// The status line.
pub fn status() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

// search

/// The search prompt line: plain, so it reads as a place to type, unlike the status.
pub fn prompt() -> Style {
    Style::default()
}

/// The mode and count at the prompt's right end.
pub fn prompt_info() -> Style {
    Style::default().add_modifier(Modifier::DIM)
}

/// A hit count in the section list and a hit in the results list: the match colours.
pub fn hit_count() -> Style {
    highlight(HighlightKind::SearchMatch)
}
