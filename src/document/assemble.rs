//! Decoded roles → articles. The decisions are made; this only groups the units.
//!
//! A head role (banner, series label, kicker, headline, photo title) opens a new
//! article unless the article being built is still gathering its head; a paragraph
//! continuation is glued onto the last paragraph (so a caption dropped inside a column
//! break ends up beside the paragraph, which is whole again); a byline fills the
//! article's byline once (consecutive byline lines together), and the first paragraph
//! of an unsigned article gives up an inline byline at its head.

use super::byline;
use super::lines::Unit;
use super::model::BlockKind;
use super::plan::{Glue, Piece, PlanArticle, PlanBlock, Text};
use super::roles::Role;

/// The articles of the page, and units decoded as furniture.
pub(crate) struct Assembled {
    pub articles: Vec<PlanArticle>,
    pub furniture: Vec<usize>,
}

fn whole(units: &[Unit], unit: usize) -> Piece {
    Piece {
        unit,
        range: 0..units.get(unit).map_or(0, |u| u.text.len()),
    }
}

/// Whether a byline is only a news dateline cut from the head of a paragraph
/// (`本报讯`), naming nobody.
fn bare_dateline(units: &[Unit], b: &Text) -> bool {
    matches!(b.pieces.as_slice(), [p] if units.get(p.unit).is_some_and(|u| {
        p.range.end < u.text.len()
            && u.text.get(p.range.clone()).is_some_and(|s| matches!(s.trim(), "本报讯" | "本報訊"))
    }))
}

/// Whether the article is still gathering its head (nothing below a headline yet).
fn in_head(a: &PlanArticle) -> bool {
    a.subtitle.is_none() && a.byline.is_none() && a.blocks.is_empty()
}

struct Builder<'a> {
    units: &'a [Unit],
    articles: Vec<PlanArticle>,
    cur: Option<PlanArticle>,
    furniture: Vec<usize>,
    prev: Option<Role>,
    /// Where the last unit went, for a line continuation.
    last: Slot,
}

/// Where a unit's text went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    None,
    Overline,
    Kicker,
    Title,
    Subtitle,
    Byline,
    Block,
    Furniture,
}

/// Groups the units of a page into articles by their decoded roles.
pub(crate) fn assemble(units: &[Unit], roles: &[Role]) -> Assembled {
    let mut b = Builder {
        units,
        articles: Vec::new(),
        cur: None,
        furniture: Vec::new(),
        prev: None,
        last: Slot::None,
    };
    for (i, role) in roles.iter().enumerate() {
        let role = &b.resumed(i, *role);
        if *role == Role::LineCont && b.line_continuation(i) {
            continue;
        }
        let role = if *role == Role::LineCont {
            Role::Paragraph
        } else {
            *role
        };
        b.unit(i, role);
        b.last = match role {
            Role::Banner | Role::SeriesLabel => Slot::Overline,
            Role::Kicker => Slot::Kicker,
            Role::Headline | Role::PhotoTitle => Slot::Title,
            Role::Subtitle => Slot::Subtitle,
            Role::Byline => Slot::Byline,
            Role::Furniture => Slot::Furniture,
            _ => Slot::Block,
        };
        b.prev = Some(role);
    }
    if let Some(a) = b.cur.take() {
        b.articles.push(a);
    }
    Assembled {
        articles: b.articles,
        furniture: b.furniture,
    }
}

