//! The one table from keys to [`Action`]s, with the help text the `?` screen shows.
//!
//! Pure data: no terminal types here. `app.rs` converts terminal key events into
//! [`Key`], and the help overlay is generated from [`BINDINGS`], so the help can never
//! disagree with what the keys do.
//!
//! The configuration may rebind any action by name ([`Keymap`]): its keys replace the
//! action's default keys. The rebinding in force is per thread ([`set_active`]): the
//! reader sets it once at start on the thread that reads keys and draws the help,
//! and each test (a thread of its own) sees the defaults unless it sets its own.

use std::cell::RefCell;

use crate::action::Action;
use crate::state::KeyMode;

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
    Backspace,
    Delete,
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
            Self::Backspace => "BS".into(),
            Self::Delete => "Del".into(),
        }
    }
}

impl Key {
    /// Reads a key as the configuration writes it: one character (`"]"`, `"G"`),
    /// `"ctrl-n"`, or a name (`space`, `enter`, `esc`, `tab`, `backtab`, `backspace`,
    /// `delete`, `up`, `down`, `left`, `right`, `pageup`, `pagedown`, `home`, `end`).
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(Self::Char(c));
        }
        let lower = text.to_ascii_lowercase();
        if let Some(rest) = lower
            .strip_prefix("ctrl-")
            .or_else(|| lower.strip_prefix("c-"))
        {
            let mut chars = rest.chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && c.is_ascii_graphic()
            {
                return Ok(Self::Ctrl(c));
            }
        }
        Ok(match lower.as_str() {
            "space" => Self::Char(' '),
            "enter" | "return" => Self::Enter,
            "esc" | "escape" => Self::Esc,
            "tab" => Self::Tab,
            "backtab" | "s-tab" | "shift-tab" => Self::BackTab,
            "backspace" | "bs" => Self::Backspace,
            "delete" | "del" => Self::Delete,
            "up" => Self::Up,
            "down" => Self::Down,
            "left" => Self::Left,
            "right" => Self::Right,
            "pageup" | "pgup" => Self::PageUp,
            "pagedown" | "pgdn" => Self::PageDown,
            "home" => Self::Home,
            "end" => Self::End,
            _ => {
                return Err(format!(
                    "`{text}` is not a key (try \"x\", \"ctrl-x\", \"enter\", \"pagedown\")"
                ));
            }
        })
    }

    /// How the configuration writes this key ([`Key::parse`] reads it back).
    pub fn config_name(self) -> String {
        match self {
            Self::Char(' ') => "space".into(),
            Self::Char(c) => c.to_string(),
            Self::Ctrl(c) => format!("ctrl-{c}"),
            Self::Up => "up".into(),
            Self::Down => "down".into(),
            Self::Left => "left".into(),
            Self::Right => "right".into(),
            Self::PageUp => "pageup".into(),
            Self::PageDown => "pagedown".into(),
            Self::Home => "home".into(),
            Self::End => "end".into(),
            Self::Tab => "tab".into(),
            Self::BackTab => "backtab".into(),
            Self::Enter => "enter".into(),
            Self::Esc => "esc".into(),
            Self::Backspace => "backspace".into(),
            Self::Delete => "delete".into(),
        }
    }
}

/// The user's rebindings: for each action named in the configuration, the keys that
/// replace its default ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    rebound: Vec<(Action, Vec<Key>)>,
}

impl Keymap {
    /// Binds `action` to `keys` instead of its default keys. Only actions of the
    /// reader's or the prompt's table can be bound.
    pub fn rebind(&mut self, action: Action, keys: Vec<Key>) -> Result<(), String> {
        let known = BINDINGS
            .iter()
            .chain(PROMPT_BINDINGS)
            .any(|b| b.action == action);
        if !known {
            return Err(format!("{} has no key to rebind", action.name()));
        }
        self.rebound.retain(|(a, _)| *a != action);
        self.rebound.push((action, keys));
        Ok(())
    }

    /// The keys that trigger binding `b` now.
    pub fn keys_of(&self, b: &Binding) -> Vec<Key> {
        match self.rebound.iter().find(|(a, _)| *a == b.action) {
            Some((_, keys)) => keys.clone(),
            None => b.keys.to_vec(),
        }
    }

    /// The action of `table` that `key` triggers: a rebinding first, then the
    /// defaults of actions that were not rebound.
    fn lookup(&self, table: &[Binding], key: Key) -> Option<Action> {
        let rebound = self
            .rebound
            .iter()
            .find(|(a, keys)| keys.contains(&key) && table.iter().any(|b| b.action == *a));
        if let Some((action, _)) = rebound {
            return Some(action.clone());
        }
        table
            .iter()
            .find(|b| b.keys.contains(&key))
            .filter(|b| !self.rebound.iter().any(|(a, _)| *a == b.action))
            .map(|b| b.action.clone())
    }
}

