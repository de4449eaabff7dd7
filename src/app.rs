//! The interactive reader's main loop. (Skeleton: to be built by the reader issue.)

use crate::cli::Cli;
use crate::document::Document;

/// Opens the reader on `docs` until the user quits.
pub fn run(docs: &[Document], _cli: &Cli) -> anyhow::Result<()> {
    anyhow::bail!(
        "the interactive reader is not built yet ({} documents loaded)",
        docs.len()
    )
}
