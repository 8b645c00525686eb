//! The string arrays a kernel accepts: Utf8, LargeUtf8, Utf8View, dictionaries of any of
//! them with any integer key, and the Null type (all rows null).

use arrow_array::cast::AsArray;
use arrow_array::{Array, GenericStringArray, OffsetSizeTrait, StringViewArray};
use arrow_schema::DataType;

use crate::Error;

/// A column of optional strings, whatever its Arrow layout.
pub(crate) enum Strings<'a> {
    /// Utf8.
    Small(&'a GenericStringArray<i32>),
    /// LargeUtf8.
    Large(&'a GenericStringArray<i64>),
    /// Utf8View.
    View(&'a StringViewArray),
    /// The Null type (an engine's untyped `NULL` literal): every row null.
    Null(usize),
    /// A dictionary: each row's value index (`None` for a null key) into `values`.
    Dictionary {
        keys: Vec<Option<usize>>,
        values: Box<Strings<'a>>,
    },
}

impl<'a> Strings<'a> {
    /// The strings of `array`, or an error naming its type and what is accepted.
    pub(crate) fn of(array: &'a dyn Array, argument: &'static str) -> Result<Self, Error> {
        Ok(match array.data_type() {
            DataType::Utf8 => Strings::Small(array.as_string::<i32>()),
            DataType::LargeUtf8 => Strings::Large(array.as_string::<i64>()),
            DataType::Utf8View => Strings::View(array.as_string_view()),
            DataType::Null => Strings::Null(array.len()),
            DataType::Dictionary(_, value_type) if is_plain_string(value_type) => {
                let dictionary = array
                    .as_any_dictionary_opt()
                    .ok_or_else(|| Error::unsupported(argument, array.data_type()))?;
                let values = Strings::of(dictionary.values().as_ref(), argument)?;
                let key_nulls = dictionary.keys().logical_nulls();
                let keys = dictionary
                    .normalized_keys()
                    .into_iter()
                    .enumerate()
                    .map(|(row, key)| match &key_nulls {
                        Some(nulls) if nulls.is_null(row) => None,
                        _ => Some(key),
                    })
                    .collect();
                Strings::Dictionary {
                    keys,
                    values: Box::new(values),
                }
            }
            other => return Err(Error::unsupported(argument, other)),
        })
    }

    /// How many rows.
    pub(crate) fn len(&self) -> usize {
        match self {
            Strings::Small(a) => a.len(),
            Strings::Large(a) => a.len(),
            Strings::View(a) => a.len(),
            Strings::Null(len) => *len,
            Strings::Dictionary { keys, .. } => keys.len(),
        }
    }

    /// Row `row`'s string; `None` when it is null.
    #[inline]
    pub(crate) fn get(&self, row: usize) -> Option<&'a str> {
        match self {
            Strings::Small(a) => plain(*a, row),
            Strings::Large(a) => plain(*a, row),
            Strings::View(a) => (!a.is_null(row)).then(|| a.value(row)),
            Strings::Null(_) => None,
            Strings::Dictionary { keys, values } => values.get(keys[row]?),
        }
    }
}

/// Row `row` of a Utf8 or LargeUtf8 array.
#[inline]
fn plain<O: OffsetSizeTrait>(array: &GenericStringArray<O>, row: usize) -> Option<&str> {
    (!array.is_null(row)).then(|| array.value(row))
}

/// Whether a dictionary's values are one of the plain string types.
fn is_plain_string(data_type: &DataType) -> bool {
    matches!(
        data_type,
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
    )
}
