//! The best sequence of roles for a whole page: a Viterbi decode over the units.
//!
//! Each unit's score for a role is the sum of the weights of its active features
//! (`features`, `weights`); each pair of consecutive roles adds a transition weight
//! (a byline after a headline is likely, a subtitle after a paragraph impossible). The
//! decode finds the sequence with the highest total, so a line is read as a headline
//! because the whole page reads best that way: it is short, follows a finished story,
//! and a byline and a lede on other things follow it. Time is linear in the page:
//! units × roles².

use super::features::{self, PageFeatures};
use super::lines::{Syntax, Unit};
use super::roles::{ALL, Role, allowed, forbidden};
use super::text::{
    announces_caption, chars_up_to, ends_with_credit, is_credit, may_be_credit, trim,
};
use super::weights::{EDGE, ROLES, Weights};

/// The decoded roles, with each unit's score per role (for explanations and fitting).
pub(crate) struct Decoded {
    pub roles: Vec<Role>,
}

/// Emission scores of every unit for every role (`NEG` where the syntax forbids it).
pub(crate) fn emissions(units: &[Unit], feats: &PageFeatures, w: &Weights) -> Vec<[f64; ROLES]> {
    let mut active = Vec::new();
    let photo = shows_a_photo(units);
    units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            feats.active(i, &mut active);
            let mut row = [NEG; ROLES];
            for r in allowed(u.syntax) {
                let ri = r.index();
                if let Some(slot) = row.get_mut(ri) {
                    *slot = active.iter().map(|&f| w.emit(ri, f)).sum();
                }
            }
            if features::sentence_not_furniture(&u.text)
                && let Some(slot) = row.get_mut(Role::Furniture.index())
            {
                *slot = NEG;
            }
            // A byline names people; it never ends a sentence (`正文第一段。`).
            if features::ends_a_sentence(&u.text)
                && let Some(slot) = row.get_mut(Role::Byline.index())
            {
                *slot = NEG;
            }
            // A photo credit is a name with the words that credit it (`摄`, `供图`,
            // `记者`, …): a line with none of them is no credit.
            // A constraint, not a cue: next to a photo and its caption every other cue
            // (short, no stop, a heading mark the page's credits share) can speak for
            // the credit, and the fitted weights then read the Marker fixture's
            // two-half subhead `党建引领 资源融合` under a caption as one. None of the
            // training pages' 655 credits lacks those words.
            if !may_be_credit(&u.text)
                && let Some(slot) = row.get_mut(Role::Credit.index())
            {
                *slot = NEG;
            }
            // A line the converter set as a heading, short and without a single
            // punctuation mark, is a head of some kind, never a paragraph, the rest
            // of one or a caption: of the 3,308 such units of the training pages
            // none is a paragraph or a caption, one is the second line of a wrapped
            // headline (the rest are headlines, subheads, kickers, photo titles,
            // bylines, labels). Without this the fitted weights read a second
            // `## 丙版次条` after a finished story as a paragraph, or the rest of the
            // one before, that the line under it continues. So is a heading line
            // that is one short quotation:
            // the 154 of the training pages are all headlines or subheads, and
            // OmniDocBench's `# “让能飞的飞得更高，能跑的跑得更快！”` under `…旅长邓立中说：`
            // was read as the words he said (or, at a lower rule trust, a caption).
            if matches!(u.syntax, Syntax::Heading(_))
                && (features::short_and_unpunctuated(&u.text) || features::whole_quotation(&u.text))
            {
                for r in [
                    Role::Paragraph,
                    Role::ParaCont,
                    Role::LineCont,
                    Role::Caption,
                ] {
                    if let Some(slot) = row.get_mut(r.index()) {
                        *slot = NEG;
                    }
                }
            }
            // A short unpunctuated line between an image and its credit titles the
            // photo item: of the 189 such lines of the training pages 188 are photo
            // titles and one a credit, none running text. Without this the fitted
            // weights read OmniDocBench's `老外现场讲授“剪枝”` (under its photo, over
            // its caption and `陈雷报`) as a paragraph of the story before the photo,
            // where the rule parser puts it.
            if features::titles_a_photo(units, i, trim(&u.text)) {
                for r in [
                    Role::Paragraph,
                    Role::ParaCont,
                    Role::LineCont,
                    Role::Caption,
                ] {
                    if let Some(slot) = row.get_mut(r.index()) {
                        *slot = NEG;
                    }
                }
            }
            // A caption speaks of a photo: the page shows one (an image, a credit) or
            // the line names it itself (`图为…`, a credit inside). A page with neither
            // has no caption: of the 777 captions of the training pages, one (a caption
            // glued into the next paragraph by the OCR) is on such a page. Without this
            // the fitted weights read a lone short paragraph under a headline
            // (`正文第一段。`) as a caption.
            if !photo
                && !may_be_credit(&u.text)
                && !announces_caption(&u.text)
                && let Some(slot) = row.get_mut(Role::Caption.index())
            {
                *slot = NEG;
            }
            // A unit of more than 200 characters is running text: no headline, kicker,
            // subtitle, subhead, label or byline is that long (the longest headlines of
            // the corpus hold about 60), whatever its heading mark says. Without this a
            // whole paragraph MinerU set as `#` could title an article.
            if features::too_long_for_a_head(&u.text) {
                for r in HEAD_ROLES {
                    if let Some(slot) = row.get_mut(r.index()) {
                        *slot = NEG;
                    }
                }
            }
            // A long unit with a finished sentence inside it is running text: no
            // title of the corpus holds a stop inside or more than 63 characters. A
            // paragraph whose closing stop the OCR dropped otherwise looks open-ended,
            // and the fitted weights read it as a subhead (OmniDocBench's `依托这个
            // 战场，…推广普及。为此，…标兵单位”`). Bylines and end notes keep their
            // own rules.
            if features::sentences_inside(&u.text) {
                for r in TITLE_ROLES {
                    if let Some(slot) = row.get_mut(r.index()) {
                        *slot = NEG;
                    }
                }
            }
            // A line opening with an end note's words (`本期统筹：`, `（特别感谢`,
            // `资料来源`…) titles nothing: no headline, kicker, subhead or label of the
            // training pages opens so. Without this a refit read a page's closing
            // `本期统筹：钱七` as the headline of an article of its own.
            if features::is_end_note(&u.text) {
                for r in TITLE_ROLES {
                    if let Some(slot) = row.get_mut(r.index()) {
                        *slot = NEG;
                    }
                }
            }
            // The front end measured the page and settled that this line opens a
            // block (a hard-wrapped page's widths, an image before it, or a page whose
            // OCR drops paragraph stops read by `stops`): no weight may make it the
            // rest of the text before it. A constraint, not a cue: the fitted weights
            // read an open end as a column break on every other page, and would
            // outvote a page-wide habit that no single unit's features can see.
            if u.opens_block {
                for r in [Role::ParaCont, Role::LineCont] {
                    if let Some(slot) = row.get_mut(r.index()) {
                        *slot = NEG;
                    }
                }
            }
            row
        })
        .collect()
}

