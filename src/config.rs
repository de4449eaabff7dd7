//! `$XDG_CONFIG_HOME/kanbao/config.toml`: defaults for the command line, a theme, and
//! key bindings by action name.
//!
//! Read with serde and the `toml` crate into a [`Config`] of optional values; the
//! command line fills in [`crate::options::Options`] over it (a flag always wins,
//! `crate::cli::Cli::options_with`), and [`Settings::from_config`] builds the theme and
//! the keymap. Whatever is wrong with the file is *one* warning naming the line and
//! the problem; kanbao then opens with the defaults (a syntax error) or without the
//! one bad setting (an unknown theme, key or action), and never writes the file.
//!
//! ```toml
//! indent = 2
//! keywords = 8
//! theme = "light"
//!
//! [colors]
//! search_match = "black on lightyellow"
//!
//! [keys]
//! NextArticle = ["]", "ctrl-n"]
//! Quit = "x"
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::action::Action;
use crate::i18n::Lang;
use crate::keymap::{self, Key, Keymap};
use crate::options::Options;
use crate::ui::theme::{self, Theme};

/// The file as written: every value optional, unknown keys refused (a typo is named
/// rather than silently ignored).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub indent: Option<u16>,
    pub width: Option<u16>,
    pub ambiguous_wide: Option<bool>,
    /// Keep OCR's half-width punctuation in Chinese text as it is (`--halfwidth-punct`).
    pub halfwidth_punct: Option<bool>,
    /// Show traditional characters as simplified (`--simplified`).
    pub simplified: Option<bool>,
    pub encoding: Option<String>,
    pub keywords: Option<usize>,
    pub textrank: Option<bool>,
    /// Keyword highlights shown at start (`H` toggles them).
    pub keyword_highlights: Option<bool>,
    /// Photos drawn in the article pane (`--no-images`: not this time).
    pub images: Option<bool>,
    pub whole_word: Option<bool>,
    pub exact_script: Option<bool>,
    /// Search a directory through its index, built in the background (`--no-index`).
    pub index: Option<bool>,
    pub dict: Option<PathBuf>,
    /// Open where the last run on the same pages stopped.
    pub resume: Option<bool>,
    /// `dark`, `light` or `mono`.
    pub theme: Option<String>,
    /// The interface's language, `zh` or `en` (`--lang`); unset, the locale decides.
    pub lang: Option<String>,
    /// Colours set one by one over the theme's: slot name → style words.
    pub colors: BTreeMap<String, String>,
    /// Action name → keys.
    pub keys: BTreeMap<String, KeyList>,
}

/// One key or a list of keys.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    fn items(&self) -> Vec<&str> {
        match self {
            Self::One(k) => vec![k.as_str()],
            Self::Many(ks) => ks.iter().map(String::as_str).collect(),
        }
    }
}

/// Reads `text` as a configuration; the error names the line and what is wrong.
pub fn parse(text: &str) -> Result<Config, String> {
    toml::from_str(text).map_err(|err| {
        let line = err.span().map_or(1, |span| {
            text.get(..span.start).unwrap_or("").matches('\n').count() + 1
        });
        format!("line {line}: {}", err.message().trim())
    })
}

/// The configuration file at `path`: the defaults and no warning when there is none;
/// the defaults and one warning when it cannot be read or parsed.
pub fn load(path: &Path) -> (Config, Option<String>) {
    let text = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return (Config::default(), None),
        Err(err) => {
            return (
                Config::default(),
                Some(format!(
                    "cannot read {}: {err}; defaults used",
                    path.display()
                )),
            );
        }
    };
    let parsed = std::str::from_utf8(&text)
        .map_err(|_| "it is not UTF-8 text".to_string())
        .and_then(parse);
    match parsed {
        Ok(config) => (config, None),
        Err(problem) => (
            Config::default(),
            Some(format!("{} {problem}; defaults used", file_name(path))),
        ),
    }
}

/// What the configuration sets besides options: the theme and the keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub theme: Theme,
    /// The theme's name, as `--print-config` writes it.
    pub theme_name: String,
    pub keymap: Keymap,
    /// Problems with single settings (each one left out).
    pub problems: Vec<String>,
}

