//! Parallel subheads: a run of same-shaped heads inside one story are its subheads,
//! not new headlines.
//!
//! Newspapers set the subheads of a long story in parallel (`向远方，扎根奉献` /
//! `向顶峰，不懈攀登` / `向未来，接力奋斗`; `聚链成群的归属感` / `转型升级的获得感`):
//! the same length, the same punctuation in the same place, an opening or closing word
//! echoed. MinerU marks every title `#`, so such a subhead after a finished paragraph
//! looks exactly like the next story's headline, and the rules opened a new article at
//! each: one story became four. Headlines of different stories are not set to one
//! pattern, so a run of parallel heads with only body text between them is read as
//! subheads of the story they stand in. The rule parser's verdict (`legacy`) is
//! corrected here, and the decoder weighs it with its other cues.

use super::byline;
use super::lines::{Syntax, Unit};
use super::roles::Role;
use super::text::{chars_up_to, is_han, is_space, trim};

/// The longest head taken into a run (subheads are short; a longer line is text).
const MEMBER_MAX_CHARS: usize = 40;

/// Separators whose places make a head's pattern.
const SEPARATORS: &[char] = &['，', '：', '；', '、', '？', '！', ' ', '—'];

/// A head reduced to its pattern: its characters without quotes and brackets (they
/// wrap words, a parallel head may quote where its sibling does not), half-width
/// punctuation made full-width, runs of spaces one space.
struct Shape {
    chars: Vec<char>,
}

impl Shape {
    fn of(text: &str) -> Self {
        let mut chars = Vec::new();
        for c in trim(text).chars() {
            let c = match c {
                ',' => '，',
                ':' => '：',
                ';' => '；',
                '?' => '？',
                '!' => '！',
                c if is_space(c) => ' ',
                c => c,
            };
            if "“”‘’\"'「」『』《》〈〉（）()【】[]".contains(c) {
                continue;
            }
            if c == ' ' && chars.last() == Some(&' ') {
                continue;
            }
            chars.push(c);
        }
        Self { chars }
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    /// The separators in order, and the place of the first.
    fn separators(&self) -> (Vec<char>, Option<usize>) {
        let seps: Vec<char> = self
            .chars
            .iter()
            .copied()
            .filter(|c| SEPARATORS.contains(c))
            .collect();
        let first = self.chars.iter().position(|c| SEPARATORS.contains(c));
        (seps, first)
    }
}

/// How two heads relate in shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Likeness {
    /// Not set to one pattern.
    None,
    /// Only the same length and the same separators: parallel when three or more agree.
    Weak,
    /// The same pattern: parallel as a pair.
    Strong,
}

fn likeness(a: &Shape, b: &Shape) -> Likeness {
    let (la, lb) = (a.len(), b.len());
    if la < 2 || lb < 2 {
        return Likeness::None;
    }
    let (sa, fa) = a.separators();
    let (sb, fb) = b.separators();
    let same_seps = sa == sb
        && match (fa, fb) {
            (Some(x), Some(y)) => x.abs_diff(y) <= 1,
            (None, None) => true,
            _ => false,
        };
    let diff = la.abs_diff(lb);
    let close = diff <= 1;
    let near = diff <= (la.max(lb) / 4).max(3);
    let first = a.chars.first() == b.chars.first();
    let last = a.chars.last() == b.chars.last();
    // The same ideograph at the same place of two heads of one length (`的` in
    // `拒绝的底气` / `干事的心气`).
    let aligned = la == lb
        && a.chars
            .iter()
            .zip(&b.chars)
            .any(|(x, y)| x == y && is_han(*x));
    let separated = !sa.is_empty();
    let pattern = if separated {
        (first || last) && near || close
    } else {
        close && (first || last || aligned)
    };
    if same_seps && pattern {
        Likeness::Strong
    } else if same_seps && (la == lb || separated && close) {
        // Unseparated heads one character apart are too common by chance (two
        // headlines of different stories) to count even towards a run.
        Likeness::Weak
    } else {
        Likeness::None
    }
}

/// Roles that may stand between two subheads of one story.
fn body(r: Option<Role>) -> bool {
    matches!(
        r,
        Some(
            Role::Paragraph
                | Role::ParaCont
                | Role::LineCont
                | Role::Caption
                | Role::Credit
                | Role::Image
                | Role::ListItem
                | Role::Quote
                | Role::Table
        )
    )
}

