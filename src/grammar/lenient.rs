//! The lenient parse for names typed by people: trim, then lowercase ASCII.

use crate::error::ParseError;

/// Trims `input`, lowercases its ASCII letters into a stack buffer, and runs `strict`
/// on the result; error offsets are shifted back into `input`.
pub(crate) fn parse_lenient<T>(
    input: &str,
    strict: impl Fn(&str) -> Result<T, ParseError>,
) -> Result<T, ParseError> {
    let trimmed = input.trim();
    let lead = input.len() - input.trim_start().len();
    let mut buf = [0u8; crate::limits::SERVICE_NAME_MAX_LEN];
    let Some(slot) = buf.get_mut(..trimmed.len()) else {
        // Too long to copy: the strict parser refuses it with the right error.
        return strict(trimmed).map_err(|e| e.shifted(lead, input.len()));
    };
    slot.copy_from_slice(trimmed.as_bytes());
    slot.make_ascii_lowercase();
    let lowered = std::str::from_utf8(slot).unwrap_or(trimmed);
    strict(lowered).map_err(|e| e.shifted(lead, input.len()))
}
