//! [`ParseError`], the one error of text: names and their parts, regions, and the keyword
//! values (processors, services, architectures, ...). It says what was expected, where,
//! and offers a suggestion when one is obvious.

use std::fmt;

/// What went wrong while parsing a name. Returned by [`ParseError::kind`].
///
/// New kinds may be added in minor releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is empty.
    Empty,
    /// The input is longer than the bound ([`InstanceType::MAX_LEN`](crate::InstanceType::MAX_LEN)
    /// for EC2 names, [`ServiceInstanceType::MAX_LEN`](crate::ServiceInstanceType::MAX_LEN)
    /// for service names).
    TooLong,
    /// A character outside ASCII, such as a Cyrillic look-alike letter.
    NonAscii,
    /// An uppercase letter: names are lowercase.
    Uppercase,
    /// Whitespace inside or around the name.
    Whitespace,
    /// A character that names never contain, or one in the wrong place.
    UnexpectedCharacter,
    /// The name does not start with the series letters.
    ExpectedSeries,
    /// The series is not followed by a generation number or a `-` option.
    ExpectedGeneration,
    /// A number with a leading zero.
    LeadingZero,
    /// A number too large to be real.
    NumberTooLarge,
    /// A `-` with no option after it.
    EmptyOption,
    /// More hyphenated options than any name has.
    TooManyOptions,
    /// No `.` between the family and the size.
    MissingDot,
    /// Nothing after the `.` where the size belongs.
    MissingSize,
    /// The size is not one that names use.
    UnknownSize,
    /// A size multiplier of 0 or 1 (`1xlarge` is written `xlarge`).
    MultiplierTooSmall,
    /// A `metal-` size without its multiplier (`metal-xl`).
    MissingMultiplier,
    /// Text after the size.
    TrailingCharacters,
    /// A service prefix or suffix that is not known.
    UnknownService,
    /// A service prefix with no instance type after it (`db.`).
    MissingInstanceType,
    /// A service name that names no instance type (`db.serverless`).
    NotAnInstanceType,
    /// A malformed RDS class option (the `.tpc2.mem4x` of `db.r5b.8xlarge.tpc2.mem4x`).
    InvalidClassOption,
    /// A service name (`db.r6g.large`, `r6g.large.search`) given where an EC2 name was
    /// expected: parse it as a [`ServiceInstanceType`](crate::ServiceInstanceType).
    ServiceName,
    /// A region code that is not well-formed (`eu-west1`): see [`Region`](crate::Region).
    InvalidRegion,
    /// A well-formed region code that this version does not know (`eu-wset-1`), where
    /// only known ones are accepted ([`Region::parse_known`](crate::Region::parse_known)).
    UnknownRegion,
    /// Text that is not one of a keyword's values, such as `"Graviton"` for a
    /// [`Processor`](crate::Processor): [`ParseError::what`] names the keyword.
    UnknownValue,
}

/// An error from parsing an instance type name.
///
/// It says what was wrong ([`kind`](Self::kind)), where ([`offset`](Self::offset), a byte
/// index into the input), and offers a [`suggestion`](Self::suggestion) when one is
/// obvious. It holds everything inline: making one never allocates.
///
/// ```
/// use ec2_instance_type::{ErrorKind, InstanceType};
///
/// let err = InstanceType::parse("m5.xxlarge").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnknownSize);
/// assert_eq!(err.offset(), 3);
/// assert_eq!(err.suggestion(), Some("2xlarge"));
/// assert_eq!(err.to_string(), "unknown size 'xxlarge', did you mean '2xlarge'");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{}", Message(self))]
pub struct ParseError {
    kind: ErrorKind,
    /// Saturates at `u32::MAX`, which still lies inside any input that long.
    offset: u32,
    found_len: u8,
    has_suggestion: bool,
    /// The length bound a [`ErrorKind::TooLong`] input broke; 0 for every other kind.
    max_len: u8,
    /// The keyword an [`ErrorKind::UnknownValue`] text is not a value of.
    keyword: Option<&'static Keyword>,
    /// The offending text, then the suggestion: one buffer keeps the error small, and so
    /// the `Result` every parse returns.
    text: ErrorText,
}

/// A keyword whose values [`ErrorKind::UnknownValue`] errors list: its name, as in
/// "unknown processor", and what it expected.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(crate) struct Keyword {
    pub(crate) what: &'static str,
    pub(crate) expected: Expected,
}

impl ParseError {
    /// The longest offending text quoted; longer text is cut on a character boundary.
    const FOUND: usize = 20;

    pub(crate) fn new(kind: ErrorKind, offset: usize, found: &str) -> Self {
        let text = ErrorText::new(found, Self::FOUND);
        Self {
            kind,
            offset: u32::try_from(offset).unwrap_or(u32::MAX),
            found_len: text.as_str().len() as u8,
            has_suggestion: false,
            max_len: 0,
            keyword: None,
            text,
        }
    }

