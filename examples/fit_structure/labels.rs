//! Gold roles for the units of a page, derived from its truth (the scorer's format).
//!
//! The truth names an article's fields (title, kicker, subtitle, byline, subheads,
//! captions), counts its paragraphs and lists the column breaks; this walks the units in
//! order and gives each the role that field implies. Body units are paragraph starts,
//! except where a listed column break, or the paragraph count, says a unit continues
//! the paragraph before it. A role sequence derived this way is checked by building the
//! document from it and scoring that against the truth (the "oracle" score).

use kanbao::document::structure::Page;
use kanbao_corpus::score::norm;
use serde_json::Value;

fn n(s: &str) -> String {
    norm(s).unwrap_or_default()
}

fn field(a: &Value, key: &str) -> Option<String> {
    a.get(key).and_then(Value::as_str).map(n)
}

fn list(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|xs| xs.iter().filter_map(Value::as_str).map(n).collect())
        .unwrap_or_default()
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| "。！？!?…；;：:”’\"」』）)】》〉.．｡".contains(c))
}

/// Whether `t` is (a line of) the article's kicker: the truth's kicker, or, when the
/// truth gives none and the line is not listed as never a title, one of its accepted
/// alternatives.
fn is_kicker(a: &Value, t: &str, alts: &[String], not_titles: &[String]) -> bool {
    let long_enough = t.chars().count() >= 2;
    match field(a, "kicker") {
        Some(k) => k == t || long_enough && k.contains(t),
        None => {
            !not_titles.iter().any(|x| x == t) && long_enough && alts.iter().any(|k| k.contains(t))
        }
    }
}

/// A field printed over several lines: what is left of it after the lines seen.
fn starts_field(t: &str, field: &str) -> Option<String> {
    if t.chars().count() >= 2 && field.len() > t.len() && field.starts_with(t) {
        field.get(t.len()..).map(str::to_string)
    } else {
        None
    }
}

