//! The page generator: real articles laid out on a page the way a newspaper prints
//! them (continuations, banners, series labels, photo items, briefs, furniture, column
//! breaks, captions dropped inside paragraphs), then written the way one converter
//! profile writes markdown; every page comes with its truth (see `truth.rs` for the
//! conventions).
//!
//! The page is decided on the true text first and rendered second, so the truth never
//! depends on what a converter did to the text (LaTeX, half-width punctuation, hard
//! wrapping): the scorer normalises those away or the parser must undo them.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use crate::Rng;
use crate::articles::{self, Article, BylinePosition, Split, fnv1a};
use crate::material::Material;
use crate::profiles::{self, Content, Images, Mark, Profile, Role};
use crate::score::norm;
use crate::truth::{Truth, TruthArticle};

/// The role of one markdown block of a generated page: line-level labels for
/// fitting a model of the page as a sequence of units (the truth is article-level).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Page furniture: dates, 第N版, editor lines, running headers.
    Furniture,
    /// A continuation note on its own line (`（下转第三版）`).
    Note,
    /// A page banner over the next article.
    Banner,
    /// A series or brief-column label over the next article.
    Label,
    Kicker,
    Title,
    Subtitle,
    /// A byline on its own line (under the headline or at the end).
    Byline,
    Subhead,
    /// The start of a paragraph (the whole paragraph when it has no column break);
    /// the first one of an article may open with an inline byline.
    Paragraph,
    /// A paragraph's text after a column break.
    Continuation,
    /// A closing note kept as the article's last paragraph (`（…参与采写）`).
    EndNote,
    Image,
    PhotoTitle,
    /// A caption line (a glued credit included).
    Caption,
    Credit,
    Table,
    /// A story's paragraphs set in two columns, written as a pipe table of prose (a
    /// printed line of each column per row; markitdown).
    ProseTable,
    /// A stray single OCR character on a line of its own (a letter of a photo).
    Stray,
}

/// One markdown block as generated, with its role and the index of the truth
/// article it belongs to (`None` for page furniture between articles).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labelled {
    pub unit: Unit,
    pub article: Option<usize>,
    /// The block as written (hard-wrapped lines included).
    pub text: String,
}

/// One generated page and its truth.
#[derive(Debug, Clone)]
pub struct Page {
    /// `<profile>-<split>-<index>`, also the truth's `doc`.
    pub name: String,
    pub profile: &'static str,
    pub split: Split,
    pub markdown: String,
    pub truth: Truth,
    /// The page's blocks in order; `markdown` is them joined by a blank line (by a
    /// newline on hard-wrapped pages without blank lines), inside the fence if any.
    pub blocks: Vec<Labelled>,
}

/// `per_profile` pages for every profile of `split`, in profile order.
pub fn pages(split: Split, seed: u64, per_profile: usize) -> Vec<Page> {
    profiles::for_split(split)
        .into_iter()
        .flat_map(|p| (0..per_profile).map(move |i| generate(p, split, seed, i)))
        .collect()
}

/// The page `index` of `profile` on `split`: the same arguments give the same page.
pub fn generate(profile: &'static Profile, split: Split, seed: u64, index: usize) -> Page {
    let name = format!("{}-{}-{index:04}", profile.name, split.as_str());
    let mixed = fnv1a(name.as_bytes()) ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut g = Gen::new(profile, split, Rng::new(mixed));
    g.page();
    let markdown = g.finish_markdown();
    let blocks = g.blocks.clone();
    let mut truth = g.finish_truth();
    truth.doc.clone_from(&name);
    Page {
        name,
        profile: profile.name,
        split,
        markdown,
        truth,
        blocks,
    }
}

/// Sentence-final punctuation: a column break never follows one (a break there is a
/// real paragraph boundary for every reader).
fn is_final(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '…'
            | '”'
            | '）'
            | '」'
            | '』'
            | '；'
            | '!'
            | '?'
            | ';'
            | ')'
            | '.'
            | '：'
            | ':'
    )
}

/// Punctuation a printed line never starts with (kinsoku).
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '」'
            | '』'
            | '”'
            | '’'
            | '…'
            | '》'
            | ','
            | '.'
            | ')'
            | ':'
            | ';'
            | '%'
            | '％'
            | '｡'
            | '､'
    )
}

