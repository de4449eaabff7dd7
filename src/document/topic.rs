//! What a stretch of text is about, cheaply: the set of ideograph bigrams it uses.
//! A heading-like line between two paragraphs is more likely a subhead when the text
//! after it shares words with the article so far, and a new article when it shares
//! almost none (a page of unrelated briefs, each titled at the same level).

use std::collections::HashSet;

use super::text::is_han;

/// Ideographs read per added text: enough to know a topic, bounded for huge lines.
const READ_MAX: usize = 2000;

/// Bigrams kept per article: enough to know what it is about, bounded so that
/// reading a 100 MB corpus does not build huge sets.
const KEEP_MAX: usize = 8000;

/// Share of a new stretch's bigrams already seen below which it is another topic.
const NEW_TOPIC_BELOW: f64 = 0.05;

/// Share below which a stretch is another topic even where the page's other cues say
/// it goes on (an unsigned head inside a signed story): a section of one story still
/// shares a few of its words (the subheads of the training pages share 1.9% or more,
/// a new story mostly none).
const CLEARLY_NEW_BELOW: f64 = 0.02;

/// The fewest bigrams each side needs before a stretch is judged clearly new.
const CLEAR_MIN_BIGRAMS: usize = 40;

/// The fewest bigrams a stretch needs before its topic is judged at all.
const MIN_BIGRAMS: usize = 12;

/// A set of ideograph bigrams.
#[derive(Debug, Default)]
pub(crate) struct Bigrams {
    set: HashSet<(char, char)>,
}

impl Bigrams {
    /// Adds the bigrams of (the start of) `s`.
    pub(crate) fn add(&mut self, s: &str) {
        if self.set.len() >= KEEP_MAX {
            return;
        }
        let mut prev = None;
        for c in s.chars().filter(|c| is_han(*c)).take(READ_MAX) {
            if let Some(p) = prev {
                self.set.insert((p, c));
            }
            prev = Some(c);
        }
    }

    /// Whether `next` reads as another topic than `self`; `None` when `next` is too
    /// short to tell.
    pub(crate) fn is_new_topic(&self, next: &Self) -> Option<bool> {
        self.share(next).map(|s| s < NEW_TOPIC_BELOW)
    }

    /// Whether `next` shares next to nothing with `self`; `None` when either is too
    /// short to tell.
    pub(crate) fn is_clearly_new_topic(&self, next: &Self) -> Option<bool> {
        self.share(next).map(|s| s < CLEARLY_NEW_BELOW)
    }

    /// [`Self::is_clearly_new_topic`], judged only on a few sentences each side (one
    /// sentence shares no words with the next by chance often enough): for overruling
    /// heading levels, which are evidence of their own.
    pub(crate) fn is_clearly_new_topic_at_length(&self, next: &Self) -> Option<bool> {
        if next.set.len() < CLEAR_MIN_BIGRAMS || self.set.len() < CLEAR_MIN_BIGRAMS {
            return None;
        }
        self.is_clearly_new_topic(next)
    }

    /// The share of `next`'s bigrams seen in `self`.
    fn share(&self, next: &Self) -> Option<f64> {
        let n = next.set.len();
        if n < MIN_BIGRAMS || self.set.len() < MIN_BIGRAMS {
            return None;
        }
        let shared = next.set.iter().filter(|b| self.set.contains(b)).count();
        Some(shared as f64 / n as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::Bigrams;

    fn of(s: &str) -> Bigrams {
        let mut b = Bigrams::default();
        b.add(s);
        b
    }

    #[test]
    fn shared_words_are_the_same_topic() {
        let a = of("民和社区党支部书记沈媛带领社区两委班子绘制民情图,精准服务社区居民。");
        let b = of("沈媛说,民情图清楚地记录着社区残疾人、低保户和特困家庭的情况。");
        assert_eq!(a.is_new_topic(&b), Some(false));
    }

    #[test]
    fn unrelated_text_is_a_new_topic() {
        let a = of("民和社区党支部书记沈媛带领社区两委班子绘制民情图,精准服务社区居民。");
        let b = of("大同市爱心公益协会志愿者在内蒙古搜救失踪女孩,历时五天终于找到。");
        assert_eq!(a.is_new_topic(&b), Some(true));
    }

    #[test]
    fn too_short_to_tell() {
        assert_eq!(of("社区").is_new_topic(&of("社区服务")), None);
    }
}
