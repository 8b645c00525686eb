//! Helpers shared by the integration tests.

#![allow(dead_code)]

/// Every instance type name the EC2 API knows, read from the project's `data/` with a
/// real CSV reader (once).
pub fn known_names() -> Vec<&'static str> {
    static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| {
            data_rows()
                .into_iter()
                .map(|mut row| row.remove("name").unwrap_or_default())
                .collect()
        })
        .iter()
        .map(String::as_str)
        .collect()
}

/// The rows of `data/instance-types.csv` as (column, value) maps, read with a real CSV
/// reader: the figures tests check are counted from here, not pinned.
pub fn data_rows() -> Vec<std::collections::HashMap<String, String>> {
    let csv = include_str!("../../data/instance-types.csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            header
                .iter()
                .cloned()
                .zip(record.iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

/// How many rows of `data/instance-types.csv` satisfy `keep`.
pub fn count_rows(keep: impl Fn(&std::collections::HashMap<String, String>) -> bool) -> usize {
    data_rows().iter().filter(|row| keep(row)).count()
}
