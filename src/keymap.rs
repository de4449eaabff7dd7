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
use crate::i18n::{self, Text};
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
    /// In English and Chinese: the help shows the one in force (`crate::i18n`).
    pub help: Text,
}

macro_rules! bindings {
    ($( [$($key:expr),+] => $action:expr, $help:literal / $zh:literal; )*) => {
        &[ $( Binding {
            keys: &[$($key),+],
            action: $action,
            help: Text { en: $help, zh: $zh },
        }, )* ]
    };
}

use Key::{
    BackTab, Backspace, Char, Ctrl, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp,
    Right, Tab, Up,
};

/// Every key binding, in the order the help screen lists them.
pub static BINDINGS: &[Binding] = bindings! {
    [Char('j'), Down] => Action::MoveDown, "line down (list: next entry)" / "下移一行（列表：下一项）";
    [Char('k'), Up] => Action::MoveUp, "line up (list: previous entry)" / "上移一行（列表：上一项）";
    [Char(' '), PageDown, Char('f'), Ctrl('f')] => Action::ScrollPageDown, "page down (also in help and lists)" / "下翻一屏（帮助和列表中也可用）";
    [Char('b'), PageUp, Ctrl('b')] => Action::ScrollPageUp, "page up (also in help and lists)" / "上翻一屏（帮助和列表中也可用）";
    [Ctrl('d')] => Action::ScrollHalfPageDown, "half page down" / "下翻半屏";
    [Ctrl('u')] => Action::ScrollHalfPageUp, "half page up" / "上翻半屏";
    [Char('g'), Home] => Action::JumpToStart, "beginning (Ng: article N of this page)" / "开头（Ng：本页第 N 篇）";
    [Char('G'), End] => Action::JumpToEnd, "end (NG: article N of this page, as numbered)" / "末尾（NG：本页第 N 篇，按编号）";
    [Char(']')] => Action::NextArticle, "next article" / "下一篇";
    [Char('[')] => Action::PrevArticle, "previous article" / "上一篇";
    [Char('}')] => Action::NextSubhead, "next subhead" / "下一个小标题";
    [Char('{')] => Action::PrevSubhead, "previous subhead" / "上一个小标题";
    [Char('J')] => Action::NextPage, "next page (document)" / "下一页（文件）";
    [Char('K')] => Action::PrevPage, "previous page (document)" / "上一页（文件）";
    [Char('P')] => Action::JumpToPage, "NP: page N of all the pages" / "NP：全部页中的第 N 页";
    [Tab, BackTab] => Action::SwitchFocus, "switch focus: list / article" / "切换焦点：列表 / 正文";
    [Char('h'), Left] => Action::FocusSectionList, "focus the section list" / "焦点移到版面列表";
    [Char('l'), Right] => Action::FocusArticlePane, "focus the article" / "焦点移到正文";
    [Enter] => Action::OpenSelection, "open the selected entry" / "打开所选项";
    [Char('t')] => Action::ToggleSectionList, "show / hide the section list" / "显示 / 隐藏版面列表";
    [Char('<')] => Action::NarrowSectionList, "narrower section list" / "版面列表变窄";
    [Char('>')] => Action::WidenSectionList, "wider section list" / "版面列表变宽";
    [Char('y')] => Action::CopyArticle, "copy the article to the clipboard (OSC 52)" / "把本篇复制到剪贴板（OSC 52）";
    [Char('?')] => Action::ToggleHelp, "this help" / "本帮助";
    [Ctrl('l')] => Action::RedrawScreen, "repaint the screen" / "重绘屏幕";
    [Ctrl('z')] => Action::SuspendProcess, "suspend (fg resumes)" / "挂起（fg 恢复）";
    // keywords
    [Char('H')] => Action::ToggleKeywordHighlights, "keyword highlights on / off" / "关键词高亮 开 / 关";
    [Char('p')] => Action::ToggleNameHighlights, "names mode: people, places, organisations" / "专名标注：人名、地名、机构";
    [Char('w')] => Action::JumpToNextKeyword, "next keyword occurrence" / "下一处关键词";
    [Char('W')] => Action::JumpToPrevKeyword, "previous keyword occurrence" / "上一处关键词";
    [Char('i')] => Action::OpenKeywordList, "the article's keywords (Enter searches)" / "本篇的关键词（Enter 搜索）";
    [Esc] => Action::CloseOrCancel, "close help, list, prompt, search or count (never quits)" / "关闭帮助、列表、输入行、搜索或数字（不会退出）";
    [Char('q'), Ctrl('c')] => Action::Quit, "quit" / "退出";
    [Char('Z')] => Action::QuitOnSecondZ, "ZZ: quit (as in vim)" / "ZZ：退出（同 vim）";
    [Char(':')] => Action::OpenCommandLine, ":N article N, :page N, :$ end, :q quit, :help" / ":N 第 N 篇，:page N 第 N 页，:$ 末尾，:q 退出，:help 帮助";
    // marks
    [Char('m')] => Action::StartMark, "ma: mark this place as a (any letter)" / "ma：把这里记为书签 a（任一字母）";
    [Char('\'')] => Action::StartJumpToMark, "'a: back to mark a; '': back to before the last jump" / "'a：回到书签 a；''：回到上次跳转之前";
    [Char('M')] => Action::OpenBookmarks, "the marks, with headline and text (Enter jumps)" / "书签列表，附标题和正文（Enter 跳转）";
    // search
    [Char('/')] => Action::OpenSearchPrompt, "search (Enter keeps, Esc goes back)" / "搜索（Enter 保留，Esc 返回）";
    [Char('n')] => Action::JumpToNextMatch, "next search match (wraps)" / "下一处搜索结果（循环）";
    [Char('N')] => Action::JumpToPrevMatch, "previous search match (wraps)" / "上一处搜索结果（循环）";
    [Char('F')] => Action::OpenSearchResults, "every match, by article (/ filters, Enter jumps)" / "全部搜索结果，按文章列出（/ 筛选，Enter 跳转）";
};