/// Whether the page shows a photo: an image, or a line that credits one (`孙鑫摄`,
/// a caption closed by its credit, OCR's `孙鑫报` for a short `孙鑫摄`).
fn shows_a_photo(units: &[Unit]) -> bool {
    units.iter().any(|u| {
        let t = u.text.trim();
        matches!(u.syntax, Syntax::Image)
            || is_credit(t)
            || ends_with_credit(t)
            || (t.ends_with('报') && chars_up_to(t, 16) <= 15)
    })
}

/// Roles only a short line takes.
const HEAD_ROLES: [Role; 9] = [
    Role::Headline,
    Role::Kicker,
    Role::Subtitle,
    Role::Banner,
    Role::SeriesLabel,
    Role::Byline,
    Role::Subhead,
    Role::PhotoTitle,
    Role::EndNote,
];

/// The roles that title something: never a unit with sentences inside.
const TITLE_ROLES: [Role; 7] = [
    Role::Headline,
    Role::Kicker,
    Role::Subtitle,
    Role::Banner,
    Role::SeriesLabel,
    Role::Subhead,
    Role::PhotoTitle,
];

/// Minus infinity, for roles and transitions that cannot be.
const NEG: f64 = -1e18;

fn trans(w: &Weights, prev: Option<usize>, cur: Option<usize>) -> f64 {
    let role = |i: Option<usize>| i.and_then(|i| ALL.get(i).copied());
    if forbidden(role(prev), role(cur)) {
        return NEG;
    }
    w.trans(prev.unwrap_or(EDGE), cur.unwrap_or(EDGE))
}

