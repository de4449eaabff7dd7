//! Cycles in a directed graph of names: Tarjan's strongly connected components, and one
//! shortest cycle through each knot, to print.

use std::collections::{BTreeMap, BTreeSet};

/// Each knot of nodes that reach each other (Tarjan's strongly connected components),
/// with one cycle through it closed on its first node.
pub fn find_cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<(Vec<String>, Vec<String>)> {
    let mut tarjan = Tarjan::default();
    let nodes: BTreeSet<&String> = graph
        .iter()
        .flat_map(|(from, tos)| std::iter::once(from).chain(tos))
        .collect();
    for node in nodes {
        if !tarjan.index.contains_key(node) {
            tarjan.visit(graph, node);
        }
    }
    let mut cycles = Vec::new();
    for group in tarjan.groups {
        let self_loop =
            group.len() == 1 && graph.get(&group[0]).is_some_and(|t| t.contains(&group[0]));
        if group.len() > 1 || self_loop {
            let cycle = cycle_within(graph, &group);
            cycles.push((group, cycle));
        }
    }
    cycles
}

/// A walk from the group's first node that keeps inside the group until it comes back.
fn cycle_within(graph: &BTreeMap<String, BTreeSet<String>>, group: &[String]) -> Vec<String> {
    let inside: BTreeSet<&String> = group.iter().collect();
    let start = &group[0];
    // Breadth-first from start's successors back to start: the shortest cycle through it.
    let mut came_from: BTreeMap<&String, &String> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for next in graph.get(node).into_iter().flatten() {
            if !inside.contains(next) || came_from.contains_key(next) {
                continue;
            }
            came_from.insert(next, node);
            if next == start {
                let mut cycle = vec![start.clone()];
                let mut at = node;
                while at != start {
                    cycle.push(at.clone());
                    at = came_from[at];
                }
                cycle.push(start.clone());
                cycle.reverse();
                return cycle;
            }
            queue.push_back(next);
        }
    }
    group.to_vec()
}

#[derive(Default)]
struct Tarjan {
    index: BTreeMap<String, usize>,
    low: BTreeMap<String, usize>,
    stack: Vec<String>,
    on_stack: BTreeSet<String>,
    groups: Vec<Vec<String>>,
}

impl Tarjan {
    fn visit(&mut self, graph: &BTreeMap<String, BTreeSet<String>>, node: &String) {
        let n = self.index.len();
        self.index.insert(node.clone(), n);
        self.low.insert(node.clone(), n);
        self.stack.push(node.clone());
        self.on_stack.insert(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if !self.index.contains_key(next) {
                self.visit(graph, next);
                let low = self.low[node].min(self.low[next]);
                self.low.insert(node.clone(), low);
            } else if self.on_stack.contains(next) {
                let low = self.low[node].min(self.index[next]);
                self.low.insert(node.clone(), low);
            }
        }
        if self.low[node] == self.index[node] {
            let mut group = Vec::new();
            while let Some(top) = self.stack.pop() {
                self.on_stack.remove(&top);
                let done = top == *node;
                group.push(top);
                if done {
                    break;
                }
            }
            group.sort();
            self.groups.push(group);
        }
    }
}

fn graph(edges: &[(&str, &str)]) -> BTreeMap<String, BTreeSet<String>> {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, b) in edges {
        g.entry((*a).to_string())
            .or_default()
            .insert((*b).to_string());
    }
    g
}

#[test]
fn the_cycle_finder_finds_a_made_up_cycle_and_nothing_in_a_made_up_tree() {
    let acyclic = graph(&[
        ("app", "state"),
        ("state", "action"),
        ("app", "action"),
        ("ui", "state"),
    ]);
    assert!(find_cycles(&acyclic).is_empty());
    let cyclic = graph(&[
        ("app", "state"),
        ("state", "keymap"),
        ("keymap", "action"),
        ("action", "state"),
        ("ui", "ui"),
        ("app", "ui"),
    ]);
    let cycles: Vec<_> = find_cycles(&cyclic).into_iter().map(|(_, c)| c).collect();
    assert_eq!(cycles.len(), 2, "{cycles:?}");
    assert!(cycles.contains(&vec![
        "action".to_string(),
        "state".into(),
        "keymap".into(),
        "action".into()
    ]));
    assert!(cycles.contains(&vec!["ui".to_string(), "ui".into()]));
}
