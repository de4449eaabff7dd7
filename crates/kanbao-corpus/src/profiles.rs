//! Converter profiles: how each family of PDF/scan-to-markdown converters writes a
//! newspaper page (FORMAT.md, "What converters do to a page"), as rates the page
//! generator draws from, and the page content mixes (how often furniture, photos,
//! banners… occur) for the training and the dev part.
//!
//! Some profiles are dev-only: they are never used to make training pages, so the dev
//! figures show how the structure decisions hold on converters they were not fitted
//! on. The training profiles are also used on the dev part, with the dev content mix.

use crate::articles::Split;

/// How one line is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// No markup.
    Plain,
    /// A `#`…`######` heading.
    H(u8),
    /// `**bold**`.
    Bold,
}

/// Weighted choices of marks for one role.
pub type Marks = &'static [(Mark, u32)];

/// The role of a line that a converter may mark as a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Title,
    Kicker,
    Subtitle,
    Subhead,
    Banner,
    Label,
    PhotoTitle,
    Byline,
    Furniture,
    BriefTitle,
}

/// The marks a converter gives each role.
#[derive(Debug, Clone, Copy)]
pub struct Headings {
    pub title: Marks,
    pub kicker: Marks,
    pub subtitle: Marks,
    pub subhead: Marks,
    pub banner: Marks,
    pub label: Marks,
    pub photo_title: Marks,
    pub byline: Marks,
    pub furniture: Marks,
    pub brief_title: Marks,
}

impl Headings {
    pub fn of(&self, role: Role) -> Marks {
        match role {
            Role::Title => self.title,
            Role::Kicker => self.kicker,
            Role::Subtitle => self.subtitle,
            Role::Subhead => self.subhead,
            Role::Banner => self.banner,
            Role::Label => self.label,
            Role::PhotoTitle => self.photo_title,
            Role::Byline => self.byline,
            Role::Furniture => self.furniture,
            Role::BriefTitle => self.brief_title,
        }
    }
}

const PLAIN: Marks = &[(Mark::Plain, 1)];

/// No heading marks at all (line-by-line OCR, text extraction).
const UNMARKED: Headings = Headings {
    title: PLAIN,
    kicker: PLAIN,
    subtitle: PLAIN,
    subhead: PLAIN,
    banner: PLAIN,
    label: PLAIN,
    photo_title: PLAIN,
    byline: PLAIN,
    furniture: PLAIN,
    brief_title: PLAIN,
};

/// How images are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Images {
    /// Dropped (text extraction).
    None,
    /// `![](images/<sha256>.jpg)`
    MinerU,
    /// `![](_page_0_Picture_3.jpeg)`
    Marker,
    /// `![](image_2.png)`
    Vlm,
    /// `![](page.pdf-0-3.png)`
    Pymupdf,
    /// `<div style="text-align: center;"><img src="imgs/img_in_image_box_…" alt="Image" … /></div>`
    Paddle,
}

/// A converter family, as rates. Percentages are per page unless said otherwise.
#[derive(Debug, Clone, Copy)]
pub struct Profile {
    pub name: &'static str,
    /// Never used for training pages.
    pub dev_only: bool,
    pub about: &'static str,
    pub headings: Headings,
    /// Marks drawn once per page and role (a converter consistent within a page), or
    /// per line.
    pub marks_per_page: bool,
    /// Percent of pages whose every heading level is one deeper (`#` → `##`).
    pub level_shift: u8,
    /// Percent of headings whose level is replaced by a random one (1–4).
    pub level_jitter: u8,
    /// Percent of pages inside a ```` ```markdown ```` fence.
    pub fence: u8,
    /// Percent of pages with `$…$` around percentages and `+`.
    pub latex: u8,
    pub images: Images,
    /// Percent of caption lines in a centred `<div>`.
    pub caption_div: u8,
    /// Percent of articles (3+ paragraphs) holding an HTML `<table>`.
    pub tables: u8,
    /// Percent of pages hard-wrapped: every printed line a markdown line.
    pub wrap: u8,
    /// Of wrapped pages, percent with a blank line between blocks (else none at all).
    pub wrap_blank: u8,
    /// Of wrapped pages, percent with paragraph indents (`　　`).
    pub indent: u8,
    /// Percent of pages with half-width `,()：` inside Chinese text.
    pub halfwidth: u8,
    /// Percent of paragraphs with a stray space between two Chinese characters.
    pub cjk_space: u8,
    /// Percent of pages with `｡` `､` from a font map.
    pub odd_glyphs: u8,
    /// Percent of long paragraphs written as a `######` heading.
    pub para_heading: u8,
    /// Percent of photo credits OCR'd as `…报` for `…摄`.
    pub credit_ocr: u8,
    /// Percent of pages on which OCR dropped the closing `。` of 15–25% of the
    /// paragraphs (a paragraph ends open, like a column break, yet the next block is a
    /// new paragraph).
    pub stop_dropped: u8,
    /// Percent of pages on which one story set in two columns is written as a pipe
    /// table of prose, a printed line of each column per row (markitdown).
    pub prose_table: u8,
    /// Percent of photos with a stray single OCR character (a letter of the photo, a
    /// page number) on a line of its own beside them.
    pub stray: u8,
}