/// Whether unit `i` may be one of a run: a short head the rules read as a headline or
/// a subhead, not opening a signed story (a byline line or an inline byline under it).
fn candidate(units: &[Unit], roles: &[Option<Role>], i: usize) -> bool {
    let Some(u) = units.get(i) else {
        return false;
    };
    let head = matches!(
        roles.get(i).copied().flatten(),
        Some(Role::Headline | Role::Subhead)
    );
    let signed_below = units.get(i + 1).is_some_and(|n| {
        matches!(n.syntax, Syntax::Text | Syntax::Heading(_))
            && (byline::is_own_line(&n.text) || byline::inline(&n.text).is_some())
    });
    head && matches!(u.syntax, Syntax::Text | Syntax::Heading(_))
        && chars_up_to(&u.text, MEMBER_MAX_CHARS) <= MEMBER_MAX_CHARS
        && !signed_below
}

/// Whether only body text (and a head's stray lines right under it: a subtitle, a bare
/// name the rules took for a byline) stands between units `a` and `b`.
fn body_between(units: &[Unit], roles: &[Option<Role>], a: usize, b: usize) -> bool {
    b > a + 1
        && (a + 1..b).all(|j| {
            let r = roles.get(j).copied().flatten();
            body(r)
                || j == a + 1
                    && match r {
                        Some(Role::Subtitle) => true,
                        Some(Role::Byline) => {
                            units.get(j).is_some_and(|u| !byline::is_own_line(&u.text))
                        }
                        _ => false,
                    }
        })
}

/// Whether a run starting at unit `first` stands inside a story: body text right above
/// it (a photo item aside).
fn inside_story(roles: &[Option<Role>], first: usize) -> bool {
    let mut j = first;
    while j > 0 {
        j -= 1;
        match roles.get(j).copied().flatten() {
            Some(Role::Image | Role::Caption | Role::Credit) => {}
            r => {
                return matches!(
                    r,
                    Some(Role::Paragraph | Role::ParaCont | Role::LineCont | Role::Resume)
                );
            }
        }
    }
    false
}

