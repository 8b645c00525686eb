//! Splitting one CSV line into fields (RFC 4180 quoting, no newlines inside fields).
//!
//! Also the generator's splitter: `xtask/src/table.rs` includes this file by path.

use std::borrow::Cow;

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

/// The field at `index` of one CSV line, borrowed when it is not quoted.
pub fn field(line: &str, index: usize) -> Option<Cow<'_, str>> {
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut field = 0;
    let mut quoted = false;
    for (at, byte) in bytes.iter().enumerate() {
        match byte {
            b'"' => quoted = !quoted,
            b',' if !quoted => {
                if field == index {
                    return Some(unquote(&line[start..at]));
                }
                field += 1;
                start = at + 1;
            }
            _ => {}
        }
    }
    (field == index).then(|| unquote(&line[start..]))
}

/// A field's text without its quotes.
fn unquote(field: &str) -> Cow<'_, str> {
    match field.strip_prefix('"').and_then(|f| f.strip_suffix('"')) {
        Some(inner) if inner.contains('"') => inner.replace("\"\"", "\"").into(),
        Some(inner) => inner.into(),
        None => field.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::{field, fields};

    #[test]
    fn fields_follow_the_quoting_rules() {
        let line = r#"1,"a,b","say ""hi""",,last"#;
        assert_eq!(fields(line), ["1", "a,b", r#"say "hi""#, "", "last"]);
        for (i, expected) in fields(line).iter().enumerate() {
            assert_eq!(field(line, i).unwrap(), expected.as_str());
        }
        assert_eq!(field(line, 5), None);
    }
}
