//! The roles a unit of a page can take, and which roles its markdown syntax allows.
//!
//! The structure of a page is read as one role per unit (a headline, a byline, a
//! paragraph, the continuation of a paragraph across a column break…); `decode` picks
//! the best sequence of roles for the whole page and `assemble` turns it into articles.
//! Roles are named in the weights file, so their names are part of its format.

use super::lines::Syntax;

/// What a unit is on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Role {
    /// 主题: opens an article and titles it.
    Headline,
    /// 引题 / column name: the line(s) right above a headline.
    Kicker,
    /// 副题: the line right under a headline.
    Subtitle,
    /// 通栏标题: a headline with no body of its own, over the next article.
    Banner,
    /// 专栏标识: a campaign or series label between articles.
    SeriesLabel,
    /// 署名 on its own line (under the headline, or closing the article).
    Byline,
    /// 小标题 between paragraphs.
    Subhead,
    /// The start of a paragraph (an inline byline at its head is split off later).
    Paragraph,
    /// The rest of a paragraph split by a column break or a hard wrap.
    ParaCont,
    /// The next line of whatever the unit before it was (a headline or caption
    /// printed over two lines, a hard-wrapped byline).
    LineCont,
    /// A paragraph that opens a new article without a headline (接上版 mid-page).
    Resume,
    /// 图片说明.
    Caption,
    /// `…摄`, `…供图`.
    Credit,
    /// The short own title of a photo item: titles an article of its own.
    PhotoTitle,
    /// 本期统筹、特别感谢…: a note at the end of an article, not its body.
    EndNote,
    /// Page furniture the front end did not recognise.
    Furniture,
    /// A list item (fixed by syntax).
    ListItem,
    /// A quotation line (fixed by syntax).
    Quote,
    /// An image (fixed by syntax).
    Image,
    /// A table (fixed by syntax).
    Table,
}

/// Every role, in the order of the weights file.
pub(crate) const ALL: [Role; 20] = [
    Role::Headline,
    Role::Kicker,
    Role::Subtitle,
    Role::Banner,
    Role::SeriesLabel,
    Role::Byline,
    Role::Subhead,
    Role::Paragraph,
    Role::ParaCont,
    Role::LineCont,
    Role::Resume,
    Role::Caption,
    Role::Credit,
    Role::PhotoTitle,
    Role::EndNote,
    Role::Furniture,
    Role::ListItem,
    Role::Quote,
    Role::Image,
    Role::Table,
];

/// Roles a line of text (plain or heading) may take: every role but the four that
/// only their own syntax gives (list item, quote, image, table), which close [`ALL`].
const TEXT_ROLES: &[Role] = ALL.split_at(16).0;

impl Role {
    /// The role's index in [`ALL`].
    pub(crate) fn index(self) -> usize {
        ALL.iter().position(|r| *r == self).unwrap_or(0)
    }

    /// The role's name in the weights file and in `--explain`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Headline => "headline",
            Self::Kicker => "kicker",
            Self::Subtitle => "subtitle",
            Self::Banner => "banner",
            Self::SeriesLabel => "series_label",
            Self::Byline => "byline",
            Self::Subhead => "subhead",
            Self::Paragraph => "paragraph",
            Self::ParaCont => "paragraph_continuation",
            Self::LineCont => "line_continuation",
            Self::Resume => "continued_article",
            Self::Caption => "caption",
            Self::Credit => "credit",
            Self::PhotoTitle => "photo_title",
            Self::EndNote => "end_note",
            Self::Furniture => "furniture",
            Self::ListItem => "list_item",
            Self::Quote => "quote",
            Self::Image => "image",
            Self::Table => "table",
        }
    }

    /// The role named `name`.
    pub(crate) fn from_name(name: &str) -> Option<Self> {
        ALL.iter().copied().find(|r| r.name() == name)
    }
}

/// The roles a unit of this syntax may take.
pub(crate) fn allowed(syntax: Syntax) -> &'static [Role] {
    match syntax {
        Syntax::ListItem => &[Role::ListItem],
        Syntax::Quote => &[Role::Quote],
        Syntax::Image => &[Role::Image],
        Syntax::Table => &[Role::Table],
        _ => TEXT_ROLES,
    }
}

/// Transitions that can never make sense, whatever the weights say: a kicker or
/// overline not followed by the rest of a head, a subtitle not under a headline.
pub(crate) fn forbidden(prev: Option<Role>, cur: Option<Role>) -> bool {
    let leads = |r: Role| matches!(r, Role::Kicker | Role::Banner | Role::SeriesLabel);
    match (prev, cur) {
        (Some(p), Some(c)) if leads(p) => !matches!(
            c,
            Role::Kicker | Role::Headline | Role::Banner | Role::SeriesLabel | Role::PhotoTitle
        ),
        (Some(p), None) => leads(p),
        (p, Some(Role::Subtitle)) => p != Some(Role::Headline),
        // A subhead opens a part of its article's body: a head or a byline right
        // under it would leave it empty. The training pages never show it (of 2786
        // subheads, every one is followed by body text, a photo, a table or another
        // subhead); without it an unmarked slogan over a kicker and a headline
        // (`做好“六稳” 落实“六保”` ⏎⏎ `平城新语` ⏎⏎ headline) was read as a subhead.
        (
            Some(Role::Subhead),
            Some(
                Role::Headline
                | Role::Kicker
                | Role::Banner
                | Role::SeriesLabel
                | Role::PhotoTitle
                | Role::Byline,
            ),
        ) => true,
        // A paragraph only continues across body text and what interrupts it; after
        // a headline, subhead or byline the same unit is a paragraph start.
        (p, Some(Role::ParaCont)) => !matches!(
            p,
            Some(
                Role::Paragraph
                    | Role::ParaCont
                    | Role::LineCont
                    | Role::Resume
                    | Role::Caption
                    | Role::Credit
                    | Role::Image
            )
        ),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for r in ALL {
            assert_eq!(Role::from_name(r.name()), Some(r));
            assert_eq!(ALL.get(r.index()), Some(&r));
        }
    }

    #[test]
    fn a_kicker_must_lead_to_a_headline() {
        assert!(forbidden(Some(Role::Kicker), Some(Role::Paragraph)));
        assert!(forbidden(Some(Role::Kicker), None));
        assert!(!forbidden(Some(Role::Kicker), Some(Role::Headline)));
        assert!(forbidden(Some(Role::Paragraph), Some(Role::Subtitle)));
        assert!(!forbidden(Some(Role::Headline), Some(Role::Subtitle)));
        assert!(forbidden(Some(Role::Headline), Some(Role::ParaCont)));
        assert!(!forbidden(Some(Role::Caption), Some(Role::ParaCont)));
        assert!(forbidden(Some(Role::Subhead), Some(Role::Headline)));
        assert!(forbidden(Some(Role::Subhead), Some(Role::Kicker)));
        assert!(!forbidden(Some(Role::Subhead), Some(Role::Paragraph)));
        assert!(!forbidden(Some(Role::Subhead), Some(Role::Subhead)));
        assert!(forbidden(Some(Role::Subhead), Some(Role::ParaCont)));
    }

    #[test]
    fn syntax_fixes_the_role_of_non_text_units() {
        assert_eq!(allowed(Syntax::Image), &[Role::Image]);
        assert!(allowed(Syntax::Heading(2)).contains(&Role::Headline));
    }
}
