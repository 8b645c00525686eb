//! Splitting one line of `data/*.csv` into fields (RFC 4180 quoting; the generator's own
//! files have no newlines inside fields).

/// The fields of one CSV line, unquoted (RFC 4180: `""` inside quotes is a quote).
pub fn fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    fields.push(field);
    fields
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
