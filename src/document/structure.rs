//! The structure decoder seen from outside: what the fitter (`examples/fit_structure`)
//! and the evaluation need to read a page as units, decode it with candidate weights,
//! build a document from any role sequence, and move weights by a perceptron step.
//!
//! Roles cross this boundary by name (see the weights file), so the role type itself
//! stays private to the parser.

use super::lines::{Syntax, Unit};
use super::model::Document;
use super::roles::{ALL, Role};
use super::running::RunningLines;
use super::weights::{EDGE, ROLES, Weights};
use super::{assemble, attach, build, decode, features, furniture, legacy, lines};

/// A page read into units and features, ready to decode many times.
pub struct Page {
    units: Vec<Unit>,
    furniture: Vec<Unit>,
    /// Continuation notes set apart, with how many units stood before each.
    notes: Vec<(usize, Unit)>,
    /// The converter habits the front end undid (shown in the dump).
    habits: Vec<&'static str>,
    feats: features::PageFeatures,
    rules: Vec<Option<Role>>,
}

/// The names of all roles.
pub fn role_names() -> Vec<&'static str> {
    ALL.iter().map(|r| r.name()).collect()
}

impl Page {
    /// Reads a page of markdown.
    pub fn new(markdown: &str) -> Self {
        Self::in_directory(markdown, &RunningLines::default())
    }

    /// Reads a page of markdown whose directory's pages share `running` lines (running
    /// headers and footers, typed as furniture).
    pub fn in_directory(markdown: &str, running: &RunningLines) -> Self {
        let Split {
            units,
            furniture,
            notes,
            habits,
        } = split(markdown, running);
        let rules = legacy::roles(&units);
        let feats = features::page(&units, &rules, &habits);
        Self {
            units,
            furniture,
            notes,
            habits,
            feats,
            rules,
        }
    }

    /// Number of units that take a role.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether the page has no such unit.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The text of unit `i` (markup removed).
    pub fn text(&self, i: usize) -> &str {
        self.units.get(i).map_or("", |u| u.text.as_str())
    }

    /// The heading level of unit `i`, if it is a heading.
    pub fn heading(&self, i: usize) -> Option<u8> {
        match self.units.get(i)?.syntax {
            Syntax::Heading(l) => Some(l),
            _ => None,
        }
    }

    /// Whether unit `i` sits right under the line before it (no blank line between).
    pub fn adjacent(&self, i: usize) -> bool {
        self.units.get(i).is_some_and(|u| u.adjacent)
    }

    /// The 1-based source line of unit `i`.
    pub fn line(&self, i: usize) -> usize {
        self.units.get(i).map_or(0, |u| u.line)
    }

    /// Whether unit `i` opens with an indent.
    pub fn indented(&self, i: usize) -> bool {
        self.units.get(i).is_some_and(|u| u.indented)
    }

    /// Whether unit `i` is plain text or a heading (the units whose role is open).
    pub fn is_text(&self, i: usize) -> bool {
        self.units
            .get(i)
            .is_some_and(|u| matches!(u.syntax, Syntax::Text | Syntax::Heading(_)))
    }

