//! People outside the byline: candidates from jieba (its `nr` words, unknown words, or a
//! lone surname with the one or two characters after it) that start with a surname and
//! are confirmed by context (a role word before, a speech word after). jieba's `nr` alone
//! is no evidence: its tagger gives `nr` to many unknown words (智能化, 黄金周, 朴素).

use std::collections::HashSet;
use std::ops::Range;

use memchr::memmem;

use super::lexicon::{AFTER, ROLES_BEFORE, places, surname_of};
use super::{Token, all_han};

const NAME_TAGS: &[&str] = &["nr", "nrfg", "nrt"];
/// Tags of what may follow a lone surname as a given name: unknown or name-like words,
/// not ordinary nouns and verbs (和 + 群众 is no name).
const MERGE_TAGS: &[&str] = &["x", "nr", "nrfg", "nrt", "ng", "ag", "nz", "tg", "vg", "i"];

/// Tags jieba gives the last character of a given name it cut off or misread (李殿 +
/// 勋/n, 向/p + 铮/a): ordinary words, so such a merge needs a role word before it and
/// speech or an action after it (`省长李殿勋在`, `副总经理向铮介绍`).
const WEAK_MERGE_TAGS: &[&str] = &["n", "a", "ns", "nz", "v", "d"];

/// A candidate name and whether it needs the strongest context (role and speech).
type Candidate = (Range<usize>, bool);

/// Candidates that pass the surname check and a context or shape check.
pub fn confirmed(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        for (range, needs_both) in candidates(tokens, i, t) {
            let Some(word) = text.get(range.clone()) else {
                continue;
            };
            let n = word.chars().count();
            if !(2..=4).contains(&n) || places().contains(word) {
                continue;
            }
            let role = role_before(text, range.start);
            let speech = speech_after(text, range.end);
            if needs_both && !(role && (speech || action_after(text, range.end))) {
                continue;
            }
            let dictionary_word =
                range == t.range && !NAME_TAGS.contains(&t.tag.as_str()) && t.tag != "x";
            match surname_of(word) {
                Some(_) if dictionary_word && role && speech => out.push(range),
                Some(_) if dictionary_word => {}
                Some(surname) if surname.chars().count() < n && (role || speech) => {
                    out.push(range);
                }
                Some(_) => {}
                // A foreign name (特朗普, 默茨) has no surname from the list: only a
                // role word right before it (总统, 总理) is evidence enough.
                _ if role && range == t.range && !dictionary_word => out.push(range),
                _ => {}
            }
        }
    }
    // Of candidates starting at the same place (李殿 and 李殿勋), the longest.
    out.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    out.dedup_by(|later, kept| later.start == kept.start);
    out
}

/// The candidate ranges starting at token `i`.
fn candidates(tokens: &[Token], i: usize, t: &Token) -> Vec<Candidate> {
    let mut out = Vec::new();
    // The one-character token after `t`, and whether its tag is name-like.
    let single_after = tokens
        .get(i + 1)
        .filter(|next| all_han(next.word) && next.word.chars().count() == 1);
    let weak = |next: &Token| !MERGE_TAGS.contains(&next.tag.as_str());
    let mergeable = |next: &Token| {
        MERGE_TAGS.contains(&next.tag.as_str()) || WEAK_MERGE_TAGS.contains(&next.tag.as_str())
    };
    if (NAME_TAGS.contains(&t.tag.as_str()) || t.tag == "x") && all_han(t.word) {
        out.push((t.range.clone(), false));
        // 李殿 + 勋: jieba cut off the last character of the given name.
        if t.word.chars().count() == 2
            && let Some(next) = single_after.filter(|n| mergeable(n))
        {
            out.push((t.range.start..next.range.end, weak(next)));
        }
    } else if t.word.chars().count() == 2 && all_han(t.word) {
        // 周天 is also a word; a name only with a role before it and speech after it,
        // which [`confirmed`] checks for words from the dictionary.
        out.push((t.range.clone(), false));
    }
    // 任 + 静, 武 + 玲玲, 向/p + 铮/a: a lone surname and what follows it (one or two
    // characters).
    if t.word.chars().count() == 1
        && surname_of(t.word).is_some()
        && let Some(next) = tokens.get(i + 1)
        && all_han(next.word)
        && next.word.chars().count() <= 2
        && (MERGE_TAGS.contains(&next.tag.as_str())
            || next.word.chars().count() == 1 && WEAK_MERGE_TAGS.contains(&next.tag.as_str()))
    {
        out.push((t.range.start..next.range.end, weak(next)));
    }
    out
}

fn role_before(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    ROLES_BEFORE.iter().any(|r| before.ends_with(r))
}

/// What an official does right after being named (`李殿勋在武汉调研`, `…主持会议`):
/// evidence, with a role word before, that the name ended here.
fn action_after(text: &str, at: usize) -> bool {
    const ACTIONS: &[&str] = &[
        "在", "到", "赴", "于", "主持", "出席", "会见", "调研", "，", "。", "、",
    ];
    let after = text.get(at..).unwrap_or("");
    ACTIONS.iter().any(|w| after.starts_with(w))
}

fn speech_after(text: &str, at: usize) -> bool {
    let after = text.get(at..).unwrap_or("");
    AFTER.iter().any(|w| after.starts_with(w))
}

/// Every occurrence in `text` of a name already confirmed in the article.
pub fn known_in(text: &str, known: &HashSet<String>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for name in known {
        if name.is_empty() {
            continue;
        }
        out.extend(
            memmem::find_iter(text.as_bytes(), name.as_bytes()).map(|at| at..at + name.len()),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str, parts: &[(&str, &str)]) -> Vec<String> {
        let tokens = super::super::tokens_for(text, parts);
        confirmed(text, &tokens)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn names_need_a_surname_and_context() {
        let t = "大一学生武玲玲(化名)患有";
        let p = [
            ("大", "a"),
            ("一", "m"),
            ("学生", "n"),
            ("武玲玲", "nr"),
            ("(", "x"),
            ("化名", "n"),
            (")", "x"),
            ("患有", "v"),
        ];
        assert_eq!(people(t, &p), ["武玲玲"]);
        let t = "女孩任静走失";
        assert_eq!(
            people(
                t,
                &[("女孩", "n"), ("任", "nr"), ("静", "x"), ("走失", "v")]
            ),
            ["任静"]
        );
        // jieba's nr without context, and 和 + an ordinary noun, are not people.
        let t = "推动智能化和群众说";
        let p = [
            ("推动", "v"),
            ("智能化", "nr"),
            ("和", "c"),
            ("群众", "n"),
            ("说", "v"),
        ];
        assert!(people(t, &p).is_empty());
    }

    #[test]
    fn a_given_name_jieba_misread_joins_only_between_a_role_and_speech() {
        let t = "省长李殿勋在武汉调研";
        let p = [
            ("省长", "n"),
            ("李殿", "nr"),
            ("勋", "n"),
            ("在", "p"),
            ("武汉", "ns"),
            ("调研", "vn"),
        ];
        assert_eq!(people(t, &p), ["李殿勋"]);
        let t = "副总经理向铮介绍";
        let p = [("副总经理", "n"), ("向", "p"), ("铮", "a"), ("介绍", "v")];
        assert_eq!(people(t, &p), ["向铮"]);
        // Without the role word the ordinary character stays out: 向 + 好 is no name.
        let t = "大家向好介绍";
        let p = [("大家", "n"), ("向", "p"), ("好", "a"), ("介绍", "v")];
        assert!(people(t, &p).is_empty());
    }
}