/// Decodes the page.
pub(crate) fn decode(units: &[Unit], feats: &PageFeatures, w: &Weights) -> Decoded {
    let emit = emissions(units, feats, w);
    Decoded {
        roles: viterbi(&emit, w),
    }
}

/// The best role sequence for the given emission scores.
pub(crate) fn viterbi(emit: &[[f64; ROLES]], w: &Weights) -> Vec<Role> {
    let Some(first) = emit.first() else {
        return Vec::new();
    };
    // Every transition's weight (forbidden ones at `NEG`), read once per page rather
    // than once per unit and pair of roles.
    let mut table = [[NEG; ROLES]; ROLES];
    for (p, row) in table.iter_mut().enumerate() {
        for (c, t) in row.iter_mut().enumerate() {
            *t = trans(w, Some(p), Some(c));
        }
    }
    let mut score: [f64; ROLES] = [NEG; ROLES];
    for (r, s) in score.iter_mut().enumerate() {
        let e = first.get(r).copied().unwrap_or(NEG);
        if e > NEG / 2.0 {
            *s = e + trans(w, None, Some(r));
        }
    }
    let mut back: Vec<[u8; ROLES]> = Vec::with_capacity(emit.len());
    back.push([0; ROLES]);
    for row in emit.iter().skip(1) {
        let mut next = [NEG; ROLES];
        let mut from = [0u8; ROLES];
        for (c, e) in row.iter().enumerate() {
            if *e <= NEG / 2.0 {
                continue;
            }
            let mut best = NEG;
            let mut arg = 0;
            for (p, s) in score.iter().enumerate() {
                if *s <= NEG / 2.0 {
                    continue;
                }
                let t = table
                    .get(p)
                    .and_then(|row| row.get(c))
                    .copied()
                    .unwrap_or(NEG);
                if t <= NEG / 2.0 {
                    continue;
                }
                let v = s + t;
                if v > best {
                    best = v;
                    arg = p;
                }
            }
            if let (Some(n), Some(f)) = (next.get_mut(c), from.get_mut(c)) {
                *n = best + e;
                *f = arg as u8;
            }
        }
        score = next;
        back.push(from);
    }
    let mut best = NEG * 2.0;
    let mut at = 0;
    for (r, s) in score.iter().enumerate() {
        let v = s + trans(w, Some(r), None);
        if v > best {
            best = v;
            at = r;
        }
    }
    let mut roles = vec![Role::Paragraph; emit.len()];
    for i in (0..emit.len()).rev() {
        if let Some(slot) = roles.get_mut(i) {
            *slot = ALL.get(at).copied().unwrap_or(Role::Paragraph);
        }
        at = back
            .get(i)
            .and_then(|b| b.get(at))
            .map_or(0, |p| usize::from(*p));
    }
    roles
}

