//! Why the user's data was refused: [`DataError`], with the input's name and the place.

use std::fmt;

/// The largest input an overlay reads: 256 MiB.
pub const MAX_INPUT: usize = 256 << 20;

/// Why an overlay was refused: what is wrong ([`DataError::kind`]), in which input
/// ([`DataError::source_name`], the name it was applied under) and where (line, and
/// column where known: a JSON record's error points at its `"InstanceType"` key). Nothing
/// of the overlay was applied.
///
/// ```
/// use ec2_instance_type::catalogue::{Catalogue, DataErrorKind};
///
/// let mut catalogue = Catalogue::empty();
/// let err = catalogue
///     .apply_prices_csv("region,instance_type,usd_per_hour\neu-west-1,m5.large,cheap\n".as_bytes(), "prices.csv")
///     .unwrap_err();
/// assert_eq!(err.kind(), DataErrorKind::InvalidValue);
/// assert_eq!((err.source_name(), err.line()), (Some("prices.csv"), Some(2)));
/// assert_eq!(err.to_string(), "prices.csv: line 2: price \"cheap\" is not a positive number");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct DataError {
    kind: DataErrorKind,
    source_name: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
}

/// What was wrong with an overlay's input. Returned by [`DataError::kind`].
///
/// New kinds may be added in minor releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DataErrorKind {
    /// Input that could not be read: a file that does not exist or cannot be opened, a
    /// read that failed.
    Unreadable,
    /// Input over [`MAX_INPUT`] bytes.
    TooLarge,
    /// Text that is not JSON.
    NotJson,
    /// A document or header of another shape than the format's (`{"Reservations": ...}`,
    /// a CSV header that is not `region,instance_type,usd_per_hour[,tenancy]`, a line with
    /// too few or too many fields).
    UnexpectedShape,
    /// A record without a field it needs (`InstanceType`, `Location`, vCPUs, memory).
    MissingField,
    /// An instance type name that does not parse.
    InvalidName,
    /// A value that is not what its field holds (a price that is not a positive number,
    /// an unknown tenancy or `LocationType`, a count that is not a whole number).
    InvalidValue,
    /// A region code that is malformed or not one this version knows.
    UnknownRegion,
    /// More names or distinct texts than the catalogue's tables hold.
    TooMany,
}

impl DataError {
    pub(crate) fn new(kind: DataErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            source_name: None,
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// The error with the name of the input it came from.
    pub(crate) fn in_source(mut self, source: &str) -> Self {
        self.source_name = Some(source.to_owned());
        self
    }

    /// What was wrong.
    #[must_use]
    pub fn kind(&self) -> DataErrorKind {
        self.kind
    }

    /// The name the input was applied under (the `source` argument: a file name).
    #[must_use]
    pub fn source_name(&self) -> Option<&str> {
        self.source_name.as_deref()
    }

    pub(crate) fn at(mut self, line: usize, column: Option<usize>) -> Self {
        self.line = Some(line);
        self.column = column;
        self
    }

    /// The line of the input (from 1), where known.
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The column of the line (from 1), where known.
    #[must_use]
    pub fn column(&self) -> Option<usize> {
        self.column
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(source) = &self.source_name {
            write!(f, "{source}: ")?;
        }
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "line {line}, column {column}: ")?,
            (Some(line), None) => write!(f, "line {line}: ")?,
            _ => {}
        }
        f.write_str(&self.message)
    }
}

/// The whole of `input` as text, read no further than one byte past [`MAX_INPUT`].
pub(crate) fn read_limited(input: impl std::io::Read) -> Result<String, DataError> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    input
        .take(MAX_INPUT as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| DataError::new(DataErrorKind::Unreadable, e.to_string()))?;
    if bytes.len() > MAX_INPUT {
        return Err(DataError::new(
            DataErrorKind::TooLarge,
            format!("more than {MAX_INPUT} bytes: over the limit (read no further)"),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        DataError::new(
            DataErrorKind::UnexpectedShape,
            format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to()),
        )
    })
}
