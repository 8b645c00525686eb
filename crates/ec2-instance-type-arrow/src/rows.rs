//! One driver for every kernel: walks a string column row by row and hands each decoded
//! value to the kernel's builders. Each distinct value is decoded once: a dictionary's
//! values always, a plain column's through a map from text to its decoded row (bills
//! repeat themselves: a few thousand usage types over millions of rows).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use arrow_array::StructArray;

use crate::Error;
use crate::strings::Strings;

/// The builders of one kernel's struct column.
pub(crate) trait Columns {
    /// One value decoded, borrowing its text: everything a row needs, so that appending
    /// it again costs only the copies.
    type Decoded<'t>;

    /// Decodes `text`; `product` is the row's product code, where one was given.
    fn decode<'t>(&self, text: &'t str, product: Option<&'t str>) -> Self::Decoded<'t>;

    /// Appends a row for a decoded value.
    fn append(&mut self, text: &str, decoded: &Self::Decoded<'_>);

    /// Appends a null row (a null input).
    fn append_null(&mut self);

    /// The struct column of every row appended.
    fn finish(self) -> StructArray;
}

/// The most distinct values kept decoded: past it, a value not seen yet is decoded for
/// its row alone (bounded memory on a column of unique values).
const MAX_KEPT: usize = 1 << 16;

/// Decodes every row of `values` (with the product code of the same row of `products`)
/// into `columns`.
pub(crate) fn decode_rows<C: Columns>(
    mut columns: C,
    values: &Strings<'_>,
    products: Option<&Strings<'_>>,
) -> Result<StructArray, Error> {
    if let Some(products) = products {
        if products.len() != values.len() {
            return Err(Error::LengthMismatch {
                values: values.len(),
                products: products.len(),
            });
        }
    }
    if let (Strings::Dictionary { keys, values }, None) = (values, products) {
        let decoded: Vec<_> = (0..values.len())
            .map(|i| values.get(i).map(|text| (text, columns.decode(text, None))))
            .collect();
        for key in keys {
            match key.and_then(|k| decoded.get(k)?.as_ref()) {
                Some((text, value)) => columns.append(text, value),
                None => columns.append_null(),
            }
        }
        return Ok(columns.finish());
    }
    let mut seen: HashMap<(&str, Option<&str>), usize, BuildHasherDefault<FxHasher>> =
        HashMap::default();
    let mut decoded = Vec::new();
    for row in 0..values.len() {
        let Some(text) = values.get(row) else {
            columns.append_null();
            continue;
        };
        let product = products.and_then(|p| p.get(row));
        let key = (text, product);
        let at = match seen.get(&key) {
            Some(&at) => at,
            None if decoded.len() < MAX_KEPT => {
                decoded.push(columns.decode(text, product));
                seen.insert(key, decoded.len() - 1);
                decoded.len() - 1
            }
            None => {
                let value = columns.decode(text, product);
                columns.append(text, &value);
                continue;
            }
        };
        if let Some(value) = decoded.get(at) {
            columns.append(text, value);
        }
    }
    Ok(columns.finish())
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
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}
