//! Command-line options (clap). `main.rs` parses them and hands them to [`run`].

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, ValueEnum};

use crate::dump;
use crate::input;
use crate::layout::LayoutOptions;

/// kanbao (看报): read OCR'd Chinese newspaper pages (markdown) in the terminal.
#[derive(Debug, Parser)]
#[command(version, about)]
pub struct Cli {
    /// Pages to open: files, directories of pages, or `-` for standard input.
    /// Without any, the bundled sample page opens.
    pub paths: Vec<PathBuf>,

    /// Print the document instead of opening the reader.
    #[arg(long, value_enum)]
    pub dump: Option<DumpFormat>,

    /// Width for `--dump text` and for piped output (default 80).
    #[arg(long, value_name = "N")]
    pub width: Option<u16>,

    /// Count ambiguous-width characters (“ ” … — ·) as two columns.
    #[arg(long)]
    pub ambiguous_wide: bool,

    /// First-line indent of paragraphs, in full-width spaces.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub indent: u16,
}

/// What `--dump` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DumpFormat {
    /// The parsed structure as JSON.
    Json,
    /// The laid-out text, as the article pane shows it.
    Text,
}

impl Cli {
    /// Layout options from the flags, at `width`.
    pub fn layout_options(&self, width: u16) -> LayoutOptions {
        LayoutOptions {
            width,
            paragraph_indent: self.indent,
            ambiguous_wide: self.ambiguous_wide,
        }
    }
}

/// Runs kanbao with parsed options; returns the process exit code.
pub fn run(cli: &Cli) -> i32 {
    let docs = match input::load(&cli.paths) {
        Ok(docs) => docs,
        Err(err) => {
            eprintln!("kanbao: {err}");
            return 2;
        }
    };
    let width = cli.width.unwrap_or(80).max(1);
    let output = match cli.dump {
        Some(DumpFormat::Json) => Some(dump::json(&docs)),
        Some(DumpFormat::Text) => Some(dump::text(&docs, &cli.layout_options(width))),
        None if !std::io::stdout().is_terminal() => {
            Some(dump::text(&docs, &cli.layout_options(width)))
        }
        None => None,
    };
    if let Some(text) = output {
        let mut stdout = std::io::stdout().lock();
        // A closed pipe (`kanbao page.md | head`) is not an error worth reporting.
        let _ = stdout.write_all(text.as_bytes());
        let _ = stdout.flush();
        return 0;
    }
    match crate::app::run(docs, cli) {
        Ok(()) => 0,
        Err(err) => {
            eprintln!("kanbao: {err:#}");
            1
        }
    }
}
