//! The `:` command line, as vim and less users reach for it: `:12` opens article 12 of
//! the page (the number the status line and the list show, like `12G`), `:page 3`
//! (`:p 3`) page 3 of all, `:$` the end, `:q` quits, `:help` shows the keys.
//!
//! A command only ever names an existing [`Action`] with a count: the command line is
//! another way to press keys, so it cannot drift from what the keys do.

use crate::action::Action;

use super::search::LineEditor;
use super::{AppState, Effect};

/// The open command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommandLine {
    pub editor: LineEditor,
}

/// What the line asks for: an action, with the count it is pressed with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub count: Option<usize>,
    pub action: Action,
}

/// Reads a command line (without its `:`).
pub fn parse(line: &str) -> Result<Command, String> {
    let line = line.trim();
    let plain = |action| {
        Ok(Command {
            count: None,
            action,
        })
    };
    let counted = |n: usize, action| {
        Ok(Command {
            count: Some(n),
            action,
        })
    };
    let number = |s: &str| s.trim().parse::<usize>().ok().filter(|&n| n > 0);
    let mut words = line.split_whitespace();
    let head = words.next().unwrap_or("");
    let rest: Vec<&str> = words.collect();
    match (head, rest.as_slice()) {
        ("", []) => Err(String::new()),
        ("q" | "q!" | "quit" | "qa" | "qa!" | "x" | "wq", []) => plain(Action::Quit),
        ("h" | "help", []) => plain(Action::ToggleHelp),
        ("$", []) => plain(Action::JumpToEnd),
        ("0", []) => plain(Action::JumpToStart),
        ("p" | "page", [n]) => match number(n) {
            Some(n) => counted(n, Action::JumpToPage),
            None => Err(crate::i18n::not_a_page_number(n)),
        },
        (n, []) if number(n).is_some() => counted(number(n).unwrap_or(1), Action::JumpToEnd),
        _ => Err(crate::i18n::unknown_command(line)),
    }
}

/// What a key does while the command line is open.
pub enum Outcome {
    /// Handled here (editing, closing).
    Done(Vec<Effect>),
    /// The line was entered: run this action with this count.
    Run(Command),
}

/// Keys while the line is open: the search prompt's editing keys edit it, Enter runs
/// it, Esc closes it; anything else is ignored, as in vim's command line.
pub fn handle(state: &mut AppState, action: &Action) -> Outcome {
    let Some(line) = state.command.as_mut() else {
        return Outcome::Done(Vec::new());
    };
    let e = &mut line.editor;
    match action {
        Action::InsertSearchText(s) => e.insert(s),
        Action::DeleteSearchCharBack => {
            if e.text().is_empty() {
                // Backspace on an empty line closes it, as in vim.
                state.command = None;
            } else {
                e.backspace();
            }
        }
        Action::DeleteSearchCharForward => e.delete(),
        Action::DeleteSearchWordBack => e.delete_word_back(),
        Action::DeleteSearchToStart => e.delete_to_start(),
        Action::MoveSearchCursorLeft => e.move_left(),
        Action::MoveSearchCursorRight => e.move_right(),
        Action::MoveSearchCursorStart => e.move_start(),
        Action::MoveSearchCursorEnd => e.move_end(),
        Action::CancelSearch | Action::CloseOrCancel => state.command = None,
        Action::ConfirmSearch => {
            let text = e.text().to_string();
            state.command = None;
            return match parse(&text) {
                Ok(command) => Outcome::Run(command),
                Err(message) => {
                    state.message = (!message.is_empty()).then_some(message);
                    Outcome::Done(vec![Effect::Redraw])
                }
            };
        }
        Action::Quit
        | Action::SuspendProcess
        | Action::RedrawScreen
        | Action::ResizeScreen { .. }
        | Action::ShowMessage(_) => {
            return Outcome::Run(Command {
                count: None,
                action: action.clone(),
            });
        }
        _ => return Outcome::Done(Vec::new()),
    }
    Outcome::Done(vec![Effect::Redraw])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(line: &str) -> Option<(Option<usize>, Action)> {
        parse(line).ok().map(|c| (c.count, c.action))
    }

    #[test]
    fn numbers_open_articles_and_pages_as_the_keys_do() {
        assert_eq!(run("4"), Some((Some(4), Action::JumpToEnd)));
        assert_eq!(run(" 12 "), Some((Some(12), Action::JumpToEnd)));
        assert_eq!(run("page 3"), Some((Some(3), Action::JumpToPage)));
        assert_eq!(run("p 30"), Some((Some(30), Action::JumpToPage)));
        assert_eq!(run("$"), Some((None, Action::JumpToEnd)));
        assert_eq!(run("0"), Some((None, Action::JumpToStart)));
    }

    #[test]
    fn quitting_and_help_are_words_vim_users_type() {
        for q in ["q", "q!", "quit", "qa", "x", "wq"] {
            assert_eq!(run(q), Some((None, Action::Quit)), "{q}");
        }
        assert_eq!(run("help"), Some((None, Action::ToggleHelp)));
    }

    #[test]
    fn mistakes_say_what_the_line_knows() {
        let err = parse("frobnicate").unwrap_err();
        assert!(err.contains("unknown command :frobnicate") && err.contains(":page N"));
        assert!(parse("page x").unwrap_err().contains("not a page number"));
        assert!(parse("page").is_err());
        assert!(parse("-3").is_err());
        assert_eq!(parse("  ").unwrap_err(), "", "an empty line just closes");
    }
}
