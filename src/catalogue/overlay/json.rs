//! The AWS CLI's JSON: its documents (one per page), the records of each, and where in
//! the text a record is, for errors that point at it.

use serde_json::Value;

use crate::InstanceType;
use crate::catalogue::data_error::{DataError, DataErrorKind};

/// The line and column (from 1) of byte `at` of `text`.
pub(super) fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, column)
}

/// Where each record of the document starting at byte `start` names its type: the byte
/// of every `"InstanceType"` key from there, in order (one a record, in the AWS CLI's
/// output). Errors point there rather than at the document's start.
fn record_keys(text: &str, start: usize) -> Vec<usize> {
    text.get(start..)
        .unwrap_or_default()
        .match_indices("\"InstanceType\"")
        .map(|(at, _)| start + at)
        .collect()
}

/// Every JSON document of `text` (the AWS CLI prints one per page), each with the byte
/// where it starts.
pub(super) fn documents(text: &str) -> Result<Vec<(usize, Value)>, DataError> {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let mut found = Vec::new();
    loop {
        let start = stream.byte_offset();
        match stream.next() {
            None => break,
            Some(Ok(value)) => found.push((start, value)),
            Some(Err(e)) => {
                return Err(
                    DataError::new(DataErrorKind::NotJson, format!("not JSON: {e}"))
                        .at(e.line(), Some(e.column())),
                );
            }
        }
    }
    if found.is_empty() {
        return Err(DataError::new(DataErrorKind::NotJson, "no JSON document"));
    }
    Ok(found)
}

/// The items of a document: `{"KEY": [...]}` or a bare array.
fn items<'v>(
    text: &str,
    start: usize,
    document: &'v Value,
    key: &str,
) -> Result<&'v [Value], DataError> {
    let list = match document {
        Value::Array(list) => Some(list),
        Value::Object(map) => map.get(key).and_then(Value::as_array),
        _ => None,
    };
    list.map(Vec::as_slice).ok_or_else(|| {
        let (line, column) = line_column(text, start);
        DataError::new(
            DataErrorKind::UnexpectedShape,
            format!("expected {{\"{key}\": [...]}} or a JSON array of records"),
        )
        .at(line, Some(column))
    })
}

/// Calls `each` with every record of the JSON documents of `json` (`{"KEY": [...]}` or a
/// bare array, one document per page), its instance type name (checked to parse), and a
/// maker of errors that name the record (`noun` and its number) and point at it.
pub(super) fn for_each_record(
    json: &str,
    key: &str,
    noun: &str,
    mut each: impl FnMut(
        &Value,
        &str,
        &dyn Fn(DataErrorKind, String) -> DataError,
    ) -> Result<(), DataError>,
) -> Result<(), DataError> {
    for (start, document) in documents(json)? {
        let keys = record_keys(json, start);
        for (i, record) in items(json, start, &document, key)?.iter().enumerate() {
            let at = match record.get("InstanceType") {
                Some(_) => keys.get(i).copied().unwrap_or(start),
                None => start,
            };
            // Where the record is, found only for an error: counting lines up to every
            // record would read the text once per record.
            let here = |kind, message: String| {
                let (line, column) = line_column(json, at);
                DataError::new(kind, format!("{noun} {} of the document: {message}", i + 1))
                    .at(line, Some(column))
            };
            let name = record["InstanceType"].as_str().ok_or_else(|| {
                here(
                    DataErrorKind::MissingField,
                    "no \"InstanceType\"".to_owned(),
                )
            })?;
            InstanceType::parse(name)
                .map_err(|e| here(DataErrorKind::InvalidName, format!("\"{name}\": {e}")))?;
            each(record, name, &here)?;
        }
    }
    Ok(())
}