const BASE: Profile = Profile {
    name: "",
    dev_only: false,
    about: "",
    headings: UNMARKED,
    marks_per_page: false,
    level_shift: 0,
    level_jitter: 0,
    fence: 0,
    latex: 0,
    images: Images::None,
    caption_div: 0,
    tables: 0,
    wrap: 0,
    wrap_blank: 0,
    indent: 0,
    halfwidth: 0,
    cjk_space: 0,
    odd_glyphs: 0,
    para_heading: 0,
    credit_ocr: 0,
    stop_dropped: 0,
    prose_table: 0,
    stray: 0,
};

use Mark::{Bold, H, Plain};

/// Every profile; `dev_only` ones are never used for training pages.
pub const ALL: &[Profile] = &[
    Profile {
        name: "sample",
        about: "the sample's convention: ## titles, ### kickers and subheads, half-width punctuation",
        headings: Headings {
            title: &[(H(2), 1)],
            kicker: &[(H(3), 9), (Plain, 1)],
            subtitle: &[(Plain, 1)],
            subhead: &[(H(3), 1)],
            banner: &[(H(2), 1)],
            label: &[(Plain, 1)],
            photo_title: &[(Plain, 1), (H(3), 1)],
            byline: &[(Plain, 1)],
            furniture: &[(Plain, 1)],
            brief_title: &[(H(2), 1), (H(3), 1)],
        },
        halfwidth: 50,
        cjk_space: 5,
        images: Images::MinerU,
        ..BASE
    },
    Profile {
        name: "mineru",
        about: "MinerU: every heading #, $…$ around symbols, ![](images/…), <table>",
        headings: Headings {
            title: &[(H(1), 1)],
            kicker: &[(H(1), 7), (Plain, 3)],
            subtitle: &[(H(1), 1), (Plain, 1)],
            subhead: &[(H(1), 1)],
            banner: &[(H(1), 1)],
            label: &[(Plain, 6), (H(1), 4)],
            photo_title: &[(H(1), 7), (Plain, 3)],
            byline: &[(Plain, 9), (H(1), 1)],
            furniture: &[(Plain, 8), (H(1), 2)],
            brief_title: &[(H(1), 1)],
        },
        latex: 60,
        images: Images::MinerU,
        tables: 8,
        cjk_space: 15,
        para_heading: 2,
        credit_ocr: 10,
        stop_dropped: 20,
        ..BASE
    },
    Profile {
        name: "paddlex",
        about: "PaddleX/PaddleOCR-VL: # or ## titles, subheads a level below, <div><img alt=\"Image\"></div>, centred caption divs, <table>",
        headings: Headings {
            title: &[(H(1), 1)],
            kicker: &[(Plain, 6), (H(2), 4)],
            subtitle: &[(Plain, 6), (H(2), 4)],
            subhead: &[(H(2), 1)],
            banner: &[(H(1), 1)],
            label: &[(Plain, 1)],
            photo_title: &[(Plain, 1), (H(2), 1)],
            byline: &[(Plain, 1)],
            furniture: &[(Plain, 1)],
            brief_title: &[(H(2), 1)],
        },
        marks_per_page: true,
        level_shift: 50,
        images: Images::Paddle,
        caption_div: 60,
        tables: 8,
        stop_dropped: 10,
        ..BASE
    },
    Profile {
        name: "marker",
        about: "Marker: ## titles, ### kickers and subheads, **bold** subheads and bylines, some levels off",
        headings: Headings {
            title: &[(H(2), 17), (H(1), 3)],
            kicker: &[(H(3), 7), (Plain, 3)],
            subtitle: &[(H(3), 4), (Plain, 4), (Bold, 2)],
            subhead: &[(H(3), 6), (Bold, 3), (H(4), 1)],
            banner: &[(H(1), 1), (H(2), 1)],
            label: &[(Plain, 6), (Bold, 4)],
            photo_title: &[(H(3), 5), (Bold, 3), (Plain, 2)],
            byline: &[(Plain, 8), (Bold, 2)],
            furniture: &[(Plain, 1)],
            brief_title: &[(H(3), 5), (H(2), 3), (Bold, 2)],
        },
        level_jitter: 10,
        fence: 5,
        images: Images::Marker,
        ..BASE
    },
    Profile {
        name: "ocr-lines",
        about: "line-by-line OCR: no # at all, every printed line a line, no blank lines (or blanks only between blocks)",
        headings: UNMARKED,
        wrap: 100,
        wrap_blank: 35,
        indent: 50,
        halfwidth: 30,
        cjk_space: 25,
        credit_ocr: 15,
        stop_dropped: 20,
        ..BASE
    },
    Profile {
        name: "ocr-blocks",
        about: "OCR with layout analysis: no # at all, one block per paragraph and per head line (no hard wraps), blank lines between blocks",
        headings: UNMARKED,
        halfwidth: 40,
        cjk_space: 20,
        credit_ocr: 10,
        stop_dropped: 20,
        ..BASE
    },
    Profile {
        name: "vlm",
        dev_only: true,
        about: "end-to-end VLM: the page in a ```markdown fence, heading levels at random, ![](image_N.png)",
        headings: Headings {
            title: &[(H(1), 3), (H(2), 4), (H(3), 3)],
            kicker: &[(H(1), 15), (H(2), 20), (H(3), 25), (H(4), 10), (Plain, 30)],
            subtitle: &[(H(2), 2), (H(3), 3), (Plain, 5)],
            subhead: &[(H(1), 1), (H(2), 3), (H(3), 4), (H(4), 2)],
            banner: &[(H(1), 6), (H(2), 4)],
            label: &[(Plain, 5), (H(3), 3), (H(2), 2)],
            photo_title: &[(H(2), 3), (H(3), 3), (Plain, 4)],
            byline: &[(Plain, 17), (H(4), 1), (Bold, 2)],
            furniture: &[(Plain, 17), (H(3), 3)],
            brief_title: &[(H(2), 3), (H(3), 5), (Plain, 2)],
        },
        fence: 90,
        latex: 10,
        images: Images::Vlm,
        halfwidth: 20,
        stray: 10,
        ..BASE
    },
    Profile {
        name: "pymupdf",
        dev_only: true,
        about: "pymupdf4llm: levels # to ###### by font size, consistent on a page, sometimes a paragraph as ######, **bold**, ｡ ､ glyphs",
        headings: Headings {
            title: &[(H(1), 4), (H(2), 6)],
            kicker: &[(H(3), 6), (H(4), 2), (Plain, 2)],
            subtitle: &[(H(3), 5), (H(4), 3), (Plain, 2)],
            subhead: &[(H(4), 5), (H(5), 3), (Bold, 2)],
            banner: &[(H(1), 1)],
            label: &[(H(5), 4), (Plain, 6)],
            photo_title: &[(H(4), 5), (Plain, 5)],
            byline: &[(Plain, 7), (Bold, 2), (H(6), 1)],
            furniture: &[(Plain, 7), (H(6), 3)],
            brief_title: &[(H(3), 1), (H(4), 1)],
        },
        marks_per_page: true,
        images: Images::Pymupdf,
        odd_glyphs: 40,
        para_heading: 4,
        cjk_space: 20,
        ..BASE
    },
    Profile {
        name: "markitdown",
        dev_only: true,
        about: "markitdown (pdfminer text): no #, images dropped, hard-wrapped lines with blank lines between blocks, a story in two columns as a pipe table of prose",
        headings: UNMARKED,
        wrap: 100,
        wrap_blank: 100,
        indent: 20,
        halfwidth: 20,
        cjk_space: 30,
        prose_table: 20,
        ..BASE
    },
];

