//! One line of `data/*.csv` split into fields, by the csv crate (RFC 4180 quoting; the
//! generator's own files have no newlines inside fields): the one CSV reader of the
//! project, here as in the library.

/// The fields of one CSV line, unquoted (RFC 4180: `""` inside quotes is a quote). A line
/// the csv crate cannot read gives no fields.
pub fn fields(line: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes());
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => record.iter().map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::fields;

    #[test]
    fn fields_follow_the_quoting_rules() {
        let line = r#"1,"a,b","say ""hi""",,last"#;
        assert_eq!(fields(line), ["1", "a,b", r#"say "hi""#, "", "last"]);
    }
}
