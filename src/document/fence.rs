//! The whole page inside a code fence: end-to-end vision-language models answer with
//! ```` ```markdown ```` on the first line and ```` ``` ```` on the last. The fence and its
//! info string are markup, not a headline called "markdown": this step finds such an
//! outer fence so that `lines` skips its two lines and reads what is between as the
//! page.
//!
//! A code block inside an article is not an outer fence: it must open among the first
//! few non-blank lines and close among the last few, and (without a `markdown`/`md`
//! info string) wrap nearly the whole file. Inner fences are left to `lines`, which
//! drops the fence marks and keeps every word of the block.

use super::text::trim;

/// How many non-blank lines may stand before the opening or after the closing fence
/// (a model's "Here is the page:" or a trailing remark).
const SLACK_LINES: usize = 2;

/// The share of non-blank lines, in percent, a fence without a markdown info string
/// must hold to count as wrapping the page.
const WRAPS_PERCENT: usize = 90;

/// The indices (into `lines`) of the opening and, if present, closing line of an
/// outer fence; `None` when the page is not fenced.
pub(crate) fn outer_fence(lines: &[&str]) -> Option<(usize, Option<usize>)> {
    let filled: Vec<usize> = (0..lines.len())
        .filter(|&i| lines.get(i).is_some_and(|l| !trim(l).is_empty()))
        .collect();
    let (open, mark, info) = filled.iter().take(SLACK_LINES + 1).find_map(|&i| {
        let (mark, info) = opener(lines.get(i)?)?;
        Some((i, mark, info))
    })?;
    let close = filled
        .iter()
        .rev()
        .take(SLACK_LINES + 1)
        .copied()
        .find(|&i| i > open && lines.get(i).is_some_and(|l| closes(l, mark)));
    let says_markdown = matches!(
        info.to_ascii_lowercase().as_str(),
        "markdown" | "md" | "gfm" | "commonmark"
    );
    if says_markdown {
        return Some((open, close));
    }
    // A bare fence counts only when it is closed and holds nearly the whole page.
    let close_at = close?;
    let inside = filled.iter().filter(|&&i| i > open && i < close_at).count();
    let others = filled.len().saturating_sub(2);
    let wraps = inside * 100 >= others * WRAPS_PERCENT && inside >= 3;
    (info.is_empty() && wraps).then_some((open, Some(close_at)))
}

/// A fence opener: three or more backticks or tildes, then the info string.
fn opener(line: &str) -> Option<(&str, &str)> {
    let t = trim(line);
    let ch = t.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let n = t.chars().take_while(|&c| c == ch).count();
    if n < 3 {
        return None;
    }
    let (mark, info) = t.split_at(n);
    let info = trim(info);
    // An info string is one word: `markdown`, not a sentence glued to the fence.
    (!info.contains(char::is_whitespace) && info.is_ascii()).then_some((mark, info))
}

/// A closing fence: the opener's character, at least as many, nothing else.
fn closes(line: &str, mark: &str) -> bool {
    let t = trim(line);
    let Some(ch) = mark.chars().next() else {
        return false;
    };
    t.len() >= mark.len() && t.chars().all(|c| c == ch)
}

#[cfg(test)]
mod tests {
    use super::outer_fence;

    fn fence(md: &str) -> Option<(usize, Option<usize>)> {
        let lines: Vec<&str> = md.split('\n').collect();
        outer_fence(&lines)
    }

    #[test]
    fn a_markdown_fence_around_the_page_is_found() {
        assert_eq!(
            fence("```markdown\n# 标题\n\n正文。\n```\n"),
            Some((0, Some(4)))
        );
        assert_eq!(fence("\n```md\n# 标题\n正文。"), Some((1, None)));
        assert_eq!(
            fence("以下是页面内容：\n```markdown\n# 标题\n```"),
            Some((1, Some(3)))
        );
    }

    #[test]
    fn a_bare_fence_counts_only_when_it_wraps_the_page() {
        assert_eq!(
            fence("```\n# 标题\n正文一。\n正文二。\n```"),
            Some((0, Some(4)))
        );
        assert_eq!(fence("```\n# 标题\n正文一。\n正文二。"), None);
    }

    #[test]
    fn a_code_block_inside_an_article_is_no_outer_fence() {
        let md = "# 标题\n\n正文。\n\n正文。\n\n```python\nprint(1)\n```\n\n正文。";
        assert_eq!(fence(md), None);
        assert_eq!(fence("```python\nprint(1)\n```\n"), None);
        assert_eq!(fence("# 标题\n正文。"), None);
    }
}
