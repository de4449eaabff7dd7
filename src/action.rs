//! The reader's whole vocabulary of intentions.
//!
//! Keys, mouse events, resizes, signals and background results all become an
//! [`Action`]; [`crate::state::update`] is the only code that turns one into a change of
//! state. Naming every intention once keeps the keymap, the help screen and the tests
//! talking about the same things.

/// Something the user (or the program) wants done to the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Scroll the article pane one line down, or move the list selection down.
    MoveDown,
    /// Scroll the article pane one line up, or move the list selection up.
    MoveUp,
    /// Scroll one screenful down (the list and overlays: one of their heights).
    ScrollPageDown,
    /// Scroll one screenful up (the list: one list height).
    ScrollPageUp,
    /// Scroll half a screenful down.
    ScrollHalfPageDown,
    /// Scroll half a screenful up.
    ScrollHalfPageUp,
    /// Go to the beginning (with a count N: to article N of the page).
    JumpToStart,
    /// Go to the end (with a count N: to article N of the page).
    JumpToEnd,
    /// With a count N: go to page N (of all the pages).
    JumpToPage,
    /// Put the next article's headline at the top of the pane.
    NextArticle,
    /// Put the previous article's headline (or this one's, if read into) at the top.
    PrevArticle,
    /// Put the next subhead at the top of the pane.
    NextSubhead,
    /// Put the previous subhead at the top of the pane.
    PrevSubhead,
    /// Go to the first article of the next page (document).
    NextPage,
    /// Go to the first article of the previous page (document).
    PrevPage,
    /// Switch keyboard focus between the section list and the article pane.
    SwitchFocus,
    /// Focus the section list (showing it if hidden).
    FocusSectionList,
    /// Focus the article pane.
    FocusArticlePane,
    /// Open the selected list entry and focus the article pane.
    OpenSelection,
    /// Show or hide the section list.
    ToggleSectionList,
    /// Make the section list wider.
    WidenSectionList,
    /// Make the section list narrower.
    NarrowSectionList,
    /// Show or hide the key help.
    ToggleHelp,
    /// Close what is open (help, overlay, prompt, search, count, list focus); never quits.
    CloseOrCancel,
    /// `Z`: the second one in a row quits (vim's `ZZ`).
    QuitOnSecondZ,
    /// Leave the reader.
    Quit,
    /// Open the `:` command line (`:12`, `:page 3`, `:q`).
    OpenCommandLine,
    /// Copy the article being read (headline, byline, text) to the clipboard.
    CopyArticle,
    /// Suspend the reader to the shell (Ctrl-Z); `fg` brings it back.
    SuspendProcess,
    /// Clear and repaint the whole screen.
    RedrawScreen,
    /// Append a digit to the count prefix (the 5 of `5j`).
    TypeCountDigit(u8),
    /// The terminal now has this many columns and rows.
    ResizeScreen { width: u16, height: u16 },
    /// The mouse wheel turned over the cell at (column, row).
    ScrollAt { column: u16, row: u16, down: bool },
    /// The mouse clicked the cell at (column, row).
    ClickAt { column: u16, row: u16 },
    /// Show a short message in the status line (e.g. from background work).
    ShowMessage(String),
    // search
    /// Open the search prompt in the status line.
    OpenSearchPrompt,
    /// Type text into the search prompt (a key, an IME commit or a paste).
    InsertSearchText(String),
    /// Delete the character before the prompt's cursor.
    DeleteSearchCharBack,
    /// Delete the character under the prompt's cursor.
    DeleteSearchCharForward,
    /// Move the prompt's cursor one character left.
    MoveSearchCursorLeft,
    /// Move the prompt's cursor one character right.
    MoveSearchCursorRight,
    /// Move the prompt's cursor to the start.
    MoveSearchCursorStart,
    /// Move the prompt's cursor to the end.
    MoveSearchCursorEnd,
    /// Delete everything before the prompt's cursor.
    DeleteSearchToStart,
    /// Delete the word before the prompt's cursor.
    DeleteSearchWordBack,
    /// Put the previous (older) query from the history in the prompt.
    RecallOlderSearch,
    /// Put the next (newer) query from the history in the prompt.
    RecallNewerSearch,
    /// Switch between substring and whole-word matching.
    ToggleWholeWord,
    /// Switch traditional/simplified folding (台风 finds 颱風) on or off.
    ToggleScriptFolding,
    /// Close the prompt, keeping the search and the match shown.
    ConfirmSearch,
    /// Close the prompt, restoring the position and the search from before `/`.
    CancelSearch,
    /// Show the next search match, across articles and pages, wrapping at the end.
    JumpToNextMatch,
    /// Show the previous search match, wrapping at the start.
    JumpToPrevMatch,
    /// Open the list of every search match.
    OpenSearchResults,
    /// Matches found by the background search.
    ApplySearchResults(crate::analysis::search::batch::SearchBatch),
    /// Articles found through the archive's index.
    ApplyArchiveResults(crate::analysis::search::archive::ArchiveBatch),

    // marks
    /// `m`: the next letter names a mark at the reading position.
    StartMark,
    /// `'`: the next letter (or `'`) says which mark to go back to.
    StartJumpToMark,
    /// Put mark `letter` at the reading position.
    SetMark(char),
    /// Go to mark `letter`; `'` is the place before the last jump.
    JumpToMark(char),
    /// Open the list of marks (Enter jumps).
    OpenBookmarks,
    /// At start: what was remembered of these pages (position and marks), whether to
    /// resume at the position, the search history, and warnings for the status line.
    RestoreMemory {
        record: Option<Box<crate::persist::SetRecord>>,
        resume: bool,
        searches: Vec<String>,
        notes: Vec<String>,
    },

    // keywords
    /// Show or hide the keyword highlights in the text.
    ToggleKeywordHighlights,
    /// Show or hide person, place and organisation names (names mode).
    ToggleNameHighlights,
    /// Move to the next occurrence of a keyword of the article.
    JumpToNextKeyword,
    /// Move to the previous occurrence of a keyword of the article.
    JumpToPrevKeyword,
    /// Open the list of the article's keywords (Enter searches for one).
    OpenKeywordList,
    /// Search for this text and show the first match (`--search`, the keyword list).
    SearchFor(String),
    /// Background: jieba is loaded (it took this many milliseconds).
    KeywordEngineReady { millis: u64 },
    /// Background: jieba could not be set up; keywords are off.
    KeywordEngineFailed(String),
    /// Background: one article's keywords, occurrences and names.
    ArticleAnalysed {
        doc: usize,
        article: usize,
        analysis: crate::analysis::worker::SharedAnalysis,
    },
    /// The background load parsed more pages: these documents come after the current
    /// ones (only the new pages travel, so no list of every page is ever copied).
    PagesLoaded(Vec<crate::document::Document>),
    /// The background load has resolved `done` of `total` pages.
    LoadProgress { done: usize, total: usize },
    /// The background load is over; these pages could not be opened.
    LoadFinished { skipped: Vec<String> },
    /// The archive's index is being built or updated: `done` of `total` pages.
    IndexProgress { done: usize, total: usize },
    /// The archive's index is there to search.
    IndexReady,
    /// The archive has no usable index (why): search scans the pages in memory.
    IndexUnavailable(String),
    /// Background: a photo of an image block was decoded (or could not be).
    PhotoDecoded(crate::photo::Decoded),
}