    /// The role syntax fixes for unit `i` (list item, image…), if it does.
    pub fn fixed_role(&self, i: usize) -> Option<&'static str> {
        match super::roles::allowed(self.units.get(i)?.syntax) {
            [only] => Some(only.name()),
            _ => None,
        }
    }

    /// The rule parser's role for each unit.
    pub fn rule_roles(&self) -> Vec<&'static str> {
        self.rules
            .iter()
            .map(|r| r.map_or("paragraph", Role::name))
            .collect()
    }

    /// The decoded role of each unit.
    pub fn decode(&self, w: &Weights) -> Vec<&'static str> {
        decode::decode(&self.units, &self.feats, w)
            .roles
            .iter()
            .map(|r| r.name())
            .collect()
    }

    /// The decoded roles when `margin(i, role)` is added to unit `i`'s score for
    /// `role`: loss-augmented decoding, so a fit can ask the gold reading to win by a
    /// margin that grows with what a mistake costs (a headline lost costs its article).
    pub fn decode_with_margin(
        &self,
        w: &Weights,
        margin: &dyn Fn(usize, &str) -> f64,
    ) -> Vec<&'static str> {
        let mut emit = decode::emissions(&self.units, &self.feats, w);
        for (i, row) in emit.iter_mut().enumerate() {
            for (r, s) in row.iter_mut().enumerate() {
                // Forbidden roles stay forbidden.
                if *s > -1e17
                    && let Some(role) = ALL.get(r)
                {
                    *s += margin(i, role.name());
                }
            }
        }
        decode::viterbi(&emit, w).iter().map(|r| r.name()).collect()
    }

    /// The cues that spoke most for each unit's role (for `--explain`).
    pub fn explain(&self, w: &Weights) -> Vec<(&'static str, Vec<(String, f64)>)> {
        explain(&self.units, &self.feats, w)
    }

    /// Every active cue of unit `i` with how much more it speaks for role `a` than
    /// for role `b` (largest first): for studying one decision while fitting.
    pub fn compare(&self, w: &Weights, i: usize, role: &str, other: &str) -> Vec<(String, f64)> {
        let (Some(a), Some(b)) = (Role::from_name(role), Role::from_name(other)) else {
            return Vec::new();
        };
        let mut active = Vec::new();
        self.feats.active(i, &mut active);
        let mut out: Vec<(String, f64)> = active
            .iter()
            .map(|&f| {
                let diff = w.emit(a.index(), f) - w.emit(b.index(), f);
                (features::name(f), (diff * 100.0).round() / 100.0)
            })
            .filter(|(_, d)| *d != 0.0)
            .collect();
        out.sort_by(|x, y| y.1.total_cmp(&x.1));
        out
    }

    /// The document a role sequence gives (unknown names read as paragraphs).
    pub fn document(&self, source: &str, roles: &[&str]) -> Document {
        let roles: Vec<Role> = roles
            .iter()
            .map(|n| Role::from_name(n).unwrap_or(Role::Paragraph))
            .collect();
        let mut assembled = assemble::assemble(&self.units, &roles);
        let mut units = self.units.clone();
        let offset = units.len();
        units.extend(self.furniture.iter().cloned());
        let notes: Vec<attach::Note> = self
            .notes
            .iter()
            .enumerate()
            .map(|(k, (at, u))| attach::Note {
                unit: units.len() + k,
                at: *at,
                from: attach::is_from(&u.text),
                len: u.text.len(),
            })
            .collect();
        let furniture_end = units.len();
        units.extend(self.notes.iter().map(|(_, u)| u.clone()));
        let orphans = attach::attach(&mut assembled.articles, &notes, offset);
        let furniture: Vec<usize> = assembled
            .furniture
            .iter()
            .copied()
            .chain(offset..furniture_end)
            .chain(orphans)
            .collect();
        let mut doc =
            build::document_with_furniture(source, &units, &assembled.articles, &furniture);
        doc.habits.clone_from(&self.habits);
        doc
    }

    /// One structured-perceptron step: weights move by `step` towards the features
    /// and transitions of `gold` and away from those of `pred`.
    pub fn update(&self, w: &mut Weights, gold: &[&str], pred: &[&str], step: f64) {
        let index = |n: &str| Role::from_name(n).map_or(EDGE, Role::index);
        let mut active = Vec::new();
        let mut prev = (EDGE, EDGE);
        for i in 0..=self.units.len() {
            let g = gold.get(i).map_or(EDGE, |n| index(n));
            let p = pred.get(i).map_or(EDGE, |n| index(n));
            if (g, prev.0) != (p, prev.1) {
                add(&mut w.trans, prev.0 * (ROLES + 1) + g, step);
                add(&mut w.trans, prev.1 * (ROLES + 1) + p, -step);
            }
            if g != p && i < self.units.len() {
                self.feats.active(i, &mut active);
                for &f in &active {
                    if g < ROLES {
                        add(&mut w.emit, g * features::COUNT + f, step);
                    }
                    if p < ROLES {
                        add(&mut w.emit, p * features::COUNT + f, -step);
                    }
                }
            }
            prev = (g, p);
        }
    }
}

fn add(v: &mut [f64], at: usize, x: f64) {
    if let Some(slot) = v.get_mut(at) {
        *slot += x;
    }
}

impl Weights {
    /// `self += k * other`, for averaging perceptron weights.
    pub fn add_scaled(&mut self, other: &Self, k: f64) {
        for (a, b) in self.emit.iter_mut().zip(&other.emit) {
            *a += k * b;
        }
        for (a, b) in self.trans.iter_mut().zip(&other.trans) {
            *a += k * b;
        }
    }

    /// All weights zero.
    pub fn zero() -> Self {
        Self::default()
    }
}

