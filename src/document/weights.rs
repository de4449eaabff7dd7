//! The fitted weights of the structure decoder, as data: `assets/structure-weights.json`,
//! written by `cargo run --release --example fit_structure` and embedded here.
//!
//! The file names its roles and features, so a weight whose feature no longer exists
//! is ignored rather than misread, and a new feature simply starts at zero. It holds
//! `emit` (role → feature → weight: how much a cue speaks for a role) and `trans`
//! (role → next role → weight; `start` and `end` stand for the page's edges).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::features;
use super::roles::{ALL, Role};

/// The weights shipped with kanbao.
const SHIPPED: &str = include_str!("../../assets/structure-weights.json");

/// Number of roles, and the index standing for the page's start or end.
pub(crate) const ROLES: usize = ALL.len();
pub(crate) const EDGE: usize = ROLES;

/// Dense weights: `emit[role * features::COUNT + feature]` and
/// `trans[prev * (ROLES + 1) + cur]`, with `EDGE` for the start (as prev) and the end
/// (as cur).
#[derive(Debug, Clone)]
pub struct Weights {
    pub(crate) emit: Vec<f64>,
    pub(crate) trans: Vec<f64>,
}

impl Default for Weights {
    fn default() -> Self {
        Self {
            emit: vec![0.0; ROLES * features::COUNT],
            trans: vec![0.0; (ROLES + 1) * (ROLES + 1)],
        }
    }
}

impl Weights {
    /// The shipped weights (parsed once).
    pub fn shipped() -> &'static Self {
        static W: OnceLock<Weights> = OnceLock::new();
        W.get_or_init(|| Self::from_json(SHIPPED).unwrap_or_default())
    }

    pub(crate) fn emit(&self, role: usize, feature: usize) -> f64 {
        self.emit
            .get(role * features::COUNT + feature)
            .copied()
            .unwrap_or(0.0)
    }

    pub(crate) fn trans(&self, prev: usize, cur: usize) -> f64 {
        self.trans
            .get(prev * (ROLES + 1) + cur)
            .copied()
            .unwrap_or(0.0)
    }

    /// Reads weights from their JSON form.
    ///
    /// # Errors
    /// When the text is not JSON of the expected shape.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        let file: File = serde_json::from_str(text)?;
        let mut w = Self::default();
        let ids: HashMap<String, usize> = (0..features::COUNT)
            .map(|f| (features::name(f), f))
            .collect();
        for (role, row) in &file.emit {
            let Some(r) = Role::from_name(role) else {
                continue;
            };
            for (feature, value) in row {
                if let Some(&f) = ids.get(feature)
                    && let Some(x) = w.emit.get_mut(r.index() * features::COUNT + f)
                {
                    *x = *value;
                }
            }
        }
        let index = |name: &str| match name {
            "start" | "end" => Some(EDGE),
            _ => Role::from_name(name).map(Role::index),
        };
        for (prev, row) in &file.trans {
            for (cur, value) in row {
                if let (Some(p), Some(c)) = (index(prev), index(cur))
                    && let Some(x) = w.trans.get_mut(p * (ROLES + 1) + c)
                {
                    *x = *value;
                }
            }
        }
        Ok(w)
    }

    /// Writes the weights as JSON (zeros left out, rounded to keep the file small).
    pub fn to_json(&self) -> String {
        let round = |x: f64| (x * 1000.0).round() / 1000.0;
        let mut emit = std::collections::BTreeMap::new();
        for r in ALL {
            let mut row = std::collections::BTreeMap::new();
            for f in 0..features::COUNT {
                let x = round(self.emit(r.index(), f));
                if x != 0.0 {
                    row.insert(features::name(f), x);
                }
            }
            emit.insert(r.name().to_string(), row);
        }
        let name = |i: usize, edge: &str| {
            ALL.get(i)
                .map_or_else(|| edge.to_string(), |r| r.name().to_string())
        };
        let mut trans = std::collections::BTreeMap::new();
        for p in 0..=ROLES {
            let mut row = std::collections::BTreeMap::new();
            for c in 0..=ROLES {
                let x = round(self.trans(p, c));
                if x != 0.0 {
                    row.insert(name(c, "end"), x);
                }
            }
            trans.insert(name(p, "start"), row);
        }
        let file = File {
            about: String::from(
                "Structure decoder weights, fit by `cargo run --release --example fit_structure`.",
            ),
            emit,
            trans,
        };
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }
}

#[derive(serde::Deserialize, serde::Serialize)]
struct File {
    #[serde(default)]
    about: String,
    emit: std::collections::BTreeMap<String, std::collections::BTreeMap<String, f64>>,
    trans: std::collections::BTreeMap<String, std::collections::BTreeMap<String, f64>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trip() {
        let mut w = Weights::default();
        if let Some(x) = w.emit.get_mut(3) {
            *x = 1.5;
        }
        if let Some(x) = w.trans.get_mut(EDGE * (ROLES + 1)) {
            *x = -2.0;
        }
        let back = Weights::from_json(&w.to_json()).expect("reads what it wrote");
        assert!((back.emit(0, 3) - 1.5).abs() < 1e-9);
        assert!((back.trans(EDGE, 0) + 2.0).abs() < 1e-9);
    }

    #[test]
    fn unknown_names_are_ignored() {
        let w = Weights::from_json(
            r#"{"emit":{"headline":{"no_such_feature":3.0}},"trans":{"nobody":{"end":1.0}}}"#,
        )
        .expect("valid shape");
        assert!(w.emit.iter().all(|x| *x == 0.0));
    }
}