thread_local! {
    static ACTIVE: RefCell<Keymap> = RefCell::new(Keymap::default());
}

/// Makes `keymap` the one this thread's key lookups and help use.
pub fn set_active(keymap: Keymap) {
    ACTIVE.with(|k| *k.borrow_mut() = keymap);
}

/// The keymap in force on this thread.
pub fn active() -> Keymap {
    ACTIVE.with(|k| k.borrow().clone())
}

fn lookup(table: &[Binding], key: Key) -> Option<Action> {
    ACTIVE.with(|k| k.borrow().lookup(table, key))
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
    BackTab, Backspace, Char, Ctrl, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp,
    Right, Tab, Up,
};

/// Every key binding, in the order the help screen lists them.
pub static BINDINGS: &[Binding] = bindings! {
    [Char('j'), Down] => Action::MoveDown, "line down (list: next entry)";
    [Char('k'), Up] => Action::MoveUp, "line up (list: previous entry)";
    [Char(' '), PageDown, Char('f'), Ctrl('f')] => Action::ScrollPageDown, "page down (also in help and lists)";
    [Char('b'), PageUp, Ctrl('b')] => Action::ScrollPageUp, "page up (also in help and lists)";
    [Ctrl('d')] => Action::ScrollHalfPageDown, "half page down";
    [Ctrl('u')] => Action::ScrollHalfPageUp, "half page up";
    [Char('g'), Home] => Action::JumpToStart, "beginning (Ng: article N of this page)";
    [Char('G'), End] => Action::JumpToEnd, "end (NG: article N of this page, as numbered)";
    [Char(']')] => Action::NextArticle, "next article";
    [Char('[')] => Action::PrevArticle, "previous article";
    [Char('}')] => Action::NextSubhead, "next subhead";
    [Char('{')] => Action::PrevSubhead, "previous subhead";
    [Char('J')] => Action::NextPage, "next page (document)";
    [Char('K')] => Action::PrevPage, "previous page (document)";
    [Char('P')] => Action::JumpToPage, "NP: page N of all the pages";
    [Tab, BackTab] => Action::SwitchFocus, "switch focus: list / article";
    [Char('h'), Left] => Action::FocusSectionList, "focus the section list";
    [Char('l'), Right] => Action::FocusArticlePane, "focus the article";
    [Enter] => Action::OpenSelection, "open the selected entry";
    [Char('t')] => Action::ToggleSectionList, "show / hide the section list";
    [Char('<')] => Action::NarrowSectionList, "narrower section list";
    [Char('>')] => Action::WidenSectionList, "wider section list";
    [Char('y')] => Action::CopyArticle, "copy the article to the clipboard (OSC 52)";
    [Char('?')] => Action::ToggleHelp, "this help";
    [Ctrl('l')] => Action::RedrawScreen, "repaint the screen";
    [Ctrl('z')] => Action::SuspendProcess, "suspend (fg resumes)";
    // keywords
    [Char('H')] => Action::ToggleKeywordHighlights, "keyword highlights on / off";
    [Char('p')] => Action::ToggleNameHighlights, "names mode: people, places, organisations";
    [Char('w')] => Action::JumpToNextKeyword, "next keyword occurrence";
    [Char('W')] => Action::JumpToPrevKeyword, "previous keyword occurrence";
    [Char('i')] => Action::OpenKeywordList, "the article's keywords (Enter searches)";
    [Esc] => Action::CloseOrCancel, "close help, list, prompt, search or count (never quits)";
    [Char('q'), Ctrl('c')] => Action::Quit, "quit";
    [Char('Z')] => Action::QuitOnSecondZ, "ZZ: quit (as in vim)";
    [Char(':')] => Action::OpenCommandLine, ":N article N, :page N, :$ end, :q quit, :help";
    // marks
    [Char('m')] => Action::StartMark, "ma: mark this place as a (any letter)";
    [Char('\'')] => Action::StartJumpToMark, "'a: back to mark a; '': back to before the last jump";
    [Char('M')] => Action::OpenBookmarks, "the marks, with headline and text (Enter jumps)";
    // search
    [Char('/')] => Action::OpenSearchPrompt, "search (Enter keeps, Esc goes back)";
    [Char('n')] => Action::JumpToNextMatch, "next search match (wraps)";
    [Char('N')] => Action::JumpToPrevMatch, "previous search match (wraps)";
    [Char('F')] => Action::OpenSearchResults, "every match, by article (/ filters, Enter jumps)";
};

