//! The grammar: `FromStr` for names and their parts, and the lenient parse. It builds the
//! value types (`crate::instance_type`, `crate::parts`, `crate::service`) and the public
//! error; nothing below it knows of it.
//!
//! - `rules`: the nom rules, one function per rule, with their EBNF.
//! - `suggest`: replacements for refused input, checked with the rules.
//! - `lenient`: trim and lowercase, then the strict parse.

mod lenient;
mod region;
mod rules;
mod suggest;

use std::str::FromStr;

use crate::error::{ErrorKind, ParseError};
use crate::inline_str::InlineStr;
use crate::instance_type::InstanceType;
use crate::limits::NAME_MAX_LEN;
use crate::parts::{Capability, InstanceOption, Series, Size};
use crate::service::ServiceInstanceType;

use rules::Failure;
use suggest::Form;

/// The public error for a grammar failure on `input` read as `form`, with a suggestion
/// when one is obvious.
#[cold]
fn error(input: &str, failure: Failure<'_>, form: Form) -> ParseError {
    let found = failure.found();
    if failure.kind == ErrorKind::TooLong {
        let max_len = usize::from(failure.max_len);
        return ParseError::too_long(failure.offset(input), found, max_len);
    }
    let suggestion = suggest::suggestion(input, failure.kind, found, form);
    ParseError::new(failure.kind, failure.offset(input), found)
        .with_suggestion(suggestion.as_ref().map(InlineStr::as_str))
}

/// The error for a service name given where an EC2 name was expected, if `input` is one:
/// it points at the service's word and suggests the EC2 name inside.
#[cold]
fn service_name_error(input: &str) -> Option<ParseError> {
    let decoded = rules::decode_service(input).ok()?;
    let service = decoded.service?;
    let (start, end) = decoded.name_span;
    let at = if service.is_suffix() { end } else { 0 };
    let ec2_name = input.get(usize::from(start)..usize::from(end));
    Some(ParseError::new(ErrorKind::ServiceName, usize::from(at), input).with_suggestion(ec2_name))
}

impl FromStr for InstanceType {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match rules::decode(s) {
            Ok(parts) => Ok(InstanceType::from_parts(s, parts)),
            Err(failure) => {
                Err(service_name_error(s).unwrap_or_else(|| error(s, failure, Form::Ec2)))
            }
        }
    }
}

impl FromStr for ServiceInstanceType {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let decoded =
            rules::decode_service(s).map_err(|failure| error(s, failure, Form::Service))?;
        let (start, end) = decoded.name_span;
        let name = s
            .get(usize::from(start)..usize::from(end))
            .unwrap_or_default();
        Ok(ServiceInstanceType::from_parts(
            InstanceType::from_parts(name, decoded.name),
            decoded.service,
            decoded.class_option,
        ))
    }
}

impl InstanceType {
    /// Parses a name strictly. The same as [`str::parse`].
    ///
    /// # Errors
    ///
    /// Any input that is not a well-formed name: `""`, `"m5"` (no size), `"m5.xxlarge"`
    /// (unknown size), `"M5.large"` (upper case), `"m5.large "` (whitespace),
    /// `"db.r6g.large"` (a service name: see [`ServiceInstanceType`](crate::ServiceInstanceType)).
    pub fn parse(name: &str) -> Result<Self, ParseError> {
        name.parse()
    }

    /// Parses a name typed by a person: surrounding whitespace is trimmed and ASCII
    /// letters are lowercased first. Error offsets still count bytes of `name`.
    ///
    /// ```
    /// use ec2_instance_type::InstanceType;
    ///
    /// let it = InstanceType::parse_lenient("  M5.Large\n")?;
    /// assert_eq!(it.as_str(), "m5.large");
    /// # Ok::<(), ec2_instance_type::ParseError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`InstanceType::parse`], for anything but case and surrounding whitespace.
    pub fn parse_lenient(name: &str) -> Result<Self, ParseError> {
        lenient::parse_lenient(name, str::parse)
    }
}

impl ServiceInstanceType {
    /// Parses a plain or service-wrapped name strictly. The same as [`str::parse`].
    ///
    /// # Errors
    ///
    /// As [`InstanceType::parse`], and also: an unknown prefix or suffix
    /// (`"foo.m5.large"`, `"m5.large.foo"`), a prefix with no name (`"db."`), a service
    /// name that is no instance type (`"db.serverless"`), a malformed RDS class option
    /// (`"db.r5b.8xlarge.tpc2"`).
    pub fn parse(name: &str) -> Result<Self, ParseError> {
        name.parse()
    }