    /// The error of `found`, which is none of `keyword`'s values; it suggests the closest
    /// value when one is obvious (case, a typo).
    pub(crate) fn unknown_value(keyword: &'static Keyword, found: &str) -> Self {
        let suggestion = match keyword.expected {
            Expected::OneOf(texts) => crate::edit_distance::closest(found, texts),
            Expected::Pattern(_) => None,
        };
        Self {
            keyword: Some(keyword),
            ..Self::new(ErrorKind::UnknownValue, 0, found)
        }
        .with_suggestion(suggestion)
    }

    /// The error of input longer than `max_len` bytes: `offset` is where it passes the
    /// bound, `found` the text from there.
    pub(crate) fn too_long(offset: usize, found: &str, max_len: usize) -> Self {
        Self {
            max_len: u8::try_from(max_len).unwrap_or(u8::MAX),
            ..Self::new(ErrorKind::TooLong, offset, found)
        }
    }

    /// Adds a suggestion; one too long to keep beside the offending text is dropped.
    pub(crate) fn with_suggestion(mut self, suggestion: Option<&str>) -> Self {
        if let Some(text) = suggestion.and_then(|s| ErrorText::concat(self.found(), s)) {
            self.text = text;
            self.has_suggestion = true;
        }
        self
    }

    /// Moves the offset `by` bytes on, staying inside an input of `len` bytes.
    pub(crate) fn shifted(mut self, by: usize, len: usize) -> Self {
        let offset = (self.offset() + by).min(len.saturating_sub(1));
        self.offset = u32::try_from(offset).unwrap_or(u32::MAX);
        self
    }

    fn found(&self) -> &str {
        self.text
            .as_str()
            .get(..usize::from(self.found_len))
            .unwrap_or_default()
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The byte index in the input where the problem was found.
    ///
    /// It always lies inside the input: for input that ends too early it is the index of
    /// the last byte; for empty input it is 0.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset as usize
    }

    /// The length bound the input broke, for [`ErrorKind::TooLong`]; `None` otherwise.
    ///
    /// ```
    /// use ec2_instance_type::InstanceType;
    ///
    /// let err = InstanceType::parse(&format!("m5.{}", "x".repeat(40))).unwrap_err();
    /// assert_eq!(err.max_len(), Some(InstanceType::MAX_LEN));
    /// assert_eq!(err.to_string(), format!("name is longer than {} bytes", InstanceType::MAX_LEN));
    /// ```
    #[must_use]
    pub fn max_len(&self) -> Option<usize> {
        (self.kind == ErrorKind::TooLong).then_some(usize::from(self.max_len))
    }

    /// The keyword an [`ErrorKind::UnknownValue`] text is not a value of (`"processor"`,
    /// `"service"`, ...); `None` for other kinds.
    ///
    /// ```
    /// use ec2_instance_type::{ErrorKind, Processor};
    ///
    /// let err = "Graviton".parse::<Processor>().unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::UnknownValue);
    /// assert_eq!(err.what(), Some("processor"));
    /// assert_eq!(err.suggestion(), Some("graviton"));
    /// assert_eq!(
    ///     err.to_string(),
    ///     "unknown processor 'Graviton', expected one of amd, graviton, intel, apple, aws, did you mean 'graviton'"
    /// );
    /// ```
    #[must_use]
    pub fn what(&self) -> Option<&'static str> {
        self.keyword.map(|keyword| keyword.what)
    }

    /// A corrected spelling of the offending part or of the whole name, when one is obvious.
    #[must_use]
    pub fn suggestion(&self) -> Option<&str> {
        let rest = self.text.as_str().get(usize::from(self.found_len)..);
        rest.filter(|_| self.has_suggestion)
    }
}

impl fmt::Debug for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParseError")
            .field("kind", &self.kind)
            .field("offset", &self.offset)
            .field("message", &format_args!("{self}"))
            .finish_non_exhaustive()
    }
}

