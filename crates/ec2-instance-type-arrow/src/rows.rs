//! One driver for every kernel: walks a string column row by row (a dictionary's values
//! once each) and hands each decoded value to the kernel's builders.

use arrow_array::StructArray;

use crate::Error;
use crate::strings::Strings;

/// The builders of one kernel's struct column.
pub(crate) trait Columns {
    /// One value decoded, borrowing its text.
    type Decoded<'t>;

    /// Decodes `text`; `product` is the row's product code, where one was given.
    fn decode<'t>(&self, text: &'t str, product: Option<&str>) -> Self::Decoded<'t>;

    /// Appends a row for a decoded value.
    fn append(&mut self, text: &str, decoded: &Self::Decoded<'_>);

    /// Appends a null row (a null input).
    fn append_null(&mut self);

    /// The struct column of every row appended.
    fn finish(self) -> StructArray;
}

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
    match (values, products) {
        // A dictionary's values are decoded once each, whatever the number of rows.
        (Strings::Dictionary { keys, values }, None) => {
            let decoded: Vec<_> = (0..values.len())
                .map(|i| values.get(i).map(|text| (text, columns.decode(text, None))))
                .collect();
            for key in keys {
                match key.and_then(|k| decoded.get(k)?.as_ref()) {
                    Some((text, value)) => columns.append(text, value),
                    None => columns.append_null(),
                }
            }
        }
        _ => {
            for row in 0..values.len() {
                match values.get(row) {
                    Some(text) => {
                        let product = products.and_then(|p| p.get(row));
                        let value = columns.decode(text, product);
                        columns.append(text, &value);
                    }
                    None => columns.append_null(),
                }
            }
        }
    }
    Ok(columns.finish())
}