impl Settings {
    /// The theme and keymap `config` asks for; `no_color` (`NO_COLOR` is set) picks
    /// `mono` unless the file names a theme.
    pub fn from_config(config: &Config, no_color: bool) -> Self {
        let mut problems = Vec::new();
        let default = if no_color { "mono" } else { "dark" };
        let mut theme_name = config.theme.clone().unwrap_or_else(|| default.to_string());
        let mut theme = Theme::named(&theme_name).unwrap_or_else(|| {
            problems.push(format!(
                "theme `{theme_name}` is not one of {}",
                theme::THEMES.join(", ")
            ));
            theme_name = default.to_string();
            Theme::named(default).unwrap_or_default()
        });
        for (slot, spec) in &config.colors {
            if let Err(problem) = theme.set(slot, spec) {
                problems.push(format!("[colors] {problem}"));
            }
        }
        if let Some(lang) = &config.lang
            && Lang::parse(lang).is_none()
        {
            problems.push(format!("lang `{lang}` is not zh or en"));
        }
        let mut keymap = Keymap::default();
        for (name, keys) in &config.keys {
            let Some(action) = Action::from_name(name) else {
                problems.push(format!("[keys] `{name}` is not an action's name"));
                continue;
            };
            let parsed: Result<Vec<Key>, String> =
                keys.items().into_iter().map(Key::parse).collect();
            match parsed.and_then(|keys| keymap.rebind(action, keys)) {
                Ok(()) => {}
                Err(problem) => problems.push(format!("[keys] {name}: {problem}")),
            }
        }
        Self {
            theme,
            theme_name,
            keymap,
            problems,
        }
    }

    /// The one warning about the settings left out, if any.
    pub fn warning(&self, path: &Path) -> Option<String> {
        let first = self.problems.first()?;
        let more = match self.problems.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        Some(format!("{}: {first}{more}; left out", file_name(path)))
    }
}

