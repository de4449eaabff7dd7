//! The one table from keys to [`Action`]s, with the help text the `?` screen shows.
//!
//! Pure data: no terminal types here. `app.rs` converts terminal key events into
//! [`Key`], and the help overlay is generated from [`BINDINGS`], so the help can never
//! disagree with what the keys do.

use crate::action::Action;

/// A key as the reader understands it, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character (shifted letters arrive as upper case).
    Char(char),
    /// A character typed with Ctrl held.
    Ctrl(char),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Tab,
    BackTab,
    Enter,
    Esc,
}

impl Key {
    /// How the help screen writes this key.
    pub fn label(self) -> String {
        match self {
            Self::Char(' ') => "Space".into(),
            Self::Char(c) => c.to_string(),
            Self::Ctrl(c) => format!("Ctrl-{c}"),
            Self::Up => "↑".into(),
            Self::Down => "↓".into(),
            Self::Left => "←".into(),
            Self::Right => "→".into(),
            Self::PageUp => "PgUp".into(),
            Self::PageDown => "PgDn".into(),
            Self::Home => "Home".into(),
            Self::End => "End".into(),
            Self::Tab => "Tab".into(),
            Self::BackTab => "S-Tab".into(),
            Self::Enter => "Enter".into(),
            Self::Esc => "Esc".into(),
        }
    }
}

/// One line of the keymap: the keys, what they do, and how the help describes it.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

macro_rules! bindings {
    ($( [$($key:expr),+] => $action:expr, $help:literal; )*) => {
        &[ $( Binding { keys: &[$($key),+], action: $action, help: $help }, )* ]
    };
}

use Key::{
    BackTab, Char, Ctrl, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

/// Every key binding, in the order the help screen lists them.
pub static BINDINGS: &[Binding] = bindings! {
    [Char('j'), Down] => Action::MoveDown, "line down (list: next entry)";
    [Char('k'), Up] => Action::MoveUp, "line up (list: previous entry)";
    [Char(' '), PageDown, Char('f')] => Action::ScrollPageDown, "page down";
    [Char('b'), PageUp] => Action::ScrollPageUp, "page up";
    [Ctrl('d')] => Action::ScrollHalfPageDown, "half page down";
    [Ctrl('u')] => Action::ScrollHalfPageUp, "half page up";
    [Char('g'), Home] => Action::JumpToStart, "beginning (Ng: article/entry N)";
    [Char('G'), End] => Action::JumpToEnd, "end (NG: article/entry N)";
    [Char(']')] => Action::NextArticle, "next article";
    [Char('[')] => Action::PrevArticle, "previous article";
    [Char('}')] => Action::NextSubhead, "next subhead";
    [Char('{')] => Action::PrevSubhead, "previous subhead";
    [Char('J')] => Action::NextPage, "next page (document)";
    [Char('K')] => Action::PrevPage, "previous page (document)";
    [Tab, BackTab] => Action::SwitchFocus, "switch focus: list / article";
    [Char('h'), Left] => Action::FocusSectionList, "focus the section list";
    [Char('l'), Right] => Action::FocusArticlePane, "focus the article";
    [Enter] => Action::OpenSelection, "open the selected entry";
    [Char('t')] => Action::ToggleSectionList, "show / hide the section list";
    [Char('<')] => Action::NarrowSectionList, "narrower section list";
    [Char('>')] => Action::WidenSectionList, "wider section list";
    [Char('?')] => Action::ToggleHelp, "this help";
    [Ctrl('l')] => Action::RedrawScreen, "repaint the screen";
    [Ctrl('z')] => Action::SuspendProcess, "suspend (fg resumes)";
    // keywords
    [Char('H')] => Action::ToggleKeywordHighlights, "keyword highlights on / off";
    [Char('m')] => Action::ToggleNameHighlights, "names mode: people, places, organisations";
    [Char('w')] => Action::JumpToNextKeyword, "next keyword occurrence";
    [Char('W')] => Action::JumpToPrevKeyword, "previous keyword occurrence";
    [Char('i')] => Action::OpenKeywordList, "the article's keywords (Enter searches)";
    [Esc] => Action::CancelOrQuit, "close help/overlay, else quit";
    [Char('q'), Ctrl('c')] => Action::Quit, "quit";
};

/// The help line for the count prefix, which is not a single binding.
pub const COUNT_HELP: (&str, &str) = ("0-9", "count prefix: 5j, 3], 2J");

/// The action a key asks for, if any. Digits build the count prefix.
pub fn action_for(key: Key) -> Option<Action> {
    if let Key::Char(c) = key
        && let Some(d) = c.to_digit(10)
    {
        return Some(Action::TypeCountDigit(d as u8));
    }
    BINDINGS
        .iter()
        .find(|b| b.keys.contains(&key))
        .map(|b| b.action.clone())
}

/// Help lines generated from [`BINDINGS`]: (keys, description).
pub fn help_lines() -> Vec<(String, &'static str)> {
    let mut lines: Vec<(String, &'static str)> = BINDINGS
        .iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            (keys.join(" "), b.help)
        })
        .collect();
    lines.push((COUNT_HELP.0.to_string(), COUNT_HELP.1));
    lines.push(("wheel".to_string(), "scroll the pane under the pointer"));
    lines.push(("click".to_string(), "open a section"));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = std::collections::HashSet::new();
        for b in BINDINGS {
            for k in b.keys {
                assert!(seen.insert(*k), "{k:?} bound twice");
            }
        }
    }

    #[test]
    fn digits_build_counts_and_help_lists_every_binding() {
        assert_eq!(action_for(Key::Char('5')), Some(Action::TypeCountDigit(5)));
        assert_eq!(action_for(Key::Char('j')), Some(Action::MoveDown));
        assert_eq!(action_for(Key::Char('x')), None);
        assert_eq!(help_lines().len(), BINDINGS.len() + 3);
    }
}
