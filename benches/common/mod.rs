//! The benchmark inputs: every known name, from data/.

/// Every instance type name the EC2 API knows.
pub fn known_names() -> Vec<&'static str> {
    include_str!("../../data/instance-types.csv")
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').next())
        .collect()
}