    /// Parses a name typed by a person: trims and lowercases first, as
    /// [`InstanceType::parse_lenient`] does.
    ///
    /// # Errors
    ///
    /// As [`ServiceInstanceType::parse`], for anything but case and surrounding whitespace.
    pub fn parse_lenient(name: &str) -> Result<Self, ParseError> {
        lenient::parse_lenient(name, str::parse)
    }
}

/// Parses a size on its own, such as `24xlarge` or `metal-48xl`.
impl FromStr for Size {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(ParseError::new(ErrorKind::Empty, 0, ""));
        }
        if let Some(failure) = rules::first_bad_character(s) {
            return Err(error(s, failure, Form::Ec2));
        }
        rules::size_key(s.as_bytes())
            .map(Size::from_key)
            .map_err(|kind| {
                let suggestion = suggest::size(s, kind);
                ParseError::new(kind, 0, s)
                    .with_suggestion(suggestion.as_ref().map(InlineStr::as_str))
            })
    }
}

/// Parses a series code on its own, such as `hpc`: lowercase letters. Codes that are not
/// known parse as [`Series::Other`].
impl FromStr for Series {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        word(s, NAME_MAX_LEN, ErrorKind::ExpectedSeries).map(Series::classify)
    }
}

/// Parses one capability letter, such as `d`. Letters that are not known parse as
/// [`Capability::Other`].
impl FromStr for Capability {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let letter = word(s, 1, ErrorKind::UnexpectedCharacter)?;
        letter
            .bytes()
            .next()
            .and_then(Capability::classify)
            .ok_or_else(|| ParseError::new(ErrorKind::UnexpectedCharacter, 0, s))
    }
}

/// Parses an option on its own, without its `-`: `flex`, `6tb`, `m4pro`. Options that are
/// not known parse as [`InstanceOption::Other`].
impl FromStr for InstanceOption {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(ParseError::new(ErrorKind::Empty, 0, ""));
        }
        if s.len() > NAME_MAX_LEN {
            return Err(too_long(s, NAME_MAX_LEN));
        }
        if let Some(failure) = rules::first_bad_character(s) {
            return Err(error(s, failure, Form::Ec2));
        }
        match rules::option_token(s.as_bytes()) {
            Ok((b"", _)) => Ok(InstanceOption::classify(s)),
            Ok((rest, _)) => {
                let at = s.len() - rest.len();
                Err(ParseError::new(ErrorKind::TrailingCharacters, at, &s[at..]))
            }
            Err(_) => Err(ParseError::new(ErrorKind::EmptyOption, 0, s)),
        }
    }
}

/// Checks an instance family on its own (`m5d`, `u-6tb1`, `mac2-m2`), as the host and
/// credit usage types name them.
pub(crate) fn check_family(family: &str) -> Result<(), ParseError> {
    rules::decode_family(family).map_err(|failure| error(family, failure, Form::Family))
}

/// `s` when it is 1 to `max` lowercase ASCII letters; otherwise the error, of kind
/// `otherwise` where no more precise kind applies.
fn word(s: &str, max: usize, otherwise: ErrorKind) -> Result<&str, ParseError> {
    if s.is_empty() {
        return Err(ParseError::new(ErrorKind::Empty, 0, ""));
    }
    if let Some(failure) = rules::first_bad(s, |b| b.is_ascii_lowercase()) {
        let kind = match failure.kind {
            ErrorKind::UnexpectedCharacter => otherwise,
            kind => kind,
        };
        return Err(ParseError::new(kind, failure.offset(s), failure.found()));
    }
    if s.len() > max {
        return Err(ParseError::new(
            ErrorKind::TrailingCharacters,
            max,
            &s[max..],
        ));
    }
    Ok(s)
}

/// The error of `input`, longer than `max_len` bytes: at the bound, quoting what follows
/// it (from the next character boundary).
#[cold]
pub(crate) fn too_long(input: &str, max_len: usize) -> ParseError {
    let from = (max_len..=input.len())
        .find(|&at| input.is_char_boundary(at))
        .unwrap_or(input.len());
    ParseError::too_long(max_len, input.get(from..).unwrap_or_default(), max_len)
}