/// The file's name alone: the status line has room for the problem, not the path
/// (README says where the file is).
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// `--print-config`: the effective configuration (defaults, the file, the command
/// line) as a commented file a user can start from.
pub fn render(options: &Options, config: &Config, settings: &Settings) -> String {
    let mut out = String::new();
    let s = |text: &str| toml::Value::String(text.to_string()).to_string();
    let _ = writeln!(
        out,
        "# kanbao's configuration: $XDG_CONFIG_HOME/kanbao/config.toml\n\
         # (default ~/.config/kanbao/config.toml). This is what is in force now: the\n\
         # defaults, the file, then the command line. A flag always wins over the file.\n"
    );
    let mut item = |comment: &str, line: String| {
        let _ = writeln!(out, "# {comment}\n{line}\n");
    };
    let layout = &options.layout;
    item(
        "First-line indent of paragraphs, in full-width spaces (--indent).",
        format!("indent = {}", layout.paragraph_indent),
    );
    item(
        "Width of --dump text and of piped output (--width).",
        format!("width = {}", layout.width),
    );
    item(
        "Count ambiguous-width characters (“ ” … — ·) as two columns (--ambiguous-wide).",
        format!("ambiguous_wide = {}", layout.ambiguous_wide),
    );
    item(
        "Keep OCR's half-width , ( ) : ; ? ! in Chinese text instead of showing them full-width (--halfwidth-punct).",
        format!("halfwidth_punct = {}", !layout.fullwidth_punct),
    );
    item(
        "Show a traditional-character page in simplified characters, one for one (--simplified).",
        format!("simplified = {}", layout.simplified),
    );
    item(
        "Decode every page with this encoding instead of detecting it (--encoding).",
        match &options.input.encoding {
            Some(e) => format!("encoding = {}", s(e)),
            None => "# encoding = \"gb18030\"".to_string(),
        },
    );
    let kw = &options.analysis.keywords;
    item(
        "Keywords per article; 0 turns them off (--keywords).",
        format!("keywords = {}", kw.top),
    );
    item(
        "Rank keywords with TextRank instead of TF-IDF (--textrank).",
        format!(
            "textrank = {}",
            kw.method == crate::analysis::keywords::Method::TextRank
        ),
    );
    item(
        "Keyword highlights in the text at start (H toggles them).",
        format!("keyword_highlights = {}", options.keyword_highlights),
    );
    item(
        "Draw photos found beside the page in the article pane (--no-images: not this time).",
        format!("images = {}", options.images),
    );
    item(
        "Search whole words (jieba) rather than substrings (--whole-word).",
        format!(
            "whole_word = {}",
            options.search.mode == crate::analysis::search::MatchMode::WholeWord
        ),
    );
    item(
        "Traditional and simplified characters do not match each other (--exact-script).",
        format!("exact_script = {}", options.search.exact_script),
    );
    item(
        "Search a directory through its index in the cache, built in the background (--no-index: not).",
        format!("index = {}", !options.search.no_index),
    );
    item(
        "A user dictionary for jieba (--dict); default $XDG_CONFIG_HOME/kanbao/dict.txt.",
        match &options.analysis.segmenter.user_dict {
            Some(d) => format!("dict = {}", s(&d.to_string_lossy())),
            None => "# dict = \"/path/to/dict.txt\"".to_string(),
        },
    );
    item(
        "Open where the last run on the same pages stopped (--no-resume: not this time).",
        format!("resume = {}", options.memory.resume),
    );
    item(
        "dark, light or mono (attributes only). Unset, NO_COLOR picks mono, else dark.",
        match &config.theme {
            Some(_) => format!("theme = {}", s(&settings.theme_name)),
            None => format!("# theme = {}", s(&settings.theme_name)),
        },
    );
    item(
        "The interface's language, zh or en (--lang). Unset, the first of LC_ALL, LC_MESSAGES, LANG decides (zh_CN.UTF-8: zh).",
        match &config.lang {
            Some(_) => format!("lang = {}", s(options.lang.name())),
            None => format!("# lang = {}", s(options.lang.name())),
        },
    );
    let _ = writeln!(
        out,
        "[colors]\n# Colours over the theme's, one by one: words for a foreground colour\n\
         # (names, #rrggbb or 0-255), `on COLOUR` for the background, and bold, dim,\n\
         # italic, underline, reverse. Slots: {}\n# {}.",
        theme::SLOTS[..5].join(", "),
        theme::SLOTS[5..].join(", ")
    );
    if config.colors.is_empty() {
        let _ = writeln!(out, "# search_match = \"black on yellow\"");
    }
    for (slot, spec) in &config.colors {
        let _ = writeln!(out, "{slot} = {}", s(spec));
    }
    let _ = writeln!(
        out,
        "\n[keys]\n# Any action by name; the keys listed replace its default keys. Keys are\n\
         # one character, ctrl-x, or space enter esc tab backtab backspace delete up down\n\
         # left right pageup pagedown home end."
    );
    let keymap = &settings.keymap;
    for b in keymap::BINDINGS.iter().chain(keymap::PROMPT_BINDINGS) {
        let keys: Vec<String> = keymap
            .keys_of(b)
            .iter()
            .map(|k| s(&k.config_name()))
            .collect();
        let _ = writeln!(
            out,
            "# {}\n{} = [{}]",
            b.help.en,
            b.action.name(),
            keys.join(", ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_syntax_error_names_its_line() {
        let err = parse("indent = 2\ntheme = \"light\nkeywords = 3\n").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
        let err = parse("indent = 2\n\nkeywrods = 3\n").unwrap_err();
        assert!(
            err.starts_with("line 3:") && err.contains("keywrods"),
            "{err}"
        );
        let err = parse("indent = \"two\"\n").unwrap_err();
        assert!(err.starts_with("line 1:"), "{err}");
    }

    #[test]
    fn keys_bind_by_action_name_and_bad_ones_are_named() {
        let config = parse(
            "theme = \"light\"\n[keys]\nQuit = \"x\"\nNextArticle = [\"]\", \"ctrl-n\"]\n\
             Fly = \"f\"\nMoveDown = \"hyper-j\"\n",
        )
        .unwrap();
        let settings = Settings::from_config(&config, true);
        assert_eq!(
            settings.theme,
            Theme::light(),
            "a named theme beats NO_COLOR"
        );
        assert_eq!(settings.problems.len(), 2, "{:?}", settings.problems);
        let warning = settings.warning(Path::new("c.toml")).unwrap();
        assert!(
            warning.contains("Fly") && warning.contains("1 more"),
            "{warning}"
        );
        crate::keymap::set_active(settings.keymap);
        assert_eq!(keymap::action_for(Key::Char('x')), Some(Action::Quit));
        assert_eq!(
            keymap::action_for(Key::Ctrl('n')),
            Some(Action::NextArticle)
        );
        crate::keymap::set_active(Keymap::default());
    }

    #[test]
    fn no_color_picks_mono_unless_a_theme_is_named() {
        assert_eq!(
            Settings::from_config(&Config::default(), true).theme,
            Theme::mono()
        );
        assert_eq!(
            Settings::from_config(&Config::default(), false).theme,
            Theme::dark()
        );
        let bad = parse("theme = \"sepia\"").unwrap();
        let settings = Settings::from_config(&bad, false);
        assert_eq!(
            (settings.theme, settings.problems.len()),
            (Theme::dark(), 1)
        );
    }

    #[test]
    fn a_missing_file_is_no_warning_and_a_broken_one_is_one() {
        let dir = std::env::temp_dir().join(format!("kanbao-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (config, warning) = load(&dir.join("none.toml"));
        assert_eq!((config, warning), (Config::default(), None));
        let path = dir.join("config.toml");
        std::fs::write(&path, "indent = 4\n[keys\n").unwrap();
        let (config, warning) = load(&path);
        assert_eq!(config, Config::default());
        let warning = warning.unwrap();
        assert!(warning.starts_with("config.toml line 2:"), "{warning}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "indent = 4\n[keys\n"
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