/// Punctuation a printed line never ends with.
fn is_opening(c: char) -> bool {
    matches!(c, '“' | '‘' | '（' | '《' | '「' | '『' | '(')
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Display columns, roughly: wide for CJK and full-width forms.
fn cols(c: char) -> usize {
    if c as u32 >= 0x1100 { 2 } else { 1 }
}

/// A photo and what is printed with it.
#[derive(Debug, Clone, Default)]
struct Photo {
    title: Option<String>,
    captions: Vec<String>,
    credits: Vec<String>,
}

/// Photo credits among the corpus's caption lines.
fn is_credit(line: &str) -> bool {
    let l = line.trim();
    l.ends_with('摄')
        || l.ends_with('绘')
        || l.ends_with("供图")
        || l.ends_with("供图）")
        || l.ends_with("资料图片")
        || l.contains("摄（")
        || l.ends_with("攝")
}

/// Per-page decisions of the converter.
struct Style {
    fenced: bool,
    latex: bool,
    halfwidth: bool,
    odd: bool,
    /// Hard wrapping: body width, headline width (columns).
    wrap: Option<(usize, usize)>,
    /// Blank lines between blocks.
    blank: bool,
    indent: Option<&'static str>,
    shift: u8,
    marks: HashMap<Role, Mark>,
    /// The page's stories carry no bylines.
    no_bylines: bool,
    /// Percent of the page's paragraphs whose closing `。` the OCR dropped.
    stop_rate: u8,
    /// A story on this page is still to be written as a pipe table of prose.
    prose_table: bool,
}

enum Overline {
    Banner(String),
    Label(String),
}

/// Where an article's printed part starts.
#[derive(Clone, Copy)]
enum Start {
    Top,
    /// A continuation from another page: paragraph, character.
    From(usize, usize),
}

struct Plan {
    a: &'static Article,
    start: Start,
    /// Paragraphs printed here: up to (exclusive).
    end: usize,
    truncated: bool,
    overline: Option<Overline>,
    brief: bool,
}

struct Gen {
    rng: Rng,
    profile: &'static Profile,
    content: &'static Content,
    split: Split,
    mat: Material,
    style: Style,
    blocks: Vec<Labelled>,
    /// The truth article being written.
    current: Option<usize>,
    articles: Vec<TruthArticle>,
    joins: Vec<(String, String)>,
    true_paras: Vec<String>,
    true_all: String,
    not_titles: Vec<String>,
    not_in_paras: Vec<String>,
    absent: BTreeSet<&'static str>,
    images: usize,
    /// The headless continuation being written stands mid-page: it opens with its
    /// note (else nothing could tell it from the story before).
    mid_continuation: bool,
}

impl Gen {
    fn new(profile: &'static Profile, split: Split, mut rng: Rng) -> Self {
        let wrap = rng.chance(profile.wrap.into()).then(|| {
            let body = 2 * (10 + rng.below(11));
            (body, body + 2 * rng.below(6))
        });
        let style = Style {
            fenced: rng.chance(profile.fence.into()),
            latex: rng.chance(profile.latex.into()),
            halfwidth: rng.chance(profile.halfwidth.into()),
            odd: rng.chance(profile.odd_glyphs.into()),
            blank: wrap.is_none() || rng.chance(profile.wrap_blank.into()),
            indent: (wrap.is_some() && rng.chance(profile.indent.into()))
                .then(|| *rng.pick(&["　　", "  "]).unwrap_or(&"　　")),
            wrap,
            shift: u8::from(rng.chance(profile.level_shift.into())),
            marks: HashMap::new(),
            no_bylines: rng.chance(profiles::content(split).no_bylines.into()),
            stop_rate: if rng.chance(profile.stop_dropped.into()) {
                15 + rng.below(11) as u8
            } else {
                0
            },
            // No draw at a rate of 0: a profile without the habit makes the same
            // pages as before it existed (the fitted weights stay reproducible).
            prose_table: profile.prose_table > 0 && rng.chance(profile.prose_table.into()),
        };
        Self {
            rng,
            profile,
            content: profiles::content(split),
            split,
            mat: Material::new(split),
            style,
            blocks: Vec::new(),
            current: None,
            articles: Vec::new(),
            joins: Vec::new(),
            true_paras: Vec::new(),
            true_all: String::new(),
            not_titles: Vec::new(),
            not_in_paras: Vec::new(),
            absent: BTreeSet::new(),
            images: 0,
            mid_continuation: false,
        }
    }

    fn chance(&mut self, percent: u8) -> bool {
        self.rng.chance(percent.into())
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.rng.below(hi.saturating_sub(lo) + 1)
    }

    // ---- rendering -------------------------------------------------------------

    fn draw(&mut self, role: Role) -> Mark {
        let marks = self.profile.headings.of(role);
        let total: u32 = marks.iter().map(|m| m.1).sum();
        let mut n = self.rng.below(total.max(1) as usize) as u32;
        for &(m, w) in marks {
            if n < w {
                return m;
            }
            n -= w;
        }
        Mark::Plain
    }

    fn mark(&mut self, role: Role) -> Mark {
        let m = if self.profile.marks_per_page {
            if let Some(&m) = self.style.marks.get(&role) {
                m
            } else {
                let m = self.draw(role);
                self.style.marks.insert(role, m);
                m
            }
        } else {
            self.draw(role)
        };
        match m {
            Mark::H(_) if self.chance(self.profile.level_jitter) => {
                Mark::H(1 + self.rng.below(4) as u8)
            }
            Mark::H(n) => Mark::H((n + self.style.shift).min(6)),
            other => other,
        }
    }

    /// The converter's rendering of a piece of true text.
    fn render(&mut self, s: &str, paragraph: bool) -> String {
        self.true_all.push_str(s);
        self.true_all.push('\n');
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len() + 16);
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if self.style.latex && c.is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit())
            {
                let mut j = i;
                while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.') {
                    j += 1;
                }
                if j < chars.len() && matches!(chars[j], '%' | '％') && self.chance(70) {
                    let num: String = if self.chance(30) {
                        chars[i..j].iter().fold(String::new(), |mut acc, c| {
                            acc.push(*c);
                            acc.push(' ');
                            acc
                        })
                    } else {
                        chars[i..j].iter().collect()
                    };
                    let _ = write!(out, " ${}\\%$ ", num.trim_end());
                    self.absent.insert("$");
                    self.absent.insert("\\%");
                    i = j + 1;
                    continue;
                }
            }
            if self.style.latex && c == '+' && self.chance(50) {
                out.push_str(" $+$ ");
                self.absent.insert("$");
                i += 1;
                continue;
            }
            let c = match c {
                '，' | '（' | '）' | '：' | '；' if self.style.halfwidth && self.chance(80) => {
                    match c {
                        '，' => ',',
                        '（' => '(',
                        '）' => ')',
                        '：' => ':',
                        _ => ';',
                    }
                }
                '。' if self.style.odd && self.chance(50) => '｡',
                '、' if self.style.odd && self.chance(50) => '､',
                c => c,
            };
            out.push(c);
            i += 1;
        }
        if paragraph && self.chance(self.profile.cjk_space) {
            let cs: Vec<char> = out.chars().collect();
            let spots: Vec<usize> = (1..cs.len())
                .filter(|&k| is_cjk(cs[k - 1]) && is_cjk(cs[k]))
                .collect();
            if let Some(&k) = self.rng.pick(&spots) {
                out = cs[..k].iter().chain([' '].iter()).chain(&cs[k..]).collect();
            }
        }
        out
    }

    /// Hard-wraps `s` at `width` columns; a paragraph's last line is kept short so
    /// the end of a paragraph can be seen on pages without blank lines.
    fn wrap(s: &str, width: usize, para_end: bool) -> String {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        let mut w = 0;
        for c in s.chars() {
            if w + cols(c) > width && !line.is_empty() && !is_closing(c) {
                let mut carry = String::new();
                while line.chars().count() > 1 && line.ends_with(is_opening) {
                    if let Some(o) = line.pop() {
                        carry.insert(0, o);
                    }
                }
                lines.push(std::mem::take(&mut line));
                w = carry.chars().map(cols).sum();
                line = carry;
            }
            line.push(c);
            w += cols(c);
        }
        if para_end && w + 2 >= width && line.chars().count() > 3 {
            let cs: Vec<char> = line.chars().collect();
            let cut = cs.len() - 2;
            lines.push(cs[..cut].iter().collect());
            line = cs[cut..].iter().collect();
        }
        lines.push(line);
        lines.join("\n")
    }

    /// A one-line block of `role` (headline, kicker, byline…).
    fn line(&mut self, role: Role, text: &str) -> String {
        let mark = self.mark(role);
        let t = self.render(text, false);
        match mark {
            Mark::H(n) => {
                self.absent.insert("#");
                format!("{} {t}", "#".repeat(n.into()))
            }
            Mark::Bold => {
                self.absent.insert("**");
                format!("**{t}**")
            }
            Mark::Plain => {
                let wrap = self.style.wrap;
                match wrap {
                    Some((_, tw))
                        if !matches!(role, Role::Byline | Role::Furniture)
                            && t.chars().map(cols).sum::<usize>() > tw
                            && self.chance(60) =>
                    {
                        Self::wrap(&t, tw, false)
                    }
                    _ => t,
                }
            }
        }
    }

    fn push(&mut self, unit: Unit, text: String) {
        self.blocks.push(Labelled {
            unit,
            article: self.current,
            text,
        });
    }

    fn push_line(&mut self, role: Role, text: &str) {
        let unit = match role {
            Role::Title | Role::BriefTitle => Unit::Title,
            Role::Kicker => Unit::Kicker,
            Role::Subtitle => Unit::Subtitle,
            Role::Subhead => Unit::Subhead,
            Role::Banner => Unit::Banner,
            Role::Label => Unit::Label,
            Role::PhotoTitle => Unit::PhotoTitle,
            Role::Byline => Unit::Byline,
            Role::Furniture => Unit::Furniture,
        };
        self.push_unit(role, unit, text);
    }

    fn push_unit(&mut self, role: Role, unit: Unit, text: &str) {
        let l = self.line(role, text);
        self.push(unit, l);
    }

    fn image(&mut self) {
        self.images += 1;
        let number = self.images;
        let line = match self.profile.images {
            Images::None => return,
            Images::MinerU => {
                let mut hex = String::new();
                for _ in 0..4 {
                    let _ = write!(hex, "{:016x}", self.rng.next_u64());
                }
                format!("![](images/{hex}.jpg)")
            }
            Images::Marker => format!("![](_page_0_Picture_{number}.jpeg)"),
            Images::Vlm => format!("![](image_{number}.png)"),
            Images::Pymupdf => format!("![](page.pdf-0-{number}.png)"),
            Images::Paddle => {
                let (left, top) = (self.rng.below(1200), self.rng.below(1600));
                let (width, height) = (200 + self.rng.below(700), 150 + self.rng.below(500));
                let pct = 20 + self.rng.below(60);
                for s in ["<div", "<img", "alt=", "style=", "Image"] {
                    self.absent.insert(s);
                }
                format!(
                    "<div style=\"text-align: center;\"><img src=\"imgs/img_in_image_box_{left}_{top}_{}_{}.jpg\" alt=\"Image\" width=\"{pct}%\" /></div>",
                    left + width,
                    top + height
                )
            }
        };
        if self.profile.images != Images::Paddle {
            self.absent.insert("![");
            self.absent.insert("](");
        }
        self.push(Unit::Image, line);
    }

    /// A stray single OCR character on a line of its own, on pages with blank lines
    /// between blocks (on a page without them it would read as a wrapped line's end).
    fn stray(&mut self) {
        if self.profile.stray > 0 && self.style.blank && self.chance(self.profile.stray) {
            let c = *self
                .rng
                .pick(&["五", "三", "图", "福", "口", "中", "人", "A", "日", "山"])
                .unwrap_or(&"五");
            self.true_all.push_str(c);
            self.true_all.push('\n');
            self.push(Unit::Stray, c.to_string());
        }
    }

    /// A photo's lines; returns the credits as printed.
    fn photo(&mut self, p: &Photo, image: bool) -> Vec<String> {
        let stray_after = self.profile.stray > 0 && self.rng.below(2) == 0;
        if image {
            self.image();
            if !stray_after {
                self.stray();
            }
        }
        if let Some(t) = &p.title {
            self.push_line(Role::PhotoTitle, t);
        }
        let mut credits: Vec<String> = p
            .credits
            .iter()
            .map(|c| {
                if self.chance(self.profile.credit_ocr) && c.ends_with('摄') {
                    format!("{}报", c.trim_end_matches('摄'))
                } else {
                    c.clone()
                }
            })
            .collect();
        let glue = credits.len() == 1 && self.chance(self.content.credit_glued);
        for (j, c) in p.captions.iter().enumerate() {
            let mut l = self.render(c, false);
            if glue && j + 1 == p.captions.len() {
                let sep = *self.rng.pick(&["", " ", "　　"]).unwrap_or(&"");
                let cr = self.render(&credits[0], false);
                l = format!("{l}{sep}{cr}");
            }
            if self.chance(self.profile.caption_div) {
                self.absent.insert("<div");
                self.absent.insert("style=");
                l = format!("<div style=\"text-align: center;\">{l}</div>");
            }
            self.push(Unit::Caption, l);
        }
        for (j, c) in credits.iter().enumerate() {
            if !(glue && j == 0) || p.captions.is_empty() {
                let l = self.render(c, false);
                self.push(Unit::Credit, l);
            }
        }
        if stray_after || !image {
            self.stray();
        }
        self.not_in_paras.extend(credits.iter().cloned());
        credits.retain(|c| !c.is_empty());
        credits
    }

    fn table(&mut self) {
        let year = 2018 + self.rng.below(8);
        let rows = ["营业收入", "粮食产量", "游客人数", "新增就业", "出口总额"];
        let mut t = format!("<table><tr><td>指标</td><td>{year}年</td><td>同比增长</td></tr>");
        for r in rows.iter().take(2 + self.rng.below(3)) {
            let v = 10 + self.rng.below(9000);
            let p = self.rng.below(300);
            let _ = write!(
                t,
                "<tr><td>{r}</td><td>{v}</td><td>{}.{}%</td></tr>",
                p / 10,
                p % 10
            );
        }
        t.push_str("</table>");
        for s in ["<table", "<tr", "<td"] {
            self.absent.insert(s);
        }
        self.push(Unit::Table, t);
    }

    /// Column-break positions (character indices) in `text`, none in the first `min`
    /// or the last `tail` characters (a glued continuation note stays whole).
    fn breaks(&mut self, text: &[char], min: usize, tail: usize, wanted: usize) -> Vec<usize> {
        let n = text.len().saturating_sub(tail);
        let ok = |p: usize| {
            p >= min + 2
                && p + 2 <= n
                && !is_final(text[p - 1])
                && !text[p - 1].is_whitespace()
                && !text[p].is_whitespace()
                && !is_closing(text[p])
                && !is_opening(text[p - 1])
        };
        let mut out: Vec<usize> = Vec::new();
        for _ in 0..wanted {
            for _ in 0..12 {
                let lo = out.last().map_or(min, |&l| l) + 2;
                if lo + 2 > n {
                    break;
                }
                let p = if self.chance(self.content.short_break) {
                    lo + self.rng.below(5)
                } else {
                    self.range(lo, n - 2)
                };
                if ok(p) && out.last().is_none_or(|&l| p >= l + 2) {
                    out.push(p);
                    break;
                }
            }
        }
        out
    }

    /// On a hard-wrapped page a column breaks at its foot, so the piece before a break
    /// ends on a full line (only a paragraph's last line is short): the cut at `cut`
    /// moved on to where the line it falls in is full, when the piece from `start`
    /// (after `head` columns of indent and lead) is wrapped at `width` columns, and
    /// then back to a place a break can fall (not after a stop or an opening
    /// bracket, not before a closing one). Stays before `limit`; the cut as it was when
    /// there is no such place.
    fn at_line_end(
        chars: &[char],
        start: usize,
        cut: usize,
        limit: usize,
        head: usize,
        width: usize,
    ) -> usize {
        let used = head + chars[start..cut].iter().map(|&c| cols(c)).sum::<usize>();
        let mut fill = used % width;
        if fill == 0 {
            return cut;
        }
        let mut p = cut;
        while p < limit && fill + cols(chars[p]) <= width {
            fill += cols(chars[p]);
            p += 1;
        }
        let ok = |p: usize| {
            p >= start + 2
                && p + 2 <= chars.len()
                && p <= limit
                && !is_final(chars[p - 1])
                && !chars[p - 1].is_whitespace()
                && !chars[p].is_whitespace()
                && !is_closing(chars[p])
                && !is_opening(chars[p - 1])
        };
        (p.saturating_sub(3)..=p)
            .rev()
            .find(|&q| q >= cut && ok(q))
            .unwrap_or(cut)
    }

    /// One body paragraph: `text` is its true text (with a glued continuation note);
    /// `lead` the inline byline as printed before it; `inside` a photo dropped in it.
    /// `notes`: how many characters at the start and at the end of `text` are a glued
    /// continuation note; `end_note`: the paragraph is a closing note.
    fn paragraph(
        &mut self,
        text: &str,
        notes: (usize, usize),
        lead: Option<&str>,
        inside: Option<&Photo>,
        end_note: bool,
    ) {
        let chars: Vec<char> = text.chars().collect();
        let mut wanted = 0;
        // A short paragraph (a dateline, a one-line question) broken in two is a
        // guess for any reader; the breaks worth learning are in running text.
        if chars.len() >= 20 && self.chance(self.content.column_break) {
            wanted = 1 + usize::from(self.chance(self.content.second_break));
        }
        if inside.is_some() {
            wanted = wanted.max(1);
        }
        let cuts = self.breaks(&chars, notes.0, notes.1, wanted);
        let photo_at = if inside.is_some() && !cuts.is_empty() {
            Some(self.rng.below(cuts.len()))
        } else {
            None
        };
        let mut bounds = vec![0];
        bounds.extend(&cuts);
        bounds.push(chars.len());
        let long = chars.len() > 60 && chars.iter().filter(|&&c| c == '。').count() >= 2;
        for k in 0..bounds.len() - 1 {
            if k + 2 < bounds.len()
                && let Some((w, _)) = self.style.wrap
            {
                let head = if k == 0 {
                    self.style
                        .indent
                        .unwrap_or("")
                        .chars()
                        .map(cols)
                        .sum::<usize>()
                        + lead.map_or(0, |l| l.chars().map(cols).sum())
                } else {
                    0
                };
                let limit = bounds[k + 2]
                    .min(chars.len().saturating_sub(notes.1))
                    .saturating_sub(2);
                bounds[k + 1] = Self::at_line_end(&chars, bounds[k], bounds[k + 1], limit, head, w);
            }
            let piece: String = chars[bounds[k]..bounds[k + 1]].iter().collect();
            let mut r = self.render(&piece, true);
            let mut r_head = String::new();
            if let (0, Some(l)) = (k, lead) {
                r_head.push_str(l);
            }
            r = format!("{r_head}{r}");
            let last = k + 2 == bounds.len();
            if last && r.ends_with('。') && self.chance(self.style.stop_rate) {
                r.pop();
            }
            if let Some((w, _)) = self.style.wrap {
                let ind = if k == 0 {
                    self.style.indent.unwrap_or("")
                } else {
                    ""
                };
                r = Self::wrap(&format!("{ind}{r}"), w, last);
            } else if cuts.is_empty()
                && lead.is_none()
                && long
                && self.chance(self.profile.para_heading)
            {
                self.absent.insert("#");
                r = format!("###### {r}");
            }
            let unit = match (k, end_note) {
                (0, true) => Unit::EndNote,
                (0, false) => Unit::Paragraph,
                _ => Unit::Continuation,
            };
            self.push(unit, r);
            if !last {
                let p = bounds[k + 1];
                let x: String = chars[bounds[k].max(p.saturating_sub(10))..p]
                    .iter()
                    .collect();
                let mut y: String = chars[p..bounds[k + 2].min(p + 10)].iter().collect();
                if bounds[k + 2] == chars.len() && p + 10 >= chars.len() {
                    // The paragraph's closing stop may be dropped by the OCR.
                    y = y.trim_end_matches('。').to_string();
                }
                if norm(&x).is_some() && norm(&y).is_some() {
                    self.joins.push((x, y));
                }
                if let (true, Some(ph)) = (photo_at == Some(k), inside) {
                    self.photo(ph, false);
                }
            }
        }
        self.true_paras.push(norm(text).unwrap_or_default());
    }

    // ---- the page ---------------------------------------------------------------

    fn furniture(&mut self) {
        let f = self.mat.furniture(&mut self.rng);
        self.push_line(Role::Furniture, &f);
        self.not_titles.push(f.clone());
        self.not_in_paras.push(f);
    }

    fn photos_of(&mut self, a: &Article) -> Vec<(usize, Photo)> {
        let mut out: Vec<(usize, Photo)> = Vec::new();
        for (c, &at) in a.captions.iter().zip(&a.caption_at) {
            let credit = is_credit(c);
            match out.last_mut() {
                Some((last, p)) if *last == at && (credit || p.credits.is_empty()) => {
                    if credit {
                        p.credits.push(c.clone());
                    } else {
                        p.captions.push(c.clone());
                    }
                }
                _ => {
                    let mut p = Photo::default();
                    if credit {
                        p.credits.push(c.clone());
                    } else {
                        p.captions.push(c.clone());
                    }
                    out.push((at, p));
                }
            }
        }
        if a.paragraphs.len() >= 2 && self.chance(self.content.extra_photo) {
            let at = self.range(1, a.paragraphs.len() - 1);
            let p = Photo {
                title: None,
                captions: vec![self.mat.caption(&mut self.rng)],
                credits: vec![self.mat.credit(&mut self.rng)],
            };
            out.push((at, p));
            out.sort_by_key(|(at, _)| *at);
        }
        out
    }

    fn article(&mut self, plan: &Plan) {
        let a = plan.a;
        let c = self.content;
        let headless = matches!(plan.start, Start::From(..));
        let mut t = TruthArticle::default();
        let kicker =
            if a.kicker.is_none() && !headless && !plan.brief && self.chance(c.slogan_kicker) {
                Some(self.mat.slogan_kicker(&mut self.rng))
            } else {
                a.kicker.clone()
            };
        self.current = Some(self.articles.len());
        if let Some(o) = &plan.overline {
            let (role, text) = match o {
                Overline::Banner(s) => (Role::Banner, s.clone()),
                Overline::Label(s) => (Role::Label, s.clone()),
            };
            self.push_line(role, &text);
            match kicker.as_ref().filter(|_| !headless) {
                Some(k) => t.kicker_alt = vec![format!("{text}{k}"), text.clone()],
                None => t.kicker_alt = vec![text.clone()],
            }
            self.not_titles.push(text);
        }
        // The byline as printed, and where.
        let mut byline = a.byline.clone();
        let mut pos = a.byline_position;
        if !headless && self.chance(c.byline_synthetic) {
            let (b, trailing) = self.mat.odd_byline(&mut self.rng);
            byline = Some(b);
            pos = Some(if trailing {
                BylinePosition::Trailing
            } else {
                BylinePosition::OwnLine
            });
        } else if pos == Some(BylinePosition::OwnLine) && self.chance(c.byline_moved) {
            if let Some(b) = byline.take() {
                t.byline_alt.push(b.clone());
                byline = Some(format!("（{b}）"));
            }
            pos = Some(BylinePosition::Trailing);
        }
        if (headless && pos != Some(BylinePosition::Trailing))
            || (plan.truncated && pos == Some(BylinePosition::Trailing))
            || self.style.no_bylines
        {
            byline = None;
            pos = None;
            t.byline_alt.clear();
        }
        t.byline.clone_from(&byline);
        // A closing line of names as the byline, the first paragraph opening with a
        // bare `本报讯` (the dateline without the reporter, who is named at the end).
        let bare_dateline = !headless
            && pos == Some(BylinePosition::Trailing)
            && byline.as_ref().is_some_and(|b| !b.starts_with('（'))
            && self.chance(c.bare_dateline);
        if !headless {
            if let Some(k) = &kicker {
                self.push_line(Role::Kicker, k);
                t.kicker = Some(k.clone());
            }
            let role = if plan.brief {
                Role::BriefTitle
            } else {
                Role::Title
            };
            self.push_line(role, &a.title);
            t.title = Some(a.title.clone());
            if let Some(s) = &a.subtitle {
                self.push_line(Role::Subtitle, s);
                t.subtitle = Some(s.clone());
            }
            if let (Some(b), Some(BylinePosition::OwnLine)) = (&byline, pos) {
                self.push_line(Role::Byline, b);
            }
        }
        let first = match plan.start {
            Start::Top => 0,
            Start::From(p, _) => p,
        };
        let photos = self.photos_of(a);
        let table_at = (plan.end - first >= 3 && self.chance(self.profile.tables))
            .then(|| self.range(first + 1, plan.end - 1));
        let mut captions = Vec::new();
        let mut pending_inside: Option<Photo> = None;
        // A story set in two columns, written as a pipe table of prose: a plain story
        // (no photo, subhead or table to place among its lines); an inline byline
        // opens its first cell.
        let mut prose_paras = a.paragraphs[first..plan.end].to_vec();
        if pos == Some(BylinePosition::Inline)
            && let (Some(b), Some(p0)) = (&byline, prose_paras.first_mut())
        {
            *p0 = format!("{b}{p0}");
        }
        let prose = self.style.prose_table
            && !headless
            && !plan.truncated
            && !plan.brief
            && !self.style.latex
            && !self.style.halfwidth
            && photos.is_empty()
            && a.subheads.is_empty()
            && table_at.is_none()
            && !bare_dateline
            && (2..=12).contains(&(plan.end - first))
            && self.prose_table(&prose_paras);
        if prose {
            self.style.prose_table = false;
            t.paragraphs += plan.end - first;
        }
        let body_end = if prose { first } else { plan.end };
        for i in first..body_end {
            for (s, &at) in a.subheads.iter().zip(&a.subhead_at) {
                if at == i && (i > first || !headless) {
                    self.push_line(Role::Subhead, s);
                    t.subheads.push(s.clone());
                }
            }
            for (at, p) in &photos {
                if *at == i && (i > first || !headless) {
                    captions.extend(p.captions.iter().cloned());
                    if self.chance(c.caption_inside)
                        && a.paragraphs[i].chars().count() >= 12
                        && pending_inside.is_none()
                    {
                        pending_inside = Some(p.clone());
                    } else {
                        self.photo(p, true);
                    }
                }
            }
            if table_at == Some(i) {
                self.table();
            }
            let mut text = match plan.start {
                Start::From(p, ch) if p == i => a.paragraphs[i].chars().skip(ch).collect(),
                _ => a.paragraphs[i].clone(),
            };
            let mut lead = None;
            let mut notes = (0, 0);
            if i == first {
                if headless {
                    t.first = Some(text.trim_start().chars().take(12).collect());
                    let mut how = self.rng.below(5);
                    if self.mid_continuation {
                        how %= 3;
                    }
                    match how {
                        0 | 1 => {
                            let n = self.mat.jump_note(&mut self.rng, true);
                            notes.0 = n.chars().count();
                            text = format!("{n}{text}");
                        }
                        2 => {
                            let n = self.mat.jump_note(&mut self.rng, true);
                            self.push_unit(Role::Furniture, Unit::Note, &n);
                            self.not_titles.push(n);
                        }
                        _ => {}
                    }
                } else if pos == Some(BylinePosition::Inline) {
                    let b = byline.clone().unwrap_or_default();
                    let seps: &[&str] = if b.ends_with('电') {
                        &["", "，", " "]
                    } else {
                        &["", " ", "　"]
                    };
                    let sep = *self.rng.pick(seps).unwrap_or(&"");
                    if sep == "，" {
                        t.byline_alt.push(format!("{b}，"));
                    }
                    lead = Some(format!("{}{sep}", self.render(&b, false)));
                } else if bare_dateline {
                    let sep = *self.rng.pick(&["  ", " ", "", "　"]).unwrap_or(&"");
                    lead = Some(format!("{}{sep}", self.render("本报讯", false)));
                } else if self.chance(c.note_in) {
                    let n = self.mat.jump_note(&mut self.rng, true);
                    if self.chance(c.note_own_line) {
                        // A titled continuation: the note on its own line under the
                        // headline, the text going on below it.
                        self.push_unit(Role::Furniture, Unit::Note, &n);
                        self.not_titles.push(n);
                    } else {
                        notes.0 = n.chars().count();
                        text = format!("{n}{text}");
                    }
                }
            }
            let glued_out = plan.truncated && i + 1 == plan.end && self.chance(60);
            if glued_out {
                let n = self.mat.jump_note(&mut self.rng, false);
                notes.1 = n.chars().count();
                text.push_str(&n);
            }
            let inside = pending_inside.take();
            self.paragraph(&text, notes, lead.as_deref(), inside.as_ref(), false);
            t.paragraphs += 1;
            if plan.truncated && i + 1 == plan.end && !glued_out {
                let n = self.mat.jump_note(&mut self.rng, false);
                self.push_unit(Role::Furniture, Unit::Note, &n);
                self.not_titles.push(n);
            }
        }
        if !plan.truncated {
            for (at, p) in &photos {
                if *at >= plan.end {
                    captions.extend(p.captions.iter().cloned());
                    self.photo(p, true);
                }
            }
            for (s, &at) in a.subheads.iter().zip(&a.subhead_at) {
                if at >= plan.end && plan.end > first {
                    // A subhead after the last paragraph is printed as the corpus has it.
                    self.push_line(Role::Subhead, s);
                    t.subheads.push(s.clone());
                }
            }
            if byline.is_some() && pos != Some(BylinePosition::Trailing) && self.chance(c.end_note)
            {
                let note = self.mat.end_note(&mut self.rng);
                self.paragraph(&note, (0, 0), None, None, true);
                t.paragraphs += 1;
                self.not_titles.push(note);
            }
            if let (Some(b), Some(BylinePosition::Trailing)) = (&byline, pos) {
                self.push_line(Role::Byline, b);
            }
        }
        t.captions = captions;
        self.articles.push(t);
        self.current = None;
    }

    /// Writes `paras` as markitdown writes a story set in two columns: each paragraph
    /// cut into printed lines, the lines read down the left column and then the right
    /// one, each row of the pipe table one line of each column, an empty cell between
    /// two paragraphs of a column. Where the right column opens inside a paragraph,
    /// that is a column break (a join in the truth). `false` (and nothing written)
    /// when the columns cannot be cut where a column break falls.
    fn prose_table(&mut self, paras: &[String]) -> bool {
        let width = self.range(12, 18);
        // The lines in reading order: (paragraph, first char, end char), `None`
        // between paragraphs.
        let mut lines: Vec<Option<(usize, usize, usize)>> = Vec::new();
        for (k, p) in paras.iter().enumerate() {
            let n = p.chars().count();
            if k > 0 {
                lines.push(None);
            }
            let mut at = 0;
            while at < n {
                let end = (at + width).min(n);
                lines.push(Some((k, at, end)));
                at = end;
            }
        }
        let chars: Vec<Vec<char>> = paras.iter().map(|p| p.chars().collect()).collect();
        let cut_ok = |h: usize| match (lines.get(h.wrapping_sub(1)), lines.get(h)) {
            (Some(None), _) | (_, Some(None)) => true,
            (Some(Some((k, _, e))), Some(Some(_))) => chars
                .get(*k)
                .and_then(|c| c.get(e.wrapping_sub(1)))
                .is_some_and(|&c| !is_final(c) && !is_opening(c)),
            _ => false,
        };
        let mid = lines.len().div_ceil(2);
        let Some(h) = [
            mid,
            mid + 1,
            mid.saturating_sub(1),
            mid + 2,
            mid.saturating_sub(2),
        ]
        .into_iter()
        .find(|&h| h >= 2 && h + 1 < lines.len() && cut_ok(h)) else {
            return false;
        };
        let (left, right) = lines.split_at(h);
        let trim = |c: &[Option<(usize, usize, usize)>]| -> Vec<Option<(usize, usize, usize)>> {
            let mut v = c.to_vec();
            while v.first().is_some_and(Option::is_none) {
                v.remove(0);
            }
            while v.last().is_some_and(Option::is_none) {
                v.pop();
            }
            v
        };
        let (left, right) = (trim(left), trim(right));
        if let (Some(Some((k, _, e))), Some(Some((k2, _, _)))) = (left.last(), right.first())
            && k == k2
        {
            let c = &chars[*k];
            let x: String = c[e.saturating_sub(10)..*e].iter().collect();
            let mut y: String = c[*e..(*e + 10).min(c.len())].iter().collect();
            if *e + 10 >= c.len() {
                y = y.trim_end_matches('。').to_string();
            }
            if norm(&x).is_some() && norm(&y).is_some() {
                self.joins.push((x, y));
            }
        }
        let cell = |g: &mut Self, l: Option<&Option<(usize, usize, usize)>>| match l {
            Some(Some((k, a, e))) => {
                let piece: String = chars[*k][*a..*e].iter().collect();
                g.render(&piece, false)
            }
            _ => String::new(),
        };
        let mut rows = Vec::new();
        for r in 0..left.len().max(right.len()) {
            let l = cell(self, left.get(r));
            let rt = cell(self, right.get(r));
            rows.push(format!("| {l} | {rt} |"));
            if r == 0 {
                rows.push("| --- | --- |".to_string());
            }
        }
        for p in paras {
            self.true_paras.push(norm(p).unwrap_or_default());
        }
        self.absent.insert("|");
        self.push(Unit::ProseTable, rows.join("\n"));
        true
    }

    /// A headless continuation mid-page.
    fn mid_article(&mut self, plan: &Plan) {
        self.mid_continuation = true;
        self.article(plan);
        self.mid_continuation = false;
    }

    fn photo_item(&mut self, used_titles: &mut Vec<String>) {
        let title = loop {
            let t = self.mat.photo_title(&mut self.rng).to_string();
            if !used_titles.contains(&t) || used_titles.len() > 40 {
                break t;
            }
        };
        used_titles.push(title.clone());
        self.current = Some(self.articles.len());
        let p = Photo {
            title: Some(title.clone()),
            captions: vec![self.mat.caption(&mut self.rng)],
            credits: vec![self.mat.credit(&mut self.rng)],
        };
        let credits = self.photo(&p, true);
        self.articles.push(TruthArticle {
            title: Some(title),
            byline_alt: credits,
            captions: p.captions.clone(),
            ..TruthArticle::default()
        });
        self.current = None;
    }

    fn page(&mut self) {
        let c = self.content;
        let pool = articles::of(self.split);
        let mut order: Vec<&'static Article> = pool;
        for i in (1..order.len()).rev() {
            let j = self.rng.below(i + 1);
            order.swap(i, j);
        }
        let mut plans: Vec<Plan> = Vec::new();
        let mut taken = vec![false; order.len()];
        // A continuation from another page, at the top.
        let mut continuation = None;
        if self.chance(c.continuation) {
            let starts = |a: &Article| {
                (1..a.paragraphs.len())
                    .filter(|&p| a.paragraphs[p].chars().count() >= 30)
                    .collect::<Vec<_>>()
            };
            if let Some(i) = order.iter().position(|a| !starts(a).is_empty()) {
                taken[i] = true;
                let a = order[i];
                let options = starts(a);
                let p = options[self.rng.below(options.len())];
                let chars: Vec<char> = a.paragraphs[p].chars().collect();
                let ch = if self.chance(50) && chars.len() > 30 {
                    let cand = self.range(3, chars.len() - 20);
                    if is_final(chars[cand - 1]) || chars[cand].is_whitespace() {
                        0
                    } else {
                        cand
                    }
                } else {
                    0
                };
                let end = (p + self.range(1, 6)).min(a.paragraphs.len());
                continuation = Some(Plan {
                    a,
                    start: Start::From(p, ch),
                    end,
                    truncated: end < a.paragraphs.len(),
                    overline: None,
                    brief: false,
                });
            }
        }
        let budget = self.range(c.budget.0, c.budget.1);
        let mut used = 0;
        for (i, a) in order.iter().enumerate() {
            if taken[i] || a.paragraphs.is_empty() {
                continue;
            }
            if used >= budget || plans.len() >= 8 {
                break;
            }
            taken[i] = true;
            let mut end = a.paragraphs.len();
            let mut truncated = false;
            if a.body_chars() > c.max_article {
                let keep = self.range(c.max_article / 3, c.max_article);
                let mut sum = 0;
                end = 0;
                while end < a.paragraphs.len() && sum < keep {
                    sum += a.paragraphs[end].chars().count();
                    end += 1;
                }
                truncated = end < a.paragraphs.len();
            }
            used += a.paragraphs[..end]
                .iter()
                .map(|p| p.chars().count())
                .sum::<usize>();
            plans.push(Plan {
                a,
                start: Start::Top,
                end,
                truncated,
                overline: None,
                brief: false,
            });
        }
        if !plans.is_empty() {
            if self.chance(c.banner) {
                let k = self.rng.below(plans.len());
                plans[k].overline = Some(Overline::Banner(self.mat.banner(&mut self.rng)));
            }
            if self.chance(c.label) {
                let k = self.rng.below(plans.len());
                if plans[k].overline.is_none() {
                    plans[k].overline = Some(Overline::Label(self.mat.label(&mut self.rng).into()));
                }
            }
        }
        let mut briefs: Vec<Plan> = Vec::new();
        if self.chance(c.briefs) {
            let want = self.range(2, 4);
            for (i, a) in order.iter().enumerate() {
                if briefs.len() >= want {
                    break;
                }
                if !taken[i] && a.kind == "brief" && !a.paragraphs.is_empty() {
                    taken[i] = true;
                    briefs.push(Plan {
                        a,
                        start: Start::Top,
                        end: a.paragraphs.len(),
                        truncated: false,
                        overline: None,
                        brief: true,
                    });
                }
            }
            if let Some(b) = briefs.first_mut() {
                b.overline = Some(Overline::Label(self.mat.brief_label(&mut self.rng).into()));
            }
        }
        let photo_items = if self.chance(c.photo_item) {
            self.range(1, 2)
        } else {
            0
        };
        let slots = plans.len() + 1;
        let photo_slots: Vec<usize> = (0..photo_items).map(|_| self.rng.below(slots)).collect();
        let brief_slot = self.rng.below(slots);
        let middle = (plans.len() >= 2 && self.chance(c.furniture_middle))
            .then(|| self.range(1, plans.len() - 1));

        if self.chance(c.furniture_top) {
            for _ in 0..self.range(1, 3) {
                self.furniture();
            }
        }
        // A headless continuation mostly opens the page; sometimes it stands mid-page
        // right after a photo item (image, title, caption), its note in mixed brackets
        // or none at all.
        let mid = continuation.is_some() && self.chance(c.continuation_mid);
        // With no photo item, after a finished story.
        let mid_slot = (mid && photo_slots.is_empty() && !plans.is_empty())
            .then(|| self.rng.below(plans.len()));
        if let (Some(p), false) = (&continuation, mid) {
            self.article(p);
        }
        let mut photo_titles = Vec::new();
        let mut continuation = continuation.filter(|_| mid);
        for slot in 0..slots {
            if middle == Some(slot) {
                self.furniture();
            }
            for _ in photo_slots.iter().filter(|&&s| s == slot) {
                self.photo_item(&mut photo_titles);
                if let Some(p) = continuation.take() {
                    self.mid_article(&p);
                }
            }
            if brief_slot == slot {
                for b in &briefs {
                    self.article(b);
                }
            }
            if let Some(p) = plans.get(slot) {
                self.article(p);
            }
            if mid_slot == Some(slot)
                && let Some(p) = continuation.take()
            {
                self.mid_article(&p);
            }
        }
        if let Some(p) = continuation.take() {
            self.mid_article(&p);
        }
        if self.chance(c.furniture_bottom) {
            for _ in 0..self.range(1, 2) {
                self.furniture();
            }
        }
    }

    fn finish_markdown(&mut self) -> String {
        let sep = if self.style.blank { "\n\n" } else { "\n" };
        let texts: Vec<&str> = self.blocks.iter().map(|b| b.text.as_str()).collect();
        let body = texts.join(sep);
        if self.style.fenced {
            self.absent.insert("```");
            format!("```markdown\n{body}\n```\n")
        } else {
            format!("{body}\n")
        }
    }

    fn finish_truth(self) -> Truth {
        let titles: Vec<String> = self
            .articles
            .iter()
            .filter_map(|a| a.title.as_deref().and_then(norm))
            .collect();
        let mut not_titles: Vec<String> = Vec::new();
        for nt in self.not_titles {
            if norm(&nt).is_some_and(|n| !titles.contains(&n)) && !not_titles.contains(&nt) {
                not_titles.push(nt);
            }
        }
        let mut not_in_paragraphs: Vec<String> = Vec::new();
        for f in self.not_in_paras {
            let Some(n) = norm(&f) else { continue };
            if !self.true_paras.iter().any(|p| p.contains(&n)) && !not_in_paragraphs.contains(&f) {
                not_in_paragraphs.push(f);
            }
        }
        let all_norm = norm(&self.true_all).unwrap_or_default();
        let absent = self
            .absent
            .into_iter()
            .filter(|s| {
                !self.true_all.contains(s) && norm(s).is_none_or(|n| !all_norm.contains(&n))
            })
            .map(String::from)
            .collect();
        let mut joins = self.joins;
        joins.dedup();
        Truth {
            doc: String::new(),
            articles: self.articles,
            not_titles,
            joins,
            not_in_paragraphs,
            absent,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The markdown as the truth sees it: normalised, LaTeX and emphasis marks gone.
    fn plain(md: &str) -> String {
        norm(md).unwrap_or_default().replace(['$', '\\', '*'], "")
    }

    #[test]
    fn a_page_is_the_same_for_the_same_arguments() {
        for p in profiles::ALL {
            let a = generate(p, Split::Dev, 7, 3);
            let b = generate(p, Split::Dev, 7, 3);
            assert_eq!(a.markdown, b.markdown);
            assert_eq!(a.truth, b.truth);
            assert_ne!(a.markdown, generate(p, Split::Dev, 7, 4).markdown);
            assert_ne!(a.markdown, generate(p, Split::Dev, 8, 3).markdown);
        }
    }

    #[test]
    fn the_truth_holds_only_what_the_page_shows() {
        for page in pages(Split::Dev, 1, 6)
            .iter()
            .chain(&pages(Split::Train, 1, 6))
        {
            let md = plain(&page.markdown);
            assert!(!page.truth.articles.is_empty(), "{}", page.name);
            for a in &page.truth.articles {
                for f in [&a.title, &a.kicker, &a.subtitle, &a.byline, &a.first] {
                    if let Some(n) = f.as_deref().and_then(norm) {
                        assert!(md.contains(&plain(&n)), "{}: {n}", page.name);
                    }
                }
                for s in a.subheads.iter().chain(&a.captions) {
                    assert!(md.contains(&plain(s)), "{}: {s}", page.name);
                }
                assert!(a.title.is_some() || a.first.is_some(), "{}", page.name);
            }
            for (x, y) in &page.truth.joins {
                // Both halves are on the page, not run together (a break is between).
                assert!(
                    md.contains(&plain(x)) && md.contains(&plain(y)),
                    "{}",
                    page.name
                );
            }
            for s in &page.truth.absent {
                assert!(page.markdown.contains(s.as_str()), "{}: {s}", page.name);
            }
        }
    }

    #[test]
    fn labelled_blocks_make_the_page_and_match_the_truth() {
        for page in pages(Split::Dev, 3, 4) {
            let texts: Vec<&str> = page.blocks.iter().map(|b| b.text.as_str()).collect();
            let sep = if page.markdown.contains("\n\n") {
                "\n\n"
            } else {
                "\n"
            };
            let body = texts.join(sep);
            assert!(page.markdown.contains(&body), "{}", page.name);
            // Titles labelled in page order are the truth's titles in order.
            let mut titles: Vec<String> = Vec::new();
            for b in page
                .blocks
                .iter()
                .filter(|b| matches!(b.unit, Unit::Title | Unit::PhotoTitle))
            {
                let a = b.article.expect("a title belongs to an article");
                let want = page.truth.articles[a].title.as_deref().and_then(norm);
                assert_eq!(
                    Some(plain(&b.text).trim_start_matches('#').to_string()),
                    want.map(|w| plain(&w)),
                    "{}",
                    page.name
                );
                titles.push(b.text.clone());
            }
            let titled = page
                .truth
                .articles
                .iter()
                .filter(|a| a.title.is_some())
                .count();
            assert_eq!(titles.len(), titled, "{}", page.name);
            // Every article owns at least one block; paragraph starts count its
            // paragraphs (a pipe table of prose holds several).
            for (i, a) in page.truth.articles.iter().enumerate() {
                if page
                    .blocks
                    .iter()
                    .any(|b| b.article == Some(i) && b.unit == Unit::ProseTable)
                {
                    continue;
                }
                let starts = page
                    .blocks
                    .iter()
                    .filter(|b| {
                        b.article == Some(i) && matches!(b.unit, Unit::Paragraph | Unit::EndNote)
                    })
                    .count();
                assert_eq!(starts, a.paragraphs, "{} article {i}", page.name);
            }
        }
    }

    #[test]
    fn training_pages_hold_no_dev_article() {
        let dev: Vec<&str> = articles::of(Split::Dev)
            .iter()
            .map(|a| a.title.as_str())
            .collect();
        for page in pages(Split::Train, 2, 10) {
            assert!(profiles::by_name(page.profile).is_some_and(|p| !p.dev_only));
            for a in &page.truth.articles {
                assert!(
                    a.title.as_deref().is_none_or(|t| !dev.contains(&t)),
                    "{}: {:?}",
                    page.name,
                    a.title
                );
            }
        }
    }

    #[test]
    fn every_habit_occurs() {
        let all: Vec<Page> = pages(Split::Dev, 1, 25);
        let any = |f: &dyn Fn(&Page) -> bool| all.iter().any(f);
        let md_has = |s: &str| any(&|p: &Page| p.markdown.contains(s));
        for s in [
            "```markdown",
            "$",
            "\\%",
            "<div style=",
            "alt=\"Image\"",
            "<table>",
            "![](images/",
            "###### ",
            "**",
            "上接",
            "下转",
            "摄",
            "供图",
            "文/图",
            "参与采写",
            "本版编辑：",
            "第 版",
            "｡",
            ",",
        ] {
            assert!(md_has(s), "no page holds {s:?}");
        }
        // A story in two columns as a pipe table of prose; a stray OCR character.
        assert!(md_has("| --- | --- |"));
        assert!(any(&|p| p.blocks.iter().any(|b| b.unit == Unit::Stray)));
        // Pages with no blank line at all (line-by-line OCR).
        assert!(any(&|p| !p.markdown.contains("\n\n")));
        assert!(any(&|p| p.truth.articles.iter().any(|a| a.title.is_none())));
        assert!(any(&|p| p
            .truth
            .articles
            .iter()
            .any(|a| !a.kicker_alt.is_empty())));
        assert!(any(&|p| p.truth.articles.iter().any(|a| a.paragraphs == 0)));
        assert!(any(&|p| p
            .truth
            .articles
            .iter()
            .any(|a| !a.captions.is_empty())));
        // Column breaks down to two characters on either side.
        assert!(any(&|p| p
            .truth
            .joins
            .iter()
            .any(|(x, _)| x.chars().count() == 2)));
    }

    #[test]
    fn the_habits_of_the_real_pages_occur_in_training() {
        let all: Vec<Page> = pages(Split::Train, 1, 40);
        let any = |f: &dyn Fn(&Page) -> bool| all.iter().any(f);
        // Stories one after another, none with a byline.
        assert!(any(&|p| {
            let titled: Vec<_> = p
                .truth
                .articles
                .iter()
                .filter(|a| a.title.is_some())
                .collect();
            titled.len() >= 3 && titled.iter().all(|a| a.byline.is_none())
        }));
        // A `#` headline with its from-note on a line of its own under it.
        assert!(any(&|p| {
            let lines: Vec<&str> = p
                .markdown
                .lines()
                .filter(|l| !l.trim().is_empty())
                .collect();
            lines.windows(2).any(|w| {
                w[0].starts_with('#')
                    && w[1].trim().len() < 30
                    && ["（上接", "(上接", "[上接"]
                        .iter()
                        .any(|n| w[1].starts_with(n))
            })
        }));
        // A headless continuation after the page's first article.
        assert!(any(&|p| p
            .truth
            .articles
            .iter()
            .skip(1)
            .any(|a| a.title.is_none() && a.paragraphs > 0)));
        // A closing line of names as the byline, the story opening with a bare 本报讯.
        assert!(any(&|p| {
            p.truth.articles.iter().any(|a| {
                a.byline
                    .as_deref()
                    .is_some_and(|b| b.split_whitespace().count() == 3 && !b.contains('记'))
            }) && ["本报讯 ", "本报讯近", "本报讯　"]
                .iter()
                .any(|s| p.markdown.contains(s))
        }));
        // A kicker in two halves.
        assert!(any(&|p| p
            .truth
            .articles
            .iter()
            .any(|a| a.kicker.as_deref().is_some_and(
                |k| k.contains('”') && k.contains([' ', '　'])
            ))));
        // A paragraph whose closing stop the OCR dropped: a block ending on an
        // ideograph right before a blank line, on an unwrapped page.
        assert!(any(&|p| p.profile == "mineru"
            && p.markdown.split("\n\n").any(|b| b.chars().count() > 60
                && !b.starts_with('#')
                && b.chars().last().is_some_and(is_cjk))));
    }

    #[test]
    fn a_column_break_on_a_wrapped_page_falls_at_a_full_line() {
        let text: Vec<char> = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"
            .chars()
            .collect();
        // Ten ideographs to a line of 20 columns: a cut after five moves on to ten.
        assert_eq!(Gen::at_line_end(&text, 0, 5, 28, 0, 20), 10);
        // With a four-column indent the first line holds eight.
        assert_eq!(Gen::at_line_end(&text, 0, 5, 28, 4, 20), 8);
        // Already at a line end, or no room before the limit: as it was.
        assert_eq!(Gen::at_line_end(&text, 0, 10, 28, 0, 20), 10);
        assert_eq!(Gen::at_line_end(&text, 0, 5, 5, 0, 20), 5);
    }

    #[test]
    fn wrapping_keeps_punctuation_off_line_starts_and_ends_paragraphs_short() {
        let w = Gen::wrap(
            "一二三四五，六七八九十“甲乙丙丁”。子丑寅卯辰巳午未申酉戌亥。",
            10,
            true,
        );
        for line in w.lines() {
            assert!(!line.starts_with(is_closing), "{w}");
            assert!(!line.ends_with(is_opening), "{w}");
        }
        let last = w.lines().last().unwrap_or("");
        assert!(last.chars().map(cols).sum::<usize>() + 2 < 10, "{w}");
    }
}