impl Action {
    /// Results of background work: they must not cancel a count, a message or a
    /// scroll the user is in the middle of.
    pub fn is_background(&self) -> bool {
        matches!(
            self,
            Self::KeywordEngineReady { .. }
                | Self::KeywordEngineFailed(_)
                | Self::ArticleAnalysed { .. }
                | Self::PagesLoaded(_)
                | Self::LoadProgress { .. }
                | Self::LoadFinished { .. }
                | Self::PhotoDecoded(_)
        )
    }
}

impl Action {
    /// The variant's name: what the configuration's `[keys]` table and README call it.
    /// Exhaustive on purpose, so a new action gets a name where it is added.
    pub fn name(&self) -> &'static str {
        match self {
            Self::MoveDown => "MoveDown",
            Self::MoveUp => "MoveUp",
            Self::ScrollPageDown => "ScrollPageDown",
            Self::ScrollPageUp => "ScrollPageUp",
            Self::ScrollHalfPageDown => "ScrollHalfPageDown",
            Self::ScrollHalfPageUp => "ScrollHalfPageUp",
            Self::JumpToStart => "JumpToStart",
            Self::JumpToEnd => "JumpToEnd",
            Self::JumpToPage => "JumpToPage",
            Self::NextArticle => "NextArticle",
            Self::PrevArticle => "PrevArticle",
            Self::NextSubhead => "NextSubhead",
            Self::PrevSubhead => "PrevSubhead",
            Self::NextPage => "NextPage",
            Self::PrevPage => "PrevPage",
            Self::SwitchFocus => "SwitchFocus",
            Self::FocusSectionList => "FocusSectionList",
            Self::FocusArticlePane => "FocusArticlePane",
            Self::OpenSelection => "OpenSelection",
            Self::ToggleSectionList => "ToggleSectionList",
            Self::WidenSectionList => "WidenSectionList",
            Self::NarrowSectionList => "NarrowSectionList",
            Self::ToggleHelp => "ToggleHelp",
            Self::CloseOrCancel => "CloseOrCancel",
            Self::QuitOnSecondZ => "QuitOnSecondZ",
            Self::Quit => "Quit",
            Self::CopyArticle => "CopyArticle",
            Self::SuspendProcess => "SuspendProcess",
            Self::RedrawScreen => "RedrawScreen",
            Self::TypeCountDigit(..) => "TypeCountDigit",
            Self::ResizeScreen { .. } => "ResizeScreen",
            Self::ScrollAt { .. } => "ScrollAt",
            Self::ClickAt { .. } => "ClickAt",
            Self::ShowMessage(..) => "ShowMessage",
            Self::OpenSearchPrompt => "OpenSearchPrompt",
            Self::InsertSearchText(..) => "InsertSearchText",
            Self::DeleteSearchCharBack => "DeleteSearchCharBack",
            Self::DeleteSearchCharForward => "DeleteSearchCharForward",
            Self::MoveSearchCursorLeft => "MoveSearchCursorLeft",
            Self::MoveSearchCursorRight => "MoveSearchCursorRight",
            Self::MoveSearchCursorStart => "MoveSearchCursorStart",
            Self::MoveSearchCursorEnd => "MoveSearchCursorEnd",
            Self::DeleteSearchToStart => "DeleteSearchToStart",
            Self::DeleteSearchWordBack => "DeleteSearchWordBack",
            Self::RecallOlderSearch => "RecallOlderSearch",
            Self::RecallNewerSearch => "RecallNewerSearch",
            Self::ToggleWholeWord => "ToggleWholeWord",
            Self::ToggleScriptFolding => "ToggleScriptFolding",
            Self::ConfirmSearch => "ConfirmSearch",
            Self::CancelSearch => "CancelSearch",
            Self::JumpToNextMatch => "JumpToNextMatch",
            Self::JumpToPrevMatch => "JumpToPrevMatch",
            Self::OpenSearchResults => "OpenSearchResults",
            Self::ApplySearchResults(..) => "ApplySearchResults",
            Self::ApplyArchiveResults(..) => "ApplyArchiveResults",
            Self::StartMark => "StartMark",
            Self::StartJumpToMark => "StartJumpToMark",
            Self::SetMark(..) => "SetMark",
            Self::JumpToMark(..) => "JumpToMark",
            Self::OpenBookmarks => "OpenBookmarks",
            Self::RestoreMemory { .. } => "RestoreMemory",
            Self::ToggleKeywordHighlights => "ToggleKeywordHighlights",
            Self::ToggleNameHighlights => "ToggleNameHighlights",
            Self::JumpToNextKeyword => "JumpToNextKeyword",
            Self::JumpToPrevKeyword => "JumpToPrevKeyword",
            Self::OpenKeywordList => "OpenKeywordList",
            Self::OpenCommandLine => "OpenCommandLine",
            Self::SearchFor(..) => "SearchFor",
            Self::KeywordEngineReady { .. } => "KeywordEngineReady",
            Self::KeywordEngineFailed(..) => "KeywordEngineFailed",
            Self::ArticleAnalysed { .. } => "ArticleAnalysed",
            Self::PagesLoaded(..) => "PagesLoaded",
            Self::LoadProgress { .. } => "LoadProgress",
            Self::LoadFinished { .. } => "LoadFinished",
            Self::IndexProgress { .. } => "IndexProgress",
            Self::IndexReady => "IndexReady",
            Self::IndexUnavailable(..) => "IndexUnavailable",
            Self::PhotoDecoded(..) => "PhotoDecoded",
        }
    }

    /// The action a key binding in the configuration names (`"NextArticle"`); only
    /// actions without a payload can be bound.
    pub fn from_name(name: &str) -> Option<Self> {
        BINDABLE.iter().find(|a| a.name() == name).cloned()
    }
}