/// The gold role of every unit of `page` under `truth`.
pub fn derive(page: &Page, truth: &Value) -> Vec<&'static str> {
    let arts: Vec<&Value> = truth
        .get("articles")
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let not_titles = list(truth, "not_titles");
    let not_in_paras = list(truth, "not_in_paragraphs");
    let rules = page.rule_roles();
    let mut roles: Vec<&'static str> = vec!["paragraph"; page.len()];
    // The article each unit belongs to (None before the first).
    let mut owner: Vec<Option<usize>> = vec![None; page.len()];
    let mut cur: Option<usize> = None;
    // The rest of a field printed over several lines.
    let mut pending: Option<String> = None;
    for i in 0..page.len() {
        owner[i] = cur;
        if let Some(fixed) = page.fixed_role(i) {
            roles[i] = fixed;
            pending = None;
            continue;
        }
        let t = n(page.text(i));
        if let Some(rest) = pending.take()
            && !t.is_empty()
            && rest.starts_with(&t)
        {
            roles[i] = "line_continuation";
            let left = rest.get(t.len()..).unwrap_or("");
            pending = (!left.is_empty()).then(|| left.to_string());
            continue;
        }
        let next = cur.map_or(0, |c| c + 1);
        let prev_role = i.checked_sub(1).map(|p| roles[p]);
        let mut role = None;
        if let Some(a) = arts.get(next) {
            let kicker_alts = list(a, "kicker_alt");
            let title = field(a, "title");
            if let Some(title) = &title
                && (title == &t || starts_field(&t, title).is_some())
            {
                let photo = a.get("paragraphs").and_then(Value::as_u64) == Some(0)
                    && !list(a, "captions").is_empty();
                role = Some(if photo { "photo_title" } else { "headline" });
                pending = starts_field(&t, title);
                cur = Some(next);
                owner[i] = cur;
            } else if is_kicker(a, &t, &kicker_alts, &not_titles) {
                role = Some("kicker");
                pending = field(a, "kicker").and_then(|k| starts_field(&t, &k));
            } else if not_titles.contains(&t) && kicker_alts.iter().any(|k| k.starts_with(&t)) {
                role = Some(match rules[i] {
                    "banner" | "series_label" => rules[i],
                    _ if page.heading(i).is_some() => "banner",
                    _ => "series_label",
                });
            } else if title.is_none()
                && let Some(first) = field(a, "first")
                && !first.is_empty()
                && (t.starts_with(&first)
                    || t.chars().take(40).collect::<String>().contains(&first))
            {
                role = Some(if cur.is_none() {
                    "paragraph"
                } else {
                    "continued_article"
                });
                cur = Some(next);
                owner[i] = cur;
            }
        }
        if role.is_none()
            && let Some(a) = cur.and_then(|c| arts.get(c))
        {
            let by = field(a, "byline");
            let by_alts = list(a, "byline_alt");
            let subs = list(a, "subheads");
            let caps = list(a, "captions");
            let sub = field(a, "subtitle");
            let sub_rest = sub.as_deref().and_then(|x| starts_field(&t, x));
            let by_rest = by.as_deref().and_then(|x| starts_field(&t, x));
            if matches!(prev_role, Some("headline" | "line_continuation"))
                && (sub.as_deref() == Some(t.as_str()) || sub_rest.is_some())
            {
                role = Some("subtitle");
                pending = sub_rest;
            } else if by.as_deref() == Some(t.as_str())
                || by_rest.is_some() && !subs.contains(&t)
                || by_alts.contains(&t) && !not_in_paras.contains(&t)
            {
                role = Some("byline");
                pending = by_rest;
            } else if let Some(sh) = subs
                .iter()
                .find(|x| **x == t || starts_field(&t, x).is_some())
            {
                role = Some("subhead");
                pending = starts_field(&t, sh);
            } else if let Some(c) = caps
                .iter()
                .find(|c| t.contains(c.as_str()) || starts_field(&t, c).is_some())
            {
                role = Some("caption");
                pending = starts_field(&t, c);
            }
        }
        if role.is_none() && not_in_paras.contains(&t) {
            role = Some(if rules[i] == "credit" {
                "credit"
            } else {
                "furniture"
            });
        }
        if role.is_none() && rules[i] == "credit" {
            role = Some("credit");
        }
        if role.is_none() && not_titles.contains(&t) {
            let core = t.trim_start_matches(['(', '[', '【', '（']);
            let jump = ["上接", "下转", "接第", "转第", "转下", "接上"]
                .iter()
                .any(|w| core.starts_with(w));
            role = Some(if jump { "furniture" } else { "paragraph" });
        }
        roles[i] = role.unwrap_or("paragraph");
    }
    continuations(page, truth, &arts, &owner, &mut roles);
    roles
}