/// The two or three cues that spoke most for `role` over the runner-up role at unit
/// `i`: feature names with the weight difference they made.
pub(crate) fn cues(
    feats: &PageFeatures,
    w: &Weights,
    i: usize,
    role: Role,
    runner_up: Option<Role>,
) -> Vec<(String, f64)> {
    let mut active = Vec::new();
    feats.active(i, &mut active);
    let r = role.index();
    let mut scored: Vec<(usize, f64)> = active
        .iter()
        .map(|&f| {
            let other = runner_up.map_or(0.0, |o| w.emit(o.index(), f));
            (f, w.emit(r, f) - other)
        })
        .filter(|(_, d)| *d > 0.0)
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    scored
        .into_iter()
        .take(3)
        .map(|(f, d)| (features::name(f), (d * 100.0).round() / 100.0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_of_over_200_characters_takes_no_head_role() {
        use crate::document::lines::units;
        let long = "全县春耕备耕工作有序推进各地积极行动".repeat(12);
        let short = "全县春耕备耕工作有序推进";
        let md = format!("# {short}\n\n{long}\n\n{short}");
        let u = units(&md);
        let feats = features::page(&u, &vec![None; u.len()], &[]);
        let emit = emissions(&u, &feats, Weights::shipped());
        for r in HEAD_ROLES {
            assert!(emit[1][r.index()] <= NEG / 2.0, "{r:?}");
            // A short line keeps every head role open.
            assert!(emit[0][r.index()] > NEG / 2.0, "{r:?}");
        }
        assert!(emit[1][Role::Paragraph.index()] > NEG / 2.0);
    }

    #[test]
    fn an_end_note_titles_nothing() {
        use crate::document::lines::units;
        let md = "# 青山镇蔬菜产业助农增收\n\n正文写完了。\n\n本期统筹：钱七\n\n# 本期特别报道";
        let u = units(md);
        let feats = features::page(&u, &vec![None; u.len()], &[]);
        let emit = emissions(&u, &feats, Weights::shipped());
        for r in TITLE_ROLES {
            assert!(emit[2][r.index()] <= NEG / 2.0, "{r:?}");
            // A head that only holds such a word later on keeps them.
            assert!(emit[3][r.index()] > NEG / 2.0, "{r:?}");
        }
        assert!(emit[2][Role::EndNote.index()] > NEG / 2.0);
    }

    #[test]
    fn a_photo_s_own_title_is_no_running_text() {
        use crate::document::lines::units;
        let md = "正文。\n\n![](a.jpg)\n\n老外现场讲授“剪枝”\n\n近日，专家来到南沟村。\n\n陈雷报";
        let u = units(md);
        let feats = features::page(&u, &vec![None; u.len()], &[]);
        let emit = emissions(&u, &feats, Weights::shipped());
        for r in [Role::Paragraph, Role::ParaCont, Role::Caption] {
            assert!(emit[2][r.index()] <= NEG / 2.0, "{r:?}");
        }
        assert!(emit[2][Role::PhotoTitle.index()] > NEG / 2.0);
        // The caption under it stays open to every text role.
        assert!(emit[3][Role::Caption.index()] > NEG / 2.0);
    }

    #[test]
    #[allow(clippy::many_single_char_names)]
    fn transitions_can_overrule_a_unit_s_own_best() {
        let mut w = Weights::default();
        let k = Role::Kicker.index();
        let h = Role::Headline.index();
        let p = Role::Paragraph.index();
        // Unit 0 slightly prefers kicker, unit 1 prefers paragraph; a kicker must be
        // followed by a headline, so the page reads best as paragraph, paragraph.
        let mut a = [NEG; ROLES];
        a[k] = 1.0;
        a[p] = 0.5;
        a[h] = 0.0;
        let mut b = [NEG; ROLES];
        b[p] = 2.0;
        b[h] = 0.0;
        w.trans[EDGE * (ROLES + 1) + k] = 0.0;
        assert_eq!(viterbi(&[a, b], &w), vec![Role::Paragraph, Role::Paragraph]);
        b[h] = 1.9;
        assert_eq!(viterbi(&[a, b], &w), vec![Role::Kicker, Role::Headline]);
    }
}
