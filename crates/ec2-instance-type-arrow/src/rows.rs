//! One driver for every kernel: each distinct value of a string column is decoded once
//! and appended to the kernel's builders (a dictionary's values; a plain column's through
//! a map from text to its row), then the rows gather theirs, or keep a key into them (a
//! dictionary). Bills repeat themselves: a few thousand usage types over millions of rows.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::UInt32Type;
use arrow_array::{Array, DictionaryArray, StructArray, UInt32Array};
use arrow_select::take::take;

use crate::Error;
use crate::strings::Strings;

/// The builders of one kernel's struct column: one row per distinct value.
pub(crate) trait Columns {
    /// Decodes `text` with its row's values of the columns beside it (the usage kernel's
    /// product code and operation, the instance kernel's region; `None` where not given)
    /// and appends its row.
    fn append(&mut self, text: &str, beside: [Option<&str>; 2]);

    /// Appends a null row (a null input).
    fn append_null(&mut self);

    /// The struct column of every row appended.
    fn finish(self) -> StructArray;
}

/// A column decoded: the struct of its distinct rows and each row's index into it.
pub(crate) struct Decoded {
    distinct: StructArray,
    indices: Vec<u32>,
    /// Whether the indices are 0, 1, 2, ...: every row distinct, in order.
    in_order: bool,
}

impl Decoded {
    /// The rows, each gathered (`take`) from the distinct rows; the distinct rows
    /// themselves when they are every row in order.
    pub(crate) fn gather(self) -> StructArray {
        if self.in_order && self.indices.len() == self.distinct.len() {
            return self.distinct;
        }
        let indices = UInt32Array::from(self.indices);
        match take(&self.distinct, &indices, None) {
            Ok(gathered) => gathered.as_struct().clone(),
            // Every index is a row of `distinct`: `take` has nothing to refuse.
            Err(_) => self.distinct,
        }
    }

    /// The rows as a dictionary: a key per row into the struct of distinct rows.
    pub(crate) fn into_dictionary(self) -> DictionaryArray<UInt32Type> {
        let keys = UInt32Array::from(self.indices);
        let len = keys.len();
        let distinct: Arc<dyn Array> = Arc::new(self.distinct);
        // Every key is a row of `distinct`: there is nothing to refuse.
        DictionaryArray::try_new(keys, Arc::clone(&distinct))
            .unwrap_or_else(|_| DictionaryArray::new(UInt32Array::new_null(len), distinct))
    }
}

/// A row's text with its values beside it: what makes a row distinct.
type Key<'k> = (&'k str, [Option<&'k str>; 2]);

/// Up to two columns read beside the values, one row each, with their names in errors:
/// the usage kernel's product codes and operations, the instance kernel's regions.
#[derive(Default)]
pub(crate) struct Beside<'a>(pub(crate) [Option<(&'static str, Strings<'a>)>; 2]);

/// Decodes every row of `values` (with the product code and operation of the same row,
/// where given) into `columns`: each distinct value once, into a struct of distinct rows,
/// and each row's index into it.
pub(crate) fn decode_rows<C: Columns>(
    mut columns: C,
    values: &Strings<'_>,
    beside: &Beside<'_>,
) -> Result<Decoded, Error> {
    for (argument, column) in beside.0.iter().flatten() {
        if column.len() != values.len() {
            return Err(Error::LengthMismatch {
                argument,
                values: values.len(),
                rows: column.len(),
            });
        }
    }
    // Rows are indexed with u32 (one more for a dictionary's null row).
    if u32::try_from(values.len()).is_err() || values.len() == u32::MAX as usize {
        return Err(Error::TooLong);
    }
    let mut indices: Vec<u32> = Vec::with_capacity(values.len());
    let mut distinct = 0u32;
    let [first, second] = beside
        .0
        .each_ref()
        .map(|c| c.as_ref().map(|(_, strings)| strings));
    if let (Strings::Dictionary { keys, values }, None, None) = (values, first, second) {
        // The dictionary's values are the distinct rows (a null one, then, for null keys).
        for i in 0..values.len() {
            match values.get(i) {
                Some(text) => columns.append(text, [None, None]),
                None => columns.append_null(),
            }
        }
        // (A dictionary may have more values than rows: the bound is checked again.)
        let null_row = u32::try_from(values.len()).map_err(|_| Error::TooLong)?;
        columns.append_null();
        // A key past the values (only an unvalidated array has one) reads as null.
        indices.extend(keys.iter().map(|key| {
            key.filter(|&k| k < values.len())
                .and_then(|k| u32::try_from(k).ok())
                .unwrap_or(null_row)
        }));
        return Ok(Decoded {
            distinct: columns.finish(),
            indices,
            in_order: false,
        });
    }
    let mut seen: HashMap<Key<'_>, u32, BuildHasherDefault<FxHasher>> = HashMap::default();
    let mut null_row = None;
    let mut in_order = true;
    for row in 0..values.len() {
        let index = match values.get(row) {
            None => *null_row.get_or_insert_with(|| {
                columns.append_null();
                distinct += 1;
                distinct - 1
            }),
            Some(text) => {
                let row_beside = [
                    first.and_then(|c| c.get(row)),
                    second.and_then(|c| c.get(row)),
                ];
                *seen.entry((text, row_beside)).or_insert_with(|| {
                    columns.append(text, row_beside);
                    distinct += 1;
                    distinct - 1
                })
            }
        };
        in_order &= index as usize == row;
        indices.push(index);
    }
    Ok(Decoded {
        distinct: columns.finish(),
        indices,
        in_order,
    })
}

/// The multiply-rotate hash of rustc's `FxHasher`: fast on short keys. (Input is the
/// caller's own column; a collision-heavy one is slow, not wrong.)
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the low bits, which pick the bucket, poorly mixed: rotate
        // the well-mixed high bits down (as rustc-hash 2 does).
        self.0.rotate_left(26)
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}
