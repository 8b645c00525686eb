//! The crate's layers run one way: no module imports one that imports it back.
//!
//! Read from the source: every `crate::NAME` (or `$crate::NAME`) outside comments and test
//! modules is an edge from the file's top-level module to NAME's (root re-exports resolved
//! through `lib.rs`), and every `super::NAME` inside a folder module an edge between the
//! folder's files. Any cycle fails, naming it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use regex::Regex;

/// The code of a file: without comments and without its `#[cfg(test)]` module.
fn code(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let text = text
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or_default();
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `pub use a::{B, C}` and `pub use a::B` in `text`: the name each re-export gives, and
/// the module it comes from.
fn re_exports(text: &str) -> BTreeMap<String, String> {
    let re = Regex::new(r"pub(?:\(crate\))? use (\w+)::(?:\{([^}]*)\}|(\w+))").unwrap();
    let mut map = BTreeMap::new();
    for caps in re.captures_iter(text) {
        let module = caps[1].to_owned();
        let names = caps.get(2).or(caps.get(3)).unwrap().as_str();
        for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            map.insert(name.to_owned(), module.clone());
        }
    }
    map
}

/// The `.rs` files of a top-level module: `src/NAME.rs` or everything under `src/NAME/`.
fn files_of(src: &Path, module: &str) -> Vec<std::path::PathBuf> {
    let file = src.join(format!("{module}.rs"));
    if file.exists() {
        return vec![file];
    }
    let mut files = Vec::new();
    let mut dirs = vec![src.join(module)];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// A cycle in `graph`, if any, as the modules along it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn top_level_modules_import_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = fs::read_to_string(src.join("lib.rs")).unwrap();
    let modules: Vec<String> = Regex::new(r"(?m)^\s*(?:pub )?mod (\w+);")
        .unwrap()
        .captures_iter(&lib)
        .map(|c| c[1].to_owned())
        .collect();
    let exports = re_exports(&lib);
    let path = Regex::new(r"\$?crate::(\w+)").unwrap();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for module in &modules {
        let edges = graph.entry(module.clone()).or_default();
        for file in files_of(&src, module) {
            for caps in path.captures_iter(&code(&file)) {
                let target = exports.get(&caps[1]).unwrap_or(&caps[1].to_owned()).clone();
                if modules.contains(&target) && target != *module {
                    edges.insert(target);
                }
            }
        }
    }
    assert!(graph.len() > 10, "read the modules of lib.rs: {graph:?}");
    assert!(graph["grammar"].contains("instance_type"), "{graph:?}");
    if let Some(found) = cycle(&graph) {
        panic!("modules import each other: {}", found.join(" -> "));
    }
    // Only the layers above the grammar use it (catalogue, usage); the value types it
    // builds do not, and the error knows nothing of it.
    for value in &graph["grammar"] {
        assert!(
            !graph[value].contains("grammar"),
            "{value} imports the grammar: {:?}",
            graph[value]
        );
    }
    // The value types the grammar builds never call a parser: their `FromStr` impls and
    // `parse` functions live in the grammar, so a call would be an edge back into it.
    let parser_call =
        Regex::new(r"\.parse(::<[^>]*>)?\(|\bparse_lenient\(|::parse\(|str::parse").unwrap();
    for value in &graph["grammar"] {
        for file in files_of(&src, value) {
            if let Some(found) = parser_call.find(&code(&file)) {
                panic!(
                    "{} calls the grammar ({:?}): value types must not parse",
                    file.display(),
                    found.as_str()
                );
            }
        }
    }
    for below in [
        "catalogue",
        "query",
        "grammar",
        "instance_type",
        "parts",
        "service",
    ] {
        assert!(
            !graph["error"].contains(below),
            "error imports {below}: {:?}",
            graph["error"]
        );
    }
}

#[test]
fn files_of_folder_modules_import_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let sibling = Regex::new(r"super::(\w+)").unwrap();
    for folder in ["catalogue", "grammar", "parts", "query"] {
        let dir = src.join(folder);
        let root = fs::read_to_string(dir.join("mod.rs")).unwrap();
        let exports = re_exports(&root);
        let files: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().into_string().unwrap();
                name.strip_suffix(".rs").map(str::to_owned)
            })
            .filter(|name| name != "mod")
            .collect();
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for file in &files {
            let edges = graph.entry(file.clone()).or_default();
            for caps in sibling.captures_iter(&code(&dir.join(format!("{file}.rs")))) {
                let target = exports.get(&caps[1]).unwrap_or(&caps[1].to_owned()).clone();
                if files.contains(&target) && target != *file {
                    edges.insert(target);
                }
            }
        }
        if let Some(found) = cycle(&graph) {
            panic!("{folder}/ files import each other: {}", found.join(" -> "));
        }
    }
}
