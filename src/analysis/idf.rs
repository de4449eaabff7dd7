//! TF-IDF keywords with jieba's IDF table held compactly.
//!
//! jieba-rs's `TfIdf` keeps its table of 270,000 words as a hash map of owned strings:
//! about 33 MB resident, more than jieba's segmenter itself, for a reader that shows the
//! keywords of the article in view. This module ranks exactly as `TfIdf` does (same
//! table, same fallback median, same order among equal scores) from the table in
//! `assets/idf.txt` (rebuilt by `scripts/build_idf.py`), where the words stay in the
//! binary's text and the memory is one sorted index of them: about 1.6 MB.
//!
//! ```
//! use jieba_rs::KeywordExtract;
//! let idf = kanbao::analysis::idf::Idf::bundled();
//! assert!(idf.idf("的") < idf.idf("台风"));
//! assert_eq!(idf.idf("一个没有的词"), idf.median());
//! let jieba = jieba_rs::Jieba::new();
//! let top = idf.extract_keywords(&jieba, "台风登陆，台风过后全市停课。", 1, Vec::new());
//! assert_eq!(top[0].keyword, "台风");
//! ```

use std::cmp::Ordering;
use std::collections::HashMap;

use jieba_rs::{Jieba, Keyword, KeywordExtract, KeywordExtractConfig};

/// jieba's IDF table, words grouped by value (see `scripts/build_idf.py`).
const TABLE: &str = include_str!("../../assets/idf.txt");

/// jieba's IDF table with the words in [`TABLE`] and a sorted index into it.
#[derive(Debug)]
pub struct Idf {
    table: &'static str,
    /// Start of each word in `table`, in the words' byte order.
    starts: Vec<u32>,
    /// Index into `values` of each word of `starts`.
    value_of: Vec<u16>,
    values: Vec<f64>,
    median: f64,
    config: KeywordExtractConfig,
}

impl Idf {
    /// The table kanbao ships (jieba's own). Sorts its index: call it off the UI thread.
    pub fn bundled() -> Self {
        Self::parse(TABLE)
    }

    /// A table in the format of `assets/idf.txt`: the median on the first line, then
    /// `value word word …` lines. Lines that do not parse are skipped.
    fn parse(table: &'static str) -> Self {
        let mut lines = table.lines();
        let median = lines
            .next()
            .and_then(|l| l.trim().parse().ok())
            .unwrap_or(0.0);
        let mut entries: Vec<(u32, u16)> = Vec::new();
        let mut values = Vec::new();
        let base = table.as_ptr() as usize;
        for line in lines {
            let mut words = line.split(' ').filter(|w| !w.is_empty());
            let Some(value) = words.next().and_then(|v| v.parse::<f64>().ok()) else {
                continue;
            };
            let Ok(index) = u16::try_from(values.len()) else {
                break;
            };
            values.push(value);
            for word in words {
                // Offsets within a table of a few megabytes fit in 32 bits.
                if let Ok(start) = u32::try_from(word.as_ptr() as usize - base) {
                    entries.push((start, index));
                }
            }
        }
        let word_at = |start: u32| word_at(table, start);
        entries.sort_unstable_by(|a, b| word_at(a.0).cmp(word_at(b.0)));
        let (starts, value_of) = entries.into_iter().unzip();
        Self {
            table,
            starts,
            value_of,
            values,
            median,
            config: KeywordExtractConfig::default(),
        }
    }

    /// The IDF of `word`, or the median for a word the table does not have.
    pub fn idf(&self, word: &str) -> f64 {
        self.starts
            .binary_search_by(|&start| word_at(self.table, start).cmp(word))
            .ok()
            .and_then(|i| self.value_of.get(i))
            .and_then(|&v| self.values.get(usize::from(v)))
            .copied()
            .unwrap_or(self.median)
    }

    /// The value words the table does not have are given.
    pub fn median(&self) -> f64 {
        self.median
    }