/// Keys while the search prompt is open (other characters are typed into it).
pub static PROMPT_BINDINGS: &[Binding] = bindings! {
    [Enter] => Action::ConfirmSearch, "search: keep the matches, close the prompt";
    [Esc, Ctrl('c'), Ctrl('g')] => Action::CancelSearch, "search: cancel, back to where you were";
    [Tab, Ctrl('t')] => Action::ToggleWholeWord, "search: whole words (jieba) / substrings";
    [Ctrl('o')] => Action::ToggleScriptFolding, "search: 繁简 folding on / off (台风 finds 颱風)";
    [Up, Ctrl('p')] => Action::RecallOlderSearch, "search: older query from the history";
    [Down, Ctrl('n')] => Action::RecallNewerSearch, "search: newer query from the history";
    [Left, Ctrl('b')] => Action::MoveSearchCursorLeft, "search: cursor left";
    [Right, Ctrl('f')] => Action::MoveSearchCursorRight, "search: cursor right";
    [Home, Ctrl('a')] => Action::MoveSearchCursorStart, "search: cursor to the start";
    [End, Ctrl('e')] => Action::MoveSearchCursorEnd, "search: cursor to the end";
    [Backspace, Ctrl('h')] => Action::DeleteSearchCharBack, "search: delete the character before";
    [Delete, Ctrl('d')] => Action::DeleteSearchCharForward, "search: delete the character under";
    [Ctrl('w')] => Action::DeleteSearchWordBack, "search: delete the word before";
    [Ctrl('u')] => Action::DeleteSearchToStart, "search: delete to the start";
};

/// The action a key asks for in `mode`.
pub fn action_in(mode: KeyMode, key: Key) -> Option<Action> {
    match mode {
        KeyMode::Normal => action_for(key),
        KeyMode::MarkLetter => Some(match key {
            Key::Char(c) if c.is_ascii_alphabetic() => Action::SetMark(c),
            _ => Action::CloseOrCancel,
        }),
        KeyMode::MarkJump => Some(match key {
            Key::Char(c) if c.is_ascii_alphabetic() || c == '\'' => Action::JumpToMark(c),
            _ => Action::CloseOrCancel,
        }),
        KeyMode::SearchPrompt => {
            if let Some(action) = lookup(PROMPT_BINDINGS, key) {
                return Some(action);
            }
            match key {
                Key::Char(c) => Some(Action::InsertSearchText(c.to_string())),
                // Paging, repainting and suspending still work while typing.
                Key::PageUp | Key::PageDown | Key::Ctrl('l' | 'z') => action_for(key),
                _ => None,
            }
        }
    }
}

/// The help line for the count prefix, which is not a single binding.
pub const COUNT_HELP: (&str, &str) = ("0-9", "count prefix: 5j, 3], 2J, 4G, 12P");

/// The action a key asks for, if any. Digits build the count prefix.
pub fn action_for(key: Key) -> Option<Action> {
    if let Key::Char(c) = key
        && let Some(d) = c.to_digit(10)
    {
        return Some(Action::TypeCountDigit(d as u8));
    }
    lookup(BINDINGS, key)
}

