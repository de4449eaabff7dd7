//! Articles from joined items: which short lines are headlines, kickers, subtitles,
//! banners, series labels or subheads, and where bylines go.
//!
//! Heading marks are a hint, not the truth. A run of consecutive heading-like lines
//! (markdown headings, or short unpunctuated plain lines) is a *cluster*. A cluster of
//! several lines opens an article: its title is the heading at the page's headline level
//! (see `marks`) when the page uses several levels, else the line with the most words
//! (a short column name over a much longer line gives way to it); the line right above is the
//! kicker, earlier lines are banners or series labels, the line below the subtitle. A
//! single line between paragraphs is a subhead, unless the text says a new article
//! starts: a byline follows it, the previous article just ended with its byline, the
//! text after it ends with a byline of its own, or (when levels are used) its level is
//! that of a headline.

use super::byline;
use super::join::{Class, Item};
use super::kicker;
use super::lines::Unit;
use super::marks::Marks;
use super::model::BlockKind;
use super::plan::{Glue, Piece, PlanArticle, PlanBlock, Text};
use super::text::{trim, word_chars};
use super::topic::Bigrams;

/// The most words of a section label over a quoted sentence (`整合资源`, `制度赋权`).
const LABEL_MAX: usize = 6;

/// Items read ahead for a stretch's own signature (a long story's sections and the
/// byline closing it).
const SIGNATURE_SCAN: usize = 160;

/// The dashes a subtitle opens with or a kicker ends with (`——`, and the ASCII
/// stand-in some converters write).
const DASHES: [&str; 3] = ["——", "--", "──"];

/// A heading-like line of a cluster.
#[derive(Debug, Clone, Copy)]
struct Line {
    unit: usize,
    level: Option<u8>,
}

/// Builds the articles of a page.
pub(crate) fn infer(units: &[Unit], items: &[Item]) -> Vec<PlanArticle> {
    let mut b = Builder {
        units,
        items,
        marks: Marks::of(units, items),
        articles: Vec::new(),
        cur: None,
        topic: Bigrams::default(),
    };
    let mut i = 0;
    while i < items.len() {
        i = b.step(i);
    }
    b.finish()
}

/// Whether an article is a photo item so far: a caption, a credit or a photo under its
/// title, no running text. A photo item has no sections, so a head after it opens the
/// next item or story (`丰收的喜悦` ⏎ caption ⏎ credit ⏎ `稻田画` ⏎ caption).
fn is_photo_item(a: &PlanArticle) -> bool {
    !a.has_paragraph()
        && a.blocks.iter().any(|b| {
            matches!(
                b.kind,
                BlockKind::Caption | BlockKind::Credit | BlockKind::Image
            )
        })
}

/// Whether the items under a single head (up to the next head) are a photo's caption
/// and credit with no running text: the head is that photo's own title (`候鸟归来` ⏎
/// `……观赏候鸟。周博摄`), never a section of the story before.
fn titles_photo(stretch: &[Item]) -> bool {
    matches!(stretch.first(), Some(Item::Single(Class::Caption, _)))
        && !stretch.iter().any(|it| matches!(it, Item::Para(_)))
}

struct Builder<'a> {
    units: &'a [Unit],
    items: &'a [Item],
    marks: Marks,
    articles: Vec<PlanArticle>,
    cur: Option<PlanArticle>,
    /// What the current article is about so far.
    topic: Bigrams,
}

fn whole(units: &[Unit], unit: usize) -> Text {
    let len = units.get(unit).map_or(0, |u| u.text.len());
    Text::new(
        vec![Piece {
            unit,
            range: 0..len,
        }],
        Glue::Rejoin,
    )
}

fn head_line(item: Option<&Item>) -> Option<Line> {
    match item? {
        Item::Single(Class::Heading(l), u) => Some(Line {
            unit: *u,
            level: Some(*l),
        }),
        Item::Single(Class::TitleLike, u) => Some(Line {
            unit: *u,
            level: None,
        }),
        _ => None,
    }
}