/// The profiles a part is made with: training pages never use a dev-only profile.
pub fn for_split(split: Split) -> Vec<&'static Profile> {
    ALL.iter()
        .filter(|p| split == Split::Dev || !p.dev_only)
        .collect()
}

/// A profile by name.
pub fn by_name(name: &str) -> Option<&'static Profile> {
    ALL.iter().find(|p| p.name == name)
}

/// What a page holds, as rates (percent): the same for every profile within a part,
/// and a different mix for the dev part.
#[derive(Debug, Clone, Copy)]
pub struct Content {
    /// Page budget in body characters.
    pub budget: (usize, usize),
    /// Longer articles are cut and continued elsewhere (`（下转第三版）`).
    pub max_article: usize,
    pub furniture_top: u8,
    pub furniture_bottom: u8,
    /// A running header/footer between two articles.
    pub furniture_middle: u8,
    /// A headless continuation at the top of the page.
    pub continuation: u8,
    /// A titled article opening with `（上接第一版）`.
    pub note_in: u8,
    /// Percent of paragraphs with a column break.
    pub column_break: u8,
    /// Of broken paragraphs, percent with a second break.
    pub second_break: u8,
    /// Of breaks, percent whose first part is 2–6 characters.
    pub short_break: u8,
    pub photo_item: u8,
    /// Percent of articles given an extra in-article photo.
    pub extra_photo: u8,
    /// Of in-article photos, percent dropped inside a paragraph at a column break.
    pub caption_inside: u8,
    pub banner: u8,
    pub label: u8,
    pub briefs: u8,
    /// Percent of own-line bylines printed at the end in brackets.
    pub byline_moved: u8,
    /// Percent of articles whose byline is replaced by a form outside the usual
    /// phrases (`文/图 本报记者 王五`, a place and a name, a closing line of names…).
    pub byline_synthetic: u8,
    /// Percent of articles with a closing note (`（本报记者赵六参与采写）`).
    pub end_note: u8,
    /// Percent of caption credits glued to the caption line.
    pub credit_glued: u8,
    /// Percent of pages whose stories carry no byline at all (compiled items: one
    /// headline after another's last paragraph).
    pub no_bylines: u8,
    /// Percent of titled articles without a kicker given one in two parallel halves.
    pub slogan_kicker: u8,
    /// Of headless continuations, percent printed after a photo item mid-page rather
    /// than at the top.
    pub continuation_mid: u8,
    /// Of trailing lines of names, percent whose first paragraph opens with a bare
    /// `本报讯`.
    pub bare_dateline: u8,
    /// Of `（上接第一版）` notes of titled articles, percent on a line of their own.
    pub note_own_line: u8,
}