    /// jieba-rs's keyword test: long enough and not a stop word (in any case).
    fn is_keyword(&self, word: &str) -> bool {
        let stop = self.config.stop_words();
        if word.chars().count() < self.config.min_keyword_length() || stop.contains(word) {
            return false;
        }
        !word.chars().any(char::is_uppercase) || !stop.contains(&word.to_lowercase())
    }
}

/// The word starting at byte `start` of `table`: up to the next space or line end.
fn word_at(table: &str, start: u32) -> &str {
    let rest = table.get(start as usize..).unwrap_or("");
    rest.split([' ', '\n', '\r']).next().unwrap_or("")
}

impl KeywordExtract for Idf {
    /// The `top_k` words of `sentence` by term frequency × IDF, as jieba-rs's `TfIdf`
    /// ranks them: higher scores first, equal scores in the words' byte order, each
    /// with the part of speech of its first occurrence.
    fn extract_keywords(
        &self,
        jieba: &Jieba,
        sentence: &str,
        top_k: usize,
        allowed_pos: Vec<String>,
    ) -> Vec<Keyword> {
        let allowed = |tag: &str| allowed_pos.is_empty() || allowed_pos.iter().any(|p| p == tag);
        let mut term_freq: HashMap<&str, (u64, &str)> = HashMap::new();
        for t in jieba.tag(sentence, self.config.use_hmm()) {
            if allowed(t.tag) && self.is_keyword(t.word) {
                term_freq.entry(t.word).or_insert((0, t.tag)).0 += 1;
            }
        }
        if top_k == 0 {
            return Vec::new();
        }
        let total: u64 = term_freq.values().map(|(tf, _)| tf).sum();
        let mut scored: Vec<(f64, &str, &str)> = term_freq
            .iter()
            .map(|(word, (tf, tag))| (*tf as f64 * self.idf(word) / total as f64, *word, *tag))
            .collect();
        scored.sort_unstable_by(|a, b| {
            b.0.partial_cmp(&a.0)
                .unwrap_or(Ordering::Equal)
                .then_with(|| a.1.cmp(b.1))
        });
        scored.truncate(top_k);
        scored
            .into_iter()
            .map(|(weight, word, tag)| Keyword {
                keyword: word.to_string(),
                weight,
                tag: tag.to_string(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jieba_rs::TfIdf;

    const ARTICLES: &[&str] = &[
        "民和社区的居民多数是安置户，人员结构复杂。社区网格员每天走访居民，登记人口普查信息。",
        "平城区前三季度招商引资成绩喜人，服务业增加值增长百分之八，招商引资项目落地四十个。",
        "台风今晨登陆，全市停课一天。救灾物资已经运抵灾区，防汛指挥部启动二级响应。",
        "Apple and 华为 发布新款手机，手机市场竞争激烈，The 销量 growth 明显。",
    ];

    #[test]
    fn keywords_are_jieba_rs_tfidf_s_own() {
        let jieba = Jieba::new();
        let ours = Idf::bundled();
        let theirs = TfIdf::default();
        for pos in [Vec::new(), vec!["n".to_string(), "ns".into(), "v".into()]] {
            for text in ARTICLES {
                for k in [0, 1, 3, 20] {
                    let a = ours.extract_keywords(&jieba, text, k, pos.clone());
                    let b = theirs.extract_keywords(&jieba, text, k, pos.clone());
                    assert_eq!(a, b, "{text} top {k}");
                }
            }
        }
    }

    #[test]
    fn every_word_of_the_table_is_found_with_its_value() {
        let idf = Idf::bundled();
        assert!(idf.starts.len() > 250_000, "{}", idf.starts.len());
        assert!(idf.values.len() > 3_000);
        for (i, &start) in idf.starts.iter().enumerate().step_by(997) {
            let word = word_at(idf.table, start);
            let value = idf.values[usize::from(idf.value_of[i])];
            assert_eq!(idf.idf(word).to_bits(), value.to_bits(), "{word}");
        }
        assert!((idf.median() - 11.954_767_502_9).abs() < 1e-9);
    }
}
