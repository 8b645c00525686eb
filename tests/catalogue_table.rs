//! The checked-in table must be what the generator makes of `data/` today.

#![cfg(feature = "catalogue")]

#[path = "../xtask/src/table.rs"]
#[allow(dead_code, clippy::all, clippy::pedantic)]
mod table;

#[test]
fn compiled_table_matches_data() {
    let expected = table::render(
        include_str!("../data/instance-types.csv"),
        include_str!("../data/regions.csv"),
    )
    .unwrap_or_else(|e| panic!("data/ does not render: {e}"));
    let actual = include_str!("../src/catalogue/table.rs");
    assert!(
        expected == actual,
        "src/catalogue/table.rs is stale: data/ changed without regenerating it. Run `{}`.",
        table::REFRESH
    );
}
