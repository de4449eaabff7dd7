//! Markdown page → [`Document`]: the passes of the parser run in order.

use super::model::{BlockKind, Document};
use super::plan::{Glue, Piece, PlanBlock, Text};
use super::{build, furniture, infer, join, lines};

/// Parses one page of markdown into a [`Document`] named `source`.
///
/// ```
/// let doc = kanbao::document::parse("p", "## 标题\n\n本报记者 纪元\n\n正文。");
/// assert_eq!(doc.field(doc.articles[0].title.as_ref()), Some("标题"));
/// assert_eq!(doc.field(doc.articles[0].byline.as_ref()), Some("本报记者 纪元"));
/// ```
pub fn parse(source: &str, markdown: &str) -> Document {
    let (all, habits) = lines::read(markdown);
    let mut units = Vec::with_capacity(all.len());
    let mut furniture_units = Vec::new();
    for u in all {
        let is_furniture = matches!(u.syntax, lines::Syntax::Text | lines::Syntax::Heading(_))
            && furniture::is_furniture(&u.text);
        if is_furniture {
            furniture_units.push(u);
        } else {
            units.push(u);
        }
    }
    let classes = join::classify(&units);
    let items = join::join(&units, &classes);
    let articles = infer::infer(&units, &items);
    // Furniture units go after the article units so one writer can lay down both.
    let offset = units.len();
    let furniture: Vec<PlanBlock> = furniture_units
        .iter()
        .enumerate()
        .map(|(n, u)| PlanBlock {
            kind: BlockKind::Furniture,
            text: Text::new(
                vec![Piece {
                    unit: offset + n,
                    range: 0..u.text.len(),
                }],
                Glue::Rejoin,
            ),
        })
        .collect();
    units.extend(furniture_units);
    let mut doc = build::document(source, &units, &articles, &furniture);
    doc.habits = habits.into_names();
    doc
}