pub const TRAIN_CONTENT: Content = Content {
    budget: (2500, 8000),
    max_article: 3500,
    furniture_top: 60,
    furniture_bottom: 50,
    furniture_middle: 8,
    continuation: 30,
    note_in: 5,
    column_break: 25,
    second_break: 20,
    short_break: 35,
    photo_item: 35,
    extra_photo: 10,
    caption_inside: 50,
    banner: 12,
    label: 15,
    briefs: 20,
    byline_moved: 6,
    byline_synthetic: 8,
    end_note: 6,
    credit_glued: 30,
    no_bylines: 8,
    slogan_kicker: 6,
    continuation_mid: 35,
    bare_dateline: 50,
    note_own_line: 50,
};

pub const DEV_CONTENT: Content = Content {
    budget: (2000, 9000),
    max_article: 3000,
    furniture_top: 70,
    furniture_bottom: 60,
    furniture_middle: 12,
    continuation: 35,
    note_in: 8,
    column_break: 30,
    second_break: 25,
    short_break: 40,
    photo_item: 45,
    extra_photo: 15,
    caption_inside: 60,
    banner: 15,
    label: 20,
    briefs: 25,
    byline_moved: 8,
    byline_synthetic: 10,
    end_note: 8,
    credit_glued: 40,
    no_bylines: 10,
    slogan_kicker: 8,
    continuation_mid: 40,
    bare_dateline: 50,
    note_own_line: 50,
};

pub fn content(split: Split) -> &'static Content {
    match split {
        Split::Train => &TRAIN_CONTENT,
        Split::Dev => &DEV_CONTENT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_has_a_unique_name_and_weighted_marks() {
        for (i, p) in ALL.iter().enumerate() {
            assert!(ALL[..i].iter().all(|q| q.name != p.name), "{}", p.name);
            for role in [
                Role::Title,
                Role::Kicker,
                Role::Subtitle,
                Role::Subhead,
                Role::Banner,
                Role::Label,
                Role::PhotoTitle,
                Role::Byline,
                Role::Furniture,
                Role::BriefTitle,
            ] {
                let marks = p.headings.of(role);
                assert!(
                    marks.iter().map(|m| m.1).sum::<u32>() > 0,
                    "{} {role:?}",
                    p.name
                );
                assert!(marks.iter().all(|m| !matches!(m.0, H(0 | 7..))));
            }
        }
    }

    #[test]
    fn training_never_uses_a_dev_only_profile_and_dev_uses_all() {
        assert!(for_split(Split::Train).iter().all(|p| !p.dev_only));
        assert_eq!(for_split(Split::Dev).len(), ALL.len());
        assert!(ALL.iter().filter(|p| p.dev_only).count() >= 3);
    }
}
