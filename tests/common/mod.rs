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
