//! The checked-in table must be what the generator makes of `data/` today.

#![cfg(feature = "catalogue")]

#[path = "../xtask/src/table.rs"]
#[allow(dead_code, clippy::all, clippy::pedantic)]
mod table;

#[test]
fn compiled_table_matches_data() {
    let expected = table::render(&table::Data {
        instance_types: include_str!("../data/instance-types.csv"),
        regions: include_str!("../data/regions.csv"),
        spot: include_str!("../data/spot.csv"),
        snapshot: include_str!("../data/snapshot.csv"),
        billing_codes: include_str!("../data/billing-codes.csv"),
    })
    .unwrap_or_else(|e| panic!("data/ does not render: {e}"));
    for (file, expected, actual) in [
        (
            "src/usage/billing_codes.rs",
            expected.billing_codes,
            include_str!("../src/usage/billing_codes.rs"),
        ),
        (
            "src/region_codes.rs",
            expected.region_codes,
            include_str!("../src/region_codes.rs"),
        ),
        (
            "src/catalogue/table.rs",
            expected.table,
            include_str!("../src/catalogue/table.rs"),
        ),
        (
            "src/catalogue/texts.rs",
            expected.texts,
            include_str!("../src/catalogue/texts.rs"),
        ),
    ] {
        assert!(
            expected == actual,
            "{file} is stale: data/ changed without regenerating it. Run `{}`.",
            table::REFRESH
        );
    }
}
