//! Helpers shared by the integration tests.

#![allow(dead_code)]

/// Every instance type name the EC2 API knows, read from the project's `data/`.
pub fn known_names() -> Vec<&'static str> {
    let csv = include_str!("../../data/instance-types.csv");
    csv.lines()
        .skip(1)
        .map(|line| line.split(',').next().unwrap_or_default())
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
