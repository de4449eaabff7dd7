//! A photo item as converters leave it: an image, often a short title line, the
//! caption, and a credit. Two habits are undone here, only next to an image, where
//! they cannot be mistaken for body text:
//!
//! - a centred HTML block beside an image (PaddleX writes every figure caption as
//!   `<div style="text-align: center;">…</div>`) is the image's caption;
//! - a credit glued to the end of the caption (`…荣获“友谊奖”。陈雷报`, with `报` an OCR
//!   misreading of `摄`) is split off as a credit of its own.

use super::habits::{self, Habits};
use super::text::{chars_up_to, is_han, trim};
use super::unit::{Syntax, Unit};

/// Longest centred block still read as a caption.
const CAPTION_MAX_CHARS: usize = 150;
/// How many units after an image may still belong to its photo item (title, caption).
const ITEM_UNITS: usize = 2;

/// Types captions and splits credits next to images.
pub(crate) fn mark(units: &mut Vec<Unit>, habits: &mut Habits) {
    let is_image = |u: Option<&Unit>| u.is_some_and(|u| u.syntax == Syntax::Image);
    for i in 0..units.len() {
        let beside =
            is_image(i.checked_sub(1).and_then(|p| units.get(p))) || is_image(units.get(i + 1));
        if let Some(u) = units.get_mut(i)
            && u.centred
            && u.syntax == Syntax::Text
            && beside
            && chars_up_to(&u.text, CAPTION_MAX_CHARS) <= CAPTION_MAX_CHARS
        {
            u.syntax = Syntax::Caption;
            habits.note(habits::CENTRED_CAPTION);
        }
    }
    // Credits are split into a new list (one pass, linear however many photos).
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    let mut since_image = usize::MAX;
    for mut u in units.drain(..) {
        since_image = if u.syntax == Syntax::Image {
            0
        } else {
            since_image.saturating_add(1)
        };
        let near = (1..=ITEM_UNITS).contains(&since_image);
        let at = (near && matches!(u.syntax, Syntax::Text | Syntax::Caption))
            .then(|| trailing_credit(&u.text))
            .flatten();
        let Some(at) = at else {
            out.push(u);
            continue;
        };
        let credit = u.text.split_off(at);
        u.text.truncate(trim(&u.text).len());
        let mut c = u.clone();
        c.syntax = Syntax::Credit;
        c.text = trim(&credit).to_string();
        c.adjacent = false;
        out.push(u);
        out.push(c);
        habits.note(habits::PHOTO_CREDIT);
    }
    *units = out;
    // A paragraph is never joined across an image: what follows one (a photo's own
    // title, its caption, a new story) cannot be the rest of the text before it.
    let mut after_image = false;
    for u in units.iter_mut() {
        if after_image && u.syntax == Syntax::Text {
            u.opens_block = true;
        }
        after_image = u.syntax == Syntax::Image;
    }
}

/// Where a credit glued to the end of a caption starts: after the caption's closing
/// punctuation, a name of two to four characters and `摄` / `摄影` / `供图` / `报`.
fn trailing_credit(text: &str) -> Option<usize> {
    let t = text.trim_end_matches(is_trailing_space);
    let stem = ["摄影", "供图", "摄", "报"]
        .iter()
        .find_map(|w| t.strip_suffix(w))?;
    // `日报`, `晚报`… are newspapers, not a credit.
    if ["日", "晚", "早", "周", "时", "商", "画", "导", "通", "汇"]
        .iter()
        .any(|p| stem.ends_with(p))
        && t.ends_with('报')
    {
        return None;
    }
    let name: Vec<(usize, char)> = stem
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_han(*c) || *c == ' ' || *c == '\u{3000}')
        .collect();
    let (start, _) = *name.last()?;
    let han = name.iter().filter(|(_, c)| is_han(*c)).count();
    let before = stem.get(..start)?.trim_end_matches(is_trailing_space);
    let closed = before.ends_with(['。', '！', '？', '”', '）', ')']);
    ((2..=4).contains(&han) && closed).then_some(start)
}

fn is_trailing_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

#[cfg(test)]
mod tests {
    use crate::document::habits::{self, Habits};
    use crate::document::lines::{Syntax, read, units};

    fn kinds(md: &str) -> Vec<(Syntax, String)> {
        units(md).into_iter().map(|u| (u.syntax, u.text)).collect()
    }

    #[test]
    fn a_centred_block_beside_an_image_is_its_caption() {
        let md = "<div style=\"text-align: center;\"><img src=\"imgs/a.jpg\" alt=\"Image\" /></div>\n\n<div style=\"text-align: center;\">村民在新修的水渠边劳作。</div>";
        assert_eq!(
            kinds(md),
            vec![
                (Syntax::Image, "a.jpg".into()),
                (Syntax::Caption, "村民在新修的水渠边劳作。".into())
            ]
        );
        let (_, h): (_, Habits) = read(md);
        assert!(h.has(habits::CENTRED_CAPTION));
    }

    #[test]
    fn a_centred_block_away_from_images_stays_text() {
        let md = "<div style=\"text-align: center;\">春耕时节</div>\n\n正文。";
        assert_eq!(kinds(md)[0].0, Syntax::Text);
        // Uncentred text beside an image is left to the structure decisions.
        assert_eq!(kinds("![](a.jpg)\n\n<p>正文。</p>")[1].0, Syntax::Text);
    }

    #[test]
    fn a_credit_glued_to_a_caption_after_an_image_is_split() {
        let md = "![](p.jpg)\n\n老外讲剪枝\n\n近日，专家来到村里讲解果树管理。陈雷报";
        let got = kinds(md);
        assert_eq!(
            got[2],
            (Syntax::Text, "近日，专家来到村里讲解果树管理。".into())
        );
        assert_eq!(got[3], (Syntax::Credit, "陈雷报".into()));
    }

    #[test]
    fn the_line_after_an_image_opens_a_block() {
        let got = units(
            "田野里一派繁忙景象，农户\n\n![](p.jpg)\n\n老外讲剪枝\n\n近日，专家来到村里讲解果树管理。",
        );
        let opens: Vec<bool> = got.iter().map(|u| u.opens_block).collect();
        assert_eq!(opens, vec![false, false, true, false]);
        // Without an image between them, nothing is settled here.
        let got = units("田野里一派繁忙景象，农户\n\n老外讲剪枝");
        assert!(got.iter().all(|u| !u.opens_block));
    }

    #[test]
    fn no_split_away_from_images_or_for_a_newspaper_name() {
        let md = "近日，专家来到村里讲解果树管理。陈雷报";
        assert_eq!(kinds(md).len(), 1);
        let md = "![](p.jpg)\n\n消息来源于今天的报纸。人民日报";
        assert_eq!(kinds(md).len(), 2);
        // Without closing punctuation before it, the tail is part of the sentence.
        assert_eq!(kinds("![](p.jpg)\n\n他说陈雷报").len(), 2);
    }
}
