//! The crate's layers run one way: no module imports one that imports it back.
//!
//! Read from the source, outside comments and test modules: every path a file names,
//! written out (`crate::a::B`, `super::super::c`, `$crate::d`) or in a `use` tree
//! (`use super::{a::{B, C}, d};`, expanded), resolved to the module it points at
//! (through the re-exports of `lib.rs` and of each folder's `mod.rs`). Between top-level
//! modules, and between the files and subfolders of every folder at any depth, any cycle
//! fails, naming it.

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
    files_of_tree(&src.join(module))
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
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for module in &modules {
        let edges = graph.entry(module.clone()).or_default();
        for file in files_of(&src, module) {
            for path in paths(&code(&file)) {
                let Some(first) = path
                    .strip_prefix("crate::")
                    .map(|p| p.split("::").next().unwrap_or_default())
                else {
                    continue;
                };
                let target = exports
                    .get(first)
                    .cloned()
                    .unwrap_or_else(|| first.to_owned());
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

/// Every path `text` names from `crate`, `super` or `self`: written out in code, and
/// each leaf of a `use` tree expanded (`use super::{a::{B, C}, d}` gives `super::a::B`,
/// `super::a::C`, `super::d`). `$crate` is `crate`.
fn paths(text: &str) -> Vec<String> {
    let text = text.replace("$crate", "crate");
    let mut found = Vec::new();
    let use_statement = Regex::new(r"(?s)\buse\s+((?:crate|super|self)::[^;]*);").unwrap();
    for caps in use_statement.captures_iter(&text) {
        let tree: String = caps[1].chars().filter(|c| !c.is_whitespace()).collect();
        expand("", &tree, &mut found);
    }
    let written = Regex::new(r"\b(?:crate|super|self)(?:::\w+)+").unwrap();
    found.extend(written.find_iter(&text).map(|m| m.as_str().to_owned()));
    found
}

/// The leaves of a use tree (`a::{b, c::{d, e}}`) under `prefix`, as full paths.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let join = |p: &str, s: &str| {
        if p.is_empty() {
            s.to_owned()
        } else {
            format!("{p}::{s}")
        }
    };
    match tree.find('{') {
        None => out.push(join(prefix, tree.split(" as ").next().unwrap_or(tree))),
        Some(open) => {
            let head = tree[..open].trim_end_matches("::");
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let prefix = join(prefix, head);
            // Split the inner list at top-level commas.
            let (mut depth, mut start) = (0, 0);
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&prefix, &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            if start < inner.len() {
                expand(&prefix, &inner[start..], out);
            }
        }
    }
}

/// The module path (from the crate root) of a source file: `src/catalogue/overlay/mod.rs`
/// is `catalogue::overlay`, `src/catalogue/store.rs` is `catalogue::store`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// `path` (as a file of `module` wrote it) from the crate root: `crate` is the root,
/// `self` the module, and each leading `super` its parent (for a file and a `mod.rs`
/// alike: a file's module is its own).
fn absolute(module: &[String], path: &str) -> Vec<String> {
    let mut here = module.to_vec();
    let mut rest: Vec<String> = Vec::new();
    for (i, segment) in path.split("::").enumerate() {
        match segment {
            "crate" if i == 0 => here.clear(),
            "self" if i == 0 => {}
            "super" if rest.is_empty() => {
                here.pop();
            }
            _ => rest.push(segment.to_owned()),
        }
    }
    here.extend(rest);
    here
}

/// The child of `folder` that a path inside it (from the crate root) points into,
/// through the folder's re-exports (`pub use store::Catalogue` makes
/// `catalogue::Catalogue` point into `store`); `None` for a path outside the folder or at
/// the folder itself.
fn child_of(
    folder: &[String],
    path: &[String],
    children: &BTreeSet<String>,
    exports: &BTreeMap<String, String>,
) -> Option<String> {
    if path.len() <= folder.len() || path[..folder.len()] != *folder {
        return None;
    }
    let next = &path[folder.len()];
    if children.contains(next) {
        return Some(next.clone());
    }
    exports.get(next).filter(|m| children.contains(*m)).cloned()
}

/// Every folder module under `src` (any depth), with its children (files and subfolders).
fn folders(src: &Path) -> Vec<(std::path::PathBuf, BTreeSet<String>)> {
    let mut found = Vec::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let mut children = BTreeSet::new();
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                if path.join("mod.rs").exists() {
                    dirs.push(path.clone());
                    children.insert(name);
                }
            } else if path.extension().is_some_and(|e| e == "rs") && name != "mod" && name != "lib"
            {
                children.insert(name);
            }
        }
        if dir != src {
            found.push((dir, children));
        }
    }
    found.sort();
    found
}

#[test]
fn files_of_every_folder_import_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let all_files = files_of_tree(&src);
    let mut checked = 0;
    for (dir, children) in folders(&src) {
        let folder = module_of(&src, &dir.join("mod.rs"));
        let exports = re_exports(&fs::read_to_string(dir.join("mod.rs")).unwrap());
        let mut graph: BTreeMap<String, BTreeSet<String>> = children
            .iter()
            .map(|c| (c.clone(), BTreeSet::new()))
            .collect();
        for file in &all_files {
            let module = module_of(&src, file);
            // Only files inside one child of this folder are sources of its edges.
            let Some(from) = child_of(&folder, &module, &children, &BTreeMap::new()) else {
                continue;
            };
            for path in paths(&code(file)) {
                let target = absolute(&module, &path);
                if let Some(to) = child_of(&folder, &target, &children, &exports) {
                    if to != from {
                        graph.get_mut(&from).unwrap().insert(to);
                    }
                }
            }
        }
        if let Some(found) = cycle(&graph) {
            panic!(
                "{}/ files import each other: {}",
                dir.display(),
                found.join(" -> ")
            );
        }
        checked += 1;
    }
    assert!(checked >= 8, "read {checked} folders");
}

/// Every `.rs` file under `dir`.
fn files_of_tree(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
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

#[test]
fn the_reader_sees_every_import_form() {
    let text = "use super::{entry::{Entry, SpotHint}, store::Catalogue};\n\
                use super::super::hash;\nlet x = crate::region::known();\n\
                pub(crate) use self::inner::Thing;";
    let found = paths(text);
    for want in [
        "super::entry::Entry",
        "super::entry::SpotHint",
        "super::store::Catalogue",
        "super::super::hash",
        "crate::region::known",
        "self::inner::Thing",
    ] {
        assert!(found.iter().any(|p| p == want), "{want} not in {found:?}");
    }
    let module: Vec<String> = ["catalogue", "overlay", "rebuild"]
        .map(str::to_owned)
        .to_vec();
    assert_eq!(
        absolute(&module, "super::super::hash"),
        ["catalogue", "hash"]
    );
    assert_eq!(
        absolute(&module, "super::json::documents"),
        ["catalogue", "overlay", "json", "documents"]
    );
    // A `mod.rs` is its folder's module.
    let root: Vec<String> = ["catalogue", "overlay"].map(str::to_owned).to_vec();
    assert_eq!(
        absolute(&root, "super::store::Row"),
        ["catalogue", "store", "Row"]
    );
    assert_eq!(
        absolute(&root, "self::file::Kind"),
        ["catalogue", "overlay", "file", "Kind"]
    );
    assert_eq!(absolute(&root, "crate::Region"), ["Region"]);
}