/// Keys while the search prompt is open (other characters are typed into it).
pub static PROMPT_BINDINGS: &[Binding] = bindings! {
    [Enter] => Action::ConfirmSearch, "search: keep the matches, close the prompt" / "搜索：保留结果，关闭输入行";
    [Esc, Ctrl('c'), Ctrl('g')] => Action::CancelSearch, "search: cancel, back to where you were" / "搜索：取消，回到原处";
    [Tab, Ctrl('t')] => Action::ToggleWholeWord, "search: whole words (jieba) / substrings" / "搜索：整词（jieba）/ 字串";
    [Ctrl('o')] => Action::ToggleScriptFolding, "search: 繁简 folding on / off (台风 finds 颱風)" / "搜索：繁简通搜 开 / 关（台风 可找到 颱風）";
    [Up, Ctrl('p')] => Action::RecallOlderSearch, "search: older query from the history" / "搜索：历史中更早的查询";
    [Down, Ctrl('n')] => Action::RecallNewerSearch, "search: newer query from the history" / "搜索：历史中更近的查询";
    [Left, Ctrl('b')] => Action::MoveSearchCursorLeft, "search: cursor left" / "搜索：光标左移";
    [Right, Ctrl('f')] => Action::MoveSearchCursorRight, "search: cursor right" / "搜索：光标右移";
    [Home, Ctrl('a')] => Action::MoveSearchCursorStart, "search: cursor to the start" / "搜索：光标移到开头";
    [End, Ctrl('e')] => Action::MoveSearchCursorEnd, "search: cursor to the end" / "搜索：光标移到末尾";
    [Backspace, Ctrl('h')] => Action::DeleteSearchCharBack, "search: delete the character before" / "搜索：删除前一个字";
    [Delete, Ctrl('d')] => Action::DeleteSearchCharForward, "search: delete the character under" / "搜索：删除光标处的字";
    [Ctrl('w')] => Action::DeleteSearchWordBack, "search: delete the word before" / "搜索：删除前一个词";
    [Ctrl('u')] => Action::DeleteSearchToStart, "search: delete to the start" / "搜索：删除到开头";
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
pub const COUNT_HELP: (&str, Text) = ("0-9", i18n::COUNT_HELP);

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
            (keys.join(" "), b.help.get())
        })
        .collect();
    lines.push((COUNT_HELP.0.to_string(), COUNT_HELP.1.get()));
    lines.push((i18n::WHEEL.get().to_string(), i18n::WHEEL_HELP.get()));
    lines.push((i18n::CLICK.get().to_string(), i18n::CLICK_HELP.get()));
    lines.extend(PROMPT_HELP.iter().map(|(k, h)| ((*k).to_string(), h.get())));
    lines
}

/// The prompt's keys for the help, condensed (readline keys need no line each); a
/// test checks that every key of [`PROMPT_BINDINGS`] is named here.
pub const PROMPT_HELP: &[(&str, Text)] = &[
    (
        "Enter",
        Text {
            en: "search: keep the matches, close the prompt",
            zh: "搜索：保留结果，关闭输入行",
        },
    ),
    (
        "Esc Ctrl-c Ctrl-g",
        Text {
            en: "search: cancel, back to where you were",
            zh: "搜索：取消，回到原处",
        },
    ),
    (
        "Tab Ctrl-t Ctrl-o",
        Text {
            en: "search: whole words / substrings; Ctrl-o 繁简 folding",
            zh: "搜索：整词 / 字串；Ctrl-o 繁简通搜",
        },
    ),
    (
        "↑ ↓ Ctrl-p Ctrl-n",
        Text {
            en: "search: older / newer query from the history",
            zh: "搜索：历史中更早 / 更近的查询",
        },
    ),
    (
        "← → Home End",
        Text {
            en: "search: move (also Ctrl-b Ctrl-f Ctrl-a Ctrl-e)",
            zh: "搜索：移动光标（也可 Ctrl-b Ctrl-f Ctrl-a Ctrl-e）",
        },
    ),
    (
        "BS Del Ctrl-w Ctrl-u",
        Text {
            en: "search: delete before, under (Ctrl-h Ctrl-d), word, to start",
            zh: "搜索：删除前一字、当前字（Ctrl-h Ctrl-d）、前一词、到开头",
        },
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
                            || help.en.split([' ', '(', ')', ',']).any(|l| l == label)),
                    "{label} missing from the prompt help"
                );
            }
        }
    }

    #[test]
    fn every_help_line_is_in_chinese_too() {
        let texts = BINDINGS
            .iter()
            .chain(PROMPT_BINDINGS)
            .map(|b| b.help)
            .chain(PROMPT_HELP.iter().map(|(_, h)| *h))
            .chain([COUNT_HELP.1]);
        for t in texts {
            assert_ne!(t.en, t.zh, "{t:?} is not translated");
            assert!(
                t.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{t:?}"
            );
            assert_eq!(
                crate::i18n::english_words(t.zh),
                Vec::<String>::new(),
                "{}",
                t.zh
            );
        }
        i18n::set_active(i18n::Lang::Zh);
        let lines = help_lines();
        i18n::set_active(i18n::Lang::En);
        assert_eq!(lines[0].1, "下移一行（列表：下一项）");
        assert_eq!(lines.len(), help_lines().len());
    }
}