/// Help lines generated from [`BINDINGS`]: (keys, description).
pub fn help_lines() -> Vec<(String, &'static str)> {
    let keymap = active();
    let mut lines: Vec<(String, &'static str)> = BINDINGS
        .iter()
        .map(|b| {
            let keys: Vec<String> = keymap.keys_of(b).iter().map(|k| k.label()).collect();
            (keys.join(" "), b.help)
        })
        .collect();
    lines.push((COUNT_HELP.0.to_string(), COUNT_HELP.1));
    lines.push(("wheel".to_string(), "scroll the pane under the pointer"));
    lines.push(("click".to_string(), "open a section"));
    lines.extend(PROMPT_HELP.iter().map(|(k, h)| ((*k).to_string(), *h)));
    lines
}

/// The prompt's keys for the help, condensed (readline keys need no line each); a
/// test checks that every key of [`PROMPT_BINDINGS`] is named here.
pub const PROMPT_HELP: &[(&str, &str)] = &[
    ("Enter", "search: keep the matches, close the prompt"),
    (
        "Esc Ctrl-c Ctrl-g",
        "search: cancel, back to where you were",
    ),
    (
        "Tab Ctrl-t Ctrl-o",
        "search: whole words / substrings; Ctrl-o 繁简 folding",
    ),
    (
        "↑ ↓ Ctrl-p Ctrl-n",
        "search: older / newer query from the history",
    ),
    (
        "← → Home End",
        "search: move (also Ctrl-b Ctrl-f Ctrl-a Ctrl-e)",
    ),
    (
        "BS Del Ctrl-w Ctrl-u",
        "search: delete before, under (Ctrl-h Ctrl-d), word, to start",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bound_action_has_a_name_that_reads_back() {
        for b in BINDINGS.iter().chain(PROMPT_BINDINGS) {
            let name = b.action.name();
            assert_eq!(Action::from_name(name), Some(b.action.clone()), "{name}");
        }
        for a in crate::action::BINDABLE {
            assert_eq!(format!("{a:?}"), a.name(), "the name is the variant's");
        }
        assert_eq!(
            Action::from_name("SearchFor"),
            None,
            "payloads cannot be bound"
        );
    }

    #[test]
    fn keys_parse_and_print_back() {
        for text in [
            "]", "G", "ctrl-n", "space", "enter", "pagedown", "backtab", "'",
        ] {
            let key = Key::parse(text).unwrap();
            assert_eq!(Key::parse(&key.config_name()), Ok(key), "{text}");
        }
        assert_eq!(Key::parse("C-N"), Ok(Key::Ctrl('n')));
        assert!(Key::parse("hyper-x").is_err());
    }

    #[test]
    fn a_rebinding_replaces_the_default_keys_on_this_thread_only() {
        let mut keymap = Keymap::default();
        keymap
            .rebind(Action::NextArticle, vec![Key::Char('x'), Key::Ctrl('n')])
            .unwrap();
        keymap.rebind(Action::Quit, vec![Key::Char('Q')]).unwrap();
        assert!(
            keymap
                .rebind(Action::ShowMessage(String::new()), vec![])
                .is_err()
        );
        set_active(keymap);
        assert_eq!(action_for(Key::Char('x')), Some(Action::NextArticle));
        assert_eq!(action_for(Key::Ctrl('n')), Some(Action::NextArticle));
        assert_eq!(action_for(Key::Char(']')), None, "the default key gave way");
        assert_eq!(action_for(Key::Char('q')), None);
        assert_eq!(action_for(Key::Char('Q')), Some(Action::Quit));
        assert_eq!(action_for(Key::Char('j')), Some(Action::MoveDown));
        assert!(
            help_lines()
                .iter()
                .any(|(k, h)| k == "x Ctrl-n" && *h == "next article")
        );
        std::thread::spawn(|| assert_eq!(action_for(Key::Char(']')), Some(Action::NextArticle)))
            .join()
            .unwrap();
        set_active(Keymap::default());
    }

    #[test]
    fn no_key_is_bound_twice() {
        for table in [BINDINGS, PROMPT_BINDINGS] {
            let mut seen = std::collections::HashSet::new();
            for b in table {
                for k in b.keys {
                    assert!(seen.insert(*k), "{k:?} bound twice");
                }
            }
        }
    }

    #[test]
    fn the_prompt_types_what_it_does_not_bind() {
        let prompt = |k| action_in(KeyMode::SearchPrompt, k);
        assert_eq!(
            prompt(Key::Char('5')),
            Some(Action::InsertSearchText("5".into()))
        );
        assert_eq!(
            prompt(Key::Char('n')),
            Some(Action::InsertSearchText("n".into()))
        );
        assert_eq!(prompt(Key::Ctrl('u')), Some(Action::DeleteSearchToStart));
        assert_eq!(prompt(Key::PageDown), Some(Action::ScrollPageDown));
        assert_eq!(prompt(Key::Ctrl('x')), None);
    }

    #[test]
    fn digits_build_counts_and_help_lists_every_binding() {
        assert_eq!(action_for(Key::Char('5')), Some(Action::TypeCountDigit(5)));
        assert_eq!(action_for(Key::Char('j')), Some(Action::MoveDown));
        assert_eq!(action_for(Key::Char('x')), None);
        assert_eq!(help_lines().len(), BINDINGS.len() + PROMPT_HELP.len() + 3);
        for b in PROMPT_BINDINGS {
            for k in b.keys {
                let label = k.label();
                assert!(
                    PROMPT_HELP
                        .iter()
                        .any(|(keys, help)| keys.split(' ').any(|l| l == label)
                            || help.split([' ', '(', ')', ',']).any(|l| l == label)),
                    "{label} missing from the prompt help"
                );
            }
        }
    }
}