impl Builder<'_> {
    /// The role unit `i` takes in the article it belongs to: running text right after a
    /// from-note (`[上接第一版）`) that follows a photo item (its image, caption or
    /// credit) or a story closed by its byline opens a story continued from another
    /// page (`Resume`), whatever the decode said. Newspapers set such a continuation
    /// without its headline where the layout has no room (under a photo item, at a
    /// column's foot).
    ///
    /// A hard constraint, because it is what the note means there, not a matter of
    /// weight: a photo item or a signed story does not go on from another page, so the
    /// text after the note is never theirs. Under a headline or a byline (nothing in the
    /// article's body yet) the note is the article's own; after a plain paragraph the
    /// decode decides (`continued_article`), since a converter may also leave a note
    /// amid its own story.
    fn resumed(&self, i: usize, role: Role) -> Role {
        let after_note = i
            .checked_sub(1)
            .and_then(|p| self.units.get(p))
            .is_some_and(|u| u.from_note_next);
        let closed = self.cur.as_ref().is_some_and(|a| {
            let photo = a.blocks.last().is_some_and(|b| {
                matches!(
                    b.kind,
                    BlockKind::Caption | BlockKind::Credit | BlockKind::Image
                )
            });
            let signed = self.prev == Some(Role::Byline) && !a.blocks.is_empty();
            photo || signed
        });
        if after_note && closed && matches!(role, Role::Paragraph | Role::ParaCont | Role::LineCont)
        {
            Role::Resume
        } else {
            role
        }
    }

    fn open(&mut self) -> &mut PlanArticle {
        if let Some(a) = self.cur.take() {
            self.articles.push(a);
        }
        self.cur.insert(PlanArticle::default())
    }

    fn cur(&mut self) -> &mut PlanArticle {
        self.cur.get_or_insert_with(PlanArticle::default)
    }

    /// The article a head line goes to: the current one while its head is open and
    /// the slot is free, else a new one.
    fn head(&mut self, fits: impl Fn(&PlanArticle) -> bool) -> &mut PlanArticle {
        let reuse = self.cur.as_ref().is_some_and(|a| in_head(a) && fits(a));
        if reuse { self.cur() } else { self.open() }
    }

    fn block(&mut self, kind: BlockKind, i: usize) {
        let piece = whole(self.units, i);
        self.cur().blocks.push(PlanBlock {
            kind,
            text: Text::new(vec![piece], Glue::Rejoin),
        });
    }

    fn unit(&mut self, i: usize, role: Role) {
        let piece = whole(self.units, i);
        let text = Text::new(vec![piece.clone()], Glue::Rejoin);
        match role {
            Role::Banner | Role::SeriesLabel => {
                let kind = if role == Role::Banner {
                    BlockKind::Banner
                } else {
                    BlockKind::SeriesLabel
                };
                let a = self.head(|a| a.kicker.is_none() && a.title.is_none());
                a.overline.push(PlanBlock { kind, text });
            }
            Role::Kicker => {
                let again = self.prev == Some(Role::Kicker);
                let a = self.head(|a| a.title.is_none() && (a.kicker.is_none() || again));
                match &mut a.kicker {
                    Some(k) => {
                        k.pieces.push(piece);
                        k.glue = Glue::Space;
                    }
                    None => a.kicker = Some(text),
                }
            }
            Role::Headline | Role::PhotoTitle => {
                let a = self.head(|a| a.title.is_none());
                a.title = Some(text);
            }
            Role::Subtitle => {
                let a = self.cur();
                if a.subtitle.is_none() && a.title.is_some() && a.blocks.is_empty() {
                    a.subtitle = Some(text);
                } else {
                    self.block(BlockKind::Paragraph, i);
                }
            }
            Role::Byline => self.byline(i, piece),
            Role::Subhead => self.block(BlockKind::Subhead, i),
            Role::Paragraph | Role::LineCont => self.paragraph(i),
            Role::Resume => {
                self.open();
                self.paragraph(i);
            }
            Role::ParaCont => self.continuation(i, piece),
            Role::Caption => self.block(BlockKind::Caption, i),
            Role::Credit => self.block(BlockKind::Credit, i),
            // A closing note (`（本报记者赵六参与采写）`, `（特别感谢……）`) is the role's
            // reason not to be read as a head or a story of its own; the article keeps
            // it as its last paragraph, as the corpus truth counts it (`truth.rs`,
            // the articles' MANIFEST: closing notes stay paragraphs when the article
            // has another byline), and as the rules keep a second byline line.
            Role::EndNote => self.block(BlockKind::Paragraph, i),
            Role::Furniture => self.furniture.push(i),
            Role::ListItem => self.block(BlockKind::ListItem, i),
            Role::Quote => self.block(BlockKind::Quote, i),
            Role::Image => self.block(BlockKind::Image, i),
            Role::Table => self.block(BlockKind::Table, i),
        }
    }

    fn byline(&mut self, i: usize, piece: Piece) {
        let again = self.prev == Some(Role::Byline);
        let units = self.units;
        let a = self.cur();
        match &mut a.byline {
            None => a.byline = Some(Text::new(vec![piece], Glue::Space)),
            Some(b) if again => b.pieces.push(piece),
            // A bare `本报讯` at the head of the first paragraph names no one: the
            // signed line closing the article is its byline, and the dateline goes
            // back into the paragraph.
            Some(b) if bare_dateline(units, b) => {
                let unit = b.pieces.first().map(|p| p.unit);
                for block in &mut a.blocks {
                    if let Some(first) = block.text.pieces.first_mut()
                        && Some(first.unit) == unit
                    {
                        first.range.start = 0;
                    }
                }
                a.byline = Some(Text::new(vec![piece], Glue::Space));
            }
            Some(_) => self.block(BlockKind::Paragraph, i),
        }
    }

    fn paragraph(&mut self, i: usize) {
        let mut piece = whole(self.units, i);
        let text = self.units.get(i).map_or("", |u| u.text.as_str());
        let a = self.cur();
        if a.byline.is_none()
            && !a.has_paragraph()
            && let Some((end, rest)) = byline::inline(text)
        {
            a.byline = Some(Text::new(
                vec![Piece {
                    unit: i,
                    range: 0..end,
                }],
                Glue::Rejoin,
            ));
            piece.range.start = rest;
        }
        a.blocks.push(PlanBlock {
            kind: BlockKind::Paragraph,
            text: Text::new(vec![piece], Glue::Rejoin),
        });
    }

    /// Appends unit `i` to wherever the unit before it went; false when there is
    /// nothing to append to.
    fn line_continuation(&mut self, i: usize) -> bool {
        let piece = whole(self.units, i);
        if self.last == Slot::Furniture {
            // Furniture units are whole lines of their own.
            return false;
        }
        let Some(a) = self.cur.as_mut() else {
            return false;
        };
        let text = match self.last {
            Slot::Overline => a.overline.last_mut().map(|b| &mut b.text),
            Slot::Kicker => a.kicker.as_mut(),
            Slot::Title => a.title.as_mut(),
            Slot::Subtitle => a.subtitle.as_mut(),
            Slot::Byline => a.byline.as_mut(),
            Slot::Block => a.blocks.last_mut().map(|b| &mut b.text),
            Slot::None | Slot::Furniture => None,
        };
        match text {
            Some(t) => {
                t.pieces.push(piece);
                true
            }
            None => false,
        }
    }

    /// Glues unit `i` onto the article's last paragraph, when there is one below the
    /// last heading-like block; else it starts a paragraph.
    fn continuation(&mut self, i: usize, piece: Piece) {
        let a = self.cur();
        let target = a
            .blocks
            .iter_mut()
            .rev()
            .take_while(|b| {
                matches!(
                    b.kind,
                    BlockKind::Paragraph
                        | BlockKind::Caption
                        | BlockKind::Credit
                        | BlockKind::Image
                        | BlockKind::ListItem
                )
            })
            .find(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem));
        match target {
            Some(b) => b.text.pieces.push(piece),
            None => self.paragraph(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::lines::units;

    #[test]
    fn an_end_note_closes_its_article_as_a_paragraph() {
        let md = "# 春耕时节备耕忙\n\n本报记者 张三\n\n全县今年计划种植粮食三十万亩。\n\n（特别感谢县农业农村局对本文的支持）";
        let u = units(md);
        let roles = [Role::Headline, Role::Byline, Role::Paragraph, Role::EndNote];
        let a = assemble(&u, &roles);
        assert_eq!(a.articles.len(), 1, "never an article of its own");
        let kinds: Vec<BlockKind> = a.articles[0].blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, vec![BlockKind::Paragraph, BlockKind::Paragraph]);
        // A head role there would open a story: the role is what keeps it in.
        let roles = [
            Role::Headline,
            Role::Byline,
            Role::Paragraph,
            Role::Headline,
        ];
        assert_eq!(assemble(&u, &roles).articles.len(), 2);
    }
}