/// The message text of a [`ParseError`].
struct Message<'e>(&'e ParseError);

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let found = self.0.found();
        match self.0.kind {
            ErrorKind::Empty => f.write_str("empty name"),
            ErrorKind::TooLong => write!(f, "name is longer than {} bytes", self.0.max_len),
            ErrorKind::NonAscii => write!(f, "unexpected non-ascii character '{found}'"),
            ErrorKind::Uppercase => {
                write!(f, "unexpected uppercase '{found}', names are lowercase")
            }
            ErrorKind::Whitespace => f.write_str("unexpected whitespace"),
            ErrorKind::UnexpectedCharacter => write!(f, "unexpected character '{found}'"),
            ErrorKind::ExpectedSeries => write!(f, "expected series letters, found '{found}'"),
            ErrorKind::ExpectedGeneration => {
                write!(
                    f,
                    "expected a generation number or '-' after series '{found}'"
                )
            }
            ErrorKind::LeadingZero => write!(f, "number in '{found}' has a leading zero"),
            ErrorKind::NumberTooLarge => write!(f, "number in '{found}' is too large"),
            ErrorKind::EmptyOption => f.write_str("expected an option after '-'"),
            ErrorKind::TooManyOptions => write!(
                f,
                "too many options, a name has at most {}",
                crate::limits::MAX_OPTIONS
            ),
            ErrorKind::MissingDot => f.write_str("missing '.' between family and size"),
            ErrorKind::MissingSize => f.write_str("expected a size after '.'"),
            ErrorKind::UnknownSize => write!(f, "unknown size '{found}'"),
            ErrorKind::MultiplierTooSmall => {
                write!(f, "size multiplier in '{found}' must be at least 2")
            }
            ErrorKind::MissingMultiplier => {
                write!(f, "size '{found}' needs a multiplier, such as 'metal-24xl'")
            }
            ErrorKind::TrailingCharacters => write!(f, "unexpected '{found}' after the size"),
            ErrorKind::UnknownService => write!(f, "unknown service '{found}'"),
            ErrorKind::MissingInstanceType => write!(f, "missing instance type after '{found}.'"),
            ErrorKind::NotAnInstanceType => write!(f, "'{found}' names no instance type"),
            ErrorKind::InvalidClassOption => write!(
                f,
                "invalid class option '{found}', expected '.tpcN.memNx' as in 'db.r5b.8xlarge.tpc2.mem4x'"
            ),
            ErrorKind::InvalidRegion => write!(
                f,
                "invalid region '{found}', expected a code such as 'us-east-1'"
            ),
            ErrorKind::UnknownRegion => write!(f, "unknown region '{found}'"),
            ErrorKind::ServiceName => write!(
                f,
                "'{found}' is a service's instance class, not an EC2 instance type name"
            ),
            ErrorKind::UnknownValue => unknown_value(f, self.0.keyword, found),
        }?;
        match self.0.suggestion() {
            Some(suggestion) => write!(f, ", did you mean '{suggestion}'"),
            None => Ok(()),
        }
    }
}

/// What an [`ErrorKind::UnknownValue`] error expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Expected {
    /// One of these texts.
    OneOf(&'static [&'static str]),
    /// Text of this pattern, such as `m<generation>[pro|max|ultra]`.
    Pattern(&'static str),
}

/// The message of an [`ErrorKind::UnknownValue`] error, before any suggestion.
fn unknown_value(
    f: &mut fmt::Formatter<'_>,
    keyword: Option<&Keyword>,
    found: &str,
) -> fmt::Result {
    let Some(keyword) = keyword else {
        return write!(f, "unknown value '{found}'");
    };
    write!(f, "unknown {} '{found}', expected ", keyword.what)?;
    match keyword.expected {
        Expected::OneOf(texts) => {
            f.write_str("one of ")?;
            for (i, text) in texts.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                f.write_str(text)?;
            }
            Ok(())
        }
        Expected::Pattern(pattern) => f.write_str(pattern),
    }
}

/// The text of a [`ParseError`]: up to 47 bytes inline with a one-byte length, so that the
/// error stays 64 bytes with its keyword.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct ErrorText {
    bytes: [u8; ErrorText::CAPACITY],
    len: u8,
}

impl ErrorText {
    const CAPACITY: usize = 47;

    /// `text`, cut to at most `max` bytes on a character boundary.
    fn new(text: &str, max: usize) -> Self {
        let mut end = text.len().min(max).min(Self::CAPACITY);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        Self::concat(text.get(..end).unwrap_or_default(), "").unwrap_or(Self {
            bytes: [0; Self::CAPACITY],
            len: 0,
        })
    }

    /// `a` then `b`, or `None` if they do not fit.
    fn concat(a: &str, b: &str) -> Option<Self> {
        let len = a.len() + b.len();
        let mut bytes = [0; Self::CAPACITY];
        bytes.get_mut(..a.len())?.copy_from_slice(a.as_bytes());
        bytes.get_mut(a.len()..len)?.copy_from_slice(b.as_bytes());
        Some(Self {
            bytes,
            len: u8::try_from(len).ok()?,
        })
    }

    fn as_str(&self) -> &str {
        // Always UTF-8: it is cut on character boundaries only.
        std::str::from_utf8(self.bytes.get(..usize::from(self.len)).unwrap_or_default())
            .unwrap_or_default()
    }
}