/// Marks every run of parallel heads inside a story as subheads (and a subtitle or a
/// bare-name "byline" the rules hung under one as a paragraph).
pub(crate) fn mark(units: &[Unit], roles: &mut [Option<Role>]) {
    let members: Vec<usize> = (0..units.len())
        .filter(|&i| candidate(units, roles, i))
        .collect();
    let shapes: Vec<Shape> = members
        .iter()
        .map(|&i| Shape::of(units.get(i).map_or("", |u| u.text.as_str())))
        .collect();
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut strong = true;
    for k in 0..members.len() {
        let linked = k > 0
            && members
                .get(k - 1)
                .zip(members.get(k))
                .is_some_and(|(&a, &b)| body_between(units, roles, a, b))
            && match (shapes.get(k - 1), shapes.get(k)) {
                (Some(a), Some(b)) => {
                    let l = likeness(a, b);
                    strong &= l == Likeness::Strong;
                    l != Likeness::None
                }
                _ => false,
            };
        if !linked {
            if run.len() >= 3 || run.len() == 2 && strong {
                runs.push(std::mem::take(&mut run));
            }
            run.clear();
            strong = true;
        }
        run.push(k);
    }
    if run.len() >= 3 || run.len() == 2 && strong {
        runs.push(run);
    }
    for run in runs {
        let units_of: Vec<usize> = run
            .iter()
            .filter_map(|&k| members.get(k).copied())
            .collect();
        if !units_of.first().is_some_and(|&f| inside_story(roles, f)) {
            continue;
        }
        for i in units_of {
            if let Some(slot) = roles.get_mut(i) {
                *slot = Some(Role::Subhead);
            }
            if let Some(slot) = roles.get_mut(i + 1)
                && matches!(slot, Some(Role::Subtitle | Role::Byline))
            {
                *slot = Some(Role::Paragraph);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::lines::units;

    fn like(a: &str, b: &str) -> Likeness {
        likeness(&Shape::of(a), &Shape::of(b))
    }

    #[test]
    fn heads_set_to_one_pattern_are_alike() {
        assert_eq!(
            like("向远方，扎根奉献", "向顶峰，不懈攀登"),
            Likeness::Strong
        );
        assert_eq!(
            like("聚链成群的归属感", "转型升级的获得感"),
            Likeness::Strong
        );
        assert_eq!(
            like(
                "一颗钻石的“跃迁”：产业强基聚链成群",
                "一张表格的“决心”：刀刃向内破壁清障"
            ),
            Likeness::Strong
        );
        assert_eq!(
            like("生态优先 绿色发展", "黄金水道 通达全球"),
            Likeness::Strong
        );
        assert_eq!(
            like("新成果:首发首展", "新协同：区域联动"),
            Likeness::Strong
        );
        // Same length, nothing echoed: alike only when a third agrees.
        assert_eq!(
            like("打好关键核心技术攻坚战", "畅通科技成果转化全链路"),
            Likeness::Weak
        );
    }

    #[test]
    fn headlines_of_different_stories_are_not_alike() {
        assert_eq!(
            like("战事六十天，美伊“不战不谈”还要多久", "选准一人  带富一方"),
            Likeness::None
        );
        assert_eq!(
            like("村里的花果“冻”起来卖", "天津市河西区推进老旧小区智慧化改造"),
            Likeness::None
        );
        assert_eq!(like("荒原上的起飞线", "那些仰望天空的人"), Likeness::None);
    }

    fn roles_after(md: &str, rules: &[Role]) -> Vec<Option<Role>> {
        let u = units(md);
        let mut r: Vec<Option<Role>> = rules.iter().copied().map(Some).collect();
        r.resize(u.len(), Some(Role::Paragraph));
        mark(&u, &mut r);
        r
    }

    use Role::{Byline as B, Headline as H, Paragraph as P, Subhead as S};

    #[test]
    fn a_run_of_parallel_heads_inside_a_story_are_subheads() {
        let md = "# 青春向党 奋斗逐梦\n\n新华社记者 王明玉\n\n导语写完了。\n\n# 向远方，扎根奉献\n\n正文一。\n\n# 向顶峰，不懈攀登\n\n正文二。\n\n# 向未来，接力奋斗\n\n正文三。";
        let got = roles_after(md, &[H, B, P, H, P, H, P, H, P]);
        assert_eq!(got[3], Some(S));
        assert_eq!(got[5], Some(S));
        assert_eq!(got[7], Some(S));
        assert_eq!(got[0], Some(H), "the story's own headline stays");
    }

    #[test]
    fn a_bare_name_fragment_under_a_subhead_is_text_again() {
        let md = "# 甲\n\n导语。\n\n# 聚链成群的归属感\n\n正文一。\n\n# 转型升级的获得感\n\n晨光\n\n熹微，正文二。";
        let got = roles_after(md, &[H, P, H, P, H, B, P]);
        assert_eq!(got[4], Some(S));
        assert_eq!(got[5], Some(P));
    }

    #[test]
    fn parallel_heads_must_not_fire_on_new_stories() {
        // Each head is signed: new stories, however alike their headlines.
        let md = "# 甲\n\n导语。\n\n# 向远方，扎根奉献\n\n本报记者 张三\n\n正文一。\n\n# 向顶峰，不懈攀登\n\n本报讯 正文二。";
        let got = roles_after(md, &[H, P, H, B, P, H, P]);
        assert_eq!(got[2], Some(H));
        assert_eq!(got[5], Some(H));
        // Headlines not set to one pattern stay headlines.
        let md = "# 甲\n\n导语。\n\n# 荒原上的起飞线\n\n正文一。\n\n# 那些仰望天空的人\n\n正文二。";
        let got = roles_after(md, &[H, P, H, P, H, P]);
        assert_eq!(got[2], Some(H));
        assert_eq!(got[4], Some(H));
        // A pair only alike in length is not enough.
        let md = "# 打好关键核心技术攻坚战\n\n正文一。\n\n# 畅通科技成果转化全链路\n\n正文二。";
        let got = roles_after(md, &[H, P, H, P]);
        assert_eq!(got[0], Some(H));
        assert_eq!(got[2], Some(H));
    }
}