impl Builder<'_> {
    fn text(&self, unit: usize) -> &str {
        self.units.get(unit).map_or("", |u| u.text.as_str())
    }

    fn cur(&mut self) -> &mut PlanArticle {
        self.cur.get_or_insert_with(PlanArticle::default)
    }

    fn push_block(&mut self, kind: BlockKind, text: Text) {
        // (On a levelled page too: converters jitter levels, and a topic change tells
        // a headline set at a subhead's level.)
        if matches!(kind, BlockKind::Paragraph | BlockKind::Subhead) {
            self.learn(&text);
        }
        self.cur().blocks.push(PlanBlock { kind, text });
    }

    /// Adds the words of `text` to what the current article is about.
    fn learn(&mut self, text: &Text) {
        for p in &text.pieces {
            let s = self
                .units
                .get(p.unit)
                .and_then(|u| u.text.get(p.range.clone()))
                .unwrap_or("");
            self.topic.add(s);
        }
    }

    fn finish(mut self) -> Vec<PlanArticle> {
        if let Some(a) = self.cur.take() {
            self.articles.push(a);
        }
        self.articles
    }

    /// Handles the item at `i` (and whatever belongs with it); returns the next index.
    fn step(&mut self, i: usize) -> usize {
        if head_line(self.items.get(i)).is_some() {
            return self.cluster(i);
        }
        match self.items.get(i) {
            Some(Item::Para(parts)) => self.paragraph(parts),
            Some(Item::Single(class, u)) => self.single(*class, *u),
            None => {}
        }
        i + 1
    }

    fn paragraph(&mut self, parts: &[usize]) {
        if self.resumes_elsewhere(parts) {
            // A headless article: the continuation of a story from another page.
            if let Some(a) = self.cur.take() {
                self.articles.push(a);
            }
            self.topic = Bigrams::default();
        }
        let mut pieces: Vec<Piece> = parts
            .iter()
            .map(|&unit| Piece {
                unit,
                range: 0..self.text(unit).len(),
            })
            .collect();
        let first_para = self.cur.as_ref().is_none_or(|a| !a.has_paragraph());
        let no_byline = self.cur.as_ref().is_none_or(|a| a.byline.is_none());
        if first_para
            && no_byline
            && let Some(first) = pieces.first_mut()
            && let Some((end, rest)) = byline::inline(self.text(first.unit))
        {
            let unit = first.unit;
            first.range.start = rest;
            self.cur().byline = Some(Text::new(
                vec![Piece {
                    unit,
                    range: 0..end,
                }],
                Glue::Rejoin,
            ));
        }
        self.push_block(BlockKind::Paragraph, Text::new(pieces, Glue::Rejoin));
    }

    /// Whether a paragraph opens a story continued from another page mid-page: a
    /// from-note (`[上接第一版）`) stands right before it, after the text of another
    /// article (a finished story, a photo item's caption or credit). A newspaper sets
    /// such a continuation without its headline when the layout has no room for it;
    /// under a headline or a byline the note belongs to that article instead.
    fn resumes_elsewhere(&self, parts: &[usize]) -> bool {
        let Some(before) = parts.first().and_then(|u| u.checked_sub(1)) else {
            return false;
        };
        // Heads and a byline under them leave the article without blocks: a note
        // there is the article's own.
        self.units.get(before).is_some_and(|u| u.from_note_next)
            && self.cur.as_ref().is_some_and(|a| !a.blocks.is_empty())
    }

    fn single(&mut self, class: Class, unit: usize) {
        let text = whole(self.units, unit);
        let kind = match class {
            Class::Byline => {
                let a = self.cur();
                if a.byline.is_none() {
                    a.byline = Some(text);
                    return;
                }
                BlockKind::Paragraph
            }
            Class::List => BlockKind::ListItem,
            Class::Quote => BlockKind::Quote,
            Class::Image => BlockKind::Image,
            Class::Table => BlockKind::Table,
            Class::Caption => BlockKind::Caption,
            Class::Credit => BlockKind::Credit,
            Class::Note => BlockKind::ContinuationNote,
            Class::Heading(_) | Class::TitleLike | Class::Body => BlockKind::Paragraph,
        };
        self.push_block(kind, text);
    }

    /// A run of heading-like lines starting at `i`.
    fn cluster(&mut self, i: usize) -> usize {
        let mut lines = Vec::new();
        let mut j = i;
        while let Some(l) = head_line(self.items.get(j)) {
            lines.push(l);
            j += 1;
        }
        let mut k = j;
        let mut bylines = Vec::new();
        while let Some(Item::Single(Class::Byline, u)) = self.items.get(k) {
            bylines.push(*u);
            k += 1;
        }
        // A news dateline alone on its line right under the heads (`新华社北京5月3日电`
        // ⏎ `外交部发言人3日……`) signs the story as agency copy does: its byline. (One
        // after a story's last paragraph closes that story instead; it stands before
        // the heads, not under them.)
        if bylines.is_empty()
            && let Some(u) = self.bare_dateline_at(k)
        {
            bylines.push(u);
            k += 1;
        }
        let inline_next = self.inline_byline_at(k);
        let vouched = !bylines.is_empty() || inline_next;
        if self.marks.used && !vouched && lines.iter().all(|l| l.level.is_none()) {
            // The page marks its headings and none of these is marked: body text.
            for l in &lines {
                self.push_block(BlockKind::Paragraph, whole(self.units, l.unit));
            }
            return k;
        }
        // A bare name under a headline is its author.
        if bylines.is_empty()
            && lines.len() >= 2
            && matches!(self.items.get(k), Some(Item::Para(_)))
            && let Some(last) = lines.last()
            && self.may_be_byline(last, &lines)
            && (byline::is_bare_name(self.text(last.unit))
                || byline::is_names_line(self.text(last.unit)))
        {
            bylines.push(last.unit);
            lines.pop();
        }
        // The story before closed with its signature: a byline, or a bare dateline
        // (`新华社北京4月24日电`) as agency copy ends.
        let after_byline = i > 0
            && match self.items.get(i - 1) {
                Some(Item::Single(Class::Byline, _)) => true,
                Some(Item::Para(parts)) => {
                    parts.len() == 1
                        && parts
                            .first()
                            .is_some_and(|&u| byline::is_bare_dateline(self.text(u)))
                }
                _ => false,
            };
        if bylines.is_empty()
            && !inline_next
            && !after_byline
            && self.is_two_part_subhead(&lines, k)
        {
            for l in &lines {
                self.push_block(BlockKind::Subhead, whole(self.units, l.unit));
            }
            return k;
        }
        let opens = lines.len() >= 2
            || !bylines.is_empty()
            || inline_next
            || after_byline
            || self.opens_article(lines.first().copied(), k);
        if opens {
            self.open_article(&lines, &bylines);
        } else if let Some(l) = lines.first() {
            self.push_block(BlockKind::Subhead, whole(self.units, l.unit));
        }
        k
    }

    /// Whether two heads in a row inside a signed story are one subhead printed in two
    /// parts: a short label and a quoted sentence under it (`整合资源` ⏎⏎ `“原本需要15个
    /// 工作日的流程，仅用5天就完成了……”`). A kicker over a headline, or a headline over
    /// its deck, opens a story of its own, signed under them or at its end; a quotation
    /// as the lower line of a pair with nothing signed after it is what a story says
    /// inside, under the label of its section.
    fn is_two_part_subhead(&self, lines: &[Line], after: usize) -> bool {
        let [label, quote] = lines else {
            return false;
        };
        let signed_story = self
            .cur
            .as_ref()
            .is_some_and(|a| a.byline.is_some() && a.title.is_some() && a.has_paragraph());
        let label_text = trim(self.text(label.unit));
        let quote_text = trim(self.text(quote.unit));
        signed_story
            && label.level == quote.level
            && word_chars(label_text) <= LABEL_MAX
            && !label_text.contains(['，', ',', '：', ':'])
            && quote_text.starts_with(['“', '"'])
            && quote_text.ends_with(['”', '"'])
            && matches!(self.items.get(after), Some(Item::Para(_)))
            && !self.signed_later(after)
    }

    /// Whether the last line of a cluster may be a promoted byline: a plain line, or a
    /// heading when levels say nothing or it sits below the cluster's top level.
    fn may_be_byline(&self, last: &Line, lines: &[Line]) -> bool {
        let Some(level) = last.level else {
            return true;
        };
        let top = lines.iter().filter_map(|l| l.level).min();
        !self.marks.levelled || top.is_some_and(|t| level > t)
    }

    /// The unit of a single-unit item.
    fn single_unit(&self, k: usize) -> Option<usize> {
        match self.items.get(k)? {
            Item::Single(_, u) => Some(*u),
            Item::Para(parts) if parts.len() == 1 => parts.first().copied(),
            Item::Para(_) => None,
        }
    }

    /// Whether the item at `k` is a paragraph opening with an inline byline.
    fn inline_byline_at(&self, k: usize) -> bool {
        match self.items.get(k) {
            Some(Item::Para(parts)) => parts
                .first()
                .is_some_and(|&u| byline::inline(self.text(u)).is_some()),
            _ => false,
        }
    }

    /// The unit of a news dateline standing alone as the item at `k`.
    fn bare_dateline_at(&self, k: usize) -> Option<usize> {
        match self.items.get(k) {
            Some(Item::Para(parts)) => match parts.as_slice() {
                [u] if byline::is_bare_dateline(self.text(*u)) => Some(*u),
                _ => None,
            },
            _ => None,
        }
    }

    /// For a single line between paragraphs: does it open a new article?
    fn opens_article(&self, line: Option<Line>, after: usize) -> bool {
        let Some(line) = line else {
            return false;
        };
        let Some(cur) = self.cur.as_ref() else {
            return true;
        };
        // Nothing yet, or a continuation from the previous page: a heading-like
        // line after it starts this page's own articles.
        if cur.blocks.is_empty() || cur.title.is_none() {
            return true;
        }
        // A heading right over a from-note (`（上接第一版）`): newspapers reprint a
        // continued story's headline over the note on the page it goes on, so the line
        // titles that story, whatever level the converter gave it (on a page where
        // every head is `#`, it looks like a subhead of the story before).
        if self.units.get(line.unit).is_some_and(|u| u.from_note_next) {
            return true;
        }
        // The story before was sent on to another page (`转第15版` right before this
        // line): it stops here, and the line opens the next one.
        if line
            .unit
            .checked_sub(1)
            .and_then(|b| self.units.get(b))
            .is_some_and(|u| u.to_note_next)
        {
            return true;
        }
        // The text up to the next heading-like line, and what it and the line are
        // about against the article so far.
        let mut end = after;
        while self.items.get(end).is_some() && head_line(self.items.get(end)).is_none() {
            end += 1;
        }
        let mut next = Bigrams::default();
        next.add(self.text(line.unit));
        let stretch = self.items.get(after..end).unwrap_or(&[]);
        for item in stretch {
            if let Item::Para(parts) = item {
                for &u in parts {
                    next.add(self.text(u));
                }
            }
        }
        if is_photo_item(cur) || titles_photo(stretch) {
            return true;
        }
        let clearly_new = self.topic.is_clearly_new_topic(&next).unwrap_or(false);
        let clearly_judged = self
            .topic
            .is_clearly_new_topic_at_length(&next)
            .unwrap_or(false);
        // The text from here on closes with a byline of its own, while the current
        // article already has one: that text is another article.
        let signed = cur.byline.is_some() && self.signed_later(after);
        if self.marks.levelled
            && let Some(level) = line.level
        {
            // Levels say which lines are headlines, but converters jitter them: a head
            // below the headline level whose text is signed on its own, or (after an
            // unsigned story, where no byline tells) is about other things altogether,
            // is the next story's headline.
            return level == self.marks.headline
                || signed
                || cur.byline.is_none() && clearly_judged;
        }
        if signed {
            return true;
        }
        // A story signed under its head, and this line's text not signed on its own:
        // the stories of the page are signed, so an unsigned head inside one is one of
        // its sections (MinerU sets every subhead `#`, like the next story's headline),
        // unless what follows shares next to nothing with it. A photo item (its own
        // short title, a caption, the photo and its credit) is titled but never signed.
        let photo = stretch
            .iter()
            .any(|it| matches!(it, Item::Single(Class::Image | Class::Credit, _)))
            && stretch
                .iter()
                .filter(|it| matches!(it, Item::Para(_)))
                .count()
                <= 2;
        if cur.byline.is_some() && !photo {
            return clearly_new;
        }
        // A story unsigned so far whose text after this line closes with a signature
        // before another story surely opens: the story signed at its foot (as commentary
        // and features are), this line one of its sections. (A page's stories are
        // signed; one with no signature at all is rare but for photo items.)
        if !photo && line.level.is_some() && self.signed_later(after) {
            return clearly_new;
        }
        self.topic.is_new_topic(&next).unwrap_or(false)
    }

    /// Whether the text from item `from` on closes with a signature of its own (a
    /// byline after its paragraphs; not a bare dateline, which agency copy prints
    /// under a story signed at its head too) before another article surely
    /// opens (a head with a byline or a dateline under it, or a cluster of heads):
    /// single heads on the way may be that text's own subheads. Bounded, so that a
    /// page of unsigned heads stays linear.
    fn signed_later(&self, from: usize) -> bool {
        let stop = from.saturating_add(SIGNATURE_SCAN).min(self.items.len());
        let mut k = from;
        while k < stop {
            if head_line(self.items.get(k)).is_some() {
                let mut j = k;
                while head_line(self.items.get(j)).is_some() {
                    j += 1;
                }
                let opens = j - k >= 2
                    || matches!(self.items.get(j), Some(Item::Single(Class::Byline, _)))
                    || self.inline_byline_at(j);
                // A closing line of names the page sets like a head.
                let names = self.single_unit(k).is_some_and(|u| {
                    let t = self.text(u);
                    byline::is_own_line(t) || byline::is_names_line(t)
                });
                if names {
                    return true;
                }
                if opens {
                    return false;
                }
                k = j;
                continue;
            }
            match self.items.get(k) {
                Some(Item::Single(Class::Byline, u)) if !byline::credits_helpers(self.text(*u)) => {
                    return true;
                }
                _ => {}
            }
            k += 1;
        }
        false
    }

    /// Starts a new article from a cluster of heading lines and its bylines.
    fn open_article(&mut self, lines: &[Line], bylines: &[usize]) {
        if let Some(a) = self.cur.take() {
            self.articles.push(a);
        }
        let mut a = PlanArticle::default();
        let t = self.title_index(lines);
        if let Some(title) = lines.get(t) {
            a.title = Some(whole(self.units, title.unit));
            let above = lines.get(..t).unwrap_or(&[]);
            for (n, l) in above.iter().enumerate() {
                let same_level = self.marks.levelled && l.level.is_some() && l.level == title.level;
                let text = whole(self.units, l.unit);
                if n + 1 == above.len() && !same_level {
                    a.kicker = Some(text);
                } else {
                    let kind = if l.level.is_some() {
                        BlockKind::Banner
                    } else {
                        BlockKind::SeriesLabel
                    };
                    a.overline.push(PlanBlock { kind, text });
                }
            }
            for (n, l) in lines.get(t + 1..).unwrap_or(&[]).iter().enumerate() {
                let text = whole(self.units, l.unit);
                if n == 0 {
                    a.subtitle = Some(text);
                } else {
                    a.blocks.push(PlanBlock {
                        kind: BlockKind::Subhead,
                        text,
                    });
                }
            }
        }
        if !bylines.is_empty() {
            let pieces = bylines
                .iter()
                .map(|&unit| Piece {
                    unit,
                    range: 0..self.text(unit).len(),
                })
                .collect();
            a.byline = Some(Text::new(pieces, Glue::Space));
        }
        self.topic = Bigrams::default();
        for t in [&a.kicker, &a.title, &a.subtitle].into_iter().flatten() {
            self.learn(t);
        }
        self.cur = Some(a);
    }

    /// The line right over the first deck opening with a dash, when a deck stands under
    /// another line that does not itself lead into it with a dash.
    fn line_over_deck(&self, lines: &[Line]) -> Option<usize> {
        let text = |n: usize| lines.get(n).map_or("", |l| trim(self.text(l.unit)));
        let deck = (1..lines.len()).find(|&n| DASHES.iter().any(|d| text(n).starts_with(d)))?;
        let up = deck - 1;
        (!DASHES
            .iter()
            .any(|d| text(up).ends_with(d) || text(up).starts_with(d)))
        .then_some(up)
    }

    /// Which line of a cluster is the headline.
    fn title_index(&self, lines: &[Line]) -> usize {
        let marked: Vec<usize> = (0..lines.len())
            .filter(|&n| lines.get(n).is_some_and(|l| l.level.is_some()))
            .collect();
        if self.marks.levelled && !marked.is_empty() {
            let level = |n: usize| lines.get(n).and_then(|l| l.level);
            let top = if marked
                .iter()
                .any(|&n| level(n) == Some(self.marks.headline))
            {
                Some(self.marks.headline)
            } else {
                marked.iter().filter_map(|&n| level(n)).min()
            };
            let t = marked
                .iter()
                .rev()
                .copied()
                .find(|&n| lines.get(n).and_then(|l| l.level) == top)
                .unwrap_or(0);
            // A short top-level line over a much longer one is a column name (`## 简讯`
            // over `### 区委召开常委会议`): the longer line is the headline.
            let words = |n: usize| lines.get(n).map_or(0, |l| word_chars(self.text(l.unit)));
            if words(t) <= kicker::COLUMN_NAME_MAX && words(t + 1) > 2 * words(t) {
                return t + 1;
            }
            // A deck opening with a dash (`## ——习近平主席贺信为……凝聚合力`) is the
            // subtitle under the line above it, whatever level the converter gave it.
            let opens_dashed = lines.get(t).is_some_and(|l| {
                DASHES
                    .iter()
                    .any(|d| trim(self.text(l.unit)).starts_with(d))
            });
            if opens_dashed && t > 0 {
                return t - 1;
            }
            // A kicker saying who spoke (`### 习近平在……座谈会上强调`) over the headline
            // that says what: levels jittered by the converter do not make it the title.
            if t + 1 < lines.len()
                && lines
                    .get(t)
                    .is_some_and(|l| kicker::reports_speech(self.text(l.unit)))
            {
                return t + 1;
            }
            return t;
        }
        // Lines marked only for being wider than a hard-wrapped page's column say
        // nothing about which is the headline: a short headline fits the column and
        // its long kicker or subtitle does not.
        let wide = |n: &usize| {
            lines
                .get(*n)
                .and_then(|l| self.units.get(l.unit))
                .is_some_and(|u| u.wide_head)
        };
        let mut pool: Vec<usize> = if marked.iter().all(wide) {
            (0..lines.len()).collect()
        } else {
            marked
        };
        // A line opening with a dash is the subtitle under its headline
        // (`——感受“义乌发展经验”新脉动`), and one ending with a dash the kicker that
        // leads into it (`在老挝金花村感受……成果——`): the newspaper's own marks, which
        // count for more than the words (a subtitle is often the longer line).
        let dashed = |n: &usize| {
            let t = lines.get(*n).map_or("", |l| trim(self.text(l.unit)));
            DASHES
                .iter()
                .any(|d| t.starts_with(d) || t.ends_with(d) && *n + 1 < lines.len())
        };
        // A deck under the heads (`——关于县域民生的蹲点观察`) hangs from the headline:
        // the line right above it, not a longer kicker over both.
        if let Some(up) = self.line_over_deck(lines) {
            return up;
        }
        if pool.iter().any(|n| !dashed(n)) {
            pool.retain(|n| !dashed(n));
        } else if (0..lines.len()).any(|n| !dashed(&n)) {
            // Only the deck is marked (set wider than the column, say): the headline
            // is among the unmarked lines.
            pool = (0..lines.len()).filter(|n| !dashed(n)).collect();
        }
        // The most words wins; on a tie the later line (a kicker above is more common
        // than a subtitle below).
        let mut best = 0;
        let mut best_words = 0;
        for &n in &pool {
            let words = lines.get(n).map_or(0, |l| word_chars(self.text(l.unit)));
            if words >= best_words {
                best = n;
                best_words = words;
            }
        }
        // A long kicker over a headline set as a slogan (`陕西岚皋县补强……短板` over
        // `选准一人  带富一方`): the line under it is the headline.
        let text = |n: usize| lines.get(n).map_or("", |l| self.text(l.unit));
        if pool.contains(&(best + 1)) && kicker::reads_as_kicker(text(best), text(best + 1)) {
            return best + 1;
        }
        // A short headline over its longer subtitle (`开启“数智”盛宴` over `第九届……
        // 拉开帷幕`): the line above is the headline.
        if let Some(up) = best.checked_sub(1)
            && pool.contains(&up)
            && kicker::reads_as_subtitle(text(up), text(best))
        {
            return up;
        }
        best
    }
}
