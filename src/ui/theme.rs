//! Styles: how each kind of line and each highlight looks.
//!
//! Newspaper typography carried by attributes rather than colour where possible (bold
//! headlines, dimmed kickers and bylines), so it reads on any palette. What does use
//! colour (highlights, names, the overline, page headers in the list) comes from a
//! [`Theme`]: `dark` (the default), `light` (for a white terminal) or `mono`
//! (attributes only, for `NO_COLOR`: search matches reversed, the current match
//! reversed and bold, keywords underlined), each colour replaceable one by one from
//! the configuration ([`Theme::set`]).
//!
//! The theme in force is per thread ([`set_active`]), like the keymap's rebinding:
//! the reader sets it once at start on the thread that draws; each test sees `dark`
//! unless it sets another.

use std::cell::RefCell;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use crate::analysis::names::NameKind;
use crate::layout::LineRole;
use crate::state::HighlightKind;

/// The styles that differ between themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub search_match: Style,
    pub current_match: Style,
    pub keyword: Style,
    pub current_keyword: Style,
    pub person: Style,
    pub place: Style,
    pub organisation: Style,
    /// The red line above a headline (`平城新语`).
    pub overline: Style,
    /// A page's header in the section list.
    pub page: Style,
}

/// The names of the built-in themes.
pub const THEMES: [&str; 3] = ["dark", "light", "mono"];

/// The names of the colours a configuration may set ([`Theme::set`]).
pub const SLOTS: [&str; 9] = [
    "search_match",
    "current_match",
    "keyword",
    "current_keyword",
    "person",
    "place",
    "organisation",
    "overline",
    "page",
];

impl Default for Theme {
    fn default() -> Self {
        Self::dark()
    }
}

impl Theme {
    /// Today's colours, for a dark terminal.
    pub fn dark() -> Self {
        let s = Style::default();
        Self {
            search_match: s.bg(Color::Yellow).fg(Color::Black),
            current_match: s
                .bg(Color::LightRed)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            keyword: s.fg(Color::Cyan).add_modifier(Modifier::UNDERLINED),
            // reversed keeps the text's own contrast on any palette.
            current_keyword: s
                .fg(Color::Cyan)
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD | Modifier::REVERSED),
            person: s.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            place: s.fg(Color::Green).add_modifier(Modifier::ITALIC),
            organisation: s.fg(Color::Magenta).add_modifier(Modifier::UNDERLINED),
            overline: s.add_modifier(Modifier::BOLD).fg(Color::Red),
            page: s.add_modifier(Modifier::BOLD).fg(Color::Blue),
        }
    }

    /// For a white terminal: no cyan or yellow text (unreadable on white); matches on a
    /// pale background with black text.
    pub fn light() -> Self {
        let s = Style::default();
        Self {
            search_match: s.bg(Color::LightYellow).fg(Color::Black),
            current_match: s
                .bg(Color::Red)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            keyword: s.fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            current_keyword: s
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD | Modifier::REVERSED),
            person: s.fg(Color::Blue).add_modifier(Modifier::BOLD),
            place: s.fg(Color::Green).add_modifier(Modifier::ITALIC),
            organisation: s.fg(Color::Magenta).add_modifier(Modifier::UNDERLINED),
            overline: s.add_modifier(Modifier::BOLD).fg(Color::Red),
            page: s.add_modifier(Modifier::BOLD).fg(Color::Blue),
        }
    }

    /// Attributes only (`NO_COLOR`): every highlight still shows.
    pub fn mono() -> Self {
        let m = |modifier| Style::default().add_modifier(modifier);
        Self {
            search_match: m(Modifier::REVERSED),
            current_match: m(Modifier::REVERSED | Modifier::BOLD),
            keyword: m(Modifier::UNDERLINED),
            current_keyword: m(Modifier::UNDERLINED | Modifier::BOLD | Modifier::REVERSED),
            person: m(Modifier::BOLD | Modifier::UNDERLINED),
            place: m(Modifier::ITALIC),
            organisation: m(Modifier::UNDERLINED | Modifier::DIM),
            overline: m(Modifier::BOLD),
            page: m(Modifier::BOLD),
        }
    }

    /// The built-in theme called `name`.
    pub fn named(name: &str) -> Option<Self> {
        match name {
            "dark" => Some(Self::dark()),
            "light" => Some(Self::light()),
            "mono" => Some(Self::mono()),
            _ => None,
        }
    }

    /// Replaces colour `slot` (one of [`SLOTS`]) with `spec` (see [`parse_style`]).
    pub fn set(&mut self, slot: &str, spec: &str) -> Result<(), String> {
        let style = parse_style(spec)?;
        let target = match slot {
            "search_match" => &mut self.search_match,
            "current_match" => &mut self.current_match,
            "keyword" => &mut self.keyword,
            "current_keyword" => &mut self.current_keyword,
            "person" => &mut self.person,
            "place" => &mut self.place,
            "organisation" => &mut self.organisation,
            "overline" => &mut self.overline,
            "page" => &mut self.page,
            _ => {
                return Err(format!(
                    "`{slot}` is not a colour to set (one of {})",
                    SLOTS.join(", ")
                ));
            }
        };
        *target = style;
        Ok(())
    }
}