/// Every action a key can be bound to by name (those without a payload).
pub const BINDABLE: &[Action] = &[
    Action::MoveDown,
    Action::MoveUp,
    Action::ScrollPageDown,
    Action::ScrollPageUp,
    Action::ScrollHalfPageDown,
    Action::ScrollHalfPageUp,
    Action::JumpToStart,
    Action::JumpToEnd,
    Action::JumpToPage,
    Action::NextArticle,
    Action::PrevArticle,
    Action::NextSubhead,
    Action::PrevSubhead,
    Action::NextPage,
    Action::PrevPage,
    Action::SwitchFocus,
    Action::FocusSectionList,
    Action::FocusArticlePane,
    Action::OpenSelection,
    Action::ToggleSectionList,
    Action::WidenSectionList,
    Action::NarrowSectionList,
    Action::ToggleHelp,
    Action::CloseOrCancel,
    Action::QuitOnSecondZ,
    Action::Quit,
    Action::CopyArticle,
    Action::SuspendProcess,
    Action::RedrawScreen,
    Action::OpenSearchPrompt,
    Action::DeleteSearchCharBack,
    Action::DeleteSearchCharForward,
    Action::MoveSearchCursorLeft,
    Action::MoveSearchCursorRight,
    Action::MoveSearchCursorStart,
    Action::MoveSearchCursorEnd,
    Action::DeleteSearchToStart,
    Action::DeleteSearchWordBack,
    Action::RecallOlderSearch,
    Action::RecallNewerSearch,
    Action::ToggleWholeWord,
    Action::ToggleScriptFolding,
    Action::ConfirmSearch,
    Action::CancelSearch,
    Action::JumpToNextMatch,
    Action::JumpToPrevMatch,
    Action::OpenSearchResults,
    Action::StartMark,
    Action::StartJumpToMark,
    Action::OpenBookmarks,
    Action::ToggleKeywordHighlights,
    Action::ToggleNameHighlights,
    Action::JumpToNextKeyword,
    Action::JumpToPrevKeyword,
    Action::OpenKeywordList,
    Action::OpenCommandLine,
];
