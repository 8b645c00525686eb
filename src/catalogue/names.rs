//! The names of the entries, stored one after another in one text.

use super::texts::{NAME_STARTS, NAMES_TEXT};

/// Where the name of the entry at `index` lies in `NAMES_TEXT`.
pub(crate) fn name_span(index: usize) -> Option<std::ops::Range<usize>> {
    let start = usize::from(*NAME_STARTS.get(index)?);
    let end = usize::from(*NAME_STARTS.get(index + 1)?);
    Some(start..end)
}

/// The name of the entry at `index`.
pub(crate) fn name_at(index: usize) -> Option<&'static str> {
    NAMES_TEXT.get(name_span(index)?)
}