/// Reads a style written as words: colours (`yellow`, `lightred`, `#ffcc00`, `208`),
/// `on COLOUR` for the background, and `bold`, `dim`, `italic`, `underline`,
/// `reverse`: `"black on yellow bold"`.
pub fn parse_style(spec: &str) -> Result<Style, String> {
    let mut style = Style::default();
    let mut words = spec.split_whitespace();
    let colour = |w: &str| {
        Color::from_str(w).map_err(|_| format!("`{w}` is not a colour or attribute in `{spec}`"))
    };
    while let Some(word) = words.next() {
        let lower = word.to_ascii_lowercase();
        style = match lower.as_str() {
            "bold" => style.add_modifier(Modifier::BOLD),
            "dim" => style.add_modifier(Modifier::DIM),
            "italic" => style.add_modifier(Modifier::ITALIC),
            "underline" | "underlined" => style.add_modifier(Modifier::UNDERLINED),
            "reverse" | "reversed" => style.add_modifier(Modifier::REVERSED),
            "on" => {
                let Some(bg) = words.next() else {
                    return Err(format!("`on` needs a colour after it in `{spec}`"));
                };
                style.bg(colour(bg)?)
            }
            _ => style.fg(colour(word)?),
        };
    }
    Ok(style)
}

thread_local! {
    static ACTIVE: RefCell<Theme> = RefCell::new(Theme::dark());
}

/// Makes `theme` the one this thread draws with.
pub fn set_active(theme: Theme) {
    ACTIVE.with(|t| *t.borrow_mut() = theme);
}

/// The theme this thread draws with.
pub fn active() -> Theme {
    ACTIVE.with(|t| *t.borrow())
}

/// The style of a line of the article pane.
pub fn role(role: LineRole) -> Style {
    let s = Style::default();
    match role {
        LineRole::Title | LineRole::Subhead => s.add_modifier(Modifier::BOLD),
        LineRole::Overline => active().overline,
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
    let theme = active();
    match kind {
        HighlightKind::SearchMatch => theme.search_match,
        HighlightKind::CurrentMatch => theme.current_match,
        HighlightKind::Keyword => theme.keyword,
        HighlightKind::CurrentKeyword => theme.current_keyword,
        HighlightKind::Person => name(NameKind::Person),
        HighlightKind::Place => name(NameKind::Place),
        HighlightKind::Organisation => name(NameKind::Organisation),
    }
}

/// Names mode: a colour per kind plus a modifier, so the kinds differ without colour too.
pub fn name(kind: NameKind) -> Style {
    let theme = active();
    match kind {
        NameKind::Person => theme.person,
        NameKind::Place => theme.place,
        NameKind::Organisation => theme.organisation,
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
    active().page
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_read_from_words() {
        assert_eq!(
            parse_style("black on yellow bold"),
            Ok(Style::default()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD))
        );
        assert_eq!(
            parse_style("#ffcc00 underline"),
            Ok(Style::default()
                .fg(Color::Rgb(0xff, 0xcc, 0x00))
                .add_modifier(Modifier::UNDERLINED))
        );
        assert!(parse_style("on").is_err());
        assert!(parse_style("blurple").unwrap_err().contains("blurple"));
    }

    #[test]
    fn mono_has_no_colour_and_every_highlight_shows() {
        let m = Theme::mono();
        for s in [
            m.search_match,
            m.current_match,
            m.keyword,
            m.current_keyword,
            m.person,
            m.place,
            m.organisation,
            m.overline,
            m.page,
        ] {
            assert_eq!((s.fg, s.bg), (None, None));
            assert!(!s.add_modifier.is_empty());
        }
        assert!(m.search_match.add_modifier.contains(Modifier::REVERSED));
        assert!(
            m.current_match
                .add_modifier
                .contains(Modifier::REVERSED | Modifier::BOLD)
        );
        assert!(m.keyword.add_modifier.contains(Modifier::UNDERLINED));
        assert_ne!(m.search_match, m.current_match);
    }

    #[test]
    fn a_slot_is_set_and_a_wrong_one_named() {
        let mut t = Theme::named("light").unwrap();
        t.set("keyword", "red").unwrap();
        assert_eq!(t.keyword.fg, Some(Color::Red));
        assert!(
            t.set("keywords", "red")
                .unwrap_err()
                .contains("search_match")
        );
        assert_eq!(Theme::named("sepia"), None);
    }
}
