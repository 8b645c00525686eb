//! The error of a usage type that does not decode.

use std::fmt;

use crate::error::ParseError;
use crate::inline_str::InlineStr;

/// What was wrong with a usage type. Returned by [`UsageTypeError::kind`].
///
/// New kinds may be added in minor releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UsageErrorKind {
    /// The input is empty.
    Empty,
    /// The input is longer than [`UsageType::MAX_LEN`](crate::usage::UsageType::MAX_LEN).
    TooLong,
    /// A control character (a tab, a newline, ...).
    ControlCharacter,
    /// A character AWS never writes in a usage type (a space, a quote, a comma, anything
    /// outside ASCII letters, digits and `-:._/+()`): the text is not a usage type.
    UnexpectedCharacter,
    /// A kind that carries an instance, with nothing after its `:`.
    MissingDetail,
    /// A kind that carries an instance type, with a detail that is not a well-formed name
    /// (the name's own error is [`UsageTypeError::name_error`]).
    InvalidInstanceType,
    /// A kind that carries an instance family, with a detail that is not one.
    InvalidFamily,
}

/// An error from decoding a usage type: what was wrong, where (a byte offset into the
/// whole usage type), and a suggestion when one is obvious.
///
/// ```
/// use ec2_instance_type::usage::{UsageErrorKind, UsageType};
///
/// let err = UsageType::parse("USW2-BoxUsage:m5.xxlarge").unwrap_err();
/// assert_eq!(err.kind(), UsageErrorKind::InvalidInstanceType);
/// assert_eq!(err.offset(), 17);
/// assert_eq!(err.suggestion(), Some("2xlarge"));
/// assert_eq!(err.to_string(), "invalid instance type 'm5.xxlarge' in usage type: unknown size 'xxlarge', did you mean '2xlarge'");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{}", Message(self))]
pub struct UsageTypeError {
    kind: UsageErrorKind,
    offset: u32,
    /// The offending text, cut to a few dozen bytes.
    found: InlineStr<{ UsageTypeError::FOUND }>,
    name_error: Option<ParseError>,
}

impl UsageTypeError {
    /// The longest offending text quoted.
    const FOUND: usize = 24;

    pub(crate) fn new(kind: UsageErrorKind, offset: usize, found: &str) -> Self {
        Self {
            kind,
            offset: u32::try_from(offset).unwrap_or(u32::MAX),
            found: InlineStr::new(found),
            name_error: None,
        }
    }

    pub(crate) fn with_name_error(mut self, error: ParseError) -> Self {
        self.name_error = Some(error);
        self
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> UsageErrorKind {
        self.kind
    }

    /// The byte index in the whole usage type where the problem was found; always inside
    /// the input (0 for empty input).
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset as usize
    }

    /// The instance name's own error, for [`UsageErrorKind::InvalidInstanceType`] and
    /// [`UsageErrorKind::InvalidFamily`] (its offset counts from the detail's start).
    #[must_use]
    pub fn name_error(&self) -> Option<&ParseError> {
        self.name_error.as_ref()
    }

    /// A correction of the offending part, when one is obvious (the name's or family's
    /// suggestion).
    #[must_use]
    pub fn suggestion(&self) -> Option<&str> {
        self.name_error.as_ref().and_then(ParseError::suggestion)
    }
}

impl fmt::Debug for UsageTypeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UsageTypeError")
            .field("kind", &self.kind)
            .field("offset", &self.offset)
            .field("message", &format_args!("{self}"))
            .finish_non_exhaustive()
    }
}

/// The message text of a [`UsageTypeError`].
struct Message<'e>(&'e UsageTypeError);

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let error = self.0;
        let found = error.found.as_str();
        match error.kind {
            UsageErrorKind::Empty => f.write_str("empty usage type"),
            UsageErrorKind::TooLong => write!(
                f,
                "usage type is longer than {} bytes",
                crate::limits::USAGE_TYPE_MAX_LEN
            ),
            UsageErrorKind::ControlCharacter => {
                write!(f, "unexpected control character {found:?} in usage type")
            }
            UsageErrorKind::UnexpectedCharacter => {
                write!(
                    f,
                    "unexpected {found:?} in usage type, expected ASCII letters, digits and -:._/+()"
                )
            }
            UsageErrorKind::MissingDetail => {
                write!(f, "expected an instance type after '{found}:'")
            }
            UsageErrorKind::InvalidInstanceType => {
                write!(f, "invalid instance type '{found}' in usage type")
            }
            UsageErrorKind::InvalidFamily => {
                write!(f, "invalid instance family '{found}' in usage type")
            }
        }?;
        match &error.name_error {
            Some(name_error) => write!(f, ": {name_error}"),
            None => Ok(()),
        }
    }
}