/// Each unit's role and its deciding cues, against the runner-up role.
pub(crate) fn explain(
    units: &[Unit],
    feats: &features::PageFeatures,
    w: &Weights,
) -> Vec<(&'static str, Vec<(String, f64)>)> {
    let roles = decode::decode(units, feats, w).roles;
    let emit = decode::emissions(units, feats, w);
    roles
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let runner = emit.get(i).and_then(|row| {
                ALL.iter()
                    .copied()
                    .filter(|o| o != r)
                    .filter(|o| row.get(o.index()).is_some_and(|s| *s > -1e17))
                    .max_by(|a, b| {
                        let s = |x: &Role| row.get(x.index()).copied().unwrap_or(f64::MIN);
                        s(a).total_cmp(&s(b))
                    })
            });
            (r.name(), decode::cues(feats, w, i, *r, runner))
        })
        .collect()
}

/// A page's units sorted for the decode.
struct Split {
    /// The units that take a role.
    units: Vec<Unit>,
    /// Furniture, and stray OCR characters (text that belongs to no story: kept and
    /// shown, never a caption or part of a paragraph).
    furniture: Vec<Unit>,
    /// Continuation notes, with how many role-taking units stood before each
    /// (`attach` puts them back into their story).
    notes: Vec<(usize, Unit)>,
    /// The converter habits the front end undid.
    habits: Vec<&'static str>,
}

fn split(markdown: &str, running: &RunningLines) -> Split {
    let (all, habits) = lines::read_in(markdown, running);
    let mut units: Vec<Unit> = Vec::with_capacity(all.len());
    let mut furniture_units = Vec::new();
    let mut notes = Vec::new();
    for u in all {
        let is_furniture = match u.syntax {
            Syntax::Text | Syntax::Heading(_) => furniture::is_furniture(&u.text),
            Syntax::Stray | Syntax::Furniture => true,
            _ => false,
        };
        if u.syntax == Syntax::Continuation {
            if let Some(before) = units.last_mut() {
                if attach::is_from(&u.text) {
                    before.from_note_next = true;
                } else {
                    before.to_note_next = true;
                }
            }
            notes.push((units.len(), u));
        } else if is_furniture {
            furniture_units.push(u);
        } else {
            units.push(u);
        }
    }
    Split {
        units,
        furniture: furniture_units,
        notes,
        habits: habits.into_names(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_to_note_set_apart_marks_the_end_of_its_story() {
        // The story goes on elsewhere: the head after the note opens the next story,
        // even where every head is `#` and the story before is signed.
        let para = "航校刚成立不久，国民党军队大举进攻东北，通化机场遭到多次轰炸，飞机还没擦亮，命令就到了。";
        let md = format!(
            "# 三年风云起东北\n\n本报记者 李心然\n\n{para}\n\n# 荒原上的起飞线\n\n{para}\n\n转第15版\n\n# 一手撤军一手加税\n\n{para}"
        );
        let page = Page::new(&md);
        let marked: Vec<&str> = page
            .units
            .iter()
            .filter(|u| u.to_note_next)
            .map(|u| u.text.as_str())
            .collect();
        assert_eq!(marked, [para]);
        assert!(page.units.iter().all(|u| !u.from_note_next));
        let head = page.units.iter().position(|u| u.text == "一手撤军一手加税");
        let names = |i: usize| -> Vec<String> {
            let mut active = Vec::new();
            page.feats.active(i, &mut active);
            active.iter().map(|&f| features::name(f)).collect()
        };
        assert!(head.is_some_and(|h| names(h).contains(&"prev:note:to_next".to_string())));
        let doc = crate::document::parse("t", &md);
        let titles: Vec<&str> = doc
            .articles
            .iter()
            .filter_map(|a| doc.field(a.title.as_ref()))
            .collect();
        assert_eq!(titles, ["三年风云起东北", "一手撤军一手加税"]);
    }

    #[test]
    fn a_from_note_set_apart_leaves_its_mark_on_the_unit_before() {
        let md = "# 甲文章\n\n正文写完了。\n\n# 乙文章标题\n\n（上接第一版】后文接着写。\n\n# 丙文章\n\n（下转第二版）\n\n正文。";
        let page = Page::new(md);
        let marked: Vec<&str> = page
            .units
            .iter()
            .filter(|u| u.from_note_next)
            .map(|u| u.text.as_str())
            .collect();
        // Only the head over the "from" note; a "to" note marks nothing.
        assert_eq!(marked, ["乙文章标题"]);
        let names = |i: usize| -> Vec<String> {
            let mut active = Vec::new();
            page.feats.active(i, &mut active);
            active.iter().map(|&f| features::name(f)).collect()
        };
        assert!(names(2).contains(&"note:from_next".to_string()));
        // The paragraph after the note sees it as its neighbour's cue.
        assert!(names(3).contains(&"prev:note:from_next".to_string()));
        assert!(!names(1).contains(&"note:from_next".to_string()));
    }
}