/// Marks body units that continue the paragraph before them: listed column breaks
/// first, then as many more as the article's paragraph count asks for.
fn continuations(
    page: &Page,
    truth: &Value,
    arts: &[&Value],
    owner: &[Option<usize>],
    roles: &mut [&'static str],
) {
    let joins: Vec<(String, String)> = truth
        .get("joins")
        .and_then(Value::as_array)
        .map(|js| {
            js.iter()
                .filter_map(|j| Some((n(j.get(0)?.as_str()?), n(j.get(1)?.as_str()?))))
                .collect()
        })
        .unwrap_or_default();
    let body = |r: &str| {
        matches!(
            r,
            "paragraph" | "continued_article" | "paragraph_continuation"
        )
    };
    let between = |r: &str| matches!(r, "caption" | "credit" | "image");
    for (a_index, a) in arts.iter().enumerate() {
        let units: Vec<usize> = (0..page.len())
            .filter(|&i| owner[i] == Some(a_index) || a_index == 0 && owner[i].is_none())
            .collect();
        // (unit, the open paragraph unit before it) for every body unit that could
        // continue one.
        let mut candidates = Vec::new();
        let mut open: Option<usize> = None;
        let mut starts = 0usize;
        for &i in &units {
            let r = roles[i];
            if body(r) {
                starts += usize::from(matches!(r, "paragraph" | "continued_article"));
                if let Some(p) = open
                    && r == "paragraph"
                {
                    candidates.push((i, p));
                }
                open = Some(i);
            } else if !between(r) {
                open = None;
            }
        }
        let want = a.get("paragraphs").and_then(Value::as_u64).unwrap_or(0) as usize;
        let mut extra = starts.saturating_sub(want);
        let mut rest = Vec::new();
        for (i, p) in candidates {
            let (a_text, b_text) = (n(page.text(p)), n(page.text(i)));
            let listed = joins
                .iter()
                .any(|(x, y)| a_text.ends_with(x.as_str()) && b_text.starts_with(y.as_str()));
            if listed && extra > 0 {
                roles[i] = "paragraph_continuation";
                extra -= 1;
            } else {
                rest.push((i, p));
            }
        }
        // Unlisted breaks: the likeliest first (a hard-wrapped line, then a part that
        // stops mid-sentence).
        rest.sort_by_key(|&(i, p)| {
            (
                page.indented(i),
                !page.adjacent(i),
                ends_sentence(page.text(p)),
            )
        });
        for (i, _) in rest.into_iter().take(extra) {
            roles[i] = "paragraph_continuation";
        }
    }
}

/// The gold role of every unit of `page` from the generator's own per-block labels
/// (`kanbao_corpus::page::Labelled`): exact where the truth-derived roles (`derive`)
/// must guess (which line continues which field, which body unit continues a
/// paragraph). Each unit takes the role of the block holding its first source line;
/// a later unit of the same block continues it. `None` when a block cannot be found
/// in the markdown (the caller falls back to `derive`).
pub fn from_blocks(
    page: &Page,
    generated: &kanbao_corpus::page::Page,
) -> Option<Vec<&'static str>> {
    use kanbao_corpus::page::Unit as B;
    let md = &generated.markdown;
    // The first source line (1-based) of every block.
    let mut starts = Vec::with_capacity(generated.blocks.len());
    let mut at = 0;
    for b in &generated.blocks {
        let pos = at + md.get(at..)?.find(b.text.as_str())?;
        starts.push(md.get(..pos)?.matches('\n').count() + 1);
        at = pos + b.text.len();
    }
    let truth = &generated.truth.articles;
    let mut roles = Vec::with_capacity(page.len());
    let mut last_block: Option<usize> = None;
    let mut seen_article = false;
    let mut opened: Vec<usize> = Vec::new();
    for i in 0..page.len() {
        if let Some(fixed) = page.fixed_role(i) {
            roles.push(fixed);
            continue;
        }
        let k = starts
            .partition_point(|&s| s <= page.line(i))
            .checked_sub(1)?;
        let b = generated.blocks.get(k)?;
        let again = last_block == Some(k);
        last_block = Some(k);
        let role = match b.unit {
            B::ProseTable => prose_cell(page, i, &generated.truth.joins),
            B::Paragraph | B::Continuation | B::EndNote if again => "paragraph_continuation",
            B::Furniture | B::Note | B::Stray => "furniture",
            _ if again => "line_continuation",
            B::Banner => "banner",
            B::Label => "series_label",
            B::Kicker => "kicker",
            B::Title => "headline",
            B::PhotoTitle => "photo_title",
            B::Subtitle => "subtitle",
            B::Byline => "byline",
            B::Subhead => "subhead",
            B::Continuation => "paragraph_continuation",
            B::Paragraph | B::EndNote => match b.article {
                Some(a)
                    if !opened.contains(&a)
                        && truth.get(a).is_some_and(|t| t.title.is_none())
                        && seen_article =>
                {
                    "continued_article"
                }
                _ => "paragraph",
            },
            B::Image => "image",
            B::Caption => "caption",
            B::Credit => "credit",
            B::Table => "table",
        };
        if let Some(a) = b.article {
            seen_article |= b.unit != B::Furniture;
            if matches!(
                b.unit,
                B::Paragraph | B::EndNote | B::Title | B::PhotoTitle | B::ProseTable
            ) {
                opened.push(a);
            }
        }
        roles.push(role);
    }
    Some(roles)
}

/// The role of unit `i` read from a pipe table of prose: each block of a column is a
/// paragraph, except the top of the right column where it goes on with the paragraph
/// the left column ended in (a column break the truth lists as a join).
fn prose_cell(page: &Page, i: usize, joins: &[(String, String)]) -> &'static str {
    let here = n(page.text(i));
    let before = i
        .checked_sub(1)
        .map(|p| n(page.text(p)))
        .unwrap_or_default();
    let joined = joins.iter().any(|(x, y)| {
        let (x, y) = (n(x), n(y));
        !x.is_empty() && !y.is_empty() && here.starts_with(&y) && before.ends_with(&x)
    });
    if joined {
        "paragraph_continuation"
    } else {
        "paragraph"
    }
}
